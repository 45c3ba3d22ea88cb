"""Which record a kept draft is about: destruction of the record takes its drafts along."""

from __future__ import annotations

import pytest

from desktop_app.domain.drafts import DIALOG_SUBJECTS, about, check_key


@pytest.mark.parametrize(
    ("key", "record"),
    [
        ("report:12", ("report", 12)),
        ("new-report:request:7", ("request", 7)),
        ("new-report", None),
        ("dialog:annotate:12", ("report", 12)),
        ("dialog:report-sign:3", ("report", 3)),
        ("dialog:delay-notice:12", ("request", 12)),
        ("dialog:close-request:5", ("request", 5)),
        ("dialog:register-request", None),
        ("dialog:edit-user:4", None),  # an account is not destroyed with a record
        ("dialog:somebody-new:4", None),
    ],
)
def test_about(key: str, record: tuple[str, int] | None) -> None:
    assert check_key(key) == key
    assert about(key) == record


def test_every_named_kind_is_a_record_kind_of_destruction() -> None:
    assert {kind for kind in DIALOG_SUBJECTS.values() if kind} == {"request", "report"}

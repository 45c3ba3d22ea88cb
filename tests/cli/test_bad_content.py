"""Bad content through the CLI (issue 15 §3): refused as invalid_input (exit 2) or
invalid_state (exit 1) with one JSON error object, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import PASSWORDS
from support.helpers import cli_error


@pytest.fixture
def officer(workspace: Any, as_user: Any) -> Any:
    workspace.add_staff("officier")

    def run(*args: str) -> Any:
        return as_user("officier", *args, secrets=[PASSWORDS["officier"]])

    return run


@pytest.mark.parametrize(
    ("name", "code_point"),
    [("Jan\u202eJansen", "U+202E"), ("Jan\u200bJansen", "U+200B"), ("Jan \x1b[2JJansen", None)],
)
def test_invisible_characters_in_a_name_are_refused(
    officer: Any, name: str, code_point: str | None
) -> None:
    result = officer(
        "request", "add", "--subject-name", name, "--v-number", "0123456789", "--purpose", "asylum"
    )
    message = cli_error(result, "invalid_input", 2)
    assert "\x1b" not in result.out  # no escape sequence reaches the terminal
    if code_point is not None:
        assert code_point in message
    assert officer("request", "list").json["total"] == 0


def test_bad_json_imports_name_the_row(officer: Any, tmp_path: Path) -> None:
    good = (
        '{"subject_name": "Ahmed Ali", "v_number": "1111111111", "purpose": "asylum", '
        '"received": "2026-10-01"}'
    )
    cases = {
        "dubbel.json": f'[{good}, {{"subject_name": "A", "subject_name": "B"}}]',
        "getal.json": f'[{good}, {{"v_number": {"7" * 5000}}}]',
        "surrogaat.json": f"[{good}, {good.replace('Ahmed', chr(92) + 'ud800')}]",
    }
    for file_name, text in cases.items():
        path = tmp_path / file_name
        path.write_text(text, encoding="utf-8")
        message = cli_error(officer("request", "import", str(path)), "invalid_input", 2)
        assert message.startswith("Rij 2"), message
    deep = tmp_path / "diep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    assert "te diep genest" in cli_error(
        officer("request", "import", str(deep)), "invalid_input", 2
    )
    assert officer("request", "list").json["total"] == 0


def test_notify_delay_on_a_closed_request_is_invalid_state(officer: Any) -> None:
    added = officer(
        "request", "add", "--subject-name", "Sara Bakker", "--v-number", "3333333333",
        "--purpose", "asylum",
    )  # fmt: skip
    rid = str(added.json["id"])
    officer("request", "start", rid)
    closed = officer("request", "close", rid, "--no-data", "--reason", "Geen gegevens bekend")
    assert closed.json["status"] == "closed_no_data"
    late = officer("request", "notify-delay", rid, "--reason", "Later")
    assert "afgesloten" in cli_error(late, "invalid_state", 1)
    assert officer("request", "show", rid).json["delay_notice"] is None

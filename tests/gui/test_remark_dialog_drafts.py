"""Text typed in the report's other comment dialogs survives the lock (issue 12): marking a
remark handled, rewording one's own remark, the reason for withdrawing a submission and for
sending back. After the same person signs in again the dialog is open over the report, with
the text; anyone else signing in at the lock screen gets nothing, and the draft waits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from support.helpers import report_at

from desktop_app.domain.reports import ReportStatus
from desktop_app.gui.reports import ReportsPage
from desktop_app.gui.reports.dialogs import CommentDialog
from desktop_app.services import reports
from tests.gui.gui_support import PASSWORDS, all_texts, flush_deletes, section
from tests.support.drafts import (
    another_person_at_the_lock,
    comment_dialogs,
    comment_then_lock,
    waiting_drafts,
)
from tests.support.sample_text import ONE_FINDING_TEXT

CANARY = "ZZ-OPMERKING-9c2d"
TEXT = ONE_FINDING_TEXT


def _session(workspace: Any, name: str) -> Any:
    return workspace.session(name, PASSWORDS[name])


def _submitted(workspace: Any) -> int:
    return report_at(workspace, ReportStatus.IN_REVIEW, text=TEXT, passwords=PASSWORDS)


def _remark(workspace: Any, rid: int, *, verdict: bool) -> int:
    with _session(workspace, "liaison") as s:
        note = reports.annotate(s, rid, quote="in het buitenland", comment="Welk land?").id
        if verdict:
            reports.give_verdict(s, rid, usable=False)
    return int(note)


def _open(window: Any, rid: int) -> Any:
    page = section(window, "reports", ReportsPage)
    page.open_report(rid)
    assert page.detail.view is not None and int(page.detail.view.report.id) == rid
    return page.detail


def _kept_and_back(
    controller: Any,
    window_of: Any,
    sign_in: Any,
    workspace: Any,
    *,
    who: str,
    other: str,
    rid: int,
    key: str,
    opener: Callable[[Any], CommentDialog | None],
    title: str,
) -> CommentDialog:
    """Type in the dialog, lock, let ``other`` sign in (nothing), then ``who`` (the dialog)."""
    detail = _open(window_of(who), rid)
    dialog = opener(detail)
    assert dialog is not None and dialog.isVisible()
    comment_then_lock(controller, dialog, f"Toegelicht. {CANARY}", 4)
    assert CANARY not in all_texts()
    assert waiting_drafts(workspace, who) == [f"dialog:{key}:{rid}"]

    # Someone else at the lock screen: no dialog, nothing of the text, the draft waits.
    with another_person_at_the_lock(
        controller, sign_in, workspace, CANARY, other, who, [f"dialog:{key}:{rid}"]
    ):
        assert comment_dialogs() == []

    back = sign_in(controller, who)
    assert back is not None
    flush_deletes()
    (again,) = comment_dialogs()
    assert again.windowTitle() == title
    assert again.comment_edit.toPlainText() == f"Toegelicht. {CANARY}"
    assert again.comment_edit.textCursor().position() == 4
    assert back.current_section() == "reports"
    view = back.show_section("reports").detail.view
    assert view is not None and int(view.report.id) == rid
    assert waiting_drafts(workspace, who) == []  # taken: it comes back once
    return again


def _status_after(workspace: Any, name: str, rid: int) -> ReportStatus:
    with _session(workspace, name) as s:
        return reports.get_report(s, rid).report.status


def _only_remark(workspace: Any, rid: int) -> Any:
    with _session(workspace, "liaison") as s:
        (remark,) = reports.get_report(s, rid).annotations
    return remark


def _judged(workspace: Any, rid: int) -> None:
    with _session(workspace, "liaison") as s:
        reports.give_verdict(s, rid, usable=True)


@dataclass(frozen=True)
class _Case:
    """One comment dialog: who types in it and who else signs in at the lock screen, what the
    report needs first (returning the remark's id if the dialog is about one), how the dialog
    is opened, its title, and what its OK must have done."""

    who: str
    other: str
    key: str
    title: str
    prepare: Callable[[Any, int], int | None]
    opener: Callable[[Any, int | None], CommentDialog | None]
    done: Callable[[Any, int], bool]


_CASES = [
    _Case(
        "officier",
        "tekenaar",
        "handle-remark",
        "Opmerking afhandelen",
        lambda ws, rid: _remark(ws, rid, verdict=True),
        lambda d, note: d.open_handle_remark_dialog(note),
        lambda ws, rid: _only_remark(ws, rid).handled,
    ),
    _Case(
        "liaison",
        "officier",
        "edit-remark",
        "Opmerking wijzigen",
        lambda ws, rid: _remark(ws, rid, verdict=False),
        lambda d, note: d.open_edit_remark_dialog(note),
        lambda ws, rid: _only_remark(ws, rid).comment == f"Toegelicht. {CANARY}",
    ),
    _Case(
        "officier",
        "liaison",
        "withdraw-submission",
        "Indiening intrekken",
        lambda ws, rid: None,
        lambda d, _: d.open_withdraw_dialog(),
        lambda ws, rid: _status_after(ws, "officier", rid) is ReportStatus.DRAFT,
    ),
    _Case(
        "tekenaar",
        "officier",
        "send-back",
        "Terugsturen in plaats van ondertekenen",
        _judged,
        lambda d, _: d.open_send_back_dialog(),
        lambda ws, rid: _status_after(ws, "tekenaar", rid) is ReportStatus.DRAFT,
    ),
]


@pytest.mark.parametrize("case", _CASES, ids=[c.key for c in _CASES])
def test_the_comment_dialog_comes_back_with_its_text(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any, case: _Case
) -> None:
    """Handling a remark, rewording one's own, withdrawing a submission, sending back: the
    dialog and its text come back for its author only, and its OK then does what it says."""
    rid = _submitted(workspace)
    note = case.prepare(workspace, rid)
    again = _kept_and_back(
        controller,
        window_of,
        sign_in,
        workspace,
        who=case.who,
        other=case.other,
        rid=rid,
        key=case.key,
        opener=lambda d: case.opener(d, note),
        title=case.title,
    )
    again.ok_button.click()
    assert case.done(workspace, rid)


def test_an_unchanged_edit_remark_dialog_is_not_kept(
    controller: Any, window_of: Any, workspace: Any
) -> None:
    rid = _submitted(workspace)
    note = _remark(workspace, rid, verdict=False)
    detail = _open(window_of("liaison"), rid)
    assert detail.open_edit_remark_dialog(note) is not None
    controller.lock()
    assert waiting_drafts(workspace, "liaison") == []


def test_a_remark_judged_meanwhile_does_not_reopen_and_the_wording_waits(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    """A remark can be reworded until the verdict: given meanwhile (elsewhere), the dialog is
    not opened again and the typed wording stays kept."""
    rid = _submitted(workspace)
    note = _remark(workspace, rid, verdict=False)
    detail = _open(window_of("liaison"), rid)
    dialog = detail.open_edit_remark_dialog(note)
    assert dialog is not None
    dialog.comment_edit.setPlainText(f"Welk land precies? {CANARY}")
    controller.lock()
    with _session(workspace, "liaison") as s:
        reports.give_verdict(s, rid, usable=False)
    back = sign_in(controller, "liaison")
    assert back is not None
    flush_deletes()
    assert comment_dialogs() == []
    assert waiting_drafts(workspace, "liaison") == [f"dialog:edit-remark:{rid}"]  # kept again


def test_the_handle_dialog_comes_back_over_the_officers_unsaved_revision(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    """The officer answers a remark while revising: both the editor's text and the dialog's
    note come back at the one sign-in."""
    rid = _submitted(workspace)
    note = _remark(workspace, rid, verdict=True)
    detail = _open(window_of("officier"), rid)
    field = detail.editor.findings[0].text_edit
    field.setPlainText(field.toPlainText().replace("buitenland", "buitenland (Turkije)"))
    assert detail.dirty
    dialog = detail.open_handle_remark_dialog(note)
    assert dialog is not None
    dialog.comment_edit.setPlainText(f"Land toegevoegd. {CANARY}")
    controller.lock()
    assert sorted(waiting_drafts(workspace, "officier")) == [
        f"dialog:handle-remark:{rid}",
        f"report:{rid}",
    ]
    back = sign_in(controller, "officier")
    assert back is not None
    flush_deletes()
    (again,) = comment_dialogs()
    assert again.comment_edit.toPlainText() == f"Land toegevoegd. {CANARY}"
    detail = back.show_section("reports").detail
    assert detail.dirty
    assert "Turkije" in detail.editor.findings[0].text_edit.toPlainText()
    assert waiting_drafts(workspace, "officier") == []

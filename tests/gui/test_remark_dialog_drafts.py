"""Text typed in the report's other comment dialogs survives the lock (issue 12): marking a
remark handled, rewording one's own remark, the reason for withdrawing a submission and for
sending back. After the same person signs in again the dialog is open over the report, with
the text; anyone else signing in at the lock screen gets nothing, and the draft waits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app.domain.reports import ReportStatus
from desktop_app.gui.reports import ReportsPage
from desktop_app.gui.reports.dialogs import CommentDialog
from desktop_app.services import reports
from desktop_app.storage import drafts as drafts_repo
from tests.gui.gui_support import PASSWORDS, all_texts, flush_deletes

CANARY = "ZZ-OPMERKING-9c2d"
TEXT = (
    "Onderwerp: betrokkene A\n\n"
    "Aanleiding\nVerzoek van de IND.\n\n"
    "Bevindingen\n"
    "1. Betrokkene verbleef in 2019 in het buitenland.\n"
    "   Betrouwbaarheid: betrouwbaar\n\n"
    "Conclusie\nGeen bezwaar bekend.\n"
)


def _session(workspace: Any, name: str) -> Any:
    return workspace.session(name, PASSWORDS[name])


def _submitted(workspace: Any) -> int:
    with _session(workspace, "officier") as s:
        rid = int(reports.draft_report(s, text=TEXT).report.id)
        reports.submit_report(s, rid)
    return rid


def _remark(workspace: Any, rid: int, *, verdict: bool) -> int:
    with _session(workspace, "liaison") as s:
        note = reports.annotate(s, rid, quote="in het buitenland", comment="Welk land?").id
        if verdict:
            reports.give_verdict(s, rid, usable=False)
    return int(note)


def _waiting(workspace: Any, name: str) -> list[str]:
    with _session(workspace, name) as s, s.reading() as conn:
        return [d.belongs_to for d in drafts_repo.for_owner(conn, s.user.id)]


def _comment_dialogs() -> list[CommentDialog]:
    return [w for w in QApplication.allWidgets() if isinstance(w, CommentDialog) and w.isVisible()]


def _open(window: Any, rid: int) -> Any:
    page = window.show_section("reports")
    assert isinstance(page, ReportsPage)
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
    dialog.comment_edit.setPlainText(f"Toegelicht. {CANARY}")
    cursor = dialog.comment_edit.textCursor()
    cursor.setPosition(4)
    dialog.comment_edit.setTextCursor(cursor)
    QTest.keySequence(dialog.windowHandle(), QKeySequence("Ctrl+L"))
    assert controller.session is None
    flush_deletes()
    assert CANARY not in all_texts()
    assert _waiting(workspace, who) == [f"dialog:{key}:{rid}"]

    # Someone else at the lock screen: no dialog, nothing of the text, the draft waits.
    stranger = sign_in(controller, other)
    assert stranger is not None
    flush_deletes()
    assert _comment_dialogs() == []
    assert CANARY not in all_texts()
    assert _waiting(workspace, who) == [f"dialog:{key}:{rid}"]
    controller.sign_out()
    flush_deletes()

    back = sign_in(controller, who)
    assert back is not None
    flush_deletes()
    (again,) = _comment_dialogs()
    assert again.windowTitle() == title
    assert again.comment_edit.toPlainText() == f"Toegelicht. {CANARY}"
    assert again.comment_edit.textCursor().position() == 4
    assert back.current_section() == "reports"
    view = back.show_section("reports").detail.view
    assert view is not None and int(view.report.id) == rid
    assert _waiting(workspace, who) == []  # taken: it comes back once
    return again


def test_the_handle_remark_dialog_comes_back_with_its_note(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    rid = _submitted(workspace)
    note = _remark(workspace, rid, verdict=True)
    again = _kept_and_back(
        controller,
        window_of,
        sign_in,
        workspace,
        who="officier",
        other="tekenaar",
        rid=rid,
        key="handle-remark",
        opener=lambda d: d.open_handle_remark_dialog(note),
        title="Opmerking afhandelen",
    )
    again.ok_button.click()
    with _session(workspace, "liaison") as s:
        (remark,) = reports.get_report(s, rid).annotations
    assert remark.handled


def test_the_edit_remark_dialog_comes_back_with_the_new_wording(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    rid = _submitted(workspace)
    note = _remark(workspace, rid, verdict=False)
    again = _kept_and_back(
        controller,
        window_of,
        sign_in,
        workspace,
        who="liaison",
        other="officier",
        rid=rid,
        key="edit-remark",
        opener=lambda d: d.open_edit_remark_dialog(note),
        title="Opmerking wijzigen",
    )
    again.ok_button.click()
    with _session(workspace, "liaison") as s:
        (remark,) = reports.get_report(s, rid).annotations
    assert remark.comment == f"Toegelicht. {CANARY}"


def test_an_unchanged_edit_remark_dialog_is_not_kept(
    controller: Any, window_of: Any, workspace: Any
) -> None:
    rid = _submitted(workspace)
    note = _remark(workspace, rid, verdict=False)
    detail = _open(window_of("liaison"), rid)
    assert detail.open_edit_remark_dialog(note) is not None
    controller.lock()
    assert _waiting(workspace, "liaison") == []


def test_the_withdraw_dialog_comes_back_with_its_reason(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    rid = _submitted(workspace)
    again = _kept_and_back(
        controller,
        window_of,
        sign_in,
        workspace,
        who="officier",
        other="liaison",
        rid=rid,
        key="withdraw-submission",
        opener=lambda d: d.open_withdraw_dialog(),
        title="Indiening intrekken",
    )
    again.ok_button.click()
    with _session(workspace, "officier") as s:
        assert reports.get_report(s, rid).report.status is ReportStatus.DRAFT


def test_the_send_back_dialog_comes_back_with_its_reason(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    rid = _submitted(workspace)
    with _session(workspace, "liaison") as s:
        reports.give_verdict(s, rid, usable=True)
    again = _kept_and_back(
        controller,
        window_of,
        sign_in,
        workspace,
        who="tekenaar",
        other="officier",
        rid=rid,
        key="send-back",
        opener=lambda d: d.open_send_back_dialog(),
        title="Terugsturen in plaats van ondertekenen",
    )
    again.ok_button.click()
    with _session(workspace, "tekenaar") as s:
        assert reports.get_report(s, rid).report.status is ReportStatus.DRAFT


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
    assert _comment_dialogs() == []
    assert _waiting(workspace, "liaison") == [f"dialog:edit-remark:{rid}"]  # kept again


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
    assert sorted(_waiting(workspace, "officier")) == [
        f"dialog:handle-remark:{rid}",
        f"report:{rid}",
    ]
    back = sign_in(controller, "officier")
    assert back is not None
    flush_deletes()
    (again,) = _comment_dialogs()
    assert again.comment_edit.toPlainText() == f"Land toegevoegd. {CANARY}"
    detail = back.show_section("reports").detail
    assert detail.dirty
    assert "Turkije" in detail.editor.findings[0].text_edit.toPlainText()
    assert _waiting(workspace, "officier") == []

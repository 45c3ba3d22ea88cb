"""Nothing typed is lost (issue 12): the lock keeps the unsaved editor text encrypted in the
workspace and puts it back, cursor and all, for the same person only; sign-out and quit with
unsaved changes ask (Opslaan / Verwerpen / Annuleren); the idle lock keeps without asking; the
clipboard and the PRIMARY selection are cleared on lock, sign-out and quit while they still hold
what this application put there (LOCK-8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication, QMessageBox
from support.helpers import report_at

from desktop_app.domain.drafts import Draft
from desktop_app.domain.report_content import Reliability
from desktop_app.domain.reports import ReportStatus
from desktop_app.gui.reports import ReportsPage
from desktop_app.services import audit, drafts, reports
from tests.gui.gui_support import PASSWORDS, all_texts, flush_deletes, section
from tests.support.drafts import (
    QuitAnswer,
    another_person_at_the_lock,
    answer_unsaved,
    comment_dialogs,
    comment_then_lock,
    idle_out,
    lock_with_ctrl_l,
    quit_answers,
    unsaved_questions,
    waiting_drafts,
)
from tests.support.sample_text import ONE_FINDING_TEXT

CANARY = "ZZ-ONOPGESLAGEN-4b1e"
PLAIN = "Vrije tekst van versie 1.\nGeen vaste opbouw.\n"
FORMED = ONE_FINDING_TEXT


def _page(window: Any) -> ReportsPage:
    return section(window, "reports", ReportsPage)


def _type_new_report(window: Any) -> ReportsPage:
    """A new report, complete, with the cursor in the middle of the conclusion."""
    page = _page(window)
    page.start_new_report()
    editor = page.detail.editor
    editor.subject_edit.setText("Betrokkene C")
    editor.occasion_edit.setPlainText("Verzoek van de IND.")
    first = editor.findings[0]
    first.text_edit.setPlainText("Betrokkene verbleef in 2020 in het buitenland.")
    first.set_reliability(Reliability.RELIABLE)
    editor.conclusion_edit.setPlainText(f"Geen bezwaar. {CANARY} einde")
    editor.conclusion_edit.setFocus()
    cursor = editor.conclusion_edit.textCursor()
    cursor.setPosition(7)
    editor.conclusion_edit.setTextCursor(cursor)
    assert page.detail.dirty and window.has_unsaved()
    return page


def _report_count(workspace: Any) -> int:
    with workspace.session("officier", PASSWORDS["officier"]) as s:
        lists = reports.my_work_lists(s)
        return len({r.id for rows in lists.values() for r in rows})


# --- the lock keeps, the same person gets it back ----------------------------------------------


def test_ctrl_l_keeps_the_new_report_and_it_comes_back_with_the_cursor(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    window = window_of("officier")
    _type_new_report(window)
    lock_with_ctrl_l(controller, window, CANARY)
    assert waiting_drafts(workspace, "officier") == ["new-report"]

    back = sign_in(controller, "officier")
    assert back is not None and back is not window
    assert back.current_section() == "reports"
    detail = _page(back).detail
    editor = detail.editor
    assert detail.creating and detail.dirty
    assert editor.subject_edit.text() == "Betrokkene C"
    assert editor.subject_edit.cursorPosition() == 0  # its beginning shows, not its end
    assert editor.conclusion_edit.toPlainText() == f"Geen bezwaar. {CANARY} einde"
    assert editor.findings[0].finding().reliability is Reliability.RELIABLE
    assert back.focusWidget() is editor.conclusion_edit
    assert editor.conclusion_edit.textCursor().position() == 7
    assert "teruggezet" in detail.info_label.text()
    assert waiting_drafts(workspace, "officier") == []  # taken: it comes back once
    # Saving it now is the ordinary save use case.
    detail.save()
    assert not detail.dirty and _report_count(workspace) == 1


def test_unsaved_text_of_a_saved_report_comes_back_in_that_report(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    with workspace.session("officier", PASSWORDS["officier"]) as s:
        rid = int(reports.draft_report(s, text=PLAIN).report.id)
    window = window_of("officier")
    page = _page(window)
    page.open_report(rid)
    detail = page.detail
    assert detail.text_stack.currentWidget() is detail.plain_editor
    edit = detail.plain_editor.edit
    edit.setPlainText(PLAIN + CANARY)
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(5)
    cursor.setPosition(10, cursor.MoveMode.KeepAnchor)  # a selection too
    edit.setTextCursor(cursor)
    controller.lock()
    assert waiting_drafts(workspace, "officier") == [f"report:{rid}"]

    back = sign_in(controller, "officier")
    detail = _page(back).detail
    assert detail.report_id == rid and detail.dirty
    edit = detail.plain_editor.edit
    assert edit.toPlainText() == PLAIN + CANARY
    assert (edit.textCursor().anchor(), edit.textCursor().position()) == (5, 10)
    detail.save()
    with workspace.session("officier", PASSWORDS["officier"]) as s:
        view = reports.get_report(s, rid)
        assert view.version == 2 and view.text == PLAIN + CANARY


def test_another_user_at_the_lock_screen_sees_nothing_and_the_draft_waits(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    window = window_of("officier")
    _type_new_report(window)
    controller.lock()
    flush_deletes()
    dialog = controller.login_dialog
    assert dialog.ui.nameEdit.text() == "officier"
    with another_person_at_the_lock(
        controller, sign_in, workspace, CANARY, "tekenaar", "officier", ["new-report"]
    ):
        pass  # what they see and what waits is checked as they sign in
    back = sign_in(controller, "officier")
    assert back is not None
    assert CANARY in _page(back).detail.editor.conclusion_edit.toPlainText()


def test_the_idle_lock_keeps_the_draft_without_asking(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any, clock: Any
) -> None:
    window = window_of("officier")
    _type_new_report(window)
    idle_out(controller, clock)
    assert controller.session is None and not unsaved_questions()
    back = sign_in(controller, "officier")
    assert CANARY in _page(back).detail.editor.conclusion_edit.toPlainText()


def test_the_idle_lock_while_the_question_is_open_keeps_the_draft(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any, clock: Any
) -> None:
    window = window_of("officier")
    _type_new_report(window)
    window.sign_out_action.trigger()
    assert len(unsaved_questions()) == 1
    idle_out(controller, clock)
    flush_deletes()
    assert not unsaved_questions()
    assert waiting_drafts(workspace, "officier") == ["new-report"]


def test_the_draft_is_in_the_database_encrypted_and_in_no_file_in_plain(
    controller: Any, window_of: Any, workspace: Any, tmp_path: Path
) -> None:
    window = window_of("officier")
    _type_new_report(window)
    controller.lock()
    controller.runner.wait(5000)
    # It is there (through the key), so the scan below looks for something that exists.
    assert waiting_drafts(workspace, "officier") == ["new-report"]
    needles = [CANARY.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]
    scanned = 0
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            scanned += 1
            assert not any(n in data for n in needles), path
    assert scanned >= 3  # the database, its key file, the settings at least
    with workspace.session() as admin:
        entries = audit.list_audit(admin, 30)
        keep = [e for e in entries if e.action == "draft.keep"]
        assert keep and keep[0].object == "user:officier"
        assert all(CANARY not in f"{e.object} {e.details}" for e in entries)


# --- sign-out and quit ask ---------------------------------------------------------------------


def test_sign_out_with_unsaved_changes_cancel_keeps_the_window(
    controller: Any, window_of: Any, workspace: Any
) -> None:
    window = window_of("officier")
    page = _type_new_report(window)
    window.sign_out_action.trigger()
    assert controller.session is not None  # not before the answer
    answer_unsaved(QMessageBox.StandardButton.Cancel)
    assert controller.main_window is window and controller.session is not None
    assert CANARY in page.detail.editor.conclusion_edit.toPlainText()
    assert waiting_drafts(workspace, "officier") == []


def test_sign_out_with_unsaved_changes_discard_drops_them(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    window = window_of("officier")
    _type_new_report(window)
    window.sign_out_action.trigger()
    answer_unsaved(QMessageBox.StandardButton.Discard)
    assert controller.session is None
    assert controller.login_dialog.ui.nameEdit.text() == ""
    assert waiting_drafts(workspace, "officier") == [] and _report_count(workspace) == 0
    back = sign_in(controller, "officier")
    assert not back.has_unsaved()
    flush_deletes()
    assert CANARY not in all_texts()


def test_sign_out_with_unsaved_changes_save_saves_a_version_first(
    controller: Any, window_of: Any, workspace: Any
) -> None:
    window = window_of("officier")
    _type_new_report(window)
    window.sign_out_action.trigger()
    answer_unsaved(QMessageBox.StandardButton.Save)
    assert controller.session is None
    assert _report_count(workspace) == 1 and waiting_drafts(workspace, "officier") == []
    with workspace.session("officier", PASSWORDS["officier"]) as s:
        (rows,) = [r for r in reports.my_work_lists(s).values() if r]
        assert CANARY in reports.get_report(s, int(rows[0].id)).text


def test_save_that_is_refused_keeps_the_person_signed_in(
    controller: Any, window_of: Any, workspace: Any
) -> None:
    window = window_of("officier")
    page = _page(window)
    page.start_new_report()
    page.detail.editor.conclusion_edit.setPlainText(CANARY)  # no subject: not complete
    window.sign_out_action.trigger()
    answer_unsaved(QMessageBox.StandardButton.Save)
    assert controller.main_window is window and controller.session is not None
    assert _report_count(workspace) == 0


def test_sign_out_without_unsaved_changes_does_not_ask(controller: Any, window_of: Any) -> None:
    window = window_of("officier")
    _page(window).start_new_report()  # an empty editor is nothing unsaved
    window.sign_out_action.trigger()
    assert controller.session is None and not unsaved_questions()


@quit_answers
def test_quit_with_unsaved_changes_asks(
    controller: Any,
    window_of: Any,
    workspace: Any,
    quits: list[int],
    answer: QuitAnswer,
) -> None:
    window = window_of("officier")
    _type_new_report(window)
    window.close()  # the X, Ctrl+Q and 'Afsluiten' all come here
    assert quits == [] and controller.main_window is window
    answer_unsaved(answer.button)
    assert len(quits) == answer.quits
    if answer.quits == 0:
        assert window.isVisible() and controller.session is not None
        flush_deletes()
        window.quit_action.trigger()  # Ctrl+Q asks again after a cancel
        assert len(unsaved_questions()) == 1
        answer_unsaved(QMessageBox.StandardButton.Cancel)
    controller.runner.wait(5000)
    assert _report_count(workspace) == answer.saved
    assert waiting_drafts(workspace, "officier") == []


def test_quit_nobody_was_asked_about_keeps_the_draft(
    controller: Any, window_of: Any, workspace: Any, quits: list[int]
) -> None:
    window = window_of("officier")
    _type_new_report(window)
    controller.quit()  # e.g. the desktop session ending
    assert quits == [1]
    assert waiting_drafts(workspace, "officier") == ["new-report"]


# --- clipboard and selection (LOCK-8) ----------------------------------------------------------


class _Ownership:
    """The offscreen platform cannot tell ownership (it says never); X11 and Windows can. The
    test sets what the platform would answer."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.clipboard = False
        self.selection = False
        monkeypatch.setattr(QClipboard, "ownsClipboard", lambda _self: self.clipboard)
        monkeypatch.setattr(QClipboard, "ownsSelection", lambda _self: self.selection)
        monkeypatch.setattr(QClipboard, "supportsSelection", lambda _self: True)
        # Offscreen has no PRIMARY selection to look at afterwards: record what was cleared.
        self.cleared: list[QClipboard.Mode] = []
        original = QClipboard.clear

        def clear(clipboard: QClipboard, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
            self.cleared.append(mode)
            original(clipboard, mode)

        monkeypatch.setattr(QClipboard, "clear", clear)


@pytest.fixture
def ownership(monkeypatch: pytest.MonkeyPatch) -> _Ownership:
    return _Ownership(monkeypatch)


def _copy_from_editor(window: Any) -> QClipboard:
    page = _type_new_report(window)
    edit = page.detail.editor.conclusion_edit
    edit.selectAll()
    edit.copy()
    clipboard = QApplication.clipboard()
    assert CANARY in clipboard.text(QClipboard.Mode.Clipboard)
    return clipboard


@pytest.mark.parametrize("how", ["lock", "sign_out", "quit"])
def test_our_clipboard_and_selection_are_cleared(
    controller: Any, window_of: Any, ownership: _Ownership, how: str
) -> None:
    window = window_of("officier")
    clipboard = _copy_from_editor(window)
    ownership.clipboard = ownership.selection = True
    getattr(controller, how)()
    assert clipboard.text(QClipboard.Mode.Clipboard) == ""
    assert ownership.cleared == [QClipboard.Mode.Clipboard, QClipboard.Mode.Selection]


def test_what_another_program_put_there_since_stays(
    controller: Any, window_of: Any, ownership: _Ownership
) -> None:
    window = window_of("officier")
    clipboard = _copy_from_editor(window)
    ownership.clipboard = ownership.selection = False  # another program took both over
    controller.lock()
    assert CANARY in clipboard.text(QClipboard.Mode.Clipboard)
    assert ownership.cleared == []
    ownership.selection = True  # only the selection is still ours
    window_of("officier")
    controller.sign_out()
    assert ownership.cleared == [QClipboard.Mode.Selection]
    assert CANARY in clipboard.text(QClipboard.Mode.Clipboard)
    clipboard.clear(QClipboard.Mode.Clipboard)


def test_draft_service_is_reachable_only_for_the_owner_after_sign_in(
    controller: Any, window_of: Any, workspace: Any
) -> None:
    """The window takes the drafts through the service of the person signed in."""
    window = window_of("officier")
    _type_new_report(window)
    controller.lock()
    with workspace.session("tekenaar", PASSWORDS["tekenaar"]) as other:
        assert drafts.take_drafts(other) == []
    assert waiting_drafts(workspace, "officier") == ["new-report"]


# --- an open comment dialog (the liaison's annotation and verdict) -----------------------------


def _submitted_report_open_for_the_liaison(
    workspace: Any, window_of: Any
) -> tuple[int, ReportsPage]:
    """A report the officer drafted and submitted, open on the liaison's reports page."""
    rid = report_at(workspace, ReportStatus.IN_REVIEW, text=FORMED, passwords=PASSWORDS)
    page = _page(window_of("liaison"))
    page.open_report(rid)
    return rid, page


def test_an_open_annotation_dialog_comes_back_with_its_passage_and_comment(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    rid, page = _submitted_report_open_for_the_liaison(workspace, window_of)
    detail = page.detail
    start = FORMED.index("in het buitenland")
    detail.reader.select_py(start, start + len("in het buitenland"))
    dialog = detail.open_annotate_dialog()
    assert dialog is not None
    comment_then_lock(controller, dialog, f"Welke versie? {CANARY}", 6)
    assert CANARY not in all_texts()
    assert waiting_drafts(workspace, "liaison") == [f"dialog:annotate:{rid}"]

    back = sign_in(controller, "liaison")
    assert back is not None
    (again,) = comment_dialogs()
    assert again.comment_edit.toPlainText() == f"Welke versie? {CANARY}"
    assert again.comment_edit.textCursor().position() == 6
    assert _page(back).detail.reader.selected_quote() == ("in het buitenland", start)
    again.ok_button.click()
    with workspace.session("liaison", PASSWORDS["liaison"]) as s:
        (note,) = reports.get_report(s, rid).annotations
    assert (note.quote, note.start) == ("in het buitenland", start)
    assert note.comment == f"Welke versie? {CANARY}"


def test_an_open_verdict_dialog_comes_back_and_an_empty_one_is_not_kept(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    rid, page = _submitted_report_open_for_the_liaison(workspace, window_of)
    empty = page.detail.open_verdict_dialog(True)
    assert empty is not None
    controller.lock()
    assert waiting_drafts(workspace, "liaison") == []  # nothing typed, nothing kept
    flush_deletes()
    back = sign_in(controller, "liaison")
    page = _page(back)
    page.open_report(rid)
    dialog = page.detail.open_verdict_dialog(False)
    assert dialog is not None
    dialog.comment_edit.setPlainText(f"Bron ontbreekt. {CANARY}")
    controller.lock()
    assert waiting_drafts(workspace, "liaison") == [f"dialog:verdict-change:{rid}"]
    sign_in(controller, "liaison")
    flush_deletes()  # the locked window's dialogs go with it
    (again,) = comment_dialogs()
    assert again.comment_edit.toPlainText() == f"Bron ontbreekt. {CANARY}"
    assert "aanpassing" in again.windowTitle().lower()


# --- no lock falls between taking a draft and holding it ---------------------------------------


def test_a_lock_before_the_report_has_loaded_keeps_the_draft_still(
    controller: Any, window_of: Any, workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with workspace.session("officier", PASSWORDS["officier"]) as s:
        rid = int(reports.draft_report(s, text=PLAIN).report.id)
    window = window_of("officier")
    detail = _page(window).detail
    held: list[Any] = []
    monkeypatch.setattr(detail.runner, "run", lambda fn, *a, **k: held.append(fn) or 0)
    draft = Draft(f"report:{rid}", {"kind": "plain", "text": PLAIN + CANARY})
    assert detail.restore_draft(draft)  # the report is still loading
    monkeypatch.undo()
    assert held and not detail.has_unsaved
    controller.lock()
    assert waiting_drafts(workspace, "officier") == [f"report:{rid}"]


def test_a_sign_in_nobody_takes_puts_the_drafts_back(workspace: Any, staff: Any) -> None:
    """The sign-in task takes the drafts with the session; if its result is dropped (the
    dialog went away meanwhile), closing it keeps them again."""
    import threading

    from desktop_app.gui import controller as controller_module

    with workspace.session("officier", PASSWORDS["officier"]) as s:
        drafts.keep_draft(s, Draft("new-report", {"kind": "plain", "text": CANARY}))
    results: list[Any] = []

    def work() -> None:  # on a thread of its own, as on the worker
        result = controller_module.sign_in(
            workspace.env, workspace.root, "officier", PASSWORDS["officier"]
        )
        results.append([d.belongs_to for d in result.drafts])
        results.append(waiting_drafts(workspace, "officier"))
        result.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert results == [["new-report"], []]
    assert waiting_drafts(workspace, "officier") == ["new-report"]

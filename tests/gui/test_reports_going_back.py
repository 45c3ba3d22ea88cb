"""The window's side of issue 12's four-eyes flow going back: withdrawing a submission, the signer
sending back, the password asked again before signing and issuing (a wrong one is a sentence in
the dialog), the liaison's remark highlighted in the officer's editor and marked handled, the
liaison editing and withdrawing their own remark, the signer's special-case decision (issue 14),
and the V-number warning before registering a request."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from support.helpers import report_at

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import AccountLocked
from desktop_app.domain.reports import ReportStatus
from desktop_app.gui.reports import ReportsPage
from desktop_app.gui.requests.page import RequestsPage
from desktop_app.services import reports, requests
from tests.gui.gui_support import PASSWORDS, section, sign_with_password

TEXT = (
    "Onderwerp: betrokkene A\n\n"
    "Aanleiding\nVerzoek van de IND.\n\n"
    "Bevindingen\n"
    "1. Betrokkene verbleef in 2019\n   in het buitenland.\n"
    "   Betrouwbaarheid: betrouwbaar\n\n"
    "2. Betrokkene onderhield contacten met een organisatie.\n"
    "   Bronverwijzing: DOC-17\n\n"
    "Conclusie\nGeen bezwaar bekend.\n"
)
OLD_TEXT = TEXT.replace(
    "   Bronverwijzing: DOC-17\n", "   Bronverwijzing: DOC-17\n   Datum gegevens: 2009-03-01\n"
)
_V = itertools.count(2_000_000_001)


def _service(workspace: Any, name: str) -> Any:
    return workspace.session(name, PASSWORDS[name])


def _report(workspace: Any, text: str = TEXT, *, to: str = "in_review") -> int:
    """A report on a request, taken as far as ``to`` through the services."""
    with _service(workspace, "officier") as s:
        req = requests.add_request(
            s, subject_name="Betrokkene A", v_number=str(next(_V)), purpose="asylum"
        )
    return report_at(workspace, to, text=text, passwords=PASSWORDS, request_id=req.id)


@pytest.fixture
def open_as(window_of: Any) -> Any:
    def switch(name: str, rid: int) -> Any:
        page = section(window_of(name), "reports", ReportsPage)
        page.open_report(rid)
        assert page.detail.view is not None and int(page.detail.view.report.id) == rid
        return page.detail

    return switch


def _visible_dialog(kind: type) -> Any:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_the_officer_withdraws_and_the_signer_sends_back(staff: Any, open_as: Any) -> None:
    rid = _report(staff)
    detail = open_as("officier", rid)
    assert detail.withdraw_button.isVisible() and detail.withdraw_button.isEnabled()
    dialog = detail.open_withdraw_dialog()
    assert dialog is not None
    dialog.comment_edit.setPlainText("Nog een bron toevoegen.")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert detail.view is not None and detail.view.report.status is ReportStatus.DRAFT
    assert "ingetrokken" in detail.hint_label.text()
    assert "Nog een bron toevoegen." in detail.hint_label.text()
    assert not detail.withdraw_button.isVisibleTo(detail)  # not offered on a draft
    # The version picker follows the step back (QA saw "(ingediend)" after a withdrawal).
    assert detail.version_combo.itemText(0).endswith("(indiening ingetrokken)")
    detail.submit()
    assert detail.version_combo.itemText(0).endswith("(ingediend)")
    with _service(staff, "liaison") as s:
        reports.give_verdict(s, rid, usable=True)

    detail = open_as("tekenaar", rid)
    assert detail.send_back_button.isVisible() and detail.send_back_button.isEnabled()
    back = detail.open_send_back_dialog()
    assert back is not None
    back.ok_button.click()  # a reason is required: the dialog says so and stays
    assert back.isVisible() and back.error_label.isVisible()
    back.comment_edit.setPlainText("Bevinding 2 te stellig.")
    back.ok_button.click()
    assert not back.isVisible()
    assert detail.view is not None and detail.view.report.status is ReportStatus.DRAFT
    history = [detail.history.item(i).text() for i in range(detail.history.count())]
    assert any("teruggestuurd door Teun Tekenaar" in t and "te stellig" in t for t in history)

    detail = open_as("officier", rid)
    assert "teruggestuurd" in detail.hint_label.text()
    assert "Bevinding 2 te stellig." in detail.hint_label.text()
    assert detail.version_combo.itemText(0).endswith("(teruggestuurd)")


def test_signing_asks_the_password_again(staff: Any, open_as: Any) -> None:
    rid = _report(staff, to="usable")
    detail = open_as("tekenaar", rid)
    sign = detail.open_sign_dialog()
    assert sign is not None
    sign.ok_button.click()  # no password: the dialog asks for it, nothing is signed
    assert sign.isVisible() and "wachtwoord" in sign.error_label.text()
    sign.password_edit.setText("niet-mijn-wachtwoord")
    sign.ok_button.click()
    assert sign.isVisible()
    assert "Het wachtwoord is onjuist" in sign.error_label.text()
    assert sign.password_edit.text() == ""  # never kept in the widget
    assert detail.view is not None and detail.view.report.status is ReportStatus.USABLE
    sign_with_password(detail, sign, PASSWORDS["tekenaar"])
    for box in QApplication.topLevelWidgets():
        if box.isVisible() and box.inherits("QMessageBox"):
            box.close()
    issue = detail.open_issue_dialog()
    assert issue is not None and issue.password_edit is not None
    issue.password_edit.setText("fout")
    issue.ok_button.click()
    assert issue.isVisible() and "onjuist" in issue.error_label.text()
    issue.password_edit.setText(PASSWORDS["tekenaar"])
    issue.ok_button.click()
    assert detail.view is not None and detail.view.report.status is ReportStatus.ISSUED
    with _service(staff, "tekenaar") as s, s.reading() as conn:
        failed = conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'session.reauthenticate'"
            " AND result = 'failed'"
        ).fetchone()[0]
    assert failed == 2


def test_old_data_sign_dialog_asks_for_the_signers_decision(staff: Any, open_as: Any) -> None:
    rid = _report(staff, OLD_TEXT, to="usable")
    detail = open_as("tekenaar", rid)
    sign = detail.open_sign_dialog()
    assert sign is not None and sign.reason_edit is not None
    assert "Bevinding 2" in sign.findChild(type(sign.error_label), "specialCaseLabel").text()
    sign.password_edit.setText(PASSWORDS["tekenaar"])
    sign.ok_button.click()
    assert sign.isVisible() and "besluit" in sign.error_label.text()
    sign.reason_edit.setPlainText("Enige bron; de IND moet de ouderdom kennen.")
    view = sign_with_password(detail, sign, PASSWORDS["tekenaar"])
    assert view.special_case is not None
    history = [detail.history.item(i).text() for i in range(detail.history.count())]
    assert any("bijzonder geval" in t for t in history)


def test_a_signing_refused_after_the_password_can_be_tried_again_in_the_dialog(
    staff: Any, open_as: Any
) -> None:
    """The rules refuse the signing after the password was checked (the reason for the special
    case is too long): a sentence in the dialog, which stays with the level chosen and the
    reason typed; the password field is empty, and the password typed again signs (each try
    brings its own proof; the refused one signed nothing)."""
    rid = _report(staff, OLD_TEXT, to="usable")
    detail = open_as("tekenaar", rid)
    sign = detail.open_sign_dialog()
    assert sign is not None and sign.reason_edit is not None
    combo = sign.classification_combo
    combo.setCurrentIndex(combo.findData(int(Classification.STG_GEHEIM)))
    too_long = "Enige bron over deze periode. " * 150  # more than MAX_REASON_LENGTH
    sign.reason_edit.setPlainText(too_long)
    sign.password_edit.setText(PASSWORDS["tekenaar"])
    sign.ok_button.click()
    assert sign.isVisible() and "te lang" in sign.error_label.text()
    assert sign.reason_edit.toPlainText() == too_long
    assert combo.currentData() == int(Classification.STG_GEHEIM)
    assert sign.password_edit.text() == ""
    assert detail.view is not None and detail.view.report.status is ReportStatus.USABLE
    sign.reason_edit.setPlainText("Enige bron; de IND moet de ouderdom kennen.")
    view = sign_with_password(detail, sign, PASSWORDS["tekenaar"])
    assert view.report.classification is Classification.STG_GEHEIM


def test_a_remark_is_highlighted_in_the_officers_editor_and_handled(
    staff: Any, open_as: Any, qtbot: Any
) -> None:
    rid = _report(staff)
    with _service(staff, "liaison") as s:
        reports.annotate(s, rid, quote="in het buitenland", comment="Welk land?")
        reports.give_verdict(s, rid, usable=False)
    detail = open_as("officier", rid)
    assert detail.text_stack.currentWidget() is detail.editor
    panel = detail.annotations
    assert not panel.edit_button.isVisibleTo(panel)  # the officer answers, not rewords
    # Scroll away, then click the remark: its passage is highlighted where it is typed.
    detail.editor.verticalScrollBar().setValue(detail.editor.verticalScrollBar().maximum())
    item = panel.list.item(0)
    panel.list.setCurrentItem(item)
    field = detail.editor.findings[0].text_edit
    selections = field.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["in het buitenland"]
    assert selections[0].format.background().style() != Qt.BrushStyle.NoBrush
    assert field.hasFocus() or field.textCursor().position() == selections[0].cursor.anchor()
    assert not any(
        e.extraSelections() for e in detail.editor.findChildren(QPlainTextEdit) if e is not field
    )
    # Marked handled with a note, the editor's unsaved text stays.
    field.setPlainText(field.toPlainText().replace("buitenland", "buitenland (Turkije)"))
    assert detail.dirty
    assert panel.handle_button.isVisible() and panel.handle_button.isEnabled()
    qtbot.mouseClick(panel.handle_button, Qt.MouseButton.LeftButton)
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.windowTitle() == "Opmerking afhandelen"
    )
    dialog.comment_edit.setPlainText("Land toegevoegd.")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: any("Afgehandeld door Olga Officier" in t for t in panel.texts()))
    assert "Turkije" in field.toPlainText() and detail.dirty
    # The liaison sees the note.
    detail = open_as("liaison", rid)
    assert any("Land toegevoegd." in t for t in detail.annotations.texts())


def test_the_liaison_edits_and_withdraws_their_own_remark(staff: Any, open_as: Any) -> None:
    rid = _report(staff)
    with _service(staff, "liaison") as s:
        first = reports.annotate(s, rid, quote="in het buitenland", comment="Welk land?").id
        reports.annotate(s, rid, quote="organisatie", comment="Welke?")
    detail = open_as("liaison", rid)
    panel = detail.annotations
    panel.select(first)
    assert panel.edit_button.isVisible() and panel.edit_button.isEnabled()
    dialog = detail.open_edit_remark_dialog(first)
    assert dialog is not None
    assert dialog.comment_edit.toPlainText() == "Welk land?"
    dialog.comment_edit.setPlainText("Welk land precies?")
    dialog.ok_button.click()
    assert any("Welk land precies?" in t and "(gewijzigd)" in t for t in panel.texts())
    withdraw = detail.open_withdraw_remark_dialog(first)
    assert withdraw is not None
    withdraw.ok_button.click()
    assert any("ingetrokken" in t for t in panel.texts())
    # A withdrawn remark is no longer highlighted in the text.
    quotes = [s.cursor.selectedText() for s in detail.reader.extraSelections()]
    assert quotes == ["organisatie"]
    panel.select(first)
    assert not panel.edit_button.isVisibleTo(panel)


def test_registering_a_known_v_number_warns_and_names_the_open_request(
    staff: Any, window_of: Any, qtbot: Any
) -> None:
    with _service(staff, "officier") as s:
        known = requests.add_request(
            s, subject_name="Jan de Vries", v_number="5555555555", purpose="asylum"
        )
    page = section(window_of("officier"), "requests", RequestsPage)
    dialog = page.open_register_dialog()
    dialog.name_edit.setText("Jan de Vries")
    dialog.v_number_edit.setText("5555555555")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=3000)
    assert dialog.isVisible()
    assert known.reference in dialog.error_label.text()
    with _service(staff, "officier") as s:
        assert len(requests.open_requests_with_v_number(s, "5555555555")) == 1  # not saved
    assert "Toch" in dialog.ok_button.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    with _service(staff, "officier") as s:
        assert len(requests.open_requests_with_v_number(s, "5555555555")) == 2


def test_too_many_wrong_passwords_lock_the_account_and_the_window(
    staff: Any, open_as: Any, controller: Any, qtbot: Any
) -> None:
    rid = _report(staff, to="usable")
    detail = open_as("tekenaar", rid)
    sign = detail.open_sign_dialog()
    assert sign is not None
    for _ in range(2):
        sign.password_edit.setText("fout-wachtwoord")
        sign.ok_button.click()
        assert "onjuist" in sign.error_label.text()
    sign.password_edit.setText("fout-wachtwoord")
    sign.ok_button.click()
    qtbot.waitUntil(lambda: controller.main_window is None, timeout=3000)
    assert controller.session is None
    with pytest.raises(AccountLocked):
        _service(staff, "tekenaar")
    with _service(staff, "officier") as s:
        assert reports.get_report(s, rid).report.status is ReportStatus.USABLE


def test_the_liaisons_remark_buttons_take_no_letter_of_the_menu_bar(
    staff: Any, open_as: Any
) -> None:
    """Seen under Xvfb: with their own remark selected, 'Opmerking wijzigen…' took Alt+W, the
    letter of the Werkplek menu, so Alt+W no longer opened the menu (the keyboard walk never had
    a remark selected)."""
    from tests.gui.keyboard_support import settle, window_problems

    rid = _report(staff)
    with _service(staff, "liaison") as s:
        remark = reports.annotate(s, rid, quote="in het buitenland", comment="Welk land?").id
    detail = open_as("liaison", rid)
    detail.window().show()
    detail.annotations.select(remark)
    settle()
    assert detail.annotations.edit_button.isVisible()
    assert window_problems(detail.window(), "liaison, own remark selected") == []


def test_a_lockout_by_a_password_asked_again_keeps_what_was_typed(
    staff: Any, open_as: Any, controller: Any, qtbot: Any
) -> None:
    """The third wrong current password in 'Wachtwoord wijzigen' locks the account and ends the
    session (the core does that); the window locks through the task runner's account_locked,
    and the unsaved text in the editor is kept for its owner (draft.keep still runs)."""
    from desktop_app.services import drafts

    rid = _report(staff, to="draft")
    detail = open_as("officier", rid)
    window = detail.window()
    detail.editor.conclusion_edit.setPlainText("Nog niet opgeslagen conclusie.")
    dialog = window.open_change_password_dialog()
    for _ in range(3):
        dialog.current_edit.setText("fout-wachtwoord")
        dialog.new_edit.setText("een-nieuw-lang-wachtwoord")
        dialog.repeat_edit.setText("een-nieuw-lang-wachtwoord")
        dialog.ok_button.click()
        if controller.main_window is None:
            break
    qtbot.waitUntil(lambda: controller.main_window is None, timeout=3000)
    assert controller.session is None
    with pytest.raises(AccountLocked):
        _service(staff, "officier")
    with _service(staff, "beheer") as admin:
        from desktop_app.services import users

        users.unlock_user(admin, "officier")
    with _service(staff, "officier") as s:
        kept = {d.belongs_to: d.content for d in drafts.take_drafts(s)}
    assert f"report:{rid}" in kept
    assert "Nog niet opgeslagen conclusie." in str(kept[f"report:{rid}"])

"""Nothing typed in an open dialog is lost (issue 12): registering a request, a provision, a
Beheer user... kept encrypted at the lock (Ctrl+L, idle), opened again and filled, focus and
cursor where they were, for the same person only; sign-out and quit with a filled dialog ask
(Opslaan goes through the dialog's own OK); a dialog whose object went away says so and shows
the text to copy. And every dialog of the window with input takes part (new ones too)."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget

import desktop_app.gui
from desktop_app.domain.drafts import Draft
from desktop_app.domain.requests import Purpose
from desktop_app.domain.roles import Role
from desktop_app.gui import drafts as gui_drafts
from desktop_app.gui.dialogs import AddUserDialog, EditUserDialog
from desktop_app.gui.drafts import (
    DIALOG_REGISTRY,
    DialogDrafts,
    LeftoverDialog,
    editable_inputs,
)
from desktop_app.gui.requests.dialogs import (
    AddProvisionDialog,
    DelayNoticeDialog,
    RegisterRequestDialog,
)
from desktop_app.services import audit, provisions, requests
from desktop_app.storage import drafts as drafts_repo
from tests.gui.gui_support import PASSWORDS, flush_deletes
from tests.support.drafts import (
    QuitAnswer,
    another_person_at_the_lock,
    answer_unsaved,
    idle_out,
    lock_with_ctrl_l,
    quit_answers,
    unsaved_questions,
    waiting_drafts,
)

CANARY = "ZZ-DIALOOG-7c2d"
V_NUMBER = "1234567890"


def _open(cls: type[QDialog]) -> list[Any]:
    return [w for w in QApplication.allWidgets() if isinstance(w, cls) and w.isVisible()]


def _fill_register(window: Any) -> RegisterRequestDialog:
    page = window.show_section("requests")
    dialog = page.open_register_dialog()
    dialog.name_edit.setText(f"Petrova {CANARY}")
    dialog.v_number_edit.setText(V_NUMBER)
    dialog.purpose_combo.setCurrentIndex(dialog.purpose_combo.findData(Purpose.NATURALISATION))
    dialog.received_edit.setDate(dialog.received_edit.date().addDays(-3))
    dialog.ind_reference_edit.setText("IND-2026-77")
    dialog.name_edit.setFocus()
    dialog.name_edit.setCursorPosition(4)
    assert dialog.has_unsaved() and window.has_unsaved()
    return dialog


# --- lock -> unlock ----------------------------------------------------------------------------


def test_register_request_dialog_survives_ctrl_l_with_focus_and_cursor(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    window = window_of("officier")
    dialog = _fill_register(window)
    received = dialog.received_edit.date()
    lock_with_ctrl_l(controller, dialog, CANARY)
    assert waiting_drafts(workspace, "officier") == ["dialog:register-request"]

    back = sign_in(controller, "officier")
    assert back is not None and back.current_section() == "requests"
    (again,) = _open(RegisterRequestDialog)
    assert again is not dialog
    assert again.name_edit.text() == f"Petrova {CANARY}"
    assert again.v_number_edit.text() == V_NUMBER
    assert again.purpose_combo.currentData() == Purpose.NATURALISATION
    assert again.received_edit.date() == received
    assert again.ind_reference_edit.text() == "IND-2026-77"
    assert again.focusWidget() is again.name_edit
    assert again.name_edit.cursorPosition() == 4
    assert waiting_drafts(workspace, "officier") == []  # taken: it comes back once
    # OK is the ordinary use case.
    again.ok_button.click()
    assert not again.isVisible()
    with workspace.session("officier", PASSWORDS["officier"]) as s:
        found = requests.open_requests_with_v_number(s, V_NUMBER)
        assert [r.subject_name for r in found] == [f"Petrova {CANARY}"]


def test_the_idle_lock_keeps_the_provision_dialog(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any, clock: Any
) -> None:
    window = window_of("officier")
    dialog = window.show_section("provisions").open_add_dialog()
    assert isinstance(dialog, AddProvisionDialog)
    dialog.direction_combo.setCurrentIndex(1)  # resets the fields after it
    dialog.description_edit.setText(f"Ambtsbericht {CANARY}")
    dialog.received_by_edit.setText("Afdeling X")
    dialog.description_edit.setFocus()
    dialog.description_edit.setSelection(2, 5)
    idle_out(controller, clock)
    assert controller.session is None
    assert waiting_drafts(workspace, "officier") == ["dialog:add-provision"]

    back = sign_in(controller, "officier")
    assert back.current_section() == "provisions"
    (again,) = _open(AddProvisionDialog)
    assert again.direction_combo.currentIndex() == 1
    assert again.description_edit.text() == f"Ambtsbericht {CANARY}"
    assert again.received_by_edit.text() == "Afdeling X"  # not reset by the direction
    assert again.provided_by_edit.text() == "IND"
    assert again.focusWidget() is again.description_edit
    assert again.description_edit.selectedText() == "btsbe"
    again.ok_button.click()
    with workspace.session("officier", PASSWORDS["officier"]) as s:
        (row,) = provisions.list_provisions(s)
        assert row.description == f"Ambtsbericht {CANARY}"


def test_beheer_add_user_dialog_comes_back_without_the_password(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    window = window_of("beheer")
    dialog = window.show_section("admin").open_add_user_dialog()
    assert isinstance(dialog, AddUserDialog)
    dialog.name_edit.setText("k.klaassen")
    dialog.full_name_edit.setText(f"Kees {CANARY}")
    dialog.role_checks[Role.IND_LIAISON].setChecked(True)
    dialog.password_edit.setText("geheim-wachtwoord-1")
    dialog.repeat_edit.setText("geheim-wachtwoord-1")
    controller.lock()
    flush_deletes()
    assert waiting_drafts(workspace, "beheer") == ["dialog:add-user"]
    with workspace.session("beheer", PASSWORDS["beheer"]) as s, s.reading() as conn:
        (kept,) = drafts_repo.for_owner(conn, s.user.id)
    assert CANARY in kept.content and "geheim-wachtwoord-1" not in kept.content

    sign_in(controller, "beheer")
    (again,) = _open(AddUserDialog)
    assert again.name_edit.text() == "k.klaassen"
    assert again.full_name_edit.text() == f"Kees {CANARY}"
    assert again.role_checks[Role.IND_LIAISON].isChecked()
    assert not again.role_checks[Role.AIVD_OFFICER].isChecked()
    assert again.password_edit.text() == ""  # never kept: typed again


def test_beheer_edit_user_dialog_comes_back_on_the_same_user(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    window = window_of("beheer")
    page = window.show_section("admin")
    page._select_user("liaison")
    dialog = page.open_edit_user_dialog()
    assert isinstance(dialog, EditUserDialog) and dialog.name == "liaison"
    dialog.full_name_edit.setText(f"Lotte {CANARY}")
    controller.lock()
    flush_deletes()
    (key,) = waiting_drafts(workspace, "beheer")
    assert key.startswith("dialog:edit-user:")
    sign_in(controller, "beheer")
    (again,) = _open(EditUserDialog)
    assert again.name == "liaison"
    assert again.full_name_edit.text() == f"Lotte {CANARY}"
    again.ok_button.click()
    with workspace.session() as s:
        assert {u.name: u.full_name for u in users_of(s)}["liaison"] == f"Lotte {CANARY}"


def users_of(session: Any) -> list[Any]:
    from desktop_app.services import users

    return [view.record for view in users.list_users(session)]


# --- another person at the lock ----------------------------------------------------------------


def test_another_user_at_the_lock_never_sees_the_dialog(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    window = window_of("officier")
    _fill_register(window)
    controller.lock()
    flush_deletes()
    with another_person_at_the_lock(
        controller, sign_in, workspace, CANARY, "tekenaar", "officier", ["dialog:register-request"]
    ):
        assert not _open(RegisterRequestDialog) and not _open(LeftoverDialog)
    sign_in(controller, "officier")
    (again,) = _open(RegisterRequestDialog)
    assert CANARY in again.name_edit.text()


def test_an_untouched_dialog_is_not_kept_and_nothing_is_asked(
    controller: Any, window_of: Any, workspace: Any
) -> None:
    window = window_of("officier")
    dialog = window.show_section("requests").open_register_dialog()
    assert not dialog.has_unsaved() and not window.has_unsaved()
    window.sign_out_action.trigger()
    assert controller.session is None and not unsaved_questions()
    assert waiting_drafts(workspace, "officier") == []


# --- sign-out and quit ask ---------------------------------------------------------------------


@quit_answers
def test_quit_with_a_filled_dialog_asks(
    qtbot: Any,
    controller: Any,
    window_of: Any,
    workspace: Any,
    quits: list[int],
    answer: QuitAnswer,
) -> None:
    window = window_of("officier")
    dialog = _fill_register(window)
    window.close()  # the X, Ctrl+Q and 'Afsluiten' all come here
    assert quits == [] and controller.main_window is window
    answer_unsaved(answer.button)
    qtbot.waitUntil(lambda: len(quits) == answer.quits, timeout=3000)
    if answer.quits == 0:
        assert dialog.isVisible() and CANARY in dialog.name_edit.text()
    controller.runner.wait(5000)
    with workspace.session("officier", PASSWORDS["officier"]) as s:
        assert len(requests.open_requests_with_v_number(s, V_NUMBER)) == answer.saved
    assert waiting_drafts(workspace, "officier") == []


def test_sign_out_save_that_the_dialog_refuses_keeps_everything_open(
    qtbot: Any, controller: Any, window_of: Any, workspace: Any
) -> None:
    window = window_of("officier")
    dialog = _fill_register(window)
    dialog.v_number_edit.setText("12")  # not a V-number: the service refuses it
    window.sign_out_action.trigger()
    answer_unsaved(QMessageBox.StandardButton.Save)
    qtbot.wait(20)
    assert controller.main_window is window and controller.session is not None
    assert dialog.isVisible() and dialog.error_label.isVisible()
    # Corrected and OK'd by hand later: registered, and no sign-out comes out of the blue.
    dialog.v_number_edit.setText(V_NUMBER)
    dialog.ok_button.click()
    qtbot.wait(20)
    assert not _open(RegisterRequestDialog) and controller.session is not None
    with workspace.session("officier", PASSWORDS["officier"]) as s:
        assert len(requests.open_requests_with_v_number(s, V_NUMBER)) == 1


def test_sign_out_discard_drops_the_dialog_input(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    window = window_of("officier")
    _fill_register(window)
    window.sign_out_action.trigger()
    answer_unsaved(QMessageBox.StandardButton.Discard)
    assert controller.session is None and waiting_drafts(workspace, "officier") == []
    sign_in(controller, "officier")
    assert not _open(RegisterRequestDialog)


# --- the object is gone ------------------------------------------------------------------------


def test_a_delay_notice_for_a_request_closed_meanwhile_shows_the_text_to_copy(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    with workspace.session("officier", PASSWORDS["officier"]) as s:
        record = requests.add_request(
            s,
            subject_name="Betrokkene D",
            v_number=V_NUMBER,
            purpose=Purpose.NATURALISATION,
            received=s.clock.today(),
        )
    rid = int(record.id)
    window = window_of("officier")
    page = window.show_section("requests")
    page.detail.load(rid)
    dialog = page.detail.open_delay_notice_dialog()
    assert isinstance(dialog, DelayNoticeDialog)
    assert not dialog.has_unsaved()  # the liaison list filled in is not input
    dialog.reason_edit.setPlainText(f"Bron nog niet gehoord. {CANARY}")
    controller.lock()
    assert waiting_drafts(workspace, "officier") == [f"dialog:delay-notice:{rid}"]
    with workspace.session("officier", PASSWORDS["officier"]) as s:
        requests.start_request(s, rid)
        requests.close_no_data(s, rid, reason="Geen gegevens bekend.")

    sign_in(controller, "officier")
    assert not _open(DelayNoticeDialog)
    (left,) = _open(LeftoverDialog)
    assert "kan niet opnieuw worden geopend" in left.message_label.text()
    assert f"Bron nog niet gehoord. {CANARY}" in left.text_edit.toPlainText()
    assert "Reden van de vertraging" in left.text_edit.toPlainText()
    # A lock while it is still open keeps the text once more.
    controller.lock()
    assert waiting_drafts(workspace, "officier") == [f"dialog:delay-notice:{rid}"]


def test_a_delay_notice_for_an_open_request_comes_back_over_it(
    controller: Any, window_of: Any, sign_in: Any, workspace: Any
) -> None:
    with workspace.session("officier", PASSWORDS["officier"]) as s:
        rid = int(
            requests.add_request(
                s,
                subject_name="Betrokkene E",
                v_number=V_NUMBER,
                purpose=Purpose.NATURALISATION,
                received=s.clock.today(),
            ).id
        )
    window = window_of("officier")
    page = window.show_section("requests")
    page.detail.load(rid)
    dialog = page.detail.open_delay_notice_dialog()
    dialog.liaison_combo.setCurrentIndex(dialog.liaison_combo.findData("liaison"))
    dialog.reason_edit.setPlainText(CANARY)
    controller.lock()
    back = sign_in(controller, "officier")
    (again,) = _open(DelayNoticeDialog)
    assert back.show_section("requests").detail.request_id == rid
    assert again.reason_edit.toPlainText() == CANARY
    assert again.liaison_combo.currentData() == "liaison"


# --- the keeping is audited with keys only -----------------------------------------------------


def test_keeping_a_dialog_is_audited_without_its_text(
    controller: Any, window_of: Any, workspace: Any
) -> None:
    window = window_of("officier")
    _fill_register(window)
    controller.lock()
    controller.runner.wait(5000)
    with workspace.session() as admin:
        entries = audit.list_audit(admin, 30)
    keep = [e for e in entries if e.action == "draft.keep"]
    assert keep and "dialog:register-request" in str(keep[0].details)
    assert all(CANARY not in f"{e.object} {e.details}" for e in entries)


# --- every dialog takes part -------------------------------------------------------------------

# Dialogs that keep nothing, each with the reason. A new dialog class is in neither this list
# nor the mechanism until someone decides which it is: the test below fails until then.
NOTHING_TO_KEEP: dict[str, str] = {
    # Before anyone is signed in: no session to keep a draft in, nobody to give it back to.
    "desktop_app.gui.login.LoginDialog": "sign-in",
    "desktop_app.gui.wizard.view.FirstStartDialog": "before sign-in",
    "desktop_app.gui.wizard.restore.RestoreDialog": "before sign-in",
    "desktop_app.gui.wizard.restore.RebindDialog": "before sign-in",
    # Only secrets (a password, a recovery key typed back): never kept anywhere.
    "desktop_app.gui.dialogs.NewPasswordDialog": "passwords only",
    "desktop_app.gui.dialogs.ChangePasswordDialog": "passwords only",
    "desktop_app.gui.admin.workspace.ConfirmWithPasswordDialog": "password only",
    "desktop_app.gui.admin.workspace.RecoveryKeyDialog": "shows a secret once",
    # A confirmation: nothing typed, the step is asked for again.
    "desktop_app.gui.dialogs.DeactivateUserDialog": "confirmation",
    "desktop_app.gui.reports.dialogs.ConfirmDialog": "confirmation (with a password at most)",
    "desktop_app.gui.inspection.window.EndInspectionDialog": "confirmation",
    # Viewers: nothing typed.
    "desktop_app.gui.admin.audit.AuditDetailsDialog": "viewer",
    "desktop_app.gui.covenant.dialogs.TextViewer": "viewer",
    "desktop_app.gui.printing.register.PrintRegisterDialog": "viewer",
    "desktop_app.gui.printing.verify.VerifyPdfDialog": "a file to check, no typed text",
    "desktop_app.gui.printing.preview.PrintPreviewDialog": "viewer and the print step",
    "desktop_app.gui.admin.retention.RetentionDialog": "a list; its own dialogs take part",
    "desktop_app.gui.help.dialogs.HelpDialog": "viewer (the user guide, the shortcuts)",
    # Kept by its page with the passage it is about (gui/reports/detail.py, test_drafts.py).
    "desktop_app.gui.reports.dialogs.CommentDialog": "kept by ReportDetail",
    # Base classes: their subclasses are the dialogs.
    "desktop_app.gui.dialogs.FormDialog": "base",
    "desktop_app.gui.requests.dialogs.ServiceFormDialog": "base",
    "desktop_app.gui.requests.dialogs.ReasonDialog": "base",
    "desktop_app.gui.covenant.dialogs.CovenantFormDialog": "base",
    "desktop_app.gui.drafts.LeftoverDialog": "shows a kept draft; keeps it while open",
}


def _dialog_classes() -> list[type[QDialog]]:
    for module in pkgutil.walk_packages(desktop_app.gui.__path__, "desktop_app.gui."):
        importlib.import_module(module.name)
    found: dict[str, type[QDialog]] = {}
    stack: list[type] = [QDialog]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("desktop_app.gui."):
                found[f"{sub.__module__}.{sub.__qualname__}"] = sub
    return [found[name] for name in sorted(found)]


def test_every_dialog_with_input_keeps_it_or_says_why_not() -> None:
    classes = _dialog_classes()
    assert len(classes) > 30  # the walk found the window's dialogs
    undecided = []
    for cls in classes:
        name = f"{cls.__module__}.{cls.__qualname__}"
        if name in NOTHING_TO_KEEP:
            assert not cls.__dict__.get("draft_name"), f"{name} keeps drafts after all"
            continue
        if not (issubclass(cls, DialogDrafts) and cls.draft_name):
            undecided.append(name)
            continue
        assert DIALOG_REGISTRY[cls.draft_name] is cls, name
        assert "reopen" in vars(cls) or any(
            "reopen" in vars(base) and base is not DialogDrafts for base in cls.__mro__[1:]
        ), f"{name} says how to open it again"
    assert not undecided, f"dialogs that neither keep their input nor say why: {undecided}"


def test_the_secrets_dialogs_have_no_input_but_passwords(qapp: Any) -> None:
    """Checked, not assumed: what "passwords only" says of these dialogs holds."""
    from desktop_app.gui.admin.workspace import ConfirmWithPasswordDialog
    from desktop_app.gui.dialogs import (
        ChangePasswordDialog,
        DeactivateUserDialog,
        NewPasswordDialog,
    )
    from desktop_app.gui.inspection.window import EndInspectionDialog
    from desktop_app.gui.reports.dialogs import ConfirmDialog

    for dialog in (
        ChangePasswordDialog(),
        NewPasswordDialog("t", "&OK", "intro"),
        ConfirmWithPasswordDialog("t", "&OK", "tekst", None),
        ConfirmDialog("t", "&OK", "tekst", password=True),
    ):
        assert editable_inputs(dialog) == []
        assert dialog.findChildren(QLineEdit)  # there are fields: all secret
        assert dialog.unsaved_drafts() == []
        dialog.deleteLater()
    # And the confirmations have nothing to type at all.
    for dialog in (
        DeactivateUserDialog("a.b", "A B"),
        ConfirmDialog("t", "&OK", "tekst"),
        EndInspectionDialog("AB-2026-0001"),
    ):
        assert editable_inputs(dialog) == []
        dialog.deleteLater()


def test_fields_are_found_and_put_back_generically(qapp: Any) -> None:
    """The serialisation itself, on one dialog with every kind of field."""
    today = dt.date(2026, 3, 2)
    from desktop_app.gui.dialogs import AddDesignationDialog

    dialog = AddDesignationDialog([("inspecteur", "Ivo I"), ("ander", "Anna A")], today)
    dialog.show()
    dialog.user_combo.setCurrentIndex(1)
    dialog.decision_edit.setText("HDIND-2026/0042")
    dialog.has_until.setChecked(True)
    dialog.until_edit.setDate(dialog.until_edit.date().addDays(-30))
    (draft,) = dialog.unsaved_drafts()
    names = set(draft.content["fields"])
    assert {"user_combo", "decision_edit", "from_edit", "has_until", "until_edit"} <= names
    again = AddDesignationDialog([("inspecteur", "Ivo I"), ("ander", "Anna A")], today)
    again.show()
    assert again.restore_draft(draft)
    assert again.user_combo.currentData() == "ander"
    assert again.decision_edit.text() == "HDIND-2026/0042"
    assert again.has_until.isChecked() and again.until_edit.isEnabled()
    assert again.until_edit.date() == dialog.until_edit.date()
    assert not again.restore_draft(Draft("dialog:other"))
    for each in (dialog, again):
        each.close()


def _widgets(cls: type) -> list[QWidget]:
    return [w for w in QApplication.allWidgets() if isinstance(w, cls)]


def test_module_has_no_reopen_without_a_name() -> None:
    for name, cls in DIALOG_REGISTRY.items():
        assert name in (cls.draft_name, *cls.draft_aliases)
        assert inspect.ismethod(cls.reopen)
    assert gui_drafts.DialogDrafts.draft_name == ""


@pytest.mark.parametrize(
    ("opener", "field", "key"),
    [
        ("calendar_page.open_add_dialog", "description_edit", "dialog:calendar-day"),
        ("retention_page.open_hold_dialog", "reason_edit", "dialog:retention-hold"),
    ],
    ids=["kalenderdag", "bewaarplicht"],
)
def test_beheer_tab_dialogs_come_back_on_their_tab(
    controller: Any,
    window_of: Any,
    sign_in: Any,
    workspace: Any,
    opener: str,
    field: str,
    key: str,
) -> None:
    window = window_of("beheer")
    owner: Any = window.show_section("admin")
    for attribute in opener.split(".")[:-1]:
        owner = getattr(owner, attribute)
    dialog = getattr(owner, opener.rsplit(".", 1)[1])()
    getattr(dialog, field).setText(CANARY)
    controller.lock()
    flush_deletes()
    assert waiting_drafts(workspace, "beheer") == [key]
    back = sign_in(controller, "beheer")
    (again,) = _open(type(dialog))
    assert getattr(again, field).text() == CANARY
    admin = back.show_section("admin")
    assert admin.tabs.currentWidget() is getattr(admin, opener.split(".")[0])


def test_a_dialog_locked_while_its_ok_was_running_says_to_check_first(
    controller: Any,
    window_of: Any,
    sign_in: Any,
    workspace: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = window_of("officier")
    dialog = window.show_section("provisions").open_add_dialog()
    dialog.description_edit.setText(CANARY)
    held: list[Any] = []
    monkeypatch.setattr(controller.runner, "run", lambda fn, *a, **k: held.append(fn) or 0)
    dialog.ok_button.click()  # the use case is under way (held here) when the lock comes
    monkeypatch.undo()
    assert held and dialog.busy_bar.isVisible()
    controller.lock()
    flush_deletes()
    sign_in(controller, "officier")
    (again,) = _open(AddProvisionDialog)
    assert again.description_edit.text() == CANARY
    assert again.error_label.isVisible() and "al verstuurd" in again.error_label.text()
    assert again.ok_button.isEnabled()

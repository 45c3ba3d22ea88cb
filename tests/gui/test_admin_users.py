"""Beheer › Gebruikers and Aanwijzingen for issue 13: edit, deactivate (confirmed), reset a
password, Deblokkeren only for a locked account, the role-conflict list, ending and revoking a
designation with its history; and the first sign-in with an initial password."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.accounts import password_rules
from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import AccountLocked, AuthFailed
from desktop_app.domain.roles import Role
from desktop_app.gui.admin.page import AdminPage
from desktop_app.gui.models import DesignationHistoryModel, UserTableModel
from desktop_app.services import users
from desktop_app.services.workspace import open_session
from desktop_app.storage import users as users_repo
from tests.gui.gui_support import PASSWORDS, add_users, section


def _column(model: Any, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _select(page: AdminPage, name: str) -> int:
    row = _column(page.user_model, UserTableModel.COL_NAME).index(name)
    page.user_view.selectRow(row)
    return row


def _status(page: AdminPage, name: str) -> str:
    row = _column(page.user_model, UserTableModel.COL_NAME).index(name)
    return str(page.user_model.index(row, UserTableModel.COL_STATUS).data())


@pytest.fixture
def admin_page(workspace: Any, controller: Any, sign_in: Any) -> AdminPage:
    add_users(workspace, "officier", "liaison", "inspecteur")
    with workspace.session() as s:
        users.designate(s, name="inspecteur", decision_ref="HD-IND 2026/017")
    return section(sign_in(controller, "beheer"), "admin", AdminPage)


def test_no_account_step_without_a_selection(admin_page: AdminPage) -> None:
    for button in admin_page.account_buttons.values():
        assert not button.isEnabled()
    assert admin_page.add_user_button.isEnabled()


def test_edit_dialog_changes_roles_and_clearance(admin_page: AdminPage, qtbot: Any) -> None:
    _select(admin_page, "officier")
    assert admin_page.edit_user_button.isEnabled()
    dialog = admin_page.open_edit_user_dialog()
    assert dialog is not None
    assert dialog.full_name_edit.text() == "Olga Officier"
    assert dialog.role_checks[Role.AIVD_OFFICER].isChecked()
    dialog.full_name_edit.setText("Olga van Officier")
    dialog.role_checks[Role.AIVD_SIGNER].setChecked(True)
    dialog.clearance_combo.setCurrentIndex(
        dialog.clearance_combo.findData(Classification.STG_ZEER_GEHEIM)
    )
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = _column(admin_page.user_model, UserTableModel.COL_NAME).index("officier")
    model = admin_page.user_model
    assert model.index(row, UserTableModel.COL_FULL_NAME).data() == "Olga van Officier"
    assert model.index(row, UserTableModel.COL_ROLES).data() == (
        "AIVD-behandelaar, AIVD-ondertekenaar"
    )
    assert model.index(row, UserTableModel.COL_CLEARANCE).data() == "STG. ZEER GEHEIM"
    edits = [e for e in admin_page.audit_model.rows if e.action == "user.edit"]
    assert edits and "aivd_signer" in edits[0].details


def test_edit_dialog_shows_the_role_separation_refusal(admin_page: AdminPage) -> None:
    _select(admin_page, "officier")
    dialog = admin_page.open_edit_user_dialog()
    assert dialog is not None
    dialog.role_checks[Role.IND_INSPECTOR].setChecked(True)
    dialog.ok_button.click()
    assert dialog.isVisible() and "AIVD-rol" in dialog.error_label.text()
    assert admin_page.user_model.rows[
        _column(admin_page.user_model, UserTableModel.COL_NAME).index("officier")
    ].record.roles == {Role.AIVD_OFFICER}


def test_deactivate_asks_first_and_then_shows_the_account_as_such(
    workspace: Any, admin_page: AdminPage
) -> None:
    _select(admin_page, "liaison")
    assert admin_page.deactivate_button.isVisible() and admin_page.deactivate_button.isEnabled()
    dialog = admin_page.open_deactivate_dialog()
    assert dialog is not None
    dialog.reject()  # the confirmation is a real choice: nothing happened
    assert _status(admin_page, "liaison") == "Actief"
    dialog = admin_page.open_deactivate_dialog()
    assert dialog is not None
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert _status(admin_page, "liaison") == "Gedeactiveerd"
    # Still selected: now activating is offered instead.
    assert not admin_page.deactivate_button.isVisible()
    assert admin_page.activate_button.isVisible() and admin_page.activate_button.isEnabled()
    assert not admin_page.reset_button.isEnabled()
    with pytest.raises(AuthFailed):
        open_session(workspace.env, workspace.root, "liaison", PASSWORDS["liaison"])


def test_own_account_cannot_be_deactivated(admin_page: AdminPage) -> None:
    _select(admin_page, "beheer")
    assert not admin_page.deactivate_button.isEnabled()
    assert "eigen account" in admin_page.deactivate_button.toolTip()
    assert not admin_page.reset_button.isEnabled()


def test_reset_password_dialog_states_the_rules(workspace: Any, admin_page: AdminPage) -> None:
    _select(admin_page, "officier")
    dialog = admin_page.open_reset_password_dialog()
    assert dialog is not None
    hints = [label.text() for label in dialog.findChildren(type(dialog.error_label))]
    assert any(password_rules() in text for text in hints)
    dialog.new_edit.setText("wachtwoord123")
    dialog.repeat_edit.setText("wachtwoord123")
    dialog.ok_button.click()
    assert dialog.isVisible() and "zwak" in dialog.error_label.text()
    dialog.new_edit.setText("nieuw-begin-ww-1")
    dialog.repeat_edit.setText("nieuw-begin-ww-1")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert _status(admin_page, "officier") == "Actief · beginwachtwoord"
    open_session(workspace.env, workspace.root, "officier", "nieuw-begin-ww-1").close()


def test_deblokkeren_only_for_a_locked_account(workspace: Any, admin_page: AdminPage) -> None:
    _select(admin_page, "officier")
    assert not admin_page.unlock_button.isEnabled()
    assert "niet geblokkeerd" in admin_page.unlock_button.toolTip()
    for _ in range(3):
        with pytest.raises((AuthFailed, AccountLocked)):
            open_session(workspace.env, workspace.root, "officier", "fout-fout-fout")
    admin_page.refresh_users()
    _select(admin_page, "officier")
    assert admin_page.unlock_button.isEnabled()


def test_role_conflicts_are_shown_to_the_administrator(
    workspace: Any, controller: Any, sign_in: Any
) -> None:
    with workspace.session() as s, s.transaction("test.legacy", "user:dubbel", keys=True) as tx:
        users_repo.insert(
            tx.conn,
            "dubbel",
            "Dirk Dubbel",
            frozenset({Role.AIVD_OFFICER, Role.IND_LIAISON}),
            Classification.STG_GEHEIM,
            "2025-01-01T00:00:00Z",
        )
        tx.keys.set_user(tx.secret, s.dek, "dubbel", "dubbel-wachtwoord-1")
    page = section(sign_in(controller, "beheer"), "admin", AdminPage)
    assert page.conflict_label.isVisible()
    assert "Dirk Dubbel (dubbel)" in page.conflict_label.text()
    assert _status(page, "dubbel").endswith("rollen botsen")
    _select(page, "dubbel")
    dialog = page.open_edit_user_dialog()
    assert dialog is not None and dialog.conflict_label.isVisible()
    dialog.role_checks[Role.AIVD_OFFICER].setChecked(False)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert not page.conflict_label.isVisible()


def _select_designation(page: AdminPage, name: str) -> None:
    rows = [r for r, d in enumerate(page.designation_model.rows) if d.user_name == name]
    page.designation_view.selectRow(rows[0])


def test_end_a_designation_early_and_see_the_history(admin_page: AdminPage, clock: Any) -> None:
    assert not admin_page.end_designation_button.isEnabled()
    _select_designation(admin_page, "inspecteur")
    assert admin_page.end_designation_button.isEnabled()
    assert admin_page.revoke_designation_button.isEnabled()
    assert admin_page.history_model.rowCount() == 1
    dialog = admin_page.open_end_designation_dialog()
    assert dialog is not None
    dialog.ok_button.click()  # no decision reference
    assert dialog.isVisible() and "kenmerk" in dialog.error_label.text()
    dialog.decision_edit.setText("HD-IND 2026/031")
    last = clock.today() + dt.timedelta(days=7)
    dialog.until_edit.setDate(dialog.until_edit.date().addDays(7))
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert admin_page.designation_model.rows[0].valid_until == last
    changes = admin_page.history_model.index(0, DesignationHistoryModel.COL_CHANGES).data()
    assert "HD-IND 2026/031" in changes and f"{last:%d-%m-%Y}" in changes
    assert "door B. Beheerder op " in changes  # the person, not the account 'beheer'


def test_revoke_a_designation(admin_page: AdminPage) -> None:
    _select_designation(admin_page, "inspecteur")
    dialog = admin_page.open_end_designation_dialog(revoke=True)
    assert dialog is not None and not dialog.until_edit.isVisible()
    dialog.decision_edit.setText("HD-IND 2026/040")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    state = admin_page.history_model.index(0, DesignationHistoryModel.COL_STATE).data()
    assert state == "ingetrokken"
    _select_designation(admin_page, "inspecteur")
    assert not admin_page.revoke_designation_button.isEnabled()
    assert "al afgelopen" in admin_page.revoke_designation_button.toolTip()


# --- the first sign-in with an initial password -----------------------------------------------


def _first_sign_in(workspace: Any, controller: Any, sign_in: Any) -> Any:
    """A new account (its first password set by Beheer) signs in for the first time: no window
    yet, the question for an own password is open (and returned)."""
    with workspace.session() as s:
        users.add_user(s, name="nieuw", password="begin-wachtwoord-1", roles=[Role.AIVD_OFFICER])
    assert sign_in(controller, "nieuw", "begin-wachtwoord-1") is None
    dialog = controller.first_password_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_first_sign_in_asks_for_an_own_password_before_the_window(
    workspace: Any, controller: Any, sign_in: Any
) -> None:
    dialog = _first_sign_in(workspace, controller, sign_in)
    assert password_rules() in " ".join(
        label.text() for label in dialog.findChildren(type(dialog.error_label))
    )
    dialog.new_edit.setText("nieuw")
    dialog.repeat_edit.setText("nieuw")
    dialog.ok_button.click()
    assert controller.main_window is None and "ten minste" in dialog.error_label.text()
    dialog.new_edit.setText("mijn-eigen-ww-1")
    dialog.repeat_edit.setText("mijn-eigen-ww-1")
    dialog.ok_button.click()
    assert controller.main_window is not None
    assert controller.first_password_dialog is None
    # The initial password no longer works; the own one does, without asking again.
    with pytest.raises(AuthFailed):
        open_session(workspace.env, workspace.root, "nieuw", "begin-wachtwoord-1")
    with open_session(workspace.env, workspace.root, "nieuw", "mijn-eigen-ww-1") as s:
        assert not users.must_change_password(s)


def test_cancelling_the_first_password_signs_out(
    workspace: Any, controller: Any, sign_in: Any
) -> None:
    dialog = _first_sign_in(workspace, controller, sign_in)
    dialog.reject()
    assert controller.main_window is None and controller.session is None
    login = controller.login_dialog
    assert login is not None and login.isVisible()
    assert "eigen wachtwoord" in login.error_text()
    # Next time it asks again.
    sign_in(controller, "nieuw", "begin-wachtwoord-1")
    assert controller.first_password_dialog is not None


def test_idle_time_ends_a_first_sign_in_left_at_the_password_question(
    workspace: Any, controller: Any, sign_in: Any, clock: Any
) -> None:
    """The session is open while the new user chooses a password; nobody choosing for the idle
    time signs it out again, like any idle lock (it used to stay open with no timer)."""
    import datetime as dt

    _first_sign_in(workspace, controller, sign_in)
    clock.advance(dt.timedelta(minutes=4, seconds=59))
    assert controller.idle.check() is False
    clock.advance(dt.timedelta(seconds=2))
    assert controller.idle.check() is True
    assert controller.first_password_dialog is None and controller.main_window is None
    login = controller.login_dialog
    assert login is not None and login.isVisible()


def test_quitting_at_the_password_question_closes_that_session(
    workspace: Any, controller: Any, sign_in: Any, quits: list[int]
) -> None:
    _first_sign_in(workspace, controller, sign_in)
    controller.quit()
    controller.runner.wait(10_000)
    assert controller.first_password_dialog is None
    with workspace.session() as s, s.reading() as conn:
        from desktop_app.storage import audit

        closes = [e for e in audit.recent(conn, 50) if e.action == "session.close"]
    assert any(e.actor == "nieuw" for e in closes)

"""The Beheer section: users, designations, audit trail, backup, password change."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import AccountLocked, AuthFailed, Forbidden
from desktop_app.domain.roles import Role
from desktop_app.gui.admin.page import AdminPage
from desktop_app.gui.models import UserTableModel
from desktop_app.services import audit, users
from desktop_app.services.workspace import open_session
from tests.gui.gui_support import PASSWORDS, add_users, widget_texts


@pytest.fixture
def page(open_admin: Any) -> AdminPage:
    return open_admin()


def _column(model: Any, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_users_table_lists_the_workspace_users(workspace: Any, page: AdminPage) -> None:
    model = page.user_model
    assert model.headerData(UserTableModel.COL_FULL_NAME, Qt.Orientation.Horizontal) == (
        "Volledige naam"
    )
    assert _column(model, UserTableModel.COL_NAME) == ["beheer"]
    assert _column(model, UserTableModel.COL_ROLES) == ["Functioneel beheerder"]
    assert _column(model, UserTableModel.COL_STATUS) == ["Actief"]


def test_admin_adds_a_user_through_the_dialog(workspace: Any, page: AdminPage, qtbot: Any) -> None:
    dialog = page.open_add_user_dialog()
    dialog.name_edit.setText("j.jansen")
    dialog.full_name_edit.setText("Jan Jansen")
    dialog.role_checks[Role.AIVD_OFFICER].setChecked(True)
    dialog.clearance_combo.setCurrentIndex(
        dialog.clearance_combo.findData(Classification.STG_GEHEIM)
    )
    dialog.password_edit.setText("jansen-wachtwoord")
    dialog.repeat_edit.setText("jansen-wachtwoord")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    model = page.user_model
    row = _column(model, UserTableModel.COL_NAME).index("j.jansen")
    assert model.index(row, UserTableModel.COL_FULL_NAME).data() == "Jan Jansen"
    assert model.index(row, UserTableModel.COL_ROLES).data() == "AIVD-behandelaar"
    assert model.index(row, UserTableModel.COL_CLEARANCE).data() == "STG. GEHEIM"
    added = [e for e in page.audit_model.rows if e.action == "user.add"]
    assert added and added[0].object == "user:j.jansen" and added[0].actor == "beheer"
    # The new user can really sign in.
    open_session(workspace.env, workspace.root, "j.jansen", "jansen-wachtwoord").close()


def test_password_typed_twice_must_match(page: AdminPage) -> None:
    dialog = page.open_add_user_dialog()
    dialog.name_edit.setText("j.jansen")
    dialog.role_checks[Role.AIVD_OFFICER].setChecked(True)
    dialog.password_edit.setText("jansen-wachtwoord")
    dialog.repeat_edit.setText("jansen-wachtwoorx")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "niet gelijk" in dialog.error_label.text()
    assert "j.jansen" not in _column(page.user_model, UserTableModel.COL_NAME)


@pytest.mark.parametrize(
    ("roles", "password", "sentence"),
    [
        ([Role.AIVD_OFFICER], "kort", "ten minste 10 tekens"),
        ([], "lang-genoeg-wachtwoord", "ten minste één rol"),
        ([Role.ADMIN, Role.AIVD_OFFICER], "lang-genoeg-wachtwoord", "need-to-know"),
    ],
)
def test_service_refusals_show_in_the_dialog(
    page: AdminPage, roles: list[Role], password: str, sentence: str
) -> None:
    dialog = page.open_add_user_dialog()
    dialog.name_edit.setText("j.jansen")
    for role in roles:
        dialog.role_checks[role].setChecked(True)
    dialog.password_edit.setText(password)
    dialog.repeat_edit.setText(password)
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert sentence in dialog.error_label.text()


def test_unlock_a_locked_account(workspace: Any, controller: Any, sign_in: Any) -> None:
    add_users(workspace, "officier")
    for _ in range(3):
        with pytest.raises((AuthFailed, AccountLocked)):
            open_session(workspace.env, workspace.root, "officier", "fout-fout-fout")
    page = sign_in(controller, "beheer").show_section("admin")
    model = page.user_model
    row = _column(model, UserTableModel.COL_NAME).index("officier")
    assert model.index(row, UserTableModel.COL_STATUS).data() == "Geblokkeerd"
    page.user_view.selectRow(row)
    assert page.unlock_button.isEnabled()
    page.unlock_button.click()
    assert any("is gedeblokkeerd" in box.text() for box in _message_boxes())
    row = _column(model, UserTableModel.COL_NAME).index("officier")
    assert model.index(row, UserTableModel.COL_STATUS).data() == "Actief"
    open_session(workspace.env, workspace.root, "officier", PASSWORDS["officier"]).close()


def test_add_a_designation(workspace: Any, controller: Any, sign_in: Any, clock: Any) -> None:
    add_users(workspace, "inspecteur", "officier")
    page = sign_in(controller, "beheer").show_section("admin")
    dialog = page.open_add_designation_dialog()
    # Only inspectors can be designated.
    assert [dialog.user_combo.itemData(i) for i in range(dialog.user_combo.count())] == [
        "inspecteur"
    ]
    dialog.decision_edit.setText("HDIND-2026/0042")
    dialog.has_until.setChecked(True)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    rows = page.designation_model.rows
    assert len(rows) == 1 and rows[0].user_name == "inspecteur"
    assert rows[0].valid_from == clock.today()
    assert rows[0].valid_until == clock.today() + dt.timedelta(days=365)
    assert page.designation_model.index(0, page.designation_model.COL_CURRENT).data() == "ja"
    assert any(e.action == "designation.add" for e in page.audit_model.rows)


def test_designation_needs_a_decision_reference(
    workspace: Any, controller: Any, sign_in: Any
) -> None:
    add_users(workspace, "inspecteur")
    page = sign_in(controller, "beheer").show_section("admin")
    dialog = page.open_add_designation_dialog()
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "kenmerk" in dialog.error_label.text()


def test_verify_shows_sentence_and_head_anchor(page: AdminPage, workspace: Any) -> None:
    page.verify_button.click()
    assert page.verify_result.text().startswith("✔ In orde: de audittrail telt ")
    anchor = page.head_edit.text()
    assert re.fullmatch(r"\d+:[0-9a-f]{64}", anchor)
    # The anchors are folded away until asked for, then there to copy (QA at 1024x700).
    tab = page.audit_tab
    assert not page.head_edit.isVisibleTo(tab) and not page.anchor_edit.isVisibleTo(tab)
    shown = [t for w in tab.findChildren(QWidget) if w.isVisibleTo(tab) for t in widget_texts(w)]
    assert not any(anchor in t for t in shown)
    tab.anchors_button.click()
    assert page.head_edit.isVisibleTo(tab) and page.anchor_edit.isVisibleTo(tab)
    tab.copy_head_button.click()
    assert QApplication.clipboard().text() == anchor
    QApplication.clipboard().clear()
    # The anchor shown is accepted by the service later on.
    page.anchor_edit.setText(anchor)
    page.verify_button.click()
    assert page.verify_result.text().startswith("✔ In orde")
    page.anchor_edit.setText("12:nonsense")
    page.verify_button.click()
    assert any("VOLGNUMMER:HASH" in box.text() for box in _message_boxes())


def test_tampered_audit_is_reported(page: AdminPage) -> None:
    # The chain is append-only (triggers), so a forged anchor stands in for tampering.
    page.anchor_edit.setText("1:" + "0" * 64)
    page.verify_button.click()
    text = page.verify_result.text()
    assert text.startswith("✖ Niet in orde: ")
    assert "anker" in text


def test_audit_table_shows_the_last_entries(page: AdminPage) -> None:
    actions = [e.action for e in page.audit_model.rows]
    assert "workspace.init" in actions and "session.signin" in actions
    seqs = [e.seq for e in page.audit_model.rows]
    assert seqs == sorted(seqs, reverse=True) or seqs == sorted(seqs)


def test_backup_to_a_file(page: AdminPage, tmp_path: Path) -> None:
    target = tmp_path / "werkplek.backup"
    page.start_backup(str(target))
    assert target.is_file() and target.stat().st_size > 0
    assert "✔ Back-up gemaakt" in page.backup_result.text()
    # The hash on a line of its own, selectable, not inside the sentence (QA at 1024x700).
    assert "SHA-256" not in page.backup_result.text()
    assert re.fullmatch(r"[0-9a-f]{64}", page.backup_hash.text())
    assert page.backup_hash.isVisibleTo(page.backup_hash.parentWidget())
    assert page.backup_hash.edit.isReadOnly()
    # Its size in words people read (kB/MB in the locale's style), not a raw byte count.
    assert "bytes" not in page.backup_result.text()
    assert re.search(r"\(\d+([.,]\d)? [kM]B\)", page.backup_result.text())
    assert any(e.action == "workspace.backup" for e in page.audit_model.rows)
    # An existing file is refused with the service's sentence.
    page.start_backup(str(target))
    assert any("bestaat al" in box.text() for box in _message_boxes())


def test_backup_dialog_is_a_save_dialog(page: AdminPage) -> None:
    dialog = page.choose_backup_file()
    try:
        assert dialog.acceptMode() == dialog.AcceptMode.AcceptSave
        assert dialog.defaultSuffix() == "backup"
    finally:
        dialog.reject()


def test_every_user_can_change_their_password(
    workspace: Any, controller: Any, sign_in: Any
) -> None:
    add_users(workspace, "officier")
    window = sign_in(controller, "officier")
    dialog = window.open_change_password_dialog()
    dialog.current_edit.setText("verkeerd-wachtwoord")
    dialog.new_edit.setText("nieuw-wachtwoord-1")
    dialog.repeat_edit.setText("nieuw-wachtwoord-1")
    dialog.ok_button.click()
    assert dialog.isVisible() and "huidige wachtwoord is onjuist" in dialog.error_label.text()
    dialog.current_edit.setText(PASSWORDS["officier"])
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert any("gewijzigd" in box.text() for box in _message_boxes())
    controller.lock()
    assert sign_in(controller, "officier", PASSWORDS["officier"]) is None
    assert sign_in(controller, "officier", "nieuw-wachtwoord-1") is not None


def test_admin_services_refuse_non_admins_even_if_called(workspace: Any) -> None:
    # The page is only built for admins; the rule itself lives in the service.
    add_users(workspace, "officier")
    with workspace.session("officier") as session:
        with pytest.raises(Forbidden):
            users.list_users(session)
        with pytest.raises(Forbidden):
            audit.list_audit(session, 10)

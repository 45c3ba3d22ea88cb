"""Issue 13: restoring a backup and re-binding to a new keyring secret from the sign-in dialog,
through the same services as ``werkplek restore`` / ``werkplek rebind``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.gui.wizard.restore import RebindDialog, RestoreDialog
from desktop_app.security.keyfile import KeyFile
from desktop_app.services import admin
from desktop_app.services.workspace import KEYS_NAME
from tests.gui.gui_support import PASSWORDS


def _backup(workspace: Any, tmp_path: Path) -> Path:
    with workspace.session("beheer", PASSWORDS["beheer"]) as s:
        return Path(admin.make_backup(s, tmp_path / "w.backup")["file"])


def test_restore_from_the_sign_in_dialog(
    workspace: Any, controller: Any, sign_in: Any, tmp_path: Path
) -> None:
    made = _backup(workspace, tmp_path)
    remembered: list[Path] = []
    controller.remember_workspace = remembered.append
    login = controller.login_dialog
    assert login.restore_button.isVisible()
    login.restore_button.click()
    dialog = controller.restore_dialog
    assert isinstance(dialog, RestoreDialog) and dialog.isVisible()
    target = tmp_path / "nieuw" / "werkplek"
    dialog.file_edit.setText(str(made))
    dialog.folder_edit.setText(str(target))
    dialog.recovery_edit.setText("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    dialog.admin_edit.setText("beheer")
    dialog.password_edit.setText("hersteld-wachtwoord")
    dialog.repeat_edit.setText("hersteld-wachtwoord")
    dialog.ok_button.click()
    # A wrong key: the sentence in the dialog, nothing left behind.
    assert dialog.isVisible() and "herstelsleutel is onjuist" in dialog.error_label.text()
    assert not (tmp_path / "nieuw").exists()
    dialog.recovery_edit.setText(workspace.recovery_key)
    dialog.ok_button.click()
    assert controller.restore_dialog is None
    assert (target / KEYS_NAME).is_file() and remembered == [target]
    assert controller.data_dir == target
    assert "teruggezet" in controller.login_dialog.ui.introLabel.text()
    window = sign_in(controller, "beheer", "hersteld-wachtwoord")
    assert window is not None


def test_restore_dialog_checks_its_form(controller: Any) -> None:
    dialog = controller.open_restore_dialog()
    dialog.ok_button.click()
    assert "back-upbestand" in dialog.error_label.text()
    dialog.file_edit.setText("/x.backup")
    dialog.folder_edit.setText("/nieuw")  # the sign-in's own workspace is not offered
    dialog.recovery_edit.setText("x")
    dialog.admin_edit.setText("beheer")
    dialog.password_edit.setText("een-wachtwoord-1")
    dialog.repeat_edit.setText("een-wachtwoord-2")
    dialog.ok_button.click()
    assert "niet gelijk" in dialog.error_label.text()


def test_rebind_from_the_sign_in_dialog(workspace: Any, controller: Any, sign_in: Any) -> None:
    before = KeyFile.load(workspace.root / KEYS_NAME).binding_id
    workspace.env.provider.delete(before)  # the keyring lost the secret
    failed = sign_in(controller, "beheer")
    assert failed is None
    controller.login_dialog.rebind_button.click()
    dialog = controller.rebind_dialog
    assert isinstance(dialog, RebindDialog)
    dialog.recovery_edit.setText(workspace.recovery_key)
    dialog.ok_button.click()
    assert controller.rebind_dialog is None
    assert KeyFile.load(workspace.root / KEYS_NAME).binding_id != before
    assert "opnieuw gekoppeld" in controller.login_dialog.ui.introLabel.text()
    assert sign_in(controller, "beheer") is not None

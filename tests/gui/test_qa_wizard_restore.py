"""QA walk of restoring a backup and re-binding, by keyboard: typing starts in the form, every
caption's letter reaches its field, a command-line backup can be picked, the target folder
offered is one the restore can use, and a new workstation (no workspace: the first-start
wizard, no sign-in dialog) can restore too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from desktop_app.domain.errors import WrongWorkstation
from desktop_app.gui.controller import AppController
from desktop_app.gui.wizard.restore import RestoreDialog
from desktop_app.gui.wizard.view import FirstStartDialog
from desktop_app.security.workstation import REMEDY
from desktop_app.services import admin
from desktop_app.services.first_start import FirstStartWizard, recent_workspaces
from desktop_app.services.workspace import KEYS_NAME
from tests.gui.gui_support import PASSWORDS, flush_deletes
from tests.gui.keyboard_support import visual_order_problems, window_problems


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_restore_dialog_by_keyboard(controller: Any) -> None:
    dialog = controller.open_restore_dialog()
    _settle()
    assert dialog.focusWidget() is dialog.file_edit  # not the OK button: typing is kept
    assert window_problems(dialog, "restore") == []
    assert visual_order_problems(dialog, "restore") == []
    # "Back-up&bestand" leads to the file field, not to the row around it.
    caption = dialog.form.labelForField(dialog.file_edit.parentWidget())
    assert isinstance(caption, QLabel) and caption.buddy() is not None
    dialog.recovery_edit.setFocus()
    caption.buddy().setFocus()
    assert dialog.focusWidget() is dialog.file_edit


def test_the_target_folder_can_be_chosen_too(controller: Any, tmp_path: Path) -> None:
    dialog = controller.open_restore_dialog()
    _settle()
    assert dialog.folder_edit.text() == ""  # typing a path by hand was the only way
    dialog._browse_folder()
    chooser = dialog.file_dialog
    assert chooser is not None and chooser.fileMode() is QFileDialog.FileMode.Directory
    chooser.fileSelected.emit(str(tmp_path / "nieuw"))
    chooser.reject()
    assert dialog.folder_edit.text() == str(tmp_path / "nieuw")
    assert window_problems(dialog, "restore") == []
    assert visual_order_problems(dialog, "restore") == []


def test_rebind_dialog_starts_in_the_recovery_key(controller: Any) -> None:
    dialog = controller.open_rebind_dialog()
    _settle()
    assert dialog.focusWidget() is dialog.recovery_edit


def test_a_backup_of_any_name_can_be_picked(controller: Any) -> None:
    dialog = controller.open_restore_dialog()
    dialog._browse()
    chooser = dialog.file_dialog
    assert chooser is not None
    try:
        filters = chooser.nameFilters()
        assert any("*.backup" in f for f in filters)
        assert any(f.endswith("(*)") for f in filters), filters  # werkplek-….cwpb from the CLI
    finally:
        chooser.reject()


def test_the_target_offered_is_never_a_workspace(
    controller: Any, workspace: Any, tmp_path: Path
) -> None:
    # From the sign-in dialog of a workspace: that folder would always be refused.
    dialog = controller.open_restore_dialog()
    assert dialog.folder_edit.text() == ""
    dialog.reject()
    flush_deletes()
    empty = RestoreDialog(tmp_path / "nieuw")
    assert empty.folder_edit.text() == str(tmp_path / "nieuw")
    empty.close()


def _first_start(
    tmp_path: Path, env: Any, runner: Any, settings: Any, keyring_ok: list[bool]
) -> AppController:
    """The window's start on a workstation without a workspace (as gui/app.py wires it)."""

    def check() -> Any:
        if not keyring_ok[0]:
            raise WrongWorkstation(REMEDY)
        return env

    controller = AppController(
        None, tmp_path / "leeg", runner=runner, settings=settings, quit_app=lambda: None
    )
    recent = recent_workspaces(tmp_path / "cfg" / "recent.json")
    controller.remember_workspace = recent.add
    controller.wizard_factory = lambda: FirstStartWizard(
        check_keyring=check, default_dir=tmp_path / "leeg", recent=recent, kdf_profile="test"
    )
    controller.start()
    return controller


def test_a_new_workstation_restores_a_backup_from_the_first_start(
    workspace: Any, runner: Any, gui_settings: Any, tmp_path: Path, sign_in: Any
) -> None:
    with workspace.session("beheer", PASSWORDS["beheer"]) as s:
        made = Path(admin.make_backup(s, tmp_path / "w.backup")["file"])
    keyring_ok = [False]
    controller = _first_start(tmp_path, workspace.env, runner, gui_settings, keyring_ok)
    try:
        wizard = controller.wizard_dialog
        assert isinstance(wizard, FirstStartDialog) and controller.login_dialog is None
        assert wizard.restore_button.isVisible()
        assert window_problems(wizard, "eerste start") == []
        # Without a keyring: its remedy, no dialog that could only fail at the end.
        wizard.restore_button.click()
        assert wizard.error_label.isVisible() and REMEDY in wizard.error_label.text()
        assert wizard.restore_dialog is None
        keyring_ok[0] = True
        wizard.restore_button.click()
        dialog = wizard.restore_dialog
        assert isinstance(dialog, RestoreDialog) and dialog.isVisible()
        assert dialog.folder_edit.text() == str(tmp_path / "leeg")  # the empty folder
        dialog.file_edit.setText(str(made))
        dialog.recovery_edit.setText(workspace.recovery_key)
        dialog.admin_edit.setText("beheer")
        dialog.password_edit.setText("hersteld-wachtwoord")
        dialog.repeat_edit.setText("hersteld-wachtwoord")
        dialog.ok_button.click()
        assert controller.wizard_dialog is None and not wizard.isVisible()
        assert (tmp_path / "leeg" / KEYS_NAME).is_file()
        assert controller.data_dir == tmp_path / "leeg"
        login = controller.login_dialog
        assert login is not None and login.isVisible()
        assert login.ui.nameEdit.text() == "beheer" and login.ui.signInButton.isEnabled()
        assert sign_in(controller, "beheer", "hersteld-wachtwoord") is not None
    finally:
        controller.quit()


def test_the_first_page_names_the_folder_and_the_backup(
    workspace: Any, runner: Any, gui_settings: Any, tmp_path: Path
) -> None:
    controller = _first_start(tmp_path, workspace.env, runner, gui_settings, [True])
    try:
        text = controller.wizard_dialog.start_label.text()
        assert str(tmp_path / "leeg") in text and "back-up terug" in text
    finally:
        controller.quit()


def test_a_recent_workspace_opens_with_a_click_and_the_button(
    workspace: Any, runner: Any, gui_settings: Any, tmp_path: Path
) -> None:
    recent = recent_workspaces(tmp_path / "cfg" / "recent.json")
    recent.add(workspace.root)
    controller = _first_start(tmp_path, workspace.env, runner, gui_settings, [True])
    try:
        wizard = controller.wizard_dialog
        assert wizard.recent_list.count() == 1
        button = wizard.open_recent_button
        assert button.isVisible() and not button.isEnabled()  # nothing chosen yet
        assert window_problems(wizard, "eerste start") == []
        wizard.recent_list.setCurrentRow(0)  # one click selects
        assert button.isEnabled()
        button.click()
        assert controller.wizard_dialog is None and controller.data_dir == workspace.root
        assert controller.login_dialog is not None and controller.login_dialog.isVisible()
    finally:
        controller.quit()


def test_another_workspace_from_a_sign_in_does_not_claim_there_is_none(
    workspace: Any, runner: Any, gui_settings: Any, tmp_path: Path
) -> None:
    controller = AppController(
        workspace.env, workspace.root, runner=runner, settings=gui_settings, quit_app=lambda: None
    )
    recent = recent_workspaces(tmp_path / "cfg" / "recent.json")
    controller.wizard_factory = lambda: FirstStartWizard(
        check_keyring=lambda: workspace.env,
        default_dir=workspace.root,
        recent=recent,
        kdf_profile="test",
    )
    controller.start()
    try:
        controller.login_dialog.other_button.click()
        wizard = controller.wizard_dialog
        text = wizard.start_label.text()
        assert "nog geen werkplek" not in text and str(workspace.root) in text
        # A new one: the folder of the workspace just left is not offered (always refused).
        wizard.new_button.click()
        assert wizard.folder_edit.text() == ""
    finally:
        controller.quit()

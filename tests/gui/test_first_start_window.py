"""The first-start wizard's window (issue 13): a thin view over services.first_start, driven
here with the synchronous runner; the steps themselves are tested in tests/services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from desktop_app.domain.errors import WrongWorkstation
from desktop_app.gui.controller import AppController
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.wizard.view import FirstStartDialog
from desktop_app.security import recovery
from desktop_app.security.workstation import REMEDY
from desktop_app.services.first_start import FirstStartWizard, Step, recent_workspaces
from desktop_app.services.session import Environment
from desktop_app.services.workspace import KEYS_NAME

PW = "eerste-beheer-wachtwoord"


@pytest.fixture
def started(
    tmp_path: Path, env: Environment, runner: TaskRunner, gui_settings: QSettings
) -> Iterator[Any]:
    made: list[AppController] = []
    keyring_ok = [True]

    def check() -> Environment:
        if not keyring_ok[0]:
            raise WrongWorkstation(REMEDY)
        return env

    def start(data_dir: Path, controller_env: Environment | None = None) -> AppController:
        controller = AppController(
            controller_env, data_dir, runner=runner, settings=gui_settings, quit_app=lambda: None
        )
        recent = recent_workspaces(tmp_path / "cfg" / "recent.json")
        controller.remember_workspace = recent.add
        controller.wizard_factory = lambda: FirstStartWizard(
            check_keyring=check, default_dir=data_dir, recent=recent, kdf_profile="test"
        )
        controller.start()
        made.append(controller)
        return controller

    start.keyring_ok = keyring_ok  # type: ignore[attr-defined]
    yield start
    for controller in made:
        controller.quit()


def test_no_workspace_opens_the_wizard_and_it_creates_one(
    started: Any, tmp_path: Path, sign_in: Any
) -> None:
    started.keyring_ok[0] = False
    controller = started(tmp_path / "werkplek", None)
    dialog = controller.wizard_dialog
    assert isinstance(dialog, FirstStartDialog) and dialog.isVisible()
    assert controller.login_dialog is None
    dialog.new_button.click()
    assert dialog.wizard.step is Step.KEYRING
    assert dialog.remedy_label.text() == REMEDY and dialog.remedy_label.isVisible()
    started.keyring_ok[0] = True
    dialog.retry_button.click()
    assert dialog.wizard.step is Step.LOCATION
    assert dialog.folder_edit.text() == str(tmp_path / "werkplek")
    dialog.location_combo.setCurrentIndex(dialog.location_combo.findData("ind"))
    dialog.next_button.click()
    assert dialog.wizard.step is Step.ADMIN
    dialog.name_edit.setText("beheer")
    dialog.full_name_edit.setText("B. Beheerder")
    dialog.password_edit.setText(PW)
    dialog.repeat_edit.setText(PW + "x")
    dialog.next_button.click()
    assert dialog.wizard.step is Step.ADMIN and "niet gelijk" in dialog.error_label.text()
    assert not (tmp_path / "werkplek").exists()
    dialog.password_edit.setText(PW)
    dialog.repeat_edit.setText(PW)
    dialog.next_button.click()
    assert dialog.wizard.step is Step.RECOVERY
    key = dialog.key_label.text()
    recovery.parse(key)
    assert not dialog.back_button.isEnabled() and not dialog.quit_button.isEnabled()
    ask = dialog.wizard.ask_group
    assert f"Groep {ask + 1}" in dialog.recovery_check.group_caption.text()
    dialog.group_edit.setText("0000" if recovery.groups(key)[ask] != "OOOO" else "AAAA")
    dialog.next_button.click()
    assert dialog.wizard.step is Step.RECOVERY and dialog.error_label.isVisible()
    dialog.group_edit.setText(recovery.groups(key)[ask])
    dialog.next_button.click()
    assert controller.wizard_dialog is None and dialog.key_label.text() == ""
    assert (tmp_path / "werkplek" / KEYS_NAME).is_file()
    login = controller.login_dialog
    assert login is not None and login.isVisible()
    assert "aangemaakt" in login.ui.introLabel.text()
    assert login.ui.nameEdit.text() == "beheer"
    assert sign_in(controller, "beheer", PW) is not None


def test_another_workspace_from_the_sign_in_dialog_and_the_recent_list(
    started: Any, workspace: Any, tmp_path: Path
) -> None:
    controller = started(tmp_path / "leeg", workspace.env)
    dialog = controller.wizard_dialog
    dialog.open_folder(tmp_path / "nergens")
    assert "geen werkplek" in dialog.error_label.text()
    dialog.open_folder(workspace.root)
    assert controller.data_dir == workspace.root and controller.login_dialog.isVisible()
    # From the sign-in dialog: the wizard again, with the recent list.
    controller.login_dialog.other_button.click()
    again = controller.wizard_dialog
    assert isinstance(again, FirstStartDialog) and not controller.login_dialog.isVisible()
    assert again.recent_list.count() == 1
    assert again.recent_list.item(0).text() == str(workspace.root.absolute())
    again.quit_button.click()  # back to the sign-in dialog, the application goes on
    assert controller.login_dialog.isVisible() and controller.wizard_dialog is None


def test_an_existing_workspace_goes_straight_to_the_sign_in(started: Any, workspace: Any) -> None:
    controller = started(workspace.root, workspace.env)
    assert controller.wizard_dialog is None and controller.login_dialog.isVisible()

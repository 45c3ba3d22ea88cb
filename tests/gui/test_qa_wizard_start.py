"""QA walk of the window's start without a usable keyring (issue 13's first start): a keyring
backend that cannot even start is the wizard's remedy, never a traceback at start-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.gui import app as app_module
from desktop_app.gui.wizard.view import FirstStartDialog
from desktop_app.security.workstation import REMEDY
from desktop_app.services.first_start import Step


def _no_session_bus() -> None:
    # What keyring raises when PYTHON_KEYRING_BACKEND names the Secret Service and there is no
    # D-Bus session (a terminal, Xvfb): not a KeyringError, a RuntimeError.
    raise RuntimeError("Unable to initialize SecretService: DBUS_SESSION_BUS_ADDRESS is unset")


def test_a_keyring_that_cannot_start_shows_the_remedy_not_a_crash(
    demo_start: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(app_module, "KeyringSecretProvider", _no_session_bus)
    gui = app_module.start_gui(["--data-dir", str(tmp_path / "werkplek")], quit_app=lambda: None)
    try:
        dialog = gui.controller.wizard_dialog
        assert isinstance(dialog, FirstStartDialog) and dialog.isVisible()
        assert gui.controller.env is None and gui.controller.startup_error is not None
        dialog.wizard.new_workspace()  # the wizard's own keyring check: the same remedy
        dialog.show_step()
        assert dialog.wizard.step is Step.KEYRING
        assert dialog.remedy_label.text() == REMEDY
    finally:
        gui.close()

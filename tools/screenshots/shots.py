"""Shared harness of the screenshot scripts: a throwaway demo workspace, the real sign-in
dialog and a synchronous task runner, so a script only says what to show."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.demo import DEMO_ACCOUNTS
from desktop_app.domain.clock import SystemClock
from desktop_app.gui.controller import AppController
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.style import apply_style
from desktop_app.gui.tasks import TaskRunner
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services.session import Environment

PASSWORDS = {a.name: a.password for a in DEMO_ACCOUNTS}


def settle(app: QApplication | None = None, rounds: int = 6) -> None:
    app = app or QApplication.instance()  # type: ignore[assignment]
    for _ in range(rounds):
        QApplication.processEvents()


def shoot(window: QWidget, path: Path) -> None:
    settle()
    window.grab().save(str(path))


@dataclass
class ShotSession:
    app: QApplication
    env: Environment
    controller: AppController

    def sign_in(self, name: str) -> MainWindow:
        """Sign out whoever is signed in, then sign in ``name`` through the dialog."""
        controller = self.controller
        if controller.main_window is not None:
            controller.sign_out()
        dialog = controller.login_dialog
        assert dialog is not None
        dialog.fill(name, PASSWORDS[name])
        dialog.ui.signInButton.click()
        window = controller.main_window
        assert window is not None
        window.resize(1380, 860)
        window.show()
        settle(self.app)
        return window


@contextlib.contextmanager
def demo_session(build: Callable[[Environment, Path], None]) -> Iterator[ShotSession]:
    """``build(env, root)`` fills a fresh workspace; the session signs people in on it."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    with tempfile.TemporaryDirectory(prefix="werkplek-shots-") as tmp:
        root = Path(tmp) / "werkplek"
        env = Environment(MemorySecretProvider("memory"), SystemClock(), origin="gui")
        build(env, root)
        settings = QSettings(str(Path(tmp) / "gui.ini"), QSettings.Format.IniFormat)
        controller = AppController(
            env,
            root,
            runner=TaskRunner(synchronous=True),
            settings=settings,
            demo=True,
            quit_app=lambda: None,
        )
        controller.start()
        try:
            yield ShotSession(app, env, controller)
        finally:
            controller.quit()

"""Screenshots of the demo, as a user goes through it, and the timings on the way.

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python -m tools.screenshots OUT

Starts the real demo (interactive KDF, background worker), waits for it, signs in as ``beheer``
and as ``officier``, and saves signin.png, main-admin.png, main-admin-audit.png, locked.png and
main-officer.png in OUT. Prints the timings as JSON. Set WERKPLEK_T0 (``date +%s.%N``) to count
from the moment the process was started rather than from this module's import.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.demo import DEMO_ACCOUNTS
from desktop_app.gui.admin.page import AdminPage
from desktop_app.gui.app import GuiApp, start_gui
from desktop_app.gui.controller import AppController
from desktop_app.gui.login import LoginDialog
from desktop_app.gui.main_window import MainWindow

T0 = float(os.environ.get("WERKPLEK_T0", time.time()))
POLL_MS = 25
PASSWORDS = {a.name: a.password for a in DEMO_ACCOUNTS}


class Tour:
    def __init__(self, gui: GuiApp, out: Path) -> None:
        self.gui = gui
        self.out = out
        self.times: dict[str, float] = {}
        self.steps: list[Callable[[], bool]] = [
            self.dialog_shown,
            self.demo_ready,
            self.wrong_password,
            self.wrong_password_shown,
            self.sign_in_admin,
            self.admin_loaded,
            self.add_user_dialog,
            self.audit_verified,
            self.lock,
            self.sign_in_officer,
            self.officer_shown,
        ]
        self._mark = 0.0

    @property
    def controller(self) -> AppController:
        return self.gui.controller

    @property
    def dialog(self) -> LoginDialog:
        dialog = self.controller.login_dialog
        assert dialog is not None
        return dialog

    @property
    def window(self) -> MainWindow:
        window = self.controller.main_window
        assert window is not None
        return window

    def admin_page(self) -> AdminPage:
        page = self.window.pages["admin"]
        assert isinstance(page, AdminPage)
        return page

    def shoot(self, widget: QWidget, name: str) -> None:
        QApplication.processEvents()
        widget.grab().save(str(self.out / name))

    def tick(self) -> None:
        if not self.steps:
            QApplication.quit()
            return
        if self.steps[0]():
            self.steps.pop(0)
        QTimer.singleShot(POLL_MS, self.tick)

    # Each step returns True when done (and may be polled again until then).

    def dialog_shown(self) -> bool:
        dialog = self.controller.login_dialog
        if dialog is None or dialog.windowHandle() is None or not dialog.windowHandle().isExposed():
            return False
        self.times["start_to_signin_dialog_s"] = time.time() - T0
        return True

    def demo_ready(self) -> bool:
        dialog = self.dialog
        if not dialog.ui.signInButton.isEnabled():
            return False
        self.times["start_to_demo_ready_s"] = time.time() - T0
        dialog.fill("beheer", PASSWORDS["beheer"])
        self.shoot(dialog, "signin.png")
        return True

    def _sign_in(self, name: str) -> None:
        dialog = self.dialog
        dialog.fill(name, PASSWORDS[name])
        self._mark = time.time()
        dialog.ui.signInButton.click()

    def wrong_password(self) -> bool:
        dialog = self.dialog
        dialog.fill("beheer", "niet-het-wachtwoord")
        dialog.ui.signInButton.click()
        return True

    def wrong_password_shown(self) -> bool:
        dialog = self.dialog
        if dialog.busy:
            return False
        self.shoot(dialog, "signin-error.png")
        return True

    def sign_in_admin(self) -> bool:
        self._sign_in("beheer")
        return True

    def admin_loaded(self) -> bool:
        window = self.controller.main_window
        if window is None or not window.isVisible():
            return False
        if "signin_admin_s" not in self.times:
            self.times["signin_admin_s"] = time.time() - self._mark
            self.times["start_to_main_window_s"] = time.time() - T0
            window.resize(1280, 780)
            page = window.show_section("admin")
            assert isinstance(page, AdminPage)
        if self.gui.runner.busy:
            return False
        self.shoot(window, "main-admin.png")
        return True

    def add_user_dialog(self) -> bool:
        page = self.admin_page()
        dialog = page.open_add_user_dialog()
        dialog.name_edit.setText("j.jansen")
        dialog.full_name_edit.setText("Jan Jansen")
        dialog.password_edit.setText("kort")
        dialog.repeat_edit.setText("kort")
        dialog.ok_button.click()  # refused by the service: the sentence shows in the dialog
        QApplication.processEvents()
        self.gui.runner.wait(5000)
        QApplication.processEvents()
        self.shoot(dialog, "add-user.png")
        dialog.reject()
        page.tabs.setCurrentWidget(page.audit_tab)
        page.audit_tab.verify()
        return True

    def audit_verified(self) -> bool:
        window = self.window
        if self.gui.runner.busy:
            return False
        self.shoot(window, "main-admin-audit.png")
        return True

    def lock(self) -> bool:
        self.controller.lock()
        return True

    def sign_in_officer(self) -> bool:
        dialog = self.controller.login_dialog
        if dialog is None or not dialog.isVisible():
            return False
        self.shoot(dialog, "locked.png")
        self._sign_in("officier")
        return True

    def officer_shown(self) -> bool:
        window = self.controller.main_window
        if window is None or not window.isVisible():
            return False
        self.times["signin_officer_s"] = time.time() - self._mark
        window.resize(1280, 780)
        self.shoot(window, "main-officer.png")
        return True


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    gui = start_gui(["--demo", "--lang", os.environ.get("WERKPLEK_LANG", "nl")])
    tour = Tour(gui, out)
    QTimer.singleShot(0, tour.tick)
    QTimer.singleShot(120_000, QApplication.quit)
    try:
        code = gui.app.exec()
    finally:
        gui.close()
    print(json.dumps({k: round(v, 2) for k, v in tour.times.items()}, indent=2))
    return 0 if not tour.steps else (code or 1)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

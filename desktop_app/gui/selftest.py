"""``werkplek --selftest-window``: proof that a build carries everything the window needs.

Opens the window on the throwaway demo workspace (a fresh private temporary folder, removed
afterwards), signs in as the demo officer through the sign-in dialog, waits for the main
window with its sections, and quits. Exit 0 and one line on stdout
when all of that worked; 1 otherwise (a missing Qt module or plugin fails earlier, with its
import error). It touches no real workspace, key or keyring, and opens no connection.
``make bundle`` runs it in dist/werkplek with ``QT_QPA_PLATFORM=offscreen``.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.demo import DEMO_ACCOUNTS
from desktop_app.gui.app import start_gui
from desktop_app.gui.login import LoginDialog
from desktop_app.gui.main_window import MainWindow

TIMEOUT_S = 120.0
USER = "officier"


def run_selftest() -> int:
    password = {a.name: a.password for a in DEMO_ACCOUNTS}[USER]
    gui = start_gui(["--demo", "--lang", "nl"])
    started = time.monotonic()
    seen: dict[str, object] = {}
    signed_in = False

    def step() -> None:
        nonlocal signed_in
        if time.monotonic() - started > TIMEOUT_S:
            seen["error"] = "timeout"
            QApplication.quit()
            return
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for w in windows:
            if isinstance(w, MainWindow):
                seen["sections"] = w.section_keys()
                seen["user"] = w.user_label.text()
                QApplication.quit()
                return
        for w in windows:
            if (
                not signed_in
                and isinstance(w, LoginDialog)
                and w.ui.signInButton.isEnabled()
                and not w.busy
            ):
                w.fill(USER, password)
                w.ui.signInButton.click()
                signed_in = True
        QTimer.singleShot(50, step)

    QTimer.singleShot(0, step)
    try:
        gui.app.exec()
    finally:
        gui.close()
    sections = seen.get("sections")
    if not isinstance(sections, list) or "requests" not in sections:
        print(f"selftest: FAILED ({seen.get('error', 'no main window')})", file=sys.stderr)
        return 1
    print(
        f"selftest: signed in as {USER} in {time.monotonic() - started:.1f} s;"
        f" sections {', '.join(sections)}"
    )
    return 0

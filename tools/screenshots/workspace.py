"""Screenshots of the workspace's life for the documentation (developer tool):

    DISPLAY=:NN .venv/bin/python -m tools.screenshots.workspace OUTDIR

Builds a throw-away demo workspace (fast test KDF, in-memory keyring) and saves
admin-backup.png (Beheer › Back-up after making and checking a backup and replacing the
database key), first-start.png (the wizard's recovery-key step) and restore-dialog.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop_app.demo import create_demo_workspace
from desktop_app.domain.clock import SystemClock
from desktop_app.gui.admin.page import AdminPage
from desktop_app.gui.style import apply_style
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.wizard.restore import RestoreDialog
from desktop_app.gui.wizard.view import FirstStartDialog
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services.first_start import FirstStartWizard, recent_workspaces
from desktop_app.services.session import Environment
from desktop_app.services.workspace import open_session


def main(out: Path) -> None:
    env = Environment(MemorySecretProvider(), SystemClock(), "gui")
    base = Path(tempfile.mkdtemp())
    root = base / "ws"
    passwords = create_demo_workspace(env, root, kdf_profile="test")
    app = QApplication([])
    apply_style(app)
    runner = TaskRunner(synchronous=True)
    session = open_session(env, root, "beheer", passwords["beheer"])
    window = QMainWindow()
    page = AdminPage(session, runner, window)
    window.setCentralWidget(page)
    window.resize(1000, 640)
    window.show()
    page.tabs.setCurrentIndex(3)
    target = base / "werkplek-2026-12-02.backup"
    page.start_backup(str(target))
    page.keys_box.start_verify(str(target))

    wizard = FirstStartWizard(
        check_keyring=lambda: env,
        default_dir=base / "nieuw",
        recent=recent_workspaces(base / "recent.json"),
        kdf_profile="test",
    )
    wizard.new_workspace()
    wizard.set_location(base / "nieuw", "aivd")
    wizard.create("beheer", "B. Beheerder", "eerste-beheer-wachtwoord", "eerste-beheer-wachtwoord")
    first = FirstStartDialog(wizard, runner)
    restore = RestoreDialog(base / "hersteld")

    def shoot() -> None:
        window.grab().save(str(out / "admin-backup.png"))
        first.show()
        QApplication.processEvents()
        first.grab().save(str(out / "first-start.png"))
        first.hide()
        restore.show()
        QApplication.processEvents()
        restore.grab().save(str(out / "restore-dialog.png"))
        app.quit()

    QTimer.singleShot(600, shoot)
    app.exec()
    session.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))

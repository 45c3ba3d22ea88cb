"""A screenshot of the Convenant section for the documentation (developer tool):

    DISPLAY=:NN .venv/bin/python -m tools.screenshots.covenant OUT.png [liaison|beheer]

Builds a throw-away demo workspace (fast test KDF, in-memory keyring; the demo holds an amendment
the IND consented to, a plan in force, one approved by one head and the annex) and saves the
section as the given person sees it, on the plans tab.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop_app.demo import create_demo_workspace
from desktop_app.domain.clock import SystemClock
from desktop_app.gui.covenant import CovenantPage
from desktop_app.gui.style import apply_style
from desktop_app.gui.tasks import TaskRunner
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services.session import Environment
from desktop_app.services.workspace import open_session


def main(out: Path, user: str) -> None:
    env = Environment(MemorySecretProvider(), SystemClock(), "gui")
    root = Path(tempfile.mkdtemp()) / "ws"
    passwords = create_demo_workspace(env, root, kdf_profile="test")
    app = QApplication([])
    apply_style(app)
    session = open_session(env, root, user, passwords[user])
    window = QMainWindow()
    page = CovenantPage(session, TaskRunner(synchronous=True), window)
    window.setCentralWidget(page)
    window.resize(1000, 680)
    window.show()

    def shoot() -> None:
        page.tabs.setCurrentIndex(1)
        page.plan_table.selectRow(0)
        QTimer.singleShot(400, lambda: (window.grab().save(str(out)), app.quit()))

    QTimer.singleShot(600, shoot)
    app.exec()
    session.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "liaison")

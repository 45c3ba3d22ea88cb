"""A screenshot of the Convenant section for the documentation (developer tool):

    DISPLAY=:NN .venv/bin/python -m tools.screenshots.covenant OUT.png [liaison|beheer]

Builds a throw-away demo workspace (fast test KDF, in-memory keyring), records an amendment the
IND consented to, a plan the AIVD's head approved, a classified plan and the annex, and saves
the section as the given person sees it, on the plans tab.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop_app.demo import create_demo_workspace
from desktop_app.domain.classification import Classification
from desktop_app.domain.clock import SystemClock
from desktop_app.gui.covenant import CovenantPage
from desktop_app.gui.style import apply_style
from desktop_app.gui.tasks import TaskRunner
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services import covenant as svc
from desktop_app.services.session import Environment
from desktop_app.services.workspace import open_session


def main(out: Path, user: str) -> None:
    env = Environment(MemorySecretProvider(), SystemClock(), "gui")
    root = Path(tempfile.mkdtemp()) / "ws"
    passwords = create_demo_workspace(env, root, kdf_profile="test")
    with open_session(env, root, "liaison", passwords["liaison"]) as s:
        a = svc.request_amendment(
            s,
            change="Art. 2.3: de liaison wordt ook per beveiligde e-mail geïnformeerd.",
            effective=s.clock.today() + dt.timedelta(days=90),
        )
        svc.decide_amendment(s, a.id, decision_ref="HD-IND 2026/101")
        plan = svc.add_plan(
            s,
            subject="Uitwisseling bij spoedverzoeken",
            text="1. Spoedverzoeken worden binnen twee werkdagen beantwoord.\n"
            "2. De liaison bevestigt de ontvangst dezelfde dag.\n",
        )
    with open_session(env, root, "tekenaar", passwords["tekenaar"]) as s:
        svc.approve_plan(s, plan.plan.id, decision_ref="DG-AIVD 2026/55")
        svc.annex_set(
            s, text="Niet-openbare bijlage (demo).", classification=Classification.STG_GEHEIM
        )
        svc.add_plan(
            s,
            subject="Bronbescherming bij inzage",
            text="Plan (demo).",
            classification=Classification.STG_GEHEIM,
        )
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

"""Screenshots of the requests sections on a throwaway demo workspace:

    xvfb-run -a -s "-screen 0 1400x900x24" \
        .venv/bin/python -m desktop_app.gui.requests.screenshots OUT

Builds a demo workspace with a few hundred fictitious requests (Dutch, Turkish, Arabic and
Cyrillic names; some in progress, some closed, some with a delay notice) and provisions, signs
in through the real sign-in dialog and saves dashboard.png, requests-list.png and
statistics.png in OUT."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.domain.clock import SystemClock
from desktop_app.gui.controller import AppController
from desktop_app.gui.requests.page import RequestsPage
from desktop_app.gui.requests.statistics import StatisticsPage
from desktop_app.gui.style import apply_style
from desktop_app.gui.tasks import TaskRunner
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services.demo import DEMO_ACCOUNTS, create_demo_workspace
from desktop_app.services.session import Environment

PASSWORDS = {a.name: a.password for a in DEMO_ACCOUNTS}
DEMO_REQUESTS = 320


def build(env: Environment, root: Path) -> None:
    create_demo_workspace(env, root, kdf_profile="test", requests=DEMO_REQUESTS)


def _settle(app: QApplication) -> None:
    for _ in range(6):
        app.processEvents()


def shoot(window: QWidget, path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    _settle(app)
    window.grab().save(str(path))


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    with tempfile.TemporaryDirectory(prefix="werkplek-shots-") as tmp:
        root = Path(tmp) / "werkplek"
        env = Environment(MemorySecretProvider("memory"), SystemClock(), origin="gui")
        build(env, root)
        settings = QSettings(str(Path(tmp) / "gui.ini"), QSettings.Format.IniFormat)
        runner = TaskRunner(synchronous=True)
        controller = AppController(env, root, runner=runner, settings=settings, demo=True,
                                   quit_app=lambda: None)
        controller.start()

        def sign_in(name: str) -> QWidget:
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
            _settle(app)
            return window

        window = sign_in("officier")
        window.show_section("dashboard")  # type: ignore[attr-defined]
        shoot(window, out / "dashboard.png")

        page = window.show_section("requests")  # type: ignore[attr-defined]
        assert isinstance(page, RequestsPage)
        # Typed without the cedilla: the search ignores case and diacritics.
        page.show_bucket(None)
        page.search_edit.setText("celik")
        page.search_now()
        open_rows = [r for r in range(page.model.rowCount())
                     if page.model.record(r) is not None
                     and not page.model.record(r).status.is_closed]
        page.view.selectRow(open_rows[0] if open_rows else 0)
        _settle(app)
        shoot(window, out / "requests-list.png")

        window = sign_in("tekenaar")
        stats = window.show_section("statistics")  # type: ignore[attr-defined]
        assert isinstance(stats, StatisticsPage)
        today = env.clock.today()
        stats.set_period(today - dt.timedelta(days=120), today)
        shoot(window, out / "statistics.png")
        controller.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

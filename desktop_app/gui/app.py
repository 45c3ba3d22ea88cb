"""Start of the window: ``werkplek``, ``werkplek gui``, ``python -m desktop_app --demo``."""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.demo import DEMO_ACCOUNTS, create_demo_workspace
from desktop_app.domain.clock import SystemClock
from desktop_app.domain.errors import AppError, WrongWorkstation
from desktop_app.gui.controller import AppController
from desktop_app.gui.errors import install_excepthook
from desktop_app.gui.i18n import install_translators, remove_translators, wanted_language
from desktop_app.gui.os_lock import platform_lock_source
from desktop_app.gui.style import apply_style
from desktop_app.gui.tasks import TaskRunner
from desktop_app.paths import default_data_dir
from desktop_app.security.workstation import REMEDY, KeyringSecretProvider, MemorySecretProvider
from desktop_app.services.first_start import FirstStartWizard, recent_workspaces
from desktop_app.services.session import Environment

log = logging.getLogger(__name__)

ORGANISATION = "Convenantwerkplek"
APPLICATION = "werkplek"


def parse_args(args: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="werkplek", add_help=False)
    parser.add_argument("command", nargs="?", choices=["gui"])
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--user", default="")
    parser.add_argument("--lang", choices=["nl", "en"])
    return parser.parse_known_args(args)


def make_demo_dir() -> Path:
    """A fresh private folder (mkdtemp makes it 0700), removed when the window closes."""
    folder = Path(tempfile.mkdtemp(prefix="werkplek-demo-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def _let_python_handle_signals(app: QApplication) -> QTimer:
    # Qt's loop does not return to Python on its own; a tick lets Ctrl+C / SIGTERM quit cleanly
    # (the demo folder is removed then too).
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, lambda *_: app.quit())
    timer = QTimer(app)
    timer.start(500)
    timer.timeout.connect(lambda: None)
    return timer


def _keyring_environment() -> Environment:
    """The keyring check (at start and the first-start wizard's): raises the remedy when none
    is usable. A backend named by PYTHON_KEYRING_BACKEND that cannot start (no D-Bus session)
    raises RuntimeError from inside ``keyring``: that too is "no usable keyring", not a crash."""
    try:
        provider = KeyringSecretProvider()
    except AppError:
        raise
    except Exception as exc:
        log.warning("keyring could not start: %s", type(exc).__name__)
        raise WrongWorkstation(REMEDY) from None
    return Environment(provider, SystemClock(), origin="gui")


@dataclass
class GuiApp:
    """A started window: the pieces a caller (run_gui, the screenshot tool) needs."""

    app: QApplication
    controller: AppController
    runner: TaskRunner
    translators: list[QTranslator]
    ticker: QTimer
    demo_dir: Path | None = None

    def close(self) -> None:
        self.controller.quit()
        self.runner.discard_pending()
        self.runner.wait(10_000)
        # Results still queued (a session opened just before quitting) are closed now.
        QCoreApplication.sendPostedEvents()
        self.ticker.stop()
        remove_translators(self.app, self.translators)
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)


def start_gui(args: list[str], *, quit_app: Callable[[], None] | None = None) -> GuiApp:
    """Set up the application and show the sign-in dialog; the caller runs the event loop."""
    started = time.perf_counter()
    opts, qt_args = parse_args(args)
    logging.basicConfig(
        level=os.environ.get("WERKPLEK_LOG", "INFO").upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    os.umask(0o077)
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    install_excepthook()
    translators = install_translators(app, wanted_language(opts.lang))
    apply_style(app)
    app.setQuitOnLastWindowClosed(False)
    ticker = _let_python_handle_signals(app)
    settings = QSettings()
    runner = TaskRunner(app)
    if opts.demo:
        demo_dir = make_demo_dir()
        root = demo_dir / "werkplek"
        demo_env = Environment(MemorySecretProvider("memory"), SystemClock(), origin="gui")
        controller = AppController(
            demo_env,
            root,
            runner=runner,
            settings=settings,
            demo=True,
            demo_accounts={a.name: a.password for a in DEMO_ACCOUNTS},
            user=opts.user,
            quit_app=quit_app,
        )
        gui = GuiApp(app, controller, runner, translators, ticker, demo_dir)
        controller.start()
        controller.prepare(lambda: create_demo_workspace(demo_env, root))
    else:
        env: Environment | None = None
        error: AppError | None = None
        try:
            env = _keyring_environment()
        except AppError as exc:
            error = exc
        controller = AppController(
            env,
            opts.data_dir or default_data_dir(),
            runner=runner,
            settings=settings,
            user=opts.user,
            startup_error=error,
            quit_app=quit_app,
        )
        recent = recent_workspaces()
        first_dir = opts.data_dir or default_data_dir()
        controller.remember_workspace = recent.add
        controller.wizard_factory = lambda: FirstStartWizard(
            check_keyring=_keyring_environment, default_dir=first_dir, recent=recent
        )
        gui = GuiApp(app, controller, runner, translators, ticker)
        controller.start()
        controller.attach_lock_source(platform_lock_source(app))
    log.info("sign-in window shown %.2f s after start", time.perf_counter() - started)
    return gui


def run_gui(args: list[str]) -> int:
    gui = start_gui(args)
    try:
        return int(gui.app.exec())
    finally:
        gui.close()

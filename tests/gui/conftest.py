"""GUI fixtures: a controller on the test workspace, a synchronous task runner (deterministic,
like Picard's fake thread pool), QSettings in a temp file, and a walker over every widget's
visible text (LOCK-1)."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.demo import create_demo_workspace
from desktop_app.gui import app as app_module
from desktop_app.gui import tasks
from desktop_app.gui.controller import AppController
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.tasks import TaskRunner
from desktop_app.paths import resources_dir
from desktop_app.storage.db import Database
from tests.gui.gui_support import PASSWORDS, add_users, flush_deletes, section

_GUI = Path(tasks.__file__).resolve().parent
# Thin service facades whose functions are the tasks themselves (a test may call them to set up
# or check a case); a widget calling one on the GUI thread is still found one frame out.
_FACADES = {Path("requests/api.py")}
_GUARDED = ("transaction", "reading", "open", "create", "export_copy", "checkpoint", "close")


def _gui_caller() -> str | None:
    """The innermost frame of the window's own code that led here, if any (test code calling
    a service to set up or check a case is not the window)."""
    frame = sys._getframe(2)
    while frame is not None:
        path = Path(frame.f_code.co_filename)
        if path.is_relative_to(_GUI) and path.relative_to(_GUI) not in _FACADES:
            return f"{path.relative_to(_GUI)}:{frame.f_lineno} {frame.f_code.co_name}"
        frame = frame.f_back  # type: ignore[assignment]
    return None


@pytest.fixture(autouse=True)
def no_database_on_the_gui_thread(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Issue 11: the window does database work only through the task helper. Any access to
    the database from the GUI thread that the window's code makes outside a task fails the
    test (recorded, so a broad ``except`` in the window cannot swallow it)."""
    found: list[str] = []

    def check(name: str) -> None:
        if threading.current_thread() is threading.main_thread() and not tasks.in_task():
            where = _gui_caller()
            if where is not None:
                found.append(f"Database.{name} from the GUI thread: {where}")
                raise AssertionError(found[-1])

    for name in _GUARDED:
        original = Database.__dict__[name]
        if isinstance(original, classmethod):
            func = original.__func__

            def guarded_cls(
                cls: Any, *args: Any, __f: Any = func, __n: str = name, **kw: Any
            ) -> Any:
                check(__n)
                return __f(cls, *args, **kw)

            monkeypatch.setattr(Database, name, classmethod(guarded_cls))
        else:

            def guarded(*args: Any, __f: Any = original, __n: str = name, **kw: Any) -> Any:
                check(__n)
                return __f(*args, **kw)

            monkeypatch.setattr(Database, name, guarded)
    yield found
    assert not found, found


@pytest.fixture
def gui_settings(tmp_path: Any) -> QSettings:
    return QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo_start(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[QApplication]:
    """The window's ``--demo`` start-up, made quick and contained: the demo workspace with the
    fast test KDF, QSettings in a file of its own, and what start-up changes for the whole
    process (excepthook, SIGINT/SIGTERM handlers, quit-on-last-window, style sheet) put back."""
    monkeypatch.setattr(
        app_module,
        "create_demo_workspace",
        lambda env, root: create_demo_workspace(env, root, kdf_profile="test"),
    )
    settings_file = tmp_path / "gui.ini"
    monkeypatch.setattr(
        app_module, "QSettings", lambda: QSettings(str(settings_file), QSettings.Format.IniFormat)
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    old_int, old_term = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        yield qapp
    finally:
        signal.signal(signal.SIGINT, old_int)
        signal.signal(signal.SIGTERM, old_term)
        qapp.setQuitOnLastWindowClosed(True)
        qapp.setStyleSheet("")


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The window's own style sheet (bold, padded headings: what QA saw at 1024x700), taken
    off again afterwards."""
    qapp.setStyleSheet((resources_dir() / "styles" / "app.qss").read_text(encoding="utf-8"))
    try:
        yield qapp
    finally:
        qapp.setStyleSheet("")


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(synchronous=True)
    yield task_runner
    task_runner.wait(5000)


@pytest.fixture
def quits() -> list[int]:
    return []


@pytest.fixture
def make_controller(
    qtbot: Any, workspace: Any, runner: TaskRunner, gui_settings: QSettings, quits: list[int]
) -> Iterator[Callable[..., AppController]]:
    made: list[AppController] = []

    def make(**kwargs: Any) -> AppController:
        kwargs.setdefault("env", workspace.env)
        kwargs.setdefault("data_dir", workspace.root)
        env = kwargs.pop("env")
        data_dir = kwargs.pop("data_dir")
        controller = AppController(
            env,
            data_dir,
            runner=runner,
            settings=gui_settings,
            quit_app=lambda: quits.append(1),
            **kwargs,
        )
        controller.start()
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.quit()
    flush_deletes()


@pytest.fixture
def controller(make_controller: Callable[..., AppController]) -> AppController:
    return make_controller()


@pytest.fixture
def sign_in(qtbot: Any) -> Callable[[AppController, str, str | None], MainWindow | None]:
    def do(controller: AppController, name: str, password: str | None = None) -> MainWindow | None:
        dialog = controller.login_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.fill(name, PASSWORDS.get(name, "") if password is None else password)
        qtbot.mouseClick(dialog.ui.signInButton, Qt.MouseButton.LeftButton)
        return controller.main_window

    return do


@pytest.fixture
def staff(workspace: Any) -> Any:
    """The workspace with an officer, a signer and a liaison (modules may override it)."""
    add_users(workspace, "officier", "tekenaar", "liaison")
    return workspace


@pytest.fixture
def window_of(
    controller: AppController, sign_in: Any, staff: Any
) -> Iterator[Callable[..., MainWindow]]:
    """``window_of(name, password=None)``: sign out whoever is in, sign ``name`` in through the
    dialog and return the main window."""

    def switch(name: str, password: str | None = None) -> MainWindow:
        if controller.main_window is not None:
            controller.sign_out()
            flush_deletes()
        window = sign_in(controller, name, password)
        assert window is not None, f"{name} could not sign in"
        return window

    yield switch


@pytest.fixture
def open_admin(controller: AppController, sign_in: Any) -> Callable[[], Any]:
    """``open_admin()``: sign the administrator in through the dialog and return the Beheer
    page (the Beheer tests call it after setting up what the page is to show)."""

    def open_page() -> Any:
        from desktop_app.gui.admin.page import AdminPage

        window = sign_in(controller, "beheer")
        assert window is not None
        return section(window, "admin", AdminPage)

    return open_page

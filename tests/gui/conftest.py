"""GUI fixtures: a controller on the test workspace, a synchronous task runner (deterministic,
like Picard's fake thread pool), QSettings in a temp file, and a walker over every widget's
visible text (LOCK-1)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.gui.controller import AppController
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.tasks import TaskRunner
from tests.gui.gui_support import PASSWORDS, add_users, flush_deletes


@pytest.fixture
def gui_settings(tmp_path: Any) -> QSettings:
    return QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)


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

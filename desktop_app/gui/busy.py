"""A step started by a button whose outcome is a line under it (a backup, an export, a check):
the button is off and the line says it is busy while the step runs on the background runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop_app.gui.errors import show_error
from desktop_app.gui.tasks import TaskRunner

T = TypeVar("T")


def run_busy(
    owner: QWidget,
    runner: TaskRunner,
    button: QPushButton,
    result: QLabel,
    busy_text: str,
    work: Callable[[], T],
    done: Callable[[T], None],
) -> None:
    """Run ``work``; ``done`` gets its result with the button on again. A refusal clears the
    line and is shown as a message."""
    button.setEnabled(False)
    result.setText(busy_text)

    def finished(value: T) -> None:
        button.setEnabled(True)
        done(value)

    def failed(exc: BaseException) -> None:
        button.setEnabled(True)
        result.clear()
        show_error(owner, exc)

    runner.run(work, finished, failed, owner=owner)

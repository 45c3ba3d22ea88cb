"""What the section pages in the look of the requests views share (the requests list, the
dashboard, provisions, statistics, the covenant register, the consultations): their name and
style, the session and the background runner, and loading through the services on that runner
with an error box for a failure and no stale answer shown over a newer one; and at the lock,
the dialog a page opened last wiped and closed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from desktop_app.gui.requests.style import PAGE_STYLE
from desktop_app.gui.tasks import Done, Failed, TaskRunner
from desktop_app.services.session import Session


class WipedDialog(Protocol):
    def wipe(self) -> None: ...

    def reject(self) -> None: ...


def wipe_dialog(dialog: WipedDialog | None) -> None:
    """The lock: a dialog still open loses what was typed into it and closes (one that was
    deleted with its window already is left alone)."""
    if dialog is None:
        return
    try:
        dialog.wipe()
        dialog.reject()
    except RuntimeError:  # already deleted with its window
        pass


class SectionPage(QWidget):
    def __init__(
        self, name: str, session: Session, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(PAGE_STYLE)
        self.session = session
        self.runner = runner
        # Bumped by every run_latest and drop_pending (a page that guards several answers of
        # one load itself bumps it too): an answer for an older number is dropped.
        self._serial = 0

    def run_task(self, work: Callable[[], Any], done: Done, failed: Failed | None = None) -> None:
        """``work`` on the background runner, then ``done`` with its result on this thread; a
        failure goes to ``failed``, without it (the runner's way) to the error box over this
        page."""
        self.runner.run(work, done, failed, owner=self)

    def run_latest(self, work: Callable[[], Any], done: Done, failed: Failed | None = None) -> None:
        """As ``run_task``, but ``done`` (and ``failed``, when given) only while no later
        ``run_latest`` or ``drop_pending`` came: an older answer never replaces a newer one.
        Without ``failed`` every failure is shown."""
        self._serial += 1
        serial = self._serial

        def latest(result: Any) -> None:
            if serial == self._serial:
                done(result)

        def latest_failed(exc: BaseException) -> None:
            if serial == self._serial and failed is not None:
                failed(exc)

        self.run_task(work, latest, None if failed is None else latest_failed)

    def drop_pending(self) -> None:
        """No answer of a load started before this is shown any more (the lock)."""
        self._serial += 1

"""Watches input app-wide and says when the idle policy expires."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop_app.domain.clock import Clock
from desktop_app.gui.idle import IdlePolicy, SessionLimit

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)

POLL_MS = 1000
LOCK_SHORTCUT = "Ctrl+L"


class IdleMonitor(QObject):
    """An app-wide event filter resets the policy on input; a QTimer polls ``check()``.

    The timer only asks the policy (which asks the injected clock), so tests call ``check()``
    after advancing a FixedClock instead of waiting.

    The same filter catches Ctrl+L while a modal dialog is open: Qt blocks even application
    shortcuts behind a modal dialog, and locking must work from anywhere.
    """

    expired = Signal()
    lock_key_pressed = Signal()
    # The absolute session maximum passed (input or not).
    session_expired = Signal()

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.policy: IdlePolicy | None = None
        self.limit: SessionLimit | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check)
        self._lock_keys = QKeySequence(LOCK_SHORTCUT)

    @property
    def active(self) -> bool:
        return self.policy is not None

    def start(self, minutes: int, max_hours: int | None = None) -> None:
        """Watch for ``minutes`` without input; and, with ``max_hours``, for the session's
        absolute maximum from now (a restart after a first-password question keeps the
        maximum counted from the sign-in)."""
        self.policy = IdlePolicy(self._clock, dt.timedelta(minutes=minutes))
        if max_hours is not None:
            self.limit = SessionLimit(self._clock, dt.timedelta(hours=max_hours))
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.policy = None

    def end_session(self) -> None:
        """Stop, and forget the session maximum (the session is over)."""
        self.stop()
        self.limit = None

    def check(self) -> bool:
        """Emit ``session_expired`` or ``expired`` (once) when the maximum or the idle timeout
        has passed; returns whether it did."""
        if self.policy is None:
            return False
        if self.limit is not None and self.limit.expired():
            self.end_session()
            self.session_expired.emit()
            return True
        if not self.policy.expired():
            return False
        self.stop()
        self.expired.emit()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.policy is None or event.type() not in INPUT_EVENTS:
            return False
        self.policy.touch()
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if pressed.matches(self._lock_keys) == QKeySequence.SequenceMatch.ExactMatch:
                self.lock_key_pressed.emit()
                return True
        return False

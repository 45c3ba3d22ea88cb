"""The mouse wheel changes a combo box or spin box only when it has the focus.

Scrolling through a long form (the ambtsbericht editor's findings) used to change whatever box
passed under the pointer, silently: a finding's reliability, a classification, a setting. One
application-wide event filter sends the wheel of an unfocused box to its parent instead, so the
page scrolls as the user meant.

A real wheel event gives the focus to a widget with ``Qt.WheelFocus`` (the default of both
boxes) before any event filter sees it, so checking the focus alone lets every real notch
through; the guard therefore also lowers each box to ``Qt.StrongFocus`` when it is polished."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Polish
            and isinstance(watched, QComboBox | QAbstractSpinBox)
            and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus
        ):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QComboBox | QAbstractSpinBox)
            and not watched.hasFocus()
        ):
            parent = watched.parentWidget()
            if isinstance(parent, QWidget):
                QCoreApplication.sendEvent(parent, event)
            return True
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Idempotent: the guard is kept as a child of the application."""
    existing = app.findChild(WheelGuard)
    if isinstance(existing, WheelGuard):
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard

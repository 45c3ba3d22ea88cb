"""The mouse wheel changes a combo box or spin box only when it has the focus.

Scrolling through a long form (the ambtsbericht editor's findings) used to change whatever box
passed under the pointer, silently: a finding's reliability, a classification, a setting. One
application-wide event filter sends the wheel of an unfocused box to its parent instead, so the
page scrolls as the user meant."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
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

"""Nothing leaves the inspection window: no copy, cut, print, save, select-all, drag or context
menu. One event filter on the application swallows those events for every widget of the window
(including Qt's own, such as the scroll bars' context menus and the PDF view's children)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

# Standard key sequences that could move content out of the window (or select it for that).
BLOCKED_SEQUENCES = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Print,
    QKeySequence.StandardKey.Save,
    QKeySequence.StandardKey.SaveAs,
    QKeySequence.StandardKey.SelectAll,
)
_CTRL = Qt.KeyboardModifier.ControlModifier
# Combinations not (always) covered by the standard sequences of every platform.
BLOCKED_CHORDS = frozenset(
    {
        (Qt.Key.Key_C, _CTRL),
        (Qt.Key.Key_X, _CTRL),
        (Qt.Key.Key_Insert, _CTRL),
        (Qt.Key.Key_P, _CTRL),
        (Qt.Key.Key_S, _CTRL),
        (Qt.Key.Key_A, _CTRL),
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier),  # cut on some platforms
    }
)
BLOCKED_KEYS = frozenset({Qt.Key.Key_Print, Qt.Key.Key_Copy, Qt.Key.Key_Cut, Qt.Key.Key_Save})

_KEY_EVENTS = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease}
)
_SWALLOWED = frozenset(
    {
        QEvent.Type.ContextMenu,
        QEvent.Type.DragEnter,
        QEvent.Type.DragMove,
        QEvent.Type.Drop,
    }
)
_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def is_blocked_key(event: QKeyEvent) -> bool:
    key = Qt.Key(event.key())
    if key in BLOCKED_KEYS:
        return True
    if any(event.matches(seq) for seq in BLOCKED_SEQUENCES):
        return True
    mods = event.modifiers() & _MODIFIERS
    return (key, mods) in BLOCKED_CHORDS


class CopyGuard(QObject):
    """Installed on the QApplication while the window lives; acts only on that window's
    widgets. ``blocked`` counts what it swallowed (the tests read it)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.blocked = 0

    def _ours(self, obj: QObject) -> bool:
        return isinstance(obj, QWidget) and obj.window() is self._window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _SWALLOWED and self._ours(obj):
            self.blocked += 1
            return True
        if (
            kind in _KEY_EVENTS
            and self._ours(obj)
            and isinstance(event, QKeyEvent)
            and is_blocked_key(event)
        ):
            self.blocked += 1
            event.accept()
            return True
        return False

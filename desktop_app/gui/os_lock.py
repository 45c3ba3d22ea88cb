"""Locks that follow the operating system (LOCK-3): when the desktop session locks, sleeps or
switches away, the application locks too, through the controller's ordinary lock (drafts kept).

One small interface, :class:`ScreenLockSource` (a ``locked`` signal), behind which:

* Linux: the freedesktop and GNOME ``ScreenSaver.ActiveChanged(true)`` on the session bus, and
  logind's ``Session.Lock`` (this session only) and ``Manager.PrepareForSleep(true)`` on the
  system bus, through PySide6.QtDBus. A bus that is not there is simply not listened to.
* Windows: ``WTSRegisterSessionNotification`` and ``WM_WTSSESSION_CHANGE`` with
  ``WTS_SESSION_LOCK`` / ``WTS_CONSOLE_DISCONNECT`` / ``WTS_REMOTE_DISCONNECT``, read by a native
  event filter (written for the Windows build; not exercised on this Linux test machine).

Tests inject a :class:`ScreenLockSource` of their own and emit ``locked``.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from PySide6.QtCore import SLOT, QAbstractNativeEventFilter, QCoreApplication, QObject, Signal, Slot

log = logging.getLogger(__name__)


class ScreenLockSource(QObject):
    """Says when the operating system locked the desktop session."""

    locked = Signal()

    @property
    def listening(self) -> list[str]:
        """What this source listens to (for the log and the tests)."""
        return []


_SCREENSAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),  # KDE
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
_LOGIND = "org.freedesktop.login1"


def _slot(signature: str) -> Any:
    """Qt's SLOT() text. The type stubs ask bytes for it, PySide6 itself wants the str."""
    return SLOT(signature)


class DBusScreenLockSource(ScreenLockSource):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listening: list[str] = []
        from PySide6.QtDBus import QDBusConnection

        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for path, interface in _SCREENSAVERS:
                if session.connect(
                    "", path, interface, "ActiveChanged", self, _slot("_active_changed(bool)")
                ):
                    self._listening.append(f"{interface}.ActiveChanged@{path}")
        system = QDBusConnection.systemBus()
        if system.isConnected():
            if system.connect(
                _LOGIND,
                "/org/freedesktop/login1",
                f"{_LOGIND}.Manager",
                "PrepareForSleep",
                self,
                _slot("_active_changed(bool)"),
            ):
                self._listening.append("login1.Manager.PrepareForSleep")
            own = self._own_session_path(system)
            if own and system.connect(
                _LOGIND, own, f"{_LOGIND}.Session", "Lock", self, _slot("_lock()")
            ):
                self._listening.append("login1.Session.Lock")
        log.info("following the desktop's lock: %s", ", ".join(self._listening) or "nothing")

    @staticmethod
    def _own_session_path(system: Any) -> str | None:
        """logind's object path of the session this process runs in (its Lock is ours only)."""
        from PySide6.QtDBus import QDBusInterface

        manager = QDBusInterface(_LOGIND, "/org/freedesktop/login1", f"{_LOGIND}.Manager", system)
        if not manager.isValid():
            return None
        reply = manager.call("GetSessionByPID", os.getpid())
        arguments = reply.arguments()
        if not arguments:
            return None
        path = arguments[0]
        text = getattr(path, "path", lambda: str(path))()
        return str(text) or None

    @property
    def listening(self) -> list[str]:
        return list(self._listening)

    @Slot(bool)
    def _active_changed(self, active: bool) -> None:
        if active:
            self.locked.emit()

    @Slot()
    def _lock(self) -> None:
        self.locked.emit()


_WM_WTSSESSION_CHANGE = 0x02B1
_WTS_LOCKING = {0x1: "console disconnect", 0x3: "remote disconnect", 0x7: "session lock"}
_NOTIFY_FOR_THIS_SESSION = 0


class _WindowsFilter(QAbstractNativeEventFilter):
    def __init__(self, source: WindowsSessionLockSource) -> None:
        super().__init__()
        self._source = source

    def nativeEventFilter(self, event_type: Any, message: Any) -> Any:
        import ctypes
        from ctypes import wintypes

        if bytes(event_type) not in (b"windows_generic_MSG", b"windows_dispatcher_MSG"):
            return False, 0
        msg = ctypes.cast(int(message), ctypes.POINTER(wintypes.MSG)).contents
        if msg.message == _WM_WTSSESSION_CHANGE and int(msg.wParam) in _WTS_LOCKING:
            self._source.locked.emit()
        return False, 0


class WindowsSessionLockSource(ScreenLockSource):
    """WTS session notifications for one window (the sign-in dialog or the main window each
    register theirs through :meth:`watch`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = _WindowsFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self._filter)

    def watch(self, window_id: int) -> bool:
        import ctypes

        try:
            wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined,unused-ignore]
            return bool(wtsapi.WTSRegisterSessionNotification(window_id, _NOTIFY_FOR_THIS_SESSION))
        except (AttributeError, OSError):
            return False

    @property
    def listening(self) -> list[str]:
        return ["WM_WTSSESSION_CHANGE"]


def platform_lock_source(parent: QObject | None = None) -> ScreenLockSource | None:
    """The source for this operating system, or None where there is none (macOS: the
    application's own idle lock and Ctrl+L remain)."""
    try:
        if sys.platform.startswith("linux"):
            return DBusScreenLockSource(parent)
        if sys.platform == "win32":
            return WindowsSessionLockSource(parent)
    except Exception:
        log.exception("could not follow the desktop's lock")
    return None

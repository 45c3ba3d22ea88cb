"""Child for the real-D-Bus test: listens through gui/os_lock.DBusScreenLockSource on the
private session bus it was started in, prints ``READY <bus address>``, and ``LOCKED`` when the
source says the desktop locked (then exits). Gives up after 20 s."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QTimer

from desktop_app.gui.os_lock import DBusScreenLockSource


def main() -> int:
    app = QCoreApplication([])
    source = DBusScreenLockSource()
    seen: list[int] = []

    def locked() -> None:
        seen.append(1)
        print("LOCKED", flush=True)
        app.quit()

    source.locked.connect(locked)
    # One synchronous round trip after the subscriptions: the bus handles a connection's
    # messages in order, so the match rules are in place before READY is printed.
    from PySide6.QtDBus import QDBusConnection

    interface = QDBusConnection.sessionBus().interface()
    assert interface is not None
    interface.isServiceRegistered("org.freedesktop.DBus")
    print("READY", os.environ["DBUS_SESSION_BUS_ADDRESS"], ",".join(source.listening), flush=True)
    QTimer.singleShot(20_000, app.quit)
    app.exec()
    return 0 if seen else 1


if __name__ == "__main__":
    sys.exit(main())

"""Locks that follow the operating system (issue 13, LOCK-3/LOCK-6): the desktop's lock locks
the window through the ordinary lock (drafts kept); the absolute session maximum asks for the
password again even while the person is active. A fake lock source is injected; one test runs
the real D-Bus source on a private session bus."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtCore import Qt
from support.helpers import REPO

from desktop_app.gui.idle import SessionLimit
from desktop_app.gui.os_lock import ScreenLockSource
from desktop_app.services import settings as settings_service
from tests.gui.test_drafts import CANARY, _page, _type_new_report


class FakeLockSource(ScreenLockSource):
    pass


def test_the_desktop_lock_locks_the_window_and_keeps_the_draft(
    controller: Any, window_of: Any, sign_in: Any
) -> None:
    source = FakeLockSource()
    controller.attach_lock_source(source)
    window = window_of("officier")
    _type_new_report(window)
    session = controller.session
    source.locked.emit()
    assert controller.session is None and not session.is_open
    dialog = controller.login_dialog
    assert "bureaublad werd vergrendeld" in dialog.ui.introLabel.text()
    assert dialog.ui.nameEdit.text() == "officier"
    back = sign_in(controller, "officier")
    assert CANARY in _page(back).detail.editor.conclusion_edit.toPlainText()
    # Locked already: another signal changes nothing.
    controller.lock()
    source.locked.emit()
    assert controller.login_dialog is not None


def test_the_desktop_lock_at_the_lock_screen_does_nothing(controller: Any) -> None:
    source = FakeLockSource()
    controller.attach_lock_source(source)
    before = controller.login_dialog
    source.locked.emit()
    assert controller.login_dialog is before and before.isVisible()


def test_the_session_maximum_ends_an_active_session(
    qtbot: Any, controller: Any, sign_in: Any, clock: Any
) -> None:
    window = sign_in(controller, "beheer")
    # Active all the time: input every four minutes for twelve hours.
    for _ in range(12 * 15 - 1):
        clock.advance(dt.timedelta(minutes=4))
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
        assert controller.idle.check() is False
    assert controller.session is not None
    clock.advance(dt.timedelta(minutes=4))
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert controller.idle.check() is True
    assert controller.session is None
    text = controller.login_dialog.ui.introLabel.text()
    assert "12 uur aangemeld" in text and "maximum" in text
    # A new sign-in starts a new maximum.
    sign_in(controller, "beheer")
    clock.advance(dt.timedelta(minutes=1))
    assert controller.idle.check() is False


def test_the_session_maximum_comes_from_the_setting(
    workspace: Any, controller: Any, sign_in: Any, clock: Any, qtbot: Any
) -> None:
    with workspace.session() as s:
        settings_service.change(s, "session_max_hours", "1")
    window = sign_in(controller, "beheer")
    clock.advance(dt.timedelta(minutes=4))
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    clock.advance(dt.timedelta(minutes=55))
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert controller.idle.check() is False
    clock.advance(dt.timedelta(minutes=1))
    assert controller.idle.check() is True
    assert "1 uur aangemeld" in controller.login_dialog.ui.introLabel.text()


def test_session_limit_counts_from_the_sign_in_only(clock: Any) -> None:
    limit = SessionLimit(clock, dt.timedelta(hours=2))
    clock.advance(dt.timedelta(hours=1, minutes=59))
    assert not limit.expired()
    clock.advance(dt.timedelta(minutes=1))
    assert limit.expired()
    with pytest.raises(ValueError):
        SessionLimit(clock, dt.timedelta(0))


@pytest.mark.skipif(shutil.which("dbus-run-session") is None, reason="needs dbus-run-session")
def test_a_real_screensaver_signal_on_a_private_session_bus() -> None:
    """``dbus-run-session`` gives the child a bus of its own; ``dbus-send`` emits the
    freedesktop ScreenSaver's ActiveChanged(true) on it, as a desktop locking does."""
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    child = subprocess.Popen(
        [
            "dbus-run-session",
            "--",
            sys.executable,
            str(REPO / "tests" / "support" / "dbus_lock_child.py"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        assert child.stdout is not None
        ready = child.stdout.readline().split()
        assert ready[:1] == ["READY"], ready
        address, listening = ready[1], ready[2] if len(ready) > 2 else ""
        assert "org.freedesktop.ScreenSaver.ActiveChanged" in listening
        sender = {**env, "DBUS_SESSION_BUS_ADDRESS": address}
        # Not locking (false) first: nothing happens; then true locks.
        for value in ("false", "true"):
            subprocess.run(
                [
                    "dbus-send",
                    "--session",
                    "--type=signal",
                    "/org/freedesktop/ScreenSaver",
                    "org.freedesktop.ScreenSaver.ActiveChanged",
                    f"boolean:{value}",
                ],
                env=sender,
                check=True,
                timeout=10,
            )
        assert child.stdout.readline().strip() == "LOCKED"
        assert child.wait(timeout=20) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()


def test_only_the_screensaver_becoming_active_locks(qapp: Any) -> None:
    from desktop_app.gui.os_lock import DBusScreenLockSource

    source = DBusScreenLockSource()
    seen: list[int] = []
    source.locked.connect(lambda: seen.append(1))
    source._active_changed(False)
    assert seen == []
    source._active_changed(True)
    source._lock()
    assert seen == [1, 1]

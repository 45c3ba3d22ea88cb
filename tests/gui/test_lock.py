"""The lock: idle time and Ctrl+L close the session and leave no classified text in any widget
(LOCK-1); input restarts the timer (LOCK-2); unlocking needs the password and does not bring the
previous view back (LOCK-5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from desktop_app.domain.errors import SessionLocked
from desktop_app.services import audit, users
from desktop_app.storage.users import set_setting
from tests.gui.gui_support import PASSWORDS, add_users, all_texts, flush_deletes

CANARY = "ZZ-CANARY-7f3a9"


@pytest.fixture
def canary(workspace: Any) -> str:
    add_users(workspace, zzcanary=CANARY)
    return CANARY


def _admin_window_with_canary(controller: Any, sign_in: Any, canary: str) -> Any:
    window = sign_in(controller, "beheer")
    window.show_section("admin")
    assert canary in all_texts()  # the check below can fail: the canary is on screen now
    return window


def _assert_locked(controller: Any, session: Any, canary: str) -> None:
    assert controller.session is None and controller.main_window is None
    assert session.db.closed
    assert not session.is_open
    with pytest.raises(SessionLocked):
        users.list_users(session)
    with pytest.raises(SessionLocked):
        _ = session.dek
    flush_deletes()
    assert canary not in all_texts()
    dialog = controller.login_dialog
    assert dialog is not None and dialog.isVisible()


def test_idle_timeout_locks(controller: Any, sign_in: Any, canary: str, clock: Any) -> None:
    window = _admin_window_with_canary(controller, sign_in, canary)
    session = controller.session
    clock.advance(dt.timedelta(minutes=4, seconds=59))
    assert controller.idle.check() is False
    assert session.is_open
    clock.advance(dt.timedelta(seconds=2))
    assert controller.idle.check() is True
    assert not shiboken6.isValid(window) or not window.isVisible()
    _assert_locked(controller, session, canary)
    dialog = controller.login_dialog
    assert dialog.ui.nameEdit.text() == "beheer"
    assert "5 minuten zonder activiteit" in dialog.ui.introLabel.text()
    assert "vergrendeld" in dialog.windowTitle()


def test_input_restarts_the_idle_timer(
    qtbot: Any, controller: Any, sign_in: Any, clock: Any
) -> None:
    window = sign_in(controller, "beheer")
    clock.advance(dt.timedelta(minutes=4))
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    clock.advance(dt.timedelta(minutes=4))
    assert controller.idle.check() is False
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton)
    clock.advance(dt.timedelta(minutes=4, seconds=30))
    assert controller.idle.check() is False
    assert controller.session is not None and controller.session.is_open
    clock.advance(dt.timedelta(minutes=1))
    assert controller.idle.check() is True
    assert controller.session is None


def test_idle_minutes_come_from_the_workspace(
    workspace: Any, controller: Any, sign_in: Any, clock: Any
) -> None:
    with workspace.session() as session, session.db.transaction() as conn:
        set_setting(conn, "idle_minutes", "10")
    sign_in(controller, "beheer")
    clock.advance(dt.timedelta(minutes=9))
    assert controller.idle.check() is False
    clock.advance(dt.timedelta(minutes=1))
    assert controller.idle.check() is True


def test_the_timer_polls_the_policy(controller: Any, sign_in: Any, clock: Any, qtbot: Any) -> None:
    sign_in(controller, "beheer")
    clock.advance(dt.timedelta(minutes=6))
    # No call to check(): the monitor's own QTimer (1 s) finds the timeout.
    qtbot.waitUntil(lambda: controller.session is None, timeout=3000)


def test_ctrl_l_locks_at_once(qtbot: Any, controller: Any, sign_in: Any, canary: str) -> None:
    window = _admin_window_with_canary(controller, sign_in, canary)
    session = controller.session
    # Through the platform layer, as a real key press arrives (shortcut map included).
    QTest.keySequence(window.windowHandle(), QKeySequence("Ctrl+L"))
    _assert_locked(controller, session, canary)
    assert "De werkplek is vergrendeld." in controller.login_dialog.ui.introLabel.text()


def test_lock_closes_open_dialogs_with_typed_text(
    controller: Any, sign_in: Any, canary: str
) -> None:
    window = _admin_window_with_canary(controller, sign_in, canary)
    dialog = window.pages["admin"].open_add_user_dialog()
    dialog.full_name_edit.setText("ZZ-TYPED-IN-DIALOG")
    session = controller.session
    # Ctrl+L works from inside a dialog too (application-wide shortcut).
    QTest.keySequence(dialog.windowHandle(), QKeySequence("Ctrl+L"))
    _assert_locked(controller, session, canary)
    assert not shiboken6.isValid(dialog)
    assert "ZZ-TYPED-IN-DIALOG" not in all_texts()


def test_unlock_needs_the_password_and_starts_fresh(
    controller: Any, sign_in: Any, canary: str, workspace: Any
) -> None:
    window = _admin_window_with_canary(controller, sign_in, canary)
    assert window.current_section() == "admin"
    controller.lock()
    flush_deletes()
    assert sign_in(controller, "beheer", "niet-het-wachtwoord") is None
    assert controller.session is None
    assert "Naam of wachtwoord onjuist." in controller.login_dialog.error_text()
    assert canary not in all_texts()
    new_window = sign_in(controller, "beheer", PASSWORDS["beheer"])
    assert new_window is not None and new_window is not window
    assert not shiboken6.isValid(window)
    # LOCK-5: the window starts at its first section, not where the user was.
    assert new_window.current_section() == new_window.section_keys()[0] == "dashboard"
    assert new_window.pages["admin"].verify_result.text() == ""
    assert controller.session.is_open
    # The audit trail records the lock (session.close) and both sign-ins.
    with workspace.session() as check:
        actions = [e.action for e in audit.list_audit(check, 20)]
    assert "session.close" in actions


def test_sign_out_clears_the_name(controller: Any, sign_in: Any) -> None:
    window = sign_in(controller, "beheer")
    window.sign_out_action.trigger()
    assert controller.session is None
    assert controller.login_dialog.ui.nameEdit.text() == ""


def test_quit_closes_the_session(controller: Any, sign_in: Any, quits: list[int]) -> None:
    sign_in(controller, "beheer")
    session = controller.session
    controller.main_window.close()
    assert quits == [1]
    assert session.db.closed

"""Beheer › Instellingen: one spin box per declared setting, bounds from the declaration, saved
through services.settings (audited), and the new idle time in force at the next sign-in."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.domain.settings import (
    IDLE_MINUTES,
    SENDER_BLOCK,
    SETTINGS,
    WARN_FROM_DAY,
    IntSetting,
    TextSetting,
)
from desktop_app.gui.admin.settings import SettingsTab
from desktop_app.services import settings
from tests.gui.gui_support import admin_tab


@pytest.fixture
def tab(controller: Any, sign_in: Any) -> SettingsTab:
    return admin_tab(sign_in(controller, "beheer"), "Instellingen", SettingsTab)


def test_one_box_per_declared_setting_with_its_bounds(tab: SettingsTab) -> None:
    assert set(tab.spins) == {s.key for s in SETTINGS if isinstance(s, IntSetting)}
    texts = {s.key for s in SETTINGS if isinstance(s, TextSetting) and s.per_account is None}
    assert texts <= set(tab.texts)
    idle = tab.spins[IDLE_MINUTES.key]
    assert (idle.minimum(), idle.maximum(), idle.value()) == (1, 120, 5)
    assert not tab.save_button.isEnabled()
    idle.setValue(500)  # beyond the declared bound: the box keeps it in
    assert idle.value() == 120


def test_saving_changes_is_audited_and_in_force(
    tab: SettingsTab, workspace: Any, qtbot: Any
) -> None:
    tab.spins[IDLE_MINUTES.key].setValue(15)
    tab.spins[WARN_FROM_DAY.key].setValue(6)
    assert tab.save_button.isEnabled() and tab.changed() == {"idle_minutes": 15, "warn_from_day": 6}
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.save_button.isEnabled())
    assert "Opgeslagen" in tab.result_label.text()
    with workspace.session("beheer") as s:
        assert settings.value(s, IDLE_MINUTES) == 15
        assert settings.value(s, WARN_FROM_DAY) == 6
        from desktop_app.storage import audit

        with s.reading() as conn:
            actions = [e.action for e in audit.recent(conn, 20)]
    assert "settings.idle_minutes" in actions and "settings.warn_from_day" in actions


def test_undo_puts_back_the_stored_values(tab: SettingsTab) -> None:
    tab.spins[WARN_FROM_DAY.key].setValue(3)
    assert tab.undo_button.isEnabled()
    tab.undo_button.click()
    assert tab.spins[WARN_FROM_DAY.key].value() == WARN_FROM_DAY.default
    assert not tab.save_button.isEnabled()


def _scroll_up(widget: QWidget) -> None:
    """One notch of the mouse wheel over ``widget``."""
    event = QWheelEvent(
        QPoint(5, 5).toPointF(),
        widget.mapToGlobal(QPoint(5, 5)).toPointF(),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_does_not_change_an_unfocused_box(tab: SettingsTab) -> None:
    spin = tab.spins[WARN_FROM_DAY.key]
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    before = spin.value()
    _scroll_up(spin)
    assert spin.value() == before


def test_the_wheel_still_changes_the_focused_box(tab: SettingsTab, qtbot: Any) -> None:
    spin = tab.spins[WARN_FROM_DAY.key]
    tab.window().activateWindow()
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    before = spin.value()
    _scroll_up(spin)
    assert spin.value() == before + 1


def test_a_text_setting_is_edited_and_saved_like_the_others(
    tab: SettingsTab, workspace: Any, qtbot: Any
) -> None:
    qtbot.waitUntil(lambda: SENDER_BLOCK.key in tab.texts)
    box = tab.texts[SENDER_BLOCK.key]
    assert box.toPlainText() == SENDER_BLOCK.default  # type: ignore[union-attr]
    box.setPlainText("Postbus 20010\n2500 EA  Den Haag\nNederland")  # type: ignore[union-attr]
    assert tab.save_button.isEnabled() and SENDER_BLOCK.key in tab.changed()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.save_button.isEnabled())
    assert "Opgeslagen" in tab.result_label.text()
    with workspace.session("beheer") as admin:
        assert settings.text_value(admin, SENDER_BLOCK) == (
            "Postbus 20010\n2500 EA Den Haag\nNederland"
        )
    # A refused value (no line at all) stays unsaved and says why.
    box.setPlainText("")  # type: ignore[union-attr]
    assert SENDER_BLOCK.key in tab.changed()


def test_one_function_line_per_signer_account(tab: SettingsTab, workspace: Any, qtbot: Any) -> None:
    from desktop_app.domain.classification import Classification
    from desktop_app.domain.roles import Role
    from desktop_app.services import users

    with workspace.session("beheer") as admin:
        users.add_user(
            admin,
            name="olga",
            password="olga-wachtwoord-1",
            roles=[Role.AIVD_SIGNER],
            full_name="Olga Tekenaar",
            clearance=Classification.STG_GEHEIM,
        )
    tab.refresh()
    qtbot.waitUntil(lambda: "signer_function:olga" in tab.texts)
    box = tab.texts["signer_function:olga"]
    box.setText("directeur Inlichtingen")  # type: ignore[union-attr]
    box.textEdited.emit("directeur Inlichtingen")  # type: ignore[union-attr]
    assert tab.changed() == {"signer_function:olga": "directeur Inlichtingen"}
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.save_button.isEnabled())
    with workspace.session("beheer") as admin:
        values = {v.key: v.value for v in settings.list_settings(admin)}
    assert values["signer_function:olga"] == "directeur Inlichtingen"

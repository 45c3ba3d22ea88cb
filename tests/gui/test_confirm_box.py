"""The question before an irreversible step (ask_to_confirm): Annuleren is the default, and its
buttons carry words only, like every FormDialog's (some styles add stock icons)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QProxyStyle, QStyle, QWidget

from desktop_app.gui.dialogs import ask_to_confirm


class _IconStyle(QProxyStyle):
    """A platform style that puts stock icons on dialog buttons (as the X11 one does)."""

    def styleHint(self, hint: Any, *args: Any) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return int(super().styleHint(hint, *args))


@pytest.fixture
def icon_style(qapp: QApplication) -> Iterator[None]:
    before = qapp.style().name()
    qapp.setStyle(_IconStyle(before))
    try:
        yield
    finally:
        qapp.setStyle(before)


@pytest.mark.usefixtures("icon_style")
def test_the_question_defaults_to_cancel_and_shows_no_stock_icons(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    taken: list[bool] = []
    box = ask_to_confirm(
        parent, "Afronden", "Zeker weten?", "&Afronden", "confirmBox", lambda: taken.append(True)
    )
    yes = box.button(QMessageBox.StandardButton.Yes)
    no = box.button(QMessageBox.StandardButton.No)
    assert box.defaultButton() is no and no.text() == "&Annuleren"
    assert yes.icon().isNull() and no.icon().isNull()
    no.click()
    assert taken == []


def test_the_window_style_puts_no_stock_icons_on_any_message_box(qapp: QApplication) -> None:
    """The information and error boxes too (about 50 places build a QMessageBox): under a
    desktop style that adds them, the window's style takes them off."""
    from desktop_app.gui.style import WordsOnlyStyle

    before = qapp.style().name()
    try:
        icons = []
        for style in (_IconStyle("Fusion"), WordsOnlyStyle(_IconStyle("Fusion"))):
            qapp.setStyle(style)
            box = QMessageBox(QMessageBox.Icon.Information, "Klaar", "Ondertekend.")
            icons.append(box.addButton(QMessageBox.StandardButton.Ok).icon().isNull())
            box.deleteLater()
        assert icons == [False, True]  # the desktop's tick, then words only
    finally:
        qapp.setStyle(before)

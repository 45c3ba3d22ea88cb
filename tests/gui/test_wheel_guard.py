"""The wheel guard under a real wheel: Qt gives a ``Qt.WheelFocus`` widget the focus before any
event filter sees a spontaneous wheel event, so a guard that only checks the focus let every real
notch change the box under the pointer (seen under Xvfb: scrolling the editor turned a finding's
'betrouwbaar' into 'onbekend'). No box in the window may keep the wheel focus."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.reports import ReportsPage
from desktop_app.gui.wheel_guard import install_wheel_guard
from tests.gui.gui_support import section


def test_a_polished_box_takes_no_focus_from_the_wheel(qtbot: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_wheel_guard(app)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    combo, spin = QComboBox(host), QSpinBox(host)
    layout.addWidget(combo)
    layout.addWidget(spin)
    assert combo.focusPolicy() == Qt.FocusPolicy.WheelFocus  # Qt's default, before polishing
    host.show()
    qtbot.waitExposed(host)
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_no_box_in_the_report_editor_takes_focus_from_the_wheel(
    workspace: Any, window_of: Any, qtbot: Any
) -> None:
    page = section(window_of("officier"), "reports", ReportsPage)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    editor = page.detail.editor
    editor.add_finding()
    QApplication.processEvents()
    boxes = [
        w
        for w in editor.findChildren(QWidget)
        if isinstance(w, QComboBox | QAbstractSpinBox) and w.isVisibleTo(editor)
    ]
    assert boxes
    assert [b for b in boxes if b.focusPolicy() == Qt.FocusPolicy.WheelFocus] == []

"""What every section page starts with: its margins and a title row, the title on the left and
the page's own buttons (added to the row afterwards) on the right. And what the pages build
their rows of buttons from."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

PAGE_MARGINS = (20, 16, 20, 12)


def titled_page_layout(
    page: QWidget,
    title: str,
    *,
    margins: tuple[int, int, int, int] = PAGE_MARGINS,
    spacing: int = 8,
) -> tuple[QVBoxLayout, QHBoxLayout]:
    """``page``'s vertical layout with the title row already in it, and that row: what the page
    adds to the row after this lands right of the title."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(*margins)
    layout.setSpacing(spacing)
    top = QHBoxLayout()
    label = QLabel(title, page)
    label.setObjectName("pageTitle")
    top.addWidget(label)
    top.addStretch(1)
    layout.addLayout(top)
    return layout, top


def wrapped_label(text: str, parent: QWidget, name: str = "") -> QLabel:
    """A label whose text wraps at the width it gets; ``name`` is its object name (the style's
    ``hintLabel``, ``errorLabel``, …, or where tests look for it)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def push_button(
    text: str, parent: QWidget, slot: Callable[[], object], name: str = ""
) -> QPushButton:
    """A button that calls ``slot()`` when clicked (without Qt's ``checked`` argument);
    ``name`` is its object name, where tests and the style look for it."""
    button = QPushButton(text, parent)
    if name:
        button.setObjectName(name)
    button.clicked.connect(lambda _=False: slot())
    return button


def button_row(*buttons: QWidget, spacing: int | None = None) -> QHBoxLayout:
    """``buttons`` side by side from the left, the rest of the row empty."""
    row = QHBoxLayout()
    if spacing is not None:
        row.setSpacing(spacing)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row

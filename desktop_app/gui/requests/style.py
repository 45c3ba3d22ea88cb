"""The requests views' own look, on top of resources/styles/app.qss, and the wrapping labels it
dresses by name. Every state also has words or a sign; colour only repeats it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

PAGE_STYLE = """
QLabel#requestTitle { font-size: 12pt; font-weight: bold; color: #1f3a5f; }
QLabel#fieldLabel { font-weight: bold; color: #3b4756; }
QLabel#countLabel { color: #3b4756; }
QLabel#importResult { padding: 5px 8px; border-radius: 4px; background: #eef4fb;
    border: 1px solid #c9d9ec; }
QLabel#importResult[verdict="ok"] { background: #e7f6ec; border: 1px solid #9fd5b0;
    color: #14532d; }
QLabel#importResult[verdict="bad"] { background: #fde8e8; border: 1px solid #f3b4b4;
    color: #7f1d1d; }
QLabel#subTitle { color: #3b4756; }
QLabel#sectionLabel { font-weight: bold; color: #1f3a5f; font-size: 11pt; }
QLabel#figureValue { font-weight: bold; }
QFrame#figuresFrame { background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px; }
"""


def wrapped_label(
    parent: QWidget, name: str, text: str = "", *, selectable: bool = False
) -> QLabel:
    """A word-wrapping label that the style sheets dress by its object name (``subTitle``,
    ``hintLabel``, ``requestTitle``, …); ``selectable``: its text can be selected with the
    mouse (to copy a reference or a path)."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label

"""A section that a later issue fills: it says what will come."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.gui.pages import wrapped_label
from desktop_app.gui.sections import Section


class PlaceholderPage(QWidget):
    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        title = QLabel(section.title_text, self)
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        text = wrapped_label(section.placeholder_text, self, "placeholderText", selectable=True)
        layout.addWidget(text)
        layout.addStretch(1)

    def wipe(self) -> None:
        """Nothing classified here; present for the same teardown as the data pages."""

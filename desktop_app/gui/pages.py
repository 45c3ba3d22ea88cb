"""What every section page starts with: its margins and a title row, the title on the left and
the page's own buttons (added to the row afterwards) on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

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

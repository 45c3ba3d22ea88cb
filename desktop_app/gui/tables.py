"""The read-only list tables the pages use: row selection, no editing; sized by content with one
stretching column (``make_table``) or by the caller (``read_only_view``, ``stretch_column``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

# The least a stretching column keeps (about 20 characters) before the table scrolls sideways:
# QA at 1024x700 saw a title or subject column squeezed to "B…" beside a detail pane; at 200 px
# the full-width reports list scrolled sideways for its last column instead.
READABLE_WIDTH = 150


def make_read_only(view: QTableView) -> None:
    """What every list table shares: whole-row single selection, no editing, no word wrap, no
    row numbers, left-aligned headers, and Tab leaving the table (keyboard users reach the
    buttons). A QTableWidget too."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )


def read_only_view(model: Any, parent: QWidget, name: str) -> QTableView:
    """A list table over ``model`` (``make_read_only``), with alternating rows. Column sizing
    is the caller's."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    make_read_only(view)
    view.setAlternatingRowColors(True)
    return view


def table_height(view: QTableView, rows: int) -> int:
    """The height of ``view`` that shows ``rows`` rows under its header, with room for the
    sideways scroll bar (a narrow window brings it)."""
    head = view.horizontalHeader().sizeHint().height()
    body = view.verticalHeader().defaultSectionSize() * rows
    bar = view.horizontalScrollBar().sizeHint().height()
    return head + body + bar + 2 * view.frameWidth()


class StretchColumn(QObject):
    """``column`` takes the width the other columns leave in the viewport, as
    ``QHeaderView.Stretch`` would, but never less than ``floor`` pixels: below that the table
    scrolls sideways instead of cutting the column's text to an ellipsis."""

    def __init__(self, view: QTableView, column: int, floor: int = READABLE_WIDTH) -> None:
        super().__init__(view)
        self.view, self.column, self.floor = view, column, floor
        self._fitting = False
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._on_resized)
        view.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _on_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self.column:  # another column dragged or fitted: take up the rest again
            self.fit()

    def fit(self) -> None:
        if self._fitting:
            return
        header = self.view.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self.column and not header.isSectionHidden(c)
        )
        self._fitting = True
        try:
            spare = self.view.viewport().width() - others
            header.resizeSection(self.column, max(self.floor, spare))
        finally:
            self._fitting = False


def make_table(model: Any, parent: QWidget, name: str, stretch: int, cap: int = 360) -> QTableView:
    """A read-only, row-selecting table whose ``stretch`` column takes the spare width (keeping
    its content up to ``READABLE_WIDTH`` readable); the other columns fit their content up to
    ``cap`` pixels, again after every model reset."""
    view = read_only_view(model, parent, name)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    stretching = StretchColumn(view, stretch)

    def fit() -> None:
        view.resizeColumnsToContents()
        content = header.sectionSize(stretch)  # the longest text or the header's, whichever
        stretching.floor = min(content + 14, max(READABLE_WIDTH, header.sectionSizeHint(stretch)))
        for column in range(header.count()):
            if column != stretch:
                header.resizeSection(column, min(header.sectionSize(column) + 14, cap))
        stretching.fit()

    model.modelReset.connect(fit)
    fit()
    return view

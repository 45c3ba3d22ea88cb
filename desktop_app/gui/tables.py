"""The read-only list tables the pages use: row selection, no editing; sized by content with one
stretching column (``make_table``) or by the caller (``read_only_view``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


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


def make_table(model: Any, parent: QWidget, name: str, stretch: int, cap: int = 360) -> QTableView:
    """A read-only, row-selecting table whose ``stretch`` column takes the spare width; the other
    columns fit their content up to ``cap`` pixels, again after every model reset."""
    view = read_only_view(model, parent, name)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def fit() -> None:
        view.resizeColumnsToContents()
        for column in range(header.count()):
            if column != stretch:
                header.resizeSection(column, min(header.sectionSize(column) + 14, cap))

    model.modelReset.connect(fit)
    fit()
    return view

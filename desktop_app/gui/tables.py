"""The read-only list table every page uses: row selection, no editing, one stretching column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def make_table(model: Any, parent: QWidget, name: str, stretch: int,
               cap: int = 360) -> QTableView:
    """A read-only, row-selecting table whose ``stretch`` column takes the spare width; the other
    columns fit their content up to ``cap`` pixels, again after every model reset."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users reach the buttons
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def fit() -> None:
        view.resizeColumnsToContents()
        for column in range(header.count()):
            if column != stretch:
                header.resizeSection(column, min(header.sectionSize(column) + 14, cap))

    model.modelReset.connect(fit)
    fit()
    return view

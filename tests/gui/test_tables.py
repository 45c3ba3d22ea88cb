"""gui/tables.py: the stretching column of a list keeps a readable width (QA at 1024x700: a
title or subject cut to "B…" beside a detail pane); the table scrolls sideways instead."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

from desktop_app.gui.tables import make_table


def _model() -> QStandardItemModel:
    model = QStandardItemModel(0, 4)
    model.setHorizontalHeaderLabels(["Kenmerk", "Betrokkene", "Rubricering", "Status"])
    for n in range(5):
        model.appendRow(
            [
                QStandardItem(f"NV-2026-00000{n}"),
                QStandardItem(f"Betrokkene M. Benali (fictief), aanvraag nummer {n}"),
                QStandardItem("STG. CONFIDENTIEEL"),
                QStandardItem("goedgekeurd door één hoofd"),
            ]
        )
    return model


def test_the_stretching_column_keeps_its_width_and_the_table_scrolls(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    model = _model()
    view = make_table(model, parent, "table", stretch=1)
    parent.show()
    qtbot.waitExposed(parent)
    header = view.horizontalHeader()
    rest = sum(header.sectionSize(c) for c in (0, 2, 3))
    # Narrowed to a few pixels more than the other columns, as beside a detail pane at
    # 1024x700 (a plain Stretch column is left with those few: "B…"), then narrower still.
    view.resize(rest + 2 * view.frameWidth() + 30, 200)
    qtbot.wait(10)
    view.resize(300, 200)
    qtbot.wait(10)
    assert header.sectionSize(1) >= 150  # about 20 characters, stated here, not read back
    assert view.horizontalScrollBar().maximum() > 0
    view.resize(1600, 200)  # wide: the column takes the spare width, nothing to scroll
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0)
    others = sum(header.sectionSize(c) for c in (0, 2, 3))
    assert header.sectionSize(1) == view.viewport().width() - others
    header.resizeSection(0, header.sectionSize(0) + 50)  # another column dragged wider
    assert header.sectionSize(1) == view.viewport().width() - others - 50

"""The table model of the report work lists. ``clear()`` (the lock) drops every row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.labels import clearance_label
from desktop_app.gui.models import IdentifiedTableModel, Index
from desktop_app.gui.reports.labels import short_time, status_label
from desktop_app.services.reports import ReportSummary


class ReportTableModel(IdentifiedTableModel[ReportSummary]):
    CONTEXT = "ReportTableModel"
    COL_REFERENCE, COL_TITLE, COL_CLASSIFICATION, COL_STATUS, COL_VERSION, COL_UPDATED = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("ReportTableModel", "Kenmerk"),
        QT_TRANSLATE_NOOP("ReportTableModel", "Titel"),
        QT_TRANSLATE_NOOP("ReportTableModel", "Rubricering"),
        QT_TRANSLATE_NOOP("ReportTableModel", "Status"),
        QT_TRANSLATE_NOOP("ReportTableModel", "Versie"),
        QT_TRANSLATE_NOOP("ReportTableModel", "Bijgewerkt"),
    )

    def display(self, record: ReportSummary, column: int) -> str:
        if column == self.COL_REFERENCE:
            return record.reference
        if column == self.COL_TITLE:
            return record.title
        if column == self.COL_CLASSIFICATION:
            return clearance_label(record.classification)
        if column == self.COL_STATUS:
            return status_label(record.status)
        if column == self.COL_VERSION:
            return str(record.version) if record.version else "–"
        if column == self.COL_UPDATED:
            return short_time(record.updated_at)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_VERSION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

"""Inzage (the IND inspector's section, art. 2.5): the issued reports with whether inspection
is possible now and, if not, the service's reason; "Inzage starten" opens the inspection window;
"Mijn inzagen" lists the inspector's own sessions, whose record ("verslag van inzage") can be
saved as a PDF.

The page shows only what ``services.inspections`` returns: a title the inspector's clearance
does not cover comes back empty and stays empty here. Whether a report may be inspected is the
service's decision; the button merely follows it, and a refusal on starting (the facts changed
since the list was loaded) shows as the service's sentence.

The record table model and the PDF helpers are shared with the report detail's "Onderliggende
gegevens" tab (inspection history of a report, for AIVD officers and signers).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.inspection import EndReason
from desktop_app.gui import tables
from desktop_app.gui.dates import shown_stamp, shown_time
from desktop_app.gui.errors import show_error
from desktop_app.gui.filedialogs import save_file_dialog
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.inspection.window import InspectionWindow, open_inspection_window
from desktop_app.gui.models import IdentifiedTableModel, Index, RecordTableModel
from desktop_app.gui.pages import button_row, push_button, titled_page_layout, wrapped_label
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import inspections
from desktop_app.services.files import atomic_write
from desktop_app.services.inspections import InspectableReport, InspectionRecordView
from desktop_app.services.session import Session

log = logging.getLogger(__name__)

COLUMN_CAP = 360

PAGE_STYLE = """
QLabel#sectionLabel { font-weight: bold; color: #1f3a5f; }
QLabel#reasonLabel {
    background: #fff4dc; border: 1px solid #e0a93b; border-radius: 4px; padding: 5px 8px;
    color: #4a2f00;
}
QLabel#reasonLabel[allowed="true"] {
    background: #eef7ee; border: 1px solid #9ccc9c; color: #14532d;
}
QLabel#recordDetails {
    background: #f1f4f7; border: 1px solid #d5dbe3; border-radius: 4px; padding: 5px 8px;
}
QLabel#statusLine { color: #14532d; }
"""


# --- formatting ---------------------------------------------------------------------------------


def local_time(when: dt.datetime | None) -> str:
    """An aware datetime as shown time, "02-12-2026 14:05" in Amsterdam (empty for None)."""
    return shown_time(when)


def stamp_text(stamp: str | None) -> str:
    """A stored ISO timestamp as shown time (the text itself if unreadable)."""
    return shown_stamp(stamp)


def duration_text(seconds: int) -> str:
    """A viewing time for people: "45 s", "3 min 05 s", "1 u 02 min"."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return (
            QCoreApplication.translate("inspection", "%1 u %2 min")
            .replace("%1", str(hours))
            .replace("%2", f"{minutes:02d}")
        )
    if minutes:
        return (
            QCoreApplication.translate("inspection", "%1 min %2 s")
            .replace("%1", str(minutes))
            .replace("%2", f"{secs:02d}")
        )
    return QCoreApplication.translate("inspection", "%1 s").replace("%1", str(secs))


def end_text(record: InspectionRecordView) -> str:
    if record.end_reason is EndReason.IDLE:
        return QCoreApplication.translate("inspection", "beëindigd wegens inactiviteit")
    if record.end_reason is EndReason.ENDED:
        return QCoreApplication.translate("inspection", "beëindigd door de inzagemedewerker")
    return QCoreApplication.translate("inspection", "loopt nog")


def viewed_summary(record: InspectionRecordView) -> str:
    """ "2 van 5: Notitie, Foto" (the items opened, of the items listed)."""
    count = (
        QCoreApplication.translate("inspection", "%1 van %2")
        .replace("%1", str(len(record.viewed)))
        .replace("%2", str(record.listed_items))
    )
    if not record.viewed:
        return count
    return f"{count}: " + ", ".join(v.title for v in record.viewed)


def record_details(record: InspectionRecordView) -> str:
    """Several lines about one session: who, when, each item viewed and for how long."""
    lines = [
        QCoreApplication.translate(
            "inspection", "Inzage in %1 door %2 (aanwijzing %3), werkplek %4."
        )
        .replace("%1", record.report_reference)
        .replace("%2", f"{record.inspector_full_name} ({record.inspector_name})")
        .replace("%3", record.designation_ref)
        .replace("%4", record.workstation_id),
        QCoreApplication.translate("inspection", "Begonnen %1 · geëindigd %2 · %3.")
        .replace("%1", local_time(record.started_at))
        .replace("%2", local_time(record.ended_at) or "–")
        .replace("%3", end_text(record)),
    ]
    if not record.viewed:
        lines.append(QCoreApplication.translate("inspection", "Er is geen item geopend."))
    for v in record.viewed:
        lines.append(
            QCoreApplication.translate("inspection", "• %1 — %2 bekeken (%3× geopend, eerst om %4)")
            .replace("%1", v.title)
            .replace("%2", duration_text(v.seconds))
            .replace("%3", str(v.times_opened))
            .replace("%4", local_time(v.first_opened_at))
        )
    # The inspector's own notes, kept with the session: the officer reads them in the report's
    # history too (issue 12).
    if record.notes.strip():
        lines.append(QCoreApplication.translate("inspection", "Aantekeningen van de inzage:"))
        lines.extend(f"  {line}" for line in record.notes.strip().splitlines())
    elif record.closed:
        lines.append(QCoreApplication.translate("inspection", "Geen aantekeningen."))
    return "\n".join(lines)


# --- table models -------------------------------------------------------------------------------


class InspectableReportTableModel(IdentifiedTableModel[InspectableReport]):
    CONTEXT = "InspectableReportTableModel"
    COL_REFERENCE, COL_TITLE, COL_ISSUED, COL_ITEMS, COL_ALLOWED, COL_REASON = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("InspectableReportTableModel", "Kenmerk"),
        QT_TRANSLATE_NOOP("InspectableReportTableModel", "Titel"),
        QT_TRANSLATE_NOOP("InspectableReportTableModel", "Uitgebracht"),
        QT_TRANSLATE_NOOP("InspectableReportTableModel", "Items"),
        QT_TRANSLATE_NOOP("InspectableReportTableModel", "Inzage"),
        QT_TRANSLATE_NOOP("InspectableReportTableModel", "Toelichting"),
    )

    def display(self, record: InspectableReport, column: int) -> str:
        if column == self.COL_REFERENCE:
            return record.reference
        if column == self.COL_TITLE:
            # Empty when the clearance does not cover the report: say so, show nothing more.
            return record.title or QCoreApplication.translate(
                "InspectableReportTableModel", "(titel boven uw rubricering)"
            )
        if column == self.COL_ISSUED:
            return stamp_text(record.issued_at)
        if column == self.COL_ITEMS:
            return str(record.items)
        if column == self.COL_ALLOWED:
            if record.allowed:
                return QCoreApplication.translate("InspectableReportTableModel", "✔ mogelijk")
            return QCoreApplication.translate("InspectableReportTableModel", "✖ niet mogelijk")
        if column == self.COL_REASON:
            return record.reason
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_ITEMS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        record = self.record_at(index)
        if role == Qt.ItemDataRole.ForegroundRole and record is not None:
            # Colour only repeats what the sign and the words already say.
            if index.column() == self.COL_ALLOWED:
                return QColor("#14532d" if record.allowed else "#7f1d1d")
            if index.column() == self.COL_TITLE and not record.title:
                return QColor("#5b6675")
        return super().data(index, role)


class InspectionRecordTableModel(IdentifiedTableModel[InspectionRecordView]):
    """Inspection sessions: the inspector's own ("Mijn inzagen") or a report's history."""

    CONTEXT = "InspectionRecordTableModel"
    (COL_REFERENCE, COL_INSPECTOR, COL_STARTED, COL_ENDED, COL_VIEWED, COL_DURATION, COL_END) = (
        range(7)
    )
    HEADERS = (
        QT_TRANSLATE_NOOP("InspectionRecordTableModel", "Kenmerk"),
        QT_TRANSLATE_NOOP("InspectionRecordTableModel", "Inzagemedewerker"),
        QT_TRANSLATE_NOOP("InspectionRecordTableModel", "Begonnen"),
        QT_TRANSLATE_NOOP("InspectionRecordTableModel", "Geëindigd"),
        QT_TRANSLATE_NOOP("InspectionRecordTableModel", "Bekeken items"),
        QT_TRANSLATE_NOOP("InspectionRecordTableModel", "Duur"),
        QT_TRANSLATE_NOOP("InspectionRecordTableModel", "Einde"),
    )

    def display(self, record: InspectionRecordView, column: int) -> str:
        if column == self.COL_REFERENCE:
            return record.report_reference
        if column == self.COL_INSPECTOR:
            return f"{record.inspector_full_name} ({record.inspector_name})"
        if column == self.COL_STARTED:
            return local_time(record.started_at)
        if column == self.COL_ENDED:
            return local_time(record.ended_at) or "–"
        if column == self.COL_VIEWED:
            return viewed_summary(record)
        if column == self.COL_DURATION:
            return duration_text(record.total_seconds)
        if column == self.COL_END:
            return end_text(record)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record_at(index)
        if role == Qt.ItemDataRole.ToolTipRole and record is not None:
            return record_details(record)
        return super().data(index, role)


def make_table(
    model: RecordTableModel[Any], parent: QWidget, name: str, stretch: int
) -> QTableView:
    return tables.make_table(model, parent, name, stretch, COLUMN_CAP)


# --- the record as a PDF ------------------------------------------------------------------------


def default_record_name(record: InspectionRecordView) -> str:
    return f"verslag-van-inzage-{record.report_reference}-{int(record.id)}.pdf"


def _as_pdf(name: str) -> Path:
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def write_record_pdf(session: Session, inspection_id: int, path: Path) -> Path:
    """Render the record (the service audits it) and write it atomically, 0600. Runs on the
    background worker."""
    pdf = inspections.record_pdf(session, inspection_id)
    atomic_write(path, pdf)
    return path


def save_record_pdf(
    parent: QWidget,
    session: Session,
    runner: TaskRunner,
    inspection_id: int,
    path: Path,
    status_line: QLabel,
) -> None:
    """``write_record_pdf`` on the runner; ``status_line`` says where it went, a refusal or a
    file that cannot be written shows as a sentence."""

    def saved(written: Path) -> None:
        status_line.setText(
            QCoreApplication.translate(
                "inspection", "Het verslag van inzage is opgeslagen als %1."
            ).replace("%1", str(written))
        )

    def failed(exc: BaseException) -> None:
        if isinstance(exc, OSError):
            exc = InvalidInput(
                QCoreApplication.translate(
                    "inspection",
                    "Het PDF-bestand '%1' kan niet worden geschreven. Kies een andere map of naam.",
                ).replace("%1", path.name),
                field="pdf",
            )
        show_error(parent, exc)

    runner.run(lambda: write_record_pdf(session, inspection_id, path), saved, failed, owner=parent)


def ask_and_save_record(
    parent: QWidget,
    session: Session,
    runner: TaskRunner,
    record: InspectionRecordView | None,
    status_line: QLabel,
) -> QFileDialog | None:
    """The "PDF opslaan" button: ask where (the window-modal file dialog, returned), then
    ``save_record_pdf``; nothing without a selected record or when the person cancels."""
    if record is None:
        return None
    inspection_id = int(record.id)
    return save_file_dialog(
        parent,
        QCoreApplication.translate("inspection", "Verslag van inzage opslaan"),
        QCoreApplication.translate("inspection", "PDF-documenten (*.pdf)"),
        "pdf",
        default_record_name(record),
        lambda name: save_record_pdf(
            parent, session, runner, inspection_id, _as_pdf(name), status_line
        ),
    )


# --- the page -----------------------------------------------------------------------------------


class InspectionRecordsPanel(QWidget):
    """Inspection sessions in a list, the chosen one's details under it and "Verslag als PDF
    opslaan…": the inspector's own sessions (Inzage) and a report's (Onderliggende gegevens).
    ``status_line``: where saving reports back (a line of its own when None)."""

    def __init__(
        self,
        session: Session,
        runner: TaskRunner,
        title: str,
        table_name: str,
        hidden_column: int,
        parent: QWidget,
        status_line: QLabel | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        self.label = QLabel(title, self)
        self.label.setObjectName("sectionLabel")
        layout.addWidget(self.label)
        self.model = InspectionRecordTableModel(self)
        self.table = make_table(self.model, self, table_name, InspectionRecordTableModel.COL_VIEWED)
        self.table.setColumnHidden(hidden_column, True)
        self.table.setAccessibleName(title)
        self.label.setBuddy(self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_selected())
        layout.addWidget(self.table, 1)
        # The details scroll: with notes of a few lines a bare label lost its first and last
        # lines between the table and the button at 1024x700.
        self.details_area = QScrollArea(self)
        self.details_area.setObjectName("recordDetailsArea")
        self.details_area.setWidgetResizable(True)
        self.details_area.setFrameShape(QFrame.Shape.NoFrame)
        self.details_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details = wrapped_label("", self.details_area, "recordDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details_area.setWidget(self.details)
        self.details_area.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.details_area.hide()
        layout.addWidget(self.details_area)
        row = QHBoxLayout()
        self.save_pdf_button = push_button(
            self.tr("Verslag als &PDF opslaan…"), self, self.ask_and_save, "saveRecordPdfButton"
        )
        self.save_pdf_button.setEnabled(False)
        row.addWidget(self.save_pdf_button)
        if status_line is None:
            # A long save path wraps instead of widening the page past a 1024 screen.
            status_line = wrapped_label("", self, "statusLine")
            status_line.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(status_line, 1)
        else:
            row.addStretch(1)
        self.status_line = status_line
        layout.addLayout(row)

    def selected_record(self) -> InspectionRecordView | None:
        return self.model.selected_in(self.table)

    def set_records(self, records: Sequence[InspectionRecordView]) -> None:
        """Newest first (the session that just ended on top), the chosen one kept chosen."""
        chosen = self.selected_record()
        self.model.set_rows(tuple(reversed(records)))
        row = None if chosen is None else self.model.row_of(int(chosen.id))
        if row is not None:
            self.table.selectRow(row)
        else:
            self.show_selected()

    def show_selected(self) -> None:
        record = self.selected_record()
        self.save_pdf_button.setEnabled(record is not None)
        if record is None:
            self.details.clear()
            self.details_area.hide()
            return
        self.details.setText(record_details(record))
        self.details_area.show()

    def ask_and_save(self) -> QFileDialog | None:
        return ask_and_save_record(
            self, self.session, self.runner, self.selected_record(), self.status_line
        )

    def save_record_pdf(self, inspection_id: int, path: Path) -> None:
        """Write the record of ``inspection_id`` to ``path`` (the file dialog's choice)."""
        save_record_pdf(self, self.session, self.runner, inspection_id, path, self.status_line)


class InspectionPage(QWidget):
    """The Inzage section of the main window (role ``ind_inspector``)."""

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectionPage")
        self.setStyleSheet(PAGE_STYLE)
        self.session = session
        self.runner = runner
        self.inspection_window: InspectionWindow | None = None
        self._starting = False  # the service is starting one on the worker
        self._wiped = False

        layout, top = titled_page_layout(self, self.tr("Inzage"))
        self.refresh_button = push_button(
            self.tr("Vernieuwen"), self, self.refresh, "refreshButton"
        )
        top.addWidget(self.refresh_button)
        intro = wrapped_label(
            self.tr(
                "Inzage in de onderliggende gegevens van uitgebrachte ambtsberichten (art. 2.5 van "
                "het convenant). Kies een ambtsbericht en start de inzage. Tijdens de inzage kan "
                "niets worden gekopieerd, afgedrukt of opgeslagen; elk geopend item wordt "
                "vastgelegd."
            ),
            self,
            "hintLabel",
        )
        layout.addWidget(intro)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        # Issued reports.
        upper = QWidget(self.splitter)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.setSpacing(6)
        self.reports_label = QLabel(self.tr("Uitgebrachte ambtsberichten"), upper)
        self.reports_label.setObjectName("sectionLabel")
        upper_layout.addWidget(self.reports_label)
        self.reports_model = InspectableReportTableModel(self)
        self.reports_table = make_table(
            self.reports_model,
            upper,
            "inspectableReportsTable",
            InspectableReportTableModel.COL_REASON,
        )
        self.reports_table.setAccessibleName(self.tr("Uitgebrachte ambtsberichten"))
        self.reports_label.setBuddy(self.reports_table)
        self.reports_table.selectionModel().selectionChanged.connect(
            self._on_reports_selection_changed
        )
        self.reports_table.activated.connect(lambda _index: self.start_inspection())
        upper_layout.addWidget(self.reports_table, 1)
        self.reason_label = wrapped_label("", upper, "reasonLabel")
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_label.hide()
        upper_layout.addWidget(self.reason_label)
        self.start_button = push_button(
            self.tr("Inzage &starten"), upper, self.start_inspection, "startInspectionButton"
        )
        self.start_button.setEnabled(False)
        upper_layout.addLayout(button_row(self.start_button))

        # The inspector's own sessions.
        lower = InspectionRecordsPanel(
            session,
            runner,
            self.tr("Mijn inzagen"),
            "myInspectionsTable",
            InspectionRecordTableModel.COL_INSPECTOR,
            self.splitter,
        )
        self.records_panel = lower
        self.mine_label = lower.label
        self.records_model = lower.model
        self.records_table = lower.table
        self.record_details = lower.details
        self.save_pdf_button = lower.save_pdf_button
        self.status_line = lower.status_line

        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([380, 260])
        self.refresh()

    # --- loading ----------------------------------------------------------------------------

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Reload both lists (the reports first, then the sessions)."""
        if self._wiped:
            return
        session = self.session

        def done(
            result: tuple[tuple[InspectableReport, ...], tuple[InspectionRecordView, ...]],
        ) -> None:
            self._show(*result)
            if then is not None:
                then()

        self.runner.run(
            lambda: (inspections.inspectable_reports(session), inspections.my_inspections(session)),
            done,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def _show(
        self, reports: tuple[InspectableReport, ...], records: tuple[InspectionRecordView, ...]
    ) -> None:
        if self._wiped:
            return
        current = self.selected_report()
        self.reports_model.set_rows(reports)
        self.reports_label.setText(
            self.tr("Uitgebrachte ambtsberichten (%1)").replace("%1", str(len(reports)))
        )
        if not reports:
            self.reason_label.setProperty("allowed", "false")
            self.reason_label.setText(self.tr("Er zijn nog geen uitgebrachte ambtsberichten."))
            self.reason_label.show()
        row = None if current is None else self.reports_model.row_of(int(current.id))
        if row is not None:
            self.reports_table.selectRow(row)
        elif reports:
            self.reports_table.selectRow(0)
        else:
            self._on_reports_selection_changed()

        self.records_panel.set_records(records)
        self.mine_label.setText(self.tr("Mijn inzagen (%1)").replace("%1", str(len(records))))

    # --- selection --------------------------------------------------------------------------

    def selected_report(self) -> InspectableReport | None:
        return self.reports_model.selected_in(self.reports_table)

    def selected_record(self) -> InspectionRecordView | None:
        return self.records_panel.selected_record()

    def select_report(self, report_id: int) -> None:
        row = self.reports_model.row_of(report_id)
        if row is None:
            raise KeyError(report_id)
        self.reports_table.selectRow(row)

    def select_record(self, inspection_id: int) -> None:
        row = self.records_model.row_of(inspection_id)
        if row is None:
            raise KeyError(inspection_id)
        self.records_table.selectRow(row)

    def _on_reports_selection_changed(self, *_args: QItemSelection) -> None:
        report = self.selected_report()
        self.start_button.setEnabled(report is not None and report.allowed)
        if report is None:
            if self.reports_model.rowCount():
                self.reason_label.hide()
            return
        if report.allowed:
            # Dutch has no catalogue of its own, so the singular is a source of its own.
            if report.items == 1:
                text = self.tr(
                    "U kunt de onderliggende gegevens van %1 inzien (1 item binnen uw rubricering)."
                )
            else:
                text = self.tr(
                    "U kunt de onderliggende gegevens van %1 inzien (%n items binnen uw "
                    "rubricering).",
                    "",
                    report.items,
                )
            text = text.replace("%1", report.reference)
        else:
            text = (
                self.tr("Inzage in %1 is niet mogelijk: %2")
                .replace("%1", report.reference)
                .replace("%2", report.reason)
            )
        self.reason_label.setProperty("allowed", "true" if report.allowed else "false")
        self.reason_label.setText(text)
        self.reason_label.setAccessibleDescription(text)
        # The property selector needs a re-polish to take effect.
        self.reason_label.style().unpolish(self.reason_label)
        self.reason_label.style().polish(self.reason_label)
        self.reason_label.show()

    # --- starting an inspection -------------------------------------------------------------

    def start_inspection(self, report_id: int | None = None) -> InspectionWindow | None:
        """'Inzage starten' for ``report_id`` (default: the selected report). The service
        starts it on the worker; returns the inspection window when it is already open (at
        once with a synchronous runner), else None (a refusal shows its sentence)."""
        running = self.inspection_window
        if running is not None and not running.is_ended:
            # One inspection at a time: bring the open one back.
            running.raise_()
            running.activateWindow()
            return running
        if self._starting:
            return None
        if report_id is None:
            report = self.selected_report()
            if report is None:
                return None
            report_id = int(report.id)

        def opened(window: InspectionWindow) -> None:
            self._starting = False
            self.inspection_window = window
            window.ended.connect(self._on_inspection_window_ended)
            self.status_line.clear()

        def refused(exc: BaseException) -> None:
            self._starting = False
            show_error(self, exc)  # the service's sentence (or the generic one), never a trace
            self.refresh()  # the facts changed since the list was loaded

        self._starting = True
        open_inspection_window(
            self.window(),
            self.session,
            report_id,
            runner=self.runner,
            on_opened=opened,
            on_error=refused,
            owner=self,
        )
        window = self.inspection_window
        return window if window is not None and not window.is_ended else None

    def _on_inspection_window_ended(self, record: object) -> None:
        self.inspection_window = None
        if self._wiped:
            return
        if isinstance(record, InspectionRecordView):
            self.status_line.setText(
                self.tr("De inzage in %1 is beëindigd en vastgelegd.").replace(
                    "%1", record.report_reference
                )
            )
            self.refresh(then=lambda: self._select_if_present(int(record.id)))
        else:
            self.refresh()

    def _select_if_present(self, inspection_id: int) -> None:
        if self.records_model.row_of(inspection_id) is not None:
            self.select_record(inspection_id)

    # --- the record as a PDF ----------------------------------------------------------------

    def save_record_pdf(self, inspection_id: int, path: Path) -> None:
        """Write the record of ``inspection_id`` to ``path`` (the file dialog's choice)."""
        self.records_panel.save_record_pdf(inspection_id, path)

    # --- lock -------------------------------------------------------------------------------

    def wipe(self) -> None:
        """The lock: end a running inspection (its end is recorded while the session is still
        open) and drop every row and text."""
        self._wiped = True
        window, self.inspection_window = self.inspection_window, None
        if window is not None and not window.is_ended:
            window.end_inspection()
        self.reports_model.clear()
        self.records_model.clear()
        for label in (self.reason_label, self.record_details, self.status_line):
            label.clear()
        self.reports_label.setText(self.tr("Uitgebrachte ambtsberichten"))
        self.mine_label.setText(self.tr("Mijn inzagen"))

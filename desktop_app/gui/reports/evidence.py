"""The report detail's "Onderliggende gegevens" tab (AIVD officers and signers): the items
attached to the report (metadata only, never content), "Gegevens toevoegen…" for officers, and
the report's inspection history with each session's record as a PDF.

Everything comes from ``services.evidence`` and ``services.inspections`` on the TaskRunner;
the services decide who may do what (clearance, role, issued reports only with a correction)
and their refusals show as sentences. Listing is audited, so the tab loads only when it is on
screen, not for every report the person clicks through.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.classification import Classification
from desktop_app.domain.evidence import (
    MAX_ITEM_LABEL,
    TITLE_MAX_LENGTH,
    EvidenceKind,
)
from desktop_app.domain.reports import ReportStatus
from desktop_app.gui.dates import pydate, qdate
from desktop_app.gui.dialogs import FormDialog, run_on_submit
from desktop_app.gui.drafts import DialogKey, Opened, reopen_on_report
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.inspection.page import (
    InspectionRecordsPanel,
    InspectionRecordTableModel,
    make_table,
)
from desktop_app.gui.labels import clearance_label
from desktop_app.gui.marking import DurationEntry, DurationField
from desktop_app.gui.models import Index, RecordTableModel
from desktop_app.gui.pages import push_button, wrapped_label
from desktop_app.gui.reports.labels import short_time
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import evidence, inspections, marking
from desktop_app.services.evidence import EvidenceItem
from desktop_app.services.inspections import InspectionRecordView
from desktop_app.services.permissions import Step, evidence_add, user_actions
from desktop_app.services.reports import CorrectionView, ReportView
from desktop_app.services.session import Session

log = logging.getLogger(__name__)

TAB_STYLE = """
QLabel#recordDetails {
    background: #f1f4f7; border: 1px solid #d5dbe3; border-radius: 4px; padding: 5px 8px;
}
QLabel#statusLine { color: #14532d; }
"""

_KIND = {
    EvidenceKind.TEXT: QT_TRANSLATE_NOOP("evidence", "tekstnotitie"),
    EvidenceKind.PDF: QT_TRANSLATE_NOOP("evidence", "PDF-document"),
    EvidenceKind.IMAGE: QT_TRANSLATE_NOOP("evidence", "afbeelding"),
    EvidenceKind.OTHER: QT_TRANSLATE_NOOP("evidence", "bestand (kan niet worden weergegeven)"),
}


def kind_label(kind: EvidenceKind) -> str:
    return QCoreApplication.translate("evidence", _KIND[kind])


def size_text(size: int) -> str:
    """A size as file managers show it (1 kB = 1024 bytes), with a decimal comma."""
    if size < 1024:
        return QCoreApplication.translate("evidence", "%1 bytes").replace("%1", str(size))
    value, unit = size / 1024, "kB"
    if value >= 1024:
        value, unit = value / 1024, "MB"
    number = f"{value:.0f}" if value >= 100 else f"{value:.1f}".replace(".", ",")
    return f"{number} {unit}"


def _date_text(day: dt.date | None) -> str:
    return "–" if day is None else day.strftime("%d-%m-%Y")


class EvidenceTableModel(RecordTableModel[EvidenceItem]):
    CONTEXT = "EvidenceTableModel"
    (
        COL_TITLE,
        COL_KIND,
        COL_CLASSIFICATION,
        COL_SIZE,
        COL_SOURCE,
        COL_DATA_DATE,
        COL_ADDED,
        COL_DURATION,
    ) = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("EvidenceTableModel", "Titel"),
        QT_TRANSLATE_NOOP("EvidenceTableModel", "Soort"),
        QT_TRANSLATE_NOOP("EvidenceTableModel", "Rubricering"),
        QT_TRANSLATE_NOOP("EvidenceTableModel", "Grootte"),
        QT_TRANSLATE_NOOP("EvidenceTableModel", "Bron"),
        QT_TRANSLATE_NOOP("EvidenceTableModel", "Datum gegevens"),
        QT_TRANSLATE_NOOP("EvidenceTableModel", "Toegevoegd"),
        QT_TRANSLATE_NOOP("EvidenceTableModel", "Rubricering geldt"),
    )

    def display(self, record: EvidenceItem, column: int) -> str:
        if column == self.COL_TITLE:
            return record.title
        if column == self.COL_KIND:
            return kind_label(record.kind)
        if column == self.COL_CLASSIFICATION:
            return clearance_label(record.classification)
        if column == self.COL_SIZE:
            return size_text(record.size_bytes)
        if column == self.COL_SOURCE:
            # One line in the table; the whole note is in the tooltip.
            return " ".join(record.source_note.split())
        if column == self.COL_DATA_DATE:
            return _date_text(record.data_date)
        if column == self.COL_DURATION:
            return record.duration_label
        if column == self.COL_ADDED:
            text = (
                QCoreApplication.translate("EvidenceTableModel", "%1, %2")
                .replace("%1", record.added_by)
                .replace("%2", short_time(record.added_at))
            )
            if record.correction_id is not None:
                text += QCoreApplication.translate(
                    "EvidenceTableModel", " (bij correctie %1)"
                ).replace("%1", str(record.correction_id))
            return text
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.record_at(index)
        if (
            item is not None
            and role == Qt.ItemDataRole.ToolTipRole
            and index.column() == self.COL_SOURCE
        ):
            return item.source_note
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


# --- the dialog ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewEvidence:
    path: Path
    title: str
    classification: Classification
    source_note: str
    data_date: dt.date | None
    correction_id: int | None
    duration: DurationEntry | None = None  # None: not recorded


class AddEvidenceDialog(FormDialog):
    """ "Gegevens toevoegen": a file, its title, classification, source note and the date of
    the data; for an issued report also the correction the item belongs to. The service checks
    the rest (size, title, note, date, clearance) and its sentence shows in the dialog."""

    draft_name = "report-evidence"  # draft_object: the report's id

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        reopen_on_report(window, key, opened, "add_button", "open_add_dialog", "evidence")

    def __init__(
        self,
        reference: str,
        report_level: Classification,
        clearance: Classification,
        today: dt.date,
        corrections: Sequence[CorrectionView] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Onderliggende gegevens toevoegen"), self.tr("&Toevoegen"), parent)
        self.add_text(
            self.tr(
                "Het bestand wordt versleuteld bij ambtsbericht %1 opgeslagen (ten hoogste %2). "
                "Tekst, PDF en afbeeldingen zijn bij inzage te bekijken; andere bestanden worden "
                "alleen vermeld. Een item kan later niet worden gewijzigd of verwijderd."
            )
            .replace("%1", reference)
            .replace("%2", MAX_ITEM_LABEL)
        )

        file_row = QWidget(self)
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        self.file_edit = QLineEdit(file_row)
        self.file_edit.setObjectName("evidenceFileEdit")
        self.file_edit.setPlaceholderText(self.tr("Kies een bestand"))
        self.browse_button = push_button(
            self.tr("B&laderen…"), file_row, self._on_browse_clicked, "browseButton"
        )
        file_layout.addWidget(self.file_edit, 1)
        file_layout.addWidget(self.browse_button)
        self.add_row(self.tr("&Bestand"), file_row).setBuddy(self.file_edit)
        self.file_edit.setAccessibleName(self.tr("Bestand"))

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("evidenceTitleEdit")
        self.title_edit.setMaxLength(TITLE_MAX_LENGTH)
        self.add_row(self.tr("T&itel"), self.title_edit)

        self.classification_combo = QComboBox(self)
        self.classification_combo.setObjectName("evidenceClassificationCombo")
        for level in Classification:
            if level <= clearance:
                self.classification_combo.addItem(clearance_label(level), int(level))
        index = self.classification_combo.findData(int(report_level))
        self.classification_combo.setCurrentIndex(max(index, 0))
        self.add_row(self.tr("&Rubricering"), self.classification_combo)
        # How long the item's classification holds: the officer decides (nothing is taken over).
        self.duration_field = DurationField(today, self)
        self.duration_field.set_duration(None, report_level, editable=True)
        self.add_row(self.tr("Rubricering geldt (d&uur)"), self.duration_field).setBuddy(
            self.duration_field.kind_combo
        )
        self.duration_field.follow(self.classification_combo)

        self.source_edit = QPlainTextEdit(self)
        self.source_edit.setObjectName("evidenceSourceEdit")
        self.source_edit.setTabChangesFocus(True)
        self.source_edit.setMaximumHeight(90)
        self.source_edit.setPlaceholderText(
            self.tr("Waar komen de gegevens vandaan, en hoe betrouwbaar zijn ze?")
        )
        self.add_row(self.tr("Bron&vermelding"), self.source_edit)

        self.has_date = QCheckBox(self.tr("&Datum van de gegevens bekend"), self)
        self.has_date.setObjectName("hasDataDate")
        self.form.addRow("", self.has_date)
        self.date_edit = QDateEdit(qdate(today), self)
        self.date_edit.setObjectName("evidenceDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setMaximumDate(qdate(today))
        self.date_edit.setEnabled(False)
        self.has_date.toggled.connect(self.date_edit.setEnabled)
        self.add_row(self.tr("Datum &gegevens"), self.date_edit)

        self.correction_combo: QComboBox | None = None
        if corrections:
            self.correction_combo = QComboBox(self)
            self.correction_combo.setObjectName("evidenceCorrectionCombo")
            for c in corrections:
                text = " ".join(c.text.split())
                if len(text) > 70:
                    text = text[:69] + "…"
                self.correction_combo.addItem(
                    self.tr("Correctie %1 (%2): %3")
                    .replace("%1", str(c.id))
                    .replace("%2", short_time(c.created_at))
                    .replace("%3", text),
                    c.id,
                )
            self.correction_combo.setCurrentIndex(self.correction_combo.count() - 1)
            self.add_row(self.tr("Bij &correctie"), self.correction_combo)
        self.setMinimumWidth(520)
        self.file_edit.setFocus()

    def _on_browse_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Bestand kiezen"),
            "",
            self.tr(
                "Tekst, PDF en afbeeldingen (*.txt *.pdf *.png *.jpg *.jpeg *.gif *.bmp "
                "*.tif *.tiff *.webp);;Alle bestanden (*)"
            ),
        )
        if name:
            self.set_file(Path(name))

    def set_file(self, path: Path) -> None:
        """The chosen file; its name becomes the title unless one was typed."""
        self.file_edit.setText(str(path))
        if not self.title_edit.text().strip():
            self.title_edit.setText(path.stem[:TITLE_MAX_LENGTH])

    def value(self) -> NewEvidence:
        raw = self.file_edit.text().strip()
        if not raw:
            raise ValueError(self.tr("Kies het bestand dat u wilt toevoegen."))
        correction = None
        if self.correction_combo is not None:
            correction = int(self.correction_combo.currentData())
        return NewEvidence(
            path=Path(raw).expanduser(),
            title=self.title_edit.text().strip(),
            classification=Classification(int(self.classification_combo.currentData())),
            source_note=self.source_edit.toPlainText().strip(),
            data_date=pydate(self.date_edit.date()) if self.has_date.isChecked() else None,
            correction_id=correction,
            duration=self.duration_field.entry(),
        )


# --- the tab ------------------------------------------------------------------------------------


class EvidenceTab(QWidget):
    """Shown in the report detail to those who may list underlying data
    (``services.permissions.Step.LIST_EVIDENCE``)."""

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceTab")
        self.setStyleSheet(TAB_STYLE)
        self.session = session
        self.runner = runner
        granted = user_actions(session)
        self.may_add = granted.may(Step.ADD_EVIDENCE)
        self.may_read_history = granted.may(Step.READ_INSPECTIONS)
        self.report: ReportView | None = None
        self._stale = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter)

        upper = QWidget(splitter)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.setSpacing(6)
        self.items_label = QLabel(self.tr("Onderliggende gegevens"), upper)
        self.items_label.setObjectName("sectionLabel")
        upper_layout.addWidget(self.items_label)
        self.items_hint = wrapped_label("", upper, "hintLabel")
        self.items_hint.setTextFormat(Qt.TextFormat.PlainText)
        upper_layout.addWidget(self.items_hint)
        self.items_model = EvidenceTableModel(self)
        self.items_table = make_table(
            self.items_model, upper, "evidenceTable", EvidenceTableModel.COL_SOURCE
        )
        self.items_table.setAccessibleName(self.tr("Onderliggende gegevens"))
        self.items_table.setMinimumHeight(120)  # a few rows, whatever the splitter does
        upper_layout.addWidget(self.items_table, 1)
        row = QHBoxLayout()
        self.add_button = push_button(
            self.tr("G&egevens toevoegen…"), upper, self.open_add_dialog, "addEvidenceButton"
        )
        self.add_button.setVisible(self.may_add)
        row.addWidget(self.add_button)
        self.status_line = QLabel(upper)
        self.status_line.setObjectName("statusLine")
        self.status_line.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.status_line, 1)
        upper_layout.addLayout(row)

        lower = InspectionRecordsPanel(
            session,
            runner,
            self.tr("Inzagen door de IND"),
            "inspectionHistoryTable",
            InspectionRecordTableModel.COL_REFERENCE,
            splitter,
            status_line=self.status_line,
        )
        self.history_panel = lower
        self.history_label = lower.label
        self.history_model = lower.model
        self.history_table = lower.table
        self.history_details = lower.details
        self.save_pdf_button = lower.save_pdf_button
        lower.setVisible(self.may_read_history)

        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([330, 220])

    # --- which report -----------------------------------------------------------------------

    @property
    def report_id(self) -> int | None:
        return None if self.report is None else int(self.report.report.id)

    def show_report(self, view: ReportView) -> None:
        """The detail shows ``view``: forget the previous report's rows, load when on screen."""
        same = self.report_id == int(view.report.id)
        self.report = view
        if not same:
            self._clear_rows()
            self.status_line.clear()
        self._update_add_button()
        self._stale = True
        if self.isVisible():
            self.refresh()

    def clear_report(self) -> None:
        self.report = None
        self._stale = False
        self._clear_rows()
        self.status_line.clear()
        self.items_hint.clear()
        self.add_button.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.report is not None:
            self.refresh()

    def _clear_rows(self) -> None:
        self.items_model.clear()
        self.history_model.clear()
        self.items_label.setText(self.tr("Onderliggende gegevens"))
        self.history_label.setText(self.tr("Inzagen door de IND"))
        self.history_panel.show_selected()

    def _update_add_button(self) -> None:
        view = self.report
        if view is None:
            return
        status = view.report.status
        permission = evidence_add(status, corrections=len(view.corrections))
        if not permission.allowed:
            hint = permission.reason or ""
        elif status is ReportStatus.ISSUED:
            hint = self.tr(
                "Het ambtsbericht is uitgebracht; de onderliggende gegevens liggen "
                "vast. Gegevens die er nu bij komen, horen bij een vastgelegde "
                "correctie."
            )
        else:
            hint = self.tr(
                "De gegevens waarop dit ambtsbericht steunt. De inhoud is alleen bij "
                "inzage te bekijken."
            )
        self.items_hint.setText(hint)
        self.add_button.setEnabled(permission.allowed)
        self.add_button.setToolTip("" if permission.allowed else hint)

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the items and (for an issued report) the inspection history."""
        view = self.report
        if view is None:
            return
        self._stale = False
        session, report_id = self.session, int(view.report.id)
        history = self.may_read_history and view.report.status is ReportStatus.ISSUED

        def load() -> tuple[tuple[EvidenceItem, ...], tuple[InspectionRecordView, ...]]:
            items = evidence.list_evidence(session, report_id)
            records = inspections.list_inspections(session, report_id) if history else ()
            return items, records

        def done(result: tuple[tuple[EvidenceItem, ...], tuple[InspectionRecordView, ...]]) -> None:
            if self.report_id != report_id:  # another report was chosen meanwhile
                return
            items, records = result
            self.items_model.set_rows(items)
            self.items_label.setText(
                self.tr("Onderliggende gegevens (%1)").replace("%1", str(len(items)))
            )
            self._show_history(records, issued=history)

        self.runner.run(load, done, owner=self)

    def _show_history(self, records: tuple[InspectionRecordView, ...], *, issued: bool) -> None:
        self.history_panel.set_records(records)
        if not issued:
            self.history_label.setText(
                self.tr("Inzagen door de IND (mogelijk zodra het ambtsbericht is uitgebracht)")
            )
        else:
            self.history_label.setText(
                self.tr("Inzagen door de IND (%1)").replace("%1", str(len(records)))
            )

    # --- adding -----------------------------------------------------------------------------

    def open_add_dialog(self) -> AddEvidenceDialog | None:
        view = self.report
        if view is None or not self.may_add:
            return None
        r = view.report
        corrections = view.corrections if r.status is ReportStatus.ISSUED else ()
        dialog = AddEvidenceDialog(
            r.reference,
            r.classification,
            self.session.user.clearance,
            self.session.clock.today(),
            corrections,
            self,
        )
        session, report_id = self.session, int(r.id)
        dialog.draft_object = report_id  # its draft is this report's

        def work(value: object) -> EvidenceItem:
            assert isinstance(value, NewEvidence)
            entry = value.duration
            duration = (
                None
                if entry is None
                else marking.duration_entered(session, until=entry.until, event=entry.event)
            )
            return evidence.add_evidence(
                session,
                report_id,
                source=value.path,
                title=value.title,
                classification=value.classification,
                source_note=value.source_note,
                data_date=value.data_date,
                correction_id=value.correction_id,
                duration=duration,
            )

        def done(item: EvidenceItem) -> None:
            self.status_line.setText(
                self.tr("'%1' is toegevoegd (%2, %3).")
                .replace("%1", item.title)
                .replace("%2", kind_label(item.kind))
                .replace("%3", size_text(item.size_bytes))
            )
            self.refresh()

        run_on_submit(dialog, self.runner, work, done)
        return dialog

    # --- inspection records -----------------------------------------------------------------

    def selected_record(self) -> InspectionRecordView | None:
        return self.history_panel.selected_record()

    def save_record_pdf(self, inspection_id: int, path: Path) -> None:
        self.history_panel.save_record_pdf(inspection_id, path)

    # --- lock -------------------------------------------------------------------------------

    def wipe(self) -> None:
        self.report = None
        self._stale = False
        self._clear_rows()
        for label in (self.status_line, self.items_hint, self.history_details):
            label.clear()

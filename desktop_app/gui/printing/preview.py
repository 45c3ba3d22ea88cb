"""The print preview: the ambtsbericht as it will print, rendered in memory and shown with
QtPdf; the number of copies; printing to a printer and saving signed copies as PDF files.

Every action goes through ``desktop_app.services.printing`` on the background worker: the
preview is an audited view, and printing or saving registers every copy (signed, numbered)
before a single page leaves the machine.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput
from desktop_app.gui.errors import message_for, show_info
from desktop_app.gui.pages import push_button, wrapped_label
from desktop_app.gui.printing.pdf import InMemoryPdf, paint_pdfs
from desktop_app.gui.printing.register import open_print_register
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import printing
from desktop_app.services.session import Session

log = logging.getLogger(__name__)

RERENDER_DELAY_MS = 350


class PrintPreviewDialog(QDialog):
    """``PrintPreviewDialog(parent, session, report_id)``. Rendering runs on ``runner`` (the
    window's background worker) or, without one, right away."""

    preview_ready = Signal(int)  # page count
    printed = Signal(object)  # the PrintJob
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        session: Session,
        report_id: int,
        *,
        runner: TaskRunner,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.report_id = int(report_id)
        self.runner = runner
        self.preview: printing.PrintPreview | None = None
        self._pdf: InMemoryPdf | None = None
        self._busy = False
        self._register: QWidget | None = None
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle(self.tr("Afdrukvoorbeeld"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Within the screen (issue 12: 1024x700 leaves about 660 pixels of height).
        room = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        area = room.availableGeometry() if room is not None else None
        width = 760 if area is None else min(760, area.width() - 24)
        height = 900 if area is None else min(900, area.height() - 24)
        self.resize(width, height)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        self.heading = QLabel(self)
        self.heading.setObjectName("previewHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: 600; font-size: 11pt;")
        layout.addWidget(self.heading)
        self.explanation = wrapped_label("", self, "previewExplanation")
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.explanation)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        layout.addWidget(self.view, 1)
        # The status line sits under the page, above the distribution list, and keeps room for
        # two lines: a sentence coming or going no longer moves the list (QA: a double-click
        # meant for a row landed on its header).
        self.status_label = wrapped_label("", self, "statusLabel")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setMinimumHeight(2 * self.status_label.fontMetrics().lineSpacing())
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.status_label)

        # The distribution list: one row per copy (the copy number it will get and who it is
        # for). All empty: no recipients recorded; partly filled: the service refuses.
        self.recipients_label = QLabel(self.tr("&Verzendlijst (ontvanger per exemplaar):"), self)
        layout.addWidget(self.recipients_label)
        self.recipients_table = QTableWidget(0, 2, self)
        self.recipients_table.setObjectName("recipientsTable")
        self.recipients_table.setAccessibleName(self.tr("Verzendlijst"))
        self.recipients_table.setHorizontalHeaderLabels(
            [self.tr("Exemplaar"), self.tr("Ontvanger")]
        )
        header = self.recipients_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.recipients_table.verticalHeader().setVisible(False)
        self.recipients_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recipients_table.setTabKeyNavigation(False)
        self.recipients_table.setMaximumHeight(130)
        self.recipients_label.setBuddy(self.recipients_table)
        layout.addWidget(self.recipients_table)

        controls = QHBoxLayout()
        controls.setSpacing(8)
        copies_label = QLabel(self.tr("Aantal &exemplaren:"), self)
        self.copies_spin = QSpinBox(self)
        self.copies_spin.setObjectName("copiesSpin")
        self.copies_spin.setRange(1, printing.MAX_COPIES)
        self.copies_spin.setValue(1)  # the first preview brings the setting default_copies
        self.copies_spin.setAccessibleName(self.tr("Aantal exemplaren"))
        copies_label.setBuddy(self.copies_spin)
        controls.addWidget(copies_label)
        controls.addWidget(self.copies_spin)
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pagesLabel")
        controls.addWidget(self.pages_label)
        controls.addStretch(1)
        self.print_button = push_button(
            self.tr("&Afdrukken…"), self, self._on_print_button_clicked, "printButton"
        )
        self.save_button = push_button(
            self.tr("&Opslaan als PDF…"), self, self._on_save_button_clicked, "saveButton"
        )
        self.register_button = push_button(
            self.tr("Afdruk&register…"), self, self.open_register, "registerButton"
        )
        self.register_button.setToolTip(
            self.tr("Alle afgedrukte exemplaren van dit ambtsbericht, met hun ontvanger.")
        )
        self.close_button = push_button(self.tr("&Sluiten"), self, self.close, "closeButton")
        for button in (self.print_button, self.save_button, self.register_button):
            controls.addWidget(button)
        controls.addWidget(self.close_button)
        layout.addLayout(controls)

        self._rerender = QTimer(self)
        self._rerender.setSingleShot(True)
        self._rerender.setInterval(RERENDER_DELAY_MS)
        self._rerender.timeout.connect(self.refresh)
        self.copies_spin.valueChanged.connect(self._on_copies_spin_value_changed)
        self._set_actions_enabled(False)
        self._first = True
        self._status_after_render = ""
        self.refresh()

    # -- background work ---------------------------------------------------------------------

    def _run_busy(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """The task helper, with the print and save buttons off while the task runs."""
        self._busy = True
        self._set_actions_enabled(False)

        def done(result: Any) -> None:
            self._busy = False
            on_done(result)
            self._set_actions_enabled(self.preview is not None)

        def fail(exc: BaseException) -> None:
            self._busy = False
            self._set_actions_enabled(self.preview is not None)
            self._show_failure(exc)

        self.runner.run(fn, done, fail, owner=self)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for button in (self.print_button, self.save_button):
            button.setEnabled(enabled and not self._busy)
        draft = self.preview is not None and self.preview.draft
        self.copies_spin.setEnabled(not draft and not self._busy)
        self.recipients_table.setEnabled(not self._busy)

    def _show_failure(self, exc: BaseException) -> None:
        text = message_for(exc)
        self.status_label.setText(text)
        self.failed.emit(text)

    # -- preview ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Render the preview again (for the current number of copies)."""
        session, report_id = self.session, self.report_id
        # The first preview: as many copies as the setting default_copies says.
        copies = None if self._first else self.copies_spin.value()
        first = self.recipients()[0] if any(self.recipients()) else ""
        self.status_label.setText(self.tr("Voorbeeld wordt opgemaakt…"))
        self._run_busy(
            lambda: printing.preview_report(session, report_id, copies=copies, recipient=first),
            self._show_preview,
        )

    def _show_preview(self, preview: printing.PrintPreview) -> None:
        old = self._pdf
        self.preview = preview
        self._pdf = InMemoryPdf(preview.pdf, self)
        self.view.setDocument(self._pdf.document)
        if old is not None:
            old.close()
            old.deleteLater()
        pages = self.page_count()
        if self._first:
            self._first = False
            self.copies_spin.blockSignals(True)
            self.copies_spin.setValue(preview.copies)
            self.copies_spin.blockSignals(False)
        self._fit_recipient_rows(1 if preview.draft else self.copies_spin.value())
        self.heading.setText(f"{preview.reference} — {preview.title}")
        if preview.draft:
            self.explanation.setText(
                self.tr(
                    "Dit ambtsbericht is nog niet ondertekend. Het wordt als CONCEPT afgedrukt: "
                    "één exemplaar, met watermerk en zonder handtekening."
                )
            )
            self.copies_spin.blockSignals(True)
            self.copies_spin.setValue(1)
            self.copies_spin.blockSignals(False)
        else:
            self._explain(preview)
        self.pages_label.setText(
            self.tr("1 pagina") if pages == 1 else self.tr("%1 pagina's").replace("%1", str(pages))
        )
        # After a job the sentence of what was printed stays until the next action.
        self.status_label.setText(self._status_after_render)
        self._status_after_render = ""
        self.preview_ready.emit(pages)

    def _explain(self, preview: printing.PrintPreview) -> None:
        self.explanation.setText(
            self.tr(
                "Voorbeeld van exemplaar %1 van %2. Bij het afdrukken krijgt elk exemplaar "
                "zijn eigen nummer (doorlopend over alle afdrukken), de ontvanger uit de "
                "verzendlijst en een digitale handtekening, en wordt het in het afdrukregister "
                "vastgelegd."
            )
            .replace("%1", str(preview.first_copy))
            .replace("%2", str(preview.first_copy + preview.copies - 1))
        )

    def page_count(self) -> int:
        return 0 if self._pdf is None else self._pdf.page_count()

    def _on_copies_spin_value_changed(self, value: int) -> None:
        if self.preview is not None and not self.preview.draft:
            self._fit_recipient_rows(value)
            self._rerender.start()

    # -- the distribution list ---------------------------------------------------------------

    def _fit_recipient_rows(self, count: int) -> None:
        """One row per copy, numbered as the copies will be; typed names are kept."""
        table = self.recipients_table
        first = 1
        if self.preview is not None and not self.preview.draft:
            # The preview is of the job's first copy: its number continues the register's.
            first = self._first_number()
        table.setRowCount(count)
        for row in range(count):
            number = QTableWidgetItem(
                self.tr("concept")
                if self.preview is not None and self.preview.draft
                else str(first + row)
            )
            number.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(row, 0, number)
            if table.item(row, 1) is None:
                table.setItem(row, 1, QTableWidgetItem(""))

    def _first_number(self) -> int:
        assert self.preview is not None
        return self.preview.first_copy

    def recipients(self) -> list[str]:
        """The list as typed, one entry per row (empty strings included)."""
        table = self.recipients_table
        out = []
        for row in range(table.rowCount()):
            item = table.item(row, 1)
            out.append("" if item is None else item.text())
        return out

    def set_recipients(self, names: list[str]) -> None:
        """Fill the list (tests, and a list pasted from elsewhere): the copies follow."""
        if self.preview is not None and not self.preview.draft:
            self.copies_spin.setValue(max(1, len(names)))
        self._fit_recipient_rows(self.recipients_table.rowCount())
        for row, name in enumerate(names[: self.recipients_table.rowCount()]):
            self.recipients_table.setItem(row, 1, QTableWidgetItem(name))

    def _job_recipients(self) -> list[str]:
        names = self.recipients()
        return names if any(n.strip() for n in names) else []

    # -- printing and saving ----------------------------------------------------------------

    def print_to(self, printer: QPrinter) -> None:
        """Print: the service makes, signs and registers the copies; their pages then go to
        ``printer`` as one job (the register says 'printer' as destination)."""
        session, report_id, copies = self.session, self.report_id, self._copies()
        recipients = self._job_recipients()
        self.status_label.setText(self.tr("Exemplaren worden ondertekend en afgedrukt…"))

        def send(job: printing.PrintJob) -> None:
            try:
                pages = paint_pdfs(printer, [c.pdf for c in job.copies])
            except RuntimeError:
                log.warning("printing failed after the copies were registered")
                text = self.tr(
                    "De printer kon de exemplaren niet afdrukken. Ze zijn wel in het "
                    "afdrukregister vastgelegd; meld dit bij de functioneel beheerder."
                )
                self.status_label.setText(text)
                self.failed.emit(text)
                return
            self.status_label.setText(self._done_text(job, pages))
            self._after_job(job)
            self.printed.emit(job)

        self._run_busy(
            lambda: printing.print_report(session, report_id, copies=copies, recipients=recipients),
            send,
        )

    def save_to(self, directory: Path) -> None:
        """Save the signed copies (or the concept) as PDF files in ``directory``."""
        session, report_id, copies = self.session, self.report_id, self._copies()
        recipients = self._job_recipients()
        self.status_label.setText(self.tr("Exemplaren worden ondertekend en opgeslagen…"))

        def saved(job: printing.PrintJob) -> None:
            text = self._done_text(job, None)
            self.status_label.setText(text)
            show_info(self, text + "\n\n" + "\n".join(Path(f).name for f in job.files))
            self._after_job(job)
            self.printed.emit(job)

        self._run_busy(
            lambda: printing.print_report(
                session, report_id, copies=copies, out_dir=directory, recipients=recipients
            ),
            saved,
        )

    def _after_job(self, job: printing.PrintJob) -> None:
        """The next job's copies number on after this one's; its list starts empty."""
        numbers = [c.number for c in job.copies if c.number is not None]
        if self.preview is None or not numbers:
            return
        self.preview = replace(self.preview, first_copy=max(numbers) + 1)
        self.recipients_table.setRowCount(0)
        self._fit_recipient_rows(self.copies_spin.value())
        # The sentence and the page shown were of the copies just printed: make them again for
        # the next job's numbers (the register's), keeping the sentence of what was printed.
        self._explain(self.preview)
        self._status_after_render = self.status_label.text()
        self._rerender.start()

    def _copies(self) -> int:
        return 1 if self.preview is not None and self.preview.draft else self.copies_spin.value()

    def _done_text(self, job: printing.PrintJob, pages: int | None) -> str:
        if job.draft:
            text = self.tr(
                "Conceptafdruk van %1 gemaakt en in het afdrukregister vastgelegd."
            ).replace("%1", job.reference)
        else:
            made = (
                self.tr(
                    "1 ondertekend exemplaar van %2 gemaakt en in het afdrukregister vastgelegd."
                )
                if len(job.copies) == 1
                else self.tr(
                    "%1 ondertekende exemplaren van %2 gemaakt en in het afdrukregister vastgelegd."
                )
            )
            text = made.replace("%1", str(len(job.copies))).replace("%2", job.reference)
        if pages is not None:
            sent = (
                self.tr("1 pagina naar de printer gestuurd.")
                if pages == 1
                else self.tr("%1 pagina's naar de printer gestuurd.")
            )
            text += " " + sent.replace("%1", str(pages))
        return text

    def check_recipients(self, then: Callable[[], None]) -> QMessageBox | None:
        """Before any copy is made: a VIR-BI distribution list names a recipient for each
        copy. A list with a gap the service refuses (``printing.clean_recipients``): its
        sentence, and the cursor in that row. No names at all the service takes (the copies
        are registered without recipients): asked first. Else, and for a concept, ``then``."""
        names = self.recipients()
        if self.preview is None or self.preview.draft or not names:
            then()
            return None
        if any(n.strip() for n in names):
            try:
                printing.clean_recipients(names)
            except InvalidInput as exc:
                self.status_label.setText(message_for(exc))
                self._edit_recipient(self._first_refused_row(names))
                return None
            then()
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Geen ontvangers"),
            self.tr(
                "Voor geen enkel exemplaar is een ontvanger ingevuld. Een verzendlijst noemt "
                "per exemplaar de ontvanger; zonder ontvangers worden de exemplaren niet op "
                "naam in het afdrukregister vastgelegd."
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("noRecipientsQuestion")
        box.setInformativeText(self.tr("Wilt u toch afdrukken zonder ontvangers?"))
        without = box.addButton(
            self.tr("&Zonder ontvangers verder"), QMessageBox.ButtonRole.AcceptRole
        )
        fill_in = box.addButton(self.tr("Ontvangers &invullen"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(fill_in)
        box.setEscapeButton(fill_in)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            if box.clickedButton() is without:
                then()
            else:
                self._edit_recipient(0)

        box.finished.connect(answered)
        box.open()
        return box

    @staticmethod
    def _first_refused_row(names: list[str]) -> int:
        for row, name in enumerate(names):
            try:
                printing.clean_recipients([name])
            except InvalidInput:
                return row
        return 0

    def _edit_recipient(self, row: int) -> None:
        table = self.recipients_table
        if not 0 <= row < table.rowCount():
            return
        table.setCurrentCell(row, 1)
        table.setFocus()
        item = table.item(row, 1)
        if item is not None:
            table.editItem(item)

    def _on_print_button_clicked(self) -> None:
        self.check_recipients(self._choose_printer)

    def _choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.preview.reference if self.preview else "ambtsbericht")
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Ambtsbericht afdrukken"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._printer = printer  # alive until the background job has painted
            self.print_to(printer)

    def _on_save_button_clicked(self) -> None:
        self.check_recipients(self._choose_directory)

    def _choose_directory(self) -> None:
        directory = QFileDialog.getExistingDirectory(
            self, self.tr("Map voor de PDF-bestanden kiezen")
        )
        if directory:
            self.save_to(Path(directory))

    def open_register(self) -> QWidget:
        """The print register of this report (an audited view), non-blocking."""
        self._register = open_print_register(self, self.session, self.report_id, runner=self.runner)
        return self._register

    def closeEvent(self, event: Any) -> None:
        self._rerender.stop()
        if self._pdf is not None:
            self._pdf.close()
        super().closeEvent(event)


def open_print_preview(
    parent: QWidget | None, session: Session, report_id: int, *, runner: TaskRunner
) -> PrintPreviewDialog:
    """Open the print preview of a report (non-blocking); returns the dialog."""
    dialog = PrintPreviewDialog(parent, session, report_id, runner=runner)
    dialog.open()
    return dialog

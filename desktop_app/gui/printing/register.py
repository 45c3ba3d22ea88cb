"""The print register of one report: every printed copy (and concept print) with its number,
recipient, version, who printed it and when, where it went and its SHA-256. Read through
``services.printing.print_register`` (an audited view) on the window's background worker."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.dates import shown_stamp
from desktop_app.gui.errors import message_for
from desktop_app.gui.pages import push_button, wrapped_label
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import printing
from desktop_app.services.session import Session


class PrintRegisterDialog(QDialog):
    loaded = Signal(int)  # number of lines
    failed = Signal(str)

    def __init__(
        self, parent: QWidget | None, session: Session, report_id: int, *, runner: TaskRunner
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.report_id = int(report_id)
        self.runner = runner
        self.records: tuple[printing.PrintRecord, ...] = ()
        self.setObjectName("printRegisterDialog")
        self.setWindowTitle(self.tr("Afdrukregister"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 360)
        layout = QVBoxLayout(self)
        self.heading = wrapped_label("", self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("printRegisterTable")
        self.table.setAccessibleName(self.tr("Afdrukregister"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Exemplaar"),
                self.tr("Ontvanger"),
                self.tr("Versie"),
                self.tr("Afgedrukt door"),
                self.tr("Afgedrukt op"),
                self.tr("Bestemming"),
                self.tr("SHA-256"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.status_label = wrapped_label("", self, "statusLabel")
        layout.addWidget(self.status_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.refresh_button = push_button(self.tr("Vernieuwen"), self, self.refresh)
        self.close_button = push_button(self.tr("&Sluiten"), self, self.close)
        # Enter closes the view; refreshing is the button (or F5), never the default.
        self.refresh_button.setAutoDefault(False)
        self.close_button.setDefault(True)
        row.addWidget(self.refresh_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        session, report_id = self.session, self.report_id
        self.status_label.setText(self.tr("Register wordt gelezen…"))
        self.runner.run(
            lambda: printing.print_register(session, report_id),
            self._show,
            self._fail,
            owner=self,
        )

    def _fail(self, exc: BaseException) -> None:
        text = message_for(exc)
        self.status_label.setText(text)
        self.failed.emit(text)

    def _show(self, records: Sequence[printing.PrintRecord]) -> None:
        self.records = tuple(records)
        self.table.setRowCount(len(self.records))
        for row, r in enumerate(self.records):
            copy = (
                self.tr("concept")
                if r.draft
                else self.tr("%1 van %2")
                .replace("%1", str(r.copy_number))
                .replace("%2", str(r.copy_total))
            )
            recipient = r.recipient or self.tr("niet vastgelegd")
            destination = (
                self.tr("printer")
                if r.destination == "printer"
                else (r.file_name or self.tr("bestand"))
            )
            values = [
                copy,
                recipient,
                str(r.version),
                r.printed_by_full_name or r.printed_by,
                shown_stamp(r.printed_at),
                destination,
                r.sha256[:16] + "…",
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 6:
                    item.setToolTip(r.sha256)
                if column == 1 and not r.recipient:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(row, column, item)
        reference = self.records[0].reference if self.records else ""
        self.heading.setText(
            self.tr("Afdrukregister van %1: %2 regel(s).")
            .replace("%1", reference or self.tr("dit ambtsbericht"))
            .replace("%2", str(len(self.records)))
            if self.records
            else self.tr("Van dit ambtsbericht is nog niets afgedrukt.")
        )
        self.status_label.setText("")
        self.loaded.emit(len(self.records))


def open_print_register(
    parent: QWidget | None, session: Session, report_id: int, *, runner: TaskRunner
) -> PrintRegisterDialog:
    dialog = PrintRegisterDialog(parent, session, report_id, runner=runner)
    dialog.open()
    return dialog

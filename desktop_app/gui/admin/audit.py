"""Beheer › Audittrail: verify the chain, and read it in plain Dutch (services.audit.audit_lines):
label, the actor's full name with the account, Amsterdam time, readable details; the hashes
behind "Details"; filters by account, action and period; a CSV export (itself audited)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.audit_labels import PREFIX_LABELS, actions_for_filter
from desktop_app.domain.messages import translate
from desktop_app.gui.busy import run_busy
from desktop_app.gui.dates import date_edit, pydate
from desktop_app.gui.errors import show_error
from desktop_app.gui.filedialogs import save_file_dialog
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.models import RecordTableModel
from desktop_app.gui.pages import push_button, wrapped_label
from desktop_app.gui.tables import read_only_view
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import audit
from desktop_app.services.audit import AuditAccount, AuditExport, AuditLine, AuditQuery, AuditReport
from desktop_app.services.session import Session

AUDIT_LIMIT = 200
COLUMN_CAP = 260


class AuditTableModel(RecordTableModel[AuditLine]):
    CONTEXT = "AuditTableModel"
    COL_SEQ, COL_TIME, COL_ACTOR, COL_ACTION, COL_OBJECT, COL_RESULT, COL_DETAILS = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("AuditTableModel", "Nr."),
        QT_TRANSLATE_NOOP("AuditTableModel", "Tijd"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Gebruiker"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Handeling"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Betreft"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Resultaat"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Details"),
    )

    def display(self, record: AuditLine, column: int) -> str:
        if column == self.COL_SEQ:
            return str(record.entry.seq)
        if column == self.COL_TIME:
            return record.shown_time
        if column == self.COL_ACTOR:
            return record.actor_text
        if column == self.COL_ACTION:
            # The result column lies past the right edge at 1024x700: a failed sign-in must not
            # read as "Aangemeld" there.
            if record.entry.result != "ok":
                return f"{record.label} ({record.result_text})"
            return record.label
        if column == self.COL_OBJECT:
            return record.object_text
        if column == self.COL_RESULT:
            return record.result_text
        if column == self.COL_DETAILS:
            return record.details
        return ""


_DETAIL_NAMES = (
    QT_TRANSLATE_NOOP("AuditDetails", "Vermelding"),
    QT_TRANSLATE_NOOP("AuditDetails", "Handeling"),
    QT_TRANSLATE_NOOP("AuditDetails", "Betreft"),
    QT_TRANSLATE_NOOP("AuditDetails", "Gebruiker"),
    QT_TRANSLATE_NOOP("AuditDetails", "Tijd"),
    QT_TRANSLATE_NOOP("AuditDetails", "Resultaat"),
    QT_TRANSLATE_NOOP("AuditDetails", "Herkomst"),
    QT_TRANSLATE_NOOP("AuditDetails", "Hash"),
    QT_TRANSLATE_NOOP("AuditDetails", "Vorige hash"),
)
_STORED_AS = QT_TRANSLATE_NOOP("AuditDetails", "Zoals opgeslagen: %1")


def details_text(line: AuditLine) -> str:
    """What the "Details" button shows: the stored entry as the chain holds it."""
    e = line.entry
    values = (
        str(e.seq),
        f"{line.label} ({e.action})",
        f"{line.object_text} ({e.object})",
        line.actor_text,
        f"{line.shown_time} (UTC {e.ts_utc})",
        f"{line.result_text} ({e.result})",
        e.origin,
        e.hash,
        e.prev_hash,
    )
    text = "\n".join(
        f"{QCoreApplication.translate('AuditDetails', name)}: {value}"
        for name, value in zip(_DETAIL_NAMES, values, strict=True)
    )
    if line.details:
        text += "\n\n" + line.details.replace("; ", "\n")
    if line.technical:
        text += "\n\n" + line.technical
    stored = QCoreApplication.translate("AuditDetails", _STORED_AS).replace("%1", e.details)
    return text + "\n\n" + stored


class AuditDetailsDialog(QDialog):
    def __init__(self, line: AuditLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDetailsDialog")
        self.setWindowTitle(self.tr("Vermelding %1 in de audittrail").replace("%1", str(line.seq)))
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(details_text(line))
        self.text.setAccessibleName(self.tr("Details van de vermelding"))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)


class AuditTab(QWidget):
    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditTab")
        self.session = session
        self.runner = runner
        self.model = AuditTableModel(self)
        self.last_report: AuditReport | None = None
        self.last_export: AuditExport | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._verify_rows())
        layout.addLayout(self._filter_rows())
        list_row = QHBoxLayout()
        list_row.addStretch(1)
        self.details_button = push_button(self.tr("&Details…"), self, self.open_details)
        self.export_button = push_button(
            self.tr("E&xporteren (CSV)…"), self, self.choose_export_file
        )
        self.refresh_button = push_button(self.tr("Vernieuwen"), self, self.refresh)
        for button in (self.details_button, self.export_button, self.refresh_button):
            list_row.addWidget(button)
        layout.addLayout(list_row)
        self.view = read_only_view(self.model, self, "auditTable")
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.model.modelReset.connect(self._fit_columns)
        self.view.doubleClicked.connect(lambda _index: self.open_details())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        layout.addWidget(self.view, 1)
        self.export_result = wrapped_label("", self, "exportResult", selectable=True)
        layout.addWidget(self.export_result)
        self._update_buttons()

    # --- building ---------------------------------------------------------------------------

    def _verify_rows(self) -> QVBoxLayout:
        """The check on one line; the anchors (VOLGNUMMER:HASH, 70 characters each) folded
        away behind "Ankers": wanted now and then, they crowded the list at 1024x700."""
        rows = QVBoxLayout()
        verify_row = QHBoxLayout()
        self.verify_button = push_button(self.tr("Audittrail &controleren"), self, self.verify)
        self.anchors_button = QToolButton(self)
        self.anchors_button.setObjectName("anchorsButton")
        self.anchors_button.setText(self.tr("Ankers &tonen"))
        self.anchors_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.anchors_button.setArrowType(Qt.ArrowType.RightArrow)
        self.anchors_button.setCheckable(True)
        self.anchors_button.setToolTip(
            self.tr("Een eerder genoteerd anker invullen, of de kop van de keten kopiëren.")
        )
        self.anchors_button.toggled.connect(self.show_anchors)
        verify_row.addWidget(self.verify_button)
        verify_row.addWidget(self.anchors_button)
        verify_row.addStretch(1)
        rows.addLayout(verify_row)
        self.verify_result = wrapped_label("", self, "verifyResult", selectable=True)
        self.verify_result.hide()  # no empty line until there is a verdict
        rows.addWidget(self.verify_result)
        self.anchors_panel = QWidget(self)
        self.anchors_panel.setObjectName("anchorsPanel")
        panel = QGridLayout(self.anchors_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        anchor_label = QLabel(self.tr("Eerder anke&r (optioneel)"), self.anchors_panel)
        self.anchor_edit = QLineEdit(self.anchors_panel)
        self.anchor_edit.setPlaceholderText(self.tr("VOLGNUMMER:HASH"))
        self.anchor_edit.setAccessibleName(self.tr("Eerder anker"))
        anchor_label.setBuddy(self.anchor_edit)
        head_label = QLabel(self.tr("K&op van de keten (anker)"), self.anchors_panel)
        self.head_edit = QLineEdit(self.anchors_panel)
        self.head_edit.setReadOnly(True)
        self.head_edit.setObjectName("headAnchor")
        self.head_edit.setAccessibleName(self.tr("Kop van de keten"))
        self.head_edit.setPlaceholderText(self.tr("na de controle"))
        head_label.setBuddy(self.head_edit)
        self.copy_head_button = push_button(self.tr("Kopiëren"), self.anchors_panel, self.copy_head)
        self.copy_head_button.setEnabled(False)
        self.head_edit.textChanged.connect(lambda t: self.copy_head_button.setEnabled(bool(t)))
        panel.addWidget(anchor_label, 0, 0)
        panel.addWidget(self.anchor_edit, 0, 1)
        panel.addWidget(head_label, 1, 0)
        panel.addWidget(self.head_edit, 1, 1)
        panel.addWidget(self.copy_head_button, 1, 2)
        self.anchors_panel.hide()
        rows.addWidget(self.anchors_panel)
        return rows

    def show_anchors(self, shown: bool) -> None:
        self.anchors_button.setChecked(shown)
        self.anchors_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.anchors_panel.setVisible(shown)

    def copy_head(self) -> None:
        QGuiApplication.clipboard().setText(self.head_edit.text())

    def _filter_rows(self) -> QVBoxLayout:
        """Two rows: who and what, then when (one row does not fit at 1024x700)."""
        rows = QVBoxLayout()
        account_label = QLabel(self.tr("Acco&unt"), self)
        self.account_combo = QComboBox(self)
        self.account_combo.setObjectName("auditAccount")
        self.account_combo.addItem(self.tr("Alle accounts"), None)
        account_label.setBuddy(self.account_combo)
        action_label = QLabel(self.tr("Ha&ndeling"), self)
        self.action_combo = QComboBox(self)
        self.action_combo.setObjectName("auditAction")
        self.action_combo.addItem(self.tr("Alle handelingen"), None)
        choices = [*actions_for_filter(), *((p + "*", t) for p, t in PREFIX_LABELS.items())]
        for code, label in sorted(choices, key=lambda c: translate(c[1])):
            self.action_combo.addItem(translate(label), code)
        self.action_combo.setMinimumContentsLength(24)
        action_label.setBuddy(self.action_combo)
        self.period_check = QCheckBox(self.tr("Alleen &periode"), self)
        today = self.session.clock.today()
        self.from_edit = date_edit(self, today - dt.timedelta(days=30), maximum=today)
        self.from_edit.setAccessibleName(self.tr("Periode vanaf"))
        self.to_edit = date_edit(self, today, maximum=today)
        self.to_edit.setAccessibleName(self.tr("Periode tot en met"))
        until = QLabel(self.tr("t/m"), self)
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(False)
            self.period_check.toggled.connect(edit.setEnabled)
            edit.dateChanged.connect(lambda _d: self._filters_changed())
        self.period_check.toggled.connect(lambda _on: self._filters_changed())
        self.account_combo.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.action_combo.currentIndexChanged.connect(lambda _i: self._filters_changed())
        first = QHBoxLayout()
        first.addWidget(account_label)
        first.addWidget(self.account_combo, 1)
        first.addWidget(action_label)
        first.addWidget(self.action_combo, 1)
        rows.addLayout(first)
        second = QHBoxLayout()
        for widget in (self.period_check, self.from_edit, until, self.to_edit):
            second.addWidget(widget)
        second.addSpacing(12)
        self.count_label = wrapped_label("", self, "auditCount")
        second.addWidget(self.count_label, 1)
        rows.addLayout(second)
        return rows

    def _fit_columns(self) -> None:
        """Columns as wide as their content, but none so wide that the last one is squeezed."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(header.count() - 1):
            header.resizeSection(column, min(header.sectionSize(column) + 12, COLUMN_CAP))

    # --- filters and the list ---------------------------------------------------------------

    def query(self) -> AuditQuery:
        period = self.period_check.isChecked()
        return AuditQuery(
            actor=self.account_combo.currentData(),
            action=self.action_combo.currentData(),
            date_from=pydate(self.from_edit.date()) if period else None,
            date_to=pydate(self.to_edit.date()) if period else None,
        )

    def _filters_changed(self) -> None:
        if self._loading_accounts:
            return
        self.refresh()

    _loading_accounts = False

    def refresh(self) -> None:
        session = self.session
        query = self.query()
        self.runner.run(
            lambda: audit.audit_lines(session, query, AUDIT_LIMIT),
            self._show_lines,
            self._failed,
            owner=self,
        )

    def refresh_all(self) -> None:
        session = self.session
        self.runner.run(
            lambda: audit.audit_accounts(session), self._set_accounts, self._failed, owner=self
        )
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _set_accounts(self, accounts: list[AuditAccount]) -> None:
        current = self.account_combo.currentData()
        self._loading_accounts = True
        try:
            while self.account_combo.count() > 1:
                self.account_combo.removeItem(1)
            for account in sorted(accounts, key=lambda a: (a.full_name or a.name).casefold()):
                text = (
                    f"{account.full_name} ({account.name})" if account.full_name else account.name
                )
                self.account_combo.addItem(text, account.name)
            found = self.account_combo.findData(current)
            self.account_combo.setCurrentIndex(max(found, 0))
        finally:
            self._loading_accounts = False

    def _show_lines(self, lines: list[AuditLine]) -> None:
        self.model.set_rows(lines)
        if not self.query().empty:
            text = self.tr(
                "Vermeldingen die aan de filters voldoen: %1 (nieuwste eerst, hoogstens %2)"
            )
        else:
            text = self.tr("Nieuwste vermeldingen: %1 (hoogstens %2)")
        self.count_label.setText(
            text.replace("%1", str(len(lines))).replace("%2", str(AUDIT_LIMIT))
        )

    def selected_line(self) -> AuditLine | None:
        return self.model.selected_in(self.view)

    def _update_buttons(self) -> None:
        self.details_button.setEnabled(self.selected_line() is not None)

    def open_details(self, line: AuditLine | None = None) -> AuditDetailsDialog | None:
        line = line or self.selected_line()
        if line is None:
            return None
        dialog = AuditDetailsDialog(line, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- export -----------------------------------------------------------------------------

    def choose_export_file(self) -> QFileDialog:
        return save_file_dialog(
            self,
            self.tr("Audittrail exporteren"),
            self.tr("CSV-bestand voor Excel (*.csv)"),
            "csv",
            f"audittrail-{self.session.clock.today().isoformat()}.csv",
            self.start_export,
        )

    def start_export(self, filename: str) -> None:
        if not filename:
            return
        session = self.session
        target = Path(filename)
        query = self.query()

        def done(result: AuditExport) -> None:
            self.last_export = result
            # Dutch has no catalogue of its own, so the singular is a source of its own.
            text = (
                self.tr("✔ 1 vermelding geëxporteerd naar %1.")
                if result.rows == 1
                else self.tr("✔ %n vermeldingen geëxporteerd naar %1.", "", result.rows)
            )
            self.export_result.setText(text.replace("%1", str(result.path)))
            self.refresh()

        run_busy(
            self,
            self.runner,
            self.export_button,
            self.export_result,
            self.tr("Bezig met exporteren…"),
            lambda: audit.export_audit_csv(session, target, query),
            done,
        )

    # --- verification -----------------------------------------------------------------------

    def verify(self) -> None:
        anchor = self.anchor_edit.text().strip() or None
        session = self.session
        self.verify_result.show()
        run_busy(
            self,
            self.runner,
            self.verify_button,
            self.verify_result,
            self.tr("Bezig met controleren…"),
            lambda: audit.verify_audit(session, anchor),
            self._on_verified,
        )

    def _on_verified(self, report: AuditReport) -> None:
        self.last_report = report
        chain = report.chain
        if report.ok:
            text = self.tr(
                "✔ In orde: de audittrail telt %1 vermeldingen en de keten is ongeschonden."
            ).replace("%1", str(chain.entries))
        elif not chain.ok and report.keyring_problem is None:
            text = self.tr("✖ Niet in orde: %1. Vermeldingen tot en met nummer %2 zijn in orde.")
            text = text.replace("%1", chain.reason).replace("%2", str(chain.head_seq))
        elif report.content_problems or report.keyring_problem is not None:
            text = self.tr("✖ Niet in orde: %1").replace("%1", report.problem or "")
        else:
            text = self.tr(
                "✖ Niet in orde: de keten is ongeschonden, maar de database meldt schade (%1)."
            ).replace("%1", "; ".join(report.storage_problems))
        self.verify_result.setText(text)
        self.verify_result.setProperty("verdict", "ok" if report.ok else "bad")
        self.verify_result.style().unpolish(self.verify_result)
        self.verify_result.style().polish(self.verify_result)
        self.head_edit.setText(chain.head)
        self.head_edit.setCursorPosition(0)  # the sequence number first
        self.head_edit.setToolTip(chain.head)
        self.refresh()

    # --- lock -------------------------------------------------------------------------------

    def wipe(self) -> None:
        self.model.clear()
        self.verify_result.clear()
        self.verify_result.hide()
        self.export_result.clear()
        self.head_edit.clear()
        self.head_edit.setToolTip("")
        self.anchor_edit.clear()
        self.last_report = None
        self.last_export = None
        self._loading_accounts = True
        while self.account_combo.count() > 1:
            self.account_combo.removeItem(1)
        self._loading_accounts = False

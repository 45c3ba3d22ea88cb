"""Beheer: users, designations, audit trail, backup. Everything goes through the services
(desktop_app.services.users / admin) on the background worker."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.admin.calendar import CalendarDaysPage
from desktop_app.gui.admin.settings import SettingsTab
from desktop_app.gui.dialogs import (
    AddDesignationDialog,
    AddUserDialog,
    NewDesignation,
    NewUser,
)
from desktop_app.gui.errors import show_error, show_info
from desktop_app.gui.models import AuditTableModel, DesignationTableModel, UserTableModel
from desktop_app.gui.tables import read_only_view
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import admin, audit, users
from desktop_app.services.audit import AuditReport
from desktop_app.services.permissions import may_be_designated
from desktop_app.services.session import Session

log = logging.getLogger(__name__)

AUDIT_LIMIT = 200
COLUMN_CAP = 260


def _table(model: Any, parent: QWidget, name: str) -> QTableView:
    view = read_only_view(model, parent, name)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    model.modelReset.connect(lambda: _fit_columns(view))
    return view


def _fit_columns(view: QTableView) -> None:
    """Columns as wide as their content, but none so wide that the last one is squeezed."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        header.resizeSection(column, min(header.sectionSize(column) + 12, COLUMN_CAP))


def _button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(8)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class AdminPage(QWidget):
    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        title = QLabel(self.tr("Beheer"), self)
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.user_model = UserTableModel(self)
        self.designation_model = DesignationTableModel(session.clock.today, self)
        self.audit_model = AuditTableModel(self)
        self.tabs.addTab(self._users_tab(), self.tr("&Gebruikers"))
        self.tabs.addTab(self._designations_tab(), self.tr("&Aanwijzingen"))
        self.tabs.addTab(self._audit_tab(), self.tr("Audit&trail"))
        self.tabs.addTab(self._backup_tab(), self.tr("&Back-up"))
        self.calendar_page = CalendarDaysPage(session, runner, self.tabs)
        self.tabs.addTab(
            self.calendar_page, QCoreApplication.translate("CalendarDaysPage", "&Kalender")
        )
        self.settings_tab = SettingsTab(session, runner, self.tabs)
        self.tabs.addTab(self.settings_tab, self.tr("&Instellingen"))
        self.last_report: AuditReport | None = None
        self.refresh_all()

    # --- building ---------------------------------------------------------------------------

    def _users_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        self.add_user_button = QPushButton(self.tr("Gebruiker &toevoegen…"), tab)
        self.add_user_button.clicked.connect(self.open_add_user_dialog)
        self.unlock_button = QPushButton(self.tr("Account &deblokkeren"), tab)
        self.unlock_button.setEnabled(False)
        self.unlock_button.setToolTip(
            self.tr("Deblokkeer een account dat na te veel mislukte aanmeldpogingen dicht zit.")
        )
        self.unlock_button.clicked.connect(self.unlock_selected)
        refresh = QPushButton(self.tr("&Vernieuwen"), tab)
        refresh.clicked.connect(self.refresh_users)
        layout.addLayout(_button_row(self.add_user_button, self.unlock_button, refresh))
        self.user_view = _table(self.user_model, tab, "userTable")
        self.user_view.selectionModel().selectionChanged.connect(self._on_user_selection_changed)
        layout.addWidget(self.user_view, 1)
        return tab

    def _designations_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        intro = QLabel(
            self.tr(
                "IND-inzagemedewerkers mogen alleen inzien met een geldige "
                "aanwijzing door de Hoofddirecteur IND."
            ),
            tab,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.add_designation_button = QPushButton(self.tr("Aanwijzing &vastleggen…"), tab)
        self.add_designation_button.clicked.connect(self.open_add_designation_dialog)
        refresh = QPushButton(self.tr("&Vernieuwen"), tab)
        refresh.clicked.connect(self.refresh_designations)
        layout.addLayout(_button_row(self.add_designation_button, refresh))
        self.designation_view = _table(self.designation_model, tab, "designationTable")
        layout.addWidget(self.designation_view, 1)
        return tab

    def _audit_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        anchor_row = QHBoxLayout()
        anchor_label = QLabel(self.tr("Eerder &anker (optioneel)"), tab)
        self.anchor_edit = QLineEdit(tab)
        self.anchor_edit.setPlaceholderText(self.tr("VOLGNUMMER:HASH"))
        self.anchor_edit.setAccessibleName(self.tr("Eerder anker"))
        anchor_label.setBuddy(self.anchor_edit)
        self.verify_button = QPushButton(self.tr("Audittrail &controleren"), tab)
        self.verify_button.clicked.connect(self.verify_audit)
        anchor_row.addWidget(anchor_label)
        anchor_row.addWidget(self.anchor_edit, 1)
        anchor_row.addWidget(self.verify_button)
        layout.addLayout(anchor_row)
        self.verify_result = QLabel(tab)
        self.verify_result.setObjectName("verifyResult")
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.verify_result)
        head_row = QHBoxLayout()
        head_label = QLabel(self.tr("&Kop van de keten (anker)"), tab)
        self.head_edit = QLineEdit(tab)
        self.head_edit.setReadOnly(True)
        self.head_edit.setObjectName("headAnchor")
        self.head_edit.setAccessibleName(self.tr("Kop van de keten"))
        head_label.setBuddy(self.head_edit)
        head_row.addWidget(head_label)
        head_row.addWidget(self.head_edit, 1)
        layout.addLayout(head_row)
        list_row = QHBoxLayout()
        list_row.addWidget(QLabel(self.tr("Laatste %n vermeldingen", "", AUDIT_LIMIT), tab))
        list_row.addStretch(1)
        refresh = QPushButton(self.tr("&Vernieuwen"), tab)
        refresh.clicked.connect(self.refresh_audit)
        list_row.addWidget(refresh)
        layout.addLayout(list_row)
        self.audit_view = _table(self.audit_model, tab, "auditTable")
        layout.addWidget(self.audit_view, 1)
        return tab

    def _backup_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        text = QLabel(
            self.tr(
                "Een back-up is versleuteld en controleert zichzelf bij het terugzetten. Terugzetten "  # noqa: E501 (translation key)
                "kan alleen met de herstelsleutel die bij het aanmaken van de werkplek is getoond. "
                "Bewaar de back-up op een plek die past bij de hoogste rubricering in de werkplek."
            ),
            tab,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.backup_button = QPushButton(self.tr("Back-up &maken…"), tab)
        self.backup_button.clicked.connect(self.choose_backup_file)
        layout.addLayout(_button_row(self.backup_button))
        self.backup_result = QLabel(tab)
        self.backup_result.setObjectName("backupResult")
        self.backup_result.setWordWrap(True)
        self.backup_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.backup_result)
        layout.addStretch(1)
        return tab

    def refresh_all(self) -> None:
        self.refresh_users()
        self.refresh_designations()
        self.refresh_audit()

    def refresh_users(self) -> None:
        session = self.session
        self.runner.run(lambda: users.list_users(session), self.user_model.set_rows, owner=self)

    def refresh_designations(self) -> None:
        session = self.session
        self.runner.run(
            lambda: users.list_designations(session), self.designation_model.set_rows, owner=self
        )

    def refresh_audit(self) -> None:
        session = self.session
        self.runner.run(
            lambda: audit.list_audit(session, AUDIT_LIMIT), self.audit_model.set_rows, owner=self
        )

    # --- users ------------------------------------------------------------------------------

    def open_add_user_dialog(self) -> AddUserDialog:
        dialog = AddUserDialog(self)
        dialog.submitted.connect(lambda value: self._add_user(dialog, value))
        dialog.open()
        return dialog

    def _add_user(self, dialog: AddUserDialog, new: NewUser) -> None:
        session = self.session

        def work() -> object:
            return users.add_user(
                session,
                name=new.name,
                password=new.password,
                roles=new.roles,
                full_name=new.full_name or None,
                clearance=new.clearance,
            )

        def done(_: object) -> None:
            dialog.succeed()
            self.refresh_users()
            self.refresh_audit()

        self.runner.run(work, done, dialog.fail, owner=dialog)

    def selected_user(self) -> str | None:
        rows = self.user_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.user_model.row_at(rows[0].row()).record.name

    def _on_user_selection_changed(self, *_: object) -> None:
        self.unlock_button.setEnabled(self.selected_user() is not None)

    def unlock_selected(self) -> None:
        name = self.selected_user()
        if name is None:
            return
        session = self.session

        def done(was_locked: object) -> None:
            if was_locked:
                show_info(self, self.tr("Het account van %1 is gedeblokkeerd.").replace("%1", name))
            else:
                show_info(
                    self, self.tr("Het account van %1 was niet geblokkeerd.").replace("%1", name)
                )
            self.refresh_users()
            self.refresh_audit()

        self.runner.run(lambda: users.unlock_user(session, name), done, owner=self)

    # --- designations -----------------------------------------------------------------------

    def open_add_designation_dialog(self) -> AddDesignationDialog:
        inspectors = [
            (view.record.name, view.record.full_name)
            for view in self.user_model.rows
            if may_be_designated(view.record.roles) and view.record.active
        ]
        dialog = AddDesignationDialog(inspectors, self.session.clock.today(), self)
        dialog.submitted.connect(lambda value: self._add_designation(dialog, value))
        dialog.open()
        return dialog

    def _add_designation(self, dialog: AddDesignationDialog, new: NewDesignation) -> None:
        session = self.session

        def work() -> object:
            return users.designate(
                session,
                name=new.name,
                decision_ref=new.decision_ref,
                valid_from=new.valid_from,
                valid_until=new.valid_until,
            )

        def done(_: object) -> None:
            dialog.succeed()
            self.refresh_designations()
            self.refresh_audit()

        self.runner.run(work, done, dialog.fail, owner=dialog)

    # --- audit ------------------------------------------------------------------------------

    def verify_audit(self) -> None:
        anchor = self.anchor_edit.text().strip() or None
        session = self.session
        self.verify_button.setEnabled(False)
        self.verify_result.setText(self.tr("Bezig met controleren…"))

        def failed(exc: BaseException) -> None:
            self.verify_button.setEnabled(True)
            self.verify_result.clear()
            show_error(self, exc)

        self.runner.run(
            lambda: audit.verify_audit(session, anchor), self._on_verified, failed, owner=self
        )

    def _on_verified(self, report: AuditReport) -> None:
        self.last_report = report
        self.verify_button.setEnabled(True)
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
        self.refresh_audit()

    # --- backup -----------------------------------------------------------------------------

    def choose_backup_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Back-up opslaan"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Back-up van de werkplek (*.backup)"))
        dialog.setDefaultSuffix("backup")
        dialog.selectFile(f"werkplek-{self.session.clock.today().isoformat()}.backup")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.start_backup)
        dialog.open()
        return dialog

    def start_backup(self, filename: str) -> None:
        if not filename:
            return
        session = self.session
        target = Path(filename)
        self.backup_button.setEnabled(False)
        self.backup_result.setText(self.tr("Bezig met de back-up…"))

        def done(result: dict[str, Any]) -> None:
            self.backup_button.setEnabled(True)
            self.backup_result.setText(
                self.tr("✔ Back-up gemaakt: %1 (%2 bytes).\nSHA-256: %3")
                .replace("%1", str(result["file"]))
                .replace("%2", str(result["bytes"]))
                .replace("%3", str(result["sha256"]))
            )
            self.refresh_audit()

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self.backup_result.clear()
            show_error(self, exc)

        self.runner.run(lambda: admin.make_backup(session, target), done, failed, owner=self)

    # --- lock -------------------------------------------------------------------------------

    def wipe(self) -> None:
        """The lock: drop every row and result text before the widget is deleted."""
        for model in (self.user_model, self.designation_model, self.audit_model):
            model.clear()
        for label in (self.verify_result, self.backup_result):
            label.clear()
        self.head_edit.clear()
        self.anchor_edit.clear()
        self.last_report = None
        self.calendar_page.wipe()

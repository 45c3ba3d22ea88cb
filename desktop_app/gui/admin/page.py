"""Beheer: users, designations, audit trail, backup. Everything goes through the services
(desktop_app.services.users / admin) on the background worker."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.actions import show_permission
from desktop_app.gui.admin.audit import AuditTab
from desktop_app.gui.admin.calendar import CalendarDaysPage
from desktop_app.gui.admin.retention import RetentionPage
from desktop_app.gui.admin.settings import SettingsTab
from desktop_app.gui.admin.workspace import HashRow, WorkspaceKeysBox
from desktop_app.gui.busy import run_busy
from desktop_app.gui.dialogs import (
    AddDesignationDialog,
    AddUserDialog,
    DeactivateUserDialog,
    DesignationEnd,
    EditUserDialog,
    EndDesignationDialog,
    NewDesignation,
    NewPasswordDialog,
    NewUser,
    UserEdit,
    activate_dialog,
    reset_password_dialog,
    run_on_submit,
)
from desktop_app.gui.errors import show_info
from desktop_app.gui.filedialogs import save_file_dialog
from desktop_app.gui.models import (
    DesignationHistoryModel,
    DesignationTableModel,
    UserTableModel,
)
from desktop_app.gui.pages import button_row, push_button, titled_page_layout, wrapped_label
from desktop_app.gui.tables import read_only_view
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import admin, users
from desktop_app.services.permissions import (
    AccountStep,
    DesignationStep,
    account_actions,
    designation_actions,
    may_be_designated,
)
from desktop_app.services.records import DesignationRecord
from desktop_app.services.session import Session
from desktop_app.services.users import DesignationHistory, UserView

log = logging.getLogger(__name__)

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


class AdminPage(QWidget):
    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        layout, _top = titled_page_layout(
            self, self.tr("Beheer"), margins=(28, 24, 28, 20), spacing=12
        )
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.user_model = UserTableModel(self)
        self.designation_model = DesignationTableModel(session.clock.today, self)
        self.history_model = DesignationHistoryModel(session.clock.today, self)
        self.history_user: str | None = None
        self.audit_tab = AuditTab(session, runner, self.tabs)
        # The audit tab's parts under their old names (callers and tests reach them here).
        self.audit_model = self.audit_tab.model
        self.verify_button = self.audit_tab.verify_button
        self.verify_result = self.audit_tab.verify_result
        self.anchor_edit = self.audit_tab.anchor_edit
        self.head_edit = self.audit_tab.head_edit
        self.tabs.addTab(self._users_tab(), self.tr("Gebruiker&s"))
        self.tabs.addTab(self._designations_tab(), self.tr("&Aanwijzingen"))
        self.tabs.addTab(self.audit_tab, self.tr("Audittrai&l"))
        self.tabs.addTab(self._backup_tab(), self.tr("&Back-up"))
        self.calendar_page = CalendarDaysPage(session, runner, self.tabs)
        self.tabs.addTab(
            self.calendar_page, QCoreApplication.translate("CalendarDaysPage", "&Kalender")
        )
        self.settings_tab = SettingsTab(session, runner, self.tabs)
        self.tabs.addTab(self.settings_tab, self.tr("&Instellingen"))
        self.retention_page = RetentionPage(session, runner, self.tabs)
        self.tabs.addTab(
            self.retention_page, QCoreApplication.translate("RetentionPage", "Archie&f")
        )
        self.refresh_all()

    # --- building ---------------------------------------------------------------------------

    def _users_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        self.add_user_button = push_button(
            self.tr("Gebruiker &toevoegen…"), tab, self.open_add_user_dialog
        )
        self.edit_user_button = push_button(self.tr("Wi&jzigen…"), tab, self.open_edit_user_dialog)
        self.deactivate_button = push_button(
            self.tr("Dea&ctiveren…"), tab, self.open_deactivate_dialog
        )
        self.activate_button = push_button(self.tr("Activ&eren…"), tab, self.open_activate_dialog)
        self.reset_button = push_button(
            self.tr("Wachtwoord he&rstellen…"), tab, self.open_reset_password_dialog
        )
        self.unlock_button = push_button(self.tr("Account &deblokkeren"), tab, self.unlock_selected)
        self.account_buttons = {
            AccountStep.EDIT: self.edit_user_button,
            AccountStep.DEACTIVATE: self.deactivate_button,
            AccountStep.ACTIVATE: self.activate_button,
            AccountStep.RESET_PASSWORD: self.reset_button,
            AccountStep.UNLOCK: self.unlock_button,
        }
        refresh = push_button(self.tr("Vernieuwen"), tab, self.refresh_users)
        # Two lines: seven buttons on one were cut to 'ruiker toevoeg' at 1024x700.
        layout.addLayout(button_row(self.add_user_button, spacing=8))
        layout.addLayout(button_row(*self.account_buttons.values(), refresh, spacing=8))
        self.conflict_label = wrapped_label("", tab, "conflictBanner")
        self.conflict_label.hide()
        layout.addWidget(self.conflict_label)
        self.user_view = _table(self.user_model, tab, "userTable")
        self.user_view.selectionModel().selectionChanged.connect(self._on_user_selection_changed)
        self.user_view.doubleClicked.connect(lambda _index: self.open_edit_user_dialog())
        self.user_model.modelReset.connect(self._on_users_loaded)
        layout.addWidget(self.user_view, 1)
        self._on_user_selection_changed()
        return tab

    def _designations_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        intro = wrapped_label(
            self.tr(
                "IND-inzagemedewerkers mogen alleen inzien met een geldige "
                "aanwijzing door de Hoofddirecteur IND."
            ),
            tab,
        )
        layout.addWidget(intro)
        self.add_designation_button = push_button(
            self.tr("Aanwijzing &vastleggen…"), tab, self.open_add_designation_dialog
        )
        self.end_designation_button = push_button(
            self.tr("Ee&rder beëindigen…"), tab, self.open_end_designation_dialog
        )
        self.revoke_designation_button = push_button(
            self.tr("In&trekken…"), tab, lambda: self.open_end_designation_dialog(revoke=True)
        )
        refresh = push_button(self.tr("Vernieuwen"), tab, self.refresh_designations)
        layout.addLayout(
            button_row(
                self.add_designation_button,
                self.end_designation_button,
                self.revoke_designation_button,
                refresh,
                spacing=8,
            )
        )
        self.designation_view = _table(self.designation_model, tab, "designationTable")
        self.designation_view.selectionModel().selectionChanged.connect(
            self._on_designation_selection_changed
        )
        self.designation_model.modelReset.connect(self._on_designation_selection_changed)
        layout.addWidget(self.designation_view, 1)
        self.history_label = QLabel(
            self.tr("Kies een aanwijzing om de geschiedenis van de medewerker te zien."), tab
        )
        self.history_label.setObjectName("historyLabel")
        layout.addWidget(self.history_label)
        self.history_view = _table(self.history_model, tab, "designationHistoryTable")
        layout.addWidget(self.history_view, 1)
        self._on_designation_selection_changed()
        return tab

    def _backup_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        # Short: the recovery key's part is told where it matters (Nieuwe herstelsleutel…).
        text = wrapped_label(
            self.tr(
                "Een back-up is versleuteld en controleert zichzelf bij het terugzetten. "
                "Bewaar hem op een plek die past bij de hoogste rubricering in de werkplek."
            ),
            tab,
        )
        layout.addWidget(text)
        key_hint = wrapped_label(
            self.tr(
                "Terugzetten kan alleen met de herstelsleutel die gold toen de back-up werd "
                "gemaakt: bewaar na een nieuwe herstelsleutel ook de vorige, zolang er back-ups "
                "van toen zijn."
            ),
            tab,
            "hintLabel",
        )
        layout.addWidget(key_hint)
        layout.addSpacing(4)
        self.backup_button = push_button(self.tr("Back-up &maken…"), tab, self.choose_backup_file)
        layout.addLayout(button_row(self.backup_button, spacing=8))
        self.backup_result = wrapped_label("", tab, "backupResult", selectable=True)
        layout.addWidget(self.backup_result)
        self.backup_hash = HashRow("backupHash", tab)
        layout.addWidget(self.backup_hash)
        self.keys_box = WorkspaceKeysBox(self.session, self.runner, tab)
        layout.addWidget(self.keys_box)
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
        self.audit_tab.refresh_all()

    # --- users ------------------------------------------------------------------------------

    def open_add_user_dialog(self) -> AddUserDialog:
        dialog = AddUserDialog(self)
        session = self.session

        def work(new: NewUser) -> object:
            return users.add_user(
                session,
                name=new.name,
                password=new.password,
                roles=new.roles,
                full_name=new.full_name or None,
                clearance=new.clearance,
            )

        def done(_: object) -> None:
            self.refresh_users()
            self.refresh_audit()

        run_on_submit(dialog, self.runner, work, done)
        return dialog

    def selected_view(self) -> UserView | None:
        return self.user_model.selected_in(self.user_view)

    def selected_user(self) -> str | None:
        view = self.selected_view()
        return None if view is None else view.record.name

    def _on_user_selection_changed(self, *_: object) -> None:
        view = self.selected_view()
        if view is None:
            for button in self.account_buttons.values():
                button.setEnabled(False)
                button.setToolTip(self.tr("Kies eerst een gebruiker."))
            self.deactivate_button.show()
            self.activate_button.hide()
            return
        for step, permission in account_actions(self.session, view).items():
            show_permission(self.account_buttons[step], permission)
        # One of the two at a time: the other is never of use for this account.
        active = view.record.active
        self.deactivate_button.setVisible(active)
        self.activate_button.setVisible(not active)

    def _on_users_loaded(self) -> None:
        conflicts = [v for v in self.user_model.rows if v.conflict is not None]
        if conflicts:
            names = ", ".join(f"{v.record.full_name} ({v.record.name})" for v in conflicts)
            self.conflict_label.setText(
                self.tr(
                    "⚠ Rollen die niet samen mogen: %1. %2 Kies bij Wijzigen rollen van één "
                    "dienst; niets wordt vanzelf aangepast."
                )
                .replace("%1", names)
                .replace("%2", conflicts[0].conflict or "")
            )
        self.conflict_label.setVisible(bool(conflicts))
        self._on_user_selection_changed()

    def _select_user(self, name: str) -> None:
        for row, view in enumerate(self.user_model.rows):
            if view.record.name == name:
                self.user_view.selectRow(row)
                return

    def _after_user_change(self, name: str) -> None:
        session = self.session

        def loaded(rows: list[UserView]) -> None:
            self.user_model.set_rows(rows)
            self._select_user(name)

        self.runner.run(lambda: users.list_users(session), loaded, owner=self)
        self.refresh_audit()

    def open_edit_user_dialog(self) -> EditUserDialog | None:
        view = self.selected_view()
        if view is None:
            return None
        r = view.record
        dialog = EditUserDialog(r.name, r.full_name, r.roles, r.clearance, view.conflict, self)
        dialog.draft_object = int(r.id)  # its draft is this account's
        dialog.submitted.connect(lambda value: self._edit_user(dialog, value))
        dialog.open()
        return dialog

    def _edit_user(self, dialog: EditUserDialog, edit: UserEdit) -> None:
        session = self.session

        def work() -> object:
            return users.edit_user(
                session,
                edit.name,
                full_name=edit.full_name,
                roles=edit.roles,
                clearance=edit.clearance,
            )

        def done(_: object) -> None:
            dialog.succeed()
            self._after_user_change(edit.name)
            self.refresh_designations()

        self.runner.run(work, done, dialog.fail, owner=dialog)

    def open_deactivate_dialog(self) -> DeactivateUserDialog | None:
        view = self.selected_view()
        if view is None:
            return None
        dialog = DeactivateUserDialog(view.record.name, view.record.full_name, self)
        session = self.session

        name = view.record.name
        run_on_submit(
            dialog,
            self.runner,
            lambda _: users.deactivate_user(session, name),
            lambda _: self._after_user_change(name),
        )
        return dialog

    def _open_password_dialog(self, make: Any, use_case: Any) -> NewPasswordDialog | None:
        name = self.selected_user()
        if name is None:
            return None
        dialog: NewPasswordDialog = make(name, self)
        session = self.session

        run_on_submit(
            dialog,
            self.runner,
            lambda password: use_case(session, name, password),
            lambda _: self._after_user_change(name),
        )
        return dialog

    def open_reset_password_dialog(self) -> NewPasswordDialog | None:
        return self._open_password_dialog(reset_password_dialog, users.reset_password)

    def open_activate_dialog(self) -> NewPasswordDialog | None:
        return self._open_password_dialog(activate_dialog, users.activate_user)

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
            self._after_user_change(name)

        self.runner.run(lambda: users.unlock_user(session, name), done, owner=self)

    # --- designations -----------------------------------------------------------------------

    def open_add_designation_dialog(self) -> AddDesignationDialog:
        inspectors = [
            (view.record.name, view.record.full_name)
            for view in self.user_model.rows
            if may_be_designated(view.record.roles) and view.record.active
        ]
        dialog = AddDesignationDialog(inspectors, self.session.clock.today(), self)
        session = self.session

        def work(new: NewDesignation) -> object:
            return users.designate(
                session,
                name=new.name,
                decision_ref=new.decision_ref,
                valid_from=new.valid_from,
                valid_until=new.valid_until,
            )

        def done(_: object) -> None:
            self.refresh_designations()
            self.refresh_audit()

        run_on_submit(dialog, self.runner, work, done)
        return dialog

    def selected_designation(self) -> DesignationRecord | None:
        return self.designation_model.selected_in(self.designation_view)

    def _on_designation_selection_changed(self, *_: object) -> None:
        d = self.selected_designation()
        buttons = {
            DesignationStep.END: self.end_designation_button,
            DesignationStep.REVOKE: self.revoke_designation_button,
        }
        if d is None:
            for button in buttons.values():
                button.setEnabled(False)
                button.setToolTip(self.tr("Kies eerst een aanwijzing."))
            return
        for step, permission in designation_actions(d, self.session.clock.today()).items():
            show_permission(buttons[step], permission)
        if d.user_name != self.history_user:
            self.load_history(d.user_name)

    def load_history(self, name: str) -> None:
        session = self.session
        self.history_user = name

        def done(rows: list[DesignationHistory]) -> None:
            self.history_model.set_rows(rows)
            self.history_label.setText(
                self.tr("Geschiedenis van de aanwijzingen van %1").replace("%1", name)
            )

        self.runner.run(lambda: users.designation_history(session, name), done, owner=self)

    def open_end_designation_dialog(self, *, revoke: bool = False) -> EndDesignationDialog | None:
        d = self.selected_designation()
        if d is None:
            return None
        dialog = EndDesignationDialog(
            d.user_name,
            int(d.id),
            d.decision_ref,
            self.session.clock.today(),
            revoke=revoke,
            parent=self,
        )
        dialog.submitted.connect(lambda value: self._end_designation(dialog, value))
        dialog.open()
        return dialog

    def _end_designation(self, dialog: EndDesignationDialog, end: DesignationEnd) -> None:
        session = self.session

        def work() -> object:
            if end.revoke:
                return users.revoke_designation(
                    session,
                    end.name,
                    decision_ref=end.decision_ref,
                    designation_id=end.designation_id,
                )
            return users.end_designation(
                session,
                end.name,
                decision_ref=end.decision_ref,
                until=end.until,
                designation_id=end.designation_id,
            )

        def done(_: object) -> None:
            dialog.succeed()
            self.history_user = None
            self.refresh_designations()
            self.load_history(end.name)
            self.refresh_audit()

        self.runner.run(work, done, dialog.fail, owner=dialog)

    # --- backup -----------------------------------------------------------------------------

    def choose_backup_file(self) -> QFileDialog:
        return save_file_dialog(
            self,
            self.tr("Back-up opslaan"),
            self.tr("Back-up van de werkplek (*.backup)"),
            "backup",
            f"werkplek-{self.session.clock.today().isoformat()}.backup",
            self.start_backup,
        )

    def start_backup(self, filename: str) -> None:
        if not filename:
            return
        session = self.session
        target = Path(filename)
        self.backup_hash.clear()

        def done(result: dict[str, Any]) -> None:
            self.backup_result.setText(
                self.tr("✔ Back-up gemaakt: %1 (%2).")
                .replace("%1", str(result["file"]))
                .replace(
                    "%2",
                    QLocale().formattedDataSize(
                        int(result["bytes"]), 1, QLocale.DataSizeFormat.DataSizeSIFormat
                    ),
                )
            )
            self.backup_hash.show_hash(str(result["sha256"]))
            self.refresh_audit()

        run_busy(
            self,
            self.runner,
            self.backup_button,
            self.backup_result,
            self.tr("Bezig met de back-up…"),
            lambda: admin.make_backup(session, target),
            done,
        )

    # --- lock -------------------------------------------------------------------------------

    def wipe(self) -> None:
        """The lock: drop every row and result text before the widget is deleted."""
        for model in (
            self.user_model,
            self.designation_model,
            self.history_model,
        ):
            model.clear()
        self.conflict_label.clear()
        self.history_user = None
        self.backup_result.clear()
        self.backup_hash.clear()
        self.keys_box.wipe()
        self.audit_tab.wipe()
        self.calendar_page.wipe()
        self.retention_page.wipe()

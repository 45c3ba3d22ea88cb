"""Form dialogs: add user, add designation, change password.

A dialog only collects input. On OK it emits ``submitted`` with a frozen value; the page runs
the service in the background and calls ``succeed()`` or ``fail(exc)``. The rules live in the
services: the dialogs check only what the form itself asks (the password typed twice).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.classification import Classification
from desktop_app.domain.roles import Role
from desktop_app.gui.errors import message_for
from desktop_app.gui.labels import ROLE_ORDER, clearance_label, role_label


class FormDialog(QDialog):
    """A form, an error line, a busy line and OK/Cancel; Enter submits, Escape cancels."""

    submitted = Signal(object)

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        layout.addLayout(self.form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.busy_bar.hide()
        layout.addWidget(self.busy_bar)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setText(ok_text)
        cancel.setText(self.tr("Annuleren"))
        for button in (self.ok_button, cancel):
            button.setIcon(QIcon())  # some styles add stock icons; the words are enough
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def add_row(self, label: str, field: QWidget) -> QLabel:
        caption = QLabel(label, self)
        caption.setBuddy(field)
        field.setAccessibleName(label.replace("&", ""))
        self.form.addRow(caption, field)
        return caption

    def _on_ok(self) -> None:
        if self.busy_bar.isVisible():
            return
        try:
            value = self.value()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.set_busy(True)
        self.submitted.emit(value)

    def value(self) -> object:
        """The form's input; raise ValueError with a sentence when the form is incomplete."""
        raise NotImplementedError

    def set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.ok_button.setEnabled(not busy)
        if busy:
            self.error_label.hide()

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error_label.setText("⚠ " + message)
        self.error_label.setAccessibleDescription(message)
        self.error_label.show()

    def fail(self, exc: BaseException) -> None:
        self.show_error(message_for(exc))

    def succeed(self) -> None:
        self.set_busy(False)
        self.accept()


def _password_field(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


@dataclass(frozen=True)
class NewUser:
    name: str
    full_name: str
    roles: frozenset[Role]
    clearance: Classification
    password: str


class AddUserDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Gebruiker toevoegen"), self.tr("&Toevoegen"), parent)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(64)
        self.name_edit.setPlaceholderText(self.tr("bijvoorbeeld j.jansen"))
        self.add_row(self.tr("&Gebruikersnaam"), self.name_edit)
        self.full_name_edit = QLineEdit(self)
        self.full_name_edit.setMaxLength(200)
        self.add_row(self.tr("&Volledige naam"), self.full_name_edit)
        roles_box = QGroupBox(self.tr("Rollen"), self)
        roles_layout = QVBoxLayout(roles_box)
        self.role_checks: dict[Role, QCheckBox] = {}
        for role in ROLE_ORDER:
            check = QCheckBox(role_label(role), roles_box)
            roles_layout.addWidget(check)
            self.role_checks[role] = check
        self.form.addRow(roles_box)
        self.clearance_combo = QComboBox(self)
        for level in Classification:
            self.clearance_combo.addItem(clearance_label(level), level)
        self.add_row(self.tr("&Bevoegd tot en met"), self.clearance_combo)
        self.password_edit = _password_field(self)
        self.add_row(self.tr("&Wachtwoord"), self.password_edit)
        self.repeat_edit = _password_field(self)
        self.add_row(self.tr("Wachtwoord &herhalen"), self.repeat_edit)
        hint = QLabel(self.tr("Ten minste 10 tekens. Geef het wachtwoord persoonlijk door."), self)
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.setMinimumWidth(440)
        self.name_edit.setFocus()

    def value(self) -> NewUser:
        if self.password_edit.text() != self.repeat_edit.text():
            raise ValueError(self.tr("De twee wachtwoorden zijn niet gelijk."))
        roles = frozenset(r for r, check in self.role_checks.items() if check.isChecked())
        return NewUser(
            name=self.name_edit.text().strip(),
            full_name=self.full_name_edit.text().strip(),
            roles=roles,
            clearance=Classification(self.clearance_combo.currentData()),
            password=self.password_edit.text(),
        )


@dataclass(frozen=True)
class NewDesignation:
    name: str
    decision_ref: str
    valid_from: dt.date
    valid_until: dt.date | None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class AddDesignationDialog(FormDialog):
    def __init__(
        self, inspectors: list[tuple[str, str]], today: dt.date, parent: QWidget | None = None
    ) -> None:
        """``inspectors``: (name, full name) of the users with the role IND-inzagemedewerker."""
        super().__init__(self.tr("Aanwijzing vastleggen"), self.tr("&Vastleggen"), parent)
        intro = QLabel(
            self.tr(
                "Leg een aanwijzing door de Hoofddirecteur IND vast (art. 2.5 van het convenant)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.user_combo = QComboBox(self)
        for name, full_name in inspectors:
            self.user_combo.addItem(f"{full_name} ({name})", name)
        self.add_row(self.tr("&Medewerker"), self.user_combo)
        self.decision_edit = QLineEdit(self)
        self.decision_edit.setMaxLength(100)
        self.decision_edit.setPlaceholderText(self.tr("bijvoorbeeld HDIND-2026/0042"))
        self.add_row(self.tr("&Kenmerk besluit"), self.decision_edit)
        self.from_edit = QDateEdit(_qdate(today), self)
        self.from_edit.setCalendarPopup(True)
        self.from_edit.setDisplayFormat("yyyy-MM-dd")
        self.add_row(self.tr("Geldig &vanaf"), self.from_edit)
        self.has_until = QCheckBox(self.tr("Met &einddatum"), self)
        self.form.addRow("", self.has_until)
        self.until_edit = QDateEdit(_qdate(today + dt.timedelta(days=365)), self)
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("yyyy-MM-dd")
        self.until_edit.setEnabled(False)
        self.has_until.toggled.connect(self.until_edit.setEnabled)
        self.add_row(self.tr("Geldig &tot en met"), self.until_edit)
        if not inspectors:
            self.show_error(self.tr("Er is nog geen gebruiker met de rol IND-inzagemedewerker."))
            self.ok_button.setEnabled(False)
        self.setMinimumWidth(440)

    def value(self) -> NewDesignation:
        name = self.user_combo.currentData()
        if not name:
            raise ValueError(self.tr("Kies een medewerker."))
        return NewDesignation(
            name=str(name),
            decision_ref=self.decision_edit.text(),
            valid_from=_pydate(self.from_edit.date()),
            valid_until=_pydate(self.until_edit.date()) if self.has_until.isChecked() else None,
        )


@dataclass(frozen=True)
class PasswordChange:
    current: str
    new: str


class ChangePasswordDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Wachtwoord wijzigen"), self.tr("&Wijzigen"), parent)
        self.current_edit = _password_field(self)
        self.add_row(self.tr("&Huidig wachtwoord"), self.current_edit)
        self.new_edit = _password_field(self)
        self.add_row(self.tr("&Nieuw wachtwoord"), self.new_edit)
        self.repeat_edit = _password_field(self)
        self.add_row(self.tr("Nieuw wachtwoord h&erhalen"), self.repeat_edit)
        hint = QLabel(self.tr("Ten minste 10 tekens, niet gelijk aan uw naam."), self)
        hint.setObjectName("hintLabel")
        self.form.addRow(hint)
        self.setMinimumWidth(420)
        self.current_edit.setFocus()

    def value(self) -> PasswordChange:
        if self.new_edit.text() != self.repeat_edit.text():
            raise ValueError(self.tr("De twee nieuwe wachtwoorden zijn niet gelijk."))
        return PasswordChange(self.current_edit.text(), self.new_edit.text())

    def succeed(self) -> None:
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        super().succeed()

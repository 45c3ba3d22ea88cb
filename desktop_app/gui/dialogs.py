"""Form dialogs: add and edit a user, deactivate, a new (initial) password, add, end or revoke a
designation, change password.

A dialog only collects input. On OK it emits ``submitted`` with a frozen value; the page runs
the service in the background and calls ``succeed()`` or ``fail(exc)``. The rules live in the
services: the dialogs check only what the form itself asks (the password typed twice).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIcon, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import password_rules
from desktop_app.domain.classification import Classification
from desktop_app.domain.roles import Role
from desktop_app.gui.dates import date_edit, pydate, qdate
from desktop_app.gui.drafts import (
    DialogDrafts,
    DialogKey,
    Opened,
    cannot_reopen,
    reopen_on_page,
)
from desktop_app.gui.errors import message_for
from desktop_app.gui.labels import ROLE_ORDER, clearance_label, role_label
from desktop_app.gui.pages import wrapped_label

if TYPE_CHECKING:
    from desktop_app.gui.tasks import TaskRunner

T = TypeVar("T")

# The most lines of an error sentence shown at once; a longer one scrolls in its area.
ERROR_LINES = 6


class FormDialog(DialogDrafts, QDialog):
    """A form, an error line, a busy line and OK/Cancel; Enter submits, Escape cancels.

    ``irreversible``: the step cannot be undone (issuing, ending an inspection, deactivating),
    so Enter must not take it: Cancel is the default button and OK is pressed on purpose
    (click or its mnemonic). Whichever is the default stays so after a refusal (issue 12)."""

    submitted = Signal(object)

    def __init__(
        self,
        title: str,
        ok_text: str,
        parent: QWidget | None = None,
        *,
        irreversible: bool = False,
    ) -> None:
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
        # The error line scrolls in an area of at most ERROR_LINES lines: a long sentence
        # grew the dialog past a 700 px high screen, its buttons out of reach (QA, 1024x700).
        self.error_area = QScrollArea(self)
        self.error_area.setObjectName("errorArea")
        self.error_area.setFrameShape(QFrame.Shape.NoFrame)
        self.error_area.setWidgetResizable(True)
        self.error_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.error_label = wrapped_label("", self, "errorLabel")
        self.error_area.setWidget(self.error_label)
        self.error_label.hide()
        self.error_area.hide()
        self.error_label.installEventFilter(self)  # hidden from outside (drafts): the area too
        layout.addWidget(self.error_area)
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
        self.irreversible = irreversible
        self.cancel_button = cancel
        self.default_button = cancel if irreversible else self.ok_button
        if irreversible:
            self.ok_button.setAutoDefault(False)
        self.default_button.setDefault(True)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        self._buttons_last_in_tab_order()
        super().showEvent(event)
        self._fit_to_screen()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_error_area()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.error_label and event.type() == QEvent.Type.Hide:
            self.error_area.hide()
        return super().eventFilter(watched, event)

    def _buttons_last_in_tab_order(self) -> None:
        """Tab follows the visual order (issue 12): the fields as the form shows them, then the
        buttons left to right. A subclass builds its fields after this base made the buttons,
        which would otherwise put the buttons first, or in the middle."""
        buttons = sorted(
            (b for b in self.buttons.buttons() if b.isVisibleTo(self)), key=lambda b: b.x()
        )
        if not buttons:
            return
        fields: list[QWidget] = []
        widget = buttons[-1].nextInFocusChain()
        while widget is not None and widget is not buttons[-1] and len(fields) < 500:
            if (
                widget.window() is self
                and widget not in buttons
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                # The line edit inside a date field or an editable combo is the field itself.
                and not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
            ):
                fields.append(widget)
            widget = widget.nextInFocusChain()

        def where(w: QWidget) -> tuple[int, int]:
            point = w.mapTo(self, w.rect().topLeft())
            return point.y(), point.x()

        order = [*sorted(fields, key=where), *buttons]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def add_text(self, text: str, name: str = "") -> QLabel:
        """A wrapped line of explanation across the form; ``name`` is its object name."""
        label = wrapped_label(text, self, name)
        self.form.addRow(label)
        return label

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
        else:
            # A disabled default hands its role to another button; take it back.
            self.default_button.setDefault(True)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error_label.setText("⚠ " + message)
        self.error_label.setAccessibleDescription(message)
        self.error_area.show()  # first: the label's Show event is what a sign-out waits for
        self.error_label.show()
        self._fit_to_screen()

    def _fit_error_area(self) -> None:
        """The error area as high as the sentence wrapped to the dialog's width, at most
        ERROR_LINES lines; a longer one scrolls (read to the end, or by a screen reader)."""
        if not self.error_area.isVisibleTo(self):
            return
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        label = self.error_label
        cap = label.fontMetrics().lineSpacing() * ERROR_LINES + label.contentsMargins().top() * 2
        need = label.heightForWidth(width)
        if need > cap:  # the scroll bar takes its width from the text
            need = label.heightForWidth(
                width - self.error_area.verticalScrollBar().sizeHint().width()
            )
        self.error_area.setFixedHeight(max(1, min(need, cap)))

    def _fit_to_screen(self) -> None:
        """Room for the error sentence instead of squeezing the form (seen under Xvfb), but
        never past the screen: at 1024x700 the buttons stay within reach."""
        self._fit_error_area()
        layout = self.layout()
        assert layout is not None
        layout.activate()
        if layout.hasHeightForWidth():
            need = layout.totalHeightForWidth(self.width())
        else:
            need = layout.totalSizeHint().height()
        height = max(self.height(), need)
        screen = self.screen()
        if screen is not None:
            frame = self.frameGeometry().height() - self.geometry().height()
            height = min(height, screen.availableGeometry().height() - frame)
        if height != self.height():
            self.resize(self.width(), height)

    def fail(self, exc: BaseException) -> None:
        self.show_error(message_for(exc))

    def succeed(self) -> None:
        self.set_busy(False)
        self.accept()


def run_on_submit(
    dialog: FormDialog,
    runner: TaskRunner,
    work: Callable[[Any], T],
    done: Callable[[T], None],
) -> None:
    """Open ``dialog``; what it submits goes to ``work`` on the background runner. The dialog
    closes before ``done`` gets the result; a refusal stays in the dialog as its error line."""

    def submitted(value: object) -> None:
        def finished(result: T) -> None:
            dialog.succeed()
            done(result)

        runner.run(lambda: work(value), finished, dialog.fail, owner=dialog)

    dialog.submitted.connect(submitted)
    dialog.open()


def ask_to_confirm(
    parent: QWidget,
    title: str,
    question: str,
    yes_text: str,
    name: str,
    on_yes: Callable[[], None],
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """A question before a step: ``yes_text`` takes it (``on_yes``), Annuleren is the default
    button, so Enter or Escape leaves everything as it was. Window-modal and returning at once
    (``open()``), so a lock can tear it down with its parent; ``name``: its object name."""
    answers = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(icon, title, question, answers, parent)
    box.setObjectName(name)
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes = box.button(QMessageBox.StandardButton.Yes)
    yes.setText(yes_text)
    no = box.button(QMessageBox.StandardButton.No)
    no.setText(QCoreApplication.translate("ask_to_confirm", "&Annuleren"))
    for button in (yes, no):
        button.setIcon(QIcon())  # as in FormDialog: some styles add stock icons; words suffice
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: on_yes() if button is yes else None)
    box.open()
    return box


def _reopen_on_admin(window: Any, opened: Opened, open_on: Callable[[Any], QDialog | str]) -> None:
    """The Beheer page with its lists loaded afresh, then ``open_on(page)`` opens the dialog
    (or says why it cannot)."""
    from desktop_app.gui.admin.page import AdminPage
    from desktop_app.services import users

    page = window.show_section("admin")
    assert isinstance(page, AdminPage)
    session = page.session

    def loaded(lists: tuple[Any, Any]) -> None:
        page.user_model.set_rows(lists[0])
        page.designation_model.set_rows(lists[1])
        opened(open_on(page))

    page.runner.run(
        lambda: (users.list_users(session), users.list_designations(session)),
        loaded,
        lambda exc: opened(cannot_reopen(message_for(exc))),
        owner=page,
    )


def _reselect_and_open(
    object_id: int | None,
    row_ids: list[int],
    view: QTableView,
    gone: str,
    button: QPushButton,
    open_dialog: Callable[[], QDialog | None],
) -> QDialog | str:
    """A kept dialog's row selected again in ``view``, then its dialog opened as ``button``
    would; else why not: ``gone`` when the row is no longer there, the button's tooltip when
    the step is no longer this person's."""
    if object_id not in row_ids:
        return cannot_reopen(gone)
    view.selectRow(row_ids.index(object_id))
    if not button.isEnabled():
        return cannot_reopen(button.toolTip())
    dialog = open_dialog()
    return dialog if dialog is not None else cannot_reopen("")


def _password_field(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _rules_hint(parent: QWidget, extra: str = "") -> QLabel:
    """The password rules as the domain states them (one text for every dialog and the CLI)."""
    hint = wrapped_label(" ".join(t for t in (password_rules(), extra) if t), parent, "hintLabel")
    return hint


def _role_checks(dialog: FormDialog, held: frozenset[Role] = frozenset()) -> dict[Role, QCheckBox]:
    roles_box = QGroupBox(QCoreApplication.translate("AddUserDialog", "Rollen"), dialog)
    roles_layout = QVBoxLayout(roles_box)
    checks: dict[Role, QCheckBox] = {}
    for role in ROLE_ORDER:
        check = QCheckBox(role_label(role), roles_box)
        check.setChecked(role in held)
        roles_layout.addWidget(check)
        checks[role] = check
    dialog.form.addRow(roles_box)
    return checks


def _clearance_combo(parent: QWidget, current: Classification) -> QComboBox:
    combo = QComboBox(parent)
    for level in Classification:
        combo.addItem(clearance_label(level), level)
    combo.setCurrentIndex(combo.findData(current))
    return combo


@dataclass(frozen=True)
class NewUser:
    name: str
    full_name: str
    roles: frozenset[Role]
    clearance: Classification
    password: str


class AddUserDialog(FormDialog):
    draft_name = "add-user"
    reopen = reopen_on_page("admin", "open_add_user_dialog")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Gebruiker toevoegen"), self.tr("&Toevoegen"), parent)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(64)
        self.name_edit.setPlaceholderText(self.tr("bijvoorbeeld j.jansen"))
        self.add_row(self.tr("&Gebruikersnaam"), self.name_edit)
        self.full_name_edit = QLineEdit(self)
        self.full_name_edit.setMaxLength(200)
        self.add_row(self.tr("&Volledige naam"), self.full_name_edit)
        self.role_checks = _role_checks(self)
        self.clearance_combo = _clearance_combo(self, Classification.ONGERUBRICEERD)
        self.add_row(self.tr("&Bevoegd tot en met"), self.clearance_combo)
        self.password_edit = _password_field(self)
        self.add_row(self.tr("&Wachtwoord"), self.password_edit)
        self.repeat_edit = _password_field(self)
        self.add_row(self.tr("Wachtwoord &herhalen"), self.repeat_edit)
        self.form.addRow(
            _rules_hint(
                self,
                self.tr(
                    "Geef het wachtwoord persoonlijk door: bij de eerste aanmelding kiest de "
                    "gebruiker een eigen wachtwoord."
                ),
            )
        )
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
class UserEdit:
    name: str
    full_name: str
    roles: frozenset[Role]
    clearance: Classification


class EditUserDialog(FormDialog):
    """Full name, roles and clearance of one account. ``conflict``: why its stored roles break
    the separation rules (an account from before them); saving must resolve it."""

    draft_name = "edit-user"  # draft_object: the account's id (set by the page)

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        def edit(page: Any) -> QDialog | str:
            return _reselect_and_open(
                key.object_id,
                [v.record.id for v in page.user_model.rows],
                page.user_view,
                QCoreApplication.translate("EditUserDialog", "Dit account bestaat niet meer."),
                page.edit_user_button,
                page.open_edit_user_dialog,
            )

        _reopen_on_admin(window, opened, edit)

    def __init__(
        self,
        name: str,
        full_name: str,
        roles: frozenset[Role],
        clearance: Classification,
        conflict: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Gebruiker %1 wijzigen").replace("%1", name), self.tr("&Opslaan"), parent
        )
        self.name = name
        name_label = QLabel(name, self)
        name_label.setObjectName("userName")
        self.add_row(self.tr("Gebruikersnaam"), name_label)
        self.full_name_edit = QLineEdit(full_name, self)
        self.full_name_edit.setMaxLength(200)
        self.add_row(self.tr("&Volledige naam"), self.full_name_edit)
        self.conflict_label = wrapped_label("", self, "conflictLabel")
        if conflict:
            self.conflict_label.setText(
                self.tr(
                    "⚠ De huidige rollen mogen niet samen: %1 Kies rollen van één dienst."
                ).replace("%1", conflict)
            )
            self.form.addRow(self.conflict_label)
        else:
            self.conflict_label.hide()
        self.role_checks = _role_checks(self, roles)
        self.clearance_combo = _clearance_combo(self, clearance)
        self.add_row(self.tr("&Bevoegd tot en met"), self.clearance_combo)
        self.setMinimumWidth(460)
        self.full_name_edit.setFocus()

    def value(self) -> UserEdit:
        return UserEdit(
            name=self.name,
            full_name=self.full_name_edit.text(),
            roles=frozenset(r for r, check in self.role_checks.items() if check.isChecked()),
            clearance=Classification(self.clearance_combo.currentData()),
        )


class DeactivateUserDialog(FormDialog):
    """The confirmation: what deactivating does and does not do."""

    def __init__(self, name: str, full_name: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Gebruiker deactiveren"), self.tr("&Deactiveren"), parent, irreversible=True
        )
        self.name = name
        self.add_text(
            self.tr(
                "%1 (%2) kan zich daarna niet meer aanmelden; het wachtwoord opent de werkplek "
                "niet meer. Het account blijft bestaan: de audittrail en de geschiedenis van de "
                "ambtsberichten verwijzen ernaar. Later weer activeren kan, met een nieuw "
                "beginwachtwoord."
            )
            .replace("%1", full_name)
            .replace("%2", name)
        )
        self.setMinimumWidth(440)
        # Enter must not deactivate by accident: the default is to keep the account.

    def value(self) -> str:
        return self.name


class NewPasswordDialog(FormDialog):
    """A new password typed twice, with the rules: an administrator's reset or re-activation
    (an initial password), or the user's own at the first sign-in."""

    def __init__(
        self, title: str, ok_text: str, intro: str, note: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(title, ok_text, parent)
        self.add_text(intro, "introLabel")
        self.new_edit = _password_field(self)
        self.add_row(self.tr("&Nieuw wachtwoord"), self.new_edit)
        self.repeat_edit = _password_field(self)
        self.add_row(self.tr("Nieuw wachtwoord h&erhalen"), self.repeat_edit)
        self.form.addRow(_rules_hint(self, note))
        self.setMinimumWidth(460)
        self.new_edit.setFocus()

    def value(self) -> str:
        if not self.new_edit.text():
            raise ValueError(self.tr("Vul een nieuw wachtwoord in."))
        if self.new_edit.text() != self.repeat_edit.text():
            raise ValueError(self.tr("De twee nieuwe wachtwoorden zijn niet gelijk."))
        return self.new_edit.text()

    def succeed(self) -> None:
        for edit in (self.new_edit, self.repeat_edit):
            edit.clear()
        super().succeed()


def reset_password_dialog(name: str, parent: QWidget | None = None) -> NewPasswordDialog:
    return NewPasswordDialog(
        QCoreApplication.translate("NewPasswordDialog", "Wachtwoord opnieuw instellen"),
        QCoreApplication.translate("NewPasswordDialog", "&Instellen"),
        QCoreApplication.translate(
            "NewPasswordDialog",
            "Een nieuw beginwachtwoord voor %1. Bij de volgende aanmelding in het venster kiest "
            "%1 zelf een nieuw wachtwoord.",
        ).replace("%1", name),
        QCoreApplication.translate("NewPasswordDialog", "Geef het wachtwoord persoonlijk door."),
        parent,
    )


def activate_dialog(name: str, parent: QWidget | None = None) -> NewPasswordDialog:
    return NewPasswordDialog(
        QCoreApplication.translate("NewPasswordDialog", "Gebruiker activeren"),
        QCoreApplication.translate("NewPasswordDialog", "&Activeren"),
        QCoreApplication.translate(
            "NewPasswordDialog",
            "%1 kan zich weer aanmelden met een nieuw beginwachtwoord; het oude werkt niet meer.",
        ).replace("%1", name),
        QCoreApplication.translate("NewPasswordDialog", "Geef het wachtwoord persoonlijk door."),
        parent,
    )


def first_password_dialog(name: str, parent: QWidget | None = None) -> NewPasswordDialog:
    dialog = NewPasswordDialog(
        QCoreApplication.translate("NewPasswordDialog", "Kies een eigen wachtwoord"),
        QCoreApplication.translate("NewPasswordDialog", "&Wachtwoord instellen"),
        QCoreApplication.translate(
            "NewPasswordDialog",
            "Welkom, %1. U hebt zich aangemeld met een wachtwoord dat de functioneel beheerder "
            "koos. Kies nu een eigen wachtwoord; pas daarna opent de werkplek.",
        ).replace("%1", name),
        parent=parent,
    )
    dialog.setObjectName("firstPasswordDialog")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("NewPasswordDialog", "Afmelden")
    )
    return dialog


@dataclass(frozen=True)
class DesignationEnd:
    name: str
    designation_id: int
    decision_ref: str
    until: dt.date | None  # None: revoke at once
    revoke: bool


class EndDesignationDialog(FormDialog):
    """End a designation early (a last day, today or later) or revoke it at once; either way
    with the reference of the Hoofddirecteur's decision."""

    draft_name = "end-designation"  # draft_object: the designation's id
    draft_aliases = ("revoke-designation",)

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        revoke = key.name == "revoke-designation"

        def end(page: Any) -> QDialog | str:
            return _reselect_and_open(
                key.object_id,
                [int(d.id) for d in page.designation_model.rows],
                page.designation_view,
                QCoreApplication.translate(
                    "EndDesignationDialog", "Deze aanwijzing bestaat niet meer."
                ),
                page.revoke_designation_button if revoke else page.end_designation_button,
                lambda: page.open_end_designation_dialog(revoke=revoke),
            )

        _reopen_on_admin(window, opened, end)

    def __init__(
        self,
        name: str,
        designation_id: int,
        decision_ref: str,
        today: dt.date,
        *,
        revoke: bool,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Aanwijzing intrekken") if revoke else self.tr("Aanwijzing beëindigen")
        ok = self.tr("&Intrekken") if revoke else self.tr("&Beëindigen")
        super().__init__(title, ok, parent)
        self.name = name
        self.designation_id = designation_id
        self.revoke = revoke
        self.draft_object = designation_id
        if revoke:
            self.draft_name = "revoke-designation"
        if revoke:
            explain = self.tr(
                "De aanwijzing %1 van %2 vervalt per vandaag: inzage is vanaf nu niet meer "
                "mogelijk. Eerdere inzagen blijven vastgelegd."
            )
        else:
            explain = self.tr(
                "De aanwijzing %1 van %2 eindigt eerder: de laatste geldige dag kiest u hieronder "
                "(vandaag of later)."
            )
        self.add_text(explain.replace("%1", decision_ref).replace("%2", name))
        self.decision_edit = QLineEdit(self)
        self.decision_edit.setMaxLength(100)
        self.decision_edit.setPlaceholderText(self.tr("bijvoorbeeld HDIND-2026/0077"))
        self.add_row(self.tr("&Kenmerk besluit"), self.decision_edit)
        self.until_edit = date_edit(self, today)
        self.until_edit.setMinimumDate(qdate(today))
        if revoke:
            self.until_edit.hide()
        else:
            self.add_row(self.tr("Laatste &geldige dag"), self.until_edit)
        self.setMinimumWidth(460)
        self.decision_edit.setFocus()

    def value(self) -> DesignationEnd:
        return DesignationEnd(
            name=self.name,
            designation_id=self.designation_id,
            decision_ref=self.decision_edit.text(),
            until=None if self.revoke else pydate(self.until_edit.date()),
            revoke=self.revoke,
        )


@dataclass(frozen=True)
class NewDesignation:
    name: str
    decision_ref: str
    valid_from: dt.date
    valid_until: dt.date | None


class AddDesignationDialog(FormDialog):
    draft_name = "add-designation"

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        # After the user list has loaded: it names who may be designated.
        _reopen_on_admin(window, opened, lambda page: page.open_add_designation_dialog())

    def __init__(
        self, inspectors: list[tuple[str, str]], today: dt.date, parent: QWidget | None = None
    ) -> None:
        """``inspectors``: (name, full name) of the users with the role IND-inzagemedewerker."""
        super().__init__(self.tr("Aanwijzing vastleggen"), self.tr("&Vastleggen"), parent)
        self.add_text(
            self.tr(
                "Leg een aanwijzing door de Hoofddirecteur IND vast (art. 2.5 van het convenant)."
            )
        )
        self.user_combo = QComboBox(self)
        for name, full_name in inspectors:
            self.user_combo.addItem(f"{full_name} ({name})", name)
        self.add_row(self.tr("&Medewerker"), self.user_combo)
        self.decision_edit = QLineEdit(self)
        self.decision_edit.setMaxLength(100)
        self.decision_edit.setPlaceholderText(self.tr("bijvoorbeeld HDIND-2026/0042"))
        self.add_row(self.tr("&Kenmerk besluit"), self.decision_edit)
        self.from_edit = date_edit(self, today)
        self.add_row(self.tr("Geldig v&anaf"), self.from_edit)
        self.has_until = QCheckBox(self.tr("Met &einddatum"), self)
        self.form.addRow("", self.has_until)
        self.until_edit = date_edit(self, today + dt.timedelta(days=365))
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
            valid_from=pydate(self.from_edit.date()),
            valid_until=pydate(self.until_edit.date()) if self.has_until.isChecked() else None,
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
        self.form.addRow(_rules_hint(self))
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

"""Beheer › Back-up, the workspace's own keys: check a backup file, replace the database key,
issue a new recovery key. The same services as ``werkplek backup verify`` and ``werkplek
workspace rekey|new-recovery-key``, on the background runner."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.busy import run_busy
from desktop_app.gui.dates import shown_stamp
from desktop_app.gui.dialogs import FormDialog, run_on_submit
from desktop_app.gui.filedialogs import open_file_dialog
from desktop_app.gui.pages import button_row, push_button, wrapped_label
from desktop_app.gui.recovery_key import RecoveryKeyCheck
from desktop_app.gui.tasks import TaskRunner
from desktop_app.security import recovery
from desktop_app.services import admin
from desktop_app.services.admin import BackupCheck
from desktop_app.services.session import Reauthentication, Session
from desktop_app.services.workspace import (
    RekeyResult,
    issue_recovery_key,
    rotate_database_key,
)

T = TypeVar("T")


def _when(created: str | None) -> str | None:
    """The backup's creation time as people read it: Amsterdam time in the table style
    (domain.timefmt), whatever the operating system's zone; the text itself if unreadable."""
    return shown_stamp(created) or None


class HashRow(QWidget):
    """A file's SHA-256 on a line of its own, selectable and copyable, shown only once there
    is one: 64 hex digits inside a sentence made it hard to read (QA at 1024x700)."""

    def __init__(self, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("SHA-256"), self)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setReadOnly(True)
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edit.setAccessibleName(self.tr("SHA-256 van het bestand"))
        self.edit.setToolTip(self.tr("Selecteer en kopieer om te vergelijken."))
        label.setBuddy(self.edit)
        row.addWidget(label)
        row.addWidget(self.edit, 1)
        self.hide()

    def text(self) -> str:
        return self.edit.text()

    def show_hash(self, sha256: str) -> None:
        self.edit.setText(sha256)
        self.edit.setCursorPosition(0)
        self.setVisible(bool(sha256))

    def clear(self) -> None:
        self.show_hash("")


class ConfirmWithPasswordDialog(FormDialog):
    """An explanation and the administrator's password, asked again (the service checks it
    through ``Session.reauthenticate``)."""

    def __init__(self, title: str, ok_text: str, text: str, parent: QWidget | None) -> None:
        super().__init__(title, ok_text, parent)
        self.add_text(text)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("reauthPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row(self.tr("Uw &wachtwoord"), self.password_edit)
        self.resize(480, self.sizeHint().height())

    def value(self) -> object:
        if not self.password_edit.text():
            raise ValueError(self.tr("Vul uw wachtwoord in."))
        return self.password_edit.text()

    def succeed(self) -> None:
        self.password_edit.clear()
        super().succeed()


class RecoveryKeyDialog(FormDialog):
    """The recovery key, shown once; closed only after one of its groups is typed back."""

    def __init__(self, key: str, parent: QWidget | None, *, ask: int | None = None) -> None:
        super().__init__(self.tr("Nieuwe herstelsleutel"), self.tr("Opgeschreven"), parent)
        self.key = key
        self.ask = ask if ask is not None else secrets.randbelow(len(recovery.groups(key)))
        self.add_text(
            self.tr(
                "Schrijf deze herstelsleutel op en bewaar hem veilig. Hij wordt maar één keer "
                "getoond; de vorige werkt niet meer."
            )
        )
        self.check = RecoveryKeyCheck(self)
        self.check.set_key(key, self.ask)
        self.form.addRow(self.check)
        self.key_label = self.check.key_label
        self.group_edit = self.check.group_edit
        self.rejected.connect(self._forget)
        self.buttons.button(self.buttons.StandardButton.Cancel).hide()

    def value(self) -> object:
        if not recovery.group_matches(self.key, self.ask, self.group_edit.text()):
            # The key is off the screen by now (RecoveryKeyCheck): not "the key above".
            raise ValueError(
                self.tr(
                    "Dat is niet groep %1 van de herstelsleutel. Kijk op wat u hebt opgeschreven."
                ).replace("%1", str(self.ask + 1))
            )
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The key exists only here: Escape does not close it before a group is typed back.
        if event.key() == Qt.Key.Key_Escape:
            self.show_error(self.tr("Typ eerst groep %1 over.").replace("%1", str(self.ask + 1)))
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Nor the window manager's close button; the lock (a programmatic close) still does.
        if event.spontaneous() and self.key:
            event.ignore()
            self.show_error(self.tr("Typ eerst groep %1 over.").replace("%1", str(self.ask + 1)))
            return
        super().closeEvent(event)

    def _forget(self) -> None:
        self.check.forget()

    def _on_ok(self) -> None:
        try:
            self.value()
        except ValueError as exc:
            self.show_error(str(exc))
            self.group_edit.selectAll()
            self.group_edit.setFocus()
            return
        self.check.forget()
        self.key = ""
        self.accept()


class WorkspaceKeysBox(QWidget):
    """The buttons and the result line under the backup button."""

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.verify_button = push_button(
            self.tr("Back-up c&ontroleren…"), self, self.choose_backup_to_verify
        )
        self.rekey_button = push_button(
            self.tr("Databasesleutel &vervangen…"), self, self.open_rekey_dialog
        )
        self.recovery_button = push_button(
            self.tr("Nieuwe herstelsle&utel…"), self, self.open_recovery_dialog
        )
        layout.addLayout(button_row(self.verify_button, self.rekey_button, self.recovery_button))
        self.result_label = wrapped_label("", self, "workspaceKeysResult", selectable=True)
        layout.addWidget(self.result_label)
        self.hash_row = HashRow("verifiedHash", self)
        layout.addWidget(self.hash_row)
        self.recovery_dialog: RecoveryKeyDialog | None = None

    # --- verify -------------------------------------------------------------------------------

    def choose_backup_to_verify(self) -> QFileDialog:
        return open_file_dialog(
            self,
            self.tr("Back-up controleren"),
            [self.tr("Back-up van de werkplek (*.backup)")],
            self.start_verify,
        )

    def start_verify(self, filename: str) -> None:
        if not filename:
            return
        session = self.session
        path = Path(filename)
        self.hash_row.clear()

        def done(check: BackupCheck) -> None:
            text = (
                self.tr("✔ Back-up in orde: %1 accounts, gemaakt %2.")
                .replace("%1", str(check.users))
                .replace("%2", _when(check.created) or self.tr("(onbekend)"))
            )
            if check.recorded_at:
                text += " " + self.tr("De audittrail vermeldt hem.")
            self.result_label.setText(text)
            self.hash_row.show_hash(check.sha256)

        run_busy(
            self,
            self.runner,
            self.verify_button,
            self.result_label,
            self.tr("Bezig met controleren…"),
            lambda: admin.verify_backup(session, path),
            done,
        )

    # --- rekey --------------------------------------------------------------------------------

    def _with_password(
        self,
        title: str,
        ok_text: str,
        text: str,
        step: Callable[[Session, Reauthentication], T],
        done: Callable[[T], None],
    ) -> ConfirmWithPasswordDialog:
        """The explanation and the password asked again; ``step`` runs with the proof."""
        dialog = ConfirmWithPasswordDialog(title, ok_text, text, self)
        session = self.session

        def work(password: object) -> T:
            return step(session, session.reauthenticate(str(password)))

        run_on_submit(dialog, self.runner, work, done)
        return dialog

    def open_rekey_dialog(self) -> ConfirmWithPasswordDialog:
        def done(result: RekeyResult) -> None:
            text = self.tr("✔ De databasesleutel is vervangen (%1 accounts).").replace(
                "%1", str(result.users)
            )
            if result.need_new_password:
                text += " " + self.tr(
                    "Deze accounts hebben een nieuw wachtwoord nodig: %1."
                ).replace("%1", ", ".join(result.need_new_password))
            self.result_label.setText(text)
            self.hash_row.clear()

        return self._with_password(
            self.tr("Databasesleutel vervangen"),
            self.tr("Vervangen"),
            self.tr(
                "De database krijgt een nieuwe sleutel; alle accounts houden hun wachtwoord en "
                "de herstelsleutel blijft dezelfde. Sluit eerst andere vensters en programma's "
                "die deze werkplek open hebben. Back-ups van vóór de vervanging controleert u "
                "daarna met de herstelsleutel."
            ),
            rotate_database_key,
            done,
        )

    # --- recovery key -------------------------------------------------------------------------

    def open_recovery_dialog(self) -> ConfirmWithPasswordDialog:
        def done(key: str) -> None:
            self.result_label.setText(self.tr("✔ Een nieuwe herstelsleutel is uitgegeven."))
            self.hash_row.clear()
            shown = RecoveryKeyDialog(key, self)
            self.recovery_dialog = shown
            shown.finished.connect(self._recovery_closed)
            shown.open()

        return self._with_password(
            self.tr("Nieuwe herstelsleutel"),
            self.tr("Uitgeven"),
            self.tr(
                "Er komt een nieuwe herstelsleutel en de database krijgt tegelijk een nieuwe "
                "sleutel, zodat de huidige herstelsleutel daarna niets van deze werkplek meer "
                "opent. Back-ups die eerder zijn gemaakt openen alleen met de herstelsleutel "
                "van toen: bewaar die zolang die back-ups bestaan. Sluit eerst andere vensters "
                "en programma's die deze werkplek open hebben. De nieuwe sleutel wordt één "
                "keer getoond."
            ),
            issue_recovery_key,
            done,
        )

    def _recovery_closed(self, _result: int) -> None:
        self.recovery_dialog = None

    def wipe(self) -> None:
        """The lock: a key still on screen goes (issue a new one after signing in again)."""
        self.result_label.clear()
        self.hash_row.clear()
        shown, self.recovery_dialog = self.recovery_dialog, None
        if shown is not None:
            shown.check.forget()
            shown.key = ""
            shown.close()

"""Restore from a backup (recovery key -> administrator -> new password) and re-bind to a new
keyring secret, reached from the sign-in dialog. The same services as ``werkplek restore`` and
``werkplek rebind``, on the background runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.gui.dialogs import FormDialog
from desktop_app.services import admin
from desktop_app.services.session import Environment
from desktop_app.services.workspace import WorkspacePaths, rebind_workstation


def _secret_field(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _path_row(
    parent: QWidget,
    name: str,
    text: str,
    browse_text: str,
    browse_name: str,
    browse: Callable[[], None],
    after: QWidget | None = None,
) -> tuple[QWidget, QLineEdit, QPushButton]:
    """A path field with its Bladeren button beside it, in Tab order after ``after``. The
    caption's buddy is the row, so the row passes focus (and the mnemonic) to the field."""
    row = QWidget(parent)
    edit = QLineEdit(text, row)
    edit.setObjectName(name)
    button = QPushButton(browse_text, row)
    button.setAccessibleName(browse_name)
    button.clicked.connect(browse)
    row_layout = QHBoxLayout(row)
    row_layout.setContentsMargins(0, 0, 0, 0)
    row_layout.addWidget(edit, 1)
    row_layout.addWidget(button)
    row.setFocusProxy(edit)
    if after is not None:
        QWidget.setTabOrder(after, edit)
    QWidget.setTabOrder(edit, button)
    return row, edit, button


@dataclass(frozen=True)
class RestoreInput:
    backup_file: Path
    data_dir: Path
    recovery_key: str = field(repr=False)
    admin_name: str
    new_password: str = field(repr=False)


class RestoreDialog(FormDialog):
    """The backup file, the folder it goes to (new or empty), the recovery key, the
    administrator and a new password for them; other accounts keep their passwords."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Back-up terugzetten"), self.tr("&Terugzetten"), parent)
        self.setObjectName("restoreDialog")
        self.add_text(
            self.tr(
                "De werkplek uit de back-up wordt aan dit werkstation gekoppeld. U hebt de "
                "herstelsleutel van de back-up nodig; de functioneel beheerder die u noemt "
                "krijgt een nieuw wachtwoord, alle anderen houden het hunne."
            ),
            "introLabel",
        )
        # Alt+B ("Back-up&bestand") is the field's, so the button takes another letter.
        row, self.file_edit, browse = _path_row(
            self,
            "backupFile",
            "",
            self.tr("Bla&deren…"),
            self.tr("Back-upbestand kiezen"),
            self._browse,
        )
        self.add_row(self.tr("Back-up&bestand"), row)
        # A folder that already holds a workspace is always refused: not offered as the target.
        target = "" if WorkspacePaths(data_dir).exists() else str(data_dir)
        # Then a path would have to be typed by hand: the folder can be chosen like the file.
        folder_row, self.folder_edit, _ = _path_row(
            self,
            "targetFolder",
            target,
            self.tr("Bl&aderen…"),
            self.tr("Map kiezen"),
            self._browse_folder,
            after=browse,
        )
        self.add_row(self.tr("&Map (nieuw of leeg)"), folder_row)
        self.recovery_edit = _secret_field(self, "recoveryKey")
        self.add_row(self.tr("&Herstelsleutel"), self.recovery_edit)
        self.admin_edit = QLineEdit(self)
        self.admin_edit.setObjectName("adminName")
        self.add_row(self.tr("&Functioneel beheerder"), self.admin_edit)
        self.password_edit = _secret_field(self, "newPassword")
        self.add_row(self.tr("&Nieuw wachtwoord"), self.password_edit)
        self.repeat_edit = _secret_field(self, "repeatPassword")
        self.add_row(self.tr("Nieuw wachtwoord h&erhalen"), self.repeat_edit)
        self.setMinimumWidth(540)
        self.file_dialog: QFileDialog | None = None
        # Typing starts in the form, not on the OK button (nothing typed gets lost).
        self.file_edit.setFocus()

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Back-up kiezen"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        # A backup made on the command line may have any name (README: .cwpb).
        dialog.setNameFilters(
            [self.tr("Back-up van de werkplek (*.backup)"), self.tr("Alle bestanden (*)")]
        )
        dialog.fileSelected.connect(self.file_edit.setText)
        self.file_dialog = dialog
        dialog.open()

    def _browse_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Map voor de herstelde werkplek"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder_edit.setText)
        self.file_dialog = dialog
        dialog.open()

    def value(self) -> RestoreInput:
        if not self.file_edit.text().strip():
            raise ValueError(self.tr("Kies het back-upbestand."))
        if not self.folder_edit.text().strip():
            raise ValueError(self.tr("Kies de map voor de herstelde werkplek."))
        if not self.recovery_edit.text().strip():
            raise ValueError(self.tr("Vul de herstelsleutel in."))
        if not self.admin_edit.text().strip():
            raise ValueError(self.tr("Vul de naam van de functioneel beheerder in."))
        if not self.password_edit.text():
            raise ValueError(self.tr("Vul een nieuw wachtwoord in."))
        if self.password_edit.text() != self.repeat_edit.text():
            raise ValueError(self.tr("De twee nieuwe wachtwoorden zijn niet gelijk."))
        return RestoreInput(
            Path(self.file_edit.text().strip()),
            Path(self.folder_edit.text().strip()),
            self.recovery_edit.text(),
            self.admin_edit.text().strip(),
            self.password_edit.text(),
        )

    def succeed(self) -> None:
        for edit in (self.recovery_edit, self.password_edit, self.repeat_edit):
            edit.clear()
        super().succeed()


def restore(env: Environment, given: RestoreInput) -> dict[str, object]:
    return admin.restore_workspace(
        env,
        given.backup_file,
        given.data_dir,
        admin_name=given.admin_name,
        recovery_key=given.recovery_key,
        new_password=given.new_password,
    )


class RebindDialog(FormDialog):
    """The keyring entry is lost or damaged: the recovery key binds every account to a new
    workstation secret; everyone keeps their password."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Opnieuw koppelen"), self.tr("&Koppelen"), parent)
        self.setObjectName("rebindDialog")
        self.data_dir = data_dir
        self.add_text(
            self.tr(
                "Gebruik dit als de sleutelring het werkplekgeheim kwijt is (bijvoorbeeld na "
                "een herinstallatie). Met de herstelsleutel wordt de werkplek in %1 aan een "
                "nieuw geheim gekoppeld; iedereen houdt zijn eigen wachtwoord."
            ).replace("%1", str(data_dir)),
            "introLabel",
        )
        self.recovery_edit = _secret_field(self, "recoveryKey")
        self.add_row(self.tr("&Herstelsleutel"), self.recovery_edit)
        self.setMinimumWidth(480)
        self.recovery_edit.setFocus()

    def value(self) -> str:
        if not self.recovery_edit.text().strip():
            raise ValueError(self.tr("Vul de herstelsleutel in."))
        return self.recovery_edit.text()

    def succeed(self) -> None:
        self.recovery_edit.clear()
        super().succeed()


def rebind(env: Environment, data_dir: Path, recovery_key: str) -> int:
    return rebind_workstation(env, data_dir, recovery_key)

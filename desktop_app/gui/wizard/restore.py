"""Restore from a backup (recovery key -> administrator -> new password) and re-bind to a new
keyring secret, reached from the sign-in dialog. The same services as ``werkplek restore`` and
``werkplek rebind``, on the background runner."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
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


def _intro(dialog: FormDialog, text: str) -> None:
    label = QLabel(text, dialog)
    label.setObjectName("introLabel")
    label.setWordWrap(True)
    dialog.form.addRow(label)


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
        _intro(
            self,
            self.tr(
                "De werkplek uit de back-up wordt aan dit werkstation gekoppeld. U hebt de "
                "herstelsleutel van de back-up nodig; de functioneel beheerder die u noemt "
                "krijgt een nieuw wachtwoord, alle anderen houden het hunne."
            ),
        )
        row = QWidget(self)
        self.file_edit = QLineEdit(row)
        self.file_edit.setObjectName("backupFile")
        # Alt+B ("Back-up&bestand") is the field's, so the button takes another letter.
        browse = QPushButton(self.tr("Bla&deren…"), row)
        browse.setAccessibleName(self.tr("Back-upbestand kiezen"))
        browse.clicked.connect(self._browse)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.file_edit, 1)
        row_layout.addWidget(browse)
        # The caption's buddy is the row: its mnemonic must land in the field, not nowhere.
        row.setFocusProxy(self.file_edit)
        QWidget.setTabOrder(self.file_edit, browse)
        self.add_row(self.tr("Back-up&bestand"), row)
        # A folder that already holds a workspace is always refused: not offered as the target.
        target = "" if WorkspacePaths(data_dir).exists() else str(data_dir)
        folder_row = QWidget(self)
        self.folder_edit = QLineEdit(target, folder_row)
        self.folder_edit.setObjectName("targetFolder")
        # Then a path would have to be typed by hand: the folder can be chosen like the file.
        folder_browse = QPushButton(self.tr("Bl&aderen…"), folder_row)
        folder_browse.setAccessibleName(self.tr("Map kiezen"))
        folder_browse.clicked.connect(self._browse_folder)
        folder_layout = QHBoxLayout(folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.folder_edit, 1)
        folder_layout.addWidget(folder_browse)
        folder_row.setFocusProxy(self.folder_edit)
        QWidget.setTabOrder(browse, self.folder_edit)
        QWidget.setTabOrder(self.folder_edit, folder_browse)
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
        _intro(
            self,
            self.tr(
                "Gebruik dit als de sleutelring het werkplekgeheim kwijt is (bijvoorbeeld na "
                "een herinstallatie). Met de herstelsleutel wordt de werkplek in %1 aan een "
                "nieuw geheim gekoppeld; iedereen houdt zijn eigen wachtwoord."
            ).replace("%1", str(data_dir)),
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

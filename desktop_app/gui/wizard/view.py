"""The thin Qt view of the first-start wizard (services/first_start.py holds every rule and
step): one page per step, Back / Next / Quit, the wizard's calls on the background runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import Location, password_rules
from desktop_app.gui.dialogs import run_on_submit
from desktop_app.gui.errors import message_for
from desktop_app.gui.pages import button_row, push_button, wrapped_label
from desktop_app.gui.recovery_key import RecoveryKeyCheck
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.wizard.restore import RestoreDialog, RestoreInput, restore
from desktop_app.services.first_start import FirstStartWizard, Step, WizardResult
from desktop_app.services.session import Environment


class FirstStartDialog(QDialog):
    """Emits ``completed`` with the wizard's result, or ``quit_requested``."""

    completed = Signal(object)
    quit_requested = Signal()

    def __init__(
        self, wizard: FirstStartWizard, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.wizard = wizard
        self.runner = runner
        self.setWindowTitle(self.tr("Convenantwerkplek — eerste start"))
        self.setObjectName("firstStartDialog")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        self.title = wrapped_label("", self, "titleLabel")
        layout.addWidget(self.title)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        self._page: dict[Step, QWidget] = {}
        self.restore_dialog: RestoreDialog | None = None
        self._busy = False
        self._build_start()
        self._build_keyring()
        self._build_location()
        self._build_admin()
        self._build_recovery()
        self.error_label = wrapped_label("", self, "errorLabel")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.busy_label = wrapped_label(self.tr("Bezig…"), self, "hintLabel")
        self.busy_label.hide()
        layout.addWidget(self.busy_label)
        buttons = QHBoxLayout()
        self.quit_button = push_button(self.tr("A&fsluiten"), self, self._quit)
        self.back_button = push_button(self.tr("&Terug"), self, self.go_back)
        self.next_button = push_button(self.tr("&Volgende"), self, self.go_next)
        self.next_button.setDefault(True)
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        self.show_step()

    # --- pages ----------------------------------------------------------------------------------

    def _add(self, step: Step, page: QWidget) -> None:
        self._page[step] = page
        self.pages.addWidget(page)

    def _build_start(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.start_label = wrapped_label("", page)
        layout.addWidget(self.start_label)
        self.new_button = push_button(self.tr("&Nieuwe werkplek aanmaken"), page, self.choose_new)
        self.open_button = push_button(
            self.tr("&Bestaande openen…"), page, self.choose_folder_to_open
        )
        layout.addLayout(button_row(self.new_button, self.open_button))
        # A new workstation's way in is often a backup; the sign-in dialog's button for it is
        # out of reach while there is no workspace to sign in to (Alt+T is "Terug" here).
        self.restore_button = push_button(
            self.tr("Back-up terug&zetten…"), page, self.choose_restore
        )
        layout.addLayout(button_row(self.restore_button))
        self.recent_caption = wrapped_label(self.tr("&Recente werkplekken"), page)
        layout.addWidget(self.recent_caption)
        self.recent_list = QListWidget(page)
        self.recent_list.setObjectName("recentList")
        self.recent_caption.setBuddy(self.recent_list)
        self.recent_list.itemActivated.connect(self._open_recent_item)
        layout.addWidget(self.recent_list, 1)
        # A click only selects (double click and Enter open): the button says what comes next.
        self.open_recent_button = push_button(self.tr("&Openen"), page, self._open_selected_recent)
        self.open_recent_button.setEnabled(False)
        self.recent_list.currentItemChanged.connect(
            lambda item, _: self.open_recent_button.setEnabled(item is not None)
        )
        recent_row = QHBoxLayout()
        recent_row.addStretch(1)
        recent_row.addWidget(self.open_recent_button)
        layout.addLayout(recent_row)
        layout.addStretch(1)  # the text and buttons at the top, also without a recent list
        self._add(Step.START, page)

    def _build_keyring(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(
            wrapped_label(
                # Not "there is no keyring" twice: the remedy below starts with that.
                self.tr(
                    "De werkplek bewaart haar werkplekgeheim in de sleutelring van het "
                    "besturingssysteem; zonder die sleutelring kan hier geen werkplek worden "
                    "aangemaakt. Wat u kunt doen:"
                ),
                page,
            )
        )
        self.remedy_label = wrapped_label("", page, "errorLabel")
        layout.addWidget(self.remedy_label)
        self.retry_button = push_button(self.tr("Opnieuw &controleren"), page, self.retry_keyring)
        layout.addLayout(button_row(self.retry_button))
        layout.addStretch(1)
        self._add(Step.KEYRING, page)

    def _build_location(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        form.addRow(
            wrapped_label(
                self.tr(
                    "Waar komt de werkplek te staan, en waar staat dit werkstation? Inzage in "
                    "onderliggende gegevens (art. 2.5) kan alleen op het AIVD-kantoor."
                ),
                page,
            )
        )
        self.folder_edit = QLineEdit(page)
        self.folder_edit.setObjectName("folderEdit")
        browse = push_button(self.tr("Bla&deren…"), page, self._browse_new_folder)
        row = QWidget(page)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.folder_edit, 1)
        row_layout.addWidget(browse)
        caption = QLabel(self.tr("&Map (nieuw of leeg)"), page)
        caption.setBuddy(self.folder_edit)
        form.addRow(caption, row)
        self.location_combo = QComboBox(page)
        for where in Location:
            self.location_combo.addItem(where.label_nl, where.value)
        caption = QLabel(self.tr("&Locatie van het werkstation"), page)
        caption.setBuddy(self.location_combo)
        form.addRow(caption, self.location_combo)
        self._add(Step.LOCATION, page)

    def _build_admin(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        form.addRow(
            wrapped_label(
                # Not the title again; and that the full name may stay empty (create() uses
                # the user name then), which nothing said.
                self.tr(
                    "Deze beheerder maakt de accounts aan en beheert de instellingen, en heeft "
                    "geen inhoudelijke rol. Laat u de volledige naam leeg, dan wordt de "
                    "gebruikersnaam gebruikt."
                ),
                page,
            )
        )
        self.name_edit = QLineEdit(page)
        self.full_name_edit = QLineEdit(page)
        self.password_edit = QLineEdit(page)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(page)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for text, edit in (
            (self.tr("&Gebruikersnaam"), self.name_edit),
            (self.tr("V&olledige naam"), self.full_name_edit),
            (self.tr("&Wachtwoord"), self.password_edit),
            (self.tr("Wachtwoord &herhalen"), self.repeat_edit),
        ):
            caption = QLabel(text, page)
            caption.setBuddy(edit)
            edit.setAccessibleName(text.replace("&", ""))
            form.addRow(caption, edit)
        form.addRow(wrapped_label(password_rules(), page, "hintLabel"))
        self._add(Step.ADMIN, page)

    def _build_recovery(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "De werkplek is aangemaakt. Dit is de HERSTELSLEUTEL: schrijf hem op en "
                    "bewaar hem veilig, gescheiden van het werkstation. Hij wordt maar één keer "
                    "getoond; zonder hem kan een back-up niet worden teruggezet."
                ),
                page,
            )
        )
        self.recovery_check = RecoveryKeyCheck(page)
        layout.addWidget(self.recovery_check)
        self.key_label = self.recovery_check.key_label
        self.group_edit = self.recovery_check.group_edit
        self.show_key_button = self.recovery_check.show_key_button
        layout.addStretch(1)
        self._add(Step.RECOVERY, page)

    # --- showing --------------------------------------------------------------------------------

    def show_step(self) -> None:
        step = self.wizard.step
        titles = {
            Step.START: self.tr("Welkom"),
            Step.KEYRING: self.tr("Sleutelring"),
            Step.LOCATION: self.tr("Plaats van de werkplek"),
            Step.ADMIN: self.tr("Eerste functioneel beheerder"),
            Step.RECOVERY: self.tr("Herstelsleutel"),
        }
        if step is Step.DONE:
            result = self.wizard.result
            self.recovery_check.forget()
            self.accept()
            if result is not None:
                self.completed.emit(result)
            return
        self.title.setText(titles[step])
        self.pages.setCurrentWidget(self._page[step])
        self.back_button.setEnabled(self.wizard.can_go_back)
        self.next_button.setVisible(step not in (Step.START, Step.KEYRING))
        self.next_button.setText(
            {Step.ADMIN: self.tr("&Aanmaken"), Step.RECOVERY: self.tr("&Klaar")}.get(
                step, self.tr("&Volgende")
            )
        )
        # Once the workspace exists there is no quitting before the key is confirmed.
        self.quit_button.setEnabled(step is not Step.RECOVERY)
        if step is Step.START:
            # Which folder: "op deze plek" alone left a person guessing where the app looked;
            # from a sign-in ("Andere werkplek…") that folder holds the workspace just left.
            if self.wizard.default_holds_workspace:
                text = self.tr(
                    "Kies een andere werkplek dan die in %1: open een bestaande, maak een nieuwe "
                    "aan of zet een back-up terug."
                )
            else:
                text = self.tr(
                    "Er is nog geen werkplek in %1. Maak een nieuwe aan, open een bestaande die "
                    "elders staat, of zet een back-up terug (bijvoorbeeld op een nieuw "
                    "werkstation)."
                )
            self.start_label.setText(text.replace("%1", str(self.wizard.default_dir)))
            self.recent_list.clear()
            for folder in self.wizard.recent_workspaces():
                item = QListWidgetItem(str(folder), self.recent_list)
                item.setData(Qt.ItemDataRole.UserRole, str(folder))
            for widget in (self.recent_caption, self.recent_list, self.open_recent_button):
                widget.setVisible(self.recent_list.count() > 0)
        elif step is Step.KEYRING:
            self.remedy_label.setText(self.wizard.remedy or "")
        elif step is Step.LOCATION and not self.folder_edit.text():
            self.folder_edit.setText(str(self.wizard.data_dir or ""))
        elif step is Step.RECOVERY:
            self.recovery_check.set_key(self.wizard.recovery_key, self.wizard.ask_group)
            self.group_edit.setFocus()
        self._fit()

    def show_error(self, message: str) -> None:
        self.error_label.setText("⚠ " + message)
        self.error_label.show()
        self._fit()

    def _fit(self) -> None:
        """Grow to what the page, the error line and the busy line need: a top-level dialog
        does not grow by itself for wrapped text, so a refusal squeezed the page's own
        sentences (the password rules were cut off at 1024x700). Never past the screen."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        width = self.width()
        if layout.hasHeightForWidth():
            need = layout.totalHeightForWidth(width)
        else:
            need = layout.totalSizeHint().height()
        screen = self.screen()
        if screen is not None:
            need = min(need, screen.availableGeometry().height())
        if need > self.height():
            self.resize(width, need)

    def _focus_after_refusal(self, exc: BaseException) -> None:
        """Back at the field that was refused (the passwords are cleared after each try)."""
        step = self.wizard.step
        target: QLineEdit | None = None
        if step is Step.ADMIN:
            fields = {"name": self.name_edit, "full_name": self.full_name_edit}
            target = fields.get(str(getattr(exc, "field", "") or ""), self.password_edit)
        elif step is Step.LOCATION:
            target = self.folder_edit
        elif step is Step.RECOVERY:
            target = self.group_edit
        if target is not None:
            target.selectAll()
            target.setFocus()

    def _run(self, work: Callable[[], object]) -> None:
        """A wizard call on the runner; its step (or its refusal) shown when it returns."""
        self.error_label.hide()
        # Creating takes seconds (Argon2): say what is happening, not only "busy".
        self.busy_label.setText(
            self.tr("De werkplek wordt aangemaakt; dit duurt enkele seconden…")
            if self.wizard.step is Step.ADMIN
            else self.tr("Bezig…")
        )
        self.busy_label.show()
        self.next_button.setEnabled(False)
        # While it runs there is no going back or quitting: quitting while the workspace is
        # being made would leave one whose recovery key nobody ever saw, and Back would move
        # the wizard under the running step.
        self._busy = True
        self.quit_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self._fit()

        def finished(_: object) -> None:
            self._busy = False
            self.busy_label.hide()
            self.next_button.setEnabled(True)
            self.show_step()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.busy_label.hide()
            self.next_button.setEnabled(True)
            self.show_error(message_for(exc))
            self.show_step()
            self._focus_after_refusal(exc)

        self.runner.run(work, finished, failed, owner=self)

    # --- input ----------------------------------------------------------------------------------

    def choose_new(self) -> None:
        self._run(self.wizard.new_workspace)

    def retry_keyring(self) -> None:
        self._run(self.wizard.retry_keyring)

    def choose_restore(self) -> None:
        """The keyring first (on the runner: it may wait for D-Bus), then the restore dialog
        with the wizard's folder as the target; done, the sign-in follows as after a new one."""
        self.error_label.hide()
        self.runner.run(
            self.wizard.restore_environment,
            self._open_restore,
            lambda exc: self.show_error(message_for(exc)),
            owner=self,
        )

    def _open_restore(self, env: Environment) -> RestoreDialog:
        # Parentless: this dialog goes (deleted directly) as soon as the sign-in takes over,
        # while the restore dialog's own deferred deletion is still pending.
        dialog = RestoreDialog(self.wizard.default_dir)
        named = [""]

        def work(given: object) -> dict[str, object]:
            assert isinstance(given, RestoreInput)
            named[0] = given.admin_name
            return restore(env, given)

        def done(result: dict[str, object]) -> None:
            self.restore_dialog = None
            self.wizard.restored(Path(str(result["data_dir"])), named[0])
            self.show_step()

        dialog.rejected.connect(lambda: setattr(self, "restore_dialog", None))
        run_on_submit(dialog, self.runner, work, done)
        self.restore_dialog = dialog
        return dialog

    def open_folder(self, folder: Path) -> None:
        self._run(lambda: self.wizard.open_existing(folder))

    def choose_folder_to_open(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Map van een werkplek kiezen"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda name: self.open_folder(Path(name)) if name else None)
        dialog.open()
        return dialog

    def _open_selected_recent(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None:
            self._open_recent_item(item)

    def _open_recent_item(self, item: QListWidgetItem) -> None:
        self.open_folder(Path(str(item.data(Qt.ItemDataRole.UserRole))))

    def _browse_new_folder(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Map voor de nieuwe werkplek"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder_edit.setText)
        dialog.open()
        return dialog

    def go_back(self) -> None:
        self._run(self.wizard.back)

    def go_next(self) -> None:
        step = self.wizard.step
        if step is Step.LOCATION:
            folder = Path(self.folder_edit.text().strip())
            where = str(self.location_combo.currentData())
            self._run(lambda: self.wizard.set_location(folder, where))
        elif step is Step.ADMIN:
            name, full = self.name_edit.text(), self.full_name_edit.text()
            password, repeat = self.password_edit.text(), self.repeat_edit.text()
            self._run(lambda: self.wizard.create(name, full, password, repeat))
            self.password_edit.clear()
            self.repeat_edit.clear()
        elif step is Step.RECOVERY:
            typed = self.group_edit.text()
            self._run(lambda: self.wizard.confirm_recovery(typed))

    def _quit(self) -> None:
        if self._busy or self.wizard.step is Step.RECOVERY:
            return
        self.reject()
        self.quit_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()  # never lose the recovery key (or quit) by a stray Escape
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()  # the step under way finishes first (see _run)
            return
        if event.spontaneous() and self.wizard.step is Step.RECOVERY:
            event.ignore()
            self.show_error(self.tr("Typ eerst de gevraagde groep van de herstelsleutel over."))
            return
        super().closeEvent(event)
        if event.spontaneous():
            self.quit_requested.emit()


def result_of(dialog: FirstStartDialog) -> WizardResult | None:
    return dialog.wizard.result

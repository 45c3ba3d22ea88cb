"""The sign-in dialog (Designer form ui/login_dialog.ui). It only collects name and password;
the controller does the sign-in in the background and reports back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLayout, QPushButton, QVBoxLayout, QWidget

from desktop_app.gui.forms.ui_login_dialog import Ui_LoginDialog


class LoginDialog(QDialog):
    sign_in_requested = Signal(str, str)
    quit_requested = Signal()
    # The workspace's life before a sign-in (gui/wizard): the controller opens the dialogs.
    restore_requested = Signal()
    rebind_requested = Signal()
    other_workspace_requested = Signal()

    def __init__(
        self,
        data_dir: Path,
        *,
        demo: bool = False,
        demo_accounts: dict[str, str] | None = None,
        name: str = "",
        locked_message: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._busy = False
        self._ready = True
        self._closing_on_purpose = False
        ui = self.ui
        ui.demoBanner.setVisible(demo)
        ui.folderValue.setText(str(data_dir))
        ui.errorLabel.hide()
        ui.busyBar.hide()
        ui.busyLabel.hide()
        ui.nameEdit.setText(name)
        if locked_message:
            self.setWindowTitle(self.tr("Werkplek vergrendeld — Convenantwerkplek"))
            ui.introLabel.setText(locked_message)
        if demo and demo_accounts:
            lines = [self.tr("Oefenaccounts (naam — wachtwoord):")]
            lines += [f"  {n} — {p}" for n, p in demo_accounts.items()]
            ui.demoHint.setText("\n".join(lines))
        else:
            ui.demoHint.hide()
        # The dialog follows its content (error line, busy line) instead of leaving gaps.
        layout = self.layout()
        assert layout is not None  # setupUi gave the dialog its layout
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        ui.body.setFixedWidth(460)
        self._add_workspace_links(demo)
        ui.signInButton.clicked.connect(self._on_sign_in_clicked)
        ui.quitButton.clicked.connect(self.reject)
        # Tab reads the buttons as they stand, left to right (issue 12).
        QWidget.setTabOrder(ui.quitButton, ui.signInButton)
        (ui.passwordEdit if name else ui.nameEdit).setFocus()

    def _add_workspace_links(self, demo: bool) -> None:
        # Two rows: three buttons side by side do not fit the dialog's fixed width.
        row = QHBoxLayout()
        row.setSpacing(6)
        second = QHBoxLayout()
        second.setSpacing(6)
        self.other_button = QPushButton(self.tr("Andere werk&plek…"), self)
        self.restore_button = QPushButton(self.tr("Back-up &terugzetten…"), self)
        self.rebind_button = QPushButton(self.tr("Opnieuw &koppelen…"), self)
        for button, signal in (
            (self.other_button, self.other_workspace_requested),
            (self.restore_button, self.restore_requested),
            (self.rebind_button, self.rebind_requested),
        ):
            button.setObjectName("linkButton")
            button.setFlat(True)
            button.setAutoDefault(False)
            button.clicked.connect(signal.emit)
            (second if button is self.rebind_button else row).addWidget(button)
            button.setVisible(not demo)
        row.addStretch(1)
        second.addStretch(1)
        body = self.ui.body.layout()
        assert isinstance(body, QVBoxLayout)
        body.addLayout(row)
        body.addLayout(second)

    # --- state shown to the user -------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool, text: str | None = None) -> None:
        """Signing in takes a moment (Argon2): say so, keep the window responsive, and
        disable the inputs so a second attempt cannot start meanwhile."""
        self._busy = busy
        ui = self.ui
        ui.busyBar.setVisible(busy)
        ui.busyLabel.setVisible(busy)
        if text is not None:
            ui.busyLabel.setText(text)
        else:
            ui.busyLabel.setText(self.tr("Bezig met aanmelden…"))
        for widget in (ui.nameEdit, ui.passwordEdit):
            widget.setEnabled(not busy)
        self._update_button()
        if busy:
            ui.errorLabel.hide()

    def set_ready(self, ready: bool, text: str | None = None) -> None:
        """Not ready: the demo workspace is still being prepared (typing is allowed)."""
        self._ready = ready
        ui = self.ui
        ui.busyBar.setVisible(not ready)
        ui.busyLabel.setVisible(not ready)
        if text:
            ui.busyLabel.setText(text)
        self._update_button()

    def _update_button(self) -> None:
        self.ui.signInButton.setEnabled(self._ready and not self._busy)

    def show_failure(self, message: str) -> None:
        """Back from a failed attempt: the sentence, the password cleared, focus on it."""
        self.set_busy(False)
        ui = self.ui
        ui.errorLabel.setText("⚠ " + message)
        ui.errorLabel.setAccessibleDescription(message)
        ui.errorLabel.show()
        ui.passwordEdit.clear()
        (ui.passwordEdit if ui.nameEdit.text() else ui.nameEdit).setFocus()

    def disable_sign_in(self, message: str) -> None:
        """Nothing can be signed into (no keyring, no workspace): say why, allow quitting."""
        self.show_failure(message)
        self._ready = False
        self._update_button()

    def error_text(self) -> str:
        return self.ui.errorLabel.text() if self.ui.errorLabel.isVisible() else ""

    # --- input ------------------------------------------------------------------------------

    def fill(self, name: str, password: str) -> None:
        self.ui.nameEdit.setText(name)
        self.ui.passwordEdit.setText(password)

    def _on_sign_in_clicked(self) -> None:
        if self._busy or not self._ready:
            return
        name = self.ui.nameEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not name or not password:
            self.show_failure(self.tr("Vul uw naam en wachtwoord in."))
            return
        self.set_busy(True)
        self.sign_in_requested.emit(name, password)

    def finish(self) -> None:
        """Signed in: close without asking the app to quit."""
        self.ui.passwordEdit.clear()
        self._closing_on_purpose = True
        self.accept()

    def reject(self) -> None:
        self.ui.passwordEdit.clear()
        super().reject()
        if not self._closing_on_purpose:
            self._closing_on_purpose = True
            self.quit_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape would quit the application from a lock screen by accident.
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

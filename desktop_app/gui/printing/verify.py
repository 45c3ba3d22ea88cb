"""Check a printed ambtsbericht: pick a PDF, see in sentences whether its signature is valid,
who signed, which copy it is and (when signed in) whether it is in the print register.

Valid or not is shown with an icon and a word, not by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.clock import Clock, SystemClock
from desktop_app.gui.errors import message_for
from desktop_app.gui.pages import wrapped_label
from desktop_app.gui.tasks import TaskRunner
from desktop_app.paths import default_data_dir
from desktop_app.reporting import Verdict
from desktop_app.security.workstation import WorkstationSecretProvider
from desktop_app.services import verification
from desktop_app.services.session import Session

ICON_SIZE = 40


class VerifyPdfDialog(QDialog):
    """``VerifyPdfDialog(parent, session_or_none)``. Without a session the signature is checked
    against the workspace folder's public trust roots (``data_dir``, default: the usual
    workspace folder); with one, against the database and the print register."""

    verified = Signal(object)  # the Verdict

    def __init__(
        self,
        parent: QWidget | None,
        session: Session | None,
        *,
        data_dir: Path | None = None,
        runner: TaskRunner,
        clock: Clock | None = None,
        provider: WorkstationSecretProvider | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        # Without a session: the keyring that authenticates the folder's trust-roots.pem.
        self.provider = provider
        self.data_dir = (
            data_dir
            if data_dir is not None
            else (session.root if session is not None else default_data_dir())
        )
        self.runner = runner
        self.clock: Clock = clock or (session.clock if session is not None else SystemClock())
        self.verdict: Verdict | None = None
        self.setObjectName("verifyPdfDialog")
        self.setWindowTitle(self.tr("Afgedrukt ambtsbericht controleren"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(620, 360)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        if session is not None:
            intro_text = self.tr(
                "Kies een PDF-bestand van een afgedrukt ambtsbericht. De werkplek controleert "
                "de digitale handtekening en het afdrukregister."
            )
        else:
            intro_text = self.tr(
                "Kies een PDF-bestand van een afgedrukt ambtsbericht. De werkplek controleert "
                "de digitale handtekening; meld u aan om ook het afdrukregister te controleren."
            )
        intro = wrapped_label(intro_text, self)
        layout.addWidget(intro)

        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("&Kies een PDF-bestand…"), self)
        self.choose_button.setObjectName("chooseButton")
        row.addWidget(self.choose_button)
        self.file_label = QLabel(self.tr("Geen bestand gekozen."), self)
        self.file_label.setObjectName("fileLabel")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.file_label, 1)
        layout.addLayout(row)

        result = QHBoxLayout()
        result.setSpacing(12)
        self.icon_label = QLabel(self)
        self.icon_label.setObjectName("verdictIcon")
        self.icon_label.setFixedSize(ICON_SIZE, ICON_SIZE)
        result.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        self.headline = QLabel(self)
        self.headline.setObjectName("verdictHeadline")
        self.headline.setStyleSheet("font-weight: 700; font-size: 13pt;")
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        texts.addWidget(self.headline)
        self.details = wrapped_label("", self, "verdictDetails", selectable=True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        texts.addWidget(self.details)
        texts.addStretch(1)
        result.addLayout(texts, 1)
        layout.addLayout(result, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)

    def _on_choose_button_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("PDF-bestand kiezen"),
            "",
            self.tr("PDF-documenten (*.pdf);;Alle bestanden (*)"),
        )
        if name:
            self.verify_path(Path(name))

    def verify_path(self, path: Path) -> None:
        """Check ``path``; the verdict appears when the background check is done."""
        self.file_label.setText(path.name)
        self.headline.setText(self.tr("Bezig met controleren…"))
        self.details.setText("")
        self.icon_label.clear()
        self.choose_button.setEnabled(False)
        self.runner.run(self._check_function(path), self.show_verdict, self._on_failed, owner=self)

    def _check_function(self, path: Path) -> Callable[[], Verdict]:
        session, data_dir, now = self.session, self.data_dir, self.clock.now()
        if session is None:
            provider = self.provider
            return lambda: verification.verify_file(path, data_dir, now=now, provider=provider)

        def check() -> Verdict:
            data = verification.read_for_verify(path)
            if isinstance(data, Verdict):
                return data
            return verification.verify_registered(session, data)

        return check

    def _on_failed(self, exc: BaseException) -> None:
        self.choose_button.setEnabled(True)
        self.verdict = None
        self._set_icon(False)
        self.headline.setText(self.tr("Niet gecontroleerd"))
        self.details.setText(message_for(exc))

    def show_verdict(self, verdict: Verdict) -> None:
        self.choose_button.setEnabled(True)
        self.verdict = verdict
        self._set_icon(verdict.valid)
        self.headline.setText(self.tr("Geldig") if verdict.valid else self.tr("Niet geldig"))
        lines = [verdict.reason]
        if verdict.signer:
            lines.append(self.tr("Ondertekend door: %1").replace("%1", verdict.signer))
        if verdict.reference:
            lines.append(self.tr("Kenmerk: %1").replace("%1", verdict.reference))
        if verdict.copy is not None:
            lines.append(
                self.tr("Exemplaar %1 van %2")
                .replace("%1", str(verdict.copy.number))
                .replace("%2", str(verdict.copy.total))
            )
            if verdict.copy.recipient:
                lines.append(self.tr("Voor: %1").replace("%1", verdict.copy.recipient))
        if verdict.registered is None:
            lines.append(self.tr("Afdrukregister: niet gecontroleerd (niet aangemeld)."))
        elif verdict.registered:
            lines.append(self.tr("Afdrukregister: dit bestand is geregistreerd."))
        else:
            lines.append(self.tr("Afdrukregister: dit bestand staat er niet in."))
        self.details.setText("\n".join(lines))
        self.verified.emit(verdict)

    def _set_icon(self, valid: bool) -> None:
        pixmap = (
            QStyle.StandardPixmap.SP_DialogApplyButton
            if valid
            else QStyle.StandardPixmap.SP_MessageBoxCritical
        )
        icon = self.style().standardIcon(pixmap)
        self.icon_label.setPixmap(icon.pixmap(ICON_SIZE, ICON_SIZE))
        self.icon_label.setAccessibleName(self.tr("Geldig") if valid else self.tr("Niet geldig"))


def open_verify_dialog(
    parent: QWidget | None,
    session: Session | None,
    *,
    runner: TaskRunner,
    data_dir: Path | None = None,
) -> VerifyPdfDialog:
    """Open the check of a printed PDF (non-blocking); returns the dialog."""
    dialog = VerifyPdfDialog(parent, session, data_dir=data_dir, runner=runner)
    dialog.open()
    return dialog

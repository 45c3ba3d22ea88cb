"""The report workflow's small dialogs. Like the other form dialogs they only collect input:
on OK they emit ``submitted`` with the value, the page calls the service in the background and
then ``succeed()`` or ``fail(exc)``, so a refusal shows as a sentence inside the dialog."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop_app.domain.classification import Classification
from desktop_app.gui.dialogs import FormDialog
from desktop_app.gui.drafts import DialogKey, Opened, reopen_on_report
from desktop_app.gui.labels import clearance_label
from desktop_app.gui.pages import wrapped_label

QUOTE_PREVIEW = 400


class CommentDialog(FormDialog):
    """A comment, optionally about a quoted passage (an annotation) and optionally optional
    (a verdict may go without)."""

    def __init__(
        self,
        title: str,
        ok_text: str,
        intro: str,
        *,
        quote: str | None = None,
        required: bool = True,
        parent: QWidget | None = None,
        caption: str | None = None,
    ) -> None:
        super().__init__(title, ok_text, parent)
        self.required = required
        self.add_text(intro)
        self.quote_label: QLabel | None = None
        if quote is not None:
            shown = quote if len(quote) <= QUOTE_PREVIEW else quote[: QUOTE_PREVIEW - 1] + "…"
            self.quote_label = wrapped_label(f"“{shown}”", self, "quoteLabel", selectable=True)
            self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
            self.add_row(self.tr("Passage"), self.quote_label)
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setObjectName("commentEdit")
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setMinimumHeight(110)
        if caption is None:
            caption = self.tr("&Opmerking") if required else self.tr("&Toelichting (optioneel)")
        self.add_row(caption, self.comment_edit)
        self.setMinimumWidth(480)
        self.comment_edit.setFocus()

    def value(self) -> str | None:
        text = self.comment_edit.toPlainText().strip()
        if not text:
            if self.required:
                raise ValueError(self.tr("Schrijf een opmerking."))
            return None
        return text

    def succeed(self) -> None:
        self.comment_edit.clear()
        super().succeed()


def _password_row(dialog: FormDialog) -> QLineEdit:
    """The signed-in person's password, asked again: proof that the person acts, not an
    unattended session (services.session.Session.reauthenticate checks it)."""
    edit = QLineEdit(dialog)
    edit.setObjectName("reauthPassword")
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    dialog.add_row(QCoreApplication.translate("ReportDialogs", "Uw &wachtwoord"), edit)
    dialog.add_text(
        QCoreApplication.translate(
            "ReportDialogs",
            "Ter bevestiging dat u dit zelf doet. Een onjuist wachtwoord telt mee voor de "
            "blokkering na drie mislukte pogingen.",
        ),
        "hintLabel",
    )
    return edit


def _password_of(edit: QLineEdit, dialog: FormDialog) -> str:
    if not edit.text():
        raise ValueError(QCoreApplication.translate("ReportDialogs", "Vul uw wachtwoord in."))
    return edit.text()


@dataclass(frozen=True)
class SignInput:
    classification: Classification
    password: str = field(default="", repr=False)
    special_case_reason: str | None = None


class SignDialog(FormDialog):
    """Signing fixes the classification: the current level is offered, up to the signer's
    clearance. The password is asked again; a text with old or unverifiable data also asks for
    the signer's decision to provide it as a special case, with its reason (``grounds``: the
    findings' warnings the service names)."""

    draft_name = "report-sign"  # draft_object: the report's id; the password is asked again

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        reopen_on_report(window, key, opened, "sign_button", "open_sign_dialog")

    def __init__(
        self,
        reference: str,
        version: int,
        current: Classification,
        highest: Classification,
        parent: QWidget | None = None,
        *,
        grounds: Sequence[str] = (),
    ) -> None:
        # The signed text is frozen for ever: Enter (after the password) does not sign.
        super().__init__(
            self.tr("Ambtsbericht ondertekenen"),
            self.tr("&Ondertekenen"),
            parent,
            irreversible=True,
        )
        self.add_text(
            self.tr(
                "U ondertekent versie %1 van %2, de tekst die de IND-liaison bruikbaar heeft "
                "geoordeeld. Daarna ligt de tekst voorgoed vast; de SHA-256 van de tekst "
                "wordt vastgelegd."
            )
            .replace("%1", str(version))
            .replace("%2", reference)
        )
        self.classification_combo = QComboBox(self)
        self.classification_combo.setObjectName("signClassificationCombo")
        for level in Classification:
            if level <= max(highest, current):
                self.classification_combo.addItem(clearance_label(level), int(level))
        self.classification_combo.setCurrentIndex(self.classification_combo.findData(int(current)))
        self.current = current
        self.add_row(self.tr("&Rubricering bij ondertekening"), self.classification_combo)
        self.reason_edit: QPlainTextEdit | None = None
        if grounds:
            self.add_text(
                self.tr(
                    "Bijzonder geval: deze gegevens worden alleen verstrekt op uw besluit. %1"
                ).replace("%1", " ".join(grounds)),
                "specialCaseLabel",
            )
            self.reason_edit = QPlainTextEdit(self)
            self.reason_edit.setObjectName("specialCaseReason")
            self.reason_edit.setTabChangesFocus(True)
            self.reason_edit.setMinimumHeight(70)
            self.add_row(self.tr("Uw besluit en de &reden"), self.reason_edit)
        self.password_edit = _password_row(self)
        self.setMinimumWidth(480)
        self.password_edit.setFocus()

    def value(self) -> SignInput:
        reason: str | None = None
        if self.reason_edit is not None:
            reason = self.reason_edit.toPlainText().strip()
            if not reason:
                raise ValueError(self.tr("Geef uw besluit over het bijzonder geval, met de reden."))
        return SignInput(
            Classification(int(self.classification_combo.currentData())),
            _password_of(self.password_edit, self),
            reason,
        )

    def succeed(self) -> None:
        self.password_edit.clear()
        super().succeed()

    def fail(self, exc: BaseException) -> None:
        self.password_edit.clear()
        self.password_edit.setFocus()
        super().fail(exc)


class ConfirmDialog(FormDialog):
    """A yes/no step that is not undone (issuing), answered without blocking. With
    ``password``: the step is confirmed with the person's password (``value`` is it)."""

    def __init__(
        self,
        title: str,
        ok_text: str,
        text: str,
        parent: QWidget | None = None,
        *,
        password: bool = False,
    ) -> None:
        # Not undone: Enter never confirms (issue 12), the step is chosen on purpose.
        super().__init__(title, ok_text, parent, irreversible=True)
        self.add_text(text)
        self.password_edit = _password_row(self) if password else None
        self.setMinimumWidth(440)
        if self.password_edit is not None:
            self.password_edit.setFocus()

    def value(self) -> bool | str:
        if self.password_edit is not None:
            return _password_of(self.password_edit, self)
        return True

    def succeed(self) -> None:
        if self.password_edit is not None:
            self.password_edit.clear()
        super().succeed()

    def fail(self, exc: BaseException) -> None:
        if self.password_edit is not None:
            self.password_edit.clear()
            self.password_edit.setFocus()
        super().fail(exc)

"""The report workflow's small dialogs. Like the other form dialogs they only collect input:
on OK they emit ``submitted`` with the value, the page calls the service in the background and
then ``succeed()`` or ``fail(exc)``, so a refusal shows as a sentence inside the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from desktop_app.domain.classification import Classification
from desktop_app.gui.dialogs import FormDialog
from desktop_app.gui.labels import clearance_label

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
    ) -> None:
        super().__init__(title, ok_text, parent)
        self.required = required
        intro_label = QLabel(intro, self)
        intro_label.setWordWrap(True)
        self.form.addRow(intro_label)
        self.quote_label: QLabel | None = None
        if quote is not None:
            shown = quote if len(quote) <= QUOTE_PREVIEW else quote[: QUOTE_PREVIEW - 1] + "…"
            self.quote_label = QLabel(f"“{shown}”", self)
            self.quote_label.setObjectName("quoteLabel")
            self.quote_label.setWordWrap(True)
            self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
            self.quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.add_row(self.tr("Passage"), self.quote_label)
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setObjectName("commentEdit")
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setMinimumHeight(110)
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


class SignDialog(FormDialog):
    """Signing fixes the classification: the current level is offered, up to the signer's
    clearance."""

    def __init__(
        self,
        reference: str,
        version: int,
        current: Classification,
        highest: Classification,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Ambtsbericht ondertekenen"), self.tr("&Ondertekenen"), parent)
        intro = QLabel(
            self.tr(
                "U ondertekent versie %1 van %2, de tekst die de IND-liaison bruikbaar heeft "
                "geoordeeld. Daarna ligt de tekst voorgoed vast; de SHA-256 van de tekst "
                "wordt vastgelegd."
            )
            .replace("%1", str(version))
            .replace("%2", reference),
            self,
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.classification_combo = QComboBox(self)
        self.classification_combo.setObjectName("signClassificationCombo")
        for level in Classification:
            if level <= max(highest, current):
                self.classification_combo.addItem(clearance_label(level), int(level))
        self.classification_combo.setCurrentIndex(self.classification_combo.findData(int(current)))
        self.current = current
        self.add_row(self.tr("&Rubricering bij ondertekening"), self.classification_combo)
        self.setMinimumWidth(460)

    def value(self) -> Classification:
        return Classification(int(self.classification_combo.currentData()))


class ConfirmDialog(FormDialog):
    """A yes/no step that is not undone (issuing), answered without blocking."""

    def __init__(self, title: str, ok_text: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, ok_text, parent)
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.form.addRow(label)
        self.setMinimumWidth(440)

    def value(self) -> bool:
        return True

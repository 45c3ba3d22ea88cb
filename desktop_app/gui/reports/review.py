"""Reading a version with the liaison's annotations: the text read-only, annotated passages
highlighted (background and underline, so not by colour alone) and numbered in a side list;
annotations whose passage is gone from this version are listed as "verouderd". Each remark
shows its life after placing (reworded, withdrawn, handled with the officer's note) and, for the
selected one, the steps this person may take on it (the service's permissions)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.reports import ReportAction
from desktop_app.gui.actions import show_permission
from desktop_app.gui.pages import push_button, wrapped_label
from desktop_app.gui.reports.labels import short_time
from desktop_app.gui.reports.offsets import Utf16Map
from desktop_app.services.reports import AnnotationView

QUOTE_PREVIEW = 80

_NOTE_BG = QColor("#fff0a6")
_NOTE_LINE = QColor("#a15c00")
_ACTIVE_BG = QColor("#ffc94d")


class ReportReader(QTextEdit):
    """One version's text, read-only but selectable; offsets in and out are Python offsets
    into that text (the service's), converted from and to Qt's UTF-16 positions here."""

    selection_changed_py = Signal()
    annotation_clicked = Signal(int)  # annotation id under the cursor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportReader")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName(self.tr("Tekst van het ambtsbericht"))
        self._text = ""
        self._map = Utf16Map("")
        self._notes: tuple[AnnotationView, ...] = ()
        self._active: int | None = None
        self.selectionChanged.connect(self.selection_changed_py)
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self._map = Utf16Map(text)
        self._notes = ()
        self._active = None
        self.setPlainText(text)
        self.setExtraSelections([])

    def set_annotations(self, notes: Sequence[AnnotationView]) -> None:
        self._notes = tuple(notes)
        self._highlight()

    def set_active(self, annotation_id: int | None) -> None:
        """Emphasise one annotation's passage and bring it into view."""
        self._active = annotation_id
        self._highlight()
        note = next((n for n in self._notes if n.id == annotation_id), None)
        if note is not None and note.shown_start is not None:
            cursor = self.textCursor()
            cursor.setPosition(self._map.to_qt(note.shown_start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _highlight(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        for note in self._notes:
            start, end = note.shown_start, note.shown_end
            if start is None or end is None or end > len(self._text) or note.withdrawn:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(_ACTIVE_BG if note.id == self._active else _NOTE_BG)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(_NOTE_LINE)
            fmt.setToolTip(note.comment)
            if note.id == self._active:
                fmt.setFontWeight(QFont.Weight.Bold)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(start, end)
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def selection(self) -> tuple[int, int] | None:
        """The selected passage as Python offsets (start, end), or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.to_py(cursor.selectionStart())
        end = self._map.to_py(cursor.selectionEnd())
        return (start, end) if end > start else None

    def selected_quote(self) -> tuple[str, int] | None:
        """The selected passage taken from the stored text (not from Qt's copy of it, which
        turns line breaks into U+2029) and its start."""
        span = self.selection()
        if span is None:
            return None
        start, end = span
        quote = self._text[start:end]
        return (quote, start) if quote.strip() else None

    def select_py(self, start: int, end: int) -> None:
        self.setTextCursor(self._cursor(start, end))

    def _on_cursor_moved(self) -> None:
        if self.textCursor().hasSelection():
            return
        pos = self._map.to_py(self.textCursor().position())
        for note in self._notes:
            if (
                not note.withdrawn
                and note.shown_start is not None
                and note.shown_end is not None
                and (note.shown_start <= pos < note.shown_end)
            ):
                self.annotation_clicked.emit(note.id)
                return

    def wipe(self) -> None:
        self._text = ""
        self._map = Utf16Map("")
        self._notes = ()
        self._active = None
        self.setExtraSelections([])
        self.clear()


class AnnotationPanel(QWidget):
    """The comments beside the text, numbered in text order; outdated ones last, marked."""

    annotation_selected = Signal(int)
    edit_requested = Signal(int)
    withdraw_requested = Signal(int)
    handle_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.title = QLabel(self.tr("Opmerkingen van de IND-liaison"), self)
        self.title.setObjectName("sectionLabel")
        layout.addWidget(self.title)
        self.list = QListWidget(self)
        self.list.setObjectName("annotationList")
        self.list.setAccessibleName(self.tr("Opmerkingen van de IND-liaison"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.currentItemChanged.connect(self._on_current)
        layout.addWidget(self.list, 1)
        self.empty = wrapped_label(self.tr("Nog geen opmerkingen."), self, "hintLabel")
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.edit_button = self._step_button(
            self.tr("Opmerking wij&zigen…"), "editRemarkButton", self.edit_requested, row
        )
        self.withdraw_button = self._step_button(
            self.tr("Opmerking intr&ekken…"), "withdrawRemarkButton", self.withdraw_requested, row
        )
        self.handle_button = self._step_button(
            self.tr("A&fgehandeld…"), "handleRemarkButton", self.handle_requested, row
        )
        row.addStretch(1)
        layout.addLayout(row)
        self._ids: list[int] = []
        self._notes: dict[int, AnnotationView] = {}
        self._selected: int | None = None
        self.show_actions(None)

    def _step_button(
        self, text: str, name: str, signal: SignalInstance, row: QHBoxLayout
    ) -> QPushButton:
        button = push_button(
            text,
            self,
            lambda: signal.emit(self._selected) if self._selected is not None else None,
            name,
        )
        row.addWidget(button)
        return button

    def show_actions(self, annotation_id: int | None) -> None:
        """The steps on the selected remark, as the service judged them for this person."""
        self._selected = annotation_id
        note = None if annotation_id is None else self._notes.get(annotation_id)
        for button, action in (
            (self.edit_button, ReportAction.EDIT_REMARK),
            (self.withdraw_button, ReportAction.WITHDRAW_REMARK),
            (self.handle_button, ReportAction.HANDLE_REMARK),
        ):
            if note is None:
                button.hide()
            else:
                show_permission(button, note.may(action))

    def set_annotations(self, notes: Sequence[AnnotationView], shown_version: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self._ids = []
        self._notes = {n.id: n for n in notes}
        placed = sorted(
            (n for n in notes if not n.outdated), key=lambda n: (n.shown_start or 0, n.id)
        )
        outdated = sorted((n for n in notes if n.outdated), key=lambda n: n.id)
        for number, note in enumerate([*placed, *outdated], start=1):
            item = QListWidgetItem(self._describe(number, note, shown_version), self.list)
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text())
            if note.withdrawn:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QColor("#5b6573"))
                item.setToolTip(self.tr("Ingetrokken door de IND-liaison."))
            elif note.outdated:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(QColor("#5b6573"))
                item.setToolTip(
                    self.tr(
                        "Verouderd: de geciteerde passage uit versie %1 komt in versie %2 niet "
                        "meer voor."
                    )
                    .replace("%1", str(note.version))
                    .replace("%2", str(shown_version))
                )
            else:
                item.setToolTip(note.comment)
            self._ids.append(note.id)
        self.list.blockSignals(False)
        self.empty.setVisible(not notes)
        self.list.setVisible(bool(notes))
        self.show_actions(self._selected if self._selected in self._notes else None)

    def _describe(self, number: int, note: AnnotationView, shown_version: int) -> str:
        quote = " ".join(note.quote.split())
        if len(quote) > QUOTE_PREVIEW:
            quote = quote[: QUOTE_PREVIEW - 1] + "…"
        head = f"{number}. “{quote}”"
        if note.outdated:
            head = (
                self.tr("%1 — ⚠ verouderd (passage uit versie %2 komt niet meer voor)")
                .replace("%1", head)
                .replace("%2", str(note.version))
            )
        elif note.version != shown_version:
            head = (
                self.tr("%1 — bij versie %2").replace("%1", head).replace("%2", str(note.version))
            )
        who = (
            self.tr("— %1, %2")
            .replace("%1", note.author_name or note.author)
            .replace("%2", short_time(note.created_at))
        )
        lines = [head, note.comment, who]
        if note.withdrawn:
            lines.insert(1, self.tr("✖ ingetrokken"))
        elif note.state is not None and note.state.edited:
            lines[2] = self.tr("%1 (gewijzigd)").replace("%1", who)
        if note.handled:
            lines.append(
                self.tr("✔ Afgehandeld door %1: %2")
                .replace("%1", note.handled_by_name or note.handled_by or "")
                .replace("%2", note.handled_note or "")
            )
        return "\n".join(lines)

    def item_for(self, annotation_id: int) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == annotation_id:
                return item
        return None

    def texts(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def select(self, annotation_id: int) -> None:
        item = self.item_for(annotation_id)
        if item is not None:
            self.list.blockSignals(True)
            self.list.setCurrentItem(item)
            self.list.blockSignals(False)
            self.show_actions(annotation_id)

    def _on_current(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.annotation_selected.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def wipe(self) -> None:
        self.list.clear()
        self._ids = []
        self._notes = {}
        self.show_actions(None)

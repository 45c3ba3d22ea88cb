"""Nothing typed is lost, and nothing selected is left behind (issue 12).

- The lock (Ctrl+L, idle) asks every page of the window for its unsaved state
  (``unsaved_drafts()``), keeps it through ``services.drafts`` (encrypted in the workspace, never
  a file) and, after the same person signs in again, hands each draft back to the pages
  (``restore_draft(draft) -> bool``).
- Sign-out and quit with unsaved changes ask: save, discard or cancel.
- The lock, sign-out and quit clear the clipboard and the X11 PRIMARY selection, but only while
  they still hold what this application put there (KeePassXC's rule, LOCK-8): something the
  person copied from another program since is theirs and stays.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication, QIcon, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import timefmt
from desktop_app.domain.drafts import Draft
from desktop_app.gui.pages import wrapped_label

log = logging.getLogger(__name__)


@runtime_checkable
class KeepsDrafts(Protocol):
    """A page (or dialog) that can hand over and take back its unsaved state."""

    def unsaved_drafts(self) -> list[Draft]: ...

    def restore_draft(self, draft: Draft) -> bool: ...


class Unsaved(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def unsaved_box(parent: QWidget, leaving: str) -> QMessageBox:
    """The question, built separately so a lock can close it while it is open."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Unsaved", "Wijzigingen niet opgeslagen"))
    box.setText(
        QCoreApplication.translate(
            "Unsaved",
            "U heeft wijzigingen die nog niet zijn opgeslagen. Wilt u ze opslaan voordat u %1?",
        ).replace("%1", leaving)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "Unsaved",
            "Opslaan legt ze vast zoals het venster zelf dat doet (een ambtsbericht als nieuwe "
            "versie); verwerpen gooit ze weg.",
        )
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.button(QMessageBox.StandardButton.Save).setText(
        QCoreApplication.translate("Unsaved", "&Opslaan")
    )
    box.button(QMessageBox.StandardButton.Discard).setText(
        QCoreApplication.translate("Unsaved", "&Verwerpen")
    )
    box.button(QMessageBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Unsaved", "&Annuleren")
    )
    for standard in (
        QMessageBox.StandardButton.Save,
        QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Cancel,
    ):
        box.button(standard).setIcon(QIcon())  # as in the form dialogs: the words are enough
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_unsaved(parent: QWidget, leaving: str, on_answer: Callable[[Unsaved], None]) -> QMessageBox:
    """Ask (window-modal, ``open()`` like every other message box, so a lock can tear it down
    with its window) and call ``on_answer``; closed any other way counts as cancel."""
    box = unsaved_box(parent, leaving)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(_result: int) -> None:
        clicked = box.clickedButton()
        if clicked is box.button(QMessageBox.StandardButton.Save):
            on_answer(Unsaved.SAVE)
        elif clicked is box.button(QMessageBox.StandardButton.Discard):
            on_answer(Unsaved.DISCARD)
        else:
            on_answer(Unsaved.CANCEL)

    box.finished.connect(finished)
    box.open()
    return box


def clear_own_clipboard() -> list[str]:
    """Clear the clipboard and the selection where this application still owns them.
    Returns the modes cleared (for the log and the tests)."""
    clipboard = QGuiApplication.clipboard()
    if clipboard is None:
        return []
    cleared: list[str] = []
    if clipboard.ownsClipboard():
        clipboard.clear(QClipboard.Mode.Clipboard)
        cleared.append("clipboard")
    if clipboard.supportsSelection() and clipboard.ownsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
        cleared.append("selection")
    return cleared


# --- open dialogs (issue 12: "and any open dialog with input") ----------------------------------
#
# One mechanism for every form dialog: a dialog declares what its draft belongs to
# (``draft_name`` and, when it is about one thing, ``draft_object``) and how to open it again
# (``reopen``, next to the dialog); the fields are found, read and filled here. The window
# collects the drafts of its open dialogs with those of its pages (``OpenDialogs``).

_DIALOG_KEY = re.compile(r"dialog:([a-z][a-z0-9_.-]{0,63})(?::([1-9][0-9]{0,17}))?")
# Cursor and selection are where the person was, not what they typed: not compared.
_PLACE = frozenset({"cursor", "anchor", "selection"})

# Opened again: the dialog, or a sentence why it cannot be (the object is gone, the step is no
# longer this person's); the typed text then stays visible to copy (``LeftoverDialog``).
Opened = Callable[["QDialog | str"], None]


@dataclass(frozen=True)
class DialogKey:
    """What a kept dialog belonged to: its name and, if it was about one thing, its id."""

    name: str
    object_id: int | None = None


def _is_secret(edit: QLineEdit) -> bool:
    return edit.echoMode() != QLineEdit.EchoMode.Normal


def editable_inputs(dialog: QWidget) -> list[QWidget]:
    """The fields a person can type in or choose from, in the order they were made (which is
    also the order their values must go back: a choice may reset the fields after it). A
    password field is never one: it is not kept."""
    found: list[QWidget] = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
                continue  # the editor inside a date or combo field, kept through its owner
            if widget.isReadOnly() or _is_secret(widget):
                continue
        elif isinstance(widget, (QPlainTextEdit, QTextEdit, QAbstractSpinBox)):
            if widget.isReadOnly():
                continue
        elif isinstance(widget, QAbstractButton):
            if not widget.isCheckable() or isinstance(widget.parent(), QDialogButtonBox):
                continue
        elif not isinstance(widget, QComboBox):
            continue
        found.append(widget)
    return found


def _plain(value: object) -> object:
    """A combo's item data as a draft can hold it (an enum by its value), else None."""
    if isinstance(value, enum.Enum):
        value = value.value
    return value if isinstance(value, (str, int, float, bool)) else None


def field_state(widget: QWidget) -> dict[str, Any]:
    if isinstance(widget, QLineEdit):
        state: dict[str, Any] = {"text": widget.text(), "cursor": widget.cursorPosition()}
        if widget.hasSelectedText():
            state["selection"] = [widget.selectionStart(), len(widget.selectedText())]
        return state
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        cursor = widget.textCursor()
        return {
            "text": widget.toPlainText(),
            "cursor": cursor.position(),
            "anchor": cursor.anchor(),
        }
    if isinstance(widget, QComboBox):
        if widget.isEditable():
            return {"text": widget.currentText()}
        return {"choice": widget.currentText(), "data": _plain(widget.currentData())}
    if isinstance(widget, QDateEdit) and not isinstance(widget, QTimeEdit):
        return {"date": widget.date().toString(Qt.DateFormat.ISODate)}
    if isinstance(widget, QDateTimeEdit):
        return {"datetime": widget.dateTime().toString(Qt.DateFormat.ISODate)}
    if isinstance(widget, QSpinBox):
        return {"value": widget.value()}
    if isinstance(widget, QDoubleSpinBox):
        return {"value": widget.value()}
    if isinstance(widget, QAbstractButton):
        return {"checked": widget.isChecked()}
    return {}


def _choose(combo: QComboBox, state: Mapping[str, Any]) -> bool:
    data = state.get("data")
    for index in range(combo.count()):
        if data is not None and _plain(combo.itemData(index)) == data:
            combo.setCurrentIndex(index)
            return True
    index = combo.findText(str(state.get("choice", "")))
    if index >= 0:
        combo.setCurrentIndex(index)
        return True
    return False


def apply_state(widget: QWidget, state: Mapping[str, Any]) -> bool:
    """Fill one field. False when it cannot be yet (a choice not in the list, e.g. before the
    list has loaded)."""
    text = state.get("text")
    if isinstance(widget, QLineEdit) and isinstance(text, str):
        widget.setText(text)
        selection = state.get("selection")
        if isinstance(selection, list) and len(selection) == 2:
            widget.setSelection(int(selection[0]), int(selection[1]))
        elif isinstance(state.get("cursor"), int):
            widget.setCursorPosition(int(state["cursor"]))
        return True
    if isinstance(widget, (QPlainTextEdit, QTextEdit)) and isinstance(text, str):
        widget.setPlainText(text)
        cursor = widget.textCursor()
        length = len(widget.toPlainText())
        anchor, position = state.get("anchor"), state.get("cursor")
        if isinstance(anchor, int) and isinstance(position, int):
            cursor.setPosition(max(0, min(anchor, length)))
            cursor.setPosition(max(0, min(position, length)), QTextCursor.MoveMode.KeepAnchor)
            widget.setTextCursor(cursor)
        return True
    if isinstance(widget, QComboBox):
        if widget.isEditable() and isinstance(text, str):
            widget.setCurrentText(text)
            return True
        return _choose(widget, state)
    if isinstance(widget, QDateEdit) and isinstance(state.get("date"), str):
        day = QDate.fromString(str(state["date"]), Qt.DateFormat.ISODate)
        if day.isValid():
            widget.setDate(day)
        return True
    if isinstance(widget, QDateTimeEdit) and isinstance(state.get("datetime"), str):
        moment = QDateTime.fromString(str(state["datetime"]), Qt.DateFormat.ISODate)
        if moment.isValid():
            widget.setDateTime(moment)
        return True
    value = state.get("value")
    if isinstance(widget, QSpinBox) and isinstance(value, int):
        widget.setValue(value)
        return True
    if isinstance(widget, QDoubleSpinBox) and isinstance(value, (int, float)):
        widget.setValue(float(value))
        return True
    if isinstance(widget, QAbstractButton) and isinstance(state.get("checked"), bool):
        widget.setChecked(bool(state["checked"]))
        return True
    return True


def _caption(dialog: QWidget, widget: QWidget) -> str:
    for label in dialog.findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&", "")
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    return widget.accessibleName() or ""


def _shown_value(state: Mapping[str, Any]) -> str:
    day = state.get("date")
    if isinstance(day, str):
        with contextlib.suppress(ValueError):
            return timefmt.table_date(dt.date.fromisoformat(day))  # the window's date style
    for key in ("text", "choice", "date", "datetime", "value"):
        if key in state and state[key] not in (None, ""):
            return str(state[key])
    if "checked" in state:
        return (
            QCoreApplication.translate("DialogDrafts", "ja")
            if state["checked"]
            else QCoreApplication.translate("DialogDrafts", "nee")
        )
    return ""


class DialogDrafts:
    """Mixin for a dialog with input (before QDialog in its bases): its unsaved input is kept at
    the lock and opened again, filled, focus and cursor where they were, after the same person
    signs in again. A dialog takes part by setting ``draft_name`` (the key, "dialog:<name>",
    with ``draft_object`` the id of the thing it is about, if any) and ``reopen``; a class
    without a name keeps nothing (a confirmation, a password)."""

    draft_name: str = ""  # an instance may take another of its class's names (an alias)
    draft_object: int | None = None
    _draft_baseline: dict[str, dict[str, Any]] | None = None
    _draft_waiting: dict[str, Mapping[str, Any]] | None = None
    _draft_then: Callable[[], None] | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        name = cls.__dict__.get("draft_name")
        for each in (name, *cls.__dict__.get("draft_aliases", ())):
            if each:
                DIALOG_REGISTRY[str(each)] = cls

    # Further names this class keeps its drafts under (one dialog for two steps).
    draft_aliases: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        """Open the dialog again the ordinary way (its page's opener, with the checks and the
        use case of OK), then ``opened(dialog)``; or ``opened(sentence)`` when it cannot be."""
        raise NotImplementedError

    # --- the fields -------------------------------------------------------------------------

    def _as_widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def draft_fields(self) -> dict[str, QWidget]:
        """Each input by a name that is the same in the next opening of the dialog: its
        attribute, an entry of a dict attribute (the role check boxes), or its place."""
        me = self._as_widget()
        names: dict[int, str] = {}
        for attribute, value in vars(self).items():
            if isinstance(value, QWidget):
                names.setdefault(id(value), attribute)
        for attribute, value in vars(self).items():
            if isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(item, QWidget):
                        label = key.value if isinstance(key, enum.Enum) else key
                        names.setdefault(id(item), f"{attribute}.{label}")
        fields: dict[str, QWidget] = {}
        for number, widget in enumerate(editable_inputs(me)):
            fields[names.get(id(widget), f"{type(widget).__name__}.{number}")] = widget
        return fields

    def draft_state(self) -> dict[str, dict[str, Any]]:
        return {name: field_state(widget) for name, widget in self.draft_fields().items()}

    def draft_baseline(self, widget: QWidget | None = None) -> None:
        """What the dialog holds before the person types: taken when it is first shown; a
        dialog that fills a field itself later (a list loaded in the background) calls this
        with that field, which also puts back a kept choice that was waiting for the list."""
        if widget is None or self._draft_baseline is None:
            self._draft_baseline = self.draft_state()
            return
        for name, field in self.draft_fields().items():
            if field is widget:
                self._draft_baseline[name] = field_state(field)
                waiting = self._draft_waiting or {}
                if name in waiting and apply_state(field, waiting[name]):
                    del waiting[name]

    def showEvent(self, event: QShowEvent) -> None:
        if self._draft_baseline is None:
            self._draft_baseline = self.draft_state()
        super().showEvent(event)  # type: ignore[misc]

    @property
    def draft_key(self) -> str:
        key = f"dialog:{self.draft_name}"
        return key if self.draft_object is None else f"{key}:{int(self.draft_object)}"

    def has_unsaved(self) -> bool:
        me = self._as_widget()
        if not self.draft_name or not me.isVisible():
            return False
        if self._draft_waiting:
            return True
        baseline = self._draft_baseline or {}
        for name, state in self.draft_state().items():
            before = baseline.get(name, {})
            if {k: v for k, v in state.items() if k not in _PLACE} != {
                k: v for k, v in before.items() if k not in _PLACE
            }:
                return True
        return False

    # --- KeepsDrafts ------------------------------------------------------------------------

    def unsaved_drafts(self) -> list[Draft]:
        if not self.has_unsaved():
            return []
        me = self._as_widget()
        fields = self.draft_fields()
        state: dict[str, Mapping[str, Any]] = {n: field_state(w) for n, w in fields.items()}
        state.update(self._draft_waiting or {})
        focus = me.focusWidget()
        focused = next((n for n, w in fields.items() if w is focus), None)
        busy = getattr(me, "busy_bar", None)
        content = {
            "title": me.windowTitle(),
            "fields": state,
            "captions": {name: _caption(me, w) for name, w in fields.items()},
            "focus": focused,
            # OK was pressed and its use case still ran when the lock came: it may have gone
            # through, so the reopened dialog says to check before pressing OK again.
            "sent": isinstance(busy, QWidget) and busy.isVisible(),
        }
        return [Draft(self.draft_key, content)]

    def restore_draft(self, draft: Draft) -> bool:
        """Fill the fields as they were kept; a choice the list does not hold yet waits for
        ``draft_baseline(field)``. The baseline stays: what comes back is still unsaved."""
        if draft.belongs_to != self.draft_key:
            return False
        kept = draft.content.get("fields")
        if not isinstance(kept, Mapping):
            return False
        waiting: dict[str, Mapping[str, Any]] = {}
        fields = self.draft_fields()
        for name, widget in fields.items():
            state = kept.get(name)
            if isinstance(state, Mapping) and not apply_state(widget, state):
                waiting[name] = state
        self._draft_waiting = waiting
        show_error = getattr(self, "show_error", None)
        if draft.content.get("sent") and callable(show_error):
            show_error(
                QCoreApplication.translate(
                    "DialogDrafts",
                    "Dit was al verstuurd toen de werkplek vergrendelde. Kijk eerst of het is "
                    "vastgelegd voordat u het opnieuw doet.",
                )
            )
        focus = fields.get(str(draft.content.get("focus")))
        if focus is not None:
            focus.setFocus()
            state = kept.get(str(draft.content.get("focus")))
            if isinstance(state, Mapping):
                apply_state(focus, state)  # the cursor again: focusing may have moved it
        return True

    def save_unsaved(self, then: Callable[[], None]) -> None:
        """'Opslaan' at sign-out or quit: the dialog's own OK (its use case); ``then`` once it
        has gone through. A refusal shows in the dialog, which stays open, and ``then`` is
        dropped: nothing leaves."""
        me = self._as_widget()
        error = getattr(me, "error_label", None)
        ok = getattr(me, "_on_ok", None)
        if not isinstance(me, QDialog) or not callable(ok):
            return
        self._draft_then = then
        if isinstance(error, QLabel):
            error.hide()
            watcher = _Refused(self, error)
            error.installEventFilter(watcher)

        def accepted() -> None:
            go, self._draft_then = self._draft_then, None
            if go is not None:
                QTimer.singleShot(0, go)  # after the page has taken the result

        me.accepted.connect(accepted)
        ok()


class _Refused(QObject):
    """The error line of a dialog being saved for sign-out appeared: the sign-out waits."""

    def __init__(self, dialog: DialogDrafts, label: QLabel) -> None:
        super().__init__(label)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.dialog._draft_then = None
            watched.removeEventFilter(self)
        return False


# name -> the dialog class that keeps and reopens it (filled by DialogDrafts subclasses).
DIALOG_REGISTRY: dict[str, type[DialogDrafts]] = {}


class LeftoverDialog(QDialog):
    """A kept dialog that cannot open again: why, in a sentence, and what was typed, to copy.
    Closing it lets the text go; a lock while it is open keeps it once more."""

    def __init__(self, parent: QWidget, message: str, draft: Draft) -> None:
        super().__init__(parent)
        self.setObjectName("leftoverDraftDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.draft = draft
        title = str(draft.content.get("title") or "")
        self.setWindowTitle(QCoreApplication.translate("DialogDrafts", "Niet-opgeslagen invoer"))
        layout = QVBoxLayout(self)
        self.message_label = wrapped_label(message, self, "leftoverMessage")
        layout.addWidget(self.message_label)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("leftoverText")
        self.text_edit.setReadOnly(True)
        self.text_edit.setPlainText(leftover_text(draft))
        self.text_edit.setAccessibleName(title)
        layout.addWidget(self.text_edit, 1)
        buttons = QDialogButtonBox(self)
        self.copy_button = buttons.addButton(
            QCoreApplication.translate("DialogDrafts", "&Kopiëren"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.copy_button.clicked.connect(self._copy)
        close = buttons.addButton(
            QCoreApplication.translate("DialogDrafts", "&Sluiten"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def _copy(self) -> None:
        self.text_edit.selectAll()
        self.text_edit.copy()

    def has_unsaved(self) -> bool:
        return False  # nothing to save: sign-out and quit need not ask

    def unsaved_drafts(self) -> list[Draft]:
        return [self.draft] if self.isVisible() else []

    def restore_draft(self, draft: Draft) -> bool:
        return False


def leftover_text(draft: Draft) -> str:
    """The kept input as lines "caption: value" (empty fields left out)."""
    lines = []
    title = draft.content.get("title")
    if title:
        lines.append(str(title))
    fields = draft.content.get("fields")
    captions = draft.content.get("captions")
    if isinstance(fields, Mapping):
        names = captions if isinstance(captions, Mapping) else {}
        for name, state in fields.items():
            if not isinstance(state, Mapping):
                continue
            value = _shown_value(state)
            if value:
                lines.append(f"{names.get(name) or name}: {value}")
    return "\n".join(lines)


def _gone_sentence() -> str:
    return QCoreApplication.translate(
        "DialogDrafts",
        "Dit venster kan niet opnieuw worden geopend. Wat u had ingevuld staat hieronder, "
        "om over te nemen.",
    )


def cannot_reopen(reason: str) -> str:
    """The sentence for ``opened`` when the dialog's object is gone or the step is no longer
    possible (``reason``: the service's or the permission's own sentence)."""
    return QCoreApplication.translate(
        "DialogDrafts",
        "Het venster dat u open had kan niet opnieuw worden geopend: %1 Wat u had ingevuld "
        "staat hieronder, om over te nemen.",
    ).replace("%1", reason.strip())


def reopen_on_page(section: str, opener: str) -> Any:
    """``reopen`` for a dialog its page opens without an object: show the section and call
    the page's opener (``reopen = reopen_on_page("requests", "open_register_dialog")``)."""

    def reopen(cls: type, window: Any, key: DialogKey, opened: Opened) -> None:
        owner: Any = window.show_section(section)
        *path, method = opener.split(".")  # "calendar_page.open_add_dialog": a tab of the page
        for attribute in path:
            owner = getattr(owner, attribute)
            tabs = owner.parent().parent() if owner.parent() is not None else None
            if isinstance(tabs, QTabWidget):
                tabs.setCurrentWidget(owner)
        dialog = getattr(owner, method)()
        opened(dialog if isinstance(dialog, QDialog) else _gone_sentence())

    return classmethod(reopen)


def reopen_on_report(
    window: Any, key: DialogKey, opened: Opened, button: str, opener: str, part: str = ""
) -> None:
    """``reopen`` for a dialog about one report: the report loaded afresh in the Ambtsberichten
    section, then the step's dialog if the step (its button, on the detail or on ``part`` of
    it, e.g. "evidence") is still offered and allowed."""
    from desktop_app.gui.reports import ReportsPage
    from desktop_app.services import reports

    page = window.show_section("reports")
    assert isinstance(page, ReportsPage) and key.object_id is not None
    detail, session, report_id = page.detail, page.session, key.object_id

    def check(_: object = None) -> None:
        owner = getattr(detail, part) if part else detail
        step = getattr(owner, button)
        if step.isHidden() or not step.isEnabled():
            opened(cannot_reopen(step.toolTip() or _gone_sentence()))
            return
        dialog = getattr(owner, opener)()
        opened(dialog if isinstance(dialog, QDialog) else _gone_sentence())

    def loaded(view: Any) -> None:
        detail.show_view(view)
        # After what showing it started (a tab loading its own list): the worker is serial.
        detail.runner.run(lambda: None, check, owner=detail)

    detail.runner.run(
        lambda: reports.get_report(session, report_id),
        loaded,
        lambda exc: opened(cannot_reopen(_message(exc))),
        owner=detail,
    )


def _message(exc: BaseException) -> str:
    from desktop_app.gui.errors import message_for

    return message_for(exc)


class OpenDialogs:
    """The window's open dialogs as one keeper next to its pages: their drafts at the lock,
    reopening them after sign-in, asking and saving at sign-out and quit."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self._pending: list[Draft] = []  # being reopened (waiting for their object to load)

    def dialogs(self) -> list[QWidget]:
        found: list[QWidget] = []
        for dialog in self.window.findChildren(QDialog):
            if isinstance(dialog, KeepsDrafts) and dialog.isVisible():
                found.append(dialog)
        return found

    def has_unsaved(self) -> bool:
        return any(getattr(d, "has_unsaved", lambda: False)() for d in self.dialogs())

    def save_unsaved(self, then: Callable[[], None]) -> None:
        pending = [d for d in self.dialogs() if getattr(d, "has_unsaved", lambda: False)()]

        def next_one() -> None:
            if not pending:
                then()
                return
            dialog = pending.pop(0)
            if not shiboken6.isValid(dialog):
                next_one()
                return
            dialog.save_unsaved(next_one)  # type: ignore[attr-defined]

        next_one()

    def unsaved_drafts(self) -> list[Draft]:
        found = list(self._pending)
        for dialog in self.dialogs():
            assert isinstance(dialog, KeepsDrafts)
            found.extend(dialog.unsaved_drafts())
        return found

    def restore_draft(self, draft: Draft) -> bool:
        """A kept dialog of the registry: open it again and fill it, or say why not and show
        what was typed. False for keys that are not the registry's (a page's own)."""
        match = _DIALOG_KEY.fullmatch(draft.belongs_to)
        if match is None or match.group(1) not in DIALOG_REGISTRY:
            return False
        cls = DIALOG_REGISTRY[match.group(1)]
        object_id = int(match.group(2)) if match.group(2) else None
        self._pending.append(draft)
        done = [False]

        def opened(result: QDialog | str) -> None:
            if done[0] or not shiboken6.isValid(self.window):
                return
            done[0] = True
            self._pending = [d for d in self._pending if d is not draft]
            if isinstance(result, DialogDrafts):
                result.draft_object = (
                    object_id if result.draft_object is None else result.draft_object
                )
                if result.restore_draft(draft):
                    return
                result_dialog = result._as_widget()
                result_dialog.close()
                result = _gone_sentence()
            self.show_leftover(result if isinstance(result, str) else _gone_sentence(), draft)

        try:
            cls.reopen(self.window, DialogKey(match.group(1), object_id), opened)
        except Exception:
            log.exception("reopening a kept dialog failed")
            opened(_gone_sentence())
        return True

    def show_leftover(self, message: str, draft: Draft) -> LeftoverDialog:
        box = LeftoverDialog(self.window, message, draft)
        box.open()
        return box

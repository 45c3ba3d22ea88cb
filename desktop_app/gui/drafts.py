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

import enum
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.domain.drafts import Draft


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
            "Unsaved", "Opslaan maakt er een nieuwe versie van; verwerpen gooit ze weg."
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

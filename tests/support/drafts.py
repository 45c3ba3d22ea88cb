"""What the draft tests of the window look at: the drafts waiting for a person (read without
taking them), the unsaved-changes question, and the open comment dialogs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.gui.reports.dialogs import CommentDialog
from desktop_app.storage import drafts as drafts_repo
from tests.gui.gui_support import PASSWORDS, all_texts, flush_deletes


def waiting_drafts(workspace: Any, name: str) -> list[str]:
    """The keys of ``name``'s drafts, read without taking them (test code only)."""
    with workspace.session(name, PASSWORDS[name]) as s, s.reading() as conn:
        return [d.belongs_to for d in drafts_repo.for_owner(conn, s.user.id)]


def unsaved_questions() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.allWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "unsavedQuestion" and w.isVisible()
    ]


def answer_unsaved(button: QMessageBox.StandardButton) -> None:
    """Click ``button`` in the one open unsaved-changes question."""
    (box,) = unsaved_questions()
    assert "niet zijn opgeslagen" in box.text()
    box.button(button).click()


def comment_dialogs() -> list[CommentDialog]:
    return [w for w in QApplication.allWidgets() if isinstance(w, CommentDialog) and w.isVisible()]


def comment_then_lock(controller: Any, dialog: CommentDialog, text: str, cursor_at: int) -> None:
    """Type ``text`` in the comment dialog, the cursor at ``cursor_at``, and lock with Ctrl+L:
    the session is gone and no window shows any of the text."""
    dialog.comment_edit.setPlainText(text)
    cursor = dialog.comment_edit.textCursor()
    cursor.setPosition(cursor_at)
    dialog.comment_edit.setTextCursor(cursor)
    QTest.keySequence(dialog.windowHandle(), QKeySequence("Ctrl+L"))
    assert controller.session is None
    flush_deletes()
    assert text not in all_texts()


def idle_out(controller: Any, clock: Any) -> None:
    """Let the idle limit (five minutes) pass: the idle check locks."""
    clock.advance(dt.timedelta(minutes=5, seconds=1))
    assert controller.idle.check() is True


@dataclass(frozen=True)
class QuitAnswer:
    """An answer to the unsaved-changes question on quitting, and what must follow it."""

    button: QMessageBox.StandardButton
    quits: int  # how many quits follow (0: the window stays)
    saved: int  # how many records the work became (0 or 1)


# The three answers: cancel, discard, save.
quit_answers = pytest.mark.parametrize(
    "answer",
    [
        QuitAnswer(QMessageBox.StandardButton.Cancel, 0, 0),
        QuitAnswer(QMessageBox.StandardButton.Discard, 1, 0),
        QuitAnswer(QMessageBox.StandardButton.Save, 1, 1),
    ],
    ids=["annuleren", "verwerpen", "opslaan"],
)

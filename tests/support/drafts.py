"""What the draft tests of the window look at: the drafts waiting for a person (read without
taking them), the unsaved-changes question, the open comment dialogs, the lock with Ctrl+L and
another person signing in at it."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

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


def lock_with_ctrl_l(controller: Any, widget: QWidget, text: str) -> None:
    """Ctrl+L in ``widget``'s window: the session is gone without a question and no window
    shows ``text`` any more."""
    QTest.keySequence(widget.windowHandle(), QKeySequence("Ctrl+L"))
    assert controller.session is None and not unsaved_questions()  # the lock never asks
    flush_deletes()
    assert text not in all_texts()


def comment_then_lock(controller: Any, dialog: CommentDialog, text: str, cursor_at: int) -> None:
    """Type ``text`` in the comment dialog, the cursor at ``cursor_at``, and lock with Ctrl+L
    (``lock_with_ctrl_l``)."""
    dialog.comment_edit.setPlainText(text)
    cursor = dialog.comment_edit.textCursor()
    cursor.setPosition(cursor_at)
    dialog.comment_edit.setTextCursor(cursor)
    lock_with_ctrl_l(controller, dialog, text)


@contextlib.contextmanager
def another_person_at_the_lock(
    controller: Any,
    sign_in: Any,
    workspace: Any,
    text: str,
    other: str,
    owner: str,
    keys: list[str],
) -> Iterator[None]:
    """``other`` signs in at the lock screen ``owner`` left: no window shows ``text``, nothing
    is unsaved, and ``owner``'s drafts are still ``keys``. ``other`` signs out at the end of
    the ``with`` block."""
    stranger = sign_in(controller, other)
    assert stranger is not None
    flush_deletes()
    assert text not in all_texts()
    assert not stranger.has_unsaved()
    assert waiting_drafts(workspace, owner) == keys  # untouched, for its owner
    yield
    controller.sign_out()
    flush_deletes()


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

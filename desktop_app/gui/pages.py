"""What every section page starts with: its margins and a title row, the title on the left and
the page's own buttons (added to the row afterwards) on the right; what the pages build their
labels and rows of buttons from; and ``SectionPage``, the base of the pages in the look of the
requests views (the requests list, the dashboard, provisions, statistics, the covenant register,
the consultations): their name and style, the session and the background runner, and loading
through the services on that runner with an error box for a failure and no stale answer shown
over a newer one; and at the lock, the dialog a page opened last wiped and closed. And
``keep_focus_in_view``: a scroll area that brings the field taking the focus into sight."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.tasks import Done, Failed, TaskRunner
from desktop_app.services.session import Session

PAGE_MARGINS = (20, 16, 20, 12)


def titled_page_layout(
    page: QWidget,
    title: str,
    *,
    margins: tuple[int, int, int, int] = PAGE_MARGINS,
    spacing: int = 8,
) -> tuple[QVBoxLayout, QHBoxLayout]:
    """``page``'s vertical layout with the title row already in it, and that row: what the page
    adds to the row after this lands right of the title."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(*margins)
    layout.setSpacing(spacing)
    top = QHBoxLayout()
    label = QLabel(title, page)
    label.setObjectName("pageTitle")
    top.addWidget(label)
    top.addStretch(1)
    layout.addLayout(top)
    return layout, top


def wrapped_label(
    text: str, parent: QWidget, name: str = "", *, selectable: bool = False
) -> QLabel:
    """A label whose text wraps at the width it gets; ``name`` is its object name (the style's
    ``subTitle``, ``hintLabel``, ``errorLabel``, …, or where tests look for it);
    ``selectable``: its text can be selected with the mouse (to copy a reference or a path)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def push_button(
    text: str, parent: QWidget, slot: Callable[[], object], name: str = ""
) -> QPushButton:
    """A button that calls ``slot()`` when clicked (without Qt's ``checked`` argument);
    ``name`` is its object name, where tests and the style look for it."""
    button = QPushButton(text, parent)
    if name:
        button.setObjectName(name)
    button.clicked.connect(lambda _=False: slot())
    return button


def button_row(*buttons: QWidget, spacing: int | None = None) -> QHBoxLayout:
    """``buttons`` side by side from the left, the rest of the row empty."""
    row = QHBoxLayout()
    if spacing is not None:
        row.setSpacing(spacing)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


# The requests views' look, on top of resources/styles/app.qss: the labels it dresses by name.
# Every state also has words or a sign; colour only repeats it.
SECTION_STYLE = """
QLabel#requestTitle { font-size: 12pt; font-weight: bold; color: #1f3a5f; }
QLabel#fieldLabel { font-weight: bold; color: #3b4756; }
QLabel#countLabel { color: #3b4756; }
QLabel#importResult { padding: 5px 8px; border-radius: 4px; background: #eef4fb;
    border: 1px solid #c9d9ec; }
QLabel#importResult[verdict="ok"] { background: #e7f6ec; border: 1px solid #9fd5b0;
    color: #14532d; }
QLabel#importResult[verdict="bad"] { background: #fde8e8; border: 1px solid #f3b4b4;
    color: #7f1d1d; }
QLabel#subTitle { color: #3b4756; }
QLabel#sectionLabel { font-weight: bold; color: #1f3a5f; font-size: 11pt; }
QLabel#figureValue { font-weight: bold; }
QFrame#figuresFrame { background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px; }
"""


class WipedDialog(Protocol):
    def wipe(self) -> None: ...

    def reject(self) -> None: ...


def wipe_dialog(dialog: WipedDialog | None) -> None:
    """The lock: a dialog still open loses what was typed into it and closes (one that was
    deleted with its window already is left alone)."""
    if dialog is None:
        return
    try:
        dialog.wipe()
        dialog.reject()
    except RuntimeError:  # already deleted with its window
        pass


class SectionPage(QWidget):
    def __init__(
        self, name: str, session: Session, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(SECTION_STYLE)
        self.session = session
        self.runner = runner
        # Bumped by every run_latest and drop_pending (a page that guards several answers of
        # one load itself bumps it too): an answer for an older number is dropped.
        self._serial = 0

    def run_task(self, work: Callable[[], Any], done: Done, failed: Failed | None = None) -> None:
        """``work`` on the background runner, then ``done`` with its result on this thread; a
        failure goes to ``failed``, without it (the runner's way) to the error box over this
        page."""
        self.runner.run(work, done, failed, owner=self)

    def run_latest(self, work: Callable[[], Any], done: Done, failed: Failed | None = None) -> None:
        """As ``run_task``, but ``done`` (and ``failed``, when given) only while no later
        ``run_latest`` or ``drop_pending`` came: an older answer never replaces a newer one.
        Without ``failed`` every failure is shown."""
        self._serial += 1
        serial = self._serial

        def latest(result: Any) -> None:
            if serial == self._serial:
                done(result)

        def latest_failed(exc: BaseException) -> None:
            if serial == self._serial and failed is not None:
                failed(exc)

        self.run_task(work, latest, None if failed is None else latest_failed)

    def drop_pending(self) -> None:
        """No answer of a load started before this is shown any more (the lock)."""
        self._serial += 1


class _FocusInView(QObject):
    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not shiboken6.isValid(self) or not shiboken6.isValid(new):
            return
        body = self.area.widget()
        if body is None or not body.isAncestorOf(new):
            return
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return  # a click: the person is looking at the field already
        self.area.ensureWidgetVisible(new)  # a text field: its cursor line


def keep_focus_in_view(area: QScrollArea) -> None:
    """Scroll ``area`` to the field inside it that takes the focus by the keyboard (a
    mnemonic such as Alt+A, Tab, or the window putting the cursor there): QScrollArea only
    follows Tab by itself, so a mnemonic left the field out of sight (QA, 1024x700)."""
    _FocusInView(area)

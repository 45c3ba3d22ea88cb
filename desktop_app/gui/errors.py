"""The one error presenter and the global excepthook (CFG-4): people see a sentence, the log
gets the traceback."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.domain.errors import AppError
from desktop_app.domain.messages import translate

log = logging.getLogger(__name__)


def generic_message() -> str:
    return QCoreApplication.translate(
        "errors",
        "Er ging iets onverwacht mis. Probeer het opnieuw; blijft het misgaan, meld het dan aan "
        "de functioneel beheerder.",
    )


def error_title() -> str:
    return QCoreApplication.translate("errors", "Convenantwerkplek — melding")


def message_for(exc: BaseException) -> str:
    """The sentence for a person. An AppError carries one; anything else gets a generic
    sentence and its traceback goes to the log only."""
    if isinstance(exc, AppError):
        return translate(exc.message)  # the core's Dutch, in English mode its English
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return generic_message()


# A box without a parent is owned by nobody on the C++ side: keep it alive until it closes.
_ORPHANS: set[QMessageBox] = set()


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, name: str
) -> QMessageBox:
    box = QMessageBox(parent)
    if parent is None:
        _ORPHANS.add(box)
        box.finished.connect(lambda _result: _ORPHANS.discard(box))
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName(name)
    box.open()
    return box


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """A window-modal message box with the sentence; returns at once (``open()``, not
    ``exec()``), so a lock can tear it down together with its parent."""
    return _box(parent, QMessageBox.Icon.Warning, error_title(), message_for(exc), "errorBox")


def show_info(parent: QWidget | None, text: str) -> QMessageBox:
    title = QCoreApplication.translate("errors", "Convenantwerkplek")
    return _box(parent, QMessageBox.Icon.Information, title, text, "infoBox")


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log the traceback, show the sentence; never a traceback on screen."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if isinstance(exc, AppError):
        text = exc.message
    else:
        log.critical("unhandled exception", exc_info=(exc_type, exc, tb))
        text = generic_message()
    if QApplication.instance() is None:
        print(text, file=sys.stderr)
        return
    try:
        _box(QApplication.activeWindow(), QMessageBox.Icon.Warning, error_title(), text, "errorBox")
    except Exception:  # the hook itself must never raise
        log.exception("could not show an error")


def install_excepthook() -> None:
    sys.excepthook = excepthook

"""The file dialogs the pages open: window-modal (``open()``, never a nested event loop), deleted
when they close, the chosen name handed to a callback. They are returned so a test can drive
them (``fileSelected.emit(...)``, ``reject()``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget


def save_file_dialog(
    parent: QWidget,
    title: str,
    name_filter: str,
    default_suffix: str,
    file_name: str,
    chosen: Callable[[str], object],
) -> QFileDialog:
    """Ask where to save: ``file_name`` is suggested, and a name typed without an ending gets
    ``default_suffix`` (without the dot)."""
    dialog = QFileDialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(default_suffix)
    dialog.selectFile(file_name)
    return _opened(dialog, chosen)


def open_file_dialog(
    parent: QWidget,
    title: str,
    name_filters: Sequence[str],
    chosen: Callable[[str], object],
) -> QFileDialog:
    """Ask for an existing file to read, offering ``name_filters`` (the first one shown)."""
    dialog = QFileDialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(list(name_filters))
    return _opened(dialog, chosen)


def _opened(dialog: QFileDialog, chosen: Callable[[str], object]) -> QFileDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(chosen)
    dialog.open()
    return dialog

"""QA walk of restoring a backup and re-binding from the sign-in dialog, by keyboard: typing
starts in the form, every caption's letter reaches its field, a command-line backup can be
picked, and the target folder offered is one the restore can use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.gui.wizard.restore import RestoreDialog
from tests.gui.gui_support import flush_deletes
from tests.gui.keyboard_support import visual_order_problems, window_problems


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_restore_dialog_by_keyboard(controller: Any) -> None:
    dialog = controller.open_restore_dialog()
    _settle()
    assert dialog.focusWidget() is dialog.file_edit  # not the OK button: typing is kept
    assert window_problems(dialog, "restore") == []
    assert visual_order_problems(dialog, "restore") == []
    # "Back-up&bestand" leads to the file field, not to the row around it.
    caption = dialog.form.labelForField(dialog.file_edit.parentWidget())
    assert isinstance(caption, QLabel) and caption.buddy() is not None
    dialog.recovery_edit.setFocus()
    caption.buddy().setFocus()
    assert dialog.focusWidget() is dialog.file_edit


def test_rebind_dialog_starts_in_the_recovery_key(controller: Any) -> None:
    dialog = controller.open_rebind_dialog()
    _settle()
    assert dialog.focusWidget() is dialog.recovery_edit


def test_a_backup_of_any_name_can_be_picked(controller: Any) -> None:
    dialog = controller.open_restore_dialog()
    dialog._browse()
    chooser = dialog.file_dialog
    assert chooser is not None
    try:
        filters = chooser.nameFilters()
        assert any("*.backup" in f for f in filters)
        assert any(f.endswith("(*)") for f in filters), filters  # werkplek-….cwpb from the CLI
    finally:
        chooser.reject()


def test_the_target_offered_is_never_a_workspace(
    controller: Any, workspace: Any, tmp_path: Path
) -> None:
    # From the sign-in dialog of a workspace: that folder would always be refused.
    dialog = controller.open_restore_dialog()
    assert dialog.folder_edit.text() == ""
    dialog.reject()
    flush_deletes()
    empty = RestoreDialog(tmp_path / "nieuw")
    assert empty.folder_edit.text() == str(tmp_path / "nieuw")
    empty.close()

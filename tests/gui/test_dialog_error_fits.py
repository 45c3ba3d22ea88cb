"""A form dialog's error sentence, however long, keeps the dialog within the screen (QA at
1024x700: a long refusal grew the dialog until its buttons were below the screen's edge). The
sentence wraps; past a few lines it scrolls in its own area, the form keeps its room."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.domain.classification import Classification
from desktop_app.gui.admin.workspace import ConfirmWithPasswordDialog, RecoveryKeyDialog
from desktop_app.gui.covenant.dialogs import PlanDialog
from desktop_app.gui.dialogs import (
    AddUserDialog,
    ChangePasswordDialog,
    DeactivateUserDialog,
    FormDialog,
)
from desktop_app.security import recovery
from tests.gui.gui_support import flush_deletes

LONG = "Deze zin is lang omdat de dienst veel uitlegt over wat er misging en waarom. " * 60
SHORT = "Vul uw wachtwoord in."

MAKERS: dict[str, Callable[[], FormDialog]] = {
    "deactivate": lambda: DeactivateUserDialog("jan", "Jan Jansen"),
    "change-password": ChangePasswordDialog,
    "add-user": AddUserDialog,
    "reauth": lambda: ConfirmWithPasswordDialog("Titel", "OK", "Uitleg.", None),
    "recovery-key": lambda: RecoveryKeyDialog(recovery.generate(), None, ask=0),
    "plan": lambda: PlanDialog(Classification.STG_GEHEIM, dt.date(2026, 11, 2)),
}


@pytest.fixture(params=sorted(MAKERS))
def dialog(request: pytest.FixtureRequest, styled: QApplication) -> Iterator[FormDialog]:
    made = MAKERS[request.param]()
    made.show()
    QApplication.processEvents()
    yield made
    made.close()
    flush_deletes()


def _inside(widget: QWidget, outer: QWidget) -> bool:
    top_left = widget.mapTo(outer, widget.rect().topLeft())
    bottom_right = widget.mapTo(outer, widget.rect().bottomRight())
    return outer.rect().contains(top_left) and outer.rect().contains(bottom_right)


def test_a_long_error_scrolls_and_the_dialog_stays_on_the_screen(dialog: FormDialog) -> None:
    screen = dialog.screen().availableGeometry()
    before = dialog.height()
    dialog.show_error(LONG)
    QApplication.processEvents()
    assert dialog.height() <= screen.height()
    for button in (dialog.ok_button, dialog.cancel_button):
        assert not button.isVisibleTo(dialog) or _inside(button, dialog)
    # At most six lines at once; the rest scrolls and nothing of the sentence is cut.
    lines = dialog.error_label.fontMetrics().lineSpacing()
    assert dialog.error_area.height() <= lines * (6 + 1)
    assert dialog.error_area.verticalScrollBar().maximum() > 0
    assert dialog.error_label.text() == "⚠ " + LONG
    assert dialog.error_label.height() >= dialog.error_label.heightForWidth(
        dialog.error_label.width()
    )
    assert dialog.height() - before <= lines * (6 + 1) + 30


def test_a_short_error_shows_whole_without_a_scroll_bar(dialog: FormDialog) -> None:
    dialog.show_error(SHORT)
    QApplication.processEvents()
    assert dialog.error_label.isVisible() and dialog.error_area.isVisible()
    assert dialog.error_area.verticalScrollBar().maximum() == 0
    assert _inside(dialog.error_area, dialog) and _inside(dialog.ok_button, dialog)
    # Busy again: the error line goes, and its area with it.
    dialog.set_busy(True)
    assert not dialog.error_label.isVisible() and not dialog.error_area.isVisible()
    dialog.set_busy(False)

"""QA walk of the first-start wizard as a person does it (1024x700, the window's style): a
refusal must not squeeze the page's own text, the cursor goes back to what was refused, and
the recovery key is off the screen while a group of it is typed back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from desktop_app.domain.errors import WrongWorkstation
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.wizard.view import FirstStartDialog
from desktop_app.security import recovery
from desktop_app.security.workstation import REMEDY
from desktop_app.services.first_start import FirstStartWizard, Step, recent_workspaces
from desktop_app.services.session import Environment
from tests.gui.gui_support import flush_deletes
from tests.gui.keyboard_support import window_problems

PW = "eerste-beheer-wachtwoord"


@pytest.fixture
def dialog(
    styled: QApplication, tmp_path: Path, env: Environment, runner: TaskRunner
) -> Iterator[FirstStartDialog]:
    wizard = FirstStartWizard(
        check_keyring=lambda: env,
        default_dir=tmp_path / "werkplek",
        recent=recent_workspaces(tmp_path / "cfg" / "recent.json"),
        kdf_profile="test",
    )
    made = FirstStartDialog(wizard, runner)
    made.show()
    QApplication.processEvents()
    yield made
    made.close()
    flush_deletes()


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _squeezed(dialog: FirstStartDialog) -> list[str]:
    """The visible wrapped sentences that got less height than their text needs."""
    page = dialog.pages.currentWidget()
    labels = [dialog.error_label, *page.findChildren(QLabel)]
    return [
        label.text()[:40]
        for label in labels
        if label.isVisible()
        and label.wordWrap()
        and label.height() < label.heightForWidth(label.width())
    ]


def _to_admin(dialog: FirstStartDialog) -> None:
    dialog.new_button.click()
    dialog.next_button.click()
    assert dialog.wizard.step is Step.ADMIN


def _to_recovery(dialog: FirstStartDialog) -> None:
    _to_admin(dialog)
    dialog.name_edit.setText("beheer")
    dialog.password_edit.setText(PW)
    dialog.repeat_edit.setText(PW)
    dialog.next_button.click()
    assert dialog.wizard.step is Step.RECOVERY


def test_a_refused_administrator_keeps_the_page_readable(dialog: FirstStartDialog) -> None:
    _to_admin(dialog)
    _settle()
    assert _squeezed(dialog) == []
    dialog.name_edit.setText("beheer")
    dialog.password_edit.setText("kort")
    dialog.repeat_edit.setText("kort")
    dialog.next_button.click()
    _settle()
    assert dialog.error_label.isVisible() and "10 tekens" in dialog.error_label.text()
    # The password rules under the fields and the intro stay whole beside the refusal.
    assert _squeezed(dialog) == []
    assert dialog.height() <= 700


def test_after_a_refusal_the_cursor_is_on_the_refused_field(dialog: FirstStartDialog) -> None:
    _to_admin(dialog)
    dialog.name_edit.setText("beheer")
    dialog.password_edit.setText(PW)
    dialog.repeat_edit.setText(PW + "x")
    dialog.repeat_edit.setFocus()
    dialog.next_button.click()
    _settle()
    # Both passwords are cleared after a try: start again at the first, not the repeat.
    assert dialog.password_edit.text() == "" and dialog.repeat_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit
    dialog.name_edit.setText("be heer")
    dialog.password_edit.setText(PW)
    dialog.repeat_edit.setText(PW)
    dialog.next_button.click()
    _settle()
    assert dialog.wizard.step is Step.ADMIN and dialog.error_label.isVisible()
    assert dialog.focusWidget() is dialog.name_edit


def test_both_folder_choosers_show_only_folders(dialog: FirstStartDialog) -> None:
    """A workspace is a folder: the new one's chooser, like the existing one's, lists no
    files to pick by mistake."""
    _to_admin(dialog)
    dialog.go_back()
    assert dialog.wizard.step is Step.LOCATION
    for chooser in (dialog._browse_new_folder(), dialog.choose_folder_to_open()):
        assert chooser.fileMode() is QFileDialog.FileMode.Directory
        assert chooser.testOption(QFileDialog.Option.ShowDirsOnly)
        chooser.reject()
    flush_deletes()


def test_a_wrong_group_is_selected_to_type_over(dialog: FirstStartDialog) -> None:
    _to_recovery(dialog)
    dialog.group_edit.setText("ZZZZ-niet")
    dialog.next_button.click()
    _settle()
    assert dialog.error_label.isVisible() and _squeezed(dialog) == []
    assert dialog.focusWidget() is dialog.group_edit
    assert dialog.group_edit.selectedText() == "ZZZZ-niet"


def test_the_key_leaves_the_screen_while_a_group_is_typed_back(dialog: FirstStartDialog) -> None:
    _to_recovery(dialog)
    _settle()
    key = dialog.key_label.text()
    assert dialog.key_label.isVisible() and not dialog.show_key_button.isVisible()
    assert window_problems(dialog, "herstelsleutel") == []
    # Typed back from the screen it would prove nothing: the first key typed hides it.
    QTest.keyClicks(dialog.group_edit, "AB")
    assert not dialog.key_label.isVisible() and dialog.show_key_button.isVisible()
    assert window_problems(dialog, "herstelsleutel, getypt") == []
    # Not written down after all: shown again, the group starts afresh.
    dialog.show_key_button.click()
    assert dialog.key_label.isVisible() and dialog.key_label.text() == key
    assert dialog.group_edit.text() == "" and dialog.focusWidget() is dialog.group_edit
    # A wrong group keeps it hidden; the right one finishes.
    QTest.keyClicks(
        dialog.group_edit,
        "ZZZZ" if recovery.groups(key)[dialog.wizard.ask_group] != "ZZZZ" else "YYYY",
    )
    dialog.next_button.click()
    _settle()
    assert dialog.wizard.step is Step.RECOVERY and not dialog.key_label.isVisible()
    QTest.keyClicks(dialog.group_edit, recovery.groups(key)[dialog.wizard.ask_group])
    dialog.next_button.click()
    assert dialog.wizard.step is Step.DONE and dialog.key_label.text() == ""


class _HeldRunner:
    """Keeps the work until released (then the synchronous runner does it): the dialog as it
    is while a step runs."""

    def __init__(self, runner: TaskRunner) -> None:
        self.runner = runner
        self.held: list[tuple[Any, Any, Any, Any]] = []

    def run(self, work: Any, finished: Any, failed: Any, *, owner: Any = None) -> int:
        self.held.append((work, finished, failed, owner))
        return len(self.held)

    def release(self) -> None:
        work, finished, failed, owner = self.held.pop(0)
        self.runner.run(work, finished, failed, owner=owner)


def test_no_quitting_or_going_back_while_the_workspace_is_made(
    styled: QApplication, tmp_path: Path, env: Environment, runner: TaskRunner
) -> None:
    held = _HeldRunner(runner)
    wizard = FirstStartWizard(
        check_keyring=lambda: env,
        default_dir=tmp_path / "werkplek",
        recent=recent_workspaces(tmp_path / "cfg" / "recent.json"),
        kdf_profile="test",
    )
    dialog = FirstStartDialog(wizard, held)  # type: ignore[arg-type]
    quits: list[int] = []
    dialog.quit_requested.connect(lambda: quits.append(1))
    dialog.show()
    try:
        dialog.new_button.click()
        held.release()
        dialog.next_button.click()
        held.release()
        assert wizard.step is Step.ADMIN
        dialog.name_edit.setText("beheer")
        dialog.password_edit.setText(PW)
        dialog.repeat_edit.setText(PW)
        dialog.next_button.click()  # the workspace is being made (Argon2: seconds)
        assert dialog.busy_label.isVisible() and "wordt aangemaakt" in dialog.busy_label.text()
        assert not dialog.quit_button.isEnabled() and not dialog.back_button.isEnabled()
        dialog._quit()
        assert not dialog.close() and dialog.isVisible() and quits == []
        held.release()
        assert wizard.step is Step.RECOVERY and dialog.key_label.text() == wizard.recovery_key
        assert dialog.isVisible() and quits == []
    finally:
        wizard.step = Step.START  # lets the test close it
        dialog.close()
        flush_deletes()


def _no_keyring() -> Environment:
    raise WrongWorkstation(REMEDY)


def test_the_pages_say_what_the_title_does_not(dialog: FirstStartDialog) -> None:
    def page_text() -> str:
        page = dialog.pages.currentWidget()
        return " ".join(label.text() for label in page.findChildren(QLabel))

    usable = dialog.wizard.check_keyring
    dialog.wizard.check_keyring = _no_keyring
    dialog.new_button.click()
    assert dialog.wizard.step is Step.KEYRING
    # The remedy says there is no keyring; the page's own line says what that blocks.
    assert page_text().count("geen bruikbare sleutelring") == 1
    assert "geen werkplek worden aangemaakt" in page_text()
    dialog.wizard.check_keyring = usable
    dialog.retry_button.click()
    dialog.next_button.click()
    assert dialog.wizard.step is Step.ADMIN
    # Not the title ("Eerste functioneel beheerder") again; the optional full name explained.
    assert dialog.title.text().casefold() not in page_text().casefold()
    assert "volledige naam leeg" in page_text()

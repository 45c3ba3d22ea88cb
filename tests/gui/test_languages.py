"""Qt's own dialogs speak Dutch (qtbase_nl), and in English mode the core's messages shown by
the window are English too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from desktop_app.domain import messages
from desktop_app.domain.errors import InvalidInput
from desktop_app.gui.errors import message_for
from desktop_app.gui.i18n import install_translators, qt_translations_dir, remove_translators


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "nl")
    assert translators, f"qtbase_nl not loaded from {qt_translations_dir()}"
    yield
    remove_translators(qapp, translators)


def test_message_box_standard_buttons_read_dutch(dutch: None) -> None:
    box = QMessageBox()
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
    )
    texts = {
        box.button(b).text().replace("&", "")
        for b in (
            QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
            QMessageBox.StandardButton.Discard,
        )
    }
    assert texts == {"Annuleren", "Opslaan", "Verwerpen"}
    box.deleteLater()


def test_qt_file_dialog_reads_dutch(dutch: None) -> None:
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    texts = [b.text().replace("&", "") for b in box.buttons()]
    assert "Annuleren" in texts and "Opslaan" in texts
    dialog.deleteLater()


def test_without_the_dutch_catalogue_the_buttons_are_english(qapp: QApplication) -> None:
    """The test above is not passing by accident: Qt's source language is English."""
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"
    box.deleteLater()


def test_english_mode_translates_core_messages_in_the_window(qapp: QApplication) -> None:
    error = InvalidInput("De limiet ligt tussen 1 en 100000.")
    assert message_for(error) == "De limiet ligt tussen 1 en 100000."
    translators = install_translators(qapp, "en")
    try:
        assert messages.language() == "en"
        assert message_for(error) == "The limit is between 1 and 100000."
    finally:
        remove_translators(qapp, translators)
    assert messages.language() == "nl"
    assert message_for(error) == "De limiet ligt tussen 1 en 100000."

"""Qt's own file dialog in Dutch, also the labels qtbase_nl lacks in the form Qt asks for."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from desktop_app.gui import i18n


def test_the_file_dialog_labels_read_dutch(qtbot: Any) -> None:
    app = QApplication.instance()
    assert app is not None
    installed = i18n.install_translators(app, "nl")
    try:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
        assert {"&Zoeken in:", "Bestands&naam:", "Bestands&type:"} <= labels
    finally:
        i18n.remove_translators(app, installed)
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert "&Look in:" in {label.text() for label in dialog.findChildren(QLabel)}

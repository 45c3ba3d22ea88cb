"""The recovery key shown once and one of its groups typed back: the first-start wizard's last
page and Beheer › Back-up › "Nieuwe herstelsleutel" are the same step, so they are one widget.

Typing a group back proves the key was written down only if it is not on the screen meanwhile:
the first key typed hides it; showing it again starts the group afresh."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.pages import button_row, push_button, wrapped_label


class RecoveryKeyCheck(QWidget):
    """The key in large monospace, the field for group ``ask`` (0-based), a hint and the
    button that shows the key again."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.key_label = QLabel(self)
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.key_label.font()
        font.setFamily("DejaVu Sans Mono")
        font.setPointSize(font.pointSize() + 4)
        self.key_label.setFont(font)
        # Hidden while a group is typed back: its room stays, so the field does not jump.
        policy = self.key_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.key_label.setSizePolicy(policy)
        layout.addWidget(self.key_label)
        form = QFormLayout()
        self.group_caption = QLabel(self)
        self.group_edit = QLineEdit(self)
        self.group_edit.setObjectName("recoveryGroup")
        self.group_caption.setBuddy(self.group_edit)
        form.addRow(self.group_caption, self.group_edit)
        layout.addLayout(form)
        self.group_edit.textEdited.connect(self._hide_key)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "Zodra u begint te typen, verdwijnt de sleutel van het scherm: typ de groep "
                    "over van wat u hebt opgeschreven."
                ),
                self,
                "hintLabel",
            )
        )
        self.show_key_button = push_button(self.tr("Sleutel &opnieuw tonen"), self, self.show_key)
        # Its room kept too: a dialog does not grow by itself when it appears (it squeezed
        # the hint and the field at 1024x700).
        policy = self.show_key_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.show_key_button.setSizePolicy(policy)
        self.show_key_button.hide()
        layout.addLayout(button_row(self.show_key_button))

    def set_key(self, key: str, ask: int) -> None:
        """Show ``key`` and ask for group ``ask``; the same key again (a refused group) stays
        as it is, hidden if it was."""
        if self.key_label.text() != key:
            self.key_label.setText(key)
            self.show_key()
        caption = self.tr("&Groep %1 ter controle").replace("%1", str(ask + 1))
        self.group_caption.setText(caption)
        self.group_edit.setAccessibleName(caption.replace("&", ""))

    def typed(self) -> str:
        return self.group_edit.text()

    def forget(self) -> None:
        """The key off the screen for good (confirmed, cancelled or locked)."""
        self.key_label.clear()

    def _hide_key(self, typed: str) -> None:
        if typed and self.key_label.isVisibleTo(self):
            self.key_label.hide()
            self.show_key_button.show()

    def show_key(self) -> None:
        self.group_edit.clear()
        self.key_label.show()
        self.show_key_button.hide()
        self.group_edit.setFocus()

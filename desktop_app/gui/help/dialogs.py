"""The Help menu's windows (issue 12): the user guide for the signed-in person's roles, the
keyboard shortcuts, and "Over" with the version and the build. Read-only text, no links out."""

from __future__ import annotations

import html
import platform
from collections.abc import Iterable

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.domain.roles import Role
from desktop_app.gui.help.content import ABOUT, GUIDES, SHORTCUTS, common_steps, tr
from desktop_app.gui.labels import ROLE_ORDER
from desktop_app.paths import resources_dir

BUILD_FILE = "build.txt"  # written into resources/ by a release build; absent in a checkout


def build_text() -> str:
    """What build this is: the release build's own line, or that it runs from the source."""
    try:
        line = (resources_dir() / BUILD_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        line = ""
    return line[:200] or tr("ontwikkelversie (vanuit de broncode)")


class HelpDialog(QDialog):
    """A page of help text and a close button (Esc closes too)."""

    def __init__(self, title: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(title)
        self.setModal(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        self.text = QTextBrowser(self)
        self.text.setObjectName("helpText")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(body)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Sl&uiten"))
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 480)

    def plain_text(self) -> str:
        return self.text.toPlainText()


def _paragraphs(items: Iterable[str]) -> str:
    return "".join(f"<p>{html.escape(t)}</p>" for t in items)


def guide_html(roles: Iterable[Role]) -> str:
    held = frozenset(roles)
    parts = [f"<h2>{html.escape(tr('Handleiding'))}</h2>", _paragraphs(common_steps())]
    for role in ROLE_ORDER:
        guide = GUIDES.get(role)
        if role in held and guide is not None:
            parts.append(f"<h3>{html.escape(tr(guide.title))}</h3>")
            parts.append(_paragraphs(tr(step) for step in guide.steps))
    return "".join(parts)


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td style='padding:3px 14px 3px 0'><b>{html.escape(s.keys)}</b></td>"
        f"<td style='padding:3px 0'>{html.escape(tr(s.what))}</td></tr>"
        for s in SHORTCUTS
    )
    return f"<h2>{html.escape(tr('Sneltoetsen'))}</h2><table>{rows}</table>"


def about_html() -> str:
    facts = (
        (tr("Versie"), __version__),
        (tr("Build"), build_text()),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
    )
    rows = "".join(
        f"<tr><td style='padding:2px 14px 2px 0'>{html.escape(k)}</td>"
        f"<td style='padding:2px 0'>{html.escape(v)}</td></tr>"
        for k, v in facts
    )
    return f"<h2>Convenantwerkplek</h2><p>{html.escape(tr(ABOUT))}</p><table>{rows}</table>"


def guide_dialog(roles: Iterable[Role], parent: QWidget | None = None) -> HelpDialog:
    return HelpDialog(tr("Handleiding"), guide_html(roles), parent)


def shortcuts_dialog(parent: QWidget | None = None) -> HelpDialog:
    return HelpDialog(tr("Sneltoetsen"), shortcuts_html(), parent)


def about_dialog(parent: QWidget | None = None) -> HelpDialog:
    dialog = HelpDialog(tr("Over Convenantwerkplek"), about_html(), parent)
    dialog.resize(520, 360)
    return dialog


__all__ = [
    "HelpDialog",
    "about_dialog",
    "build_text",
    "guide_dialog",
    "shortcuts_dialog",
]

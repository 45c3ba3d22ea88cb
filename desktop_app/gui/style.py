"""Fonts, stylesheet and icon from resources/."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

from desktop_app.paths import resources_dir

log = logging.getLogger(__name__)


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "werkplek.svg"))


class WordsOnlyStyle(QProxyStyle):
    """Fusion, without the desktop theme's stock icons on dialog buttons (X11 put a tick on
    every OK and a red circle on Annuleren): the buttons' words say it."""

    def styleHint(self, hint: Any, *args: Any) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return int(super().styleHint(hint, *args))


def apply_style(app: QApplication) -> None:
    """A calm look that does not depend on the desktop theme; readable 10 pt text."""
    app.setStyle(WordsOnlyStyle("Fusion"))
    fonts = resources_dir() / "fonts"
    family = None
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(fonts / name))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    font = QFont(app.font())
    # Bundled DejaVu where the platform has no proper UI font of its own (minimal Linux).
    if family and font.family().lower() in {"sans serif", "sans", ""}:
        font.setFamily(family)
    font.setPointSize(10)
    app.setFont(font)
    qss = resources_dir() / "styles" / "app.qss"
    try:
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    except OSError:
        log.warning("stylesheet not found; using the plain style")
    app.setWindowIcon(app_icon())

"""Dutch is the source language; English comes from resources/translations/werkplek_en.qm."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.paths import resources_dir

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation in ``context`` and return it: Qt's own macro, typed
    (PySide6's says ``object``), so tables of translatable texts stay ``str``."""
    return source


LANGUAGES = ("nl", "en")
ENV_VAR = "WERKPLEK_LANG"


def wanted_language(flag: str | None = None) -> str:
    """``--lang`` first, then ``WERKPLEK_LANG``, then the system locale; Dutch otherwise."""
    for choice in (flag, os.environ.get(ENV_VAR)):
        if choice:
            code = choice.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    if QLocale.system().language() == QLocale.Language.English:
        return "en"
    return "nl"


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our translation (English) and Qt's own (standard buttons, file dialogs).

    Returns the installed translators; keep them alive, and pass them to ``remove_translators``
    to switch back.
    """
    installed: list[QTranslator] = []
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    if language != "nl":
        ours = QTranslator(app)
        if ours.load(f"werkplek_{language}", translations_dir()):
            app.installTranslator(ours)
            installed.append(ours)
        else:
            log.warning("no translation for %s; the window stays Dutch", language)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)

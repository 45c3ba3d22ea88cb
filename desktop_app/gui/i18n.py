"""Dutch is the source language; English comes from resources/translations/werkplek_en.qm.
Qt's own dialogs speak Dutch through Qt's ``qtbase_nl``; the core's messages (errors from the
services) follow the same choice through domain.messages."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.domain.messages import set_language
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


# The default locale before the first install, put back by remove_translators.
_before: dict[str, QLocale] = {}


def qt_translations_dir() -> str:
    """Where Qt's own catalogues are (``qtbase_nl.qm``: standard buttons, file dialogs, the
    calendar). PySide6 ships them inside its package; a bundle may put them elsewhere, so the
    package folder is the fallback when Qt's own path has none."""
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if (Path(qt_dir) / "qtbase_nl.qm").is_file():
        return qt_dir
    import PySide6

    return str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")


class _QtDutchGaps(QTranslator):
    """Qt's own texts that ``qtbase_nl`` lacks in the form its widgets ask for them: the file
    dialog's labels carry a mnemonic (``&Look in:``) where the catalogue has them without."""

    TEXTS: ClassVar[Mapping[tuple[str, str], str]] = MappingProxyType(
        {
            ("QFileDialog", "&Look in:"): "&Zoeken in:",
            ("QFileDialog", "Files of &type:"): "Bestands&type:",
        }
    )

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null string) passes the question on to the next catalogue; "" would not.
        return self.TEXTS.get((context, source))

    def isEmpty(self) -> bool:
        return False


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's own translation (Dutch: ``qtbase_nl``, so "Cancel" reads "Annuleren"), our
    own (English) and the core's messages' language (domain.messages).

    Returns the installed translators; keep them alive, and pass them to ``remove_translators``
    to switch back.
    """
    installed: list[QTranslator] = []
    set_language(language)
    _before.setdefault("locale", QLocale())
    # Month and day names in the calendar pop-ups and date fields follow the language too.
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        if language == "nl"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", qt_translations_dir()):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    elif language != "en":  # English is Qt's source language: nothing to load
        log.warning("Qt's own translation qtbase_%s is missing; its dialogs stay English", language)
    if language == "nl":
        gaps = _QtDutchGaps(app)
        app.installTranslator(gaps)
        installed.append(gaps)
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
    set_language("nl")
    before = _before.pop("locale", None)
    if before is not None:
        QLocale.setDefault(before)

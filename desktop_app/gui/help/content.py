"""The help texts (issue 12) as Python data, marked for translation: a short user guide per
role, the keyboard shortcuts, and what "Over" says. Dutch (B1) is the source; lupdate finds
every text through QT_TRANSLATE_NOOP."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.roles import Role
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "help"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Guide:
    """A role's guide: a title and its steps, each a short paragraph."""

    title: str
    steps: tuple[str, ...]


_COMMON = (
    QT_TRANSLATE_NOOP(
        "help",
        "Het Dashboard laat zien wat op u wacht. Klik op een tegel om naar die lijst te gaan; "
        "dubbelklik (of Enter) op een regel om het stuk te openen.",
    ),
    QT_TRANSLATE_NOOP(
        "help",
        "Gaat u even weg? Vergrendel met Ctrl+L. Na enkele minuten zonder invoer vergrendelt de "
        "werkplek zichzelf; tekst die u nog niet had opgeslagen, komt terug als u zich weer "
        "aanmeldt.",
    ),
)

GUIDES: dict[Role, Guide] = {
    Role.AIVD_OFFICER: Guide(
        QT_TRANSLATE_NOOP("help", "AIVD-behandelaar"),
        (
            QT_TRANSLATE_NOOP(
                "help",
                "Verzoeken: registreer of importeer de naslagverzoeken van de IND en neem ze in "
                "behandeling. De termijn is tien werkdagen; meld uitstel op tijd aan de "
                "liaison.",
            ),
            QT_TRANSLATE_NOOP(
                "help",
                "Ambtsberichten: kies 'Nieuw ambtsbericht…', vul onderwerp, aanleiding en "
                "bevindingen in en geef bij elke bevinding de betrouwbaarheid of een "
                "bronverwijzing. Sla op met Ctrl+S; elke opslag is een nieuwe versie.",
            ),
            QT_TRANSLATE_NOOP(
                "help",
                "Klaar? Dien het in bij de IND-liaison. Vindt de liaison aanpassing wenselijk, "
                "of stuurt de ondertekenaar het terug, dan staat het onder 'Terug bij mij'. Een "
                "ondertekend ambtsbericht brengt u uit onder 'Gereed om uit te brengen'.",
            ),
        ),
    ),
    Role.AIVD_SIGNER: Guide(
        QT_TRANSLATE_NOOP("help", "AIVD-ondertekenaar"),
        (
            QT_TRANSLATE_NOOP(
                "help",
                "Onder 'Wacht op mijn ondertekening' staan de ambtsberichten die de IND-liaison "
                "bruikbaar vond. Lees de tekst, stel de rubricering vast en onderteken met uw "
                "wachtwoord.",
            ),
            QT_TRANSLATE_NOOP(
                "help",
                "Een tekst die u zelf heeft geschreven, ondertekent u niet (vier ogen). Klopt er "
                "iets niet, stuur het ambtsbericht dan terug met een reden.",
            ),
        ),
    ),
    Role.IND_LIAISON: Guide(
        QT_TRANSLATE_NOOP("help", "IND-liaison"),
        (
            QT_TRANSLATE_NOOP(
                "help",
                "Onder 'Wacht op mijn beoordeling' staan de teksten die u moet lezen. Selecteer "
                "een passage en kies 'Opmerking toevoegen…' om er iets over te zeggen.",
            ),
            QT_TRANSLATE_NOOP(
                "help",
                "Geef daarna uw oordeel: bruikbaar, of aanpassing wenselijk. Wat u beoordeeld "
                "heeft, vindt u terug onder 'Door mij beoordeeld' tot het is uitgebracht.",
            ),
        ),
    ),
    Role.IND_INSPECTOR: Guide(
        QT_TRANSLATE_NOOP("help", "IND-inzagemedewerker"),
        (
            QT_TRANSLATE_NOOP(
                "help",
                "Onder Inzage ziet u de uitgebrachte ambtsberichten en of u de onderliggende "
                "gegevens mag inzien. Daarvoor is een geldige aanwijzing nodig; het Dashboard "
                "laat zien tot wanneer die geldt.",
            ),
            QT_TRANSLATE_NOOP(
                "help",
                "Tijdens de inzage kunt u niets kopiëren, afdrukken of opslaan. Uw eigen "
                "aantekeningen bewaart u bij de inzage. Een minuut voor het einde door "
                "inactiviteit krijgt u een waarschuwing.",
            ),
        ),
    ),
    Role.ADMIN: Guide(
        QT_TRANSLATE_NOOP("help", "Functioneel beheerder"),
        (
            QT_TRANSLATE_NOOP(
                "help",
                "Onder Beheer maakt u accounts aan, deblokkeert u ze en legt u aanwijzingen van "
                "inzagemedewerkers vast. U ziet geen ambtsberichten of onderliggende gegevens.",
            ),
            QT_TRANSLATE_NOOP(
                "help",
                "Maak regelmatig een back-up en controleer de audittrail; het Dashboard herinnert "
                "u eraan. Voer nieuwe besluitdagen (Algemene termijnenwet) in onder Kalender.",
            ),
        ),
    ),
}


def common_steps() -> tuple[str, ...]:
    return tuple(tr(t) for t in _COMMON)


@dataclass(frozen=True)
class Shortcut:
    keys: str  # as Qt writes them ("Ctrl+S"), the same in every language
    what: str


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("Ctrl+L", QT_TRANSLATE_NOOP("help", "Vergrendelen")),
    Shortcut("Ctrl+Q", QT_TRANSLATE_NOOP("help", "Afsluiten")),
    Shortcut("Ctrl+1 … Ctrl+9", QT_TRANSLATE_NOOP("help", "Naar het eerste … negende onderdeel")),
    Shortcut("Ctrl+S", QT_TRANSLATE_NOOP("help", "Ambtsbericht opslaan als nieuwe versie")),
    Shortcut("Ctrl+F", QT_TRANSLATE_NOOP("help", "Naar het zoekveld (verzoeken, ambtsberichten)")),
    Shortcut("F5", QT_TRANSLATE_NOOP("help", "Het getoonde onderdeel vernieuwen")),
    Shortcut("F1", QT_TRANSLATE_NOOP("help", "Deze handleiding")),
    Shortcut(
        "Alt+letter",
        QT_TRANSLATE_NOOP("help", "De knop of het veld met die onderstreepte letter"),
    ),
    Shortcut("Tab / Shift+Tab", QT_TRANSLATE_NOOP("help", "Naar het volgende / vorige veld")),
    Shortcut(
        "Enter / Esc",
        QT_TRANSLATE_NOOP(
            "help",
            "In een venster: de standaardknop / annuleren. Een stap die niet terug kan "
            "(uitbrengen, inzage beëindigen) kiest u altijd zelf.",
        ),
    ),
)

ABOUT = QT_TRANSLATE_NOOP(
    "help",
    "De offline werkplek voor het convenant tussen de AIVD en de IND (2019): naslagverzoeken "
    "met hun termijnen, ambtsberichten met de beoordeling door de IND-liaison en "
    "ondertekening volgens het vier-ogenprincipe, en inzage in de onderliggende gegevens.",
)

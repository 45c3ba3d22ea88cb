"""The sections of the main window; who sees which comes from the services
(``services.permissions.user_actions``)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.services.permissions import Area, UserActions


@dataclass(frozen=True)
class Section:
    key: str  # an Area
    title: str
    placeholder: str = ""

    @property
    def title_text(self) -> str:
        return QCoreApplication.translate("sections", self.title)

    @property
    def placeholder_text(self) -> str:
        return QCoreApplication.translate("sections", self.placeholder)


SECTIONS: tuple[Section, ...] = (
    Section(
        "dashboard",
        QT_TRANSLATE_NOOP("sections", "Dashboard"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komt uw overzicht: lopende naslagverzoeken, termijnen die bijna of al "
            "verlopen zijn, en ambtsberichten die op u wachten.",
        ),
    ),
    Section(
        "requests",
        QT_TRANSLATE_NOOP("sections", "Verzoeken"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komen de naslagverzoeken van de IND: registreren en importeren, zoeken, de "
            "termijn van tien werkdagen (Algemene termijnenwet) en de melding van uitstel.",
        ),
    ),
    Section(
        "reports",
        QT_TRANSLATE_NOOP("sections", "Ambtsberichten"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komen de ambtsberichten: concepten en versies, de beoordeling door de "
            "IND-liaison, ondertekenen, uitbrengen en afdrukken.",
        ),
    ),
    Section(
        "provisions",
        QT_TRANSLATE_NOOP("sections", "Verstrekkingen"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komt het verstrekkingenregister: elke verstrekking van gegevens tussen AIVD "
            "en IND, in beide richtingen.",
        ),
    ),
    Section(
        "inspection",
        QT_TRANSLATE_NOOP("sections", "Inzage"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komt de inzage in de onderliggende gegevens van uitgebrachte ambtsberichten "
            "(art. 2.5), alleen op een werkplek ten kantore van de AIVD.",
        ),
    ),
    Section(
        "statistics",
        QT_TRANSLATE_NOOP("sections", "Statistiek"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komen de cijfers voor het periodiek overleg: verzoeken, termijnen, "
            "ambtsberichten, inzagen en verstrekkingen, op het scherm en als PDF.",
        ),
    ),
    Section("admin", QT_TRANSLATE_NOOP("sections", "Beheer")),
)


def sections_for(actions: UserActions) -> list[Section]:
    return [s for s in SECTIONS if actions.sees(Area(s.key))]

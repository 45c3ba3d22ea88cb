"""The sections of the main window and which roles see them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.domain.roles import Role

READERS = frozenset({Role.AIVD_OFFICER, Role.AIVD_SIGNER, Role.IND_LIAISON})


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    roles: frozenset[Role]
    placeholder: str = ""

    def visible_to(self, roles: Iterable[Role]) -> bool:
        return bool(self.roles & set(roles))

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
        READERS,
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komt uw overzicht: lopende naslagverzoeken, termijnen die bijna of al "
            "verlopen zijn, en ambtsberichten die op u wachten.",
        ),
    ),
    Section(
        "requests",
        QT_TRANSLATE_NOOP("sections", "Verzoeken"),
        READERS,
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komen de naslagverzoeken van de IND: registreren en importeren, zoeken, de "
            "termijn van tien werkdagen (Algemene termijnenwet) en de melding van uitstel.",
        ),
    ),
    Section(
        "reports",
        QT_TRANSLATE_NOOP("sections", "Ambtsberichten"),
        READERS,
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komen de ambtsberichten: concepten en versies, de beoordeling door de "
            "IND-liaison, ondertekenen, uitbrengen en afdrukken.",
        ),
    ),
    Section(
        "provisions",
        QT_TRANSLATE_NOOP("sections", "Verstrekkingen"),
        READERS,
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komt het verstrekkingenregister: elke verstrekking van gegevens tussen AIVD "
            "en IND, in beide richtingen.",
        ),
    ),
    Section(
        "inspection",
        QT_TRANSLATE_NOOP("sections", "Inzage"),
        frozenset({Role.IND_INSPECTOR}),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komt de inzage in de onderliggende gegevens van uitgebrachte ambtsberichten "
            "(art. 2.5), alleen op een werkplek ten kantore van de AIVD.",
        ),
    ),
    Section(
        "statistics",
        QT_TRANSLATE_NOOP("sections", "Statistiek"),
        frozenset({Role.AIVD_SIGNER, Role.IND_LIAISON, Role.ADMIN}),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komen de cijfers voor het periodiek overleg: verzoeken, termijnen, "
            "ambtsberichten, inzagen en verstrekkingen, op het scherm en als PDF.",
        ),
    ),
    Section("admin", QT_TRANSLATE_NOOP("sections", "Beheer"), frozenset({Role.ADMIN})),
)


def sections_for(roles: Iterable[Role]) -> list[Section]:
    held = set(roles)
    return [s for s in SECTIONS if s.visible_to(held)]

"""The sections of the main window, in one declarative table: key, title and page. Who sees
which comes from the services (``services.permissions.user_actions``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.gui.admin import AdminPage
from desktop_app.gui.consultations import ConsultationsPage
from desktop_app.gui.covenant import CovenantPage
from desktop_app.gui.dashboard import DashboardPage
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.inspection import InspectionPage
from desktop_app.gui.provisions import ProvisionsPage
from desktop_app.gui.reports import ReportsPage
from desktop_app.gui.requests import RequestsPage
from desktop_app.gui.statistics import StatisticsPage
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services.permissions import Area, UserActions
from desktop_app.services.session import Session

PageFactory = Callable[[Session, TaskRunner, QWidget], QWidget]


@dataclass(frozen=True)
class Section:
    """One entry of the navigation: its key (a ``services.permissions.Area``), its title, the
    page that shows it (every page is built as ``page(session, runner, parent)``) and the text
    shown while a section has no page yet."""

    key: str
    title: str
    placeholder: str = ""
    page: PageFactory | None = None

    def make_page(self, session: Session, runner: TaskRunner, parent: QWidget) -> QWidget:
        if self.page is None:
            from desktop_app.gui.placeholder import PlaceholderPage

            return PlaceholderPage(self, parent)
        return self.page(session, runner, parent)

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
        page=DashboardPage,
    ),
    Section(
        "requests",
        QT_TRANSLATE_NOOP("sections", "Verzoeken"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komen de naslagverzoeken van de IND: registreren en importeren, zoeken, de "
            "termijn van tien werkdagen (Algemene termijnenwet) en de melding van uitstel.",
        ),
        page=RequestsPage,
    ),
    Section(
        "reports",
        QT_TRANSLATE_NOOP("sections", "Ambtsberichten"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komen de ambtsberichten: concepten en versies, de beoordeling door de "
            "IND-liaison, ondertekenen, uitbrengen en afdrukken.",
        ),
        page=ReportsPage,
    ),
    Section(
        "provisions",
        QT_TRANSLATE_NOOP("sections", "Verstrekkingen"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komt het verstrekkingenregister: elke verstrekking van gegevens tussen AIVD "
            "en IND, in beide richtingen.",
        ),
        page=ProvisionsPage,
    ),
    Section(
        "inspection",
        QT_TRANSLATE_NOOP("sections", "Inzage"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komt de inzage in de onderliggende gegevens van uitgebrachte ambtsberichten "
            "(art. 2.5), alleen op een werkplek ten kantore van de AIVD.",
        ),
        page=InspectionPage,
    ),
    Section(
        "statistics",
        QT_TRANSLATE_NOOP("sections", "Statistiek"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komen de cijfers voor het periodiek overleg: verzoeken, termijnen, "
            "ambtsberichten, inzagen en verstrekkingen, op het scherm en als PDF.",
        ),
        page=StatisticsPage,
    ),
    Section(
        "consultations",
        QT_TRANSLATE_NOOP("sections", "Overleg"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komen de periodieke overleggen van de hoofden (art. 3.2): deelnemers, "
            "besluiten, actiepunten en de cijfers over de periode, bevroren op het peilmoment.",
        ),
        page=ConsultationsPage,
    ),
    Section(
        "covenant",
        QT_TRANSLATE_NOOP("sections", "Convenant"),
        QT_TRANSLATE_NOOP(
            "sections",
            "Hier komt het convenantregister: het convenant van 2019, wijzigingen en opzegging, "
            "de niet-openbare bijlage en de uitvoeringsplannen.",
        ),
        page=CovenantPage,
    ),
    Section("admin", QT_TRANSLATE_NOOP("sections", "Beheer"), page=AdminPage),
)


def sections_for(actions: UserActions) -> list[Section]:
    return [s for s in SECTIONS if actions.sees(Area(s.key))]

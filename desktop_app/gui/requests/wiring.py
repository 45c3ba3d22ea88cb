"""How the main window gets the requests pages and how they lead to each other (a dashboard tile
to the filtered list, "Ambtsbericht opstellen" to the Ambtsberichten page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from desktop_app.domain.requests import DashboardBucket
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services.session import Session

SECTION_KEYS = ("dashboard", "requests", "provisions", "statistics")


def make_page(key: str, session: Session, runner: TaskRunner, parent: QWidget) -> QWidget | None:
    """The page for one of this package's sections, or None for any other section."""
    if key == "dashboard":
        from desktop_app.gui.requests.dashboard import DashboardPage

        return DashboardPage(session, runner, parent)
    if key == "requests":
        from desktop_app.gui.requests.page import RequestsPage

        return RequestsPage(session, runner, parent)
    if key == "provisions":
        from desktop_app.gui.requests.provisions import ProvisionsPage

        return ProvisionsPage(session, runner, parent)
    if key == "statistics":
        from desktop_app.gui.requests.statistics import StatisticsPage

        return StatisticsPage(session, runner, parent)
    return None


def attach_admin_tabs(admin_page: Any, session: Session, runner: TaskRunner) -> None:
    """Beheer gets a "Kalender" tab for the decree and closure days."""
    from desktop_app.gui.requests.calendar_page import CalendarDaysPage

    tabs: QTabWidget = admin_page.tabs
    page = CalendarDaysPage(session, runner, tabs)
    tabs.addTab(page, QCoreApplication.translate("CalendarDaysPage", "&Kalender"))
    admin_page.calendar_page = page
    original_wipe = admin_page.wipe

    def wipe() -> None:
        original_wipe()
        page.wipe()

    admin_page.wipe = wipe


def connect_pages(window: Any) -> None:
    """Dashboard tile -> list filtered on that bucket; attention row -> that request; the
    detail's "Ambtsbericht opstellen" -> the Ambtsberichten page's editor for the request."""
    pages: dict[str, QWidget] = window.pages
    dashboard = pages.get("dashboard")
    requests = pages.get("requests")
    if dashboard is not None and requests is not None:

        def show_bucket(bucket: DashboardBucket) -> None:
            page: Any = window.show_section("requests")
            page.show_bucket(bucket)

        def show_request(request_id: int) -> None:
            page: Any = window.show_section("requests")
            page.open_request(request_id)

        dashboard.bucket_chosen.connect(show_bucket)  # type: ignore[attr-defined]
        dashboard.request_chosen.connect(show_request)  # type: ignore[attr-defined]
    if requests is not None and "reports" in pages:

        def draft(request_id: int) -> None:
            reports: Any = window.show_section("reports")
            reports.start_new_report(request_id=request_id)

        requests.draft_report_requested.connect(draft)  # type: ignore[attr-defined]

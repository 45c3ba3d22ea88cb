"""How the sections' pages lead to each other (a dashboard tile to the filtered list, a work
queue to where it is worked on and its items to the report, request or account,
"Ambtsbericht opstellen" to the Ambtsberichten page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop_app.domain.queues import Queue
from desktop_app.domain.requests import DashboardBucket


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
    if dashboard is not None:
        _connect_queues(window, dashboard)
    if requests is not None and "reports" in pages:

        def draft(request_id: int) -> None:
            reports: Any = window.show_section("reports")
            reports.start_new_report(request_id=request_id)

        requests.draft_report_requested.connect(draft)  # type: ignore[attr-defined]


# Where each administrator's queue is worked on: the Beheer tab holding this page attribute.
_ADMIN_TABS = {
    Queue.LOCKED_ACCOUNTS: "user_view",
    Queue.LAST_BACKUP: "backup_button",
    Queue.DECREE_DAYS: "calendar_page",
    Queue.AUDIT_VERIFICATION: "audit_tab",
}


def _show_tab_of(tabs: QTabWidget, widget: QWidget | None) -> None:
    """Make the tab that holds ``widget`` the current one."""
    while widget is not None:
        index = tabs.indexOf(widget)
        if index >= 0:
            tabs.setCurrentIndex(index)
            return
        widget = widget.parentWidget()


def _connect_queues(window: Any, dashboard: Any) -> None:
    pages: dict[str, QWidget] = window.pages

    def show_queue(queue: Queue) -> None:
        work_list = queue.work_list
        if work_list is not None and "reports" in pages:
            reports: Any = window.show_section("reports")
            if work_list in reports.work_lists:
                reports.list_tabs.setCurrentIndex(reports.work_lists.index(work_list))
        elif queue is Queue.REQUESTS_DUE and "requests" in pages:
            # Only before the queue's view is there: with it, the tile opens the list the view
            # names (QueueView.opens, through bucket_chosen).
            window.show_section("requests")
        elif queue in (Queue.OPEN_FOR_INSPECTION, Queue.MY_DESIGNATION) and "inspection" in pages:
            window.show_section("inspection")
        elif queue in _ADMIN_TABS and "admin" in pages:
            admin: Any = window.show_section("admin")
            _show_tab_of(admin.tabs, getattr(admin, _ADMIN_TABS[queue], None))

    def show_item(queue: Queue, kind: str, item_id: int) -> None:
        if kind == "request" and "requests" in pages:
            requests: Any = window.show_section("requests")
            requests.open_request(item_id)
        elif kind == "report" and queue is Queue.OPEN_FOR_INSPECTION and "inspection" in pages:
            inspection: Any = window.show_section("inspection")
            if inspection.reports_model.row_of(item_id) is not None:
                inspection.select_report(item_id)
        elif kind == "report" and "reports" in pages:
            show_queue(queue)
            reports: Any = window.show_section("reports")
            reports.confirm_discard(lambda: reports.open_report(item_id))
        elif kind == "user" and "admin" in pages:
            show_queue(queue)
            admin: Any = window.show_section("admin")
            for row, view in enumerate(admin.user_model.rows):
                if int(view.record.id) == item_id:
                    admin.user_view.selectRow(row)

    dashboard.queue_chosen.connect(show_queue)
    dashboard.item_chosen.connect(show_item)

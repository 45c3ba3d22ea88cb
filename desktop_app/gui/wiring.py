"""How the sections' pages lead to each other (a dashboard tile to the filtered list,
"Ambtsbericht opstellen" to the Ambtsberichten page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

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
    if requests is not None and "reports" in pages:

        def draft(request_id: int) -> None:
            reports: Any = window.show_section("reports")
            reports.start_new_report(request_id=request_id)

        requests.draft_report_requested.connect(draft)  # type: ignore[attr-defined]

"""The report a use case acts on: it exists, and the person's clearance covers it.

One wording for every use case that reaches a report (reports, evidence, marking, printing,
inspections), so a refusal never says more about one report than another.
"""

from __future__ import annotations

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import Forbidden, NotFound
from desktop_app.services.session import Session
from desktop_app.storage import reports as report_repo
from desktop_app.storage.db import Connection

__all__ = ["cleared_report", "existing_report", "require_cleared"]


def existing_report(conn: Connection, report_id: int) -> report_repo.ReportRow:
    row = report_repo.get(conn, report_id)
    if row is None:
        raise NotFound(f"Ambtsbericht {int(report_id)} bestaat niet.")
    return row


def require_cleared(clearance: Classification, classification: Classification) -> None:
    if not classification.covered_by(clearance):
        # Deliberately says nothing about the report itself (title, reference, status).
        raise Forbidden("U bent niet gemachtigd voor de rubricering van dit ambtsbericht.")


def cleared_report(session: Session, conn: Connection, report_id: int) -> report_repo.ReportRow:
    """The report, when it exists and the signed-in person's clearance covers it."""
    row = existing_report(conn, report_id)
    require_cleared(session.user.clearance, row.classification)
    return row

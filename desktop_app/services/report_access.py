"""The report a use case acts on: it exists, and the person's clearance covers it (and, for a
step of the report workflow, the person's role may take it and the stored status agrees with
the recorded history).

One wording for every use case that reaches a report (reports, evidence, marking, printing,
inspections), so a refusal never says more about one report than another.
"""

from __future__ import annotations

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import Forbidden, IntegrityFailure, NotFound
from desktop_app.domain.reports import (
    ALLOWED_ROLES,
    ReportAction,
    ReportEvent,
    status_from_history,
)
from desktop_app.domain.roles import require_any_role
from desktop_app.services.session import Session
from desktop_app.storage import reports as report_repo
from desktop_app.storage.db import Connection

__all__ = ["checked_report", "cleared_report", "existing_report", "require_cleared"]


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


def checked_report(
    session: Session, conn: Connection, report_id: int, action: ReportAction
) -> tuple[report_repo.ReportRow, list[ReportEvent]]:
    """The report and its history for ``action``, in this order: it exists (NotFound), the
    person's role may take the action at all (Forbidden), their clearance covers it
    (Forbidden), and the stored status agrees with the history, which is the truth
    (IntegrityFailure)."""
    row = existing_report(conn, report_id)
    require_any_role(session.user.roles, ALLOWED_ROLES[action], action.label_nl)
    require_cleared(session.user.clearance, row.classification)
    events = report_repo.history(conn, row.id)
    if status_from_history(events) is not row.status:
        raise IntegrityFailure(
            "De status van het ambtsbericht klopt niet met de vastgelegde geschiedenis."
        )
    return row, events

"""The one place the requests views call the services (requests, provisions, calendar, stats).

Every function here runs on the background worker (through the TaskRunner) and is a thin call
into ``desktop_app.services``: the rules, the audit entries and all SQL live there. The views
only hold what these functions return, and drop it on lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.queries import RequestQuery, SortColumn
from desktop_app.domain.requests import (
    DashboardBucket,
    DashboardThresholds,
    Purpose,
)
from desktop_app.services import calendar as calendar_service
from desktop_app.services import provisions as provision_service
from desktop_app.services import requests as request_service
from desktop_app.services import stats as stats_service
from desktop_app.services.session import Session

__all__ = [
    "DashboardView",
    "ListContext",
    "NewProvision",
    "NewRequest",
    "RequestQuery",
    "SortColumn",
]


@dataclass(frozen=True)
class ListContext:
    """Today's thresholds and the calendar: what the list needs to judge deadlines."""

    thresholds: DashboardThresholds
    calendar: AtwCalendar
    warn_from_day: int


@dataclass(frozen=True)
class DashboardView:
    counts: dict[DashboardBucket, int]
    context: ListContext
    attention: tuple[Any, ...]  # the first requests to look at (overdue, today, warning)


@dataclass(frozen=True)
class NewRequest:
    subject_name: str
    v_number: str
    purpose: Purpose
    received: dt.date
    birth_date: dt.date | None
    nationality: str | None
    ind_reference: str | None


@dataclass(frozen=True)
class NewProvision:
    direction: str
    provided_on: dt.date
    description: str
    legal_basis: str | None
    provided_by: str | None
    received_by: str | None
    request_reference: str | None


ATTENTION_BUCKETS = (
    DashboardBucket.OVERDUE,
    DashboardBucket.DUE_TODAY,
    DashboardBucket.WARNING_NO_NOTICE,
)
ATTENTION_LIMIT = 12


# --- calendar and context ---------------------------------------------------------------------


def load_calendar(session: Session) -> AtwCalendar:
    return calendar_service.load_calendar(session)


def list_context(session: Session) -> ListContext:
    return ListContext(
        request_service.thresholds(session),
        load_calendar(session),
        request_service.warn_from_day(session),
    )


# --- requests ---------------------------------------------------------------------------------


def request_ids(session: Session, query: RequestQuery, limit: int | None = None) -> Sequence[int]:
    return request_service.request_ids(session, query, limit=limit)


def request_page(session: Session, ids: Sequence[int]) -> Sequence[Any]:
    return request_service.requests_by_ids(session, ids)


def list_ids_with_context(
    session: Session, query: RequestQuery, limit: int | None = None
) -> tuple[Sequence[int], ListContext]:
    return request_ids(session, query, limit), list_context(session)


def first_rows(
    session: Session, query: RequestQuery, limit: int
) -> tuple[Sequence[int], ListContext, Sequence[Any]]:
    """The first ``limit`` ids of a query with their rows, in one task: the list can show them
    before the (slower) query for every id has run."""
    ids = request_ids(session, query, limit)
    return ids, list_context(session), request_page(session, ids)


def get_request(session: Session, request_id: int) -> Any:
    return request_service.get_request(session, request_id)


def dashboard(session: Session) -> DashboardView:
    counts = request_service.dashboard_counts(session)
    context = list_context(session)
    attention: list[Any] = []
    for bucket in ATTENTION_BUCKETS:
        if len(attention) >= ATTENTION_LIMIT or not counts.get(bucket):
            continue
        # Overdue: the most recently expired first (they are also what the index finds first
        # among a long closed history); the others: the nearest deadline first.
        query = RequestQuery(
            bucket=bucket, sort=SortColumn.DEADLINE, descending=bucket is DashboardBucket.OVERDUE
        )
        ids = request_ids(session, query, limit=ATTENTION_LIMIT - len(attention))
        attention.extend(request_page(session, ids))
    return DashboardView(counts, context, tuple(attention))


def register_request(session: Session, new: NewRequest) -> Any:
    return request_service.add_request(
        session,
        subject_name=new.subject_name,
        v_number=new.v_number,
        purpose=new.purpose,
        received=new.received,
        birth_date=new.birth_date,
        nationality=new.nationality,
        ind_reference=new.ind_reference,
    )


def import_requests(
    session: Session,
    path: Path,
    progress: request_service.Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    return int(request_service.import_requests(session, path, progress=progress, cancel=cancel))


def start_request(session: Session, request_id: int) -> Any:
    return request_service.start_request(session, request_id)


def notify_delay(
    session: Session, request_id: int, day: dt.date, reason: str, liaison: str | None = None
) -> Any:
    return request_service.notify_delay(
        session, request_id, reason=reason, date=day, liaison=liaison
    )


def liaisons(session: Session) -> list[tuple[str, str]]:
    return request_service.liaisons(session)


def close_without_report(session: Session, request_id: int, reason: str) -> Any:
    return request_service.close_no_data(session, request_id, reason=reason)


# --- provisions -------------------------------------------------------------------------------


def list_provisions(
    session: Session, direction: str | None, date_from: dt.date | None, date_to: dt.date | None
) -> Sequence[Any]:
    return provision_service.list_provisions(
        session, direction=direction, date_from=date_from, date_to=date_to
    )


def add_provision(session: Session, new: NewProvision) -> Any:
    return provision_service.add_provision(
        session,
        direction=new.direction,
        description=new.description,
        date=new.provided_on,
        legal_basis=new.legal_basis,
        provided_by=new.provided_by,
        received_by=new.received_by,
        request_reference=new.request_reference,
    )


# --- statistics -------------------------------------------------------------------------------


def statistics(session: Session, period_from: dt.date, period_to: dt.date) -> Any:
    return stats_service.statistics(session, period_from, period_to)


def export_statistics_csv(
    session: Session, period_from: dt.date, period_to: dt.date, target: Path
) -> Path:
    return stats_service.export_csv(session, period_from, period_to, target)


def export_statistics_pdf(
    session: Session, period_from: dt.date, period_to: dt.date, target: Path
) -> Path:
    return stats_service.export_pdf(session, period_from, period_to, target)


# --- calendar days (admin) --------------------------------------------------------------------


def calendar_days(session: Session) -> Sequence[Any]:
    return calendar_service.list_days(session)


def add_calendar_day(session: Session, day: dt.date, kind: str, description: str) -> Any:
    return calendar_service.add_day(session, day, kind=kind, description=description)


def remove_calendar_day(session: Session, day: dt.date) -> Any:
    return calendar_service.remove_day(session, day)


@dataclass(frozen=True)
class OpenWithVNumber:
    """Registering was held back: open requests have this V-number (the service's sentence)."""

    v_number: str
    message: str


def register_unless_known(session: Session, new: NewRequest, *, confirmed: bool) -> Any:
    """The window's "Registreren": first the check for open requests with the same V-number
    (issue 12); when there are and the person has not confirmed, nothing is saved and the
    warning comes back instead of the record."""
    if not confirmed:
        same = request_service.open_requests_with_v_number(session, new.v_number)
        warning = request_service.v_number_warning(new.v_number, same)
        if warning is not None:
            return OpenWithVNumber(new.v_number.strip(), warning)
    return register_request(session, new)

"""Figures for the periodic consultation (covenant art. 3.2).

The request figures concern the requests *received* in the period, judged as of ``today``:
- ``requests_closed``: of those, how many are closed (whenever that happened);
- ``on_time``: closed on or before the deadline;
- ``late_with_notice``: closed after the deadline, or still open past it, with a delay notice
  given on or before the deadline;
- ``late_without_notice``: the same without such a notice (none, or one given too late);
- ``overdue_open``: still open past the deadline (these are also counted in one of the two
  ``late_*`` figures);
- ``median_working_days``: median of the working days in (received, closed_on] over the closed
  requests; null when none is closed.
So ``on_time + late_with_notice + late_without_notice + (open, deadline not passed) ==
requests_received``. Reports issued, inspections and provisions are counted by the caller (by
their own dates in the period) and passed in.
"""

from __future__ import annotations

import datetime as dt
import statistics as pystats
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.requests import RequestStatus, Timeliness, timeliness

STATISTICS_KEYS: tuple[str, ...] = (
    "period_from",
    "period_to",
    "requests_received",
    "requests_closed",
    "on_time",
    "late_with_notice",
    "late_without_notice",
    "overdue_open",
    "median_working_days",
    "reports_issued",
    "inspections",
    "provisions_aivd_to_ind",
    "provisions_ind_to_aivd",
)


@dataclass(frozen=True, slots=True)
class RequestFacts:
    """What the statistics need of one request (one row of a narrow query)."""

    received: dt.date
    deadline: dt.date
    status: RequestStatus
    closed_on: dt.date | None
    delay_notice_date: dt.date | None


@dataclass(frozen=True, slots=True)
class Statistics:
    period_from: dt.date
    period_to: dt.date
    requests_received: int
    requests_closed: int
    on_time: int
    late_with_notice: int
    late_without_notice: int
    overdue_open: int
    median_working_days: float | None
    reports_issued: int
    inspections: int
    provisions_aivd_to_ind: int
    provisions_ind_to_aivd: int

    def as_dict(self) -> dict[str, str | int | float | None]:
        """Exactly the keys of the ``stats`` shape (shared/spec/cli.md), dates as YYYY-MM-DD."""
        return {
            "period_from": self.period_from.isoformat(),
            "period_to": self.period_to.isoformat(),
            "requests_received": self.requests_received,
            "requests_closed": self.requests_closed,
            "on_time": self.on_time,
            "late_with_notice": self.late_with_notice,
            "late_without_notice": self.late_without_notice,
            "overdue_open": self.overdue_open,
            "median_working_days": self.median_working_days,
            "reports_issued": self.reports_issued,
            "inspections": self.inspections,
            "provisions_aivd_to_ind": self.provisions_aivd_to_ind,
            "provisions_ind_to_aivd": self.provisions_ind_to_aivd,
        }


def validate_period(period_from: dt.date, period_to: dt.date) -> None:
    if period_to < period_from:
        raise InvalidInput("De einddatum van de periode ligt vóór de begindatum.", field="to")


def compute_statistics(
    requests: Iterable[RequestFacts],
    *,
    period_from: dt.date,
    period_to: dt.date,
    today: dt.date,
    calendar: AtwCalendar,
    reports_issued: int = 0,
    inspections: int = 0,
    provisions_aivd_to_ind: int = 0,
    provisions_ind_to_aivd: int = 0,
) -> Statistics:
    """Request figures for requests received in [period_from, period_to] (others are ignored,
    so the caller may pass a superset)."""
    validate_period(period_from, period_to)
    for name, value in (
        ("reports_issued", reports_issued),
        ("inspections", inspections),
        ("provisions_aivd_to_ind", provisions_aivd_to_ind),
        ("provisions_ind_to_aivd", provisions_ind_to_aivd),
    ):
        if value < 0:
            raise ValueError(f"{name} cannot be negative: {value}")

    received = closed = overdue_open = 0
    counts = dict.fromkeys(Timeliness, 0)
    handling: list[int] = []
    for req in requests:
        if not period_from <= req.received <= period_to:
            continue
        received += 1
        verdict = timeliness(
            deadline=req.deadline,
            status=req.status,
            closed_on=req.closed_on,
            notice_date=req.delay_notice_date,
            today=today,
        )
        counts[verdict] += 1
        if req.status.is_closed:
            closed += 1
            assert req.closed_on is not None  # timeliness() has checked this
            handling.append(calendar.working_days_between(req.received, req.closed_on))
        elif today > req.deadline:
            overdue_open += 1

    return Statistics(
        period_from=period_from,
        period_to=period_to,
        requests_received=received,
        requests_closed=closed,
        on_time=counts[Timeliness.ON_TIME],
        late_with_notice=counts[Timeliness.LATE_WITH_NOTICE],
        late_without_notice=counts[Timeliness.LATE_WITHOUT_NOTICE],
        overdue_open=overdue_open,
        median_working_days=float(pystats.median(handling)) if handling else None,
        reports_issued=reports_issued,
        inspections=inspections,
        provisions_aivd_to_ind=provisions_aivd_to_ind,
        provisions_ind_to_aivd=provisions_ind_to_aivd,
    )

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
their own dates in the period) and passed in: those are *events in the period*, the request
figures a *cohort* (the requests received in it), and ``DEFINITIONS`` says so per figure.

The term of art. 2.3 concerns the ambtsbericht, so the closed requests are also split by how
they were closed (extensions of the contract, ``EXTENDED_KEYS``): with an ambtsbericht
(``report_on_time``, ``report_late_with_notice``, ``report_late_without_notice``) and without
data (``no_data_on_time``, ``no_data_late``). The contract's figures keep their meaning (all
closings together).
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


# Additive to the contract (shared/spec/cli.md): the closings split by kind.
EXTENDED_KEYS: tuple[str, ...] = (
    "closed_with_report",
    "closed_no_data",
    "report_on_time",
    "report_late_with_notice",
    "report_late_without_notice",
    "no_data_on_time",
    "no_data_late",
)

_COHORT = "Van de verzoeken ontvangen in de periode (cohort), stand op de peildatum: "
_EVENTS = "Gebeurtenissen in de periode (op hun eigen datum, ongeacht wanneer het verzoek kwam): "

# What each figure counts, for the CLI's ``definitions``, the PDF and the window's tooltips.
DEFINITIONS: dict[str, str] = {
    "requests_received": "Verzoeken met een ontvangstdatum in de periode (het cohort).",
    "requests_closed": _COHORT + "het aantal dat is afgesloten, wanneer ook.",
    "on_time": _COHORT
    + "afgesloten op of vóór de termijn (met ambtsbericht en zonder gegevens samen).",
    "late_with_notice": _COHORT
    + "na de termijn afgesloten of nog open, met een uitstelbericht binnen de termijn.",
    "late_without_notice": _COHORT
    + "na de termijn afgesloten of nog open, zonder tijdig uitstelbericht.",
    "overdue_open": _COHORT + "nog open na de termijn (ook geteld bij een van de 'te laat').",
    "median_working_days": _COHORT
    + "mediane behandelduur in werkdagen van de afgesloten verzoeken.",
    "reports_issued": _EVENTS + "ambtsberichten uitgebracht.",
    "inspections": _EVENTS + "inzages gehouden.",
    "provisions_aivd_to_ind": _EVENTS + "verstrekkingen van de AIVD aan de IND.",
    "provisions_ind_to_aivd": _EVENTS + "verstrekkingen van de IND aan de AIVD.",
    "closed_with_report": _COHORT + "afgesloten met een uitgebracht ambtsbericht.",
    "closed_no_data": _COHORT + "afgesloten zonder ambtsbericht (geen gegevens).",
    "report_on_time": _COHORT
    + "met een ambtsbericht afgesloten op of vóór de termijn van art. 2.3.",
    "report_late_with_notice": _COHORT
    + "met een ambtsbericht afgesloten na de termijn, met tijdig uitstelbericht.",
    "report_late_without_notice": _COHORT
    + "met een ambtsbericht afgesloten na de termijn, zonder tijdig uitstelbericht.",
    "no_data_on_time": _COHORT
    + "zonder gegevens afgesloten op of vóór de termijn (geen ambtsbericht, apart gehouden).",
    "no_data_late": _COHORT + "zonder gegevens afgesloten na de termijn.",
}


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
    closed_with_report: int = 0
    closed_no_data: int = 0
    report_on_time: int = 0
    report_late_with_notice: int = 0
    report_late_without_notice: int = 0
    no_data_on_time: int = 0
    no_data_late: int = 0

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

    def as_extended_dict(self) -> dict[str, object]:
        """The contract's keys, then the closings split by kind (``EXTENDED_KEYS``) and
        ``definitions``: what each figure counts (cohort of requests received, or events in
        the period). Additive: nothing of ``as_dict`` is renamed."""
        extended: dict[str, object] = dict(self.as_dict())
        extended |= {key: getattr(self, key) for key in EXTENDED_KEYS}
        extended["definitions"] = dict(DEFINITIONS)
        return extended


_CLOSINGS = (RequestStatus.CLOSED_REPORT_ISSUED, RequestStatus.CLOSED_NO_DATA)


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
    by_kind = {kind: dict.fromkeys(Timeliness, 0) for kind in _CLOSINGS}
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
        if req.status in by_kind:
            by_kind[req.status][verdict] += 1
        if req.status.is_closed:
            closed += 1
            assert req.closed_on is not None  # timeliness() has checked this
            handling.append(calendar.working_days_between(req.received, req.closed_on))
        elif today > req.deadline:
            overdue_open += 1

    report, no_data = (
        by_kind[RequestStatus.CLOSED_REPORT_ISSUED],
        by_kind[RequestStatus.CLOSED_NO_DATA],
    )
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
        closed_with_report=sum(report.values()),
        closed_no_data=sum(no_data.values()),
        report_on_time=report[Timeliness.ON_TIME],
        report_late_with_notice=report[Timeliness.LATE_WITH_NOTICE],
        report_late_without_notice=report[Timeliness.LATE_WITHOUT_NOTICE],
        no_data_on_time=no_data[Timeliness.ON_TIME],
        no_data_late=no_data[Timeliness.LATE_WITH_NOTICE] + no_data[Timeliness.LATE_WITHOUT_NOTICE],
    )

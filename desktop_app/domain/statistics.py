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

Figures "as of" a moment (``as_of``): computed only from what had been recorded by then, so a
past period's figures stay what they were when a later entry arrives (a request registered
afterwards, a closing or a delay notice entered later). Each fact has its own recording time:
a request its registration (``created_at``), a delay notice ``notice_recorded_at``, an issued
report ``issued_at``, an inspection its start, a provision ``recorded_at``. A closing has only
a date (``closed_on``, the day it was entered): it counts from the start of that day, so
figures as of a moment during a day include closings entered later that same day. A delay
notice without a recording time counts from its own date. See ``known_as_of``.

A delay notice dated on or before the deadline but entered after it counts as given on time (the
date is the one the officer states) and is counted apart as well
(``late_with_notice_recorded_afterwards``), so the heads see how many rest on such a notice.

The term of art. 2.3 concerns the ambtsbericht, so the closed requests are also split by how
they were closed (extensions of the contract, ``EXTENDED_KEYS``): with an ambtsbericht
(``report_on_time``, ``report_late_with_notice``, ``report_late_without_notice``) and without
data (``no_data_on_time``, ``no_data_late``). The contract's figures keep their meaning (all
closings together).
"""

from __future__ import annotations

import datetime as dt
import statistics as pystats
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.clock import LOCAL_TZ
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
    "late_with_notice_recorded_afterwards",
)


def chart_figures(figures: Mapping[str, Any]) -> dict[str, int | float | None]:
    """The figures a PDF shows, in order: the contract's, then the extensions (no dates, no
    definitions). The statistics export and a consultation's frozen figures print alike."""
    return {
        key: value
        for key in (*STATISTICS_KEYS, *EXTENDED_KEYS)
        if key in figures
        for value in (figures[key],)
        if value is None or (isinstance(value, int | float) and not isinstance(value, bool))
    }


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
    "late_with_notice_recorded_afterwards": _COHORT
    + "te laat met uitstelbericht, waarvan het uitstelbericht pas na de termijn is vastgelegd "
    "(gedateerd binnen de termijn; ook geteld bij 'te laat, met uitstelbericht').",
}

# Additive to the contract: the moment the figures were computed as of, ISO 8601 with offset.
AS_OF_KEY = "as_of"
AS_OF_DEFINITION = (
    "Peilmoment: de cijfers tellen alleen wat op of vóór dit moment was vastgelegd; een "
    "afsluiting telt vanaf het begin van de dag waarop ze is vastgelegd."
)


@dataclass(frozen=True, slots=True)
class RequestFacts:
    """What the statistics need of one request (one row of a narrow query)."""

    received: dt.date
    deadline: dt.date
    status: RequestStatus
    closed_on: dt.date | None
    delay_notice_date: dt.date | None
    # Recording times (UTC) for figures "as of"; None where the time is unknown or the query
    # has already selected by it (see ``known_as_of``).
    notice_recorded_at: dt.datetime | None = None
    recorded_at: dt.datetime | None = None


def known_as_of(facts: RequestFacts, as_of: dt.datetime) -> RequestFacts | None:
    """The request as the records stood at ``as_of``: None if it was registered later; still
    open if its closing was entered on a later day; without its delay notice if that was
    entered later (or, with no recording time, dated later)."""
    if facts.recorded_at is not None and facts.recorded_at > as_of:
        return None
    as_of_day = as_of.astimezone(LOCAL_TZ).date()
    status, closed_on = facts.status, facts.closed_on
    if status.is_closed and closed_on is not None and closed_on > as_of_day:
        # Which open status it had then is not recorded; only "open" matters to the figures.
        status, closed_on = RequestStatus.REPORT_IN_PREPARATION, None
    notice_date, notice_at = facts.delay_notice_date, facts.notice_recorded_at
    if notice_date is not None and (
        (notice_at is not None and notice_at > as_of)
        or (notice_at is None and notice_date > as_of_day)
    ):
        notice_date, notice_at = None, None
    if (status, closed_on, notice_date, notice_at) == (
        facts.status,
        facts.closed_on,
        facts.delay_notice_date,
        facts.notice_recorded_at,
    ):
        return facts
    return RequestFacts(
        received=facts.received,
        deadline=facts.deadline,
        status=status,
        closed_on=closed_on,
        delay_notice_date=notice_date,
        notice_recorded_at=notice_at,
        recorded_at=facts.recorded_at,
    )


def end_of_day(day: dt.date, now: dt.datetime) -> dt.datetime:
    """``as_of`` for a date: the last moment of that civil day, or ``now`` while the day has not
    ended (a moment in the future would not be "as the records stood")."""
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=LOCAL_TZ)
    return min((end - dt.timedelta(microseconds=1)).astimezone(dt.UTC), now.astimezone(dt.UTC))


def notice_recorded_afterwards(facts: RequestFacts) -> bool:
    """A notice dated on or before the deadline but entered (civil date) after it."""
    return (
        facts.delay_notice_date is not None
        and facts.notice_recorded_at is not None
        and facts.delay_notice_date <= facts.deadline
        and facts.notice_recorded_at.astimezone(LOCAL_TZ).date() > facts.deadline
    )


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
    late_with_notice_recorded_afterwards: int = 0
    as_of: dt.datetime | None = None

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
        extended[AS_OF_KEY] = None if self.as_of is None else self.as_of.isoformat()
        extended["definitions"] = dict(DEFINITIONS) | {AS_OF_KEY: AS_OF_DEFINITION}
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
    calendar: AtwCalendar,
    today: dt.date | None = None,
    as_of: dt.datetime | None = None,
    reports_issued: int = 0,
    inspections: int = 0,
    provisions_aivd_to_ind: int = 0,
    provisions_ind_to_aivd: int = 0,
) -> Statistics:
    """Request figures for requests received in [period_from, period_to] (others are ignored,
    so the caller may pass a superset), judged on ``today``; with ``as_of`` (an aware moment)
    as the records stood then (``known_as_of``), judged on its civil date."""
    validate_period(period_from, period_to)
    if as_of is not None:
        if as_of.tzinfo is None:
            raise ValueError("as_of must be an aware datetime")
        as_of_day = as_of.astimezone(LOCAL_TZ).date()
        if today is not None and today != as_of_day:
            raise ValueError("today and as_of disagree")
        today = as_of_day
    if today is None:
        raise ValueError("compute_statistics needs today or as_of")
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
    afterwards = 0
    for facts in requests:
        if not period_from <= facts.received <= period_to:
            continue
        req = facts if as_of is None else known_as_of(facts, as_of)
        if req is None:
            continue
        received += 1
        if notice_recorded_afterwards(req):
            afterwards += 1
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
        late_with_notice_recorded_afterwards=afterwards,
        as_of=as_of,
    )

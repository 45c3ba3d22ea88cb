from __future__ import annotations

import datetime as dt
import json
import statistics as pystats

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.helpers import STATS_KEYS

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.requests import CLOSED_STATUSES, OPEN_STATUSES, RequestStatus
from desktop_app.domain.statistics import (
    EXTENDED_KEYS,
    STATISTICS_KEYS,
    RequestFacts,
    Statistics,
    compute_statistics,
)

D = dt.date
S = RequestStatus
CAL = AtwCalendar()
JUNE_FROM, JUNE_TO = D(2026, 6, 1), D(2026, 6, 30)


def facts(
    received: dt.date,
    status: RequestStatus = S.IN_PROGRESS,
    closed_on: dt.date | None = None,
    notice: dt.date | None = None,
    notice_at: dt.datetime | None = None,
    recorded_at: dt.datetime | None = None,
) -> RequestFacts:
    """One request's facts (its deadline from the calendar); the recording times are the
    "as of" tests' (test_statistics_as_of)."""
    return RequestFacts(
        received=received,
        deadline=CAL.deadline_for(received),
        status=status,
        closed_on=closed_on,
        delay_notice_date=notice,
        notice_recorded_at=notice_at,
        recorded_at=recorded_at,
    )


def scenario() -> list[RequestFacts]:
    return [
        # deadline 15 June; closed on 10 June: on time, 7 working days
        facts(D(2026, 6, 1), S.CLOSED_NO_DATA, D(2026, 6, 10)),
        # deadline 16 June; notice on the deadline, closed 20 June: late with notice, 13 days
        facts(D(2026, 6, 2), S.CLOSED_REPORT_ISSUED, D(2026, 6, 20), notice=D(2026, 6, 16)),
        # deadline 17 June; notice a day too late, closed 25 June: late without notice, 16 days
        facts(D(2026, 6, 3), S.CLOSED_REPORT_ISSUED, D(2026, 6, 25), notice=D(2026, 6, 18)),
        # deadline 18 June, still open with a notice in time: overdue, late with notice
        facts(D(2026, 6, 4), S.REPORT_IN_PREPARATION, notice=D(2026, 6, 10)),
        # deadline 19 June, still open, no notice: overdue, late without notice
        facts(D(2026, 6, 5), S.RECEIVED),
        # deadline 14 July, open: neither on time nor late yet
        facts(D(2026, 6, 30), S.IN_PROGRESS),
        # outside the period: ignored
        facts(D(2026, 5, 29), S.RECEIVED),
        facts(D(2026, 7, 1), S.RECEIVED),
    ]


def test_scenario() -> None:
    assert CAL.deadline_for(D(2026, 6, 1)) == D(2026, 6, 15)
    stats = compute_statistics(
        scenario(),
        period_from=JUNE_FROM,
        period_to=JUNE_TO,
        today=D(2026, 7, 1),
        calendar=CAL,
        reports_issued=4,
        inspections=1,
        provisions_aivd_to_ind=5,
        provisions_ind_to_aivd=2,
    )
    assert stats == Statistics(
        period_from=D(2026, 6, 1),
        period_to=D(2026, 6, 30),
        requests_received=6,
        requests_closed=3,
        on_time=1,
        late_with_notice=2,
        late_without_notice=2,
        overdue_open=2,
        median_working_days=13.0,
        reports_issued=4,
        inspections=1,
        provisions_aivd_to_ind=5,
        provisions_ind_to_aivd=2,
        # The closings apart: one without data on time, the two ambtsberichten late.
        closed_with_report=2,
        closed_no_data=1,
        report_on_time=0,
        report_late_with_notice=1,
        report_late_without_notice=1,
        no_data_on_time=1,
        no_data_late=0,
    )


def test_as_dict_has_exactly_the_contract_keys() -> None:
    stats = compute_statistics(
        scenario(), period_from=JUNE_FROM, period_to=JUNE_TO, today=D(2026, 7, 1), calendar=CAL
    )
    data = stats.as_dict()
    assert tuple(data) == STATISTICS_KEYS
    assert set(STATISTICS_KEYS) == STATS_KEYS | {"period_from", "period_to"}
    assert data["period_from"] == "2026-06-01"
    assert data["period_to"] == "2026-06-30"
    json.dumps(data)  # serialisable as is


def test_nothing_received_gives_zeros_and_null_median() -> None:
    stats = compute_statistics(
        [], period_from=JUNE_FROM, period_to=JUNE_TO, today=D(2026, 7, 1), calendar=CAL
    )
    assert stats.requests_received == 0
    assert stats.median_working_days is None
    assert stats.as_dict()["median_working_days"] is None


def test_median_of_an_even_number_is_the_mean_of_the_middle_two() -> None:
    rows = [
        facts(D(2026, 6, 1), S.CLOSED_NO_DATA, D(2026, 6, 8)),  # 5 working days
        facts(D(2026, 6, 1), S.CLOSED_NO_DATA, D(2026, 6, 10)),  # 7
    ]
    stats = compute_statistics(
        rows, period_from=JUNE_FROM, period_to=JUNE_TO, today=D(2026, 7, 1), calendar=CAL
    )
    assert stats.median_working_days == 6.0
    rows.append(facts(D(2026, 6, 1), S.CLOSED_NO_DATA, D(2026, 6, 9)))  # 6
    rows.append(facts(D(2026, 6, 2), S.CLOSED_NO_DATA, D(2026, 6, 9)))  # 5
    stats = compute_statistics(
        rows, period_from=JUNE_FROM, period_to=JUNE_TO, today=D(2026, 7, 1), calendar=CAL
    )
    assert stats.median_working_days == 5.5


def test_median_counts_working_days_across_holidays() -> None:
    # Received Thursday 2026-04-02, closed Tuesday 2026-04-07: Good Friday, weekend and Easter
    # Monday in between, so one working day.
    rows = [facts(D(2026, 4, 2), S.CLOSED_NO_DATA, D(2026, 4, 7))]
    stats = compute_statistics(
        rows,
        period_from=D(2026, 4, 1),
        period_to=D(2026, 4, 30),
        today=D(2026, 5, 1),
        calendar=CAL,
    )
    assert stats.median_working_days == 1.0


def test_open_request_on_its_deadline_is_not_yet_late() -> None:
    row = facts(D(2026, 6, 1))
    on_deadline = compute_statistics(
        [row], period_from=JUNE_FROM, period_to=JUNE_TO, today=row.deadline, calendar=CAL
    )
    assert (on_deadline.late_without_notice, on_deadline.overdue_open) == (0, 0)
    day_after = compute_statistics(
        [row],
        period_from=JUNE_FROM,
        period_to=JUNE_TO,
        today=row.deadline + dt.timedelta(days=1),
        calendar=CAL,
    )
    assert (day_after.late_without_notice, day_after.overdue_open) == (1, 1)


def test_period_bounds_are_inclusive() -> None:
    rows = [facts(D(2026, 6, 1)), facts(D(2026, 6, 30))]
    stats = compute_statistics(
        rows, period_from=JUNE_FROM, period_to=JUNE_TO, today=D(2026, 6, 30), calendar=CAL
    )
    assert stats.requests_received == 2


def test_reversed_period_is_invalid_input() -> None:
    with pytest.raises(InvalidInput):
        compute_statistics(
            [],
            period_from=D(2026, 6, 2),
            period_to=D(2026, 6, 1),
            today=D(2026, 7, 1),
            calendar=CAL,
        )


def test_negative_counts_are_a_programming_error() -> None:
    with pytest.raises(ValueError):
        compute_statistics(
            [],
            period_from=JUNE_FROM,
            period_to=JUNE_TO,
            today=D(2026, 7, 1),
            calendar=CAL,
            inspections=-1,
        )


def test_closed_without_closing_date_is_a_programming_error() -> None:
    row = RequestFacts(D(2026, 6, 1), D(2026, 6, 15), S.CLOSED_NO_DATA, None, None)
    with pytest.raises(ValueError):
        compute_statistics(
            [row], period_from=JUNE_FROM, period_to=JUNE_TO, today=D(2026, 7, 1), calendar=CAL
        )


# -- property: against a direct reading of the definitions ------------------------------------

window = st.dates(D(2026, 5, 1), D(2026, 8, 31))


@st.composite
def request_facts(draw: st.DrawFn) -> RequestFacts:
    received = draw(window)
    deadline = CAL.deadline_for(received)
    closed = draw(st.booleans())
    status = draw(st.sampled_from(sorted(CLOSED_STATUSES if closed else OPEN_STATUSES)))
    closed_on = received + dt.timedelta(days=draw(st.integers(0, 40))) if closed else None
    notice = received + dt.timedelta(days=draw(st.integers(0, 30))) if draw(st.booleans()) else None
    return RequestFacts(received, deadline, status, closed_on, notice)


@given(rows=st.lists(request_facts(), max_size=40), today=st.dates(D(2026, 6, 1), D(2026, 12, 31)))
def test_matches_the_definitions(rows: list[RequestFacts], today: dt.date) -> None:
    stats = compute_statistics(
        rows, period_from=JUNE_FROM, period_to=JUNE_TO, today=today, calendar=CAL
    )
    in_period = [r for r in rows if D(2026, 6, 1) <= r.received <= D(2026, 6, 30)]
    closed = [r for r in in_period if r.status in CLOSED_STATUSES]

    def late(r: RequestFacts) -> bool:
        if r.closed_on is not None:
            return r.closed_on > r.deadline
        return today > r.deadline

    def noticed(r: RequestFacts) -> bool:
        return r.delay_notice_date is not None and r.delay_notice_date <= r.deadline

    assert stats.requests_received == len(in_period)
    assert stats.requests_closed == len(closed)
    assert stats.on_time == sum(
        1 for r in closed if r.closed_on is not None and r.closed_on <= r.deadline
    )
    assert stats.late_with_notice == sum(1 for r in in_period if late(r) and noticed(r))
    assert stats.late_without_notice == sum(1 for r in in_period if late(r) and not noticed(r))
    assert stats.overdue_open == sum(
        1 for r in in_period if r.status not in CLOSED_STATUSES and today > r.deadline
    )
    pending = sum(1 for r in in_period if r.status not in CLOSED_STATUSES and not late(r))
    assert (
        stats.on_time + stats.late_with_notice + stats.late_without_notice + pending
        == stats.requests_received
    )
    assert stats.overdue_open <= stats.late_with_notice + stats.late_without_notice
    if closed:
        days = []
        for r in closed:
            assert r.closed_on is not None
            count, day = 0, r.received
            while day < r.closed_on:
                day += dt.timedelta(days=1)
                count += CAL.is_working_day(day)
            days.append(count)
        assert stats.median_working_days == pystats.median(days)
    else:
        assert stats.median_working_days is None


def test_extended_figures_keep_the_closings_apart_and_say_what_they_count() -> None:
    late_no_data = facts(D(2026, 6, 8), S.CLOSED_NO_DATA, D(2026, 6, 29))
    on_time_report = facts(D(2026, 6, 9), S.CLOSED_REPORT_ISSUED, D(2026, 6, 12))
    stats = compute_statistics(
        [*scenario(), late_no_data, on_time_report],
        period_from=JUNE_FROM,
        period_to=JUNE_TO,
        today=D(2026, 7, 1),
        calendar=CAL,
    )
    data = stats.as_extended_dict()
    # The contract's keys first and unchanged, then the extensions.
    assert tuple(data)[: len(STATISTICS_KEYS)] == STATISTICS_KEYS
    assert {k: data[k] for k in STATISTICS_KEYS} == stats.as_dict()
    assert tuple(data)[len(STATISTICS_KEYS) :] == (*EXTENDED_KEYS, "as_of", "definitions")
    assert (data["report_on_time"], data["no_data_on_time"], data["on_time"]) == (1, 1, 2)
    assert (data["no_data_late"], data["closed_no_data"], data["closed_with_report"]) == (1, 2, 3)
    assert stats.report_on_time + stats.no_data_on_time == stats.on_time
    assert stats.closed_with_report + stats.closed_no_data == stats.requests_closed
    definitions = data["definitions"]
    assert isinstance(definitions, dict)
    figures = [k for k in (*STATISTICS_KEYS, *EXTENDED_KEYS) if not k.startswith("period_")]
    assert sorted(definitions) == sorted([*figures, "as_of"])
    assert "cohort" in definitions["on_time"] and "Gebeurtenissen" in definitions["reports_issued"]

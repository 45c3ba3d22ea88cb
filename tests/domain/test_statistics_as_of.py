"""Figures "as of" a moment (domain.statistics.known_as_of) and delay notices recorded
afterwards: a past period's figures stay what they were when later entries arrive."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.requests import DelayNotice, RequestStatus
from desktop_app.domain.statistics import (
    RequestFacts,
    compute_statistics,
    end_of_day,
    known_as_of,
    notice_recorded_afterwards,
)
from tests.domain.test_statistics import facts

D = dt.date
S = RequestStatus
CAL = AtwCalendar()
UTC = dt.UTC


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def june(**kw: object) -> dict[str, object]:
    return {"period_from": D(2026, 6, 1), "period_to": D(2026, 6, 30), "calendar": CAL} | kw


def test_a_request_registered_later_is_not_counted_as_of_before() -> None:
    late_entry = facts(D(2026, 6, 2), recorded_at=at(D(2026, 7, 10)))
    before = compute_statistics([late_entry], **june(as_of=at(D(2026, 7, 1))))  # type: ignore[arg-type]
    after = compute_statistics([late_entry], **june(as_of=at(D(2026, 7, 11))))  # type: ignore[arg-type]
    assert before.requests_received == 0
    assert after.requests_received == 1 and after.late_without_notice == 1


def test_a_closing_entered_later_leaves_the_request_open_as_of_before() -> None:
    # deadline 16 June; closed 20 June (late)
    closed = facts(D(2026, 6, 2), S.CLOSED_NO_DATA, D(2026, 6, 20))
    as_of_12 = compute_statistics([closed], **june(as_of=at(D(2026, 6, 12))))  # type: ignore[arg-type]
    assert (as_of_12.requests_closed, as_of_12.overdue_open, as_of_12.on_time) == (0, 0, 0)
    as_of_18 = compute_statistics([closed], **june(as_of=at(D(2026, 6, 18))))  # type: ignore[arg-type]
    assert as_of_18.requests_closed == 0 and as_of_18.overdue_open == 1
    assert as_of_18.late_without_notice == 1 and as_of_18.median_working_days is None
    # From the start of the closing day on, it counts as closed.
    as_of_20 = compute_statistics([closed], **june(as_of=at(D(2026, 6, 20), 0)))  # type: ignore[arg-type]
    assert as_of_20.requests_closed == 1 and as_of_20.overdue_open == 0
    assert as_of_20.median_working_days == CAL.working_days_between(D(2026, 6, 2), D(2026, 6, 20))


def test_a_notice_entered_later_does_not_count_as_of_before() -> None:
    # deadline 16 June; notice dated 15 June but entered on 19 June.
    req = facts(D(2026, 6, 2), notice=D(2026, 6, 15), notice_at=at(D(2026, 6, 19)))
    before = compute_statistics([req], **june(as_of=at(D(2026, 6, 18))))  # type: ignore[arg-type]
    assert before.late_without_notice == 1 and before.late_with_notice == 0
    assert before.late_with_notice_recorded_afterwards == 0
    after = compute_statistics([req], **june(as_of=at(D(2026, 6, 19), 12)))  # type: ignore[arg-type]
    assert after.late_with_notice == 1 and after.late_without_notice == 0
    assert after.late_with_notice_recorded_afterwards == 1
    assert after.as_extended_dict()["late_with_notice_recorded_afterwards"] == 1
    assert after.as_extended_dict()["as_of"] == at(D(2026, 6, 19), 12).isoformat()


def test_notice_entered_on_the_deadline_is_not_afterwards() -> None:
    deadline = CAL.deadline_for(D(2026, 6, 2))
    on_day = facts(D(2026, 6, 2), notice=deadline, notice_at=at(deadline, 20))  # 22:00 local
    assert not notice_recorded_afterwards(on_day)
    # 23:30 UTC on the deadline is the next day in Amsterdam (summer time).
    next_local = facts(
        D(2026, 6, 2),
        notice=deadline,
        notice_at=dt.datetime.combine(deadline, dt.time(23, 30), tzinfo=UTC),
    )
    assert notice_recorded_afterwards(next_local)


def test_delay_notice_recorded_afterwards() -> None:
    deadline = D(2026, 6, 16)
    assert DelayNotice(
        D(2026, 6, 15), "r", "o", recorded_at=at(D(2026, 6, 17))
    ).recorded_afterwards(deadline)
    assert not DelayNotice(
        D(2026, 6, 15), "r", "o", recorded_at=at(D(2026, 6, 15))
    ).recorded_afterwards(deadline)
    # dated after the deadline: simply too late, not "recorded afterwards"
    assert not DelayNotice(
        D(2026, 6, 17), "r", "o", recorded_at=at(D(2026, 6, 17))
    ).recorded_afterwards(deadline)
    # unknown recording time (notices from before it was kept): not marked
    assert not DelayNotice(D(2026, 6, 15), "r", "o").recorded_afterwards(deadline)


def test_end_of_day_is_capped_at_now() -> None:
    now = at(D(2026, 6, 10), 9)
    assert end_of_day(D(2026, 6, 10), now) == now
    end = end_of_day(D(2026, 6, 5), now)
    assert (
        end.astimezone(dt.timezone(dt.timedelta(hours=2)))
        .isoformat()
        .startswith("2026-06-05T23:59:59.999999")
    )


def test_as_of_and_today_must_agree() -> None:
    with pytest.raises(ValueError):
        compute_statistics([], **june(today=D(2026, 6, 1), as_of=at(D(2026, 6, 5))))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        compute_statistics([], **june())  # type: ignore[arg-type]


_days = st.dates(min_value=D(2026, 5, 25), max_value=D(2026, 7, 20))


@st.composite
def any_facts(draw: st.DrawFn) -> RequestFacts:
    received = draw(st.dates(min_value=D(2026, 6, 1), max_value=D(2026, 6, 30)))
    deadline = CAL.deadline_for(received)
    recorded = at(received, draw(st.integers(0, 23))) + dt.timedelta(days=draw(st.integers(0, 40)))
    closed = draw(st.booleans())
    closed_on = received + dt.timedelta(days=draw(st.integers(0, 30))) if closed else None
    status = (
        draw(st.sampled_from([S.CLOSED_NO_DATA, S.CLOSED_REPORT_ISSUED]))
        if closed
        else (draw(st.sampled_from([S.RECEIVED, S.IN_PROGRESS, S.REPORT_IN_PREPARATION])))
    )
    notice = None
    notice_at = None
    if draw(st.booleans()):
        notice = received + dt.timedelta(days=draw(st.integers(0, 20)))
        notice_at = at(notice, 8) + dt.timedelta(days=draw(st.integers(0, 10)))
    assert deadline >= received
    return RequestFacts(received, deadline, status, closed_on, notice, notice_at, recorded)


@settings(max_examples=150, deadline=None)
@given(st.lists(any_facts(), max_size=20), st.lists(any_facts(), max_size=10), _days)
def test_entries_recorded_after_the_moment_do_not_change_its_figures(
    known: list[RequestFacts], later: list[RequestFacts], day: dt.date
) -> None:
    """Freezing: whatever is entered after ``as_of`` (new requests; nothing else about the
    known ones), the figures as of ``as_of`` are the same."""
    as_of = at(day, 12)
    before = [f for f in known if f.recorded_at is not None and f.recorded_at <= as_of]
    arriving = [
        RequestFacts(
            f.received,
            f.deadline,
            f.status,
            f.closed_on,
            f.delay_notice_date,
            f.notice_recorded_at,
            as_of + dt.timedelta(seconds=1 + i),
        )
        for i, f in enumerate(later)
    ]
    a = compute_statistics(before, **june(as_of=as_of))  # type: ignore[arg-type]
    b = compute_statistics(before + arriving, **june(as_of=as_of))  # type: ignore[arg-type]
    assert a == b


@settings(max_examples=150, deadline=None)
@given(st.lists(any_facts(), max_size=20), _days)
def test_known_as_of_is_idempotent_and_as_of_late_enough_changes_nothing(
    items: list[RequestFacts], day: dt.date
) -> None:
    as_of = at(day, 12)
    for f in items:
        once = known_as_of(f, as_of)
        if once is not None:
            assert known_as_of(once, as_of) == once
    far = at(D(2027, 1, 1))
    assert all(known_as_of(f, far) == f for f in items)
    # Now-figures equal the figures as of a moment after every entry, judged on that day.
    with_as_of = compute_statistics(items, **june(as_of=far))  # type: ignore[arg-type]
    plain = compute_statistics(items, **june(today=D(2027, 1, 1)))  # type: ignore[arg-type]
    assert dataclasses.replace(plain, as_of=far) == with_as_of

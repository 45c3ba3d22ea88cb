from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.calendar import (
    CLOSURE_DAY_NAME,
    DECREE_DAY_NAME,
    KNOWN_DECREE_DAYS,
    AtwCalendar,
    calendar_version,
    easter_sunday,
    kings_day,
    statutory_holidays,
)

D = dt.date
CAL = AtwCalendar()

dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31))


def brute_working_days(cal: AtwCalendar, start: dt.date, end: dt.date) -> int:
    """Reference count of working days in (start, end], day by day."""
    count = 0
    day = start + dt.timedelta(days=1)
    while day <= end:
        count += cal.is_working_day(day)
        day += dt.timedelta(days=1)
    return count


# -- statutory days --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (1818, D(1818, 3, 22)),  # earliest possible
        (1943, D(1943, 4, 25)),  # latest possible
        (2000, D(2000, 4, 23)),
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2038, D(2038, 4, 25)),
        (2285, D(2285, 3, 22)),
    ],
)
def test_easter_sunday(year: int, easter: dt.date) -> None:
    assert easter_sunday(year) == easter
    assert easter.weekday() == 6


def test_example_from_the_spec() -> None:
    received = D(2027, 4, 23)
    assert received.weekday() == 4  # Friday
    deadline = CAL.deadline_for(received)
    assert deadline == D(2027, 5, 13)
    assert deadline.weekday() == 3  # Thursday


def test_good_friday_2026_is_not_a_working_day() -> None:
    assert not CAL.is_working_day(D(2026, 4, 3))
    assert CAL.reason_not_working(D(2026, 4, 3)) == "Goede Vrijdag"
    assert CAL.reason_not_working(D(2026, 4, 6)) == "Tweede Paasdag"
    # Received the Thursday before Easter: Good Friday and Easter Monday are skipped.
    assert CAL.deadline_for(D(2026, 4, 2)) == D(2026, 4, 20)


def test_kings_day_2025_is_26_april_because_the_27th_is_a_sunday() -> None:
    assert D(2025, 4, 27).weekday() == 6
    assert kings_day(2025) == D(2025, 4, 26)
    assert CAL.reason_not_working(D(2025, 4, 26)) == "Koningsdag"
    assert CAL.reason_not_working(D(2025, 4, 27)) == "zondag"


def test_kings_day_on_a_weekday_is_not_a_working_day() -> None:
    assert kings_day(2026) == D(2026, 4, 27)  # Monday
    assert not CAL.is_working_day(D(2026, 4, 27))
    assert CAL.is_working_day(D(2026, 4, 28))
    assert kings_day(2027) == D(2027, 4, 27)  # Tuesday


def test_queens_day_before_2014() -> None:
    assert kings_day(2013) == D(2013, 4, 30)
    assert kings_day(2006) == D(2006, 4, 29)  # 30 April 2006 was a Sunday


@pytest.mark.parametrize("year", range(2020, 2036))
def test_fifth_of_may_every_year(year: int) -> None:
    day = D(year, 5, 5)
    assert not CAL.is_working_day(day)
    assert "Bevrijdingsdag" in (CAL.reason_not_working(day) or "")


def test_fifth_of_may_2026_tuesday_is_a_holiday() -> None:
    day = D(2026, 5, 5)
    assert day.weekday() == 1
    assert not CAL.is_working_day(day)
    assert CAL.is_working_day(D(2026, 5, 4))
    assert CAL.is_working_day(D(2026, 5, 6))


def test_decree_day_2026_05_15() -> None:
    day = D(2026, 5, 15)
    assert day.weekday() == 4
    assert not CAL.is_working_day(day)
    assert CAL.reason_not_working(day) == DECREE_DAY_NAME
    # Without the decree it is an ordinary Friday.
    plain = AtwCalendar(decree_days=frozenset())
    assert plain.is_working_day(day)
    assert plain.reason_not_working(day) is None


def test_all_known_decree_days_are_weekdays_and_not_working() -> None:
    assert len(KNOWN_DECREE_DAYS) == 17  # 7 of the 2016 decree, 10 later
    for day in KNOWN_DECREE_DAYS:
        assert day.weekday() < 5
        assert not CAL.is_working_day(day)


def test_ascension_and_whit_monday_2026() -> None:
    assert CAL.reason_not_working(D(2026, 5, 14)) == "Hemelvaartsdag"
    assert CAL.reason_not_working(D(2026, 5, 25)) == "Tweede Pinksterdag"


def test_ascension_day_on_fifth_of_may_names_both() -> None:
    assert easter_sunday(2016) + dt.timedelta(days=39) == D(2016, 5, 5)
    name = CAL.reason_not_working(D(2016, 5, 5))
    assert name is not None and "Bevrijdingsdag" in name and "Hemelvaartsdag" in name


def test_holiday_name_wins_over_weekend() -> None:
    assert D(2027, 12, 25).weekday() == 5
    assert CAL.reason_not_working(D(2027, 12, 25)) == "Eerste Kerstdag"
    assert CAL.reason_not_working(D(2027, 12, 18)) == "zaterdag"
    assert CAL.reason_not_working(D(2027, 12, 17)) is None


def test_statutory_holidays_has_nine_days() -> None:
    days = statutory_holidays(2026)
    assert len(days) == 9
    assert set(days.values()) == {
        "Nieuwjaarsdag",
        "Goede Vrijdag",
        "Tweede Paasdag",
        "Koningsdag",
        "Bevrijdingsdag",
        "Hemelvaartsdag",
        "Tweede Pinksterdag",
        "Eerste Kerstdag",
        "Tweede Kerstdag",
    }


# -- year boundaries ----------------------------------------------------------------------------


def test_christmas_and_new_year_2025_2026() -> None:
    # 25, 26 Dec, 1 Jan and decree day 2 Jan 2026 are skipped.
    assert CAL.deadline_for(D(2025, 12, 19)) == D(2026, 1, 8)


def test_christmas_and_new_year_2024_2025() -> None:
    # 25, 26 Dec, decree day 27 Dec 2024 and 1 Jan 2025 are skipped.
    assert CAL.deadline_for(D(2024, 12, 20)) == D(2025, 1, 9)


def test_received_on_new_years_day() -> None:
    assert CAL.deadline_for(D(2027, 1, 1)) == D(2027, 1, 15)


def test_received_on_a_saturday_counts_from_monday() -> None:
    assert CAL.deadline_for(D(2026, 3, 7)) == D(2026, 3, 20)
    assert CAL.deadline_for(D(2026, 3, 6)) == D(2026, 3, 20)


def test_non_working_days_overview() -> None:
    days = CAL.non_working_days(2026)
    assert D(2026, 1, 2) in days
    assert days[D(2026, 5, 15)] == DECREE_DAY_NAME
    assert all(d.weekday() < 5 and d.year == 2026 for d in days)
    assert D(2026, 12, 26) not in days  # a Saturday


# -- counting ----------------------------------------------------------------------------------


def test_working_days_between_examples() -> None:
    assert CAL.working_days_between(D(2027, 4, 23), D(2027, 5, 13)) == 10
    assert CAL.working_days_between(D(2027, 5, 13), D(2027, 4, 23)) == -10
    assert CAL.working_days_between(D(2027, 4, 23), D(2027, 4, 23)) == 0
    assert CAL.working_days_between(D(2026, 3, 6), D(2026, 3, 9)) == 1


def test_working_day_number_and_remaining() -> None:
    received = D(2027, 4, 23)
    assert CAL.working_day_number(received, received) == 0
    assert CAL.working_day_number(received, D(2027, 4, 26)) == 1
    assert CAL.working_day_number(received, D(2027, 5, 11)) == 8
    assert CAL.working_day_number(received, D(2027, 5, 13)) == 10
    # A holiday keeps the number of the last working day before it.
    assert CAL.working_day_number(received, D(2027, 5, 6)) == 6
    assert CAL.remaining_working_days(D(2027, 5, 13), D(2027, 5, 11)) == 2
    assert CAL.remaining_working_days(D(2027, 5, 13), D(2027, 5, 14)) == -1


def test_add_working_days() -> None:
    assert CAL.add_working_days(D(2027, 4, 23), 0) == D(2027, 4, 23)
    assert CAL.add_working_days(D(2027, 4, 23), 1) == D(2027, 4, 26)
    assert CAL.add_working_days(D(2027, 4, 26), 1) == D(2027, 4, 28)  # over King's Day
    assert CAL.add_working_days(D(2027, 5, 10), -1) == D(2027, 5, 4)  # back over 5-7 May
    assert CAL.add_working_days(D(2027, 5, 13), -10) == D(2027, 4, 23)


def test_long_range_count_matches_brute_force() -> None:
    start, end = D(2019, 3, 8), D(2031, 1, 1)
    assert CAL.working_days_between(start, end) == brute_working_days(CAL, start, end)


# -- version -----------------------------------------------------------------------------------


def test_version_is_deterministic_and_short() -> None:
    assert AtwCalendar().version == AtwCalendar(decree_days=KNOWN_DECREE_DAYS).version
    assert len(CAL.version) == 12
    assert CAL.version == calendar_version(KNOWN_DECREE_DAYS)


def test_version_changes_with_the_data() -> None:
    more = CAL.with_extra_days(closure_days=[D(2026, 7, 1)])
    assert more.version != CAL.version
    assert more.reason_not_working(D(2026, 7, 1)) == CLOSURE_DAY_NAME
    assert CAL.is_working_day(D(2026, 7, 1))  # the original is unchanged
    # Only the set of days matters for deadlines, not whether a day is decree or closure.
    same = AtwCalendar(decree_days=frozenset(), closure_days=KNOWN_DECREE_DAYS)
    assert same.version == CAL.version


def test_calendar_accepts_iterables_and_is_hashable() -> None:
    cal = AtwCalendar(decree_days=[D(2030, 6, 3)], closure_days=())  # type: ignore[arg-type]
    assert isinstance(cal.decree_days, frozenset)
    assert not cal.is_working_day(D(2030, 6, 3))
    assert hash(cal) == hash(AtwCalendar(decree_days=frozenset({D(2030, 6, 3)})))
    assert cal == AtwCalendar(decree_days=frozenset({D(2030, 6, 3)}))


# -- speed -------------------------------------------------------------------------------------


def test_a_million_deadlines_are_cheap() -> None:
    cal = AtwCalendar()
    # A bulk import: a million requests received on a few hundred distinct days.
    days = [D(2024, 1, 1) + dt.timedelta(days=i) for i in range(1000)]
    received = days * 1000
    start = time.process_time()
    deadline_for = cal.deadline_for
    for day in received:
        deadline_for(day)
    elapsed = time.process_time() - start
    # CPU time: ~0.2 s on the dev VM; uncached it is about ten times slower. Loose bound.
    assert elapsed < 2.5
    assert cal.deadline_for(D(2027, 4, 23)) == D(2027, 5, 13)


# -- properties --------------------------------------------------------------------------------

extra_days = st.frozensets(dates, max_size=20)


@given(received=dates)
def test_deadline_is_a_working_day(received: dt.date) -> None:
    assert CAL.is_working_day(CAL.deadline_for(received))
    assert CAL.reason_not_working(CAL.deadline_for(received)) is None


@given(received=dates, closures=extra_days)
@settings(max_examples=200)
def test_exactly_ten_working_days_up_to_the_deadline(
    received: dt.date, closures: frozenset[dt.date]
) -> None:
    cal = AtwCalendar(closure_days=closures)
    deadline = cal.deadline_for(received)
    assert brute_working_days(cal, received, deadline) == 10
    assert cal.working_days_between(received, deadline) == 10
    # ... and the day before the deadline still had only nine.
    assert brute_working_days(cal, received, deadline - dt.timedelta(days=1)) == 9


@given(a=dates, b=dates)
def test_deadline_is_monotone(a: dt.date, b: dt.date) -> None:
    first, second = sorted((a, b))
    assert CAL.deadline_for(first) <= CAL.deadline_for(second)


@given(received=dates, closures=extra_days, extra=dates)
def test_adding_a_closure_day_never_moves_a_deadline_earlier(
    received: dt.date, closures: frozenset[dt.date], extra: dt.date
) -> None:
    cal = AtwCalendar(closure_days=closures)
    more = cal.with_extra_days(closure_days=[extra])
    assert more.deadline_for(received) >= cal.deadline_for(received)


@given(
    start=dates,
    span=st.integers(min_value=-800, max_value=800),
    closures=extra_days,
)
@settings(max_examples=150)
def test_working_days_between_matches_brute_force(
    start: dt.date, span: int, closures: frozenset[dt.date]
) -> None:
    cal = AtwCalendar(closure_days=closures)
    end = start + dt.timedelta(days=span)
    if end >= start:
        assert cal.working_days_between(start, end) == brute_working_days(cal, start, end)
    else:
        assert cal.working_days_between(start, end) == -brute_working_days(cal, end, start)


@given(start=dates, n=st.integers(min_value=0, max_value=60))
def test_add_then_count_round_trips(start: dt.date, n: int) -> None:
    end = CAL.add_working_days(start, n)
    assert CAL.working_days_between(start, end) == n
    if n:
        assert CAL.is_working_day(end)


@given(start=dates, n=st.integers(min_value=1, max_value=60))
def test_add_backwards_lands_on_the_nth_working_day_before(start: dt.date, n: int) -> None:
    back = CAL.add_working_days(start, -n)
    assert CAL.is_working_day(back)
    # Working days in [back, start): back itself plus those strictly between.
    assert brute_working_days(CAL, back - dt.timedelta(days=1), start - dt.timedelta(days=1)) == n

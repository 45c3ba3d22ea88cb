"""The 2016 decree (Stcrt. 2016, 58653) and which years have no decree days (issue 14)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.calendar import (
    DECREES_2016,
    KNOWN_DECREE_DAYS,
    AtwCalendar,
    decree_years_checked,
    years_without_decree_days,
)

D = dt.date


def test_the_2016_decree_days_are_known() -> None:
    assert sorted(DECREES_2016) == [
        D(2017, 4, 28),
        D(2017, 5, 26),
        D(2018, 5, 11),
        D(2018, 12, 24),
        D(2018, 12, 31),
        D(2019, 5, 31),
        D(2019, 12, 27),
    ]
    assert DECREES_2016 <= KNOWN_DECREE_DAYS


def test_a_2019_deadline_across_31_may_is_one_working_day_later() -> None:
    # Friday 24 May 2019; Ascension Day is 30 May, Whit Monday 10 June.
    received = D(2019, 5, 24)
    before = AtwCalendar(decree_days=KNOWN_DECREE_DAYS - DECREES_2016)
    assert before.deadline_for(received) == D(2019, 6, 11)
    assert AtwCalendar().deadline_for(received) == D(2019, 6, 12)
    assert AtwCalendar().reason_not_working(D(2019, 5, 31)) == "bij besluit gelijkgestelde dag"


def test_years_without_decree_days_with_the_known_days() -> None:
    first, last = decree_years_checked(D(2026, 11, 2))
    assert (first, last) == (2017, 2029)
    assert years_without_decree_days(KNOWN_DECREE_DAYS, first, last) == (2020, 2021, 2022, 2029)


def test_no_years_in_an_empty_range() -> None:
    assert years_without_decree_days(KNOWN_DECREE_DAYS, 2030, 2029) == ()


@given(
    st.sets(st.dates(min_value=D(2010, 1, 1), max_value=D(2040, 12, 31)), max_size=30),
    st.integers(2010, 2040),
    st.integers(0, 15),
)
def test_a_year_is_listed_exactly_when_it_has_no_decree_day(
    days: set[dt.date], first: int, span: int
) -> None:
    last = first + span
    missing = years_without_decree_days(days, first, last)
    have = {d.year for d in days}
    assert list(missing) == sorted(missing)
    for year in range(first, last + 1):
        assert (year in missing) == (year not in have)
    assert all(first <= y <= last for y in missing)

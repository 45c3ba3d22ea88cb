from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.designations import (
    DECISION_REF_MAX_LENGTH,
    Designation,
    current_designation,
    is_current,
    validate_new_designation,
)
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.ids import UserId

U = UserId(7)
TODAY = dt.date(2026, 3, 2)
DAY = dt.timedelta(days=1)


def test_valid_designation_is_trimmed() -> None:
    d = Designation(U, "  HDIND-2026/0042 ", dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert d.decision_ref == "HDIND-2026/0042"
    assert d.valid_until == dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    "ref",
    ["", "   ", "---", "HDIND\n2026", "HD\u202eIND", "x" * (DECISION_REF_MAX_LENGTH + 1), "a\x00b"],
)
def test_bad_decision_refs_are_rejected(ref: str) -> None:
    with pytest.raises(InvalidInput) as info:
        Designation(U, ref, TODAY)
    assert info.value.field == "decision"
    assert info.value.message


def test_longest_allowed_ref_and_free_text_refs_are_fine() -> None:
    assert Designation(U, "x" * DECISION_REF_MAX_LENGTH, TODAY).decision_ref
    assert Designation(U, "Besluit HD IND nr. 2026-12 (d.d. 3 maart)", TODAY).decision_ref


def test_until_before_from_is_rejected_but_one_day_is_fine() -> None:
    with pytest.raises(InvalidInput) as info:
        Designation(U, "HD-1", TODAY, TODAY - DAY)
    assert info.value.field == "until"
    assert Designation(U, "HD-1", TODAY, TODAY).valid_until == TODAY


def test_is_current_edges_are_inclusive() -> None:
    d = Designation(U, "HD-1", dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert not is_current(d, dt.date(2026, 2, 28))
    assert is_current(d, dt.date(2026, 3, 1))  # first day
    assert is_current(d, dt.date(2026, 3, 31))  # last day ("tot en met")
    assert not is_current(d, dt.date(2026, 4, 1))


def test_open_ended_and_future_designations() -> None:
    open_ended = Designation(U, "HD-1", dt.date(2020, 1, 1))
    assert is_current(open_ended, dt.date(2099, 1, 1))
    future = Designation(U, "HD-2", TODAY + DAY)
    assert not is_current(future, TODAY)
    assert is_current(future, TODAY + DAY)


def test_current_designation_picks_the_longest_lasting() -> None:
    expired = Designation(U, "HD-old", dt.date(2024, 1, 1), dt.date(2025, 1, 1))
    short = Designation(U, "HD-short", dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    long = Designation(U, "HD-long", dt.date(2026, 2, 1), dt.date(2027, 1, 31))
    assert current_designation([expired, short, long], TODAY) == long
    unlimited = Designation(U, "HD-open", dt.date(2025, 1, 1))
    assert current_designation([short, unlimited, long], TODAY) == unlimited
    assert current_designation([expired], TODAY) is None
    assert current_designation([], TODAY) is None


def test_new_designation_may_not_have_ended_already() -> None:
    validate_new_designation(Designation(U, "HD-1", TODAY - 10 * DAY, TODAY), TODAY)
    validate_new_designation(Designation(U, "HD-1", TODAY + DAY), TODAY)
    with pytest.raises(InvalidInput) as info:
        validate_new_designation(Designation(U, "HD-1", TODAY - 10 * DAY, TODAY - DAY), TODAY)
    assert info.value.field == "until"


dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@given(dates, st.one_of(st.none(), dates), dates)
def test_is_current_matches_interval_reference(
    start: dt.date, until: dt.date | None, today: dt.date
) -> None:
    if until is not None and until < start:
        with pytest.raises(InvalidInput):
            Designation(U, "HD-1", start, until)
        return
    d = Designation(U, "HD-1", start, until)
    expected = start <= today and (until is None or today <= until)
    assert is_current(d, today) is expected
    assert (current_designation([d], today) is d) is expected

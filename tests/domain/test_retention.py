"""The retention rules: due dates from 1 January of the year after closing, the two approvals,
hold texts and object names."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.errors import Forbidden, FourEyes, InvalidInput, InvalidState
from desktop_app.domain.retention import (
    DEFAULT_YEARS,
    Approvals,
    ListStatus,
    RecordKind,
    Slot,
    approval_slot,
    check_hold_text,
    check_years,
    cutoff,
    due_on,
    is_due,
    parse_object,
)
from desktop_app.domain.roles import Role

D = dt.date
dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2080, 12, 31))
years = st.integers(1, 100)


def test_a_period_runs_from_the_first_of_january_after_closing() -> None:
    assert due_on(D(2026, 3, 14), 5) == D(2032, 1, 1)
    assert due_on(D(2026, 12, 31), 5) == D(2032, 1, 1)
    assert due_on(D(2024, 2, 29), 1) == D(2026, 1, 1)
    assert not is_due(D(2026, 3, 14), 5, D(2031, 12, 31))
    assert is_due(D(2026, 3, 14), 5, D(2032, 1, 1))


@given(dates, years, dates)
def test_due_and_cutoff_agree(start: dt.date, n: int, as_of: dt.date) -> None:
    assert is_due(start, n, as_of) == (start < cutoff(n, as_of))


@given(dates, years)
def test_a_record_is_kept_at_least_its_period(start: dt.date, n: int) -> None:
    due = due_on(start, n)
    assert (due.month, due.day) == (1, 1)
    assert due.year - start.year == n + 1
    leap_day = (start.month, start.day) == (2, 29)
    anniversary = start.replace(year=start.year + n, day=28 if leap_day else start.day)
    assert due > anniversary


@given(dates, years, years)
def test_a_longer_period_is_never_due_earlier(start: dt.date, a: int, b: int) -> None:
    short, long = sorted((a, b))
    assert due_on(start, short) <= due_on(start, long)


@pytest.mark.parametrize("bad", [0, -1, 101, True, 2.5])
def test_years_out_of_range_are_refused(bad: object) -> None:
    with pytest.raises(InvalidInput):
        check_years(bad)  # type: ignore[arg-type]


def test_every_kind_has_a_default_and_dutch_labels() -> None:
    assert set(DEFAULT_YEARS) == set(RecordKind)
    for kind in RecordKind:
        assert kind.label_nl and kind.starts_nl and kind.contents_nl
    assert RecordKind.parse(" Inspection ") is RecordKind.INSPECTION
    with pytest.raises(InvalidInput, match="Kies uit"):
        RecordKind.parse("archief")


def test_object_names() -> None:
    assert parse_object("request:12") == ("request", 12)
    assert parse_object(" Report:5 ") == ("report", 5)
    for bad in ("request", "request:", "dossier:1", "report:x", "report:-1", ""):
        with pytest.raises(InvalidInput):
            parse_object(bad)


def test_a_hold_states_a_reason_and_a_reference() -> None:
    assert check_hold_text("  Beroep  ingesteld ", " AWB 26/1 ") == ("Beroep ingesteld", "AWB 26/1")
    with pytest.raises(InvalidInput):
        check_hold_text("", "AWB")
    with pytest.raises(InvalidInput):
        check_hold_text("reden", " ")
    with pytest.raises(InvalidInput):
        check_hold_text("reden\x07", "AWB")


def test_the_slot_follows_the_role() -> None:
    assert approval_slot({Role.ADMIN}) is Slot.ADMIN
    assert approval_slot({Role.AIVD_SIGNER}) is Slot.SIGNER
    for roles in ({Role.AIVD_OFFICER}, {Role.IND_LIAISON}, set()):
        with pytest.raises(Forbidden):
            approval_slot(roles)


def test_two_approvals_by_two_accounts() -> None:
    state = Approvals()
    assert state.status is ListStatus.DRAWN_UP
    with pytest.raises(InvalidState):
        state.check_destroyable()
    state = state.approve(Slot.ADMIN, "beheer")
    assert state.status is ListStatus.PARTLY_APPROVED
    with pytest.raises(InvalidState, match="al gegeven"):
        state.approve(Slot.ADMIN, "beheer2")
    with pytest.raises(FourEyes):
        state.approve(Slot.SIGNER, "BEHEER")
    state = state.approve(Slot.SIGNER, "tekenaar")
    assert state.status is ListStatus.APPROVED
    state.check_destroyable()
    done = Approvals("beheer", "tekenaar", destroyed=True)
    assert done.status is ListStatus.DESTROYED
    with pytest.raises(InvalidState):
        done.check_destroyable()
    with pytest.raises(InvalidState):
        done.approve(Slot.SIGNER, "ander")


@given(st.lists(st.tuples(st.sampled_from(list(Slot)), st.sampled_from(["a", "b", "c"]))))
def test_an_approved_list_always_has_two_different_approvers(
    steps: list[tuple[Slot, str]],
) -> None:
    state = Approvals()
    for slot, who in steps:
        try:
            state = state.approve(slot, who)
        except (InvalidState, FourEyes):
            continue
    if state.status is ListStatus.APPROVED:
        assert state.admin_by is not None and state.signer_by is not None
        assert state.admin_by.casefold() != state.signer_by.casefold()

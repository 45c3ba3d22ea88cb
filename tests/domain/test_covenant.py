"""domain.covenant: in force from the day after both signed, termination three calendar months
after the notice (month ends), amendment statuses from the recorded consents, who acts for whom."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.covenant import (
    AmendmentStatus,
    CovenantStatus,
    Decision,
    Party,
    PartyDecision,
    acting_party,
    add_months,
    amendment_effective,
    amendment_status,
    covenant_status,
    in_force_from,
    party_of,
    status_text,
    termination_effective,
    validate_consent,
    validate_decision_ref,
    validate_notice,
    validate_proposed_change,
    validate_request,
)
from desktop_app.domain.errors import Forbidden, InvalidInput, InvalidState
from desktop_app.domain.roles import Role

D = dt.date
SIGNED = D(2019, 3, 7)
STARTS = D(2019, 3, 8)


def test_the_2019_covenant_is_in_force_from_the_day_after_both_signed() -> None:
    assert in_force_from({Party.AIVD: SIGNED, Party.IND: SIGNED}) == STARTS
    # The later signature counts.
    assert in_force_from({Party.AIVD: D(2019, 3, 1), Party.IND: SIGNED}) == STARTS
    with pytest.raises(InvalidState, match="de IND"):
        in_force_from({Party.AIVD: SIGNED})


@pytest.mark.parametrize(
    ("notice", "effective"),
    [
        (D(2026, 11, 30), D(2027, 2, 28)),
        (D(2027, 11, 30), D(2028, 2, 29)),  # leap year
        (D(2026, 8, 31), D(2026, 11, 30)),
        (D(2026, 12, 31), D(2027, 3, 31)),
        (D(2026, 11, 29), D(2027, 2, 28)),
        (D(2026, 1, 15), D(2026, 4, 15)),
        (D(2026, 10, 31), D(2027, 1, 31)),
        (D(2027, 11, 29), D(2028, 2, 29)),
    ],
)
def test_termination_takes_effect_three_calendar_months_later(
    notice: dt.date, effective: dt.date
) -> None:
    assert termination_effective(notice) == effective


dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2200, 12, 31))


@given(dates, st.integers(min_value=-240, max_value=240))
def test_add_months_keeps_the_day_or_takes_the_month_end(day: dt.date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    if moved.day != day.day:  # clamped: only where the target month is shorter
        assert moved.day < day.day
        assert (moved + dt.timedelta(days=1)).day == 1  # the last day of its month


@given(dates)
def test_termination_is_always_after_the_notice_and_within_three_months(day: dt.date) -> None:
    effective = termination_effective(day)
    assert day < effective
    assert 89 <= (effective - day).days <= 92
    # Monotone: a later notice never ends the covenant earlier.
    assert termination_effective(day + dt.timedelta(days=1)) >= effective


def test_covenant_status_and_register_text() -> None:
    ends = termination_effective(D(2027, 3, 8))
    assert covenant_status(STARTS, None, D(2019, 3, 7)) is CovenantStatus.SIGNED
    assert covenant_status(STARTS, None, STARTS) is CovenantStatus.IN_FORCE
    assert status_text(STARTS, None, D(2026, 11, 2)) == "in werking sinds 8 maart 2019"
    assert covenant_status(STARTS, ends, D(2027, 6, 7)) is CovenantStatus.NOTICE_GIVEN
    assert status_text(STARTS, ends, D(2027, 6, 7)) == "opgezegd per 8 juni 2027"
    assert covenant_status(STARTS, ends, D(2027, 6, 8)) is CovenantStatus.ENDED
    assert status_text(STARTS, ends, D(2027, 6, 8)).startswith("beëindigd per 8 juni 2027")


def test_notice_rules() -> None:
    today = D(2026, 11, 30)
    assert validate_notice(today, signed_on=SIGNED, ends=None, today=today) == D(2027, 2, 28)
    with pytest.raises(InvalidInput, match="toekomst"):
        validate_notice(D(2026, 12, 1), signed_on=SIGNED, ends=None, today=today)
    with pytest.raises(InvalidInput, match="vóór de ondertekening"):
        validate_notice(D(2019, 3, 6), signed_on=SIGNED, ends=None, today=today)
    with pytest.raises(InvalidState, match="al opgezegd"):
        validate_notice(today, signed_on=SIGNED, ends=D(2027, 1, 1), today=today)


def _d(party: Party, day: dt.date, decision: Decision = Decision.CONSENT) -> PartyDecision:
    return PartyDecision(party, decision, day, f"{party.short_nl} 2026/1", "x")


def test_amendment_status_follows_the_recorded_consents() -> None:
    today = D(2026, 11, 10)
    assert amendment_status(None, [], today) is AmendmentStatus.REQUESTED
    one = [_d(Party.IND, D(2026, 11, 3))]
    assert amendment_status(None, one, today) is AmendmentStatus.CONSENTED_BY_ONE
    both = [*one, _d(Party.AIVD, D(2026, 11, 5))]
    assert amendment_effective(None, both) == D(2026, 11, 6)
    assert amendment_status(None, both, today) is AmendmentStatus.IN_FORCE
    assert amendment_status(D(2027, 1, 1), both, today) is AmendmentStatus.AGREED
    assert amendment_status(D(2027, 1, 1), both, D(2027, 1, 1)) is AmendmentStatus.IN_FORCE
    # A proposed date that passed before the second consent gives way to the day after it.
    assert amendment_effective(D(2026, 11, 4), both) == D(2026, 11, 6)
    refused = [*one, _d(Party.AIVD, D(2026, 11, 5), Decision.REFUSE)]
    assert amendment_status(None, refused, today) is AmendmentStatus.REFUSED
    assert amendment_effective(None, refused) is None


@given(
    st.lists(
        st.tuples(st.sampled_from(list(Party)), st.integers(0, 60), st.booleans()),
        max_size=2,
        unique_by=lambda t: t[0],
    ),
    st.one_of(st.none(), st.integers(1, 90)),
    st.integers(0, 120),
)
def test_amendment_never_in_force_without_both_consents(
    answers: list[tuple[Party, int, bool]], proposed: int | None, later: int
) -> None:
    base = D(2026, 1, 1)
    decisions = [
        _d(p, base + dt.timedelta(days=n), Decision.CONSENT if ok else Decision.REFUSE)
        for p, n, ok in answers
    ]
    proposal = None if proposed is None else base + dt.timedelta(days=proposed)
    today = base + dt.timedelta(days=later)
    status = amendment_status(proposal, decisions, today)
    consents = [d for d in decisions if d.decision is Decision.CONSENT]
    if status in (AmendmentStatus.IN_FORCE, AmendmentStatus.AGREED):
        assert {d.party for d in consents} == set(Party)
        effective = amendment_effective(proposal, decisions)
        assert effective is not None
        assert effective > max(d.decided_on for d in decisions)
        assert (status is AmendmentStatus.IN_FORCE) == (today >= effective)
    else:
        assert amendment_effective(proposal, decisions) is None


def test_consent_rules() -> None:
    today = D(2026, 11, 10)
    requested = D(2026, 11, 2)
    validate_consent(Party.AIVD, today, requested_on=requested, decisions=[], today=today)
    one = [_d(Party.AIVD, D(2026, 11, 3))]
    with pytest.raises(InvalidState, match="al vastgelegd"):
        validate_consent(Party.AIVD, today, requested_on=requested, decisions=one, today=today)
    with pytest.raises(InvalidInput, match="toekomst"):
        validate_consent(
            Party.IND, D(2026, 11, 11), requested_on=requested, decisions=one, today=today
        )
    with pytest.raises(InvalidInput, match="vóór het verzoek"):
        validate_consent(
            Party.IND, D(2026, 11, 1), requested_on=requested, decisions=one, today=today
        )
    no = [_d(Party.AIVD, D(2026, 11, 3), Decision.REFUSE)]
    with pytest.raises(InvalidState, match="niet aangenomen"):
        validate_consent(Party.IND, today, requested_on=requested, decisions=no, today=today)


def test_request_rules() -> None:
    today = D(2026, 11, 10)
    validate_request(today, None, signed_on=SIGNED, ends=None, today=today)
    with pytest.raises(InvalidInput):
        validate_request(D(2026, 11, 11), None, signed_on=SIGNED, ends=None, today=today)
    with pytest.raises(InvalidInput, match="inwerkingtreding"):
        validate_request(today, today, signed_on=SIGNED, ends=None, today=today)
    with pytest.raises(InvalidState, match="beëindigd"):
        validate_request(today, None, signed_on=SIGNED, ends=D(2026, 11, 1), today=today)


def test_who_acts_for_which_party() -> None:
    assert party_of({Role.AIVD_SIGNER}) is Party.AIVD
    assert party_of({Role.IND_LIAISON, Role.IND_INSPECTOR}) is Party.IND
    assert party_of({Role.AIVD_OFFICER}) is None
    assert party_of({Role.ADMIN}) is None
    assert acting_party({Role.AIVD_SIGNER}, None, "de instemming") is Party.AIVD
    assert acting_party({Role.IND_LIAISON}, Party.IND, "de instemming") is Party.IND
    with pytest.raises(Forbidden, match="namens de AIVD kan alleen"):
        acting_party({Role.IND_LIAISON}, Party.AIVD, "de instemming")
    with pytest.raises(Forbidden, match="namens de IND"):
        acting_party({Role.AIVD_SIGNER}, Party.IND, "de goedkeuring")
    with pytest.raises(Forbidden):
        acting_party({Role.ADMIN}, None, "de instemming")


@pytest.mark.parametrize("bad", ["", "   ", "---", "A\u202eB", "x" * 101, "a\nb"])
def test_bad_decision_refs(bad: str) -> None:
    with pytest.raises(InvalidInput) as info:
        validate_decision_ref(bad)
    assert info.value.field == "decision"


def test_decision_ref_and_change_text() -> None:
    assert validate_decision_ref("  DG-AIVD  2027/12 ") == "DG-AIVD 2027/12"
    assert validate_proposed_change("  Art. 2.3: vijftien werkdagen.\n") == (
        "Art. 2.3: vijftien werkdagen."
    )
    for bad in ("", "x\x00y", "x" * 20_001):
        with pytest.raises(InvalidInput):
            validate_proposed_change(bad)
    assert Party.parse(" AIVD ") is Party.AIVD
    with pytest.raises(InvalidInput, match="Onbekende partij"):
        Party.parse("politie")

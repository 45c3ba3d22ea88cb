"""domain.implementation_plans: the state machine of art. 3.3 (both heads approve one version;
a new version starts the approvals again; withdrawn is final), checked against the state the
recorded facts give."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.covenant import Party
from desktop_app.domain.errors import AppError, InvalidInput, InvalidState
from desktop_app.domain.implementation_plans import (
    PlanEvent,
    PlanEventKind,
    PlanState,
    PlanStatus,
    PlanStep,
    plan_state,
    plan_steps,
    step,
    validate_plan_text,
    validate_reason,
    validate_subject,
)

CREATE = PlanEvent(PlanEventKind.CREATE)
REVISE = PlanEvent(PlanEventKind.REVISE)
WITHDRAW = PlanEvent(PlanEventKind.WITHDRAW)


def approve(party: Party, version: int | None = None) -> PlanEvent:
    return PlanEvent(PlanEventKind.APPROVE, party, version)


def run(*events: PlanEvent) -> PlanState:
    state: PlanState | None = None
    for event in events:
        state = step(state, event)
    assert state is not None
    return state


def test_both_heads_put_a_plan_in_force() -> None:
    s = run(CREATE)
    assert (s.status, s.version) == (PlanStatus.CONCEPT, 1)
    s = step(s, approve(Party.IND, 1))
    assert s.status is PlanStatus.APPROVED_BY_ONE and s.approvals == {Party.IND}
    s = step(s, approve(Party.AIVD, 1))
    assert s.status is PlanStatus.IN_FORCE


def test_a_new_version_resets_the_approvals() -> None:
    s = run(CREATE, approve(Party.AIVD), REVISE)
    assert (s.status, s.version, s.approvals) == (PlanStatus.CONCEPT, 2, frozenset())
    with pytest.raises(InvalidState, match="huidige versie is 2"):
        step(s, approve(Party.IND, 1))


@pytest.mark.parametrize(
    ("events", "event", "sentence"),
    [
        ((CREATE, approve(Party.AIVD)), approve(Party.AIVD), "al goedgekeurd"),
        ((CREATE, approve(Party.AIVD), approve(Party.IND)), REVISE, "niet herzien"),
        ((CREATE, approve(Party.AIVD), approve(Party.IND)), approve(Party.IND), "beide"),
        ((CREATE, WITHDRAW), REVISE, "ingetrokken"),
        ((CREATE, WITHDRAW), approve(Party.IND), "ingetrokken"),
        ((CREATE, WITHDRAW), WITHDRAW, "al ingetrokken"),
        ((CREATE,), CREATE, "bestaat al"),
    ],
)
def test_invalid_transitions_are_refused_with_a_sentence(
    events: tuple[PlanEvent, ...], event: PlanEvent, sentence: str
) -> None:
    state = run(*events)
    with pytest.raises(InvalidState, match=sentence) as info:
        step(state, event)
    assert info.value.message.endswith(".")


def test_steps_before_creation_and_an_approval_without_party() -> None:
    with pytest.raises(InvalidState):
        step(None, REVISE)
    with pytest.raises(InvalidInput):
        step(run(CREATE), PlanEvent(PlanEventKind.APPROVE))


events = st.one_of(
    st.just(REVISE),
    st.just(WITHDRAW),
    st.builds(approve, st.sampled_from(list(Party))),
)


@given(st.lists(events, max_size=12))
def test_the_machine_agrees_with_the_recorded_facts(sequence: list[PlanEvent]) -> None:
    """Replaying any sequence (refused steps change nothing) gives the state that the stored
    facts give: current version, approvals of that version, withdrawn or not."""
    state = run(CREATE)
    version, approvals, withdrawn = 1, {1: set[Party]()}, False
    for event in sequence:
        try:
            state = step(state, event)
        except AppError:
            continue
        if event.kind is PlanEventKind.REVISE:
            version += 1
            approvals[version] = set()
        elif event.kind is PlanEventKind.APPROVE:
            assert event.party is not None
            approvals[version].add(event.party)
        else:
            withdrawn = True
        assert state == plan_state(version, approvals[version], withdrawn)
    assert state.status is not PlanStatus.IN_FORCE or approvals[state.version] == set(Party)


def test_permissions_come_from_the_machine() -> None:
    concept = run(CREATE, approve(Party.AIVD))
    aivd = plan_steps(concept, Party.AIVD)
    assert not aivd[PlanStep.APPROVE].allowed and "al goedgekeurd" in (
        aivd[PlanStep.APPROVE].reason or ""
    )
    ind = plan_steps(concept, Party.IND)
    assert ind[PlanStep.APPROVE].allowed and ind[PlanStep.REVISE].allowed
    in_force = plan_steps(run(CREATE, approve(Party.AIVD), approve(Party.IND)), Party.IND)
    assert in_force[PlanStep.REVISE].offered and not in_force[PlanStep.REVISE].allowed
    assert in_force[PlanStep.WITHDRAW].allowed
    gone = plan_steps(run(CREATE, WITHDRAW), Party.IND)
    assert not any(p.offered for p in gone.values())
    nobody = plan_steps(concept, None)
    assert not any(p.offered or p.allowed for p in nobody.values())


def test_text_rules() -> None:
    assert validate_subject("  Uitwisseling   bij spoed ") == "Uitwisseling bij spoed"
    assert validate_plan_text("a\r\nb") == "a\nb"
    assert validate_reason(" vervallen ") == "vervallen"
    for check, bad in (
        (validate_subject, ""),
        (validate_subject, "A\u202eB"),
        (validate_subject, "x" * 201),
        (validate_plan_text, "   "),
        (validate_plan_text, "a\x07b"),
        (validate_reason, ""),
    ):
        with pytest.raises(InvalidInput):
            check(bad)

"""Implementation plans (art. 3.3): per subject, drawn up within the covenant, approved by the
heads of both services. A pure state machine, no I/O.

    concept --approve(one head)--> approved_by_one --approve(the other head)--> in_force
    concept | approved_by_one --revise--> concept (a new version; approvals start again)
    concept | approved_by_one | in_force --withdraw--> withdrawn

An approval is of one version: a new version is another text, so approvals of an earlier one
no longer count (the window and the CLI say so). A plan in force is not revised: it is what both
heads approved; it is withdrawn and a new plan drawn up. A withdrawn plan takes no step at all.

The state is also computed from the recorded facts (``plan_state``): the current version, which
parties approved *that* version, and whether the plan was withdrawn. ``step`` is the machine the
use cases run; a property test holds the two together.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import NewType

from desktop_app.domain.actions import Permission, check, refused
from desktop_app.domain.covenant import Party
from desktop_app.domain.errors import InvalidInput, InvalidState
from desktop_app.domain.text import check_name, check_text, collapse

__all__ = [
    "PlanEvent",
    "PlanEventKind",
    "PlanId",
    "PlanState",
    "PlanStatus",
    "PlanStep",
    "plan_state",
    "plan_steps",
    "step",
    "validate_plan_text",
    "validate_reason",
    "validate_subject",
]

PlanId = NewType("PlanId", int)
SUBJECT_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 500_000
REASON_MAX_LENGTH = 2_000


class PlanStatus(enum.StrEnum):
    CONCEPT = "concept"
    APPROVED_BY_ONE = "approved_by_one"
    IN_FORCE = "in_force"
    WITHDRAWN = "withdrawn"

    @property
    def label_nl(self) -> str:
        return _LABELS[self]


_LABELS = {
    PlanStatus.CONCEPT: "concept",
    PlanStatus.APPROVED_BY_ONE: "goedgekeurd door één hoofd",
    PlanStatus.IN_FORCE: "in werking",
    PlanStatus.WITHDRAWN: "ingetrokken",
}


class PlanEventKind(enum.StrEnum):
    CREATE = "create"
    REVISE = "revise"
    APPROVE = "approve"
    WITHDRAW = "withdraw"


@dataclass(frozen=True, slots=True)
class PlanEvent:
    kind: PlanEventKind
    party: Party | None = None  # APPROVE: whose head
    version: int | None = None  # APPROVE: the version approved (must be the current one)


@dataclass(frozen=True, slots=True)
class PlanState:
    status: PlanStatus
    version: int
    approvals: frozenset[Party] = field(default_factory=frozenset)  # of ``version``


def plan_state(version: int, approvals: Iterable[Party], withdrawn: bool) -> PlanState:
    """The state the recorded facts give: approvals of the current version only."""
    parties = frozenset(approvals)
    if withdrawn:
        status = PlanStatus.WITHDRAWN
    elif len(parties) >= len(Party):
        status = PlanStatus.IN_FORCE
    elif parties:
        status = PlanStatus.APPROVED_BY_ONE
    else:
        status = PlanStatus.CONCEPT
    return PlanState(status, version, parties)


def _withdrawn(what: str) -> InvalidState:
    return InvalidState(f"Het uitvoeringsplan is ingetrokken; {what} kan niet meer.")


def step(state: PlanState | None, event: PlanEvent) -> PlanState:
    """The state after ``event``, or InvalidState with the sentence that says why not."""
    if event.kind is PlanEventKind.CREATE:
        if state is not None:
            raise InvalidState("Dit uitvoeringsplan bestaat al.")
        return PlanState(PlanStatus.CONCEPT, 1)
    if state is None:
        raise InvalidState("Dit uitvoeringsplan bestaat nog niet.")
    if event.kind is PlanEventKind.REVISE:
        if state.status is PlanStatus.WITHDRAWN:
            raise _withdrawn("een nieuwe versie")
        if state.status is PlanStatus.IN_FORCE:
            raise InvalidState(
                "Een uitvoeringsplan in werking wordt niet herzien: beide hoofden hebben deze "
                "tekst goedgekeurd. Trek het in en stel een nieuw plan op."
            )
        return PlanState(PlanStatus.CONCEPT, state.version + 1)
    if event.kind is PlanEventKind.APPROVE:
        return _approve(state, event)
    if state.status is PlanStatus.WITHDRAWN:
        raise InvalidState("Het uitvoeringsplan is al ingetrokken.")
    return replace(state, status=PlanStatus.WITHDRAWN)


def _approve(state: PlanState, event: PlanEvent) -> PlanState:
    party = event.party
    if party is None:
        raise InvalidInput("Zeg namens welk hoofd de goedkeuring wordt vastgelegd.", field="party")
    if state.status is PlanStatus.WITHDRAWN:
        raise _withdrawn("goedkeuren")
    if state.status is PlanStatus.IN_FORCE:
        raise InvalidState("Het uitvoeringsplan is al door beide hoofden goedgekeurd.")
    if event.version is not None and event.version != state.version:
        raise InvalidState(
            f"U keurt versie {event.version} goed, maar de huidige versie is {state.version}: "
            "een nieuwe versie vraagt een nieuwe goedkeuring."
        )
    if party in state.approvals:
        raise InvalidState(
            f"{party.head_nl.capitalize()} heeft versie {state.version} al goedgekeurd; de "
            f"goedkeuring van {party.other.head_nl} ontbreekt nog."
        )
    return plan_state(state.version, state.approvals | {party}, withdrawn=False)


class PlanStep(enum.StrEnum):
    REVISE = "revise"
    APPROVE = "approve"
    WITHDRAW = "withdraw"


def plan_steps(state: PlanState, party: Party | None) -> Mapping[PlanStep, Permission]:
    """What an account acting for ``party`` (None: no governance role) may do with a plan in
    ``state``: each step checked by the machine itself."""
    if party is None:
        no = refused(
            "Alleen de AIVD-ondertekenaar of de IND-liaison werkt aan uitvoeringsplannen.",
            offered=False,
        )
        return MappingProxyType(dict.fromkeys(PlanStep, no))
    offered = state.status is not PlanStatus.WITHDRAWN
    events = {
        PlanStep.REVISE: PlanEvent(PlanEventKind.REVISE),
        PlanStep.APPROVE: PlanEvent(PlanEventKind.APPROVE, party, state.version),
        PlanStep.WITHDRAW: PlanEvent(PlanEventKind.WITHDRAW),
    }
    return MappingProxyType({s: check(_rule(state, e), offered=offered) for s, e in events.items()})


def _rule(state: PlanState, event: PlanEvent) -> Callable[[], object]:
    return lambda: step(state, event)


def validate_subject(raw: str) -> str:
    subject = collapse(raw)
    if not subject:
        raise InvalidInput("Vul het onderwerp van het uitvoeringsplan in.", field="subject")
    if len(subject) > SUBJECT_MAX_LENGTH:
        raise InvalidInput(
            f"Het onderwerp is langer dan {SUBJECT_MAX_LENGTH} tekens.", field="subject"
        )
    return check_name(subject, field="subject", label="Het onderwerp")


def validate_plan_text(text: str) -> str:
    if not text.strip():
        raise InvalidInput("De tekst van het uitvoeringsplan is leeg.", field="text")
    if len(text) > TEXT_MAX_LENGTH:
        raise InvalidInput(
            f"De tekst van het uitvoeringsplan is langer dan {TEXT_MAX_LENGTH} tekens.",
            field="text",
        )
    return check_text(text.replace("\r\n", "\n"), field="text", label="De tekst", multiline=True)


def validate_reason(raw: str) -> str:
    reason = raw.strip()
    if not reason:
        raise InvalidInput("Geef de reden van de intrekking.", field="reason")
    if len(reason) > REASON_MAX_LENGTH:
        raise InvalidInput(f"De reden is langer dan {REASON_MAX_LENGTH} tekens.", field="reason")
    return check_text(reason, field="reason", label="De reden", multiline=True)

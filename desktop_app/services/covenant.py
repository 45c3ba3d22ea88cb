"""The covenant register (art. 5), amendments (art. 4.1), termination (art. 4.2), the
non-public annex and the implementation plans (art. 3.3).

Every function is one use case: one transaction, one audit entry, views included. The rules
come from ``domain.covenant`` and ``domain.implementation_plans``; this module loads the facts,
asks the rules and records the outcome.

Who:
- ``domain.roles.GOVERNANCE_ROLES`` record and read: the AIVD's signer acts for the AIVD, the
  IND's liaison for the IND; what is recorded "for" a party can only be recorded by an account of
  that party (``domain.covenant.acting_party``; the refusal is audited as denied).
- The administrator reads the register's public facts only: titles, dates, statuses. Never the
  annex, a plan's subject or text, or the text of a proposed amendment (need-to-know).
- The annex and the plans are classified: reading one needs a governance role *and* a clearance
  that covers it (Forbidden otherwise, audited as denied). A plan above the reader's clearance is
  listed without its subject. Nobody records content above their own clearance.

Audit details hold identifiers, parties, dates and versions; never a text or a subject.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from desktop_app.domain import covenant as rules
from desktop_app.domain import implementation_plans as plans_rules
from desktop_app.domain.actions import Permission, check, refused, role_permission
from desktop_app.domain.classification import (
    Classification,
    ClassificationDuration,
    check_duration_for,
    parse_duration,
)
from desktop_app.domain.clock import dutch_date
from desktop_app.domain.covenant import (
    AmendmentStatus,
    CovenantStatus,
    Decision,
    Party,
    PartyDecision,
)
from desktop_app.domain.errors import Forbidden, IntegrityFailure, InvalidInput, NotFound
from desktop_app.domain.implementation_plans import (
    PlanEvent,
    PlanEventKind,
    PlanState,
    PlanStatus,
    PlanStep,
)
from desktop_app.domain.roles import GOVERNANCE_ROLES, Role
from desktop_app.domain.text import check_text
from desktop_app.services.session import Session
from desktop_app.storage import covenant as repo
from desktop_app.storage import users as user_repo
from desktop_app.storage.audit import format_ts
from desktop_app.storage.db import Connection

__all__ = [
    "ANNEX_MAX_LENGTH",
    "PUBLIC_READERS",
    "READERS",
    "WRITERS",
    "AmendmentView",
    "AnnexContent",
    "AnnexSummary",
    "ApprovalView",
    "CovenantStep",
    "CovenantView",
    "PlanSummary",
    "PlanView",
    "add_plan",
    "annex_set",
    "annex_show",
    "approve_plan",
    "decide_amendment",
    "get_plan",
    "list_plans",
    "register",
    "request_amendment",
    "revise_plan",
    "show_covenant",
    "terminate",
    "withdraw_plan",
]

WRITERS = GOVERNANCE_ROLES
READERS = GOVERNANCE_ROLES
# The register's public facts (title, dates, statuses) are also the administrator's.
PUBLIC_READERS = GOVERNANCE_ROLES | {Role.ADMIN}
ANNEX_MAX_LENGTH = 2_000_000
DEFAULT_ANNEX_CLASSIFICATION = Classification.STG_CONFIDENTIEEL
DEFAULT_PLAN_CLASSIFICATION = Classification.STG_CONFIDENTIEEL
THE_COVENANT = 1  # the 2019 covenant, seeded by schema step 7b


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _duration(duration: ClassificationDuration | None) -> dict[str, str | None] | None:
    return None if duration is None else duration.as_dict()


# ---------------------------------------------------------------------------------------------
# Views


@dataclass(frozen=True)
class DecisionView:
    party: Party
    decision: Decision
    decided_on: dt.date
    decision_ref: str
    recorded_by: str
    recorded_at: str

    def as_dict(self) -> dict[str, object]:
        return {
            "party": self.party.value,
            "decision": self.decision.value,
            "date": self.decided_on.isoformat(),
            "decision_ref": self.decision_ref,
            "recorded_by": self.recorded_by,
            "recorded_at": self.recorded_at,
        }


@dataclass(frozen=True)
class AmendmentView:
    id: int
    covenant_id: int
    party: Party  # who asked
    requested_on: dt.date
    proposed_effective: dt.date | None
    effective_on: dt.date | None  # computed: None until both consented
    status: AmendmentStatus
    decisions: tuple[DecisionView, ...]
    proposed_change: str | None  # None for the administrator (need-to-know)
    recorded_by: str
    decide: Permission  # may this person record their party's decision now

    @property
    def status_text(self) -> str:
        if self.status is AmendmentStatus.AGREED and self.effective_on is not None:
            return f"aangenomen, in werking per {dutch_date(self.effective_on)}"
        if self.status is AmendmentStatus.IN_FORCE and self.effective_on is not None:
            return f"in werking sinds {dutch_date(self.effective_on)}"
        return self.status.label_nl

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "covenant_id": self.covenant_id,
            "requested_by": self.party.value,
            "requested_on": self.requested_on.isoformat(),
            "proposed_effective": _iso(self.proposed_effective),
            "effective_on": _iso(self.effective_on),
            "status": self.status.value,
            "status_text": self.status_text,
            "decisions": [d.as_dict() for d in self.decisions],
            "proposed_change": self.proposed_change,
            "recorded_by": self.recorded_by,
        }


@dataclass(frozen=True)
class TerminationView:
    party: Party
    notice_on: dt.date
    effective_on: dt.date
    recorded_by: str
    recorded_at: str

    def as_dict(self) -> dict[str, object]:
        return {
            "party": self.party.value,
            "notice_on": self.notice_on.isoformat(),
            "effective_on": self.effective_on.isoformat(),
            "recorded_by": self.recorded_by,
            "recorded_at": self.recorded_at,
        }


@dataclass(frozen=True)
class AnnexSummary:
    """What is known about the annex without reading it."""

    version: int
    classification: Classification
    length: int
    recorded_by: str
    recorded_at: str
    duration: ClassificationDuration | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "classification": self.classification.code,
            "classification_duration": _duration(self.duration),
            "length": self.length,
            "recorded_by": self.recorded_by,
            "recorded_at": self.recorded_at,
        }


@dataclass(frozen=True)
class AnnexContent:
    covenant_id: int
    summary: AnnexSummary
    text: str
    sha256: str

    def as_dict(self) -> dict[str, object]:
        return {
            "covenant_id": self.covenant_id,
            **self.summary.as_dict(),
            "sha256": self.sha256,
            "text": self.text,
        }


@dataclass(frozen=True)
class _People:
    """Login name -> full name of everyone a view says recorded something: a sentence names
    the person ("vastgelegd door"), the JSON keeps the login names."""

    full_names: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({}), kw_only=True
    )

    def person(self, login: str) -> str:
        """The full name for a ``recorded_by`` of this view (the login name if unknown)."""
        return self.full_names.get(login, login)


@dataclass(frozen=True)
class ApprovalView:
    version: int
    party: Party
    approved_on: dt.date
    decision_ref: str
    recorded_by: str
    recorded_at: str

    def as_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "party": self.party.value,
            "date": self.approved_on.isoformat(),
            "decision_ref": self.decision_ref,
            "recorded_by": self.recorded_by,
            "recorded_at": self.recorded_at,
        }


@dataclass(frozen=True)
class PlanSummary:
    id: int
    covenant_id: int
    subject: str | None  # None: withheld (administrator, or above the reader's clearance)
    classification: Classification
    status: PlanStatus
    version: int
    approvals: tuple[ApprovalView, ...]  # of the current version
    created_by: str
    created_at: str
    withdrawn_on: dt.date | None
    duration: ClassificationDuration | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "covenant_id": self.covenant_id,
            "subject": self.subject,
            "classification": self.classification.code,
            "classification_duration": _duration(self.duration),
            "status": self.status.value,
            "status_text": self.status.label_nl,
            "version": self.version,
            "approvals": [a.as_dict() for a in self.approvals],
            "created_by": self.created_by,
            "created_at": self.created_at,
            "withdrawn_on": _iso(self.withdrawn_on),
        }


@dataclass(frozen=True)
class PlanVersionView:
    version: int
    author: str
    created_at: str
    length: int
    sha256: str

    def as_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "author": self.author,
            "created_at": self.created_at,
            "length": self.length,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class PlanView(_People):
    plan: PlanSummary
    shown_version: int
    text: str
    versions: tuple[PlanVersionView, ...]
    all_approvals: tuple[ApprovalView, ...]
    withdrawn_by: str | None
    withdrawal_reason: str | None
    steps: Mapping[PlanStep, Permission]
    # Set by ``revise_plan``: how many approvals of the previous version no longer count.
    approvals_reset: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            **self.plan.as_dict(),
            "shown_version": self.shown_version,
            "text": self.text,
            "versions": [v.as_dict() for v in self.versions],
            "all_approvals": [a.as_dict() for a in self.all_approvals],
            "withdrawn_by": self.withdrawn_by,
            "withdrawal_reason": self.withdrawal_reason,
            "approvals_reset": self.approvals_reset,
        }


class CovenantStep(enum.StrEnum):
    REQUEST_AMENDMENT = "request_amendment"
    TERMINATE = "terminate"
    SET_ANNEX = "set_annex"
    VIEW_ANNEX = "view_annex"
    ADD_PLAN = "add_plan"


@dataclass(frozen=True)
class CovenantView(_People):
    id: int
    reference: str
    title: str
    place: str
    signed: Mapping[Party, dt.date]
    signatories: Mapping[Party, str]
    replaces: str
    in_force_from: dt.date
    status: CovenantStatus
    status_text: str
    termination: TerminationView | None
    amendments: tuple[AmendmentView, ...]
    plans: tuple[PlanSummary, ...]
    annex: AnnexSummary | None  # None: none recorded, or not for this reader
    annex_recorded: bool
    steps: Mapping[CovenantStep, Permission]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "reference": self.reference,
            "title": self.title,
            "place": self.place,
            "signed": {p.value: d.isoformat() for p, d in self.signed.items()},
            "signatories": {p.value: s for p, s in self.signatories.items()},
            "replaces": self.replaces,
            "in_force_from": self.in_force_from.isoformat(),
            "status": self.status.value,
            "status_text": self.status_text,
            "termination": None if self.termination is None else self.termination.as_dict(),
            "amendments": [a.as_dict() for a in self.amendments],
            "plans": [p.as_dict() for p in self.plans],
            "annex": None if self.annex is None else self.annex.as_dict(),
            "annex_recorded": self.annex_recorded,
        }


# ---------------------------------------------------------------------------------------------
# Loading and checking


def _covenant(conn: Connection, covenant_id: int) -> repo.CovenantRow:
    row = repo.covenant(conn, covenant_id)
    if row is None:
        raise NotFound(f"Convenant {int(covenant_id)} bestaat niet.")
    return row


def _ends(conn: Connection, covenant_id: int) -> dt.date | None:
    t = repo.termination(conn, covenant_id)
    return None if t is None else rules.termination_effective(t.notice_on)


def _content_reader(session: Session) -> bool:
    return bool(session.user.roles & READERS)


def _require_clearance(session: Session, level: Classification, what: str) -> None:
    if not level.covered_by(session.user.clearance):
        # Says nothing about the content itself.
        raise Forbidden(f"U bent niet gemachtigd voor de rubricering van {what}.")


def _check_level(session: Session, level: Classification, what: str) -> None:
    if not level.covered_by(session.user.clearance):
        raise Forbidden(
            f"U kunt {what} niet hoger rubriceren dan uw eigen machtiging "
            f"({session.user.clearance.code})."
        )


def _party_permission(session: Session, what: str) -> Permission:
    result = check(lambda: rules.acting_party(session.user.roles, None, what))
    return result if result.allowed else refused(result.reason or "", offered=False)


def _amendment_view(
    session: Session, conn: Connection, row: repo.AmendmentRow, today: dt.date
) -> AmendmentView:
    status = rules.amendment_status(row.proposed_effective, row.decisions, today)
    reader = _content_reader(session)
    own = rules.party_of(session.user.roles)
    if own is None:
        decide = refused(
            "Alleen de AIVD-ondertekenaar of de IND-liaison legt een besluit over een "
            "wijziging vast.",
            offered=False,
        )
    else:
        decide = check(
            lambda: rules.validate_consent(
                own,
                today,
                requested_on=row.requested_on,
                decisions=row.decisions,
                today=today,
            ),
            offered=status in (AmendmentStatus.REQUESTED, AmendmentStatus.CONSENTED_BY_ONE),
        )
    return AmendmentView(
        id=int(row.id),
        covenant_id=int(row.covenant_id),
        party=row.party,
        requested_on=row.requested_on,
        proposed_effective=row.proposed_effective,
        effective_on=rules.amendment_effective(row.proposed_effective, row.decisions),
        status=status,
        decisions=tuple(
            DecisionView(d.party, d.decision, d.decided_on, d.decision_ref, d.recorded_by, at)
            for d, at in zip(row.decisions, row.decisions_recorded_at, strict=True)
        ),
        proposed_change=repo.proposed_change(conn, row.id) if reader else None,
        recorded_by=row.recorded_by,
        decide=decide,
    )


def _approval(a: repo.ApprovalRow) -> ApprovalView:
    return ApprovalView(
        a.version, a.party, a.approved_on, a.decision_ref, a.recorded_by, a.recorded_at
    )


def _state(row: repo.PlanRow) -> PlanState:
    return plans_rules.plan_state(
        row.version, (a.party for a in row.approvals_of(row.version)), row.withdrawn_on is not None
    )


def _plan_summary(session: Session, row: repo.PlanRow) -> PlanSummary:
    visible = _content_reader(session) and row.classification.covered_by(session.user.clearance)
    return PlanSummary(
        id=int(row.id),
        covenant_id=int(row.covenant_id),
        subject=row.subject if visible else None,
        classification=row.classification,
        status=_state(row).status,
        version=row.version,
        approvals=tuple(_approval(a) for a in row.approvals_of(row.version)),
        created_by=row.created_by,
        created_at=row.created_at,
        withdrawn_on=row.withdrawn_on,
        duration=row.duration,
    )


def _annex_summary(conn: Connection, covenant_id: int) -> AnnexSummary | None:
    versions = repo.annex_versions(conn, covenant_id)
    if not versions:
        return None
    v = versions[-1]
    return AnnexSummary(
        v.version, v.classification, v.length, v.recorded_by, v.recorded_at, v.duration
    )


def _view(session: Session, conn: Connection, covenant_id: int) -> CovenantView:
    row = _covenant(conn, covenant_id)
    today = session.clock.today()
    starts = rules.in_force_from(row.signed)
    t = repo.termination(conn, row.id)
    ends = None if t is None else rules.termination_effective(t.notice_on)
    signed_on = max(row.signed.values())
    annex = _annex_summary(conn, row.id)
    reader = _content_reader(session)
    roles = session.user.roles

    def annex_view() -> None:
        if annex is None:
            raise NotFound("Er is nog geen niet-openbare bijlage vastgelegd.")
        _require_clearance(session, annex.classification, "de niet-openbare bijlage")

    steps: dict[CovenantStep, Permission] = {
        CovenantStep.REQUEST_AMENDMENT: check(
            lambda: rules.validate_request(today, None, signed_on=signed_on, ends=ends, today=today)
        ),
        CovenantStep.TERMINATE: check(
            lambda: rules.validate_notice(today, signed_on=signed_on, ends=ends, today=today)
        ),
        CovenantStep.SET_ANNEX: role_permission(roles, WRITERS, "de bijlage vastleggen"),
        CovenantStep.VIEW_ANNEX: check(annex_view),
        CovenantStep.ADD_PLAN: check(
            lambda: rules.require_not_ended(ends, today, "een uitvoeringsplan opstellen")
        ),
    }
    party = _party_permission(session, "dit")
    if not party.allowed:  # the administrator: the public facts, no step
        steps = dict.fromkeys(steps, party)
    amendments = tuple(
        _amendment_view(session, conn, a, today) for a in repo.amendments(conn, row.id)
    )
    recorders = {
        *(() if t is None else (t.recorded_by,)),
        *(() if annex is None else (annex.recorded_by,)),
        *(a.recorded_by for a in amendments),
        *(d.recorded_by for a in amendments for d in a.decisions),
    }
    return CovenantView(
        id=int(row.id),
        reference=row.reference,
        title=row.title,
        place=row.place,
        signed=MappingProxyType(dict(row.signed)),
        signatories=MappingProxyType(dict(row.signatories)),
        replaces=row.replaces,
        in_force_from=starts,
        status=rules.covenant_status(starts, ends, today),
        status_text=rules.status_text(starts, ends, today),
        termination=None
        if t is None or ends is None
        else TerminationView(t.party, t.notice_on, ends, t.recorded_by, t.recorded_at),
        amendments=amendments,
        plans=tuple(_plan_summary(session, p) for p in repo.plans(conn, row.id)),
        annex=annex if reader else None,
        annex_recorded=annex is not None,
        steps=MappingProxyType(steps),
        full_names=MappingProxyType(user_repo.full_names(conn, recorders)),
    )


# ---------------------------------------------------------------------------------------------
# The register


def register(session: Session) -> list[CovenantView]:
    """Every covenant in the register, with its amendments and plans (public facts for the
    administrator)."""
    with session.transaction("covenant.list", "covenants") as tx:
        session.require(PUBLIC_READERS, "het convenantregister bekijken")
        views = [_view(session, tx.conn, int(c.id)) for c in repo.covenants(tx.conn)]
        tx.details = {"results": len(views)}
        return views


def show_covenant(session: Session, covenant_id: int = THE_COVENANT) -> CovenantView:
    with session.transaction("covenant.view", f"covenant:{int(covenant_id)}") as tx:
        session.require(PUBLIC_READERS, "het convenantregister bekijken")
        return _view(session, tx.conn, covenant_id)


def request_amendment(
    session: Session,
    *,
    change: str,
    covenant_id: int = THE_COVENANT,
    requested_on: dt.date | None = None,
    effective: dt.date | None = None,
    party: Party | None = None,
) -> AmendmentView:
    """Art. 4.1: a party asks the other to change the covenant."""
    with session.transaction("covenant.amend", f"covenant:{int(covenant_id)}") as tx:
        session.require(WRITERS, "een wijziging van het convenant verzoeken")
        who = rules.acting_party(session.user.roles, party, "het verzoek tot wijziging")
        row = _covenant(tx.conn, covenant_id)
        today = session.clock.today()
        day = requested_on or today
        text = rules.validate_proposed_change(change)
        rules.validate_request(
            day,
            effective,
            signed_on=max(row.signed.values()),
            ends=_ends(tx.conn, row.id),
            today=today,
        )
        aid = repo.insert_amendment(
            tx.conn,
            row.id,
            party=who,
            requested_on=day,
            proposed_change=text,
            proposed_effective=effective,
            recorded_by=session.user.name,
            recorded_at=format_ts(session.clock.now()),
        )
        tx.object = f"amendment:{aid}"
        tx.details = {"covenant": int(row.id), "party": who.value, "date": day.isoformat()}
        (stored,) = repo.amendments(tx.conn, row.id, aid)
        return _amendment_view(session, tx.conn, stored, today)


def decide_amendment(
    session: Session,
    amendment_id: int,
    *,
    decision_ref: str,
    decided_on: dt.date | None = None,
    refuse: bool = False,
    party: Party | None = None,
) -> AmendmentView:
    """Art. 4.1: one party's consent (or refusal), under its head's decision."""
    with session.transaction("covenant.consent", f"amendment:{int(amendment_id)}") as tx:
        session.require(WRITERS, "instemming met een wijziging vastleggen")
        who = rules.acting_party(session.user.roles, party, "de instemming")
        covenant_id = repo.amendment_covenant(tx.conn, amendment_id)
        if covenant_id is None:
            raise NotFound(f"Wijziging {int(amendment_id)} bestaat niet.")
        (row,) = repo.amendments(tx.conn, covenant_id, amendment_id)
        today = session.clock.today()
        day = decided_on or today
        ref = rules.validate_decision_ref(decision_ref)
        rules.validate_consent(
            who, day, requested_on=row.requested_on, decisions=row.decisions, today=today
        )
        decision = Decision.REFUSE if refuse else Decision.CONSENT
        repo.insert_decision(
            tx.conn,
            row.id,
            decision=PartyDecision(who, decision, day, ref, session.user.name),
            recorded_at=format_ts(session.clock.now()),
        )
        (stored,) = repo.amendments(tx.conn, covenant_id, amendment_id)
        view = _amendment_view(session, tx.conn, stored, today)
        tx.details = {
            "party": who.value,
            "outcome": decision.value,
            "date": day.isoformat(),
            "status": view.status.value,
        }
        return view


def terminate(
    session: Session,
    *,
    notice_on: dt.date,
    covenant_id: int = THE_COVENANT,
    party: Party | None = None,
) -> CovenantView:
    """Art. 4.2: the written notice of one party; it takes effect three months later."""
    with session.transaction("covenant.terminate", f"covenant:{int(covenant_id)}") as tx:
        session.require(WRITERS, "de opzegging van het convenant vastleggen")
        who = rules.acting_party(session.user.roles, party, "de opzegging")
        row = _covenant(tx.conn, covenant_id)
        today = session.clock.today()
        effective = rules.validate_notice(
            notice_on,
            signed_on=max(row.signed.values()),
            ends=_ends(tx.conn, row.id),
            today=today,
        )
        repo.insert_termination(
            tx.conn,
            row.id,
            party=who,
            notice_on=notice_on,
            recorded_by=session.user.name,
            recorded_at=format_ts(session.clock.now()),
        )
        tx.details = {
            "party": who.value,
            "notice_on": notice_on.isoformat(),
            "effective_on": effective.isoformat(),
        }
        return _view(session, tx.conn, row.id)


# ---------------------------------------------------------------------------------------------
# The non-public annex (art. 5.1)


def _entered_duration(
    session: Session,
    level: Classification,
    until: str | dt.date | None,
    event: str | None,
) -> ClassificationDuration | None:
    return check_duration_for(
        level, parse_duration(until=until, event=event, today=session.clock.today())
    )


def _annex_text(text: str) -> str:
    if not text.strip():
        raise InvalidInput("De tekst van de bijlage is leeg.", field="text")
    if len(text) > ANNEX_MAX_LENGTH:
        raise InvalidInput(
            f"De tekst van de bijlage is langer dan {ANNEX_MAX_LENGTH} tekens.", field="text"
        )
    return check_text(
        text.replace("\r\n", "\n"), field="text", label="De tekst van de bijlage", multiline=True
    )


def annex_set(
    session: Session,
    *,
    text: str,
    classification: Classification = DEFAULT_ANNEX_CLASSIFICATION,
    covenant_id: int = THE_COVENANT,
    classified_until: str | dt.date | None = None,
    classified_event: str | None = None,
) -> AnnexSummary:
    """Record (a new version of) the non-public annex, in the encrypted database only; with how
    long its classification holds (a date or an event), when given."""
    with session.transaction("covenant.annex_set", f"covenant:{int(covenant_id)}") as tx:
        session.require(WRITERS, "de niet-openbare bijlage vastleggen")
        row = _covenant(tx.conn, covenant_id)
        if classification is Classification.ONGERUBRICEERD:
            raise InvalidInput(
                "De bijlage is niet openbaar (art. 5.1): kies een rubricering.",
                field="classification",
            )
        _check_level(session, classification, "de bijlage")
        versions = repo.annex_versions(tx.conn, row.id)
        if versions:
            _require_clearance(session, versions[-1].classification, "de niet-openbare bijlage")
        clean = _annex_text(text)
        duration = _entered_duration(session, classification, classified_until, classified_event)
        version = (versions[-1].version if versions else 0) + 1
        repo.insert_annex_version(
            tx.conn,
            row.id,
            version=version,
            classification=classification,
            content=clean,
            sha256=_sha(clean),
            recorded_by=session.user.name,
            recorded_at=format_ts(session.clock.now()),
            duration=duration,
        )
        tx.details = {"version": version, "classification": classification.code}
        summary = _annex_summary(tx.conn, row.id)
        assert summary is not None
        return summary


def annex_show(
    session: Session, *, covenant_id: int = THE_COVENANT, version: int | None = None
) -> AnnexContent:
    """Read the annex: a governance role and a clearance that covers it. Every view is audited;
    a refusal is audited as denied, and so is a text that no longer matches its hash (an
    incident: on record)."""
    with session.damage_on_record("covenant.annex_view", f"covenant:{int(covenant_id)}"):
        return _annex_show(session, covenant_id, version)


def _annex_show(session: Session, covenant_id: int, version: int | None) -> AnnexContent:
    with session.transaction("covenant.annex_view", f"covenant:{int(covenant_id)}") as tx:
        session.require(READERS, "de niet-openbare bijlage inzien")
        row = _covenant(tx.conn, covenant_id)
        versions = repo.annex_versions(tx.conn, row.id)
        if not versions:
            raise NotFound("Er is nog geen niet-openbare bijlage vastgelegd.")
        chosen = (
            versions[-1]
            if version is None
            else next((v for v in versions if v.version == version), None)
        )
        if chosen is None:
            raise NotFound(f"De bijlage heeft geen versie {int(version or 0)}.")
        _require_clearance(session, chosen.classification, "de niet-openbare bijlage")
        text = repo.annex_content(tx.conn, row.id, chosen.version)
        if text is None or _sha(text) != chosen.sha256:
            raise IntegrityFailure(
                "De tekst van de bijlage klopt niet meer met de vastgelegde hash en wordt niet "
                "getoond. Laat de functioneel beheerder de audittrail controleren."
            )
        tx.details = {"version": chosen.version, "classification": chosen.classification.code}
        summary = AnnexSummary(
            chosen.version,
            chosen.classification,
            chosen.length,
            chosen.recorded_by,
            chosen.recorded_at,
            chosen.duration,
        )
        return AnnexContent(int(row.id), summary, text, chosen.sha256)


# ---------------------------------------------------------------------------------------------
# Implementation plans (art. 3.3)


def _plan(session: Session, conn: Connection, plan_id: int) -> repo.PlanRow:
    """The plan after the existence, role and clearance checks."""
    found = repo.plans(conn, plan_id=plan_id)
    if not found:
        raise NotFound(f"Uitvoeringsplan {int(plan_id)} bestaat niet.")
    session.require(READERS, "uitvoeringsplannen bekijken")
    (row,) = found
    _require_clearance(session, row.classification, "dit uitvoeringsplan")
    return row


def _plan_view(
    session: Session, conn: Connection, plan_id: int, version: int | None = None, reset: int = 0
) -> PlanView:
    (row,) = repo.plans(conn, plan_id=plan_id)
    versions = repo.plan_versions(conn, row.id)
    shown = row.version if version is None else version
    chosen = next((v for v in versions if v.version == shown), None)
    if chosen is None:
        raise NotFound(f"Uitvoeringsplan {int(plan_id)} heeft geen versie {int(shown)}.")
    text = repo.plan_text(conn, row.id, shown)
    if text is None or _sha(text) != chosen.sha256:
        raise IntegrityFailure(
            "De tekst van dit uitvoeringsplan klopt niet meer met de vastgelegde hash en wordt "
            "niet getoond. Laat de functioneel beheerder de audittrail controleren."
        )
    steps = plans_rules.plan_steps(_state(row), rules.party_of(session.user.roles))
    ends = _ends(conn, row.covenant_id)
    if ends is not None and session.clock.today() >= ends:
        # Once the covenant has ended, its plans are only withdrawn, never changed.
        ended = f"Het convenant is beëindigd per {dutch_date(ends)}."
        steps = MappingProxyType(
            {
                k: refused(ended, offered=p.offered)
                if p.allowed and k is not PlanStep.WITHDRAW
                else p
                for k, p in steps.items()
            }
        )
    return PlanView(
        plan=_plan_summary(session, row),
        shown_version=shown,
        text=text,
        versions=tuple(
            PlanVersionView(v.version, v.author, v.created_at, v.length, v.sha256) for v in versions
        ),
        all_approvals=tuple(_approval(a) for a in row.approvals),
        withdrawn_by=row.withdrawn_by,
        withdrawal_reason=row.withdrawal_reason,
        steps=steps,
        approvals_reset=reset,
        full_names=MappingProxyType(
            user_repo.full_names(
                conn,
                {
                    row.created_by,
                    *(v.author for v in versions),
                    *(a.recorded_by for a in row.approvals),
                    *(() if row.withdrawn_by is None else (row.withdrawn_by,)),
                },
            )
        ),
    )


def add_plan(
    session: Session,
    *,
    subject: str,
    text: str,
    classification: Classification = DEFAULT_PLAN_CLASSIFICATION,
    covenant_id: int = THE_COVENANT,
    classified_until: str | dt.date | None = None,
    classified_event: str | None = None,
) -> PlanView:
    with session.transaction("plan.add", f"covenant:{int(covenant_id)}") as tx:
        session.require(WRITERS, "een uitvoeringsplan opstellen")
        rules.acting_party(session.user.roles, None, "een uitvoeringsplan")
        row = _covenant(tx.conn, covenant_id)
        today = session.clock.today()
        rules.require_not_ended(_ends(tx.conn, row.id), today, "een uitvoeringsplan opstellen")
        _check_level(session, classification, "een uitvoeringsplan")
        clean_subject = plans_rules.validate_subject(subject)
        clean_text = plans_rules.validate_plan_text(text)
        duration = _entered_duration(session, classification, classified_until, classified_event)
        plans_rules.step(None, PlanEvent(PlanEventKind.CREATE))
        now = format_ts(session.clock.now())
        pid = repo.insert_plan(
            tx.conn,
            row.id,
            subject=clean_subject,
            classification=classification,
            created_by=session.user.name,
            created_at=now,
            duration=duration,
        )
        repo.insert_plan_version(
            tx.conn,
            pid,
            version=1,
            text=clean_text,
            sha256=_sha(clean_text),
            author=session.user.name,
            created_at=now,
        )
        tx.object = f"plan:{pid}"
        tx.details = {"version": 1, "classification": classification.code}
        return _plan_view(session, tx.conn, pid)


def revise_plan(session: Session, plan_id: int, *, text: str) -> PlanView:
    """A new version; approvals of the previous one no longer count (``approvals_reset``)."""
    with session.transaction("plan.revise", f"plan:{int(plan_id)}") as tx:
        session.require(WRITERS, "een uitvoeringsplan herzien")
        rules.acting_party(session.user.roles, None, "een nieuwe versie")
        row = _plan(session, tx.conn, plan_id)
        rules.require_not_ended(
            _ends(tx.conn, row.covenant_id), session.clock.today(), "een nieuwe versie"
        )
        state = _state(row)
        after = plans_rules.step(state, PlanEvent(PlanEventKind.REVISE))
        clean = plans_rules.validate_plan_text(text)
        previous = repo.plan_text(tx.conn, row.id, row.version)
        if previous == clean:
            raise InvalidInput(
                "De tekst is gelijk aan de huidige versie; een nieuwe versie moet iets wijzigen.",
                field="text",
            )
        repo.insert_plan_version(
            tx.conn,
            row.id,
            version=after.version,
            text=clean,
            sha256=_sha(clean),
            author=session.user.name,
            created_at=format_ts(session.clock.now()),
        )
        reset = len(state.approvals)
        tx.details = {"version": after.version, "approvals_reset": reset}
        return _plan_view(session, tx.conn, row.id, reset=reset)


def approve_plan(
    session: Session,
    plan_id: int,
    *,
    decision_ref: str,
    approved_on: dt.date | None = None,
    version: int | None = None,
    party: Party | None = None,
) -> PlanView:
    """One head's approval of the current version (``version``, when given, must be it: what
    was read is what is approved)."""
    with session.transaction("plan.approve", f"plan:{int(plan_id)}") as tx:
        session.require(WRITERS, "een uitvoeringsplan goedkeuren")
        who = rules.acting_party(session.user.roles, party, "de goedkeuring")
        row = _plan(session, tx.conn, plan_id)
        today = session.clock.today()
        rules.require_not_ended(_ends(tx.conn, row.covenant_id), today, "goedkeuren")
        after = plans_rules.step(
            _state(row), PlanEvent(PlanEventKind.APPROVE, who, version or row.version)
        )
        ref = rules.validate_decision_ref(decision_ref)
        day = approved_on or today
        if day > today:
            raise InvalidInput("De datum van de goedkeuring ligt in de toekomst.", field="date")
        versions = repo.plan_versions(tx.conn, row.id)
        written = dt.datetime.fromisoformat(versions[-1].created_at).date()
        if day < written:
            raise InvalidInput(
                "De goedkeuring is gedateerd vóór deze versie van het plan bestond.",
                field="date",
            )
        repo.insert_approval(
            tx.conn,
            row.id,
            repo.ApprovalRow(
                row.version, who, day, ref, session.user.name, format_ts(session.clock.now())
            ),
        )
        tx.details = {
            "party": who.value,
            "version": row.version,
            "date": day.isoformat(),
            "status": after.status.value,
        }
        return _plan_view(session, tx.conn, row.id)


def withdraw_plan(
    session: Session, plan_id: int, *, reason: str, on: dt.date | None = None
) -> PlanView:
    with session.transaction("plan.withdraw", f"plan:{int(plan_id)}") as tx:
        session.require(WRITERS, "een uitvoeringsplan intrekken")
        rules.acting_party(session.user.roles, None, "de intrekking")
        row = _plan(session, tx.conn, plan_id)
        plans_rules.step(_state(row), PlanEvent(PlanEventKind.WITHDRAW))
        clean = plans_rules.validate_reason(reason)
        today = session.clock.today()
        day = on or today
        if day > today:
            raise InvalidInput("De datum van de intrekking ligt in de toekomst.", field="date")
        repo.withdraw_plan(tx.conn, row.id, on=day, by=session.user.name, reason=clean)
        tx.details = {"date": day.isoformat(), "version": row.version}
        return _plan_view(session, tx.conn, row.id)


def list_plans(session: Session, covenant_id: int | None = None) -> list[PlanSummary]:
    """Every plan; the subject withheld where the reader may not see it."""
    with session.transaction("plan.list", "plans") as tx:
        session.require(PUBLIC_READERS, "uitvoeringsplannen bekijken")
        rows = repo.plans(tx.conn, covenant_id)
        tx.details = {"results": len(rows)}
        return [_plan_summary(session, r) for r in rows]


def get_plan(session: Session, plan_id: int, version: int | None = None) -> PlanView:
    with session.damage_on_record("plan.view", f"plan:{int(plan_id)}"):
        return _get_plan(session, plan_id, version)


def _get_plan(session: Session, plan_id: int, version: int | None) -> PlanView:
    with session.transaction("plan.view", f"plan:{int(plan_id)}") as tx:
        row = _plan(session, tx.conn, plan_id)
        view = _plan_view(session, tx.conn, row.id, version)
        tx.details = {"version": view.shown_version}
        return view

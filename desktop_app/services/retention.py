"""Retention and destruction (Archiefwet): periods, legal holds, the destruction list with its two
approvals, and the destruction itself. One use case, one transaction, one audit entry.

Audit details hold identifiers and counts only (object ids, hold and list numbers, periods):
never a subject's name, a report's text or title, or a hold's reason, which may name a person.
The ``retention.destroy`` entry lists every id it removed by kind; ``audit verify`` reads it to
tell a destroyed report or item from a missing one (storage.integrity).

Refusals an auditor looks for are audited as denied: a role that may not (Forbidden), the
same person approving twice (FourEyes), and a destruction refused because of a legal hold or a
list not approved by both.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from desktop_app.domain import retention as rules
from desktop_app.domain.actions import Permission, check, role_permissions
from desktop_app.domain.errors import InvalidState, NotFound
from desktop_app.domain.retention import Approvals, RecordKind
from desktop_app.domain.timefmt import stored_prose_datetime
from desktop_app.services.session import Session
from desktop_app.storage import audit
from desktop_app.storage import retention as repo
from desktop_app.storage.retention import (
    Candidate,
    DestructionList,
    DestructionRecord,
    Hold,
    Period,
)

__all__ = [
    "Destruction",
    "RetentionStep",
    "approve",
    "destroy",
    "destruction_records",
    "draw_up_list",
    "due",
    "get_list",
    "holds",
    "list_actions",
    "lists",
    "periods",
    "place_hold",
    "release_hold",
    "retention_actions",
    "set_period",
]


class RetentionStep(enum.StrEnum):
    SET_PERIOD = "set_period"
    DRAW_UP = "draw_up"
    APPROVE = "approve"
    DESTROY = "destroy"
    HOLD = "hold"
    RELEASE = "release"


_STEP_RULES = {
    RetentionStep.SET_PERIOD: (rules.MANAGES, "bewaartermijnen vaststellen"),
    RetentionStep.DRAW_UP: (rules.MANAGES, "een vernietigingslijst opstellen"),
    RetentionStep.APPROVE: (rules.APPROVES, "een vernietigingslijst goedkeuren"),
    RetentionStep.DESTROY: (rules.MANAGES, "vernietigen"),
    RetentionStep.HOLD: (rules.HOLDS, "een bewaarplicht vastleggen"),
    RetentionStep.RELEASE: (rules.HOLDS, "een bewaarplicht opheffen"),
}


def retention_actions(session: Session) -> Mapping[RetentionStep, Permission]:
    """Which retention steps the signed-in person is offered (the use cases check again)."""
    return role_permissions(session.user.roles, _STEP_RULES)


def list_actions(session: Session, found: DestructionList) -> Mapping[RetentionStep, Permission]:
    """Approve and destroy for one list: the role, and then the list's own state (an approval
    already given, the same person twice, approvals missing, already carried out)."""
    roles = retention_actions(session)
    state = _approvals(found)

    def approve() -> None:
        state.approve(rules.approval_slot(session.user.roles), session.user.name)

    result = dict(roles)
    for step, rule in (
        (RetentionStep.APPROVE, approve),
        (RetentionStep.DESTROY, state.check_destroyable),
    ):
        if roles[step].allowed:
            result[step] = check(rule)
    return MappingProxyType(result)


def _now(session: Session) -> str:
    return audit.format_ts(session.clock.now())


def periods(session: Session) -> list[Period]:
    session.require_audited(rules.READS, "bewaartermijnen bekijken", "retention.periods")
    with session.reading() as conn:
        return repo.periods(conn)


def set_period(session: Session, kind: str, years: int, basis: str = "") -> Period:
    """Change one kind's period (and the rule or decision it rests on, e.g. a selection list)."""
    record_kind = RecordKind.parse(kind)
    rules.check_years(years)
    basis_text = rules.check_basis(basis)
    with session.transaction("retention.set_period", f"retention:{record_kind.value}") as tx:
        session.require(rules.MANAGES, "bewaartermijnen vaststellen")
        before = {p.kind: p for p in repo.periods(tx.conn)}.get(record_kind)
        repo.set_period(tx.conn, record_kind, years, basis_text, session.user.name, _now(session))
        tx.details = {
            "kind": record_kind.value,
            "years": years,
            "was": None if before is None else before.years,
        }
        return {p.kind: p for p in repo.periods(tx.conn)}[record_kind]


def due(session: Session) -> list[Candidate]:
    """Records whose period has run out today (those held or on an open list marked so)."""
    session.require_audited(rules.READS, "vernietigingslijst bekijken", "retention.due")
    with session.reading() as conn:
        return repo.due_records(conn, session.clock.today())


def draw_up_list(session: Session) -> DestructionList:
    """A destruction list of the records due today that no hold blocks and no open list
    already names."""
    with session.transaction("retention.draw_up", "destruction_list") as tx:
        session.require(rules.MANAGES, "een vernietigingslijst opstellen")
        today = session.clock.today()
        chosen = [
            c for c in repo.due_records(tx.conn, today) if not c.held_by and c.on_list is None
        ]
        roots = {c.object for c in chosen}
        # An inspection of a report whose dossier is on the list goes with the dossier.
        chosen = [
            c
            for c in chosen
            if c.kind is not RecordKind.INSPECTION
            or not (repo.related_objects(tx.conn, c.object) - {c.object}) & roots
        ]
        if not chosen:
            raise InvalidState(
                "Er is niets te vernietigen: geen archiefstuk heeft zijn bewaartermijn uitgediend "
                "zonder bewaarplicht of open vernietigingslijst."
            )
        list_id = repo.insert_list(tx.conn, today, session.user.name, _now(session), chosen)
        tx.object = f"destruction_list:{list_id}"
        tx.details = {"list": list_id, "as_of": today.isoformat(), "records": len(chosen)}
        found = repo.get_list(tx.conn, list_id)
        assert found is not None
        return found


def lists(session: Session) -> list[DestructionList]:
    session.require_audited(rules.READS, "vernietigingslijsten bekijken", "retention.lists")
    with session.reading() as conn:
        return repo.lists(conn)


def get_list(session: Session, list_id: int) -> DestructionList:
    session.require_audited(
        rules.READS,
        "vernietigingslijsten bekijken",
        "retention.show",
        f"destruction_list:{list_id}",
    )
    with session.reading() as conn:
        found = repo.get_list(conn, list_id)
    if found is None:
        raise NotFound(f"Vernietigingslijst {list_id} bestaat niet.")
    return found


def _approvals(found: DestructionList) -> Approvals:
    return Approvals(
        found.admin_approved_by, found.signer_approved_by, found.destroyed_at is not None
    )


def approve(session: Session, list_id: int) -> DestructionList:
    """The caller's approval: an administrator's or a signer's, each once, by two accounts."""
    with session.transaction("retention.approve", f"destruction_list:{list_id}") as tx:
        session.require(rules.APPROVES, "een vernietigingslijst goedkeuren")
        slot = rules.approval_slot(session.user.roles)
        found = repo.get_list(tx.conn, list_id)
        if found is None:
            raise NotFound(f"Vernietigingslijst {list_id} bestaat niet.")
        after = _approvals(found).approve(slot, session.user.name)
        repo.set_approval(tx.conn, list_id, slot, session.user.name, _now(session))
        tx.details = {"list": list_id, "as": slot.value, "status": after.status.value}
        updated = repo.get_list(tx.conn, list_id)
        assert updated is not None
        return updated


def holds(session: Session, *, active_only: bool = False) -> list[Hold]:
    session.require_audited(rules.HOLDS, "bewaarplichten bekijken", "retention.holds")
    with session.reading() as conn:
        return repo.holds(conn, active_only=active_only)


def place_hold(session: Session, obj: str, reason: str, reference: str) -> Hold:
    """A legal hold on a record or a part of it: nothing it belongs to or holds is destroyed
    until the hold is lifted."""
    kind, oid = rules.parse_object(obj)
    why, ref = rules.check_hold_text(reason, reference)
    name = f"{kind}:{oid}"
    with session.transaction("retention.hold", name) as tx:
        session.require(rules.HOLDS, "een bewaarplicht vastleggen")
        if not repo.object_exists(tx.conn, kind, oid):
            raise NotFound(f"{rules.object_label(name).capitalize()} bestaat niet (meer).")
        hold_id = repo.insert_hold(tx.conn, name, why, ref, session.user.name, _now(session))
        # The reason may name a person: the audit entry keeps the hold's number only.
        tx.details = {"hold": hold_id}
        found = repo.get_hold(tx.conn, hold_id)
        assert found is not None
        return found


def release_hold(session: Session, hold_id: int, reason: str) -> Hold:
    why = rules.check_release_reason(reason)
    with session.transaction("retention.release", f"hold:{hold_id}") as tx:
        session.require(rules.HOLDS, "een bewaarplicht opheffen")
        found = repo.get_hold(tx.conn, hold_id)
        if found is None:
            raise NotFound(f"Bewaarplicht {hold_id} bestaat niet.")
        if not found.active:
            released = stored_prose_datetime(found.released_at)
            raise InvalidState(f"Bewaarplicht {hold_id} is al opgeheven ({released}).")
        repo.release_hold(tx.conn, hold_id, why, session.user.name, _now(session))
        tx.details = {"hold": hold_id, "object": found.object}
        updated = repo.get_hold(tx.conn, hold_id)
        assert updated is not None
        return updated


@dataclass(frozen=True)
class Destruction:
    list: DestructionList
    records: tuple[DestructionRecord, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "list": self.list.id,
            "destroyed_at": self.list.destroyed_at,
            "records": [r.as_dict() for r in self.records],
        }


class _AuditedRefusal(InvalidState):
    """A destruction refused for a reason an auditor looks for (a hold, missing approvals)."""


def destroy(session: Session, list_id: int) -> Destruction:
    """Carry out an approved list: every record on it, with all its parts, is removed and a
    destruction record (identifiers only) kept; refused as a whole when any record is held,
    no longer due under today's periods, or already gone."""
    action, obj = "retention.destroy", f"destruction_list:{list_id}"
    try:
        return _destroy(session, list_id, action, obj)
    except _AuditedRefusal as exc:
        session.audit_refusal(action, obj, exc)
        raise InvalidState(exc.message) from None


def _destroy(session: Session, list_id: int, action: str, obj: str) -> Destruction:
    with session.transaction(action, obj) as tx:
        session.require(rules.MANAGES, "vernietigen")
        found = repo.get_list(tx.conn, list_id)
        if found is None:
            raise NotFound(f"Vernietigingslijst {list_id} bestaat niet.")
        try:
            _approvals(found).check_destroyable()
        except InvalidState as exc:
            raise _AuditedRefusal(exc.message) from None
        today = session.clock.today()
        years = {p.kind: p.years for p in repo.periods(tx.conn)}
        holds_now = repo.active_hold_objects(tx.conn)
        for item in found.items:
            label = f"{rules.object_label(item.object)} ({item.reference})"
            if not repo.object_still_exists(tx.conn, item.object):
                raise InvalidState(
                    f"{label.capitalize()} bestaat niet meer; stel een nieuwe lijst op."
                )
            related = repo.related_objects(tx.conn, item.object)
            blocking = [h for o, h in holds_now if o in related]
            if blocking:
                raise _AuditedRefusal(
                    f"Vernietiging geweigerd: op {label} rust een bewaarplicht (nummer "
                    f"{', '.join(map(str, blocking))}). Hef die eerst op of stel een nieuwe "
                    "lijst op."
                )
            period = years.get(item.kind, item.years)
            if not rules.is_due(item.starts_on, period, today):
                raise InvalidState(
                    f"De bewaartermijn van {label} is inmiddels {period} jaar en nog niet "
                    "verstreken; stel een nieuwe lijst op."
                )
        at = _now(session)
        destroyed: dict[str, set[int]] = {}
        kept: list[int] = []
        for item in found.items:
            purged = repo.destroy(tx.conn, list_id, item.object)
            parts = purged.parts()
            kept.append(repo.insert_record(tx.conn, list_id, item, parts, session.user.name, at))
            for kind, ids in purged.ids.items():
                destroyed.setdefault(kind, set()).update(ids)
        if "request" in destroyed:
            repo.compact_name_index(tx.conn)
        repo.mark_destroyed(tx.conn, list_id, session.user.name, at)
        tx.details = {
            "list": list_id,
            "records": len(found.items),
            "approved_by": [found.admin_approved_by, found.signer_approved_by],
            "destroyed": {k: sorted(v) for k, v in sorted(destroyed.items())},
        }
        done = repo.get_list(tx.conn, list_id)
        assert done is not None
        by_id = {r.id: r for r in repo.records(tx.conn)}
        return Destruction(done, tuple(by_id[i] for i in kept))


def destruction_records(session: Session) -> list[DestructionRecord]:
    session.require_audited(rules.READS, "vernietigingsverklaringen bekijken", "retention.records")
    with session.reading() as conn:
        return repo.records(conn)

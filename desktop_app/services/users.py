"""Accounts and designations (administrator), password change (everyone)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.domain import accounts
from desktop_app.domain.classification import Classification
from desktop_app.domain.designations import (
    current_designation,
    is_current,
    normalize_decision_ref,
    require_begun,
    require_running,
)
from desktop_app.domain.errors import AuthFailed, InvalidInput, NotFound
from desktop_app.domain.ids import DesignationId, UserId
from desktop_app.domain.roles import ADMIN_ONLY, Role, role_conflict, validate_role_set
from desktop_app.domain.text import shown
from desktop_app.domain.timefmt import prose_date
from desktop_app.services.session import Session, Tx
from desktop_app.storage import audit
from desktop_app.storage import users as repo
from desktop_app.storage.db import Connection
from desktop_app.storage.users import DesignationRecord, UserRecord

NOT_SELF_DEACTIVATE = "U kunt uw eigen account niet deactiveren."
NOT_SELF_RESET = "Uw eigen wachtwoord wijzigt u met 'Wachtwoord wijzigen' (passwd)."


@dataclass(frozen=True)
class UserView:
    """A user as the administrator sees it, including the lock state from the key file."""

    record: UserRecord
    locked: bool
    # Still the password the administrator chose (new account, reset): the window asks for a
    # new one at the next sign-in.
    initial_password: bool = False

    @property
    def conflict(self) -> str | None:
        """Why the stored roles break the separation rules (an account from before them)."""
        return role_conflict(self.record.roles)

    def as_dict(self) -> dict[str, object]:
        r = self.record
        return {
            "id": int(r.id),
            "name": r.name,
            "full_name": r.full_name,
            "roles": sorted(role.value for role in r.roles),
            "clearance": r.clearance.code,
            "active": r.active,
            "locked": self.locked,
            "initial_password": self.initial_password,
        }


def add_user(
    session: Session,
    *,
    name: str,
    password: str,
    roles: Iterable[Role],
    full_name: str | None = None,
    clearance: Classification = Classification.ONGERUBRICEERD,
    initial_password: bool = True,
) -> UserRecord:
    """``initial_password=False`` only for accounts whose password is published anyway (the
    demo); every real new account must choose its own at its first sign-in in the window."""
    with session.transaction("user.add", f"user:{name}", keys=True) as tx:
        session.require(ADMIN_ONLY, "gebruiker toevoegen")
        clean = accounts.validate_username(name)
        accounts.validate_password(password, clean)
        role_set = validate_role_set(roles)
        display = accounts.validate_full_name(full_name or clean)
        if repo.by_name(tx.conn, clean) is not None:
            raise InvalidInput(f"De gebruiker '{clean}' bestaat al.", field="name")
        uid = repo.insert(
            tx.conn, clean, display, role_set, clearance, audit.format_ts(session.clock.now())
        )
        tx.object = f"user:{clean}"
        tx.details = {"roles": sorted(r.value for r in role_set), "clearance": clearance.code}
        # Saved before COMMIT: if the key file cannot be written, the user is not added.
        tx.keys.set_user(tx.secret, session.dek, clean, password, initial=initial_password)
        return _stored(tx.conn, uid)


def list_users(session: Session) -> list[UserView]:
    session.require_audited(ADMIN_ONLY, "gebruikers bekijken", "user.list", "users")
    keyfile, secret = session.checked_keyfile()
    locked = keyfile.locked_slot_ids(secret)
    with session.reading() as conn:
        records = repo.all_users(conn)
    return [
        UserView(
            r,
            keyfile.slot_id(secret, r.name) in locked,
            keyfile.has_initial_password(secret, r.name),
        )
        for r in records
    ]


def user_view(session: Session, name: str) -> UserView:
    """One account as :func:`list_users` shows it (for the window after a change)."""
    for view in list_users(session):
        if view.record.name == name:
            return view
    raise NotFound(f"Er is geen gebruiker '{shown(name)}'.")


def role_conflicts(session: Session) -> list[UserView]:
    """Accounts whose stored roles break the separation rules (made before the rules): shown
    to the administrator to resolve by editing; nothing changes them by itself."""
    return [view for view in list_users(session) if view.conflict is not None]


def _user(conn: Connection, name: str) -> UserRecord:
    record = repo.by_name(conn, name)
    if record is None:
        raise NotFound(f"Er is geen gebruiker '{shown(name)}'.")
    return record


def _account(tx: Tx, name: str) -> UserRecord:
    """The account an administrator's step is on (NotFound); the audit entry names it as
    stored."""
    record = _user(tx.conn, name)
    tx.object = f"user:{record.name}"
    return record


def _stored(conn: Connection, user_id: UserId) -> UserRecord:
    """The account as it is stored now (after the step's change)."""
    record = repo.by_id(conn, user_id)
    assert record is not None
    return record


def _keep_an_admin(
    conn: Connection, record: UserRecord, roles: frozenset[Role], active: bool
) -> None:
    """The workspace keeps at least one active administrator, or nobody can manage it."""
    if Role.ADMIN not in record.roles or not record.active or (Role.ADMIN in roles and active):
        return
    others = [
        u for u in repo.all_users(conn) if u.id != record.id and u.active and Role.ADMIN in u.roles
    ]
    if not others:
        raise InvalidInput(
            f"{record.name} is de enige actieve functioneel beheerder; de werkplek houdt er ten "
            "minste één.",
            field="name",
        )


def edit_user(
    session: Session,
    name: str,
    *,
    full_name: str | None = None,
    roles: Iterable[Role] | None = None,
    clearance: Classification | None = None,
) -> UserRecord:
    """Change an account's full name, roles or clearance (what is not given stays). The new
    role set must meet the separation rules, also for an account that broke them before: an
    edit resolves such a conflict, never keeps it."""
    with session.transaction("user.edit", f"user:{name}") as tx:
        session.require(ADMIN_ONLY, "gebruiker wijzigen")
        record = _account(tx, name)
        new_roles = validate_role_set(record.roles if roles is None else roles)
        new_name = record.full_name if full_name is None else accounts.validate_full_name(full_name)
        new_clearance = record.clearance if clearance is None else clearance
        _keep_an_admin(tx.conn, record, new_roles, record.active)
        changes: dict[str, object] = {}
        if new_name != record.full_name:
            changes["full_name"] = {"old": record.full_name, "new": new_name}
        if new_roles != record.roles:
            changes["roles"] = {
                "old": sorted(r.value for r in record.roles),
                "new": sorted(r.value for r in new_roles),
            }
        if new_clearance != record.clearance:
            changes["clearance"] = {"old": record.clearance.code, "new": new_clearance.code}
        if not changes:
            raise InvalidInput(f"Er is niets gewijzigd aan {record.name}.", field="name")
        repo.update(
            tx.conn, record.id, full_name=new_name, roles=new_roles, clearance=new_clearance
        )
        tx.details = changes
        return _stored(tx.conn, record.id)


def deactivate_user(session: Session, name: str) -> UserRecord:
    """Never deleted (the audit and the report histories refer to it): the account can no
    longer sign in, and its key slot goes, so its password no longer opens the workspace."""
    with session.transaction("user.deactivate", f"user:{name}", keys=True) as tx:
        session.require(ADMIN_ONLY, "gebruiker deactiveren")
        record = _account(tx, name)
        accounts.require_not_self(record.name, session.user.name, NOT_SELF_DEACTIVATE)
        accounts.require_active(record.active, record.name)
        _keep_an_admin(tx.conn, record, record.roles, False)
        repo.set_active(tx.conn, record.id, False)
        tx.keys.remove_user(tx.secret, session.dek, record.name)
        tx.details = {"active": {"old": True, "new": False}}
        return _stored(tx.conn, record.id)


def activate_user(session: Session, name: str, password: str) -> UserRecord:
    """A deactivated account back in use, with a new initial password (its old slot is gone)."""
    with session.transaction("user.activate", f"user:{name}", keys=True) as tx:
        session.require(ADMIN_ONLY, "gebruiker activeren")
        record = _account(tx, name)
        accounts.require_inactive(record.active, record.name)
        accounts.validate_password(password, record.name)
        repo.set_active(tx.conn, record.id, True)
        tx.keys.set_user(tx.secret, session.dek, record.name, password, initial=True)
        tx.details = {"active": {"old": False, "new": True}, "initial_password": True}
        return _stored(tx.conn, record.id)


def reset_password(session: Session, name: str, password: str) -> None:
    """The administrator sets a new initial password; the user chooses their own at the next
    sign-in in the window. A locked account stays locked (that is Deblokkeren's)."""
    with session.transaction("user.reset_password", f"user:{name}", keys=True) as tx:
        session.require(ADMIN_ONLY, "wachtwoord opnieuw instellen")
        record = _account(tx, name)
        accounts.require_not_self(record.name, session.user.name, NOT_SELF_RESET)
        accounts.require_active(record.active, record.name)
        accounts.validate_password(password, record.name)
        was_initial = tx.keys.has_initial_password(tx.secret, record.name)
        tx.keys.set_user(tx.secret, session.dek, record.name, password, initial=True)
        tx.details = {"initial_password": {"old": was_initial, "new": True}}


def must_change_password(session: Session) -> bool:
    """Whether the signed-in user still has an initial password (the window then asks for a
    new one before anything else)."""
    keyfile, secret = session.checked_keyfile()
    return keyfile.has_initial_password(secret, session.user.name)


def unlock_user(session: Session, name: str) -> bool:
    with session.transaction("user.unlock", f"user:{name}", keys=True) as tx:
        session.require(ADMIN_ONLY, "account deblokkeren")
        record = _account(tx, name)
        was_locked = tx.keys.unlock_account(tx.secret, record.name)
        tx.details = {"was_locked": was_locked}
    return was_locked


class _WrongCurrentPassword(Exception):
    """Leaves the transaction (rolled back) so the failure can be counted outside it."""


_WRONG_CURRENT = "Het huidige wachtwoord is onjuist."


def change_password(session: Session, current: str, new: str) -> None:
    """Any user, for themselves: the old password is asked again (a walk-up attacker at an
    unlocked window must not be able to take the account over). A wrong one counts toward the
    lockout and is audited like a wrong re-authentication: otherwise this dialog would be a
    guessing oracle without limit or record."""
    try:
        _change_password(session, current, new)
    except _WrongCurrentPassword:
        # Checked again the way a sign-in checks it: counted, audited, AccountLocked at the
        # third. Should it fit now (changed meanwhile elsewhere), nothing was changed here.
        with contextlib.suppress(AuthFailed):
            session.reauthenticate(current)
        raise InvalidInput(_WRONG_CURRENT, field="password") from None


def _change_password(session: Session, current: str, new: str) -> None:
    with session.transaction("user.passwd", f"user:{session.user.name}", keys=True) as tx:
        accounts.validate_password(new, session.user.name)
        if not tx.keys.verify_password(tx.secret, session.user.name, current):
            raise _WrongCurrentPassword()
        if current == new:
            raise InvalidInput("Kies een ander wachtwoord dan het huidige.", field="password")
        was_initial = tx.keys.has_initial_password(tx.secret, session.user.name)
        tx.keys.set_user(tx.secret, session.dek, session.user.name, new)
        if was_initial:
            tx.details = {"initial_password": {"old": True, "new": False}}


def designate(
    session: Session,
    *,
    name: str,
    decision_ref: str,
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
) -> DesignationRecord:
    """Record a designation by the Hoofddirecteur IND (art. 2.5)."""
    with session.transaction("designation.add", f"user:{name}") as tx:
        session.require(ADMIN_ONLY, "aanwijzing vastleggen")
        record = _user(tx.conn, name)
        accounts.require_active(record.active, record.name)
        if Role.IND_INSPECTOR not in record.roles:
            raise InvalidInput(
                f"{record.name} heeft niet de rol IND-inzagemedewerker; alleen die kan worden "
                "aangewezen.",
                field="name",
            )
        ref = _decision_ref(decision_ref)
        start = valid_from or session.clock.today()
        if valid_until is not None and valid_until < start:
            raise InvalidInput("De einddatum ligt vóór de begindatum.", field="until")
        did = repo.insert_designation(
            tx.conn,
            record.id,
            ref,
            start,
            valid_until,
            session.user.id,
            audit.format_ts(session.clock.now()),
        )
        tx.object = f"designation:{did}"
        tx.details = {
            "user": record.name,
            "decision": ref,
            "from": start.isoformat(),
            "until": None if valid_until is None else valid_until.isoformat(),
        }
        return _designation(tx.conn, did)


def _decision_ref(text: str) -> str:
    return normalize_decision_ref(" ".join(text.split()))


def _designation(conn: Connection, did: DesignationId) -> DesignationRecord:
    for d in repo.designations(conn):
        if d.id == did:
            return d
    raise NotFound("Aanwijzing niet gevonden.")


def _set_until(
    tx: Tx, record: UserRecord, d: DesignationRecord, ref: str, end: dt.date
) -> DesignationRecord:
    """Ending early and revoking both move the last valid day and audit the old and new one
    with the decision that did it."""
    repo.set_designation_until(tx.conn, d.id, end)
    tx.object = f"designation:{d.id}"
    tx.details = {
        "user": record.name,
        "decision": ref,
        "designation": d.decision_ref,
        "until": {
            "old": None if d.valid_until is None else d.valid_until.isoformat(),
            "new": end.isoformat(),
        },
    }
    return _designation(tx.conn, d.id)


def list_designations(session: Session) -> list[DesignationRecord]:
    session.require_audited(ADMIN_ONLY, "aanwijzingen bekijken", "designation.list", "designations")
    with session.reading() as conn:
        return repo.designations(conn)


def _pick(
    conn: Connection, record: UserRecord, designation_id: int | None, today: dt.date
) -> DesignationRecord:
    """The designation meant: the one given, else the current one, else the only one still to
    come."""
    own = repo.designations(conn, record.id)
    if designation_id is not None:
        for d in own:
            if int(d.id) == designation_id:
                return d
        raise NotFound(f"{record.name} heeft geen aanwijzing met nummer {designation_id}.")
    current = current_designation(own, today)
    if current is not None:
        return current
    coming = [d for d in own if d.valid_from > today]
    if len(coming) == 1:
        return coming[0]
    if not coming:
        raise InvalidInput(f"{record.name} heeft geen lopende aanwijzing.", field="name")
    raise InvalidInput(
        f"{record.name} heeft meer dan één aanwijzing die nog ingaat; geef het nummer (--id).",
        field="id",
    )


def _running(
    conn: Connection, name: str, decision_ref: str, designation_id: int | None, today: dt.date
) -> tuple[UserRecord, str, DesignationRecord]:
    """Ending early and revoking: the inspector, the reference of the decision that does it,
    and the designation meant (``_pick``), which must still count today."""
    record = _user(conn, name)
    ref = _decision_ref(decision_ref)
    d = _pick(conn, record, designation_id, today)
    require_running(d, today)
    return record, ref, d


def end_designation(
    session: Session,
    name: str,
    *,
    decision_ref: str,
    until: dt.date | None = None,
    designation_id: int | None = None,
) -> DesignationRecord:
    """End a designation early: valid up to and including ``until`` (today by default). Never
    in the past: inspections made under it stay made under a valid designation."""
    today = session.clock.today()
    with session.transaction("designation.end", f"user:{name}") as tx:
        session.require(ADMIN_ONLY, "aanwijzing beëindigen")
        record, ref, d = _running(tx.conn, name, decision_ref, designation_id, today)
        end = today if until is None else until
        if end < today:
            raise InvalidInput(
                f"Een aanwijzing eindigt niet met terugwerkende kracht: kies vandaag "
                f"({prose_date(today)}) of later.",
                field="until",
            )
        require_begun(d, end)
        if d.valid_until is not None and end >= d.valid_until:
            raise InvalidInput(
                f"De aanwijzing loopt al tot en met {prose_date(d.valid_until)}; kies een "
                "eerdere einddatum.",
                field="until",
            )
        return _set_until(tx, record, d, ref, end)


def revoke_designation(
    session: Session, name: str, *, decision_ref: str, designation_id: int | None = None
) -> DesignationRecord:
    """Withdraw a designation at once: from today it no longer counts (it then ends yesterday,
    before its start for one that had not begun)."""
    today = session.clock.today()
    with session.transaction("designation.revoke", f"user:{name}") as tx:
        session.require(ADMIN_ONLY, "aanwijzing intrekken")
        record, ref, d = _running(tx.conn, name, decision_ref, designation_id, today)
        end = today - dt.timedelta(days=1)
        return _set_until(tx, record, d, ref, end)


def designation_dict(d: DesignationRecord) -> dict[str, object]:
    """A designation as the CLI's JSON and the history show it."""
    return {
        "id": int(d.id),
        "user": d.user_name,
        "decision": d.decision_ref,
        "from": d.valid_from.isoformat(),
        "until": None if d.valid_until is None else d.valid_until.isoformat(),
    }


@dataclass(frozen=True)
class DesignationChange:
    """An early end or a revocation, as its audit entry records it."""

    ts_utc: str
    actor: str
    kind: str  # "ended" or "revoked"
    decision_ref: str
    until: str
    actor_name: str = ""  # the full name (``actor`` is the login name)


@dataclass(frozen=True)
class DesignationHistory:
    record: DesignationRecord
    current: bool
    changes: tuple[DesignationChange, ...]

    @property
    def revoked(self) -> bool:
        return any(c.kind == "revoked" for c in self.changes)

    def as_dict(self) -> dict[str, object]:
        d = self.record
        return {
            **designation_dict(d),
            "current": self.current,
            "revoked": self.revoked,
            "recorded_by": d.recorded_by,
            "recorded_at": d.recorded_at,
            "changes": [
                {
                    "ts_utc": c.ts_utc,
                    "by": c.actor,
                    "kind": c.kind,
                    "decision": c.decision_ref,
                    "until": c.until,
                }
                for c in self.changes
            ],
        }


_CHANGE_KINDS = {"designation.end": "ended", "designation.revoke": "revoked"}


def designation_history(session: Session, name: str) -> list[DesignationHistory]:
    """Every designation of one inspector, oldest first, with its early ends and revocations."""
    session.require_audited(
        ADMIN_ONLY, "aanwijzingen bekijken", "designation.history", f"user:{name}"
    )
    today = session.clock.today()
    with session.reading() as conn:
        record = _user(conn, name)
        own = repo.designations(conn, record.id)
        events = repo.designation_events(conn, [int(d.id) for d in own])
        names = repo.full_names(conn, {str(e[1]) for e in events})
    by_object: dict[str, list[DesignationChange]] = {}
    for ts, actor, action, details, obj in events:
        kind = _CHANGE_KINDS.get(action)
        if kind is None:
            continue
        data = json.loads(details)
        until = data.get("until")
        by_object.setdefault(obj, []).append(
            DesignationChange(
                ts,
                actor,
                kind,
                str(data.get("decision", "")),
                str(until.get("new") if isinstance(until, dict) else until),
                actor_name=names.get(actor, actor),
            )
        )
    return [
        DesignationHistory(d, is_current(d, today), tuple(by_object.get(f"designation:{d.id}", ())))
        for d in own
    ]

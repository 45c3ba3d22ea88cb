"""Accounts and designations (administrator), password change (everyone)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.domain import accounts
from desktop_app.domain.classification import Classification
from desktop_app.domain.designations import normalize_decision_ref
from desktop_app.domain.errors import InvalidInput, NotFound
from desktop_app.domain.ids import DesignationId
from desktop_app.domain.roles import Role, validate_role_set
from desktop_app.domain.text import shown
from desktop_app.services.session import Session
from desktop_app.storage import audit
from desktop_app.storage import users as repo
from desktop_app.storage.users import DesignationRecord, UserRecord

ADMIN_ONLY = (Role.ADMIN,)


@dataclass(frozen=True)
class UserView:
    """A user as the administrator sees it, including the lock state from the key file."""

    record: UserRecord
    locked: bool

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
        }


def add_user(
    session: Session,
    *,
    name: str,
    password: str,
    roles: Iterable[Role],
    full_name: str | None = None,
    clearance: Classification = Classification.ONGERUBRICEERD,
) -> UserRecord:
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
        tx.keys.set_user(tx.secret, session.dek, clean, password)
        record = repo.by_id(tx.conn, uid)
    assert record is not None
    return record


def list_users(session: Session) -> list[UserView]:
    session.require_audited(ADMIN_ONLY, "gebruikers bekijken", "user.list", "users")
    keyfile = session.keyfile
    secret = keyfile.check(session.env.provider.load(keyfile.binding_id))
    locked = keyfile.locked_slot_ids(secret)
    with session.reading() as conn:
        records = repo.all_users(conn)
    return [UserView(r, keyfile.slot_id(secret, r.name) in locked) for r in records]


def unlock_user(session: Session, name: str) -> bool:
    with session.transaction("user.unlock", f"user:{name}", keys=True) as tx:
        session.require(ADMIN_ONLY, "account deblokkeren")
        record = repo.by_name(tx.conn, name)
        if record is None:
            raise NotFound(f"Er is geen gebruiker '{shown(name)}'.")
        tx.object = f"user:{record.name}"
        was_locked = tx.keys.unlock_account(tx.secret, record.name)
        tx.details = {"was_locked": was_locked}
    return was_locked


def change_password(session: Session, current: str, new: str) -> None:
    """Any user, for themselves: the old password is asked again (a walk-up attacker at an
    unlocked window must not be able to take the account over)."""
    with session.transaction("user.passwd", f"user:{session.user.name}", keys=True) as tx:
        accounts.validate_password(new, session.user.name)
        if not tx.keys.verify_password(tx.secret, session.user.name, current):
            raise InvalidInput("Het huidige wachtwoord is onjuist.", field="password")
        if current == new:
            raise InvalidInput("Kies een ander wachtwoord dan het huidige.", field="password")
        tx.keys.set_user(tx.secret, session.dek, session.user.name, new)


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
        record = repo.by_name(tx.conn, name)
        if record is None:
            raise NotFound(f"Er is geen gebruiker '{shown(name)}'.")
        if Role.IND_INSPECTOR not in record.roles:
            raise InvalidInput(
                f"{record.name} heeft niet de rol IND-inzagemedewerker; alleen die kan worden "
                "aangewezen.",
                field="name",
            )
        ref = normalize_decision_ref(" ".join(decision_ref.split()))
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


def _designation(conn: object, did: DesignationId) -> DesignationRecord:
    for d in repo.designations(conn):
        if d.id == did:
            return d
    raise NotFound("Aanwijzing niet gevonden.")


def list_designations(session: Session) -> list[DesignationRecord]:
    session.require_audited(ADMIN_ONLY, "aanwijzingen bekijken", "designation.list", "designations")
    with session.reading() as conn:
        return repo.designations(conn)

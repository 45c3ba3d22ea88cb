"""A signed-in user's session: the open database, the DEK, the user and the clock."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.domain.clock import Clock
from desktop_app.domain.errors import (
    AccountLocked,
    AppError,
    AuthFailed,
    Forbidden,
    FourEyes,
    IntegrityFailure,
    Involved,
    NotDesignated,
    SessionLocked,
    WrongLocation,
)
from desktop_app.domain.ids import UserId
from desktop_app.domain.roles import Role, require_any_role
from desktop_app.security.keyfile import KeyFile, KeyStore, wipe
from desktop_app.security.workstation import WorkstationSecretProvider
from desktop_app.services.audit import record_head
from desktop_app.storage import audit
from desktop_app.storage.db import Connection, Database
from desktop_app.storage.users import UserRecord

log = logging.getLogger(__name__)


class _ProofRefused(AuthFailed):
    """No proof, a foreign or expired one, or one already used (``Session.check_proof``): a
    refusal an auditor looks for like the role refusals, so a transaction audits it too."""


# Refusals of these kinds are themselves audited (result=denied): they are what an auditor
# looks for (ASVS 8.2.2, AUTHZ-1).
AUDITED_REFUSALS = (Forbidden, Involved, NotDesignated, WrongLocation, FourEyes, _ProofRefused)


@dataclass(frozen=True)
class Environment:
    """What the services need from the outside world; injected so tests control all of it."""

    provider: WorkstationSecretProvider
    clock: Clock
    origin: str = "cli"


# How long a typed password counts as proof that the person is at the keyboard (signing,
# issuing, the key operations; the ``sudo`` timestamp idea): long enough for the dialog's step
# to run, far shorter than the idle lock.
REAUTH_VALID = dt.timedelta(minutes=2)


@dataclass(frozen=True, eq=False)
class Reauthentication:
    """Proof that the signed-in person typed their password just now. Only a ``Session`` makes
    one (``reauthenticate``, or its own sign-in: ``sign_in_proof``) and only that session
    accepts it, within ``REAUTH_VALID`` of the typing (``Session.check_proof``), for one use:
    the use case that takes it (``Session.take_proof`` in a transaction: signing, issuing;
    ``Session.spending_proof``: the key operations) leaves it worth nothing once it happened."""

    user_id: UserId
    at: dt.datetime
    token: bytes = field(repr=False)


@dataclass
class Tx:
    """Handed to the body of a transaction: the connection, and the audit entry being built."""

    conn: Connection
    object: str
    details: dict[str, Any] = field(default_factory=dict)
    result: str = "ok"
    # Only in a ``transaction(..., keys=True)``: a copy of keys.json read under its lock, saved
    # just before COMMIT when the body changed it, and the workstation secret that opens it.
    keyfile: KeyFile | None = None
    secret: bytes = b""
    # The proofs this use case took (Session.take_proof): spent when it commits, given back
    # when it rolls back.
    proofs: list[bytes] = field(default_factory=list, repr=False)

    @property
    def keys(self) -> KeyFile:
        if self.keyfile is None:
            raise RuntimeError("a key-file change needs transaction(..., keys=True)")
        return self.keyfile


# The one use case a session ended by a lockout still runs (services.drafts.keep_drafts).
_KEEP_DRAFTS = "draft.keep"


class Session:
    def __init__(
        self,
        *,
        env: Environment,
        root: Path,
        db: Database,
        keys: KeyStore,
        dek: bytearray,
        user: UserRecord,
        location: str,
        workstation_id: str,
    ) -> None:
        self.env = env
        self.root = root
        self.db = db
        self.keys = keys
        self._dek: bytearray | None = dek
        self.user = user
        self.location = location
        self.workstation_id = workstation_id
        self._closing = threading.Event()
        # Ended by a lockout (reauthenticate): nothing but keeping the window's unsaved work
        # ("draft.keep") until whoever holds the session closes it.
        self._locked_out = False
        # A session exists only after its password opened the key file: that sign-in is the
        # first proof (the CLI signs in for every call, see sign_in_proof).
        self._proofs: dict[bytes, dt.datetime] = {}
        # Single-use proofs (take_proof, spending_proof): taken by a use case running now, or
        # spent by one that committed. Under a lock: two threads never both take the same proof.
        self._proof_lock = threading.Lock()
        self._claimed: set[bytes] = set()
        self._spent: set[bytes] = set()
        self._sign_in_proof = self._mint(env.clock.now())

    @property
    def closing(self) -> bool:
        """Set (from any thread) as soon as ``close`` starts: long operations running on another
        thread stop at their next check and roll back, so the lock does not wait for them."""
        return self._closing.is_set()

    @property
    def clock(self) -> Clock:
        return self.env.clock

    @property
    def origin(self) -> str:
        return f"{self.env.origin}@{self.workstation_id[:8]}"

    @property
    def dek(self) -> bytearray:
        if self._dek is None:
            raise SessionLocked("De werkplek is vergrendeld. Meld u opnieuw aan.")
        return self._dek

    @property
    def is_open(self) -> bool:
        return self._dek is not None and not self.db.closed and not self._locked_out

    def has_role(self, *roles: Role) -> bool:
        return bool(self.user.roles & set(roles))

    def require(self, allowed: Iterable[Role], action: str) -> None:
        if not self.is_open:
            # Closed (locked, signed out, ended by a lockout): no use case starts, not even
            # as far as a role refusal.
            raise SessionLocked("De werkplek is vergrendeld. Meld u opnieuw aan.")
        require_any_role(self.user.roles, allowed, action)

    def require_audited(
        self, allowed: Iterable[Role], action: str, audit_action: str, obj: str = ""
    ) -> None:
        """:meth:`require` for use cases without a transaction: the refusal is audited too."""
        try:
            self.require(allowed, action)
        except Forbidden as exc:
            self.audit_refusal(audit_action, obj, exc)
            raise

    @property
    def keyfile(self) -> KeyFile:
        """The key file as it is on disk now (for reading: changes go through ``keys=True``)."""
        return self.keys.read()

    @contextlib.contextmanager
    def transaction(self, action: str, obj: str = "", *, keys: bool = False) -> Iterator[Tx]:
        """One use case: its changes and its audit entry commit together or not at all.

        With ``keys=True`` the body may change the key file too (``tx.keys``): the key-file lock
        is taken *before* the database's write lock, in the same order as a sign-in takes them,
        so the two can never wait for each other; the file is saved before COMMIT, so a failed
        save rolls the database back (a slot without its account is the safe leftover).

        A proof the body took (``take_proof``) is spent once COMMIT succeeded and given back
        when the transaction rolls back; a refused proof is audited as denied, as the role
        refusals are."""
        if self._locked_out and action != _KEEP_DRAFTS:
            raise SessionLocked("De werkplek is vergrendeld. Meld u opnieuw aan.")
        taken: list[bytes] = []
        committed = False
        try:
            with contextlib.ExitStack() as stack:
                keyfile: KeyFile | None = None
                secret = b""
                if keys:
                    stack.enter_context(self.keys.locked())
                    keyfile, secret = self.checked_keyfile()
                    # A rotation whose last save failed left its staged part: it is settled by
                    # the DEK this session's database runs on before anything else changes.
                    keyfile.settle_for(self.dek)
                conn = stack.enter_context(self.db.transaction())
                tx = Tx(conn, obj, keyfile=keyfile, secret=secret, proofs=taken)
                yield tx
                self._append_audit(conn, action, tx.object, tx.result, tx.details)
                if keyfile is not None and keyfile.changed:
                    keyfile.save(secret)
            committed = True
        except AUDITED_REFUSALS as exc:
            self.audit_refusal(action, obj, exc)
            raise
        finally:
            for token in taken:
                self._settle(token, spent=committed)  # spent with the change, or given back

    def _append_audit(
        self,
        conn: Connection,
        action: str,
        obj: str,
        result: str = "ok",
        details: Mapping[str, Any] | None = None,
    ) -> None:
        """One entry by this session's user, at the clock's now, from this session's origin."""
        audit.append(
            conn,
            when=self.clock.now(),
            actor=self.user.name,
            action=action,
            obj=obj,
            result=result,
            origin=self.origin,
            details=details,
        )

    @contextlib.contextmanager
    def damage_on_record(self, action: str, obj: str) -> Iterator[None]:
        """For a view: stored content found damaged (IntegrityFailure, the view's transaction
        rolled back) is an incident, audited as denied (``action``, ``obj``) and raised."""
        try:
            yield
        except IntegrityFailure as exc:
            self.audit_refusal(action, obj, exc)
            raise

    def audit_refusal(self, action: str, obj: str, exc: AppError) -> None:
        try:
            with self.db.transaction() as conn:
                self._append_audit(conn, action, obj, "denied", {"code": exc.code})
        except AppError:
            log.exception("could not audit a refusal")

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.db.reading() as conn:
            yield conn

    def checked_keyfile(self) -> tuple[KeyFile, bytes]:
        """The key file as it is on disk now, verified against this workstation's secret, and
        that secret (for reading; changes go through ``transaction(..., keys=True)``)."""
        keyfile = self.keys.read()
        return keyfile, keyfile.check(self.env.provider.load(keyfile.binding_id))

    # --- re-authentication (signing, issuing, the key operations: issue 12) ------------------

    def _mint(self, at: dt.datetime) -> Reauthentication:
        token = secrets.token_bytes(16)
        self._proofs[token] = at
        return Reauthentication(self.user.id, at, token)

    def sign_in_proof(self) -> Reauthentication:
        """The password typed to open this session, as proof: valid for ``REAUTH_VALID`` after
        the sign-in. What the CLI passes (it signs in anew for every call, so one call is one
        use); the window asks again with ``reauthenticate``."""
        return self._sign_in_proof

    def reauthenticate(self, password: str) -> Reauthentication:
        """The signed-in person's password, checked again the way a sign-in checks it (the key
        file under its lock, the slot opened with the password): a wrong one counts toward the
        lockout and is audited (``session.reauthenticate``, failed or locked). The key material
        this yields is wiped at once; only the proof is kept.

        The attempt that locks the account (or finds it locked) also ends this session:
        whoever holds it (a window, a worker, a script) gets SessionLocked from then on, as
        after a sign-out, not only the window that asked. One use case is left until it is
        closed: keeping the person's unsaved work ("draft.keep"), so that the window's lock
        loses nothing typed."""
        if not self.is_open:
            raise SessionLocked("De werkplek is vergrendeld. Meld u opnieuw aan.")
        try:
            with self.keys.locked():
                keyfile, secret = self.checked_keyfile()
                now = self.clock.now()
                try:
                    dek = keyfile.unlock(secret, self.user.name, password, now)
                except (AuthFailed, AccountLocked) as exc:
                    self._audit_reauth_failure(keyfile, secret, exc)
                    if isinstance(exc, AccountLocked):
                        raise
                    raise AuthFailed(
                        "Het wachtwoord is onjuist. Na te veel mislukte pogingen wordt uw "
                        "account geblokkeerd."
                    ) from None
                finally:
                    if keyfile.changed:
                        keyfile.save(secret)
                wipe(dek)
        except AccountLocked:
            # Ended now: the key we hold is wiped and nothing more starts; the open database
            # only keeps the person's drafts until the holder closes it (the window's lock).
            self._locked_out = True
            wipe(self._dek)
            self._dek = None
            self._proofs.clear()
            raise
        return self._mint(now)

    def _audit_reauth_failure(self, keyfile: KeyFile, secret: bytes, exc: AppError) -> None:
        """The failure the key file just recorded goes into the chain now, as a
        re-authentication (a sign-in would move it there later, as a failed sign-in)."""
        pending = [e for e in keyfile.pending_events(secret) if e.name == self.user.name[:200]]
        if not pending:
            return
        mine = pending[-1]
        try:
            with self.db.transaction() as conn:
                self._append_audit(
                    conn,
                    "session.reauthenticate",
                    f"user:{self.user.name}",
                    mine.result,
                    {"code": exc.code},
                )
        except AppError:
            log.exception("could not audit a failed re-authentication")
            return  # it stays pending: the next sign-in records it
        keyfile.drop_pending(secret, [mine])

    def check_proof(self, proof: Reauthentication | None, doing: str) -> Reauthentication:
        """``proof`` was made by this session, for this person, within ``REAUTH_VALID``, and is
        neither spent nor taken by a use case running now; else AuthFailed with a sentence
        asking for the password (``doing``: "het ondertekenen"). Only checks: the use cases
        take their proof (``take_proof``, ``spending_proof``)."""
        if proof is not None and (proof.token in self._spent or proof.token in self._claimed):
            raise _ProofRefused(
                f"Deze bevestiging met uw wachtwoord is al gebruikt; bevestig {doing} opnieuw "
                "met uw wachtwoord."
            )
        at = None if proof is None else self._proofs.get(proof.token)
        if proof is None or at is None or at != proof.at or proof.user_id != self.user.id:
            raise _ProofRefused(f"Bevestig {doing} met uw wachtwoord.")
        if not dt.timedelta(0) <= self.clock.now() - at <= REAUTH_VALID:
            raise _ProofRefused(
                f"Uw wachtwoord is te lang geleden ingevoerd; bevestig {doing} opnieuw met uw "
                "wachtwoord."
            )
        return proof

    def _claim(self, proof: Reauthentication | None, doing: str) -> Reauthentication:
        """``check_proof``, and the proof taken: under the lock, so that two uses (two threads)
        never both take it."""
        with self._proof_lock:
            checked = self.check_proof(proof, doing)
            self._claimed.add(checked.token)
        return checked

    def _settle(self, token: bytes, *, spent: bool) -> None:
        """A taken proof spent (its use case happened) or given back (it did not)."""
        with self._proof_lock:
            if spent:
                self._proofs.pop(token, None)
                self._spent.add(token)
            self._claimed.discard(token)

    def take_proof(self, tx: Tx, proof: Reauthentication | None, doing: str) -> Reauthentication:
        """``check_proof`` for the use case running in ``tx`` (signing, issuing), which takes
        the proof once: no other use accepts it meanwhile (not from another thread either);
        the transaction's COMMIT spends it, with the change it allowed; a rollback (a rule
        refusal after this check, a damaged text, a full disk) gives it back unchanged. A
        refusal is audited as denied by the transaction, with its action and object."""
        checked = self._claim(proof, doing)
        tx.proofs.append(checked.token)
        return checked

    @contextlib.contextmanager
    def spending_proof(
        self, proof: Reauthentication | None, doing: str, action: str, obj: str = ""
    ) -> Iterator[Callable[[], None]]:
        """``take_proof`` for a use case that commits outside ``transaction`` (the key
        operations): the body runs with the proof taken, and calls the yielded function at
        its commit point: from then on the proof is spent, with the change it allowed. A body
        that ends before it gives the proof back, as a rolled-back transaction leaves nothing
        changed. A refusal (no proof, too old, already used) is a sentence and is audited as
        denied (``action``, ``obj``), as the role refusals are."""
        try:
            checked = self._claim(proof, doing)
        except AuthFailed as exc:
            self.audit_refusal(action, obj, exc)
            raise
        token = checked.token
        try:
            yield lambda: self._settle(token, spent=True)
        finally:
            self._settle(token, spent=False)  # given back, unless spent by then

    def replace_dek(self, dek: bytearray) -> None:
        """After a key rotation (services/workspace.py): the session holds the new DEK, the old
        one is overwritten."""
        old, self._dek = self._dek, dek
        wipe(old)

    def workstation_secret(self) -> bytes:
        return self.checked_keyfile()[1]

    def close(self) -> None:
        """Lock: close the database and overwrite the key we hold."""
        self._closing.set()
        if self._dek is not None or self._locked_out:
            with contextlib.suppress(AppError):
                if not self.db.closed:
                    with self.db.transaction() as conn:
                        self._append_audit(conn, "session.close", f"user:{self.user.name}")
                    record_head(self)  # after COMMIT: the head outside the database too
        self.db.close()
        wipe(self._dek)
        self._dek = None
        self._proofs.clear()
        self._claimed.clear()
        self._spent.clear()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

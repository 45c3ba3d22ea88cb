"""A signed-in user's session: the open database, the DEK, the user and the clock."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.domain.clock import Clock
from desktop_app.domain.errors import (
    AppError,
    Forbidden,
    FourEyes,
    Involved,
    NotDesignated,
    SessionLocked,
    WrongLocation,
)
from desktop_app.domain.roles import Role, require_any_role
from desktop_app.security.keyfile import KeyFile, KeyStore, wipe
from desktop_app.security.workstation import WorkstationSecretProvider
from desktop_app.services.audit import record_head
from desktop_app.storage import audit
from desktop_app.storage.db import Connection, Database
from desktop_app.storage.users import UserRecord

log = logging.getLogger(__name__)

# Refusals of these kinds are themselves audited (result=denied): they are what an auditor
# looks for (ASVS 8.2.2, AUTHZ-1).
AUDITED_REFUSALS = (Forbidden, Involved, NotDesignated, WrongLocation, FourEyes)


@dataclass(frozen=True)
class Environment:
    """What the services need from the outside world; injected so tests control all of it."""

    provider: WorkstationSecretProvider
    clock: Clock
    origin: str = "cli"


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

    @property
    def keys(self) -> KeyFile:
        if self.keyfile is None:
            raise RuntimeError("a key-file change needs transaction(..., keys=True)")
        return self.keyfile


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
        return self._dek is not None and not self.db.closed

    def has_role(self, *roles: Role) -> bool:
        return bool(self.user.roles & set(roles))

    def require(self, allowed: Iterable[Role], action: str) -> None:
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
        save rolls the database back (a slot without its account is the safe leftover)."""
        try:
            with contextlib.ExitStack() as stack:
                keyfile: KeyFile | None = None
                secret = b""
                if keys:
                    stack.enter_context(self.keys.locked())
                    keyfile, secret = self.checked_keyfile()
                conn = stack.enter_context(self.db.transaction())
                tx = Tx(conn, obj, keyfile=keyfile, secret=secret)
                yield tx
                audit.append(
                    conn,
                    when=self.clock.now(),
                    actor=self.user.name,
                    action=action,
                    obj=tx.object,
                    result=tx.result,
                    origin=self.origin,
                    details=tx.details,
                )
                if keyfile is not None and keyfile.changed:
                    keyfile.save(secret)
        except AUDITED_REFUSALS as exc:
            self.audit_refusal(action, obj, exc)
            raise

    def audit_refusal(self, action: str, obj: str, exc: AppError) -> None:
        try:
            with self.db.transaction() as conn:
                audit.append(
                    conn,
                    when=self.clock.now(),
                    actor=self.user.name,
                    action=action,
                    obj=obj,
                    result="denied",
                    origin=self.origin,
                    details={"code": exc.code},
                )
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

    def workstation_secret(self) -> bytes:
        return self.checked_keyfile()[1]

    def close(self) -> None:
        """Lock: close the database and overwrite the key we hold."""
        self._closing.set()
        if self._dek is not None:
            with contextlib.suppress(AppError):
                if not self.db.closed:
                    with self.db.transaction() as conn:
                        audit.append(
                            conn,
                            when=self.clock.now(),
                            actor=self.user.name,
                            action="session.close",
                            obj=f"user:{self.user.name}",
                            origin=self.origin,
                        )
                    record_head(self)  # after COMMIT: the head outside the database too
        self.db.close()
        wipe(self._dek)
        self._dek = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""Creating, opening, re-binding a workspace (a folder with ``workspace.db`` and ``keys.json``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain import accounts
from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import (
    AppError,
    AuthFailed,
    IntegrityFailure,
    InvalidInput,
    WrongWorkstation,
)
from desktop_app.domain.roles import ADMIN_ONLY, Role, role_conflict
from desktop_app.security import recovery
from desktop_app.security.key_wrap import unwrap_key, wrap_key
from desktop_app.security.keyfile import KeyFile, KeyStore, new_dek, normalise_name, wipe
from desktop_app.security.workstation import new_secret
from desktop_app.services.audit import record_head
from desktop_app.services.session import Environment, Reauthentication, Session
from desktop_app.storage import audit, backup, migrations
from desktop_app.storage import rekey as rekey_store
from desktop_app.storage import users as user_repo
from desktop_app.storage.db import DAMAGED, Connection, Database
from desktop_app.storage.files import ensure_private_dir
from desktop_app.storage.users import UserRecord

log = logging.getLogger(__name__)


DB_NAME = "workspace.db"
KEYS_NAME = "keys.json"


@dataclass(frozen=True)
class WorkspacePaths:
    root: Path

    @property
    def db(self) -> Path:
        return self.root / DB_NAME

    @property
    def keys(self) -> Path:
        return self.root / KEYS_NAME

    def exists(self) -> bool:
        return self.db.exists() or self.keys.exists()

    def remove_created(self) -> None:
        for path in (
            self.keys,
            self.db,
            Path(f"{self.db}-wal"),
            Path(f"{self.db}-shm"),
            Path(f"{self.keys}.lock"),
        ):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


@dataclass(frozen=True)
class InitResult:
    data_dir: Path
    recovery_key: str


def init_workspace(
    env: Environment,
    data_dir: Path,
    *,
    admin_name: str,
    admin_password: str,
    full_name: str | None = None,
    location: str = "aivd",
    kdf_profile: str = "interactive",
) -> InitResult:
    name = accounts.validate_username(admin_name)
    accounts.validate_password(admin_password, name)
    display = accounts.validate_full_name(full_name or name)
    where = accounts.Location.parse(location)
    paths = WorkspacePaths(data_dir)
    if paths.exists():
        raise InvalidInput(
            "In deze map staat al een werkplek. Kies een lege map.", field="data_dir"
        )
    ensure_private_dir(data_dir)
    # The lock file exists from the first moment on, so opening never adds a file to the
    # folder, and a sign-in racing the creation waits for it.
    with KeyStore(paths.keys).locked():
        dek = new_dek()
        secret = new_secret()
        recovery_text = recovery.generate()
        workspace_id = str(uuid.uuid4())
        keyfile = KeyFile.create(
            paths.keys,
            workspace_id=workspace_id,
            backend_name=env.provider.backend_name,
            kdf_profile=kdf_profile,
            workstation_secret=secret,
            dek=dek,
            recovery_raw=recovery.parse(recovery_text),
        )
        db: Database | None = None
        try:
            env.provider.store(keyfile.binding_id, secret)
            db = Database.create(paths.db, dek)
            migrations.migrate(db)
            now = env.clock.now()
            with db.transaction() as conn:
                user_repo.set_setting(conn, "workspace_id", workspace_id)
                user_repo.set_setting(conn, "workstation_id", secrets.token_hex(8))
                user_repo.set_setting(conn, "location", where.value)
                user_repo.set_setting(conn, "idle_minutes", "5")
                user_repo.insert(
                    conn,
                    name,
                    display,
                    frozenset({Role.ADMIN}),
                    Classification.ONGERUBRICEERD,
                    audit.format_ts(now),
                )
                origin = f"{env.origin}@init"
                audit.append(
                    conn,
                    when=now,
                    actor=name,
                    action="workspace.init",
                    obj=f"workspace:{workspace_id}",
                    origin=origin,
                    details={
                        "location": where.value,
                        "kdf_profile": kdf_profile,
                        "keyring_backend": env.provider.backend_name,
                    },
                )
                audit.append(
                    conn,
                    when=now,
                    actor=name,
                    action="user.add",
                    obj=f"user:{name}",
                    origin=origin,
                    details={"roles": ["admin"]},
                )
                keyfile.set_user(secret, dek, name, admin_password)
                keyfile.save(secret)
            db.checkpoint()
        except BaseException:
            if db is not None:
                db.close()
            paths.remove_created()
            with contextlib.suppress(AppError):
                env.provider.delete(keyfile.binding_id)
            raise
        finally:
            wipe(dek)
        db.close()
        return InitResult(data_dir, recovery_text)


def _load_keyfile(env: Environment, store: KeyStore) -> tuple[KeyFile, bytes]:
    keyfile = store.read()
    if keyfile.keyring_backend != env.provider.backend_name:
        raise WrongWorkstation(
            "De sleutelring van deze werkplek is gewijzigd (was "
            f"{keyfile.keyring_backend}, nu {env.provider.backend_name}). Gebruik de "
            "oorspronkelijke sleutelring, of koppel de werkplek opnieuw met de herstelsleutel."
        )
    secret = keyfile.check(env.provider.load(keyfile.binding_id))
    return keyfile, secret


def open_session(env: Environment, data_dir: Path, name: str, password: str) -> Session:
    """Sign in: workstation secret + password -> DEK -> database. Every attempt is audited.

    The whole sign-in holds the key-file lock, Argon2 included: parallel attempts queue, so the
    three-strike count is exact and no attempt's record overwrites another's. A sign-in that
    changes nothing (no earlier failures, nothing pending) writes nothing."""
    paths = WorkspacePaths(data_dir)
    store = KeyStore(paths.keys)
    # A wrong workstation or a damaged file is refused before queueing for the lock.
    _load_keyfile(env, store)
    with store.locked():
        keyfile, secret = _load_keyfile(env, store)
        now = env.clock.now()
        try:
            dek, following = keyfile.unlock_with_next(secret, name, password, now)
        finally:
            if keyfile.changed:
                keyfile.save(secret)
        db: Database | None = None
        try:
            if keyfile.rotation_staged:
                dek = _settle_rotation(paths, keyfile, secret, dek, following)
            db = Database.open(paths.db, dek)
            migrations.migrate(db)
            with db.transaction() as conn:
                _warn_role_conflicts(conn)
                user = _audit_sign_in(conn, env, keyfile, secret, name, now)
                location = user_repo.get_setting(conn, "location") or "other"
                workstation_id = user_repo.get_setting(conn, "workstation_id") or "unknown"
                if keyfile.changed:
                    keyfile.save(secret)
            if user is None:
                raise AuthFailed("Naam of wachtwoord onjuist.")
        except BaseException:
            if db is not None:
                db.close()
            wipe(dek)
            raise
        # Signed in, under the key-file lock (no live writer of keys.json): what killed
        # processes left here (backup snapshots, temp files of atomic writes) goes.
        backup.remove_stale_workspace_files(paths.root)
    return Session(
        env=env,
        root=data_dir,
        db=db,
        keys=store,
        dek=dek,
        user=user,
        location=location,
        workstation_id=workstation_id,
    )


def _warn_role_conflicts(conn: Connection) -> None:
    """Accounts from before the role-separation rules that break them: reported at every open
    (the administrator resolves them in Beheer), never changed by themselves."""
    for user in user_repo.all_users(conn):
        if user.active and role_conflict(user.roles) is not None:
            log.warning(
                "account %s holds roles that break the separation rules: %s",
                user.name,
                ", ".join(sorted(r.value for r in user.roles)),
            )


def _audit_sign_in(
    conn: Connection,
    env: Environment,
    keyfile: KeyFile,
    secret: bytes,
    name: str,
    now: dt.datetime,
) -> UserRecord | None:
    """This sign-in and the attempts made while the database was closed, into the chain; the
    user signing in, or None when no active account has that name."""
    user = user_repo.by_name(conn, name)
    workstation_id = user_repo.get_setting(conn, "workstation_id") or "unknown"
    origin = f"{env.origin}@{workstation_id[:8]}"

    def signin(actor: str, result: str = "ok", details: dict[str, str] | None = None) -> None:
        audit.append(
            conn,
            when=now,
            actor=actor,
            action="session.signin",
            obj=f"user:{actor}",
            result=result,
            origin=origin,
            details=details,
        )

    pending = keyfile.pending_events(secret)
    for event in pending:
        signin(event.name, event.result, {"attempted_at": event.ts_utc})
    keyfile.drop_pending(secret, pending)
    if user is None or not user.active:
        signin(name, "failed", {"reason": "no such active user"})
        return None
    signin(user.name)
    return user


def rebind_workstation(env: Environment, data_dir: Path, recovery_key: str) -> int:
    """The keyring entry is lost or damaged (KEY-3): the recovery key re-binds every user to a
    new workstation secret; users keep their own passwords. Returns the number of users bound."""
    paths = WorkspacePaths(data_dir)
    store = KeyStore(paths.keys)
    store.read()  # a folder without a workspace is refused before the lock file is made
    with store.locked():
        return _rebind(env, paths, store.read(), recovery_key)


def _rebind(env: Environment, paths: WorkspacePaths, keyfile: KeyFile, recovery_key: str) -> int:
    raw = recovery.parse(recovery_key)
    dek = keyfile.recover_dek(raw)
    if keyfile.rotation_staged:
        # The staged slots are bound to the old workstation secret, which is what is lost: the
        # database alone says which DEK is in force, and only that one's part is kept.
        # A new recovery key killed midway staged a slot for a key nobody was shown yet: this
        # (old) key opens none of it. Killed before the rename, the old DEK is in force and
        # the staged part goes; after it, this key reaches nothing current.
        try:
            following = keyfile.recover_next_dek(raw)
        except AuthFailed:
            following = None
        try:
            dek = _settle_by_database(paths, keyfile, dek, following)
        except AuthFailed:
            raise AuthFailed(
                "Deze herstelsleutel opent de database niet meer: er is een nieuwe herstelsleutel "
                "uitgegeven die door een afgebroken programma niet is getoond. Meld u aan op "
                "deze werkplek en geef een nieuwe herstelsleutel uit, of zet een back-up terug."
            ) from None
    try:
        db = Database.open(paths.db, dek)
        try:
            migrations.migrate(db)
            secret = new_secret()
            old_binding = keyfile.binding_id
            with db.transaction() as conn:
                keyfile.rebind(secret, dek, env.provider.backend_name)
                count = len(keyfile.read_escrow(dek))
                env.provider.store(keyfile.binding_id, secret)
                audit.append(
                    conn,
                    when=env.clock.now(),
                    actor="(herstelsleutel)",
                    action="workspace.rebind",
                    obj=f"workspace:{keyfile.workspace_id}",
                    origin=f"{env.origin}@rebind",
                    details={"keyring_backend": env.provider.backend_name, "users": count},
                )
                keyfile.save(secret)
            with contextlib.suppress(AppError):
                env.provider.delete(old_binding)
            rewrite_trust_file(db, paths.root, secret, keyfile.workspace_id)
        finally:
            db.close()
    finally:
        wipe(dek)
    return count


def rewrite_trust_file(db: Database, root: Path, secret: bytes, workspace_id: str) -> None:
    """trust-roots.pem under the new secret's MAC: under the old one `report verify` without a
    sign-in would trust nothing until the next print. Imported here: only a (re)binding needs
    the signing stack, not every sign-in."""
    from desktop_app.services.signing_keys import write_trust_file

    with db.reading() as conn:
        write_trust_file(conn, root, secret, workspace_id)


# --- key rotation (issue 13) -------------------------------------------------------------------


def _opens(path: Path, dek: bytes | bytearray) -> bool:
    try:
        Database.open(path, dek).close()
    except IntegrityFailure:
        return False
    return True


def _settle_by_database(
    paths: WorkspacePaths,
    keyfile: KeyFile,
    dek: bytearray,
    following: bytearray | None,
) -> bytearray:
    """A rotation was interrupted (its process is gone: we hold the key-file lock it held
    throughout). The database decides: if the re-keyed copy took its place, the staged part of
    the key file becomes the key file; if the old DEK still opens it, the staged part is
    dropped. The caller saves."""
    if following is not None and _opens(paths.db, following):
        keyfile.promote_rotation()
        wipe(dek)
        log.warning("an interrupted key rotation was completed from the staged key file")
        return following
    wipe(following)
    if not _opens(paths.db, dek):
        # Only the staged part reaches the database, and this key holder has none in it (an
        # account the rotation left out): dropping it would leave no key that opens the
        # database. It stays for the next sign-in or rebind that can settle it.
        if following is None:
            raise AuthFailed(
                "Voor dit account is na de vervanging van de databasesleutel een nieuw "
                "wachtwoord nodig. Vraag de functioneel beheerder het opnieuw in te stellen."
            )
        raise IntegrityFailure(DAMAGED)
    keyfile.abandon_rotation()
    log.warning("an interrupted key rotation was rolled back (the database kept its key)")
    return dek


def _settle_rotation(
    paths: WorkspacePaths,
    keyfile: KeyFile,
    secret: bytes,
    dek: bytearray,
    following: bytearray | None,
) -> bytearray:
    settled = _settle_by_database(paths, keyfile, dek, following)
    keyfile.save(secret)
    return settled


@dataclass(frozen=True)
class RekeyResult:
    users: int
    signing_keys: int
    # Accounts whose key slot predates rotation (never signed in since): they keep no slot and
    # need a new password from the administrator.
    need_new_password: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": True,
            "users": self.users,
            "signing_keys": self.signing_keys,
            "need_new_password": list(self.need_new_password),
        }


def rotate_database_key(session: Session, proof: Reauthentication | None) -> RekeyResult:
    """A new DEK: the database re-keyed (``PRAGMA rekey`` on a copy that replaces it by one
    rename), the signing keys re-wrapped, every user slot and the recovery slot sealed to the
    new DEK. The recovery key stays the same; users keep their passwords.

    Crash safety: the key-file lock is held throughout (no sign-in, no rebind in between); the
    new slots are staged in keys.json *beside* the old ones before the rename, and folded in
    after it. Killed before the rename, the old DEK opens the unchanged database; killed after
    it, the staged slots open the new one; the next sign-in (or rebind) settles which, by
    opening the database. The audit entry is written into the copy, so it commits with the
    rename."""
    session.require_audited(ADMIN_ONLY, "de databasesleutel vervangen", "workspace.rekey")
    doing = "het vervangen van de databasesleutel"
    with session.spending_proof(proof, doing, "workspace.rekey") as spend:
        return _rotate(session, "workspace.rekey", None, spend)


def _rotate(
    session: Session, action: str, recovery_raw: bytes | None, committed: Callable[[], None]
) -> RekeyResult:
    """The rotation itself, audited as ``action``; with ``recovery_raw`` the new DEK gets a
    recovery slot for that (new) key instead of the old one's, in the same staged step.
    ``committed`` is called once the rename made it happen (the proof it took is spent then:
    ``Session.spending_proof``); a rotation that did not happen leaves the proof as it was."""
    old_dek = session.dek
    new = new_dek()
    copy = backup.snapshot_path(session.root)
    renamed = False
    try:
        with session.keys.locked(), session.db.exclusive() as conn:
            keyfile, secret = session.checked_keyfile()
            keyfile.settle_for(old_dek)  # a leftover: the open database runs on ``old_dek``
            active = {normalise_name(u.name) for u in user_repo.all_users(conn) if u.active}
            left_out = keyfile.stage_rotation(
                secret, old_dek, new, active, recovery_raw=recovery_raw
            )
            users = len(keyfile.data["next"]["slots"])
            counted: dict[str, int] = {}

            def write(conn: Connection) -> None:
                counted["keys"] = rekey_store.rewrap_signing_keys(
                    conn,
                    lambda blob, fp: wrap_key(new, unwrap_key(old_dek, blob, fp), fp),
                )
                details: dict[str, object] = {
                    "users": users,
                    "signing_keys": counted["keys"],
                    "need_new_password": left_out,
                    # What lets ``backup verify`` believe a backup's "made under an earlier
                    # key" (its header is not authenticated under today's DEK).
                    "previous_key_check": backup.key_check(old_dek),
                }
                if recovery_raw is not None:
                    details["database_key_replaced"] = True
                audit.append(
                    conn,
                    when=session.clock.now(),
                    actor=session.user.name,
                    action=action,
                    obj=f"workspace:{keyfile.workspace_id}",
                    origin=session.origin,
                    details=details,
                )

            rekey_store.rekeyed_copy(session.db, copy, old_dek, new, write)
            keyfile.save(secret)  # staged: both DEKs reachable from here on
            try:
                rekey_store.replace_with_copy(session.db, copy, new, old_dek)
            except BaseException:
                # ``os.replace`` is atomic: the copy is still there only if it did not happen.
                # Then the database keeps the old DEK, the session is back on it, and the
                # staged part goes now (else the next key-file change drops it, by the DEK).
                renamed = not copy.exists()
                if not renamed:
                    keyfile.abandon_rotation()
                    with contextlib.suppress(OSError, AppError):
                        keyfile.save(secret)
                raise
            renamed = True
            committed()
            keyfile.promote_rotation()
            keyfile.save(secret)
            session.replace_dek(new)
    except BaseException:
        if renamed:
            # Past the commit point the database is under the new DEK whatever failed after
            # it (the fold-in's save): the session goes on with it, and the staged part on disk
            # is folded in by the next key-file change or sign-in. The proof went with it.
            committed()
            session.replace_dek(new)
        else:
            rekey_store.remove_copy(copy)
            rekey_store.back_to_wal(session.db)
        raise
    record_head(session)
    return RekeyResult(users, counted["keys"], tuple(left_out))


@dataclass(frozen=True)
class NewRecoveryKey:
    recovery_key: str
    rekey: RekeyResult

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": True,
            "recovery_key": self.recovery_key,
            # Extensions: the DEK was rotated with it (see new_recovery_key).
            "database_key_replaced": True,
            "users": self.rekey.users,
            "signing_keys": self.rekey.signing_keys,
            "need_new_password": list(self.rekey.need_new_password),
        }


def issue_recovery_key(session: Session, proof: Reauthentication | None) -> str:
    """:func:`new_recovery_key`, the key only (what the window shows)."""
    return new_recovery_key(session, proof).recovery_key


def new_recovery_key(session: Session, proof: Reauthentication | None) -> NewRecoveryKey:
    """A new recovery key, shown once, and with it a new DEK (the rotation of
    :func:`rotate_database_key`, crash-safe as it is, audited once as
    ``workspace.recovery_key``). Replacing only the recovery slot would leave the old key
    worth as much as before: with any older backup it yields the DEK of that backup, which was
    the live database's. Under a new DEK the old recovery key opens nothing current; backups
    made before keep opening with the recovery key of their day."""
    session.require_audited(
        ADMIN_ONLY, "een nieuwe herstelsleutel uitgeven", "workspace.recovery_key"
    )
    doing = "het uitgeven van een nieuwe herstelsleutel"
    with session.spending_proof(proof, doing, "workspace.recovery_key") as spend:
        text = recovery.generate()
        result = _rotate(session, "workspace.recovery_key", recovery.parse(text), spend)
    return NewRecoveryKey(text, result)

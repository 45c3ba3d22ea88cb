"""Administrator use cases: backup and restore.

Both leave nothing half-done where it could be mistaken for the real thing, also when the
process is killed:

* A backup is written under a hidden temp name next to its target and renamed only after its
  audit entry (with the file's SHA-256) is committed: a backup file never exists without its
  entry. Should the rename fail after that commit, the entry names a backup that does not exist
  (the safe direction); a second entry with ``result=failed`` says so. The snapshot it is made
  from lives in the workspace folder as ``.snapshot-<pid>-<hex>.db``; what a killed backup leaves
  (snapshot, temp file) is removed by the next backup and by opening the workspace.
* A restore builds the whole workspace in a hidden sibling folder ``.werkplek-restore-<pid>-<hex>``
  (0700) and renames it onto the target only at the very end. The key file is called
  ``keys.json.pending`` in there until just before that rename, so the folder never opens as a
  workspace. The keyring entry must exist before the rename (the workspace cannot open without
  it); its binding id is written into the temp folder first, so a failed restore deletes the
  entry and the next restore into the same parent folder deletes the entry and the folder of a
  killed one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.domain import accounts
from desktop_app.domain.errors import (
    AppError,
    IntegrityFailure,
    InternalError,
    InvalidInput,
    NotFound,
)
from desktop_app.domain.roles import ADMIN_ONLY, Role
from desktop_app.domain.text import shown
from desktop_app.security import recovery
from desktop_app.security.keyfile import FORMAT, KeyFile, recover_dek, wipe
from desktop_app.security.workstation import WorkstationSecretProvider, new_secret
from desktop_app.services.audit import record_head
from desktop_app.services.session import Environment, Session
from desktop_app.services.workspace import (
    DB_NAME,
    KEYS_NAME,
    WorkspacePaths,
    rewrite_trust_file,
)
from desktop_app.storage import audit, backup, migrations
from desktop_app.storage import users as user_repo
from desktop_app.storage.db import Database
from desktop_app.storage.files import DIR_MODE, stale_pid, sync_dir

RESTORE_PREFIX = ".werkplek-restore-"
_RESTORE_TEMP = re.compile(r"^\.werkplek-restore-(?P<pid>[0-9]{1,10})-[0-9a-f]{12}$")
PENDING_KEYS = "keys.json.pending"


def make_backup(session: Session, target: Path) -> dict[str, Any]:
    obj = f"file:{target.name}"
    session.require_audited(ADMIN_ONLY, "back-up maken", "workspace.backup", obj)
    if target.exists():
        raise InvalidInput("Het doelbestand bestaat al; kies een nieuwe naam.", field="out")
    if not target.parent.is_dir():
        raise InvalidInput("De map voor de back-up bestaat niet.", field="out")
    backup.remove_stale_workspace_files(session.root)
    backup.remove_stale_backup_temps(target.parent)
    snapshot = backup.snapshot_path(session.root)
    try:
        session.db.checkpoint()
        session.db.export_copy(snapshot, session.dek)
        # Read now, after the snapshot: the recovery slot and the user slots as they are at this
        # moment (a user added meanwhile has a slot, and no account: harmless after a restore).
        kf = session.keyfile
        # A rotation whose last save failed: the part in force for this session's DEK (read
        # only; the next key-file change saves it).
        kf.settle_for(session.dek)
        meta = {
            "keyfile": {
                "workspace_id": kf.workspace_id,
                "kdf_profile": kf.kdf_profile,
                "recovery": kf.data["recovery"],
                "escrow": kf.data["escrow"],
            },
        }
        header = {
            "workspace_id": kf.workspace_id,
            "created": audit.format_ts(session.clock.now()),
            "recovery": kf.data["recovery"],
        }
        pending = backup.write_backup(
            target, header=header, dek=session.dek, meta=meta, snapshot=snapshot
        )
    finally:
        backup.remove_snapshot(snapshot)
    try:
        with session.transaction("workspace.backup", obj) as tx:
            if target.exists():  # appeared while writing: never replaced
                raise InvalidInput(
                    "Het doelbestand bestaat intussen; kies een nieuwe naam.", field="out"
                )
            tx.details = {"sha256": pending.sha256, "bytes": pending.size}
    except BaseException:
        pending.discard()
        raise
    # Only now, with its entry committed, does the backup appear under its name.
    try:
        pending.publish()
    except OSError:
        pending.discard()
        with contextlib.suppress(AppError), session.transaction("workspace.backup", obj) as tx:
            tx.result = "failed"
            tx.details = {"sha256": pending.sha256, "reason": "rename"}
        raise InternalError(
            "De back-up is gemaakt maar kon niet onder zijn naam worden opgeslagen; er is geen "
            "back-upbestand. Probeer het opnieuw, eventueel in een andere map."
        ) from None
    record_head(session)  # after COMMIT: the head outside the database too
    return {"file": str(target), "sha256": pending.sha256, "bytes": pending.size}


# --- restore ------------------------------------------------------------------------------------


def _is_empty_dir(path: Path) -> bool:
    try:
        with os.scandir(path) as entries:
            return next(entries, None) is None
    except (NotADirectoryError, FileNotFoundError):
        return False


def _existing_ancestor(folder: Path) -> Path:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    if not folder.is_dir():
        raise InvalidInput(
            "De map voor de herstelde werkplek kan daar niet worden gemaakt: er staat een "
            "bestand op die plek.",
            field="data_dir",
        )
    return folder


def _recorded_binding(folder: Path, backend_name: str) -> str | None:
    """The keyring entry a restore in ``folder`` stored (or was about to), if it is one of this
    keyring backend's."""
    # The workspace sits in the temp folder itself or, when folders on the way to it were
    # missing, further down (a few levels at most: they were typed by a person).
    candidates = [
        path
        for name in (KEYS_NAME, PENDING_KEYS)
        for path in (folder / name, *folder.glob(f"*/**/{name}"))
    ]
    for path in candidates[:20]:
        try:
            data = json.loads(path.read_bytes())
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        binding = data.get("binding_id")
        if isinstance(binding, str) and binding and data.get("keyring_backend") == backend_name:
            return binding
    return None


def remove_stale_restores(parent: Path, provider: WorkstationSecretProvider) -> int:
    """Remove the temp folders (and their keyring entries) of restores into ``parent`` whose
    process was killed. Those of a restore still running elsewhere are left alone."""
    removed = 0
    try:
        names = os.listdir(parent)
    except OSError:
        return 0
    for name in names:
        if not stale_pid(name, _RESTORE_TEMP):
            continue
        folder = parent / name
        if folder.is_symlink() or not folder.is_dir():
            continue
        binding = _recorded_binding(folder, provider.backend_name)
        if binding is not None:
            with contextlib.suppress(AppError):
                provider.delete(binding)
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    return removed


def _move_into_place(work: Path, target: Path) -> None:
    try:
        os.rename(work, target)  # POSIX: also replaces an empty folder, atomically
    except OSError:
        if not _is_empty_dir(target):
            raise InvalidInput(
                "De map voor de herstelde werkplek is intussen niet meer leeg.", field="data_dir"
            ) from None
        target.rmdir()  # Windows never renames onto a folder
        os.rename(work, target)


def restore_workspace(
    env: Environment,
    backup_file: Path,
    data_dir: Path,
    *,
    admin_name: str,
    recovery_key: str,
    new_password: str,
) -> dict[str, Any]:
    """A workspace from a backup, bound to this workstation; the named administrator gets a new
    password, every other user keeps their own. ``data_dir`` must not exist or be an empty
    folder; it appears (complete) only when everything else succeeded."""
    if WorkspacePaths(data_dir).exists():
        raise InvalidInput(
            "In deze map staat al een werkplek. Kies een lege map.", field="data_dir"
        )
    if data_dir.exists() and not _is_empty_dir(data_dir):
        raise InvalidInput(
            "Deze map is niet leeg. Kies een nieuwe of lege map voor de herstelde werkplek.",
            field="data_dir",
        )
    if not backup_file.is_file():
        raise NotFound("Het back-upbestand bestaat niet.")
    name = accounts.validate_username(admin_name)
    accounts.validate_password(new_password, name)
    header = backup.open_backup(backup_file)
    workspace_id = str(header.get("workspace_id", ""))
    box = header.get("recovery")
    if not isinstance(box, dict):
        raise IntegrityFailure("Het back-upbestand is beschadigd.")
    dek = recover_dek(box, recovery.parse(recovery_key), workspace_id)
    work: Path | None = None
    db: Database | None = None
    binding: str | None = None
    try:
        # Built in the nearest folder that exists already, with the folders still missing on
        # the way to ``data_dir`` inside the temp folder: one rename at the end makes them all,
        # so a restore that is killed leaves no empty folder behind, only its hidden temp
        # folder, which the next restore there removes.
        target = data_dir.absolute()
        parent = _existing_ancestor(target.parent)
        missing = target.relative_to(parent).parts
        top = parent / missing[0]
        remove_stale_restores(parent, env.provider)
        work = parent / f"{RESTORE_PREFIX}{os.getpid()}-{secrets.token_hex(6)}"
        work.mkdir(mode=DIR_MODE)
        folder = work
        for part in missing[1:]:
            folder = folder / part
            folder.mkdir(mode=DIR_MODE)
        meta = backup.restore_stream(backup_file, dek, folder / DB_NAME)
        db = Database.open(folder / DB_NAME, dek)
        problems = db.integrity_problems()
        if problems:
            raise IntegrityFailure("De database in de back-up is beschadigd.")
        migrations.migrate(db)
        kf_meta = meta.get("keyfile", {})
        keyfile = KeyFile(
            folder / PENDING_KEYS,
            {
                "format": FORMAT,
                "workspace_id": workspace_id,
                "binding_id": "",
                "keyring_backend": env.provider.backend_name,
                "kdf_profile": kf_meta.get("kdf_profile", "interactive"),
                "slots": {},
                "recovery": kf_meta.get("recovery", box),
                "escrow": kf_meta.get("escrow"),
                "guard": {},
            },
        )
        secret = new_secret()
        with db.transaction() as conn:
            admin = user_repo.by_name(conn, name)
            if admin is None or Role.ADMIN not in admin.roles:
                raise InvalidInput(
                    f"'{name}' is geen functioneel beheerder in deze back-up.", field="admin"
                )
            keyfile.rebind(secret, dek, env.provider.backend_name)
            keyfile.set_user(secret, dek, name, new_password)
            users = len(keyfile.read_escrow(dek))
            user_repo.set_setting(conn, "workstation_id", secrets.token_hex(8))
            audit.append(
                conn,
                when=env.clock.now(),
                actor=name,
                action="workspace.restore",
                obj=f"workspace:{workspace_id}",
                origin=f"{env.origin}@restore",
                details={
                    "backup_created": header.get("created"),
                    "users": users,
                    "keyring_backend": env.provider.backend_name,
                },
            )
            # Written before the keyring is touched: from here on a killed restore has left the
            # binding id in its temp folder, where the next restore finds it and deletes the entry.
            keyfile.save(secret)
            binding = keyfile.binding_id
            env.provider.store(binding, secret)
        db.checkpoint()
        rewrite_trust_file(db, folder, secret, workspace_id)
        db.close()
        db = None
        os.replace(folder / PENDING_KEYS, folder / KEYS_NAME)
        sync_dir(folder)
        _move_into_place(work, top)
        # In place: from here on nothing may be undone (the entry belongs to the workspace).
        work = binding = None
        sync_dir(parent)
    except BaseException:
        if db is not None:
            db.close()
        if binding is not None:
            with contextlib.suppress(AppError):
                env.provider.delete(binding)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
        raise
    finally:
        wipe(dek)
    return {"data_dir": str(data_dir), "users": users}


# --- verify -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupCheck:
    file: Path
    sha256: str
    size: int
    workspace_id: str
    created: str | None
    schema_version: int
    users: int
    # True: of the workspace signed in to (or in --data-dir); False: of another; None: no
    # workspace to compare with.
    this_workspace: bool | None
    # When this workspace's audit trail recorded making exactly this file (None: not found).
    recorded_at: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": True,
            "file": str(self.file),
            "sha256": self.sha256,
            "bytes": self.size,
            "workspace_id": self.workspace_id,
            "created": self.created,
            "schema_version": self.schema_version,
            "users": self.users,
            "this_workspace": self.this_workspace,
            "recorded_at": self.recorded_at,
        }


def _backup_header(backup_file: Path) -> dict[str, Any]:
    if not backup_file.is_file():
        raise InvalidInput("Het back-upbestand bestaat niet of is geen bestand.", field="file")
    try:
        return backup.open_backup(backup_file)
    except OSError:
        raise InvalidInput("Het back-upbestand kan niet worden gelezen.", field="file") from None


def _file_digest(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def _checked(
    backup_file: Path, dek: bytes | bytearray, scratch: Path, workspace_id: str
) -> backup.BackupContents:
    contents = backup.check_backup(backup_file, dek, scratch)
    if contents.workspace_id_inside not in (None, workspace_id):
        raise IntegrityFailure(
            "Het back-upbestand is beschadigd: de database erin hoort bij een andere werkplek "
            "dan de kop van het bestand zegt."
        )
    if contents.schema_version > migrations.LATEST:
        raise _Refused(
            "Deze back-up komt van een nieuwere versie van de toepassing en kan hier niet "
            "worden teruggezet.",
            "newer_version",
        )
    return contents


class _Refused(InvalidInput):
    """A refusal of ``verify_backup`` (exit 2) with the short reason its audit entry names."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message, field="file")
        self.reason = reason


def verify_backup(session: Session, backup_file: Path) -> BackupCheck:
    """Check a backup of this workspace completely (every chunk, the database inside), with the
    DEK of the session; nothing is restored. Another workspace's backup, or one made under an
    earlier DEK, is named as such (bad input, exit 2); a damaged one is IntegrityFailure.
    Audited whatever the outcome: ok, or failed with the error's code (and, for a refusal,
    its reason)."""
    obj = f"file:{backup_file.name}"
    session.require_audited(ADMIN_ONLY, "een back-up controleren", "workspace.backup_verify", obj)
    seen: dict[str, Any] = {}
    try:
        check = _verify_signed_in(session, backup_file, obj, seen)
    except AppError as exc:
        details = {**seen, "code": exc.code}
        if isinstance(exc, _Refused):
            details["reason"] = exc.reason
        elif isinstance(exc, InvalidInput):
            details["reason"] = "unreadable" if not seen else "refused"
        with (
            contextlib.suppress(AppError),
            session.transaction("workspace.backup_verify", obj) as tx,
        ):
            tx.result = "failed"
            tx.details = details
        raise
    return check


def _verify_signed_in(
    session: Session, backup_file: Path, obj: str, seen: dict[str, Any]
) -> BackupCheck:
    header = _backup_header(backup_file)
    sha256, size = _file_digest(backup_file)
    seen.update(sha256=sha256, bytes=size)
    ours = session.keyfile.workspace_id
    theirs = str(header.get("workspace_id", ""))
    if theirs != ours:
        raise _Refused(
            f"Dit is een back-up van een andere werkplek (kenmerk {shown(theirs[:36])}), niet "
            f"van deze (kenmerk {ours}). Controleer hem met de herstelsleutel van die werkplek.",
            "other_workspace",
        )
    check = header.get("key_check")
    if check != backup.key_check(session.dek):
        # The header is authenticated only by the chunks, under the DEK it names, which this
        # session may not have: an "earlier key" is believed only when this workspace's trail
        # vouches for it (it recorded making exactly this file, or a rotation away from a DEK
        # with this key_check). Anything else, a changed key_check among it, is damage.
        with session.reading() as conn:
            vouched = backup.recorded_backup(conn, sha256) is not None or (
                isinstance(check, str) and check in backup.former_key_checks(conn)
            )
        if not vouched:
            raise IntegrityFailure(backup.DAMAGED)
        raise _Refused(
            "Deze back-up is gemaakt vóór de laatste vervanging van de databasesleutel. "
            "Controleer hem met de herstelsleutel van toen ('werkplek backup verify BESTAND "
            "--recovery-key').",
            "earlier_key",
        )
    backup.remove_stale_workspace_files(session.root)
    contents = _checked(backup_file, session.dek, backup.snapshot_path(session.root), ours)
    with session.transaction("workspace.backup_verify", obj) as tx:
        recorded = backup.recorded_backup(tx.conn, sha256)
        tx.details = {"sha256": sha256, "bytes": size, "recorded": recorded is not None}
    return _backup_check(backup_file, sha256, size, header, contents, True, recorded)


def verify_backup_with_recovery_key(
    backup_file: Path, recovery_key: str, data_dir: Path | None = None
) -> BackupCheck:
    """The same check without signing in (before a restore on a new machine, or for a backup
    made under an earlier DEK): the recovery key of the backup's day opens it. Compared with
    the workspace in ``data_dir`` when there is one; nothing is written anywhere but a
    private scratch folder that is removed again."""
    header = _backup_header(backup_file)
    theirs = str(header.get("workspace_id", ""))
    box = header.get("recovery")
    if not isinstance(box, dict):
        raise IntegrityFailure("Het back-upbestand is beschadigd.")
    ours: str | None = None
    if data_dir is not None and WorkspacePaths(data_dir).keys.is_file():
        with contextlib.suppress(AppError):
            ours = KeyFile.load(WorkspacePaths(data_dir).keys).workspace_id
    if ours is not None and theirs != ours:
        raise InvalidInput(
            f"Dit is een back-up van een andere werkplek (kenmerk {shown(theirs[:36])}), niet "
            f"van de werkplek in deze map (kenmerk {ours}).",
            field="file",
        )
    dek = recover_dek(box, recovery.parse(recovery_key), theirs)
    try:
        sha256, size = _file_digest(backup_file)
        with tempfile.TemporaryDirectory(prefix="werkplek-check-") as scratch:
            os.chmod(scratch, DIR_MODE)
            contents = _checked(backup_file, dek, Path(scratch) / "check.db", theirs)
    finally:
        wipe(dek)
    return _backup_check(
        backup_file, sha256, size, header, contents, None if ours is None else True
    )


def _backup_check(
    backup_file: Path,
    sha256: str,
    size: int,
    header: dict[str, Any],
    contents: backup.BackupContents,
    this_workspace: bool | None,
    recorded_at: str | None = None,
) -> BackupCheck:
    return BackupCheck(
        file=backup_file,
        sha256=sha256,
        size=size,
        workspace_id=str(header.get("workspace_id", "")),
        created=_text(header.get("created")),
        schema_version=contents.schema_version,
        users=contents.users,
        this_workspace=this_workspace,
        recorded_at=recorded_at,
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None

"""Administrator use cases: backup and restore."""

from __future__ import annotations

import contextlib
import hashlib
import secrets
from pathlib import Path
from typing import Any

from desktop_app.domain import accounts
from desktop_app.domain.errors import IntegrityFailure, InvalidInput, NotFound
from desktop_app.domain.roles import Role
from desktop_app.security import recovery
from desktop_app.security.keyfile import FORMAT, KeyFile, recover_dek, wipe
from desktop_app.security.workstation import new_secret
from desktop_app.services.session import Environment, Session
from desktop_app.services.workspace import WorkspacePaths
from desktop_app.storage import audit, backup, migrations
from desktop_app.storage import users as user_repo
from desktop_app.storage.db import Database
from desktop_app.storage.files import ensure_private_dir

ADMIN_ONLY = (Role.ADMIN,)


def make_backup(session: Session, target: Path) -> dict[str, Any]:
    session.require_audited(ADMIN_ONLY, "back-up maken", "workspace.backup", f"file:{target.name}")
    if target.exists():
        raise InvalidInput("Het doelbestand bestaat al; kies een nieuwe naam.", field="out")
    if not target.parent.is_dir():
        raise InvalidInput("De map voor de back-up bestaat niet.", field="out")
    snapshot = session.root / f".snapshot-{secrets.token_hex(6)}.db"
    try:
        session.db.checkpoint()
        session.db.export_copy(snapshot, session.dek)
        kf = session.keyfile
        meta = {
            "keyfile": {
                "workspace_id": kf.workspace_id,
                "kdf_profile": kf.data.get("kdf_profile", "interactive"),
                "recovery": kf.data["recovery"],
                "escrow": kf.data["escrow"],
            },
        }
        header = {
            "workspace_id": kf.workspace_id,
            "created": audit.format_ts(session.clock.now()),
            "recovery": kf.data["recovery"],
        }
        backup.write_backup(target, header=header, dek=session.dek, meta=meta, snapshot=snapshot)
    finally:
        with contextlib.suppress(FileNotFoundError):
            snapshot.unlink()
    digest = _sha256(target)
    try:
        with session.transaction("workspace.backup", f"file:{target.name}") as tx:
            tx.details = {"sha256": digest, "bytes": target.stat().st_size}
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return {"file": str(target), "sha256": digest, "bytes": target.stat().st_size}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


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
    password, every other user keeps their own."""
    paths = WorkspacePaths(data_dir)
    if paths.exists():
        raise InvalidInput(
            "In deze map staat al een werkplek. Kies een lege map.", field="data_dir"
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
    ensure_private_dir(data_dir)
    db: Database | None = None
    try:
        meta = backup.restore_stream(backup_file, dek, paths.db)
        db = Database.open(paths.db, dek)
        problems = db.integrity_problems()
        if problems:
            raise IntegrityFailure("De database in de back-up is beschadigd.")
        migrations.migrate(db)
        kf_meta = meta.get("keyfile", {})
        keyfile = KeyFile(
            paths.keys,
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
            env.provider.store(keyfile.binding_id, secret)
            workstation_id = secrets.token_hex(8)
            user_repo.set_setting(conn, "workstation_id", workstation_id)
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
            keyfile.save(secret)
        db.checkpoint()
    except BaseException:
        if db is not None:
            db.close()
            db = None
        paths.remove_created()
        raise
    finally:
        if db is not None:
            db.close()
        wipe(dek)
    return {"data_dir": str(data_dir), "users": users}

"""KEY-6 and issue 13: rotating the database key (DEK) and issuing a new recovery key.

The DEK is replaced by ``PRAGMA rekey`` on a copy that takes the database's place by one rename;
every user slot (form 2: the DEK sealed to the user's public key) and the recovery slot are
sealed to the new DEK without anyone's password. A killed rotation is in tests/security/
test_key_rotation_kill.py."""

from __future__ import annotations

import base64
import json
import secrets
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from support.helpers import (
    ADMIN_PW,
    STAFF,
    audit_rows,
    legacy_user_slot,
    populate,
    raw_db,
    recover_dek,
)

from desktop_app.domain.errors import (
    AuthFailed,
    Busy,
    Forbidden,
    IntegrityFailure,
    InvalidState,
)
from desktop_app.domain.roles import Role
from desktop_app.security import kdf, recovery
from desktop_app.security.keyfile import (
    KeyFile,
    KeyStore,
    _canonical,
    _hkdf,
    _open,
    _seal,
)
from desktop_app.services import admin, signing_keys, users
from desktop_app.services.audit import verify_audit
from desktop_app.services.workspace import (
    DB_NAME,
    KEYS_NAME,
    issue_recovery_key,
    open_session,
    rebind_workstation,
    rotate_database_key,
)
from desktop_app.storage.db import Database


def _rotate(ws: Any) -> Any:
    with ws.session("beheer", ADMIN_PW) as s:
        return rotate_database_key(s, s.sign_in_proof())


def _names(ws: Any) -> list[tuple[Any, ...]]:
    with raw_db(ws.root, ws.recovery_key) as db, db.reading() as conn:
        return [tuple(r) for r in conn.execute("SELECT name, full_name FROM users ORDER BY id")]


def test_rotation_replaces_the_dek_and_everyone_keeps_signing_in(workspace: Any) -> None:
    populate(workspace)
    with workspace.session() as s:
        signing_keys.ensure_signing_key(s)
    old_dek = recover_dek(workspace.root, workspace.recovery_key)
    before = _names(workspace)
    result = _rotate(workspace)
    assert result.users == 5 and result.signing_keys == 2 and result.need_new_password == ()

    new_dek = recover_dek(workspace.root, workspace.recovery_key)  # the same recovery key
    assert new_dek != old_dek
    db_file = workspace.root / DB_NAME
    with pytest.raises(IntegrityFailure):
        Database.open(db_file, old_dek)  # KEY-6: the old DEK no longer reads page 1
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db_file).execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert _names(workspace) == before
    for name, (password, _roles, _c) in STAFF.items():
        with open_session(workspace.env, workspace.root, name, password) as s:
            assert s.user.name == name
    with workspace.session() as s:
        assert s.db.integrity_problems() == []
        # The re-wrapped signing key still opens under the new DEK.
        with s.db.transaction() as conn:
            signing_keys.active_signing_key(s, conn, s.clock.now())
        verdict = verify_audit(s)
        assert verdict.ok, verdict
        with s.reading() as conn:
            row = conn.execute(
                "SELECT actor, details FROM audit WHERE action = 'workspace.rekey'"
            ).fetchone()
        assert row[0] == "beheer" and json.loads(row[1])["users"] == 5
    wal = Path(f"{db_file}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert not [p for p in workspace.root.iterdir() if p.name.startswith(".snapshot-")]
    data = json.loads((workspace.root / KEYS_NAME).read_text())
    assert "next" not in data


def test_the_open_session_goes_on_under_the_new_key(workspace: Any) -> None:
    with workspace.session() as s:
        rotate_database_key(s, s.sign_in_proof())
        with s.reading() as conn:
            assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 1
        users.add_user(s, name="nieuw", password="nieuw-wachtwoord-1", roles=[Role.AIVD_OFFICER])
    with open_session(workspace.env, workspace.root, "nieuw", "nieuw-wachtwoord-1") as s:
        assert s.user.name == "nieuw"


def test_rotation_needs_a_fresh_password_and_the_admin(workspace: Any) -> None:
    workspace.add_staff("officier")
    with workspace.session() as s, pytest.raises(AuthFailed):
        rotate_database_key(s, None)
    with workspace.session("officier") as s, pytest.raises(Forbidden):
        rotate_database_key(s, s.sign_in_proof())
    assert "workspace.rekey" not in [r[3] for r in _audit(workspace) if r[5] == "ok"]


def _audit(ws: Any) -> list[tuple[Any, ...]]:
    with raw_db(ws.root, ws.recovery_key) as db:
        return audit_rows(db)


def test_another_open_connection_refuses_and_changes_nothing(workspace: Any) -> None:
    keys_before = (workspace.root / KEYS_NAME).read_bytes()
    with workspace.session() as s, workspace.session() as other:
        with pytest.raises(Busy):
            rotate_database_key(s, s.sign_in_proof())
        assert (workspace.root / KEYS_NAME).read_bytes() == keys_before
        # Both sessions go on working on the unchanged database.
        with other.reading() as conn:
            assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 1
        with s.reading() as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert not [p for p in workspace.root.iterdir() if p.name.startswith(".snapshot-")]
    recover_dek(workspace.root, workspace.recovery_key)


def test_old_slots_are_upgraded_at_sign_in_and_left_out_otherwise(workspace: Any) -> None:
    workspace.add_staff("officier", "tekenaar")
    legacy_user_slot(workspace, "officier", STAFF["officier"][0])
    legacy_user_slot(workspace, "tekenaar", STAFF["tekenaar"][0])
    # officier signs in once: the slot gets form 2 with the same password.
    with workspace.session("officier"):
        pass
    assert _rotate(workspace).need_new_password == ("tekenaar",)
    with workspace.session("officier") as s:
        assert s.user.name == "officier"
    with pytest.raises(AuthFailed):
        workspace.session("tekenaar")


def _legacy_recovery(ws: Any) -> None:
    store = KeyStore(ws.root / KEYS_NAME)
    dek = recover_dek(ws.root, ws.recovery_key)
    with store.locked():
        kf = store.read()
        w = kf.check(ws.env.provider.load(kf.binding_id))
        params = kf.new_slot_params()
        salt = secrets.token_bytes(16)
        kek = kdf.derive(recovery.parse(ws.recovery_key), salt, params)
        kf.data["recovery"] = {
            "salt": base64.b64encode(salt).decode(),
            "kdf": params.as_dict(),
            **_seal(kek, bytes(dek), f"recovery:{kf.workspace_id}".encode()),
        }
        kf.save(w)


def test_a_recovery_slot_of_the_old_form_asks_for_a_new_recovery_key_first(
    workspace: Any,
) -> None:
    _legacy_recovery(workspace)
    recover_dek(workspace.root, workspace.recovery_key)  # form 1 still opens
    keys_before = (workspace.root / KEYS_NAME).read_bytes()
    with workspace.session() as s:
        with pytest.raises(InvalidState, match="nieuwe herstelsleutel"):
            rotate_database_key(s, s.sign_in_proof())
        assert (workspace.root / KEYS_NAME).read_bytes() == keys_before
        # The refused rotation left the sign-in's proof unspent; the new key spent it.
        new_key = issue_recovery_key(s, s.sign_in_proof())
        rotate_database_key(s, s.reauthenticate(ADMIN_PW))
    recover_dek(workspace.root, new_key)


def test_new_recovery_key_replaces_the_old_one(workspace: Any, tmp_path: Path) -> None:
    with workspace.session() as s:
        old_backup = admin.make_backup(s, tmp_path / "oud.backup")["file"]
        new_key = issue_recovery_key(s, s.sign_in_proof())
    assert recovery.parse(new_key) != recovery.parse(workspace.recovery_key)
    with pytest.raises(AuthFailed):
        recover_dek(workspace.root, workspace.recovery_key)
    recover_dek(workspace.root, new_key)
    # The old key rebinds nothing; the new one does.
    with pytest.raises(AuthFailed):
        rebind_workstation(workspace.env, workspace.root, workspace.recovery_key)
    assert rebind_workstation(workspace.env, workspace.root, new_key) == 1
    # A backup made before keeps opening with the key of its day.
    restored = admin.restore_workspace(
        workspace.env,
        Path(old_backup),
        tmp_path / "hersteld",
        admin_name="beheer",
        recovery_key=workspace.recovery_key,
        new_password="hersteld-wachtwoord",
    )
    assert restored["users"] == 1
    actions = [r[3] for r in _audit(type(workspace)(workspace.root, workspace.env, new_key))]
    assert "workspace.recovery_key" in actions


def test_rebind_after_rotation_and_a_backup_restores(workspace: Any, tmp_path: Path) -> None:
    populate(workspace)
    _rotate(workspace)
    assert rebind_workstation(workspace.env, workspace.root, workspace.recovery_key) == 5
    with workspace.session() as s:
        made = admin.make_backup(s, tmp_path / "na.backup")["file"]
    admin.restore_workspace(
        workspace.env,
        Path(made),
        tmp_path / "elders",
        admin_name="beheer",
        recovery_key=workspace.recovery_key,
        new_password="hersteld-wachtwoord",
    )
    with open_session(workspace.env, tmp_path / "elders", "liaison", STAFF["liaison"][0]) as s:
        assert s.user.name == "liaison"


def test_user_slots_seal_the_dek_to_a_public_key(workspace: Any) -> None:
    """Form 2: the slot holds the private key under the password and the DEK sealed to the
    public key; the DEK itself is under no key a rotation would need a password for."""
    kf = KeyFile.load(workspace.root / KEYS_NAME)
    w = kf.check(workspace.env.provider.load(kf.binding_id))
    sid = kf.slot_id(w, "beheer")
    inner = json.loads(_open(_hkdf(w, "keyfile-slot"), kf.data["slots"][sid], kf._outer_aad(sid)))
    assert inner["v"] == 2 and {"pub", "priv", "dek"} <= set(inner)
    assert kf.data["recovery"]["v"] == 2
    assert _canonical(inner)  # serialisable as stored


def test_a_failure_before_the_rename_changes_nothing(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_dek = recover_dek(workspace.root, workspace.recovery_key)
    keys_before = (workspace.root / KEYS_NAME).read_bytes()

    def full(self: KeyFile, w: bytes) -> None:
        raise OSError("schijf vol")

    with workspace.session() as s:
        monkeypatch.setattr(KeyFile, "save", full)
        with pytest.raises(OSError):
            rotate_database_key(s, s.sign_in_proof())
        monkeypatch.undo()
        with s.reading() as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        users.add_user(s, name="later", password="later-wachtwoord-1", roles=[Role.AIVD_OFFICER])
    assert (workspace.root / KEYS_NAME).read_bytes() != keys_before  # the user added after
    assert recover_dek(workspace.root, workspace.recovery_key) == old_dek
    assert not [p for p in workspace.root.iterdir() if p.name.startswith(".snapshot-")]
    with open_session(workspace.env, workspace.root, "later", "later-wachtwoord-1") as s:
        assert s.user.name == "later"

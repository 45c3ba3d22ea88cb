"""Issue 13 review: the key pair slots, rotation and the new recovery key at their edges.

Each test here failed on the code as it was reviewed: a rotation that failed after its rename
(the session kept the old DEK, and the next key-file change dropped the new one), a sign-in by
an account the rotation left out settling an interrupted rotation the wrong way, slots without
an active account receiving the new DEK, and unlimited unaudited guesses at the current
password through the password change."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from support.helpers import ADMIN_PW, REPO, STAFF, legacy_user_slot, recover_dek
from support.kills import file_workspace, kill_when_stalled

from desktop_app.domain.errors import AuthFailed
from desktop_app.domain.roles import Role
from desktop_app.security.keyfile import KeyFile, KeyStore, normalise_name
from desktop_app.services import admin, users
from desktop_app.services.audit import verify_audit
from desktop_app.services.workspace import (
    KEYS_NAME,
    issue_recovery_key,
    open_session,
    rotate_database_key,
)
from desktop_app.storage import rekey
from desktop_app.storage.db import Database

CHILD = REPO / "tests" / "support" / "rekey_child.py"


def _keyfile(ws: Any) -> tuple[KeyFile, bytes]:
    kf = KeyFile.load(ws.root / KEYS_NAME)
    return kf, kf.check(ws.env.provider.load(kf.binding_id))


# --- a rotation that fails after its commit point ------------------------------------------------


def _rotate_with_the_fold_in_failing(
    s: Any, monkeypatch: pytest.MonkeyPatch, proof: Any = None
) -> None:
    """A rotation in session ``s`` (with ``proof``, else the sign-in's) whose second key-file
    save (the fold-in after the rename) fails as on a full disk; later saves work again."""
    real_save = KeyFile.save
    saves = [0]

    def save(self: KeyFile, w: bytes) -> None:
        saves[0] += 1
        if saves[0] == 2:  # the fold-in after the rename
            raise OSError("schijf vol")
        real_save(self, w)

    monkeypatch.setattr(KeyFile, "save", save)
    with pytest.raises(OSError):
        rotate_database_key(s, s.sign_in_proof() if proof is None else proof)
    monkeypatch.undo()


def test_a_failure_after_the_rename_keeps_the_new_key_reachable(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key file cannot be saved once more after the rename (disk full, say): the database
    is under the new DEK and only the staged part of keys.json reaches it. The session must go
    on with the DEK its database now has, and no later key-file change may drop that part."""
    workspace.add_staff("officier")
    with workspace.session() as s:
        _rotate_with_the_fold_in_failing(s, monkeypatch)
        # The session writes through its connection (now on the new DEK) and changes the key
        # file: a new user, a new recovery key.
        users.add_user(s, name="later", password="later-wachtwoord-1", roles=[Role.AIVD_SIGNER])
        # The sign-in's proof went with the rotation (single use): the password again.
        new_key = issue_recovery_key(s, s.reauthenticate(ADMIN_PW))
    data = json.loads((workspace.root / KEYS_NAME).read_text())
    assert "next" not in data
    for name, password in (
        ("officier", STAFF["officier"][0]),
        ("later", "later-wachtwoord-1"),
        ("beheer", ADMIN_PW),
    ):
        with open_session(workspace.env, workspace.root, name, password) as s:
            assert s.user.name == name
    Database.open(workspace.root / "workspace.db", recover_dek(workspace.root, new_key)).close()
    with workspace.session() as s:
        assert verify_audit(s).ok


def test_a_failure_after_the_rename_spends_the_proof(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the rename the database is under the new key, whatever failed after it: the
    rotation happened, so the proof it took is spent (single use)."""
    with workspace.session() as s:
        proof = s.reauthenticate(ADMIN_PW)
        _rotate_with_the_fold_in_failing(s, monkeypatch, proof)
        with pytest.raises(AuthFailed, match="al gebruikt"):
            rotate_database_key(s, proof)


def test_a_backup_right_after_such_a_failure_restores(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """In the same state (the rotation's fold-in not saved), a backup seals the database under
    the DEK in force: its header's recovery slot must yield that DEK, not the one before."""
    with workspace.session() as s:
        _rotate_with_the_fold_in_failing(s, monkeypatch)
        made = Path(admin.make_backup(s, tmp_path / "na.backup")["file"])
    admin.verify_backup_with_recovery_key(made, workspace.recovery_key)
    admin.restore_workspace(
        workspace.env,
        made,
        tmp_path / "hersteld",
        admin_name="beheer",
        recovery_key=workspace.recovery_key,
        new_password="hersteld-wachtwoord",
    )
    with open_session(workspace.env, tmp_path / "hersteld", "beheer", "hersteld-wachtwoord") as s:
        assert s.user.name == "beheer"


# --- an interrupted rotation settled by an account it left out ------------------------------------


def test_an_account_left_out_of_a_killed_rotation_does_not_settle_it(tmp_path: Path) -> None:
    """Killed after the rename, before the key file was folded in; the first to sign in is an
    account whose slot (form 1) the rotation could not reach, so it has no staged slot. That
    sign-in cannot tell which DEK is in force from its own slot: it must leave the staged part
    for the next person, not drop it (that would leave no key that opens the database)."""
    ws = file_workspace(tmp_path)
    root = ws.root
    legacy_user_slot(ws, "officier", STAFF["officier"][0])
    kill_when_stalled(CHILD, str(root), str(ws.provider.folder), "replaced", stdin=ADMIN_PW + "\n")

    with pytest.raises(AuthFailed):
        ws.session("officier", STAFF["officier"][0])
    assert "next" in json.loads((root / KEYS_NAME).read_text())
    with ws.session() as s:
        assert verify_audit(s).ok
        with s.reading() as conn:
            assert conn.execute(
                "SELECT count(*) FROM audit WHERE action = 'workspace.rekey'"
            ).fetchone() == (1,)
    for name in ("tekenaar", "liaison", "inspecteur"):
        with ws.session(name, STAFF[name][0]) as s:
            assert s.user.name == name
    recover_dek(root, ws.recovery_key)


# --- slots without an active account -------------------------------------------------------------


def test_rotation_seals_the_new_key_only_to_active_accounts(workspace: Any) -> None:
    """A slot whose account is gone or deactivated (a user add whose COMMIT failed after the
    key file was saved, a key file read after the backup's snapshot): its password opens the
    old DEK outside the application. A rotation is how access is cut off, so it must not hand
    such a slot the new DEK."""
    workspace.add_staff("officier")
    with workspace.session() as s:
        users.deactivate_user(s, "officier")
    dek = recover_dek(workspace.root, workspace.recovery_key)
    store = KeyStore(workspace.root / KEYS_NAME)
    with store.locked():
        kf, w = _keyfile(workspace)
        kf.set_user(w, dek, "spook", "spook-wachtwoord-1")
        kf.set_user(w, dek, "officier", "terug-wachtwoord-1")
        kf.save(w)
    result = rotate_database_key_as_admin(workspace)
    assert result.users == 1 and result.need_new_password == ()
    now = workspace.env.clock.now()
    new_dek = recover_dek(workspace.root, workspace.recovery_key)
    for name, password in (("spook", "spook-wachtwoord-1"), ("officier", "terug-wachtwoord-1")):
        kf, w = _keyfile(workspace)
        assert not kf.has_user(w, name)
        assert normalise_name(name) not in kf.read_escrow(new_dek)
        # As someone holding the key file and W would try it, outside the application.
        with pytest.raises(AuthFailed):
            kf.unlock(w, name, password, now)
    with workspace.session() as s:
        assert s.user.name == "beheer"


def rotate_database_key_as_admin(ws: Any) -> Any:
    with ws.session() as s:
        return rotate_database_key(s, s.sign_in_proof())


# --- the re-keyed copy on disk -------------------------------------------------------------------


def test_the_copy_for_the_rotation_is_private_from_its_first_byte(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the umask of the process that embeds the services (the entry points set 077,
    a script need not): the copy and its side files are 0600 while the rotation works on them,
    not only after a chmod."""
    from desktop_app.services import workspace as workspace_service

    seen: dict[str, int] = {}
    real_append = workspace_service.audit.append

    def append(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("action") == "workspace.rekey":
            for path in workspace.root.iterdir():
                if path.name.startswith(".snapshot-"):
                    seen[path.name] = stat.S_IMODE(path.stat().st_mode)
        return real_append(*args, **kwargs)

    monkeypatch.setattr(workspace_service.audit, "append", append)
    monkeypatch.setattr(rekey, "restrict", lambda path: None, raising=False)
    previous = os.umask(0o022)
    try:
        rotate_database_key_as_admin(workspace)
    finally:
        os.umask(previous)
    assert seen and set(seen.values()) == {0o600}, seen
    assert not [p for p in workspace.root.iterdir() if p.name.startswith(".snapshot-")]

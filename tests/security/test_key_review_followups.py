"""Issue 13, the security review's recommendations on key handling, one test (or a few) each:
a new recovery key cuts off the old one, backup verify audits its refusals and trusts no
unauthenticated header field, a re-authentication lockout ends the session, a failed rename
during a rotation leaves the session usable, and more."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support.helpers import ADMIN_PW

from desktop_app.domain.errors import AuthFailed, IntegrityFailure
from desktop_app.domain.roles import Role
from desktop_app.security import recovery
from desktop_app.security.keyfile import recover_dek
from desktop_app.services import admin
from desktop_app.services.audit import verify_audit
from desktop_app.services.workspace import (
    DB_NAME,
    KEYS_NAME,
    issue_recovery_key,
    open_session,
)
from desktop_app.storage import backup
from desktop_app.storage.db import Database


def _actions(ws: Any) -> list[str]:
    with ws.session() as s, s.reading() as conn:
        return [r[0] for r in conn.execute("SELECT action FROM audit ORDER BY seq")]


# --- 1. a new recovery key cuts off the old one ---------------------------------------------------


def _backup_keyfile_recovery(path: Path) -> dict[str, Any]:
    """The recovery slot an old backup carries (its header's; the meta's is the same)."""
    header = backup.open_backup(path)
    assert isinstance(header["recovery"], dict)
    return header


def test_a_new_recovery_key_leaves_the_old_one_nothing_current(
    workspace: Any, tmp_path: Path
) -> None:
    """Whoever holds an older backup and the old recovery key gets that backup's DEK: it must
    not open the live database after a new recovery key was issued (the DEK is rotated with
    it), while the old backup itself keeps opening with the key of its day."""
    old_key = workspace.recovery_key
    with workspace.session() as s:
        old = Path(admin.make_backup(s, tmp_path / "oud.backup")["file"])
        new_key = issue_recovery_key(s, s.sign_in_proof())
        # The open session goes on with the database under its new key.
        assert s.user.name == "beheer"
        assert verify_audit(s).ok
    header = _backup_keyfile_recovery(old)
    old_dek = recover_dek(header["recovery"], recovery.parse(old_key), header["workspace_id"])
    with pytest.raises(IntegrityFailure):
        Database.open(workspace.root / DB_NAME, old_dek).close()
    new_dek = recover_dek(
        json.loads((workspace.root / KEYS_NAME).read_text())["recovery"],
        recovery.parse(new_key),
        header["workspace_id"],
    )
    assert new_dek != old_dek
    Database.open(workspace.root / DB_NAME, new_dek).close()
    # The old backup: opens with the old key, not with the new one.
    admin.verify_backup_with_recovery_key(old, old_key)
    with pytest.raises(AuthFailed):
        admin.verify_backup_with_recovery_key(old, new_key)
    with open_session(workspace.env, workspace.root, "beheer", ADMIN_PW) as s:
        assert s.user.name == "beheer"
    actions = _actions(type(workspace)(workspace.root, workspace.env, new_key))
    # Audited once, as what it is: a new recovery key (which rotated the DEK with it).
    assert actions.count("workspace.recovery_key") == 1
    assert "workspace.rekey" not in actions


# --- 2. backup verify: its refusals audited, its header trusted no further than proven ----------


def _verify_entries(ws: Any) -> list[tuple[str, dict[str, Any]]]:
    with ws.session() as s, s.reading() as conn:
        rows = conn.execute(
            "SELECT result, details FROM audit WHERE action = 'workspace.backup_verify' "
            "ORDER BY seq"
        ).fetchall()
    return [(str(r[0]), json.loads(r[1] or "{}")) for r in rows]


def test_backup_verify_audits_its_refusals(workspace: Any, tmp_path: Path, env: Any) -> None:
    """docs/security.md: audited "also when it fails" — the refusals (exit 2) too: a missing
    file, another workspace's backup, one made under an earlier DEK."""
    from desktop_app.domain.errors import InvalidInput
    from desktop_app.services.workspace import init_workspace

    other = init_workspace(
        env, tmp_path / "ander", admin_name="beheer", admin_password=ADMIN_PW, kdf_profile="test"
    )
    with open_session(env, other.data_dir, "beheer", ADMIN_PW) as s:
        foreign = Path(admin.make_backup(s, tmp_path / "ander.backup")["file"])
    with workspace.session() as s:
        earlier = Path(admin.make_backup(s, tmp_path / "eerder.backup")["file"])
        new_key = issue_recovery_key(s, s.sign_in_proof())
        for path in (tmp_path / "geen.backup", foreign, earlier):
            with pytest.raises(InvalidInput):
                admin.verify_backup(s, path)
    ws = type(workspace)(workspace.root, workspace.env, new_key)
    entries = _verify_entries(ws)
    assert [r for r, _ in entries] == ["failed"] * 3
    assert {d["code"] for _, d in entries} == {"invalid_input"}
    assert [d["reason"] for _, d in entries] == ["unreadable", "other_workspace", "earlier_key"]
    assert entries[2][1]["sha256"]


def _with_header(source: Path, target: Path, change: Any) -> Path:
    data = source.read_bytes()
    start = len(backup.MAGIC)
    length = int.from_bytes(data[start : start + 4], "big")
    header = json.loads(data[start + 4 : start + 4 + length])
    change(header)
    raw = json.dumps(header, sort_keys=True).encode()
    target.write_bytes(
        data[:start] + len(raw).to_bytes(4, "big") + raw + data[start + 4 + length :]
    )
    return target


def test_a_tampered_key_check_reads_as_damaged(workspace: Any, tmp_path: Path) -> None:
    """The header's ``key_check`` is not covered by anything the session can check before the
    chunks: changed, it made a backup of today read as "made under an earlier key" (exit 2,
    go and find an old recovery key) instead of damaged (exit 4)."""
    with workspace.session() as s:
        made = Path(admin.make_backup(s, tmp_path / "w.backup")["file"])

        def tamper(header: dict[str, Any]) -> None:
            header["key_check"] = "0" * 32

        forged = _with_header(made, tmp_path / "vervalst.backup", tamper)
        with pytest.raises(IntegrityFailure):
            admin.verify_backup(s, forged)
        admin.verify_backup(s, made)
    results = [r for r, _ in _verify_entries(workspace)]
    assert results == ["failed", "ok"]


def test_a_backup_under_an_earlier_key_is_still_named_so(workspace: Any, tmp_path: Path) -> None:
    from desktop_app.domain.errors import InvalidInput

    with workspace.session() as s:
        earlier = Path(admin.make_backup(s, tmp_path / "eerder.backup")["file"])
        from desktop_app.services.workspace import rotate_database_key

        rotate_database_key(s, s.sign_in_proof())
        # A copy under another name is the same file: the trail recorded its SHA-256.
        copy = tmp_path / "kopie.backup"
        copy.write_bytes(earlier.read_bytes())
        for path in (earlier, copy):
            with pytest.raises(InvalidInput, match="vervanging van de databasesleutel"):
                admin.verify_backup(s, path)


def test_a_backup_header_may_not_demand_more_argon2_than_the_application_uses(
    workspace: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crafted header asking Argon2id for 4 GiB (or t=50, p=16) is refused before any
    derivation, as damaged (exit 4), with a sentence: never 4 GiB allocated for a file."""
    from desktop_app.security import kdf

    with workspace.session() as s:
        made = Path(admin.make_backup(s, tmp_path / "w.backup")["file"])
    heaviest = {
        "t": max(p.time_cost for p in kdf.PROFILES.values()),
        "m": max(p.memory_kib for p in kdf.PROFILES.values()),
        "p": max(p.parallelism for p in kdf.PROFILES.values()),
    }
    derived: list[Any] = []

    def derive(secret: bytes, salt: bytes, params: Any) -> bytes:
        derived.append(params)
        raise AssertionError("no derivation for a header that demands too much")

    monkeypatch.setattr(kdf, "derive", derive)
    for field, value in (("m", 4 * 1024 * 1024), ("t", 50), ("p", 16)):
        assert value > heaviest[field]

        def heavy(header: dict[str, Any], field: str = field, value: int = value) -> None:
            header["recovery"]["kdf"][field] = value

        crafted = _with_header(made, tmp_path / f"zwaar-{field}.backup", heavy)
        with pytest.raises(IntegrityFailure, match="sleutelafleiding"):
            admin.verify_backup_with_recovery_key(crafted, workspace.recovery_key)
        with pytest.raises(IntegrityFailure, match="sleutelafleiding"):
            admin.restore_workspace(
                workspace.env,
                crafted,
                tmp_path / f"hersteld-{field}",
                admin_name="beheer",
                recovery_key=workspace.recovery_key,
                new_password="hersteld-wachtwoord",
            )
    assert derived == []


# --- 3. the third wrong password at a re-authentication ends the session -------------------------


def test_reauth_lockout_closes_the_service_session(workspace: Any, cli: Any) -> None:
    """The third wrong password asked again locks the account; the session it was asked in
    must end with it (not only the window that happens to show it): whatever still holds the
    Session object (a script, a worker thread, the CLI's own use of services) gets
    SessionLocked, and the DEK it held is gone."""
    from support.helpers import STAFF

    from desktop_app.domain.errors import AccountLocked, SessionLocked
    from desktop_app.services import users

    workspace.add_staff("officier")
    s = workspace.session("officier", STAFF["officier"][0])
    try:
        for _attempt in range(2):
            with pytest.raises(AuthFailed):
                s.reauthenticate("geraden-wachtwoord")
        assert s.is_open  # two wrong ones: still usable
        s.check_proof(s.reauthenticate(STAFF["officier"][0]), "het ondertekenen")
        for _attempt in range(2):
            with pytest.raises(AuthFailed):
                s.reauthenticate("geraden-wachtwoord")
        with pytest.raises(AccountLocked):
            s.reauthenticate("nog-een-gok-123")
        assert not s.is_open
        with pytest.raises(SessionLocked):
            _ = s.dek
        with pytest.raises(SessionLocked):
            users.list_users(s)
        with pytest.raises(SessionLocked):
            s.reauthenticate(STAFF["officier"][0])
        with pytest.raises(SessionLocked), s.transaction("test.probe"):
            pass
    finally:
        s.close()
    # The way the CLI uses the services: a sign-in per call, refused for the locked account.
    refused = cli(
        "--json",
        "--data-dir",
        str(workspace.root),
        "--password-stdin",
        "--user",
        "officier",
        "user",
        "list",
        stdin=STAFF["officier"][0] + "\n",
    )
    assert refused.code == 3 and refused.json["error"]["code"] == "locked"
    with workspace.session() as admin_session, admin_session.reading() as conn:
        rows = conn.execute(
            "SELECT action, result FROM audit WHERE actor = 'officier' AND action IN "
            "('session.reauthenticate', 'session.close') ORDER BY seq"
        ).fetchall()
    assert [tuple(r) for r in rows][-2:] == [
        ("session.reauthenticate", "locked"),
        ("session.close", "ok"),
    ]


# --- 4. the rename of a rotation fails -----------------------------------------------------------


def test_a_failed_rename_during_rekey_leaves_the_session_usable(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The commit point of a rotation is one ``os.replace``; when it fails (a Windows virus
    scanner holding the file, EXDEV on an odd mount) the live database was already detached.
    The session must come back on it with the old DEK: usable, nothing lost, and the next
    sign-in finds the key file as it was."""
    from desktop_app.services import users
    from desktop_app.services.workspace import rotate_database_key
    from desktop_app.storage import rekey as rekey_store

    db_path = workspace.root / DB_NAME
    old_dek = recover_dek(
        json.loads((workspace.root / KEYS_NAME).read_text())["recovery"],
        recovery.parse(workspace.recovery_key),
        json.loads((workspace.root / KEYS_NAME).read_text())["workspace_id"],
    )
    real_replace = rekey_store.os.replace

    def replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        if Path(dst) == db_path:
            raise PermissionError("in gebruik door een ander programma")
        real_replace(src, dst, *args, **kwargs)

    with workspace.session() as s:
        monkeypatch.setattr(rekey_store.os, "replace", replace)
        with pytest.raises(OSError):
            rotate_database_key(s, s.sign_in_proof())
        monkeypatch.undo()
        assert s.is_open
        users.add_user(s, name="later", password="later-wachtwoord-1", roles=[Role.AIVD_SIGNER])
        assert "later" in [u.record.name for u in users.list_users(s)]
        assert verify_audit(s).ok
    assert "next" not in json.loads((workspace.root / KEYS_NAME).read_text())
    assert not [p for p in workspace.root.iterdir() if p.name.startswith(".snapshot-")]
    Database.open(db_path, old_dek).close()
    with open_session(workspace.env, workspace.root, "later", "later-wachtwoord-1") as s:
        assert s.user.name == "later"
    # And the rotation works once the file is free again.
    with workspace.session() as s:
        rotate_database_key(s, s.sign_in_proof())
    with pytest.raises(IntegrityFailure):
        Database.open(db_path, old_dek).close()


# --- a new recovery key killed midway, then the keyring lost too ---------------------------------


def test_rebind_with_the_old_key_after_a_killed_new_recovery_key(workspace: Any) -> None:
    """A new recovery key is a rotation: killed after staging, before the rename, the staged
    recovery slot is for a key nobody was shown yet. The database is still under the old DEK,
    so a rebind with the old recovery key (the keyring lost as well) must settle it, not fail
    on the staged slot it cannot open."""
    from desktop_app.security.keyfile import KeyStore, new_dek, normalise_name
    from desktop_app.services.workspace import rebind_workstation
    from desktop_app.storage import users as user_repo

    store = KeyStore(workspace.root / KEYS_NAME)
    with workspace.session() as s, store.locked():
        keyfile, secret = s.checked_keyfile()
        with s.reading() as conn:
            active = {normalise_name(u.name) for u in user_repo.all_users(conn) if u.active}
        keyfile.stage_rotation(
            secret, s.dek, new_dek(), active, recovery_raw=recovery.parse(recovery.generate())
        )
        keyfile.save(secret)  # what a run killed at "staged" leaves
    assert "next" in json.loads((workspace.root / KEYS_NAME).read_text())
    assert rebind_workstation(workspace.env, workspace.root, workspace.recovery_key) == 1
    assert "next" not in json.loads((workspace.root / KEYS_NAME).read_text())
    with workspace.session() as s:
        assert verify_audit(s).ok


@pytest.mark.parametrize(("stall", "rotated"), [("staged", False), ("replaced", True)])
def test_a_new_recovery_key_killed_midway_leaves_one_key_in_force(
    tmp_path: Path, stall: str, rotated: bool
) -> None:
    """SIGKILL inside ``new-recovery-key`` (a rotation): before the rename the old DEK and the
    old recovery key stay in force (a rebind with it settles the key file even without the
    keyring); after it the new DEK is (the key was never shown: the administrator issues
    another, and the old key opens nothing current either way)."""
    from support.helpers import REPO, STAFF
    from support.kills import file_workspace, kill_when_stalled

    from desktop_app.services.workspace import rebind_workstation

    ws = file_workspace(tmp_path)
    env, root, recovery_key = ws.env, ws.root, ws.recovery_key
    old_dek = recover_dek(
        json.loads((root / KEYS_NAME).read_text())["recovery"],
        recovery.parse(recovery_key),
        json.loads((root / KEYS_NAME).read_text())["workspace_id"],
    )
    child = REPO / "tests" / "support" / "rekey_child.py"
    kill_when_stalled(
        child, str(root), str(ws.provider.folder), stall, "recovery", stdin=ADMIN_PW + "\n"
    )
    if not rotated:
        # The keyring lost as well: the old recovery key alone settles it.
        assert rebind_workstation(env, root, recovery_key) == 5
    for name, (password, _roles, _c) in STAFF.items():
        with ws.session(name, password) as s:
            assert s.user.name == name
    assert "next" not in json.loads((root / KEYS_NAME).read_text())
    with ws.session() as s:
        assert verify_audit(s).ok
        with s.reading() as conn:
            entries = conn.execute(
                "SELECT count(*) FROM audit WHERE action = 'workspace.recovery_key'"
            ).fetchone()[0]
    assert entries == (1 if rotated else 0)
    opens_old = True
    try:
        Database.open(root / DB_NAME, old_dek).close()
    except IntegrityFailure:
        opens_old = False
    assert opens_old is not rotated
    if rotated:
        with pytest.raises(AuthFailed):
            rebind_workstation(env, root, recovery_key)

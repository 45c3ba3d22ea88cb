"""CRASH-6: backup -> restore on a fresh machine profile with only the recovery key; damaged
backups are refused and leave nothing behind."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support.file_keyring import FileSecretProvider
from support.helpers import (
    ADMIN_PW,
    REPO,
    STAFF,
    audit_rows,
    populate,
    raw_db,
    sha256_file,
    table_dump,
)
from support.kills import kill_when_stalled

from desktop_app.domain.errors import (
    AuthFailed,
    IntegrityFailure,
    InvalidInput,
    NotFound,
    WrongWorkstation,
)
from desktop_app.domain.roles import Role
from desktop_app.security import recovery
from desktop_app.security.keyfile import KeyFile
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services import admin, users
from desktop_app.services import audit as audit_service
from desktop_app.services import session as session_mod
from desktop_app.services.audit import verify_audit
from desktop_app.services.session import Environment
from desktop_app.services.workspace import KEYS_NAME, init_workspace, open_session
from desktop_app.storage import backup as backup_mod

NEW_PW = "hersteld-wachtwoord"


def _fresh(clock: Any) -> Environment:
    """Another machine: its own, empty keyring."""
    return Environment(provider=MemorySecretProvider(), clock=clock, origin="test")


@pytest.fixture
def backed_up(workspace: Any, tmp_path: Path) -> tuple[Any, Path]:
    populate(workspace)
    with workspace.session("beheer", ADMIN_PW) as s:
        users.add_user(
            s,
            name="groot",
            password="groot-wachtwoord-1",
            roles=[Role.AIVD_OFFICER],
            full_name="Ç. Groß – 中文 " + "x" * 150,
        )
        result = admin.make_backup(s, tmp_path / "werkplek.backup")
    assert Path(result["file"]).is_file()
    return workspace, Path(result["file"])


def _snapshot(root: Path, recovery_key: str) -> dict[str, Any]:
    with raw_db(root, recovery_key) as db:
        settings = [r for r in table_dump(db, "settings", "key") if r[0] != "workstation_id"]
        return {
            "settings": settings,
            "users": table_dump(db, "users", "id"),
            "user_roles": table_dump(db, "user_roles", "user_id, role"),
            "designations": table_dump(db, "designations", "id"),
            "audit": audit_rows(db),
            "problems": db.integrity_problems(),
        }


def test_crash6_round_trip_on_a_new_machine(
    backed_up: tuple[Any, Path], tmp_path: Path, clock: Any
) -> None:
    ws, backup_file = backed_up
    source = _snapshot(ws.root, ws.recovery_key)
    backup_entry_count = len(source["audit"])
    env = _fresh(clock)
    target = tmp_path / "nieuwe-machine" / "werkplek"
    result = _restore_with(env, ws, backup_file, target)
    assert result == {"data_dir": str(target), "users": 1 + len(STAFF) + 1}
    restored = _snapshot(target, ws.recovery_key)
    assert restored["problems"] == [] and source["problems"] == []
    for table in ("settings", "users", "user_roles", "designations"):
        assert restored[table] == source[table], table
    # The backup was taken before its own audit entry and the session close were written.
    backed = restored["audit"][: backup_entry_count - 2]
    assert backed == source["audit"][: backup_entry_count - 2]
    assert [r[3] for r in restored["audit"][len(backed) :]] == ["workspace.restore"]
    with open_session(env, target, "beheer", NEW_PW) as s:
        assert verify_audit(s).ok
    with pytest.raises(AuthFailed):
        open_session(env, target, "beheer", ADMIN_PW)
    for name, (pw, _, _) in STAFF.items():
        with open_session(env, target, name, pw) as s:
            assert s.user.name == name
    # The restored workspace is bound to the new machine only.
    with pytest.raises(WrongWorkstation):
        open_session(ws.env, target, "beheer", NEW_PW)
    # The source still works on its own machine.
    with ws.session("beheer", ADMIN_PW):
        pass


def test_crash6_backup_file_reveals_nothing(backed_up: tuple[Any, Path]) -> None:
    _, backup_file = backed_up
    data = backup_file.read_bytes()
    header = backup_mod.open_backup(backup_file)
    assert set(header) >= {"workspace_id", "created", "recovery", "format", "salt"}
    for needle in ("groot", "Testpersoon", "HD-IND", "inspecteur", ADMIN_PW):
        assert needle.encode() not in data


def _assert_nothing_left(target: Path) -> None:
    assert not target.exists() or list(target.iterdir()) == []


def _assert_refused(
    expected: type[Exception] | tuple[type[Exception], ...],
    ws: Any,
    backup_file: Path,
    target: Path,
    clock: Any,
    recovery_key: str | None = None,
) -> None:
    """The restore raises ``expected`` and leaves nothing behind in ``target``."""
    with pytest.raises(expected):
        _restore(ws, backup_file, target, clock, recovery_key)
    _assert_nothing_left(target)


def _restore_with(
    env: Environment,
    ws: Any,
    backup_file: Path,
    target: Path,
    *,
    admin_name: str = "beheer",
    recovery_key: str | None = None,
) -> dict[str, Any]:
    """``ws``'s backup restored on ``env`` into ``target``, the administrator choosing NEW_PW."""
    return admin.restore_workspace(
        env,
        backup_file,
        target,
        admin_name=admin_name,
        recovery_key=recovery_key or ws.recovery_key,
        new_password=NEW_PW,
    )


def _restore(
    ws: Any, backup_file: Path, target: Path, clock: Any, recovery_key: str | None = None
) -> Environment:
    env = _fresh(clock)
    _restore_with(env, ws, backup_file, target, recovery_key=recovery_key)
    return env


@pytest.mark.parametrize("cut", ["header", "first_chunk", "last_byte", "last_tag", "half"])
def test_crash6_truncated_backup_is_refused(
    backed_up: tuple[Any, Path], tmp_path: Path, clock: Any, cut: str
) -> None:
    ws, backup_file = backed_up
    data = backup_file.read_bytes()
    header_end = (
        len(backup_mod.MAGIC) + 4 + int.from_bytes(data[len(backup_mod.MAGIC) :][:4], "big")
    )
    length = {
        "header": header_end - 10,
        "first_chunk": header_end + 100,
        "last_byte": len(data) - 1,
        "last_tag": len(data) - 16,
        "half": len(data) // 2,
    }[cut]
    damaged = tmp_path / "kapot.backup"
    damaged.write_bytes(data[:length])
    target = tmp_path / "doel"
    _assert_refused(IntegrityFailure, ws, damaged, target, clock)


def test_crash6_appended_garbage_is_refused(
    backed_up: tuple[Any, Path], tmp_path: Path, clock: Any
) -> None:
    ws, backup_file = backed_up
    damaged = tmp_path / "lang.backup"
    damaged.write_bytes(backup_file.read_bytes() + os.urandom(40))
    _assert_refused(IntegrityFailure, ws, damaged, tmp_path / "doel", clock)


def test_crash6_bit_flips_are_refused(
    backed_up: tuple[Any, Path], tmp_path: Path, clock: Any
) -> None:
    ws, backup_file = backed_up
    data = backup_file.read_bytes()
    header_start = len(backup_mod.MAGIC) + 4
    header_end = header_start + int.from_bytes(data[len(backup_mod.MAGIC) : header_start], "big")
    header_bytes = data[header_start:header_end]
    created_at = header_start + header_bytes.index(b'"created"') + 14
    offsets = {
        "magic": 2,
        "created": created_at,
        "first_chunk": header_end + 200,
        "middle": len(data) // 2,
        "last": len(data) - 3,
    }
    for name, offset in offsets.items():
        damaged = tmp_path / f"{name}.backup"
        flipped = bytearray(data)
        flipped[offset] ^= 0x04
        damaged.write_bytes(bytes(flipped))
        target = tmp_path / f"doel-{name}"
        _assert_refused(IntegrityFailure, ws, damaged, target, clock)
    # A flip inside the recovery box of the header cannot be told from a wrong key (AES-GCM):
    # it is refused either way.
    header = json.loads(header_bytes)
    ct = header["recovery"]["ct"].encode()
    pos = data.index(ct) + 5
    flipped = bytearray(data)
    flipped[pos] = ord("A") if flipped[pos] != ord("A") else ord("B")
    damaged = tmp_path / "recovery.backup"
    damaged.write_bytes(bytes(flipped))
    _assert_refused((IntegrityFailure, AuthFailed), ws, damaged, tmp_path / "doel-rec", clock)


def test_crash6_wrong_recovery_key_and_bad_requests(
    backed_up: tuple[Any, Path], tmp_path: Path, clock: Any
) -> None:
    ws, backup_file = backed_up
    target = tmp_path / "doel"
    _assert_refused(AuthFailed, ws, backup_file, target, clock, recovery_key=recovery.generate())
    with pytest.raises(InvalidInput):
        _restore(ws, backup_file, target, clock, recovery_key="te-kort")
    with pytest.raises(NotFound):
        _restore(ws, tmp_path / "bestaat-niet.backup", target, clock)
    env = _fresh(clock)
    with pytest.raises(InvalidInput):  # not an administrator in the backup
        _restore_with(env, ws, backup_file, target, admin_name="officier")
    _assert_nothing_left(target)
    with pytest.raises(InvalidInput):  # never over an existing workspace
        _restore_with(env, ws, backup_file, ws.root)
    with ws.session("beheer", ADMIN_PW):
        pass


def test_crash6_backup_refuses_to_overwrite(backed_up: tuple[Any, Path], tmp_path: Path) -> None:
    ws, backup_file = backed_up
    digest = sha256_file(backup_file)
    with ws.session("beheer", ADMIN_PW) as s:
        with pytest.raises(InvalidInput):
            admin.make_backup(s, backup_file)
        with pytest.raises(InvalidInput):
            admin.make_backup(s, tmp_path / "geen-map" / "b.backup")
    assert sha256_file(backup_file) == digest
    leftovers = [p.name for p in ws.root.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_crash6_restore_of_a_copied_backup_elsewhere(
    backed_up: tuple[Any, Path], tmp_path: Path, clock: Any
) -> None:
    ws, backup_file = backed_up
    moved = tmp_path / "usb" / "kopie.backup"
    moved.parent.mkdir()
    shutil.copy(backup_file, moved)
    env = _restore(ws, moved, tmp_path / "elders", clock)
    with open_session(env, tmp_path / "elders", "officier", STAFF["officier"][0]) as s:
        assert s.user.name == "officier"


# --- Killed or failed midway: nothing is left that looks real, and the next run cleans up -------

CHILD = REPO / "tests" / "support" / "backup_child.py"


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _file_env(tmp_path: Path, clock: Any) -> tuple[Environment, FileSecretProvider]:
    provider = FileSecretProvider(tmp_path / "keyring")
    return Environment(provider=provider, clock=clock, origin="test"), provider


@pytest.mark.parametrize("stall", ["stream", "stored", "move"])
def test_killed_restore_leaves_no_workspace_and_a_retry_works(
    backed_up: tuple[Any, Path], tmp_path: Path, clock: Any, stall: str
) -> None:
    ws, backup_file = backed_up
    env, provider = _file_env(tmp_path, clock)
    parent = tmp_path / "nieuw"
    target = parent / "werkplek"
    kill_when_stalled(
        CHILD,
        "restore",
        str(backup_file),
        str(target),
        str(provider.folder),
        stall,
        stdin=f"{ws.recovery_key}\n{NEW_PW}\n",
    )
    # Killed: no workspace (not even a database without key file), no empty folder on the way
    # to it, at most one hidden temp folder (in the nearest folder that existed) and at most
    # the one keyring entry that folder names.
    assert not target.exists()
    assert not parent.exists()
    parent = tmp_path
    leftovers = [n for n in _hidden(parent) if n.startswith(admin.RESTORE_PREFIX)]
    assert len(leftovers) <= 1 and all(n.startswith(admin.RESTORE_PREFIX) for n in leftovers)
    assert len(provider.entries()) <= (1 if stall != "stream" else 0)
    # The temp folder is no workspace: it has no keys.json until the very last step.
    for name in leftovers:
        if stall != "move":
            assert not (parent / name / KEYS_NAME).exists()
    # The retry (same target) works and removes what the killed run left, keyring entry too.
    _restore_with(env, ws, backup_file, target)
    assert [n for n in _hidden(parent) if n.startswith(admin.RESTORE_PREFIX)] == []
    binding = KeyFile.load(target / KEYS_NAME).binding_id
    assert provider.entries() == {binding}
    with open_session(env, target, "beheer", NEW_PW) as s:
        assert verify_audit(s).ok


def test_failed_restore_removes_its_folders_and_keyring_entry(
    backed_up: tuple[Any, Path], tmp_path: Path, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, backup_file = backed_up
    env, provider = _file_env(tmp_path, clock)
    target = tmp_path / "a" / "b" / "werkplek"

    def refuse(work: Path, target: Path) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr(admin, "_move_into_place", refuse)
    with pytest.raises(OSError):
        _restore_with(env, ws, backup_file, target)
    # Not even the parents it created remain, and the keyring entry it stored is gone.
    assert not (tmp_path / "a").exists()
    assert provider.entries() == set()


def test_restore_into_an_empty_folder_but_never_a_full_one(
    backed_up: tuple[Any, Path], tmp_path: Path, clock: Any
) -> None:
    ws, backup_file = backed_up
    env, provider = _file_env(tmp_path, clock)
    empty = tmp_path / "leeg"
    empty.mkdir(mode=0o755)
    _restore_with(env, ws, backup_file, empty)
    assert (empty / KEYS_NAME).is_file() and stat.S_IMODE(empty.stat().st_mode) == 0o700
    full = tmp_path / "vol"
    full.mkdir()
    (full / "notitie.txt").write_text("van iemand anders")
    with pytest.raises(InvalidInput):
        _restore_with(env, ws, backup_file, full)
    assert [p.name for p in full.iterdir()] == ["notitie.txt"]
    assert _hidden(tmp_path) == []
    assert len(provider.entries()) == 1


def test_stale_restore_folders_of_live_processes_are_left_alone(tmp_path: Path, clock: Any) -> None:
    _, provider = _file_env(tmp_path, clock)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    parent = tmp_path / "p"
    parent.mkdir()
    for pid, binding in ((dead.pid, "a" * 32), (os.getpid(), "b" * 32)):
        folder = parent / f"{admin.RESTORE_PREFIX}{pid}-{'0' * 12}"
        folder.mkdir()
        (folder / admin.PENDING_KEYS).write_text(
            json.dumps({"binding_id": binding, "keyring_backend": provider.backend_name})
        )
        provider.store(binding, b"\x01" * 32)
    assert admin.remove_stale_restores(parent, provider) == 1
    assert _hidden(parent) == [f"{admin.RESTORE_PREFIX}{os.getpid()}-{'0' * 12}"]
    assert provider.entries() == {"b" * 32}


@pytest.fixture
def file_ws(tmp_path: Path, clock: Any) -> tuple[Path, Environment]:
    env, _ = _file_env(tmp_path, clock)
    root = tmp_path / "ws-file"
    init_workspace(env, root, admin_name="beheer", admin_password=ADMIN_PW, kdf_profile="test")
    return root, env


@pytest.mark.parametrize("stall", ["chunk", "commit"])
def test_killed_backup_leaves_nothing_after_the_next_backup(
    file_ws: tuple[Path, Environment], tmp_path: Path, stall: str
) -> None:
    root, env = file_ws
    out = tmp_path / "usb"
    out.mkdir()
    target = out / "eerste.backup"
    kill_when_stalled(
        CHILD,
        "backup",
        str(root),
        str(tmp_path / "keyring"),
        str(target),
        stall,
        stdin=f"{ADMIN_PW}\n",
    )
    assert not target.exists()  # never under its name before (or without) its audit entry
    with open_session(env, root, "beheer", ADMIN_PW) as s:
        entries = [e for e in audit_service.list_audit(s, 1000) if e.action == "workspace.backup"]
        assert len(entries) == (1 if stall == "commit" else 0)
        result = admin.make_backup(s, out / "tweede.backup")
    assert [p.name for p in out.iterdir()] == ["tweede.backup"]
    assert not [p.name for p in root.iterdir() if p.name.startswith(".")]
    assert sha256_file(Path(result["file"])) == result["sha256"]


def test_backup_appears_only_after_its_audit_entry(
    workspace: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "w.backup"
    seen: list[bool] = []
    real_append = session_mod.audit.append

    def append(conn: Any, **kwargs: Any) -> Any:
        if kwargs.get("action") == "workspace.backup":
            seen.append(target.exists())
        return real_append(conn, **kwargs)

    monkeypatch.setattr(session_mod.audit, "append", append)
    with workspace.session("beheer", ADMIN_PW) as s:
        result = admin.make_backup(s, target)
        entry = next(e for e in audit_service.list_audit(s, 50) if e.action == "workspace.backup")
    assert seen == [False]
    assert json.loads(entry.details)["sha256"] == result["sha256"] == sha256_file(target)

    # The entry cannot be written: no backup, and no temp file, remains.
    def failing(conn: Any, **kwargs: Any) -> Any:
        if kwargs.get("action") == "workspace.backup":
            raise IntegrityFailure("schijf vol")
        return real_append(conn, **kwargs)

    monkeypatch.setattr(session_mod.audit, "append", failing)
    with workspace.session("beheer", ADMIN_PW) as s, pytest.raises(IntegrityFailure):
        admin.make_backup(s, tmp_path / "x.backup")
    assert [p.name for p in tmp_path.iterdir() if "backup" in p.name] == ["w.backup"]
    assert not [p.name for p in workspace.root.iterdir() if p.name.startswith(".")]


def test_backup_carries_the_key_file_as_it_is_now(
    workspace: Any, tmp_path: Path, clock: Any
) -> None:
    early = workspace.session("beheer", ADMIN_PW)
    try:
        with workspace.session("beheer", ADMIN_PW) as other:
            users.add_user(
                other, name="laat", password="laat-wachtwoord-1", roles=[Role.AIVD_OFFICER]
            )
        admin.make_backup(early, tmp_path / "b.backup")
    finally:
        early.close()
    env = _restore(workspace, tmp_path / "b.backup", tmp_path / "doel", clock)
    with open_session(env, tmp_path / "doel", "laat", "laat-wachtwoord-1") as s:
        assert s.user.name == "laat"


def test_sign_in_removes_what_killed_processes_left_in_the_workspace(workspace: Any) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    root = workspace.root
    stale = [
        f".snapshot-{dead.pid}-{'a' * 12}.db",
        f".snapshot-{dead.pid}-{'a' * 12}.db-journal",
        f".snapshot-{'b' * 12}.db",  # an earlier version's name (no process id)
        f".keys.json.{dead.pid}-{'c' * 12}.tmp",
        f".keys.json.{'d' * 12}.tmp",  # an earlier version's name
    ]
    live = [f".snapshot-{os.getpid()}-{'e' * 12}.db", f".keys.json.{os.getpid()}-{'f' * 12}.tmp"]
    others = [".notities", "lees-mij.txt"]  # not ours: never touched
    for name in stale + live + others:
        (root / name).write_bytes(b"x")
    with workspace.session("beheer", ADMIN_PW):
        pass
    left = {p.name for p in root.iterdir()}
    assert left.isdisjoint(stale)
    assert left >= set(live + others)

"""CFG-1: everything the application writes is owner-only (files 0600, folders 0700), even when
the process umask would allow more."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.helpers import ADMIN_PW, db_path, keys_path

from desktop_app.domain.roles import Role
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services import admin, users
from desktop_app.services.session import Environment
from desktop_app.services.workspace import init_workspace, open_session


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _check_tree(root: Path) -> None:
    assert _mode(root) == 0o700
    for path in root.rglob("*"):
        assert path.stat().st_uid == os.getuid()
        assert _mode(path) == (0o700 if path.is_dir() else 0o600), path


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_cfg1_workspace_backup_and_restore_are_owner_only(
    loose_umask: None, tmp_path: Path, env: Environment, clock: Any
) -> None:
    root = tmp_path / "ws"
    created = init_workspace(
        env, root, admin_name="beheer", admin_password=ADMIN_PW, kdf_profile="test"
    )
    _check_tree(root)
    with open_session(env, root, "beheer", ADMIN_PW) as s:
        users.add_user(
            s, name="officier", password="officier-wachtwoord", roles=[Role.AIVD_OFFICER]
        )
        wal, shm = Path(f"{db_path(root)}-wal"), Path(f"{db_path(root)}-shm")
        assert wal.exists() and shm.exists()
        for path in (db_path(root), wal, shm, keys_path(root)):
            assert _mode(path) == 0o600, path
        out = tmp_path / "exports"
        out.mkdir(mode=0o755)
        backup = out / "ws.backup"
        admin.make_backup(s, backup)
        assert _mode(backup) == 0o600
        assert [p.name for p in out.iterdir()] == ["ws.backup"]
    _check_tree(root)
    fresh = Environment(provider=MemorySecretProvider(), clock=clock, origin="test")
    target = tmp_path / "hersteld"
    admin.restore_workspace(
        fresh,
        backup,
        target,
        admin_name="beheer",
        recovery_key=created.recovery_key,
        new_password="nieuw-wachtwoord",
    )
    _check_tree(target)
    with open_session(fresh, target, "beheer", "nieuw-wachtwoord"):
        _check_tree(target)

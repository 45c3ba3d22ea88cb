"""Backup on one workstation, restore on another (each its own D-Bus session, HOME and GNOME
Keyring): the recovery key opens the backup there; the copied folder does not."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tests.e2e.harness import Workstation
from tests.e2e.support import add_request, add_user, as_user, init_workspace

NEW_ADMIN_PASSWORD = "nieuw-beheer-wachtwoord"


def test_backup_restores_on_a_second_workstation_and_a_copy_does_not_open(
    workstations: Callable[[str], Workstation], tmp_path: Path
) -> None:
    first, second = workstations("werkplek-1"), workstations("werkplek-2")
    root = tmp_path / "werkplek-1-data"
    recovery_key = init_workspace(first, root)
    add_user(first, root, "officier")
    request = add_request(first, root).ok()
    backup_file = tmp_path / "usb" / "werkplek.cwpb"
    backup_file.parent.mkdir(mode=0o700)
    as_user(first, root, "beheer", "backup", "--out", str(backup_file)).ok()
    assert backup_file.is_file() and backup_file.stat().st_mode & 0o077 == 0

    # The folder itself, copied to the second workstation: useless there, even with passwords.
    copied = tmp_path / "werkplek-2-kopie"
    shutil.copytree(root, copied)
    message = as_user(second, copied, "officier", "request", "list").error("wrong_workstation", 3)
    assert "werkplek" in message.lower()
    as_user(second, copied, "beheer", "user", "list").error("wrong_workstation", 3)

    # The backup with the recovery key: a workspace bound to the second workstation's keyring.
    restored_root = tmp_path / "werkplek-2-data"
    assert second.keyring_entries() == 0
    restored = second.run(
        "restore",
        str(backup_file),
        "--admin",
        "beheer",
        data_dir=restored_root,
        secrets_in=[recovery_key, NEW_ADMIN_PASSWORD],
    ).ok()
    assert restored["ok"] is True
    assert second.keyring_entries() == 1
    # The administrator has the new password, everyone else keeps their own.
    as_user(second, restored_root, "beheer", "user", "list").error("auth_failed", 3)
    users = as_user(
        second, restored_root, "beheer", "user", "list", password=NEW_ADMIN_PASSWORD
    ).ok()
    assert {u["name"] for u in users["items"]} == {"beheer", "officier"}
    listed = as_user(second, restored_root, "officier", "request", "list").ok()
    assert [r["reference"] for r in listed["items"]] == [request["reference"]]
    verified = as_user(
        second, restored_root, "beheer", "audit", "verify", password=NEW_ADMIN_PASSWORD
    ).ok()
    assert verified["ok"] is True
    # The chain's head, moved forward at each sign-out, is kept in that keyring too.
    assert second.keyring_entries("audit-head") == 1

    # And the restored folder does not open back on the first workstation either.
    as_user(first, restored_root, "officier", "request", "list").error("wrong_workstation", 3)
    # The original is untouched by all of this.
    assert (
        as_user(first, root, "officier", "request", "show", str(request["id"])).ok()["id"]
        == (request["id"])
    )

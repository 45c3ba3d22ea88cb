"""Issue 13 through the real command line on a workstation with its own D-Bus session and GNOME
Keyring: the database key replaced, every account signs in as before, a backup from before
is named as such by `backup verify` and still checks with the recovery key, and a new recovery
key replaces the old one for a rebind."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.harness import Workstation
from tests.e2e.support import add_request, add_user, as_user, init_workspace


def test_rekey_verify_and_a_new_recovery_key(workstation: Workstation, tmp_path: Path) -> None:
    root = tmp_path / "werkplek"
    recovery_key = init_workspace(workstation, root)
    add_user(workstation, root, "officier")
    request = add_request(workstation, root).ok()
    before = tmp_path / "voor.cwpb"
    as_user(workstation, root, "beheer", "backup", "--out", str(before)).ok()
    checked = as_user(workstation, root, "beheer", "backup", "verify", str(before)).ok()
    assert checked["this_workspace"] is True and checked["recorded_at"]

    rotated = as_user(workstation, root, "beheer", "workspace", "rekey").ok()
    assert rotated == {"ok": True, "users": 2, "signing_keys": 0, "need_new_password": []}
    listed = as_user(workstation, root, "officier", "request", "list").ok()
    assert [r["reference"] for r in listed["items"]] == [request["reference"]]
    assert as_user(workstation, root, "beheer", "audit", "verify").ok()["ok"] is True

    message = as_user(workstation, root, "beheer", "backup", "verify", str(before)).error(
        "invalid_input", 2
    )
    assert "vervanging van de databasesleutel" in message
    offline = workstation.run(
        "backup", "verify", str(before), "--recovery-key", data_dir=root, secrets_in=[recovery_key]
    ).ok()
    assert offline["users"] == 2

    issued = as_user(workstation, root, "beheer", "workspace", "new-recovery-key").ok()
    workstation.run("rebind", data_dir=root, secrets_in=[recovery_key]).error("auth_failed", 3)
    rebound = workstation.run("rebind", data_dir=root, secrets_in=[issued["recovery_key"]]).ok()
    assert rebound == {"ok": True, "users": 2}
    assert workstation.keyring_entries() == 1
    listed = as_user(workstation, root, "officier", "request", "list").ok()
    assert [r["reference"] for r in listed["items"]] == [request["reference"]]

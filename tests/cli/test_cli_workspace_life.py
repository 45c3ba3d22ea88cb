"""Issue 13, CLI extensions: ``workspace rekey``, ``workspace new-recovery-key`` and ``backup
verify FILE``: JSON shapes, exit codes (2 bad input, 4 a damaged backup) and nothing changed on
a refusal."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from support.helpers import ADMIN_PW, STAFF, audit_rows, cli_error, populate, raw_db, recover_dek

from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services.session import Environment
from desktop_app.services.workspace import init_workspace

RECOVERY = re.compile(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}")


def _base(ws: Any) -> list[str]:
    return ["--json", "--data-dir", str(ws.root), "--password-stdin"]


def _verify_offline(cli: Any, ws: Any, backup: Path) -> Any:
    """``backup verify --recovery-key``: without signing in (e.g. on the machine it is restored
    on)."""
    return cli(*_base(ws), "backup", "verify", str(backup), "--recovery-key", stdin=ws.recovery_key)


def _tree(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def test_rekey_and_new_recovery_key(cli: Any, workspace: Any) -> None:
    populate(workspace)
    old_dek = recover_dek(workspace.root, workspace.recovery_key)
    result = cli(*_base(workspace), "--user", "beheer", "workspace", "rekey", stdin=ADMIN_PW)
    assert result.code == 0, result.out
    assert result.json == {"ok": True, "users": 5, "signing_keys": 0, "need_new_password": []}
    assert recover_dek(workspace.root, workspace.recovery_key) != old_dek
    officer_pw = STAFF["officier"][0]
    who = cli(*_base(workspace), "--user", "officier", "user", "list", stdin=officer_pw)
    assert who.code in (0, 1)  # signing in works (the officer may not list users)
    assert who.json.get("error", {}).get("code") != "auth_failed"

    dek_before = recover_dek(workspace.root, workspace.recovery_key)
    issued = cli(
        *_base(workspace), "--user", "beheer", "workspace", "new-recovery-key", stdin=ADMIN_PW
    )
    assert issued.code == 0
    # The contract's fields, and (extensions) the DEK rotated with it.
    assert {"ok", "recovery_key"} <= set(issued.json)
    assert issued.json["database_key_replaced"] is True
    assert issued.json["users"] == 5 and issued.json["need_new_password"] == []
    new_key = issued.json["recovery_key"]
    assert recover_dek(workspace.root, new_key) != dek_before
    assert RECOVERY.fullmatch(new_key) and new_key != workspace.recovery_key
    human = cli(
        "--data-dir",
        str(workspace.root),
        "--password-stdin",
        "--user",
        "beheer",
        "workspace",
        "new-recovery-key",
        stdin=ADMIN_PW,
    )
    assert "één keer" in human.out and RECOVERY.search(human.out)
    rebind = cli(*_base(workspace), "rebind", stdin=new_key)
    assert rebind.code == 3  # that key was replaced again by the human-readable call
    with raw_db(workspace.root, RECOVERY.search(human.out).group(0)) as db:  # type: ignore[union-attr]
        actions = [r[3] for r in audit_rows(db)]
    assert actions.count("workspace.recovery_key") == 2 and "workspace.rekey" in actions


def test_rekey_refuses_a_non_admin_and_a_wrong_password(cli: Any, workspace: Any) -> None:
    workspace.add_staff("officier")
    before_dek = recover_dek(workspace.root, workspace.recovery_key)
    denied = cli(
        *_base(workspace),
        "--user",
        "officier",
        "workspace",
        "rekey",
        stdin=STAFF["officier"][0],
    )
    assert denied.json["error"]["code"] == "forbidden"
    wrong = cli(*_base(workspace), "--user", "beheer", "workspace", "rekey", stdin="fout-fout-1")
    cli_error(wrong, "auth_failed", 3)
    # The same DEK opens the database (sign-ins and refusals are audited in it, no more).
    assert recover_dek(workspace.root, workspace.recovery_key) == before_dek
    with raw_db(workspace.root, workspace.recovery_key) as db:
        assert "workspace.rekey" not in [r[3] for r in audit_rows(db) if r[5] == "ok"]


@pytest.fixture
def made(cli: Any, workspace: Any, tmp_path: Path) -> Path:
    populate(workspace)
    out = tmp_path / "w.backup"
    result = cli(*_base(workspace), "--user", "beheer", "backup", "--out", str(out), stdin=ADMIN_PW)
    assert result.code == 0, result.out
    return out


def test_backup_verify_a_good_backup(cli: Any, workspace: Any, made: Path) -> None:
    result = cli(
        *_base(workspace), "--user", "beheer", "backup", "verify", str(made), stdin=ADMIN_PW
    )
    assert result.code == 0, result.out
    payload = result.json
    assert payload["ok"] is True and payload["users"] == 5
    assert payload["this_workspace"] is True and payload["recorded_at"]
    assert payload["sha256"] == hashlib.sha256(made.read_bytes()).hexdigest()
    assert payload["bytes"] == made.stat().st_size
    # Without signing in, with the recovery key (e.g. on the machine it is restored on).
    offline = _verify_offline(cli, workspace, made)
    assert offline.code == 0 and offline.json["users"] == 5
    assert offline.json["this_workspace"] is True
    # No scratch file stays behind.
    assert not [p for p in workspace.root.iterdir() if p.name.startswith(".snapshot-")]


@pytest.mark.parametrize("cut", ["header", "half", "last_byte"])
def test_backup_verify_a_truncated_backup_exits_4(
    cli: Any, workspace: Any, made: Path, tmp_path: Path, cut: str
) -> None:
    data = made.read_bytes()
    length = {"header": 30, "half": len(data) // 2, "last_byte": len(data) - 1}[cut]
    broken = tmp_path / "kapot.backup"
    broken.write_bytes(data[:length])
    before = _tree(workspace.root)
    for extra, stdin in (([], ADMIN_PW), (["--recovery-key"], workspace.recovery_key)):
        args = ["--user", "beheer"] if not extra else []
        result = cli(*_base(workspace), *args, "backup", "verify", str(broken), *extra, stdin=stdin)
        message = cli_error(result, "integrity", 4)
        assert "beschadigd" in message
    assert not [p for p in workspace.root.iterdir() if p.name.startswith(".snapshot-")]
    assert broken.read_bytes() == data[:length]
    assert set(_tree(workspace.root)) == set(before)


def test_backup_verify_of_another_workspace_exits_2(
    cli: Any, workspace: Any, made: Path, tmp_path: Path, clock: Any
) -> None:
    other_env = Environment(provider=MemorySecretProvider(), clock=clock, origin="test")
    other = init_workspace(
        other_env,
        tmp_path / "ander",
        admin_name="beheer",
        admin_password=ADMIN_PW,
        kdf_profile="test",
    )
    from desktop_app.services import admin
    from desktop_app.services.workspace import open_session

    with open_session(other_env, other.data_dir, "beheer", ADMIN_PW) as s:
        foreign = Path(admin.make_backup(s, tmp_path / "ander.backup")["file"])
    result = cli(
        *_base(workspace), "--user", "beheer", "backup", "verify", str(foreign), stdin=ADMIN_PW
    )
    message = cli_error(result, "invalid_input", 2)
    assert "andere werkplek" in message
    result = cli(
        *_base(workspace),
        "backup",
        "verify",
        str(foreign),
        "--recovery-key",
        stdin=other.recovery_key,
    )
    assert "andere werkplek" in cli_error(result, "invalid_input", 2)


def test_backup_verify_bad_input(cli: Any, workspace: Any, tmp_path: Path) -> None:
    missing = cli(
        *_base(workspace),
        "--user",
        "beheer",
        "backup",
        "verify",
        str(tmp_path / "geen"),
        stdin=ADMIN_PW,
    )
    cli_error(missing, "invalid_input", 2)
    junk = tmp_path / "notitie.txt"
    junk.write_text("geen back-up")
    result = cli(
        *_base(workspace), "--user", "beheer", "backup", "verify", str(junk), stdin=ADMIN_PW
    )
    cli_error(result, "integrity", 4)
    no_out = cli(*_base(workspace), "--user", "beheer", "backup", stdin=ADMIN_PW)
    cli_error(no_out, "invalid_input", 2)


def test_backup_verify_after_a_rotation_names_the_older_key(
    cli: Any, workspace: Any, made: Path
) -> None:
    assert (
        cli(*_base(workspace), "--user", "beheer", "workspace", "rekey", stdin=ADMIN_PW).code == 0
    )
    result = cli(
        *_base(workspace), "--user", "beheer", "backup", "verify", str(made), stdin=ADMIN_PW
    )
    assert "vervanging van de databasesleutel" in cli_error(result, "invalid_input", 2)
    offline = _verify_offline(cli, workspace, made)
    assert offline.code == 0, offline.out


def test_restore_under_a_file_is_bad_input_and_leaves_nothing(
    cli: Any, workspace: Any, made: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    result = cli(
        "--json",
        "--data-dir",
        str(blocker / "werkplek"),
        "--password-stdin",
        "restore",
        str(made),
        "--admin",
        "beheer",
        stdin=f"{workspace.recovery_key}\nhersteld-wachtwoord\nhersteld-wachtwoord\n",
    )
    cli_error(result, "invalid_input", 2)
    # The service says it too (the window's restore dialog reaches it without the CLI's check).
    from desktop_app.domain.errors import InvalidInput
    from desktop_app.services import admin

    with pytest.raises(InvalidInput, match="bestand op die plek"):
        admin.restore_workspace(
            workspace.env,
            made,
            blocker / "a" / "werkplek",
            admin_name="beheer",
            recovery_key=workspace.recovery_key,
            new_password="hersteld-wachtwoord",
        )
    assert blocker.read_text() == "geen map"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".werkplek-restore-")]

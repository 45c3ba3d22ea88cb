"""CLI contract (shared/spec/cli.md) for init, version, user, passwd, designate, audit, backup,
restore and rebind: exit codes, JSON shapes and error objects."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from support.helpers import (
    ADMIN_PW,
    AUDIT_ENTRY_FIELDS,
    STAFF,
    cli_error,
    keys_path,
    populate,
    raw_db,
)

from desktop_app import __version__
from desktop_app.security.keyfile import KeyFile
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services.session import Environment

RECOVERY = re.compile(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}")
HEAD = re.compile(r"\d+:[0-9a-f]{64}")


def _error(result: Any, code: str, exit_code: int) -> str:
    message = cli_error(result, code, exit_code)
    assert result.err == ""
    return message


# --- version / init ---------------------------------------------------------------------------


def _init(cli: Any, root: Path, *extra: str, admin: str = "beheer", json: bool = False) -> Any:
    """``werkplek init`` of a workspace at ``root``, the password on stdin, the test KDF."""
    return cli(
        *(["--json"] if json else []),
        "--data-dir",
        str(root),
        "--password-stdin",
        "init",
        "--admin",
        admin,
        *extra,
        "--kdf-profile",
        "test",
        stdin=ADMIN_PW + "\n",
    )


def test_version(cli: Any) -> None:
    result = cli("--json", "version")
    assert result.code == 0 and result.json == {"version": __version__}
    assert result.out.count("\n") == 1
    human = cli("version")
    assert human.code == 0 and human.out == f"version: {__version__}\n"


def test_init_json_shape_and_files(cli: Any, tmp_path: Path) -> None:
    root = tmp_path / "nieuw"
    result = _init(cli, root, "--full-name", "B. Beheer", "--location", "ind", json=True)
    assert result.code == 0, result.out
    assert set(result.json) == {"data_dir", "recovery_key"}
    assert result.json["data_dir"] == str(root)
    assert RECOVERY.fullmatch(result.json["recovery_key"])
    assert sorted(p.name for p in root.iterdir()) == ["keys.json", "keys.json.lock", "workspace.db"]
    # Human mode shows the recovery key once, prominently.
    other = tmp_path / "mens"
    human = _init(cli, other)
    assert human.code == 0 and "HERSTELSLEUTEL" in human.out
    assert RECOVERY.search(human.out)


@pytest.mark.parametrize(
    ("args", "stdin", "code"),
    [
        (["init", "--admin", "beheer", "--kdf-profile", "test"], "kort\n", "invalid_input"),
        (
            ["init", "--admin", "Be heer!", "--kdf-profile", "test"],
            ADMIN_PW + "\n",
            "invalid_input",
        ),
        (["init", "--admin", "beheer", "--kdf-profile", "test"], "", "invalid_input"),
        (["init", "--admin", "beheer", "--kdf-profile", "snel"], ADMIN_PW + "\n", "invalid_input"),
        (["init", "--admin", "beheer", "--location", "mars"], ADMIN_PW + "\n", "invalid_input"),
        (["init", "--kdf-profile", "test"], ADMIN_PW + "\n", "invalid_input"),
    ],
)
def test_init_refusals(cli: Any, tmp_path: Path, args: list[str], stdin: str, code: str) -> None:
    root = tmp_path / "w"
    result = cli("--json", "--data-dir", str(root), "--password-stdin", *args, stdin=stdin)
    _error(result, code, 2)
    assert not (root / "keys.json").exists() and not (root / "workspace.db").exists()


def test_init_over_existing_workspace_is_refused(cli: Any, workspace: Any) -> None:
    before = (workspace.root / "keys.json").read_bytes()
    result = _init(cli, workspace.root, admin="ander", json=True)
    _error(result, "invalid_input", 2)
    assert (workspace.root / "keys.json").read_bytes() == before


# --- usage errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--bogus"],
        ["onbekend"],
        ["user"],
        ["user", "verwijder", "x"],
        ["audit", "list", "--limit", "veel"],
        ["designate"],
        ["backup"],
    ],
)
def test_usage_errors_print_the_error_object(cli: Any, workspace: Any, argv: list[str]) -> None:
    result = cli("--json", "--data-dir", str(workspace.root), *argv)
    message = _error(result, "invalid_input", 2)
    assert message.endswith(".")


def test_usage_error_without_json_goes_to_stderr(cli: Any) -> None:
    result = cli("--bogus")
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("werkplek: ") and "Traceback" not in result.err


def test_missing_user_is_a_usage_error(as_user: Any) -> None:
    _error(as_user(None, "user", "list", secrets=[ADMIN_PW]), "invalid_input", 2)
    _error(as_user(None, "passwd", secrets=[ADMIN_PW]), "invalid_input", 2)


# --- user add / list / unlock -------------------------------------------------------------------


def test_user_add_shape_and_roles(as_user: Any, as_staff: Any) -> None:
    result = as_user(
        "beheer",
        "user",
        "add",
        "dubbel",
        "--role",
        "ind_liaison",
        "--role",
        "ind_inspector",
        "--full-name",
        "D. Dubbel",
        "--clearance",
        "stg_geheim",
        secrets=[ADMIN_PW, "dubbel-wachtwoord"],
    )
    assert result.code == 0, result.out
    assert result.json == {
        "id": 2,
        "name": "dubbel",
        "roles": ["ind_inspector", "ind_liaison"],
        "clearance": "stg_geheim",
    }
    listed = as_staff("beheer", "user", "list")
    assert listed.code == 0
    assert set(listed.json) == {"items"}
    items = {u["name"]: u for u in listed.json["items"]}
    assert set(items) == {"beheer", "dubbel"}
    assert items["dubbel"] == {
        "id": 2,
        "name": "dubbel",
        "full_name": "D. Dubbel",
        "roles": ["ind_inspector", "ind_liaison"],
        "clearance": "stg_geheim",
        "active": True,
        "locked": False,
        "initial_password": True,  # an extension: who still has the administrator's password
    }
    # The new user can sign in with the password given (the command line does not demand a new
    # one; the window does), and choosing one's own clears the mark.
    assert as_user("dubbel", "passwd", secrets=["dubbel-wachtwoord", "dubbel-nieuw-ww"]).code == 0
    listed = as_staff("beheer", "user", "list")
    assert {u["name"]: u for u in listed.json["items"]}["dubbel"]["initial_password"] is False


@pytest.mark.parametrize(
    ("args", "code", "exit_code"),
    [
        (["user", "add", "x1", "--role", "koning"], "invalid_input", 2),
        (["user", "add", "x1", "--role", "admin", "--role", "aivd_officer"], "invalid_input", 2),
        (
            ["user", "add", "x1", "--role", "aivd_officer", "--role", "ind_inspector"],
            "invalid_input",
            2,
        ),
        (
            ["user", "add", "x1", "--role", "aivd_signer", "--role", "ind_liaison"],
            "invalid_input",
            2,
        ),
        (
            ["user", "add", "x1", "--role", "aivd_officer", "--clearance", "topgeheim"],
            "invalid_input",
            2,
        ),
        (["user", "add", "beheer", "--role", "aivd_officer"], "invalid_input", 2),
        (["user", "add", "X Y", "--role", "aivd_officer"], "invalid_input", 2),
    ],
)
def test_user_add_refusals(
    as_user: Any, as_staff: Any, args: list[str], code: str, exit_code: int
) -> None:
    _error(as_user("beheer", *args, secrets=[ADMIN_PW, "x1-wachtwoord-1"]), code, exit_code)
    names = [u["name"] for u in as_staff("beheer", "user", "list").json["items"]]
    assert names == ["beheer"]


def test_user_commands_need_admin_and_the_right_password(as_user: Any, workspace: Any) -> None:
    populate(workspace)
    officer_pw = STAFF["officier"][0]
    _error(as_user("officier", "user", "list", secrets=[officer_pw]), "forbidden", 1)
    _error(
        as_user(
            "officier",
            "user",
            "add",
            "y1",
            "--role",
            "aivd_officer",
            secrets=[officer_pw, "y1-wachtwoord-1"],
        ),
        "forbidden",
        1,
    )
    _error(as_user("officier", "user", "unlock", "liaison", secrets=[officer_pw]), "forbidden", 1)
    _error(as_user("beheer", "user", "list", secrets=["niet-het-wachtwoord"]), "auth_failed", 3)
    _error(as_user("niemand", "user", "list", secrets=[ADMIN_PW]), "auth_failed", 3)
    _error(as_user("beheer", "user", "list", secrets=[]), "invalid_input", 2)


def test_user_unlock_after_three_failures(as_user: Any, as_staff: Any, workspace: Any) -> None:
    populate(workspace)
    pw = STAFF["liaison"][0]
    codes = [
        as_user("liaison", "user", "list", secrets=["fout-wachtwoord"]).json["error"]["code"]
        for _ in range(3)
    ]
    assert codes == ["auth_failed", "auth_failed", "locked"]
    locked = as_user("liaison", "passwd", secrets=[pw, "nieuw-liaison-ww"])
    _error(locked, "locked", 3)
    items = {u["name"]: u for u in as_staff("beheer", "user", "list").json["items"]}
    assert items["liaison"]["locked"] is True
    result = as_staff("beheer", "user", "unlock", "liaison")
    assert result.code == 0
    assert result.json == {"name": "liaison", "unlocked": True, "was_locked": True}
    assert as_user("liaison", "passwd", secrets=[pw, "nieuw-liaison-ww"]).json == {"ok": True}
    _error(as_staff("beheer", "user", "unlock", "niemand"), "not_found", 2)


# --- passwd -------------------------------------------------------------------------------------


def test_passwd(as_user: Any, as_staff: Any) -> None:
    new = "een-nieuw-wachtwoord"
    result = as_user("beheer", "passwd", secrets=[ADMIN_PW, new])
    assert result.code == 0 and result.json == {"ok": True}
    _error(as_staff("beheer", "user", "list"), "auth_failed", 3)
    assert as_user("beheer", "user", "list", secrets=[new]).code == 0
    _error(as_user("beheer", "passwd", secrets=[new, new]), "invalid_input", 2)
    _error(as_user("beheer", "passwd", secrets=[new, "kort"]), "invalid_input", 2)
    _error(as_user("beheer", "passwd", secrets=[new]), "invalid_input", 2)
    _error(
        as_user("beheer", "passwd", secrets=["fout-wachtwoord", "x-wachtwoord-2"]), "auth_failed", 3
    )


# --- designate ----------------------------------------------------------------------------------


def test_designate_shape(as_staff: Any, workspace: Any) -> None:
    populate(workspace)
    result = as_staff(
        "beheer",
        "designate",
        "inspecteur",
        "--decision",
        "HD-IND  2026/044",
        "--from",
        "2026-11-01",
        "--until",
        "2027-10-31",
    )
    assert result.code == 0, result.out
    assert result.json == {
        "id": 2,
        "user": "inspecteur",
        "decision": "HD-IND 2026/044",
        "from": "2026-11-01",
        "until": "2027-10-31",
    }
    open_ended = as_staff("beheer", "designate", "inspecteur", "--decision", "HD 3")
    assert open_ended.json["from"] == "2026-11-02" and open_ended.json["until"] is None


@pytest.mark.parametrize(
    ("args", "code", "exit_code"),
    [
        (
            ["designate", "inspecteur", "--decision", "HD 1", "--from", "2026-13-01"],
            "invalid_input",
            2,
        ),
        (
            [
                "designate",
                "inspecteur",
                "--decision",
                "HD 1",
                "--from",
                "2026-11-05",
                "--until",
                "2026-11-04",
            ],
            "invalid_input",
            2,
        ),
        (["designate", "inspecteur", "--decision", "   "], "invalid_input", 2),
        (["designate", "officier", "--decision", "HD 1"], "invalid_input", 2),
        (["designate", "niemand", "--decision", "HD 1"], "not_found", 2),
    ],
)
def test_designate_refusals(
    as_staff: Any, workspace: Any, args: list[str], code: str, exit_code: int
) -> None:
    populate(workspace)
    _error(as_staff("beheer", *args), code, exit_code)


def test_designate_by_non_admin_is_forbidden_and_audited(as_user: Any, workspace: Any) -> None:
    populate(workspace)
    _error(
        as_user(
            "liaison",
            "designate",
            "inspecteur",
            "--decision",
            "HD 9",
            secrets=[STAFF["liaison"][0]],
        ),
        "forbidden",
        1,
    )
    with raw_db(workspace.root, workspace.recovery_key) as db, db.reading() as conn:
        denied = conn.execute(
            "SELECT actor FROM audit WHERE action = 'designation.add' AND result = 'denied'"
        ).fetchall()
    assert denied == [("liaison",)]


# --- audit verify / list ------------------------------------------------------------------------


def test_audit_verify_and_anchor(as_user: Any, as_staff: Any, workspace: Any) -> None:
    first = as_staff("beheer", "audit", "verify")
    assert first.code == 0
    # The contract's three keys, and which heads kept outside the database were checked.
    assert set(first.json) == {"ok", "entries", "head", "keyring_head", "printed_heads"}
    assert first.json["ok"] is True
    assert HEAD.fullmatch(first.json["head"])
    assert first.json["entries"] == int(first.json["head"].split(":")[0])
    anchor = first.json["head"]
    second = as_staff("beheer", "audit", "verify", "--anchor", anchor)
    assert second.code == 0 and second.json["entries"] > first.json["entries"]
    _error(
        as_staff("beheer", "audit", "verify", "--anchor", "geen-anker"),
        "invalid_input",
        2,
    )
    # Truncate the log behind the anchor (an attacker with the key drops the trigger first).
    n = int(anchor.split(":")[0])
    with raw_db(workspace.root, workspace.recovery_key) as db, db.transaction() as conn:
        conn.execute("DROP TRIGGER audit_append_only_delete")
        conn.execute("DELETE FROM audit WHERE seq > ?", (n - 2,))
    # Without --anchor too: the head anchored in the keyring at the last sign-out is ahead.
    alone = as_staff("beheer", "audit", "verify")
    assert alone.code == 4 and "korter dan de kop in de sleutelring" in alone.json["reason"]
    anchored = as_staff("beheer", "audit", "verify", "--anchor", anchor)
    assert anchored.code == 4
    payload = anchored.json
    assert payload["ok"] is False and payload["error"]["code"] == "integrity"
    assert payload["first_bad"] is not None and "anker" in payload["reason"]


def test_audit_verify_names_the_first_bad_entry(
    as_user: Any, as_staff: Any, workspace: Any
) -> None:
    populate(workspace)
    with raw_db(workspace.root, workspace.recovery_key) as db, db.transaction() as conn:
        conn.execute("DROP TRIGGER audit_append_only_update")
        conn.execute("UPDATE audit SET actor = 'vervalst' WHERE seq = 4")
    result = as_staff("beheer", "audit", "verify")
    assert result.code == 4
    assert result.json["first_bad"] == 4
    assert result.json["error"] == {"code": "integrity", "message": result.json["reason"]}
    assert "4" in result.json["reason"]
    human = as_user("beheer", "audit", "verify", secrets=[ADMIN_PW], json_mode=False)
    assert human.code == 4 and human.out.startswith("FOUT:")


def test_audit_list(as_user: Any, as_staff: Any, workspace: Any) -> None:
    populate(workspace)
    result = as_staff("beheer", "audit", "list", "--limit", "3")
    assert result.code == 0 and set(result.json) == {"items"}
    items = result.json["items"]
    assert len(items) == 3
    assert [i["seq"] for i in items] == sorted((i["seq"] for i in items), reverse=True)
    assert set(items[0]) == AUDIT_ENTRY_FIELDS
    assert items[0]["action"] == "session.signin" and items[0]["actor"] == "beheer"
    assert isinstance(items[0]["details"], dict)
    everything = as_staff("beheer", "audit", "list", "--limit", "100000")
    seqs = [i["seq"] for i in everything.json["items"]]
    assert seqs == list(range(len(seqs), 0, -1))
    _error(as_staff("beheer", "audit", "list", "--limit", "0"), "invalid_input", 2)
    _error(as_user("officier", "audit", "list", secrets=[STAFF["officier"][0]]), "forbidden", 1)


# --- backup / restore / rebind ------------------------------------------------------------------


def test_backup_restore_rebind(
    as_user: Any, as_staff: Any, cli_on: Any, workspace: Any, tmp_path: Path, clock: Any
) -> None:
    populate(workspace)
    out = tmp_path / "werkplek.backup"
    result = as_staff("beheer", "backup", "--out", str(out))
    assert result.code == 0, result.out
    assert set(result.json) == {"file", "sha256", "bytes"}
    assert result.json["file"] == str(out)
    assert result.json["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.json["bytes"] == out.stat().st_size
    _error(as_staff("beheer", "backup", "--out", str(out)), "invalid_input", 2)
    _error(
        as_user(
            "officier",
            "backup",
            "--out",
            str(tmp_path / "o.backup"),
            secrets=[STAFF["officier"][0]],
        ),
        "forbidden",
        1,
    )

    # restore runs on a new machine (its own keyring), through the same CLI entry point.
    new_env = Environment(provider=MemorySecretProvider(), clock=clock, origin="test")
    on_new = cli_on(new_env)

    def elsewhere(*args: str, stdin: str) -> Any:
        return on_new("--json", "--password-stdin", *args, stdin=stdin)

    target = tmp_path / "hersteld"

    def restore(backup_file: Path, stdin: str) -> Any:
        return elsewhere(
            "--data-dir", str(target), "restore", str(backup_file), "--admin", "beheer", stdin=stdin
        )

    bad = restore(out, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA\nnieuw-wachtwoord\n")
    _error(bad, "auth_failed", 3)
    _error(
        restore(out, "geen sleutel\nnieuw-wachtwoord\n"),
        "invalid_input",
        2,
    )
    _error(
        restore(tmp_path / "x.backup", f"{workspace.recovery_key}\nnieuw-ww-123\n"),
        "not_found",
        2,
    )
    damaged = tmp_path / "kapot.backup"
    damaged.write_bytes(out.read_bytes()[:-100])
    _error(
        restore(damaged, f"{workspace.recovery_key}\nnieuw-ww-123\n"),
        "integrity",
        4,
    )
    good = restore(out, f"{workspace.recovery_key}\nnieuw-wachtwoord\n")
    assert good.code == 0, good.out
    assert good.json == {"ok": True, "data_dir": str(target), "users": 5}
    _error(
        restore(out, f"{workspace.recovery_key}\nnieuw-wachtwoord\n"),
        "invalid_input",
        2,
    )
    signed_in = elsewhere(
        "--data-dir", str(target), "--user", "beheer", "user", "list", stdin="nieuw-wachtwoord\n"
    )
    assert signed_in.code == 0 and len(signed_in.json["items"]) == 5

    # rebind: the original machine loses its keyring entry.
    binding = KeyFile.load(keys_path(workspace.root)).binding_id
    workspace.env.provider.delete(binding)
    _error(as_staff("beheer", "user", "list"), "wrong_workstation", 3)
    _error(
        as_user(None, "rebind", secrets=["AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"]),
        "auth_failed",
        3,
    )
    rebound = as_user(None, "rebind", secrets=[workspace.recovery_key])
    assert rebound.code == 0 and rebound.json == {"ok": True, "users": 5}
    _error(as_user("officier", "user", "list", secrets=[STAFF["officier"][0]]), "forbidden", 1)
    assert as_staff("beheer", "user", "list").code == 0
    _error(as_user(None, "rebind", secrets=[]), "invalid_input", 2)


def test_rebind_on_a_folder_without_workspace(cli: Any, tmp_path: Path) -> None:
    result = cli(
        "--json",
        "--data-dir",
        str(tmp_path / "leeg"),
        "--password-stdin",
        "rebind",
        stdin="AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA\n",
    )
    _error(result, "wrong_workstation", 3)
    assert not (tmp_path / "leeg").exists()


# --- CFG-4 --------------------------------------------------------------------------------------


@pytest.mark.parametrize("json_mode", [True, False])
def test_cfg4_unexpected_failure_is_a_sentence(
    as_user: Any,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
    json_mode: bool,
) -> None:
    from desktop_app.services import users

    leak = "SELECT name FROM users WHERE key = x'00ff00ff'"

    def boom(session: Any) -> Any:
        raise RuntimeError(leak)

    log_file = tmp_path / "logs" / "werkplek.log"
    monkeypatch.setenv("WERKPLEK_LOG_FILE", str(log_file))
    monkeypatch.setattr(users, "list_users", boom)
    result = as_user("beheer", "user", "list", secrets=[ADMIN_PW], json_mode=json_mode)
    # Issue 15 §3: an unforeseen error is internal_error (exit 1); exit 4 is integrity only.
    assert result.code == 1
    shown = result.out + result.err
    assert "Traceback" not in shown and "SELECT" not in shown and "00ff" not in shown
    assert "RuntimeError" not in shown
    # The traceback is in the log file (0600) and only there.
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError" in logged and "boom" in logged
    assert log_file.stat().st_mode & 0o777 == 0o600
    if json_mode:
        message = _error(result, "internal_error", 1)
    else:
        assert result.out == "" and result.err.startswith("werkplek: ")
        message = result.err.removeprefix("werkplek: ").strip()
    assert message.endswith(".") and len(message.split()) > 4
    # Logged at error level without the exception text or traceback.
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert errors and all(r.exc_info is None and leak not in r.getMessage() for r in errors)

"""Parallel ``werkplek`` processes on one workspace (issue 15): the key file's read-modify-writes
(failed sign-ins, new users, passwords, unlocks) are never lost between processes.

These workspaces use the real (interactive) KDF profile on purpose: a sign-in's read of the key
file and its write are apart by one Argon2id run, so that is how long the processes overlap in
use. With the test profile the window is a millisecond and a lost update goes unseen."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.e2e.harness import Result, Workstation, finished
from tests.e2e.support import (
    PASSWORDS,
    WRONG,
    add_user,
    add_user_args,
    as_user,
    init_workspace,
)

N_WRONG = 6
N_SIGNINS = 6


def signin_results(ws: Workstation, root: Path, name: str) -> Counter[str]:
    """The results of the audited sign-in attempts of ``name`` (audit list, as beheer)."""
    items = as_user(ws, root, "beheer", "audit", "list", "--limit", "10000").ok()["items"]
    return Counter(
        e["result"]
        for e in items
        if e["action"] == "session.signin" and e["object"] == f"user:{name}"
    )


def test_parallel_wrong_passwords_lock_after_three_and_are_all_audited(
    workstation: Workstation, tmp_path: Path
) -> None:
    ws, root = workstation, tmp_path / "werkplek"
    init_workspace(ws, root, kdf_profile="interactive")
    add_user(ws, root, "officier")
    procs = [
        ws.popen("request", "list", data_dir=root, user="officier", secrets_in=[WRONG])
        for _ in range(N_WRONG)
    ]
    results = [finished(p) for p in procs]
    codes = Counter(
        r.error(r.json["error"]["code"], 3) and r.json["error"]["code"] for r in results
    )
    # Two plain failures, the third locks, the rest find the account locked: none is lost.
    assert codes == Counter({"auth_failed": 2, "locked": N_WRONG - 2}), codes
    # Locked now, even with the right password.
    as_user(ws, root, "officier", "request", "list").error("locked", 3)
    # Every attempt is in the audit trail (recorded while the database was closed).
    assert signin_results(ws, root, "officier") == Counter(
        {"failed": 2, "locked": 1, "refused_locked": N_WRONG - 3 + 1}
    )
    unlocked = as_user(ws, root, "beheer", "user", "unlock", "officier").ok()
    assert unlocked["was_locked"] is True
    as_user(ws, root, "officier", "request", "list").ok()


def test_user_add_passwd_and_unlock_survive_concurrent_sign_ins(
    workstation: Workstation, tmp_path: Path
) -> None:
    ws, root = workstation, tmp_path / "werkplek"
    init_workspace(ws, root, kdf_profile="interactive")
    for name in ("officier", "liaison", "geblokkeerd"):
        add_user(ws, root, name)
    strikes = [
        ws.popen("request", "list", data_dir=root, user="geblokkeerd", secrets_in=[WRONG])
        for _ in range(3)
    ]
    assert [finished(p).code for p in strikes] == [3, 3, 3]

    new_liaison_password = "liaison-nieuw-wachtwoord"
    signins = [
        ws.popen(
            "request", "list", data_dir=root, user="officier", secrets_in=[PASSWORDS["officier"]]
        )
        for _ in range(N_SIGNINS // 2)
    ] + [
        ws.popen("user", "list", data_dir=root, user="beheer", secrets_in=[PASSWORDS["beheer"]])
        for _ in range(N_SIGNINS - N_SIGNINS // 2)
    ]
    writes = {
        "user add": ws.popen(
            *add_user_args("nieuw"),
            data_dir=root,
            user="beheer",
            secrets_in=[PASSWORDS["beheer"], PASSWORDS["nieuw"]],
        ),
        "passwd": ws.popen(
            "passwd",
            data_dir=root,
            user="liaison",
            secrets_in=[PASSWORDS["liaison"], new_liaison_password],
        ),
        "user unlock": ws.popen(
            "user",
            "unlock",
            "geblokkeerd",
            data_dir=root,
            user="beheer",
            secrets_in=[PASSWORDS["beheer"]],
        ),
    }
    for proc in signins:
        finished(proc).ok()
    done: dict[str, Result] = {label: finished(p, [label]) for label, p in writes.items()}
    for result in done.values():
        result.ok()
    assert done["user unlock"].json["was_locked"] is True  # the three strikes had locked it

    # Each write is still there after every concurrent sign-in.
    checks = [
        ws.popen("request", "list", data_dir=root, user=name, secrets_in=[password])
        for name, password in (
            ("nieuw", PASSWORDS["nieuw"]),
            ("liaison", new_liaison_password),
            ("geblokkeerd", PASSWORDS["geblokkeerd"]),
        )
    ]
    for proc in checks:
        finished(proc).ok()

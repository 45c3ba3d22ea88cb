"""Issue 15 §1: keys.json is read, changed and written under one OS-level lock.

Real processes (tests/support/keyfile_child.py) start on one signal and run sign-ins, ``user
add``, ``passwd`` and ``unlock`` at the same moment against one workspace. Before the lock,
a sign-in wrote back the copy it had read before its Argon2 work: added users vanished, old
passwords kept working, and parallel wrong passwords neither locked the account nor reached
the audit.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from support.file_keyring import FileSecretProvider
from support.helpers import ADMIN_PW, REPO, STAFF, keys_path, populate, sha256_file

from desktop_app.domain.errors import AccountLocked, AuthFailed
from desktop_app.services.session import Environment, Session
from desktop_app.services.workspace import init_workspace, open_session, rebind_workstation
from desktop_app.storage import audit

CHILD = REPO / "tests" / "support" / "keyfile_child.py"


class Children:
    """Child processes that all start when the go-file appears."""

    def __init__(self, root: Path, secrets: Path, tmp: Path) -> None:
        self.root, self.secrets, self.go = root, secrets, tmp / "go"
        self.procs: list[subprocess.Popen[str]] = []

    def spawn(self, op: str, *args: str, stdin: str = "") -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [
                sys.executable,
                str(CHILD),
                str(self.root),
                str(self.secrets),
                str(self.go),
                op,
                *args,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdin is not None
        proc.stdin.write(stdin)
        proc.stdin.close()
        self.procs.append(proc)
        return proc

    def run(self) -> list[list[dict[str, Any]]]:
        time.sleep(1.0)  # every child imported and waiting
        self.go.touch()
        results = []
        for proc in self.procs:
            assert proc.stdout is not None and proc.stderr is not None
            proc.wait(timeout=240)
            out, err = proc.stdout.read(), proc.stderr.read()
            assert proc.returncode == 0, err
            assert "Traceback" not in err, err
            results.append([json.loads(line) for line in out.splitlines()])
        return results


class SharedWorkspace:
    """A workspace whose keyring (tests/support/file_keyring.py) every child process shares."""

    def __init__(self, root: Path, env: Environment, recovery_key: str) -> None:
        self.root, self.env, self.recovery_key = root, env, recovery_key

    def session(self, name: str = "beheer", password: str | None = None) -> Session:
        return open_session(self.env, self.root, name, password or ADMIN_PW)


@pytest.fixture
def shared(tmp_path: Path, clock: Any) -> tuple[SharedWorkspace, Environment, Children]:
    keyring = tmp_path / "keyring"
    env = Environment(provider=FileSecretProvider(keyring), clock=clock, origin="test")
    root = tmp_path / "ws"
    result = init_workspace(
        env, root, admin_name="beheer", admin_password=ADMIN_PW, kdf_profile="test"
    )
    ws = SharedWorkspace(root, env, result.recovery_key)
    populate(ws)
    return ws, env, Children(root, keyring, tmp_path)


def _sign_in_events(env: Environment, root: Path, name: str) -> Counter[str]:
    with open_session(env, root, "beheer", ADMIN_PW) as s, s.reading() as conn:
        entries = audit.recent(conn, 10_000)
    return Counter(e.result for e in entries if e.action == "session.signin" and e.actor == name)


def test_parallel_wrong_passwords_lock_after_three_and_every_attempt_is_audited(
    shared: tuple[Any, Environment, Children],
) -> None:
    ws, env, children = shared
    attempts = 12
    for _ in range(attempts):
        children.spawn("signin", "officier", "fout-wachtwoord-x", "1")
    outcomes = Counter(r[0]["result"] for r in children.run())
    assert outcomes == {"auth_failed": 2, "locked": attempts - 2}
    # Locked for the right password too, until the administrator unlocks the account.
    with pytest.raises(AccountLocked):
        open_session(env, ws.root, "officier", STAFF["officier"][0])
    events = _sign_in_events(env, ws.root, "officier")
    assert events == {"failed": 2, "locked": 1, "refused_locked": attempts - 3 + 1}
    assert sum(events.values()) == attempts + 1  # the twelve, and the right password after


def test_account_changes_are_never_lost_under_concurrent_sign_ins(
    shared: tuple[Any, Environment, Children],
) -> None:
    ws, env, children = shared
    # tekenaar is locked beforehand, so that the unlock has something to do.
    for _ in range(3):
        with pytest.raises((AuthFailed, AccountLocked)):
            open_session(env, ws.root, "tekenaar", "verkeerd-wachtwoord")
    officier_old = STAFF["officier"][0]
    officier_new = "officier-nieuw-wachtwoord-2"
    sign_ins = [children.spawn("signin", "liaison", STAFF["liaison"][0], "6") for _ in range(6)]
    children.spawn("adduser", "nieuwe1", "nieuwe1-wachtwoord", stdin=ADMIN_PW + "\n")
    children.spawn("adduser", "nieuwe2", "nieuwe2-wachtwoord", stdin=ADMIN_PW + "\n")
    children.spawn("passwd", "officier", officier_old, officier_new)
    children.spawn("unlock", "tekenaar", stdin=ADMIN_PW + "\n")
    results = children.run()
    assert all(line["result"] == "ok" for lines in results for line in lines), results
    assert sum(len(lines) for lines in results[: len(sign_ins)]) == 36

    def check(environment: Environment) -> None:
        for name, password in (
            ("nieuwe1", "nieuwe1-wachtwoord"),
            ("nieuwe2", "nieuwe2-wachtwoord"),
            ("officier", officier_new),
            ("tekenaar", STAFF["tekenaar"][0]),
        ):
            open_session(environment, ws.root, name, password).close()
        with pytest.raises(AuthFailed):
            open_session(environment, ws.root, "officier", officier_old)

    check(env)
    # The escrow (what the recovery key re-binds users from) was not left stale either.
    assert rebind_workstation(env, ws.root, ws.recovery_key) == 7
    check(env)


def test_a_sign_in_that_changes_nothing_writes_nothing(workspace: Any) -> None:
    keys = keys_path(workspace.root)
    workspace.session().close()
    before = (sha256_file(keys), keys.stat().st_mtime_ns)
    for _ in range(3):
        workspace.session().close()
    assert (sha256_file(keys), keys.stat().st_mtime_ns) == before
    # A failed attempt is written (to be audited at the next sign-in), and that sign-in then
    # writes once more to clear it.
    with pytest.raises(AuthFailed):
        workspace.session("beheer", "niet-het-wachtwoord")
    after_failure = sha256_file(keys)
    assert after_failure != before[0]
    workspace.session().close()
    assert sha256_file(keys) != after_failure

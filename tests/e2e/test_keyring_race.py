"""Programs using the keyring at once, as they do on one workspace: the audit head is written
after every good verification, sign-out, backup and print (one program at a time, under the
database's write lock) and read by any program's verification meanwhile. GNOME Keyring reloads
its file after a write and for a moment answers "does not exist" for its collection; CI met
that as a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.e2e.harness import REPO, Workstation

PROGRAM = """
import fcntl
import desktop_app.security.workstation as w
w.ATTEMPTS = {attempts}
p = w.KeyringSecretProvider()
with open({lock!r}, "a") as lock:
    for i in range({rounds}):
        if {writes}:
            fcntl.flock(lock, fcntl.LOCK_EX)  # the database's write lock stands for this
            p.load_head("race")
            p.store_head("race", "head-{name}-%d" % i)
            fcntl.flock(lock, fcntl.LOCK_UN)
        else:
            p.load_head("race")
print(p.load_head("race") is not None)
"""


def keyring_traffic(ws: Workstation, *, attempts: int, rounds: int = 60) -> list[str]:
    """Two writers taking turns and one reader; what went wrong in each program. (Four
    programs at 150 rounds each once brought the daemon itself down in CI: more than a
    workstation ever asks of it.)"""
    lock = Path(ws.base) / "write.lock"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                PROGRAM.format(
                    attempts=attempts, rounds=rounds, name=k, writes=k < 2, lock=str(lock)
                ),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env=ws.env,
        )
        for k in range(3)
    ]
    failures = []
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        if proc.returncode != 0 or out.strip() != "True" or "Traceback" in err:
            failures.append(err[-800:] or f"exit {proc.returncode}")
    return failures


def test_writers_in_turn_and_readers_all_succeed(workstation: Workstation) -> None:
    assert keyring_traffic(workstation, attempts=6) == []

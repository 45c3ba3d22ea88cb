"""AUD-8: an action and its audit entry commit together. kill -9 between them (fault injection
in a child process) leaves both or neither."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from typing import Any

import pytest
from support import handover
from support.helpers import ADMIN_PW, REPO, raw_db

from desktop_app.storage import audit

CHILD = REPO / "tests" / "support" / "audit_child.py"


def _spawn(ws: Any, mode: str) -> subprocess.Popen[str]:
    return handover.spawn(CHILD, "AUDIT_CHILD", ws, ADMIN_PW, "beheer", mode)


def _wait_for(proc: subprocess.Popen[str], token: str) -> list[str]:
    assert proc.stdout is not None
    lines = []
    for line in proc.stdout:
        lines.append(line.strip())
        if line.strip() == token:
            return lines
    raise AssertionError(f"child ended before {token}: {lines}")


def _kill(proc: subprocess.Popen[str]) -> list[str]:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.stdout is not None
    rest = proc.stdout.read()
    proc.stdout.close()
    return [ln.strip() for ln in rest.splitlines(keepends=True) if ln.endswith("\n")]


def _state(ws: Any) -> tuple[set[int], set[int], bool]:
    with raw_db(ws.root, ws.recovery_key) as db, db.reading() as conn:
        done = {
            int(k.split(":")[1])
            for (k,) in conn.execute("SELECT key FROM settings WHERE key LIKE 'item:%'")
        }
        audited = {
            int(o.split(":")[1])
            for (o,) in conn.execute("SELECT object FROM audit WHERE action = 'test.action'")
        }
        ok = audit.verify(conn).ok and not db.integrity_problems()
    return done, audited, ok


@pytest.mark.parametrize("mode", ["before_append", "after_append"])
def test_aud8_kill_between_action_and_audit_leaves_neither(workspace: Any, mode: str) -> None:
    proc = _spawn(workspace, mode)
    lines = _wait_for(proc, "STALLED")
    assert "ACTION 1" in lines
    _kill(proc)
    done, audited, ok = _state(workspace)
    assert done == set() and audited == set() and ok
    with workspace.session("beheer", ADMIN_PW):
        pass  # and the workspace is fully usable afterwards


@pytest.mark.slow
def test_aud8_random_kills_keep_actions_and_audit_paired(workspace: Any) -> None:
    rng = random.Random()
    acked: set[int] = set()
    for _ in range(6):
        proc = _spawn(workspace, "random")
        _wait_for(proc, "READY")
        time.sleep(rng.uniform(0.0, 0.2))
        lines = _kill(proc)
        acked |= {int(ln.split()[1]) for ln in lines if ln.startswith("ACK ")}
        done, audited, ok = _state(workspace)
        assert ok
        assert done == audited
        assert acked <= done
    assert acked

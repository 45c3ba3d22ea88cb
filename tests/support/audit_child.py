"""Fault-injection child for AUD-8: a signed-in session performs actions (a settings row) whose
audit entry is written in the same transaction, and is killed with SIGKILL by the parent.

usage: audit_child.py ROOT USER MODE
env:   AUDIT_CHILD_BINDING (keyring entry name), AUDIT_CHILD_SECRET (hex workstation secret),
       AUDIT_CHILD_PASSWORD. The parent's in-memory keyring is handed over this way (test only).
MODE:  before_append - stop (and wait to be killed) after the action, before its audit entry
       after_append  - stop after the audit entry is written, before COMMIT
       random        - run actions until killed, printing ``ACK <i>`` after each COMMIT
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.domain.clock import FixedClock
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services import session as session_mod
from desktop_app.services.session import Environment
from desktop_app.services.workspace import open_session
from desktop_app.storage import users as repo


def main() -> None:
    root, user, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    provider = MemorySecretProvider()
    provider.store(
        os.environ["AUDIT_CHILD_BINDING"], bytes.fromhex(os.environ["AUDIT_CHILD_SECRET"])
    )
    env = Environment(
        provider=provider,
        clock=FixedClock(dt.datetime(2026, 11, 3, 9, 0, tzinfo=dt.UTC)),
        origin="child",
    )
    session = open_session(env, root, user, os.environ["AUDIT_CHILD_PASSWORD"])
    real_append = session_mod.audit.append

    def stalling_append(conn: Any, **kwargs: Any) -> Any:
        if mode == "before_append":
            print("STALLED", flush=True)
            time.sleep(600)
        entry = real_append(conn, **kwargs)
        if mode == "after_append":
            print("STALLED", flush=True)
            time.sleep(600)
        return entry

    session_mod.audit.append = stalling_append  # type: ignore[assignment]
    print("READY", flush=True)
    i = 0
    while True:
        i += 1
        with session.transaction("test.action", f"item:{i}") as tx:
            repo.set_setting(tx.conn, f"item:{i}", "gedaan")
            print(f"ACTION {i}", flush=True)
        print(f"ACK {i}", flush=True)


if __name__ == "__main__":
    main()

"""Fault-injection child for AUD-8: a signed-in session performs actions (a settings row) whose
audit entry is written in the same transaction, and is killed with SIGKILL by the parent.

usage: audit_child.py ROOT USER MODE
env:   AUDIT_CHILD_BINDING, AUDIT_CHILD_SECRET, AUDIT_CHILD_PASSWORD: the parent's in-memory
       keyring and the password, handed over by tests/support/handover.py (test only).
MODE:  before_append - stop (and wait to be killed) after the action, before its audit entry
       after_append  - stop after the audit entry is written, before COMMIT
       random        - run actions until killed, printing ``ACK <i>`` after each COMMIT
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.services import session as session_mod
from desktop_app.storage import users as repo
from tests.support.handover import open_handed_session


def main() -> None:
    root, user, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    start = dt.datetime(2026, 11, 3, 9, 0, tzinfo=dt.UTC)
    session = open_handed_session("AUDIT_CHILD", root, user, start)
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

"""Fault-injection child for the print crash test: a signed-in session prints N copies of a
report into a folder and is killed with SIGKILL by the parent at a chosen moment.

usage: print_child.py ROOT USER REPORT_ID OUT_DIR COPIES MODE
env:   PRINT_CHILD_BINDING (keyring entry name), PRINT_CHILD_SECRET (hex workstation secret),
       PRINT_CHILD_PASSWORD. The parent's in-memory keyring is handed over this way (test only;
       the child side is tests/support/handover.py).
MODE:  before_commit - stop (and wait to be killed) when the print's audit entry is written,
                       i.e. every copy is rendered, signed and on disk, the COMMIT not yet done
       after_commit  - stop right after the COMMIT, before any file gets its final name
       run           - print normally and say DONE
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.services import printing
from desktop_app.services import session as session_mod
from tests.support.children import stall as _stall
from tests.support.handover import open_handed_session


def main() -> None:
    root, user, report_id = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    out_dir, copies, mode = Path(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
    start = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)
    session = open_handed_session("PRINT_CHILD", root, user, start)
    real_append = session_mod.audit.append

    def stalling_append(conn: Any, **kwargs: Any) -> Any:
        entry = real_append(conn, **kwargs)
        if mode == "before_commit" and kwargs.get("action") == "report.print":
            _stall()
        return entry

    session_mod.audit.append = stalling_append  # type: ignore[assignment]
    if mode == "after_commit":
        from desktop_app.storage import staged_files

        def stalling_publish(self: Any) -> Any:
            _stall()

        staged_files.StagedFiles.publish = stalling_publish  # type: ignore[method-assign]
    print("READY", flush=True)
    job = printing.print_report(session, report_id, copies=copies, out_dir=out_dir)
    print(f"DONE {len(job.files)}", flush=True)
    session.close()


if __name__ == "__main__":
    main()

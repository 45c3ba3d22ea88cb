"""Crash-harness child (CRASH-1, CRASH-2): write to an encrypted workspace database through
``Database`` and acknowledge every COMMIT that returned, until the parent sends SIGKILL.

usage: crash_child.py DB_PATH single|multi wal|delete
The raw database key comes hex-encoded in the CRASH_KEY environment variable (test only).

single: one row per transaction; after COMMIT prints ``ACK <id> <sha256 of payload>``.
multi:  GROUP rows per transaction (group number in every row), printing ``ROW <g> <k>`` while
        the transaction is open and ``ACK <g>`` after COMMIT.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.storage.db import Database

GROUP = 50
MAX_TRANSACTIONS = 1000


def main() -> None:
    path, mode, journal = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    key = bytes.fromhex(os.environ["CRASH_KEY"])
    db = Database.open(path, key) if path.exists() else Database.create(path, key)
    if journal == "delete":
        db.conn.execute("PRAGMA journal_mode = DELETE")
    with db.transaction() as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS crash (id INTEGER PRIMARY KEY,"
            " grp INTEGER, payload BLOB NOT NULL, digest TEXT NOT NULL)"
        )
        group = conn.execute("SELECT coalesce(max(grp), 0) FROM crash").fetchone()[0]
    print("READY", flush=True)
    for _ in range(MAX_TRANSACTIONS):
        if mode == "single":
            payload = secrets.token_bytes(1 + secrets.randbelow(3000))
            digest = hashlib.sha256(payload).hexdigest()
            with db.transaction() as conn:
                rowid = conn.execute(
                    "INSERT INTO crash (grp, payload, digest) VALUES (0, ?, ?)", (payload, digest)
                ).lastrowid
            print(f"ACK {rowid} {digest}", flush=True)
        else:
            group += 1
            with db.transaction() as conn:
                for k in range(GROUP):
                    payload = secrets.token_bytes(200 + secrets.randbelow(800))
                    conn.execute(
                        "INSERT INTO crash (grp, payload, digest) VALUES (?, ?, ?)",
                        (group, payload, hashlib.sha256(payload).hexdigest()),
                    )
                    print(f"ROW {group} {k}", flush=True)
            print(f"ACK {group}", flush=True)
    print("DONE", flush=True)
    db.close()


if __name__ == "__main__":
    main()

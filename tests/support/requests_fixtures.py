"""Helpers for the request tests, and the child process of the kill-during-import test.

As a script: ``requests_fixtures.py DB_PATH ROWS`` creates a migrated database (raw key in the
hex environment variable REQUESTS_KEY, test only), commits 10 requests, prints ``BASE``, then
imports ROWS requests in ONE transaction through the bulk path, printing ``ROW n`` every 1,000
rows while the drafts are consumed, and ``DONE`` after the commit.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.requests import Purpose, RequestDraft

TODAY = dt.date(2026, 11, 2)


def drafts(n: int, *, progress: bool = False) -> Iterator[RequestDraft]:
    purposes = list(Purpose)
    for i in range(n):
        if progress and i % 1000 == 0:
            print(f"ROW {i}", flush=True)
        yield RequestDraft(
            subject_name=f"Ayşe Çelik {i}",
            v_number=f"{i:010d}",
            purpose=purposes[i % 4],
            received=TODAY - dt.timedelta(days=i % 400),
            nationality="TR",
            ind_reference=f"IND-{i}",
        )


def main() -> None:
    from desktop_app.storage import migrations
    from desktop_app.storage import requests as repo
    from desktop_app.storage.db import Database
    from desktop_app.storage.requests import bulk

    path, rows = Path(sys.argv[1]), int(sys.argv[2])
    key = bytes.fromhex(os.environ["REQUESTS_KEY"])
    db = Database.create(path, key)
    migrations.migrate(db)
    with db.transaction() as conn:
        repo.insert_many(
            conn, drafts(10), calendar=AtwCalendar(), created_by="base", created_at="t"
        )
    print("BASE", flush=True)
    if os.environ.get("DEFER_INDEXES") == "1":
        # A large import into a small table: the random-order indexes are dropped first.
        bulk.DEFER_MIN_ROWS = 1_000
    with db.transaction() as conn:
        repo.insert_many(
            conn,
            drafts(rows, progress=True),
            calendar=AtwCalendar(),
            created_by="child",
            created_at="t",
            expected_rows=rows,
        )
    print("DONE", flush=True)
    db.close()


if __name__ == "__main__":
    main()

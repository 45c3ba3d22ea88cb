"""Import-kill child: a large bulk import inside one transaction, killed by the parent.

usage: import_child.py DB_PATH ROWS   (raw key hex in CRASH_KEY; test only)
Prints ``STARTED`` once the transaction is open, ``CHUNK n`` as chunks go in, ``ACK n`` after
COMMIT.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.domain.requests import Purpose, RequestDraft
from desktop_app.storage import calendar_days, migrations
from desktop_app.storage import requests as repo
from desktop_app.storage.db import Database


def drafts(rows: int):  # type: ignore[no-untyped-def]
    base = dt.date(2026, 1, 5)
    for i in range(rows):
        if i % 20_000 == 0:
            print(f"CHUNK {i}", flush=True)
        yield RequestDraft(subject_name=f"Persoon {i}", v_number=f"{i:010d}",
                           purpose=Purpose.ASYLUM, received=base + dt.timedelta(days=i % 300),
                           birth_date=None, nationality=None, ind_reference=None)


def main() -> None:
    path, rows = Path(sys.argv[1]), int(sys.argv[2])
    key = bytes.fromhex(os.environ["CRASH_KEY"])
    db = Database.open(path, key)
    migrations.migrate(db)
    with db.transaction() as conn:
        print("STARTED", flush=True)
        calendar = calendar_days.load_calendar(conn)
        inserted = repo.insert_many(conn, drafts(rows), calendar=calendar, created_by="test",
                                    created_at="2026-11-02T09:00:00+00:00")
    print(f"ACK {inserted.count}", flush=True)
    db.close()


if __name__ == "__main__":
    main()

"""A bulk import killed with SIGKILL midway (after whole chunks went into the database) leaves
no trace: the requests, counters, FTS index and reference numbers are as before it started, and
the indexes a large import drops to build them afterwards are all there."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from support.helpers import REPO

from desktop_app.storage import migrations
from desktop_app.storage import requests as repo
from desktop_app.storage.db import Database

CHILD = REPO / "tests" / "support" / "requests_fixtures.py"


def _index_sql(db: Database) -> dict[str, str]:
    with db.reading() as conn:
        return dict(
            conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                " AND tbl_name = 'requests' AND sql IS NOT NULL"
            )
        )


@pytest.mark.parametrize("defer", [False, True], ids=["indexes-kept", "indexes-deferred"])
def test_sigkill_during_import_leaves_zero_new_rows(tmp_path: Path, defer: bool) -> None:
    key = secrets.token_bytes(32)
    path = tmp_path / "import.db"
    rows = repo.BULK_CHUNK * 3
    kill_at = repo.BULK_CHUNK * 2 + 5_000  # two chunks are inserted, the third is being read
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(rows)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "REQUESTS_KEY": key.hex(), "DEFER_INDEXES": "1" if defer else "0"},
    )
    assert proc.stdout is not None
    seen_base = killed = False
    for line in proc.stdout:
        text = line.strip()
        if text == "BASE":
            seen_base = True
        if text.startswith("ROW ") and int(text.split()[1]) >= kill_at:
            proc.send_signal(signal.SIGKILL)
            killed = True
            break
        assert text != "DONE", "the import finished before it could be killed"
    proc.wait(timeout=60)
    assert seen_base and killed, proc.stderr.read() if proc.stderr else ""
    assert proc.returncode == -signal.SIGKILL

    fresh = Database.create(tmp_path / "fresh.db", secrets.token_bytes(32))
    migrations.migrate(fresh)
    expected_indexes = _index_sql(fresh)
    fresh.close()
    assert set(repo.DEFERRED_INDEXES) <= set(expected_indexes)

    db = Database.open(path, key)
    try:
        assert db.integrity_problems() == []
        assert _index_sql(db) == expected_indexes
        with db.reading() as conn:
            assert conn.execute("SELECT count(*) FROM requests").fetchone()[0] == 10
            assert sum(repo.status_counts(conn).values()) == 10
            assert dict(conn.execute("SELECT year, last_seq FROM reference_counters")) == {2026: 10}
            assert (
                conn.execute("SELECT count(*) FROM requests WHERE created_by = 'child'").fetchone()[
                    0
                ]
                == 0
            )
            assert repo.fts_integrity_ok(conn)
            hits = conn.execute(
                "SELECT count(*) FROM requests_fts WHERE requests_fts MATCH 'celik'"
            ).fetchone()[0]
            assert hits == 10
    finally:
        db.close()

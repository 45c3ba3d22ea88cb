"""An import is one transaction: killed midway (SIGKILL), it leaves no row behind."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path

from desktop_app.storage import migrations
from desktop_app.storage.db import Database

CHILD = Path(__file__).resolve().parents[1] / "support" / "import_child.py"


def _count(path: Path, key: bytes) -> tuple[int, int, list[str]]:
    db = Database.open(path, key)
    try:
        with db.reading() as conn:
            rows = conn.execute("SELECT count(*) FROM requests").fetchone()[0]
            fts = conn.execute("SELECT count(*) FROM requests_fts").fetchone()[0]
        return int(rows), int(fts), db.integrity_problems()
    finally:
        db.close()


def test_kill_during_import_leaves_nothing(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    path = tmp_path / "ws.db"
    db = Database.create(path, key)
    migrations.migrate(db)
    db.close()
    env = {**os.environ, "CRASH_KEY": key.hex()}
    killed_midway = 0
    for _round in range(3):
        child = subprocess.Popen([sys.executable, str(CHILD), str(path), "200000"], env=env,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        seen: list[str] = []
        for line in child.stdout:
            seen.append(line.strip())
            # Kill once some chunks are written inside the open transaction.
            if line.startswith("CHUNK") and int(line.split()[1]) >= 40_000:
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
        if not any(s.startswith("ACK") for s in seen):
            killed_midway += 1
        rows, fts, problems = _count(path, key)
        assert (rows, fts) == (0, 0)
        assert problems == []
    assert killed_midway == 3


def test_completed_import_is_all_there(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    path = tmp_path / "ws.db"
    db = Database.create(path, key)
    migrations.migrate(db)
    db.close()
    env = {**os.environ, "CRASH_KEY": key.hex()}
    out = subprocess.run([sys.executable, str(CHILD), str(path), "5000"], env=env,
                         capture_output=True, text=True, check=True).stdout
    assert "ACK 5000" in out
    assert _count(path, key)[:2] == (5000, 5000)

"""atomic_write and AtomicStreamWriter: killed at any moment, the target holds the complete old
or the complete new content (KEY-5's key-file replacement, CRASH-4), created 0600."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.helpers import REPO

from desktop_app.storage.files import AtomicStreamWriter, atomic_write

CHILD = REPO / "tests" / "support" / "atomic_child.py"
ROUNDS = int(os.environ.get("ATOMIC_ROUNDS", "20"))


def test_atomic_write_replaces_and_restricts(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        target = tmp_path / "keys.json"
        atomic_write(target, b"eerste")
        assert target.read_bytes() == b"eerste"
        atomic_write(target, b"tweede")
        assert target.read_bytes() == b"tweede"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert [p.name for p in tmp_path.iterdir()] == ["keys.json"]
    finally:
        os.umask(old_umask)


def test_stream_writer_leaves_nothing_on_abort(tmp_path: Path) -> None:
    target = tmp_path / "backup.bin"
    with pytest.raises(RuntimeError), AtomicStreamWriter(target) as out:
        out.write(b"x" * 1000)
        raise RuntimeError("afgebroken")
    assert list(tmp_path.iterdir()) == []
    with AtomicStreamWriter(target) as out:
        out.write(b"y" * 1000)
    assert target.read_bytes() == b"y" * 1000
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.slow
def test_kill9_during_atomic_write_leaves_old_or_new(tmp_path: Path) -> None:
    rng = random.Random()
    size = 256 * 1024  # large enough that kills often land mid-write
    versions = [bytes([i]) * 7 + os.urandom(size) for i in range(2)]
    digests = {hashlib.sha256(v).hexdigest() for v in versions}
    sources = []
    for i, data in enumerate(versions):
        src = tmp_path / f"v{i}.bin"
        src.write_bytes(data)
        sources.append(src)
    work = tmp_path / "work"
    work.mkdir()
    target = work / "keys.json"
    atomic_write(target, versions[0])
    leftovers = 0
    for _ in range(ROUNDS):
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(target), *map(str, sources)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "READY"
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
        assert hashlib.sha256(target.read_bytes()).hexdigest() in digests
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        # A killed write may leave its temp file (never the target); it is 0600 too.
        for tmp in work.glob(".keys.json.*.tmp"):
            assert stat.S_IMODE(tmp.stat().st_mode) == 0o600
            tmp.unlink()
            leftovers += 1
        assert [p.name for p in work.iterdir()] == ["keys.json"]
    print(f"\natomic_write: {ROUNDS} kills, {leftovers} interrupted mid-write")

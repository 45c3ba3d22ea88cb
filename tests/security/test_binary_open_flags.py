"""Files we write byte for byte are opened with O_BINARY where the platform defines it
(Windows: without it the C runtime translates line ends, and a key file, backup, PDF or the
reserve would be altered on the way to disk). Tested here by giving ``os`` the flag."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from desktop_app.storage import reserve
from desktop_app.storage.files import AtomicStreamWriter, atomic_write
from desktop_app.storage.staged_files import StagedFiles

# Windows' value; on Linux the same bit is O_LARGEFILE, which changes nothing on 64 bits.
O_BINARY = 0x8000


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    monkeypatch.setattr(os, "O_BINARY", O_BINARY, raising=False)
    seen: dict[str, int] = {}
    real_open = os.open

    def recording(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        seen[Path(path).name] = flags
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", recording)
    return seen


def _written(seen: dict[str, int], prefix: str) -> list[int]:
    return [flags for name, flags in seen.items() if name.startswith(prefix)]


def test_atomic_write_opens_binary(opened: dict[str, int], tmp_path: Path) -> None:
    atomic_write(tmp_path / "keys.json", b"{}\r\n")
    flags = _written(opened, ".keys.json.")
    assert flags and all(f & O_BINARY for f in flags)
    assert (tmp_path / "keys.json").read_bytes() == b"{}\r\n"


def test_the_stream_writer_opens_binary(opened: dict[str, int], tmp_path: Path) -> None:
    writer = AtomicStreamWriter(tmp_path / "w.backup")
    writer.write(b"\n\r\n")
    writer.finish()
    writer.commit()
    flags = _written(opened, ".w.backup.")
    assert flags and all(f & O_BINARY for f in flags)


def test_staged_files_open_binary(opened: dict[str, int], tmp_path: Path) -> None:
    staged = StagedFiles(tmp_path)
    staged.stage("a.pdf", b"%PDF-1.7\n")
    staged.publish()
    flags = _written(opened, ".a.pdf.")
    assert flags and all(f & O_BINARY for f in flags)


def test_the_reserve_opens_binary(opened: dict[str, int], tmp_path: Path) -> None:
    db = tmp_path / "workspace.db"
    assert reserve.take(db)
    flags = _written(opened, reserve.reserve_path(db).name)
    assert flags and all(f & O_BINARY for f in flags)

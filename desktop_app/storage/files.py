"""Files on disk: created 0600 (folders 0700) and replaced atomically."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    with contextlib.suppress(PermissionError):
        os.chmod(path, DIR_MODE)
    return path


def restrict(path: Path) -> None:
    """Make an existing file owner-only (SQLite creates -wal/-shm with the process umask)."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, FILE_MODE)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` so that ``path`` afterwards holds the complete old or the complete new
    content, even if the process is killed midway (temp file, 0600 before any byte, fsync,
    rename, fsync of the folder)."""
    directory = path.parent
    tmp = directory / f".{path.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    os.close(fd)
    os.replace(tmp, path)
    _fsync_dir(directory)


class AtomicStreamWriter:
    """Stream a large file (a backup) into place atomically: nothing at ``path`` until commit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
        self._fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        self._done = False

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view) :]

    def commit(self) -> None:
        os.fsync(self._fd)
        os.close(self._fd)
        os.replace(self.tmp, self.path)
        _fsync_dir(self.path.parent)
        self._done = True

    def abort(self) -> None:
        if not self._done:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.tmp)
            self._done = True

    def __enter__(self) -> AtomicStreamWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is not None:
            self.abort()
        elif not self._done:
            self.commit()

"""Output files that appear under their final names only after the database has committed.

Printing registers every copy in the same transaction as its audit entry. The signed PDFs must
not be visible under their final names before that COMMIT: a kill in between would leave
complete, validly signed classified copies that no register knows of. So each copy is first
written to a hidden temporary file in the target folder (``.NAME.<12 hex>.tmp``, 0600,
fsynced), and only renamed to ``NAME`` after the COMMIT. The opposite failure, a registered copy
whose file never arrived, is the safe direction.

A temporary file stays open and exclusively locked (``flock``) by the process that wrote it
until it is renamed or removed, so a later print into the same folder can tell the leftovers of
a killed run (lock free: removed) from a print still running (locked: left alone). Where there
is no ``fcntl`` (Windows) an open file cannot be deleted, which gives the same answer.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path

from desktop_app.storage.files import FILE_MODE, _fsync_dir, disk_full
from desktop_app.storage.reserve import is_disk_full_error

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["StagedFiles", "remove_stale_temps"]

# The hidden names StagedFiles uses (PDFs only: nothing else is touched). A live print holds an
# flock on each of its temporaries, which is how a later run tells them from a killed one's.
_TEMP_NAME = re.compile(r"^\.(?P<name>[^/\\]+\.pdf)\.[0-9a-f]{12}\.tmp$")
_OPEN_FLAGS = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def _temp_name(name: str) -> str:
    return f".{name}.{secrets.token_hex(6)}.tmp"


def remove_stale_temps(directory: Path) -> list[str]:
    """Remove the hidden PDF temporaries of killed runs from ``directory``; the final names
    they were meant for are returned (the copies themselves are in the print register)."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None:
            continue
        path = Path(entry.path)
        if fcntl is None:  # pragma: no cover - Windows: an open file cannot be deleted
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(match.group("name"))
            continue
        try:
            fd = os.open(path, _OPEN_FLAGS)
        except OSError:
            continue  # renamed meanwhile, a symlink, or not ours to open
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a print that is still running holds it
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(match.group("name"))
        finally:
            os.close(fd)
    if removed:
        _fsync_dir(directory)
    return removed


class StagedFiles:
    """Hidden, locked temporaries in one folder; :meth:`publish` gives them their names."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._pending: list[tuple[Path, Path, int]] = []  # (temp, final, fd)

    def stage(self, name: str, data: bytes) -> None:
        temp = self.directory / _temp_name(name)
        # O_BINARY: Windows would otherwise translate line ends in the PDF.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(temp, flags, FILE_MODE)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except BaseException as exc:
            os.close(fd)
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
            if is_disk_full_error(exc):
                raise disk_full(self.directory / name) from None
            raise
        self._pending.append((temp, self.directory / name, fd))

    def publish(self) -> tuple[list[Path], list[tuple[str, str]]]:
        """Rename every temporary to its final name, never over an existing file. Returns the
        files put in place and, for those that could not be, (name, why) pairs; their
        temporaries are removed."""
        placed: list[Path] = []
        failed: list[tuple[str, str]] = []
        for temp, final, held in self._pending:
            fd = held
            if fcntl is None:  # pragma: no cover - Windows renames no open file
                os.close(fd)
                fd = -1
            try:
                _place(temp, final)
            except FileExistsError:
                failed.append((final.name, "exists"))
                _drop(temp)
            except OSError as exc:
                failed.append((final.name, type(exc).__name__))
                _drop(temp)
            else:
                placed.append(final)
            finally:
                if fd >= 0:
                    os.close(fd)
        self._pending.clear()
        _fsync_dir(self.directory)
        return placed, failed

    def discard(self) -> None:
        """Remove every temporary (the transaction did not commit)."""
        for temp, _final, fd in self._pending:
            _drop(temp)
            with contextlib.suppress(OSError):
                os.close(fd)
        self._pending.clear()


def _place(temp: Path, final: Path) -> None:
    # link() refuses an existing name atomically (rename() would replace it on POSIX); where
    # hard links are not supported, rename after a check is the best there is.
    try:
        os.link(temp, final, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError:
        if final.exists() or final.is_symlink():
            raise FileExistsError(final.name) from None
        os.rename(temp, final)
        return
    temp.unlink()


def _drop(temp: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()

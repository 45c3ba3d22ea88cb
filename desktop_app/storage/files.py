"""Files on disk: created 0600 (folders 0700) and replaced atomically."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from desktop_app.domain.errors import InvalidInput, NotFound, StorageFull
from desktop_app.storage import reserve

FILE_MODE = 0o600
DIR_MODE = 0o700

# ".<name>.<pid>-<12 hex>.tmp": the writer's process id in the name lets a later run tell a
# temp file left by a killed process (its pid is gone) from one still being written.
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>[0-9]{1,10})-[0-9a-f]{12}\.tmp$")


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


def sync_dir(directory: Path) -> None:
    """Make a rename or creation in ``directory`` durable (best effort, like the file writers)."""
    _fsync_dir(directory)


def temp_path(path: Path) -> Path:
    """The hidden name a file is written under before it is renamed to ``path``."""
    return path.parent / f".{path.name}.{os.getpid()}-{secrets.token_hex(6)}.tmp"


def process_alive(pid: int) -> bool:
    """Whether ``pid`` is a running process on this machine. When in doubt: alive (a stale
    file then stays a little longer; a live writer's file is never taken away)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(ctypes.get_last_error() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return bool(code.value == 259)  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def stale_pid(name: str, pattern: re.Pattern[str]) -> bool:
    """``name`` matches ``pattern`` (with a ``pid`` group) and that process is gone."""
    match = pattern.match(name)
    return match is not None and not process_alive(int(match.group("pid")))


def stale_temps(directory: Path, accept: str | None = None) -> list[Path]:
    """Temp files of :func:`atomic_write` / :class:`AtomicStreamWriter` in ``directory`` left
    by a process that no longer runs (killed midway). With ``accept`` only those for that final
    file name."""
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    found = []
    for name in names:
        match = _TEMP.match(name)
        if match is None or (accept is not None and match.group("name") != accept):
            continue
        if not process_alive(int(match.group("pid"))):
            found.append(directory / name)
    return found


def remove_file(path: Path) -> bool:
    """Delete the file ``path`` for a clean-up: whether it was removed now (not when it was
    already gone, or is a folder or not ours to delete: a clean-up goes on past those)."""
    try:
        path.unlink()
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        return False
    return True


def remove_stale_temps(directory: Path, accept: str | None = None) -> int:
    """Delete what :func:`stale_temps` finds; returns how many were removed."""
    return sum(remove_file(path) for path in stale_temps(directory, accept))


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` so that ``path`` afterwards holds the complete old or the complete new
    content, even if the process is killed midway (temp file, 0600 before any byte, fsync,
    rename, fsync of the folder). A kill can leave the temp file; it carries this process's id,
    so :func:`remove_stale_temps` recognises it later. On a full disk the workspace's reserve
    (storage/reserve.py) is given up for one more try: a failed sign-in must still be counted."""
    directory = path.parent
    try:
        tmp = _write_temp(path, data)
    except OSError as exc:
        if not reserve.is_disk_full_error(exc):
            raise
        if not reserve.release_in(directory):
            raise disk_full(path) from None
        try:
            tmp = _write_temp(path, data)
        except OSError as again:
            if reserve.is_disk_full_error(again):
                raise disk_full(path) from None
            raise
    os.replace(tmp, path)
    _fsync_dir(directory)


def _write_temp(path: Path, data: bytes) -> Path:
    tmp = temp_path(path)
    # O_BINARY: Windows would otherwise translate line ends in what we write.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
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
    return tmp


def disk_full(path: Path) -> StorageFull:
    """The sentence for a file that did not fit (its name only: the folder may be telling)."""
    return StorageFull(
        f"De schijf is vol: '{path.name}' kon niet worden weggeschreven; er is niets gewijzigd. "
        "Maak ruimte vrij op de schijf en probeer het opnieuw."
    )


class AtomicStreamWriter:
    """Stream a large file (a backup) into place atomically: nothing at ``path`` until commit.

    ``finish`` makes the content durable under the hidden temp name without publishing it, so
    a caller can first commit what must exist before the file does (the backup's audit entry)
    and only then ``commit`` (rename). A killed writer leaves the temp file, which
    :func:`remove_stale_temps` recognises by the dead process id in its name."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = temp_path(path)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        self._fd: int | None = os.open(self.tmp, flags, FILE_MODE)
        self._done = False

    def write(self, data: bytes) -> None:
        if self._fd is None:
            raise ValueError("the stream is already finished")
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._fd, view) :]
        except OSError as exc:
            if reserve.is_disk_full_error(exc):
                raise disk_full(self.path) from None
            raise

    def finish(self) -> None:
        """Flush and close the temp file; it stays under its hidden name."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                os.fsync(fd)
            except OSError as exc:
                if reserve.is_disk_full_error(exc):
                    raise disk_full(self.path) from None
                raise
            finally:
                os.close(fd)

    def commit(self) -> None:
        self.finish()
        os.replace(self.tmp, self.path)
        _fsync_dir(self.path.parent)
        self._done = True

    def abort(self) -> None:
        if not self._done:
            if self._fd is not None:
                with contextlib.suppress(OSError):
                    os.close(self._fd)
                self._fd = None
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


# --- Reading files a person names ---------------------------------------------------------------
# A FIFO, /dev/zero or a folder passed where a file is expected must be refused, not waited on or
# read for ever: opening is non-blocking (a FIFO without writer does not wait), the kind is taken
# from the open descriptor (no swap between a check and the open), and sizes are enforced while
# reading, never from st_size alone (0 for pipes and devices, and a file may grow meanwhile).


def _shown(path: Path) -> str:
    # A name from a non-UTF-8 file system carries surrogates; messages must stay printable.
    return path.name.encode("utf-8", "replace").decode("utf-8")


def open_regular(path: Path, *, field: str, what: str = "Het bestand") -> tuple[BinaryIO, int]:
    """``path`` opened for reading and its size, or InvalidInput/NotFound naming it: regular
    files only (not a folder, pipe, device or symlink loop)."""
    name = _shown(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise NotFound(f"{what} '{name}' bestaat niet.") from None
    except IsADirectoryError:
        raise InvalidInput(
            f"{what} '{name}' is geen gewoon bestand maar een map.", field=field
        ) from None
    except (OSError, ValueError) as exc:  # ValueError: an embedded NUL byte
        if getattr(exc, "errno", None) == errno.ELOOP:
            reason = "een kring van symbolische koppelingen"
            raise InvalidInput(f"{what} '{name}' is {reason}.", field=field) from None
        raise InvalidInput(f"{what} '{name}' kan niet worden gelezen.", field=field) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "een map" if stat.S_ISDIR(info.st_mode) else "een pipe of apparaat"
            raise InvalidInput(f"{what} '{name}' is geen gewoon bestand maar {kind}.", field=field)
        os.set_blocking(fd, True)
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return fh, info.st_size


def read_regular(
    path: Path, *, limit: int, field: str, what: str = "Het bestand", too_big: str | None = None
) -> bytes:
    """The whole of a regular file of at most ``limit`` bytes (counted while reading)."""
    fh, size = open_regular(path, field=field, what=what)
    message = too_big or f"{what} '{_shown(path)}' is te groot (meer dan {limit} bytes)."
    with fh:
        if size > limit:
            raise InvalidInput(message, field=field)
        try:
            data = fh.read(limit + 1)
        except OSError:
            raise InvalidInput(
                f"{what} '{_shown(path)}' kan niet worden gelezen.", field=field
            ) from None
    if len(data) > limit:
        raise InvalidInput(message, field=field)
    return data

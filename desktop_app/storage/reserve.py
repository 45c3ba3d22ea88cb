"""Room to keep records on a full disk: a reserve file beside the database.

Signing in and every view of classified content write an audit entry (and a failed sign-in
writes its count to keys.json), so on a full disk nobody could sign in or read at all. Each
workspace therefore holds RESERVE_BYTES of its own disk in ``workspace.db-reserve`` (allocated,
never read: it holds zeros or random bytes, nothing of the workspace). When the disk is full the
reserve is given up: sign-ins and audited reads fit in what it frees, while changes are refused
with a sentence (:class:`StorageFull`) until the disk has room again. The first open that finds
room takes the reserve back.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import sys
from pathlib import Path

log = logging.getLogger(__name__)

RESERVE_SUFFIX = "-reserve"
# A sign-in, a read and their audit entries take the WAL index (32 KiB) and a few WAL pages;
# several processes at once share both. 1 MiB covers dozens of them.
RESERVE_BYTES = 1 << 20
# With less than this free besides the reserve, the disk counts as full for changes.
LOW_WATER_BYTES = 1 << 20
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})

FULL = (
    "De schijf van de werkplek is vol: de wijziging is niet opgeslagen. Aanmelden en lezen "
    "kunnen nog; maak ruimte vrij op de schijf (of laat de beheerder dat doen) en probeer het "
    "dan opnieuw."
)
FULL_OPEN = (
    "De schijf van de werkplek is helemaal vol: zelfs aanmelden en lezen (dat in het "
    "auditlogboek wordt vastgelegd) kan niet. Maak ruimte vrij op de schijf en probeer het "
    "opnieuw."
)


def reserve_path(db_path: Path) -> Path:
    return Path(f"{db_path}{RESERVE_SUFFIX}")


def free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        # Unknown (a file system without statvfs): assume room rather than refuse every change;
        # a write that really does not fit still ends as StorageFull.
        return sys.maxsize


def disk_full(folder: Path) -> bool:
    return free_bytes(folder) < LOW_WATER_BYTES


def is_disk_full_error(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def release(path: Path) -> bool:
    """Give the reserve up (the file stays, empty); True when that freed any room."""
    if _size(path) == 0:
        return False
    try:
        os.truncate(path, 0)
    except OSError:
        return False
    log.warning("disk full: the workspace's reserve was given up")
    return True


def release_in(folder: Path) -> bool:
    """The reserve of the workspace in ``folder``, if there is one (a write hit a full disk)."""
    released = False
    with contextlib.suppress(OSError):
        for path in folder.glob(f"*.db{RESERVE_SUFFIX}"):
            released = release(path) or released
    return released


def room_for_changes(db_path: Path) -> bool:
    """Room for the whole reserve and to spare on the disk."""
    missing = max(0, RESERVE_BYTES - _size(reserve_path(db_path)))
    return free_bytes(db_path.parent) - missing >= LOW_WATER_BYTES


def low_before_open(db_path: Path) -> bool:
    """Before opening: True when the disk is full. The reserve is then given up, so that this
    process can still sign in and read, with their audit entries; it is taken back (by
    :func:`take`, after an open) once there is room for it and to spare."""
    if room_for_changes(db_path):
        return False
    release(reserve_path(db_path))
    return True


def take(db_path: Path) -> bool:
    """After a successful open with room to spare: make sure the reserve is whole. Returns
    False when the disk turned out too full for it (then it is given up again). Best effort
    otherwise: a folder where the reserve cannot be made (read-only, no permission) still
    opens."""
    path = reserve_path(db_path)
    if _size(path) >= RESERVE_BYTES:
        return True
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        return _not_taken(exc)
    try:
        fchmod = getattr(os, "fchmod", None)
        if fchmod is not None:
            fchmod(fd, 0o600)
        _allocate(fd, RESERVE_BYTES)
    except OSError as exc:
        os.close(fd)
        if is_disk_full_error(exc):
            release(path)
        return _not_taken(exc)
    os.close(fd)
    return not disk_full(db_path.parent)


def _not_taken(exc: OSError) -> bool:
    if is_disk_full_error(exc):
        return False
    log.warning("the disk-full reserve could not be made (%s)", type(exc).__name__)
    return True


def _allocate(fd: int, size: int) -> None:
    """Really take the blocks: fallocate where the file system has it; elsewhere random bytes,
    which no compressing or deduplicating file system can store in less."""
    fallocate = getattr(os, "posix_fallocate", None)
    if fallocate is not None:
        try:
            fallocate(fd, 0, size)
            return
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
                raise
    offset = os.lseek(fd, 0, os.SEEK_END)
    while offset < size:
        offset += os.write(fd, os.urandom(min(size - offset, 1 << 16)))
    os.fsync(fd)

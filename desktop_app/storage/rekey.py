"""A new database key (``PRAGMA rekey``) applied to a copy, which replaces the database by one
rename.

Re-keying in place rewrites every page of the live file; a crash halfway leaves pages under two
keys, and its rollback depends on how SQLCipher journals a page whose read and write keys
differ. A copy avoids the question: the live file is never touched, the copy is re-keyed,
written to, checked and fsynced, and ``os.replace`` is the single moment the new key takes
over. Before that moment the old key opens the (unchanged) database; after it the new one does.

The copy lives in the workspace folder under the backup snapshot's name
(``.snapshot-<pid>-<hex>.db``), so what a killed rotation leaves there is removed like a
killed backup's snapshot, at the next sign-in. The reserve file (``workspace.db-reserve``)
holds no key material and is named after the database's path: it stays as it is.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from desktop_app.domain.errors import Busy, IntegrityFailure
from desktop_app.storage.db import (
    Connection,
    Database,
    _connect,
    _key_pragma,
    passes_integrity_checks,
    self_check,
)
from desktop_app.storage.files import FILE_MODE, sync_dir

OTHER_CONNECTIONS = (
    "De werkplek is nog geopend in een ander programma of venster. Sluit dat eerst (of meld "
    "het af) en probeer het dan opnieuw; er is niets gewijzigd."
)
_NOT_VERIFIED = "De opnieuw versleutelde kopie van de database klopt niet; er is niets gewijzigd."


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sole_connection(conn: Connection) -> None:
    """Leaving WAL mode needs the database to itself: SQLite refuses while any other
    connection (another process's session, another window) has it open. Our own connection
    stays in rollback-journal mode, with the WAL folded in, until it is replaced."""
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlcipher3.OperationalError:
        raise Busy(OTHER_CONNECTIONS) from None
    if str(mode).lower() != "delete":
        raise Busy(OTHER_CONNECTIONS)


def _copy_private(source: Path, target: Path) -> None:
    """``target`` owner-only from its first byte, whatever the process umask (a copy followed
    by a chmod is readable by others in between), and never over a file that is there."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(target, flags, FILE_MODE)
    with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
        shutil.copyfileobj(src, out, 1 << 20)


def rekeyed_copy(
    db: Database,
    copy: Path,
    old_key: bytes | bytearray,
    new_key: bytes | bytearray,
    write: Callable[[Connection], None],
) -> None:
    """Write ``copy``: the database under ``new_key``, with ``write`` (the use case's own rows,
    its audit entry among them) committed in it; checked and fsynced. The live database is not
    changed; hold ``db``'s lock (:meth:`Database.exclusive`) from here until
    :func:`replace_with_copy` so nothing is written to it meanwhile."""
    _key_pragma(new_key)
    conn = db.conn
    _sole_connection(conn)
    try:
        _copy_private(db.path, copy)
        copy_conn = _connect(copy, old_key)
        try:
            copy_conn.execute(f"PRAGMA rekey = \"x'{bytes(new_key).hex()}'\"")
            copy_conn.execute("BEGIN IMMEDIATE")
            try:
                write(copy_conn)
            except BaseException:
                copy_conn.execute("ROLLBACK")
                raise
            copy_conn.execute("COMMIT")
            copy_conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            copy_conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy_conn.close()
        _verify(copy, new_key)
        _fsync(copy)
    except BaseException:
        remove_copy(copy)
        with contextlib.suppress(sqlcipher3.Error):
            conn.execute("PRAGMA journal_mode = WAL")
        raise


def _verify(copy: Path, key: bytes | bytearray) -> None:
    conn = _connect(copy, key)
    try:
        self_check(conn)
        if not passes_integrity_checks(conn):
            raise IntegrityFailure(_NOT_VERIFIED)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


def back_to_wal(db: Database) -> None:
    """After a rotation that stopped before the rename: the connection as it was."""
    if not db.closed:
        with contextlib.suppress(sqlcipher3.Error), db.exclusive() as conn:
            conn.execute("PRAGMA journal_mode = WAL")


def remove_copy(copy: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{copy}{suffix}").unlink()


def replace_with_copy(
    db: Database,
    copy: Path,
    new_key: bytes | bytearray,
    old_key: bytes | bytearray | None = None,
) -> None:
    """The commit point: the re-keyed copy becomes the database (one rename, then the folder is
    fsynced) and ``db`` is connected to it with the new key. Should the rename fail (a file
    held open by another program on Windows, a scanner), the live file is as it was and ``db``
    is connected to it again with ``old_key``: the session goes on, the copy stays where it is
    for the caller to remove. ``copy`` exists afterwards only if the rename did not happen."""
    db.detach()
    try:
        os.replace(copy, db.path)
    except BaseException:
        if old_key is not None:
            db.attach(old_key)
        raise
    try:
        sync_dir(db.path.parent)
    finally:
        db.attach(new_key)


def rewrap_signing_keys(conn: Connection, rewrap: Callable[[bytes, str], bytes]) -> int:
    """Every private key kept wrapped under the DEK (signing keys, the workstation CA's key)
    re-wrapped by ``rewrap(blob, certificate fingerprint)``; the number of keys."""
    rows = conn.execute(
        "SELECT id, wrapped_key, fingerprint, ca_wrapped_key, ca_certificate FROM signing_keys"
    ).fetchall()
    count = 0
    for key_id, wrapped, fingerprint, ca_wrapped, ca_certificate in rows:
        new_wrapped = rewrap(bytes(wrapped), str(fingerprint))
        new_ca = None if ca_wrapped is None else bytes(ca_wrapped)
        if ca_wrapped is not None and ca_certificate is not None:
            ca_fp = hashlib.sha256(bytes(ca_certificate)).hexdigest()
            new_ca = rewrap(bytes(ca_wrapped), ca_fp)
            count += 1
        conn.execute(
            "UPDATE signing_keys SET wrapped_key = ?, ca_wrapped_key = ? WHERE id = ?",
            (new_wrapped, new_ca, key_id),
        )
        count += 1
    return count

"""The SQLCipher connection: keyed with a raw 256-bit key, proven by a read, self-checked.

This module and the repositories beside it are the only places SQL lives.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3

from desktop_app.domain.errors import (
    Busy,
    IntegrityFailure,
    InvalidInput,
    SessionLocked,
    StorageFull,
)
from desktop_app.storage import reserve
from desktop_app.storage.files import restrict

log = logging.getLogger(__name__)

KEY_BYTES = 32

# SQLCipher's "enhanced memory security" (ENC-4 "if adopted"): lock and random-wipe EVERY heap
# block SQLite allocates. Off by default, as in SQLCipher itself since 4.5: it made the bulk
# import 3x and searches 3-7x slower (docs/security.md, "Memory"), while SQLCipher locks and
# wipes its own key material either way, and the Python and Qt objects that hold the same
# names and texts are never wiped. Process-wide and irreversible once on, so it is chosen
# before the first connection: set this variable to "on" to adopt it (the self-check then
# insists on it).
MEMORY_SECURITY_ENV = "WERKPLEK_MEMORY_SECURITY"


def memory_security_wanted() -> bool:
    return os.environ.get(MEMORY_SECURITY_ENV, "").strip().lower() in ("1", "on", "true", "ja")


Connection = Any  # sqlcipher3.Connection has no type stubs


def optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A column converter that keeps NULL as None (for ``cells``)."""
    return lambda value: None if value is None else convert(value)


optional_str = optional(str)


def cells(row: Sequence[Any], *converters: Callable[[Any], Any]) -> list[Any]:
    """The row's cells, each through the converter of its column, in SELECT order: a record
    type's mapping reads as one line of column types rather than one line a column."""
    return [convert(value) for convert, value in zip(converters, row, strict=True)]


def count_on_days(
    conn: Connection,
    table: str,
    moment: str,
    start: dt.date,
    end: dt.date,
    recorded_by: str | None = None,
) -> int:
    """Rows of ``table`` whose stored moment ``moment`` falls on a day ``start``..``end``
    (UTC dates, inclusive; NULL never does); with ``recorded_by`` (a stored moment) only those
    by then: the statistics' figures "as of". ``table`` and ``moment`` are the caller's own
    names, never input."""
    row = conn.execute(
        f"SELECT count(*) FROM {table} WHERE substr({moment}, 1, 10) BETWEEN ? AND ?"
        f" AND (? IS NULL OR {moment} <= ?)",
        (start.isoformat(), end.isoformat(), recorded_by, recorded_by),
    ).fetchone()
    return int(row[0])


_T = TypeVar("_T")


def rows_in(
    conn: Connection, sql: str, values: Iterable[Any], *, before: Sequence[Any] = ()
) -> list[Any]:
    """The rows of ``sql`` for the distinct ``values``, bound after the parameters ``before``;
    ``sql`` says ``{marks}`` where the values' placeholders go (``... IN ({marks})``). No
    values: no query, no rows."""
    wanted = sorted(set(values))
    if not wanted:
        return []
    marks = ",".join("?" * len(wanted))
    return list(conn.execute(sql.format(marks=marks), (*before, *wanted)).fetchall())


def first_value(
    conn: Connection, sql: str, params: Sequence[Any], convert: Callable[[Any], _T]
) -> _T | None:
    """The first column of the query's first row through ``convert``; None without a row."""
    row = conn.execute(sql, params).fetchone()
    return None if row is None else convert(row[0])


def grouped(
    conn: Connection, sql: str, ids: Sequence[int], build: Callable[[Any], _T]
) -> dict[int, list[_T]]:
    """The child rows of the parents ``ids``, each built by ``build`` and filed under the
    parent its first column names, in the query's order; every id has a list (empty without
    children). ``sql`` says ``{marks}`` where the ids' placeholders go."""
    found: dict[int, list[_T]] = {int(i): [] for i in ids}
    for row in rows_in(conn, sql, found):
        found[int(row[0])].append(build(row))
    return found


def table_exists(conn: Connection, name: str) -> bool:
    """Whether the schema has table ``name`` (a database of an earlier version may not yet)."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


class WrongKeyOrDamaged(Exception):
    """SQLCipher could not read page 1: wrong key or a damaged file (they look the same)."""


DAMAGED = "De database is beschadigd en kan niet worden gelezen. Herstel een back-up."
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_IOERR = 10
_SQLITE_FULL = 13
_SQLITE_AUTH = 23
_WRITES = frozenset({sqlcipher3.SQLITE_INSERT, sqlcipher3.SQLITE_UPDATE, sqlcipher3.SQLITE_DELETE})
# On a full disk only the audit chain grows (sign-ins and audited reads).
_WRITABLE_WHEN_FULL = frozenset({"audit"})

# How long a statement waits for another program's write lock (a long import, a backup) before
# the workspace is reported busy. Bounded, so a script gets an answer instead of hanging; long
# enough that ordinary writes of a second program (a sign-in's audit entry) simply queue.
BUSY_TIMEOUT_ENV = "WERKPLEK_BUSY_TIMEOUT_MS"
DEFAULT_BUSY_TIMEOUT_MS = 15_000
BUSY = (
    "De werkplek is bezet: een ander programma (bijvoorbeeld een import of een back-up) "
    "schrijft er nu in. Probeer het straks opnieuw; er is niets gewijzigd."
)


def busy_timeout_ms() -> int:
    text = os.environ.get(BUSY_TIMEOUT_ENV, "")
    if text.isascii() and text.isdigit() and len(text) <= 9:
        return int(text)
    return DEFAULT_BUSY_TIMEOUT_MS


def _is_busy(exc: BaseException) -> bool:
    """Another connection held the lock for longer than the busy timeout (SQLITE_BUSY, or
    SQLITE_LOCKED within a shared cache): not damage, not a programming error."""
    if not isinstance(exc, sqlcipher3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "database is locked" in str(exc)


def _is_full(exc: BaseException, folder: Path) -> bool:
    """The disk is full (SQLITE_FULL; or an I/O error, such as failing to size the WAL index,
    while the disk has no room; or a change refused by the full-disk authorizer): storage
    trouble with a remedy, not damage."""
    if not isinstance(exc, sqlcipher3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in (_SQLITE_FULL, _SQLITE_AUTH):
        return True
    io_error = code & 0xFF == _SQLITE_IOERR if isinstance(code, int) else "I/O error" in str(exc)
    return io_error and reserve.disk_full(folder)


def _raise_if_busy_or_full(exc: BaseException, folder: Path, full: str) -> None:
    """A held lock and a full disk have a remedy for the user, so they leave as Busy and
    StorageFull (with the ``full`` sentence) instead of the driver's error; anything else is
    left to the caller."""
    if _is_busy(exc):
        raise Busy(BUSY) from None
    if _is_full(exc, folder):
        raise StorageFull(full) from None


def _is_damage(exc: BaseException) -> bool:
    """A page failed its HMAC or the b-tree is malformed (ENC-6), as opposed to a constraint or
    a programming error, which keep their own exception types."""
    code = getattr(exc, "sqlite_errorcode", None)
    return (
        isinstance(exc, sqlcipher3.DatabaseError)
        and isinstance(code, int)
        and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    )


def _key_pragma(key: bytes | bytearray) -> str:
    # ENC-7: only exactly 32 raw bytes are accepted; the pragma text is built from our own hex,
    # never from user input, so no quote or other character can reach the SQL.
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
        raise InvalidInput("De databasesleutel heeft niet de juiste vorm.")
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


def _connect(path: Path, key: bytes | bytearray) -> Connection:
    # ENC-7: the key is checked before any connection exists (connecting creates the file).
    key_pragma = _key_pragma(key)
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute(key_pragma)
        # Before the first read: even proving the key may have to wait for another writer.
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        if memory_security_wanted():
            conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        try:
            # Proves the key: SQLCipher only decrypts (and checks the HMAC of) page 1 here.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            _raise_if_busy_or_full(exc, path.parent, reserve.FULL_OPEN)
            raise WrongKeyOrDamaged() from exc
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Without this, INSERT OR REPLACE deletes a conflicting row without firing DELETE
        # triggers, which would bypass the audit log's append-only trigger (AUD-7).
        conn.execute("PRAGMA recursive_triggers = ON")
    except BaseException as exc:
        conn.close()
        _raise_if_busy_or_full(exc, path.parent, reserve.FULL_OPEN)
        raise
    return conn


def self_check(conn: Connection) -> None:
    """ENC-4: refuse to run on a SQLCipher build without the properties we rely on."""
    version = conn.execute("PRAGMA cipher_version").fetchone()
    if not version or not version[0]:
        raise IntegrityFailure("De versleutelingsbibliotheek ontbreekt; de werkplek start niet.")
    options = {row[0] for row in conn.execute("PRAGMA compile_options").fetchall()}
    if not options & {"TEMP_STORE=2", "TEMP_STORE=3"}:
        raise IntegrityFailure(
            "De database zou tijdelijke gegevens op schijf schrijven; geweigerd."
        )
    if conn.execute("PRAGMA cipher_use_hmac").fetchone()[0] not in ("1", 1):
        raise IntegrityFailure("De database wordt niet tegen wijzigingen beschermd; geweigerd.")
    if memory_security_wanted() and conn.execute("PRAGMA cipher_memory_security").fetchone()[
        0
    ] not in ("1", 1):
        raise IntegrityFailure("Geheugenbeveiliging van de database staat uit; geweigerd.")
    if "ENABLE_FTS5" not in options:
        raise IntegrityFailure("De database mist zoekfuncties (FTS5); geweigerd.")


def passes_integrity_checks(conn: Connection) -> bool:
    """SQLite's ``integrity_check`` says only "ok" and SQLCipher's ``cipher_integrity_check``
    finds no page: what a copy (a backup being restored, a rekeyed workspace) must pass."""
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    problems += [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    return problems == ["ok"]


def _open_checked(path: Path, key: bytes | bytearray) -> Connection:
    """An existing database opened with ``key`` that passed :func:`self_check`; a wrong key or
    a damaged file is IntegrityFailure, and a refused connection is closed again."""
    try:
        conn = _connect(path, key)
    except WrongKeyOrDamaged:
        raise IntegrityFailure(DAMAGED) from None
    try:
        self_check(conn)
    except BaseException:
        conn.close()
        raise
    return conn


class Database:
    """One encrypted connection. Writes go through :meth:`transaction`; the connection is used
    from one thread at a time (the lock serialises the GUI's background worker and callers)."""

    def __init__(self, conn: Connection, path: Path) -> None:
        self._conn: Connection | None = conn
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0
        # The disk was full at open (storage/reserve.py): audit entries only, no changes.
        self.storage_full = False

    @classmethod
    def create(cls, path: Path, key: bytes | bytearray) -> Database:
        if path.exists():
            raise InvalidInput("Er staat al een database in deze map.")
        conn = _connect(path, key)
        db = cls(conn, path)
        try:
            self_check(conn)
        except BaseException:
            # Refused: leave neither an open connection nor the file we just created.
            db.close()
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            raise
        db._restrict_files()
        return db

    @classmethod
    def open(cls, path: Path, key: bytes | bytearray) -> Database:
        # ENC-8: sqlite would silently create an empty file; we never do that on open.
        if not path.is_file():
            raise IntegrityFailure(
                "De database van deze werkplek ontbreekt. Herstel een back-up met de "
                "herstelsleutel."
            )
        full = reserve.low_before_open(path)
        db = cls(_open_checked(path, key), path)
        if full or not reserve.take(path):
            db._audit_only()
        db._restrict_files()
        return db

    def _audit_only(self) -> None:
        """The disk is full (storage/reserve.py): this connection may still append audit entries
        (sign-ins, audited reads) in the room the reserve freed, but changes nothing else; a
        statement that would is refused when prepared, before anything is written. Room that
        comes back lifts this for the statements prepared from then on."""
        self.storage_full = True

        def authorize(action: int, arg1: str | None, _a2: Any, db_name: str | None, _t: Any) -> int:
            if action not in _WRITES or db_name == "temp" or arg1 in _WRITABLE_WHEN_FULL:
                return int(sqlcipher3.SQLITE_OK)
            if self.storage_full and not reserve.room_for_changes(self.path):
                return int(sqlcipher3.SQLITE_DENY)
            self.storage_full = False
            return int(sqlcipher3.SQLITE_OK)

        self.conn.set_authorizer(authorize)

    def _restrict_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            restrict(Path(str(self.path) + suffix))

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise SessionLocked("De werkplek is vergrendeld. Meld u opnieuw aan.")
        return self._conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """BEGIN IMMEDIATE … COMMIT; nested use joins the outer transaction."""
        with self._lock:
            conn = self.conn
            if self._depth:
                self._depth += 1
                try:
                    yield conn
                finally:
                    self._depth -= 1
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlcipher3.OperationalError as exc:
                _raise_if_busy_or_full(exc, self.path.parent, reserve.FULL)
                raise
            self._depth = 1
            try:
                yield conn
            except BaseException as exc:
                self._depth = 0
                with contextlib.suppress(Exception):
                    conn.execute("ROLLBACK")
                if _is_damage(exc):
                    raise IntegrityFailure(DAMAGED) from exc
                _raise_if_busy_or_full(exc, self.path.parent, reserve.FULL)
                raise
            self._depth = 0
            try:
                conn.execute("COMMIT")
            except sqlcipher3.Error as exc:
                with contextlib.suppress(Exception):
                    conn.execute("ROLLBACK")
                _raise_if_busy_or_full(exc, self.path.parent, reserve.FULL)
                raise IntegrityFailure(
                    "De wijziging kon niet worden opgeslagen (schijf vol of alleen-lezen?)."
                ) from exc
            self._restrict_files()

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        with self._lock:
            try:
                yield self.conn
            except sqlcipher3.DatabaseError as exc:
                if _is_damage(exc):
                    raise IntegrityFailure(DAMAGED) from exc
                _raise_if_busy_or_full(exc, self.path.parent, reserve.FULL_OPEN)
                raise

    def integrity_problems(self) -> list[str]:
        """``PRAGMA integrity_check`` and ``cipher_integrity_check``; empty when all is well."""
        with self.reading() as conn:
            try:
                problems = [
                    str(r[0])
                    for r in conn.execute("PRAGMA integrity_check").fetchall()
                    if r[0] != "ok"
                ]
            except sqlcipher3.DatabaseError as exc:
                # A page that fails its HMAC aborts integrity_check; that is a finding, not a crash.
                if not _is_damage(exc):
                    raise
                problems = [f"integrity_check: {exc}"]
            problems += [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
        return problems

    def checkpoint(self) -> None:
        with self.reading() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def export_copy(self, target: Path, key: bytes | bytearray) -> None:
        """An encrypted, consistent copy (same key) for backups: sqlcipher_export."""
        with self._lock:
            conn = self.conn
            _key_pragma(key)  # validates the key's form
            conn.execute(
                "ATTACH DATABASE ? AS snapshot KEY ?", (str(target), f"x'{bytes(key).hex()}'")
            )
            try:
                conn.execute("SELECT sqlcipher_export('snapshot')")
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                conn.execute(f"PRAGMA snapshot.user_version = {int(version)}")
            finally:
                conn.execute("DETACH DATABASE snapshot")
            restrict(target)

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[Connection]:
        """This connection to the caller alone (other threads of this process wait), for
        longer than a transaction: a key rotation (storage/rekey.py) holds it from the copy
        to the rename."""
        with self._lock:
            yield self.conn

    def detach(self) -> None:
        """Close the connection without a checkpoint (the file is about to be replaced)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def attach(self, key: bytes | bytearray) -> None:
        """Connect again, to the file now at :attr:`path`, with ``key``."""
        with self._lock:
            self._conn = _open_checked(self.path, key)
            self._restrict_files()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    # Closing must not wait for another program's long write: the checkpoint
                    # is skipped then (the WAL stays encrypted; the next close folds it in).
                    self._conn.execute("PRAGMA busy_timeout = 0")
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.close()
                self._conn = None

    @property
    def closed(self) -> bool:
        return self._conn is None

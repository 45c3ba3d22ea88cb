"""The bulk-load pipeline: drafts in, numbered and packed column by column in chunks, each
chunk inserted by one statement on a worker thread while the next is packed; a large import
into a small table builds its random-order indexes afterwards."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.errors import InvalidState
from desktop_app.domain.requests import REFERENCE_MAX_SEQUENCE, Purpose, RequestDraft
from desktop_app.domain.search_text import WordFolds
from desktop_app.storage.db import Connection, rows_in
from desktop_app.storage.requests.records import fold_name, reference_counters, status_counts


@dataclass(frozen=True, slots=True)
class InsertedRange:
    """A bulk insert's ids: ``first_id`` … ``first_id + count - 1`` (consecutive)."""

    first_id: int
    count: int

    @property
    def last_id(self) -> int:
        return self.first_id + self.count - 1


_ROW_COLUMNS = (
    "id, ref_year, ref_seq, ind_reference, subject_name, name_fold, v_number, birth_date,"
    " nationality, purpose, received, deadline, calendar_version, created_by, created_at"
)
_INSERT = f"INSERT INTO requests ({_ROW_COLUMNS}) VALUES ({','.join('?' * 15)})"
_INSERT_FTS = "INSERT INTO requests_fts (rowid, name_fold) VALUES (?, ?)"

# Bulk path (chunks of at least this many rows). A chunk is not bound row by row: it is packed
# into two blobs (a fixed-width header per row and the concatenated UTF-8 texts) and inserted by
# ONE statement that unpacks them with substr() over a table of row numbers. One statement per
# chunk is what lets the insert run on a worker thread without the GIL (binding row by row takes
# the GIL for every row), and within one execution SQLite reuses its buffers instead of
# allocating per bound text, which matters most under the optional cipher_memory_security
# (every allocation locked, and wiped when freed).
BULK_MIN_ROWS = 100
# Rows per bulk statement. Small enough that preparing the next chunk (Python) overlaps the
# insert of this one (SQLite, GIL released) for most of an import; large enough that the
# per-statement costs vanish.
BULK_CHUNK = 10_000
# A bigger page cache while a bulk insert runs (KiB): the random-order indexes (name,
# V-number) then stay in memory instead of being re-read and re-decrypted. Restored afterwards.
# Not more: with those indexes built afterwards (DEFERRED_INDEXES), 512 MiB measured the same at
# 1,000,000 rows (pages the worker would have written while rows are parsed are then all
# written by the commit instead), for 400 MiB more memory in the window.
BULK_CACHE_KIB = 131_072
# Indexes whose keys arrive in random order. Each key costs a seek to a random leaf (and page
# splits all over the tree); for a large import into a small table it is cheaper to drop them
# and build them again from the sorted keys at the end: at 1,000,000 rows ~4.4 us/row instead
# of ~7.6 us/row, and off the SQLite thread while the rows are parsed. Still one transaction:
# if the import fails, the rollback brings them back.
DEFERRED_INDEXES: tuple[str, ...] = ("requests_name", "requests_v_number")
# When that pays: an import of at least this many rows that at least doubles the table (the
# rebuild sorts the existing keys too).
DEFER_MIN_ROWS = 50_000

# The packed chunk (see _Packer): fixed-width ASCII columns, one parameter each, row i of a
# column of width w at 1 + i * w; and the rows' texts (IND reference, name, folded name) in one
# UTF-8 blob, located by the "layout" column (byte offsets, 1-based as substr() counts, and
# lengths). Absent values have length 0 or are blank. No nullif()/rtrim(): a function result
# that copies its argument allocates per row.
_COLUMN_WIDTHS: dict[str, int] = {
    "seq": 6,
    "v_number": 10,
    "birth_date": 10,
    "nationality": 4,
    "purpose": 1,
    "received": 10,
    "deadline": 10,
    "layout": 42,
}
_LAYOUT_FORMAT = "%010d%04d%010d%04d%010d%04d"
_PURPOSE_DIGIT = {p: str(i) for i, p in enumerate(Purpose)}


def _unpack_sql() -> str:
    def col(name: str, start: int = 0, width: int | None = None) -> str:
        w = _COLUMN_WIDTHS[name]
        return f"substr(:{name}, {1 + start} + i * {w}, {w if width is None else width})"

    def text(name: str) -> str:
        return f"CAST({col(name)} AS TEXT)"

    def data(position: int) -> str:
        offset = col("layout", 14 * position, 10)
        length = col("layout", 14 * position + 10, 4)
        return f"CAST(substr(:texts, CAST({offset} AS INTEGER), CAST({length} AS INTEGER)) AS TEXT)"

    # Nationality: a length digit (0: none), then the code padded to three characters.
    nat_len = col("nationality", 0, 1)
    nationality = (
        f"CASE {nat_len} WHEN X'30' THEN NULL ELSE CAST(substr(:nationality,"
        f" 2 + i * 4, CAST({nat_len} AS INTEGER)) AS TEXT) END"
    )
    purpose = (
        "CASE "
        + col("purpose")
        + "".join(f" WHEN X'{ord(str(i)):02x}' THEN '{p.value}'" for i, p in enumerate(Purpose))
        + " END"
    )
    # Row numbers come from a table, not a recursive CTE: a CTE's queue copies every row out of
    # its ephemeral table into a freshly allocated buffer (one more locked, wiped allocation
    # per row under cipher_memory_security).
    return (
        f"INSERT INTO requests ({_ROW_COLUMNS})"
        " SELECT :first + i,"
        f" CAST({col('received', 0, 4)} AS INTEGER), CAST({col('seq')} AS INTEGER),"
        f" CASE {col('layout', 10, 4)} WHEN X'30303030' THEN NULL ELSE {data(0)} END,"
        f" {data(1)}, {data(2)}, {text('v_number')},"
        f" CASE {col('birth_date', 0, 1)} WHEN X'20' THEN NULL ELSE {text('birth_date')} END,"
        f" {nationality}, {purpose}, {text('received')}, {text('deadline')},"
        " :version, :created_by, :created_at"
        " FROM (SELECT i FROM temp.bulk_row_numbers WHERE i < :n ORDER BY i)"
    )


_INSERT_PACKED = _unpack_sql()
_INSERT_FTS_RANGE = (
    "INSERT INTO requests_fts (rowid, name_fold)"
    " SELECT id, name_fold FROM requests WHERE id BETWEEN ? AND ?"
)


def _ensure_row_numbers(conn: Connection, count: int) -> None:
    """A temporary (in-memory, per connection) table of the integers 0 … count-1."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS bulk_row_numbers (i INTEGER PRIMARY KEY)")
    have = int(
        conn.execute("SELECT coalesce(max(i) + 1, 0) FROM temp.bulk_row_numbers").fetchone()[0]
    )
    if have < count:
        conn.execute(
            "INSERT INTO temp.bulk_row_numbers (i) WITH RECURSIVE k(i) AS"
            " (SELECT ? UNION ALL SELECT i + 1 FROM k WHERE i + 1 < ?) SELECT i FROM k",
            (have, count),
        )


class _BackgroundWriter:
    """Runs one chunk's statements in a worker thread while the caller prepares the next chunk.

    SQLite releases the GIL while a statement runs, so packing chunk k+1 (Python) and inserting
    chunk k (C) use two cores. At most one job is in flight and the caller never touches the
    connection meanwhile (``wait`` first), so the connection is used by one thread at a time.
    A failed job's exception is raised by the next ``submit``/``wait``."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._pending: Future[None] | None = None

    def submit(self, job: Callable[[], None]) -> None:
        self.wait()
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk-insert")
        self._pending = self._pool.submit(job)

    def wait(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def close(self) -> None:
        """Let a running job finish (also after an error: the caller then rolls back)."""
        try:
            self.wait()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None


_received_of = operator.attrgetter("received")


def _chunks(drafts: Iterable[RequestDraft], size: int) -> Iterator[list[RequestDraft]]:
    it = iter(drafts)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _cache_kib(conn: Connection) -> int:
    value = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    if value < 0:
        return -value
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    return value * page_size // 1024


def insert_many(
    conn: Connection,
    drafts: Iterable[RequestDraft],
    *,
    calendar: AtwCalendar,
    created_by: str,
    created_at: str,
    expected_rows: int | None = None,
) -> InsertedRange:
    """Insert validated drafts with new references and deadlines; call inside a transaction.

    References are ``NV-<year of receipt>-<per-year sequence>``. ``drafts`` may be a
    generator (a streaming parser): it is consumed in chunks, and while one chunk is being
    inserted the next is read and packed. Within a chunk the drafts are numbered in order of
    receipt (the file's order carries no meaning once it is accepted, and date-ordered rows keep
    the date indexes nearly append-only). If ``drafts`` raises, the statements already run
    are finished first; the caller's rollback then removes them.

    ``expected_rows`` (an estimate is fine) lets a large import into a small table build the
    random-order indexes afterwards (see DEFERRED_INDEXES). If this raises, the caller must roll
    the transaction back; it may be left without those indexes until then.

    The connection must allow use from another thread (``check_same_thread=False``).
    """
    counters = reference_counters(conn)
    first_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM requests").fetchone()[0]) + 1
    next_id = first_id
    touched: set[int] = set()
    version = calendar.version
    old_cache: int | None = None
    deferred = _drop_deferred_indexes(conn, expected_rows)
    packer = _Packer(calendar)
    writer = _BackgroundWriter()

    def enlarge_cache() -> None:
        nonlocal old_cache
        if old_cache is None:
            writer.wait()
            old_cache = _cache_kib(conn)
            if old_cache < BULK_CACHE_KIB:
                conn.execute(f"PRAGMA cache_size = -{int(BULK_CACHE_KIB)}")

    def bulk_job(first: int, count: int, params: dict[str, object]) -> Callable[[], None]:
        params.update(
            n=count, first=first, version=version, created_by=created_by, created_at=created_at
        )

        def job() -> None:
            conn.execute(_INSERT_PACKED, params)
            conn.execute(_INSERT_FTS_RANGE, (first, first + count - 1))

        return job

    try:
        for chunk in _chunks(drafts, BULK_CHUNK):
            chunk.sort(key=_received_of)
            refs = _references(chunk, counters, touched)
            if len(chunk) < BULK_MIN_ROWS:
                rows = _rows(chunk, refs, next_id, calendar, version, created_by, created_at)
                writer.wait()
                conn.executemany(_INSERT, rows)
                conn.executemany(_INSERT_FTS, [(r[0], r[5]) for r in rows])
            else:
                params = packer.pack(chunk, refs[1])
                if old_cache is None:
                    enlarge_cache()
                    _ensure_row_numbers(conn, BULK_CHUNK)
                writer.submit(bulk_job(next_id, len(chunk), params))
            next_id += len(chunk)
        writer.wait()
        if deferred:
            enlarge_cache()
            for sql in deferred:
                conn.execute(sql)
    finally:
        writer.close()
        if old_cache is not None and old_cache < BULK_CACHE_KIB:
            conn.execute(f"PRAGMA cache_size = -{int(old_cache)}")
    inserted = next_id - first_id
    if inserted:
        conn.execute("UPDATE request_counts SET n = n + ? WHERE status = 0", (inserted,))
    if touched:
        conn.executemany(
            "INSERT INTO reference_counters (year, last_seq) VALUES (?, ?)"
            " ON CONFLICT(year) DO UPDATE SET last_seq = excluded.last_seq",
            [(y, counters[y]) for y in sorted(touched)],
        )
    return InsertedRange(first_id, inserted)


def _drop_deferred_indexes(conn: Connection, expected_rows: int | None) -> list[str]:
    """Drop the random-order indexes when the import is large enough (see DEFERRED_INDEXES);
    returns the statements that create them again exactly as the schema has them."""
    if expected_rows is None or expected_rows < DEFER_MIN_ROWS:
        return []
    if expected_rows < 2 * sum(status_counts(conn).values()):
        return []
    found = rows_in(
        conn,
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests'"
        " AND name IN ({marks})",
        DEFERRED_INDEXES,
    )
    for name, _ in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [str(sql) for _, sql in found]


def _references(
    chunk: list[RequestDraft], counters: dict[int, int], touched: set[int]
) -> tuple[list[int], list[int]]:
    """The years and sequence numbers of a chunk's references, continuing each year's counter
    (a run of one year at a time: the chunk is in order of receipt)."""
    years = [d.received.year for d in chunk]
    seqs: list[int] = []
    for year, run in itertools.groupby(years):
        last = counters.get(year, 0)
        count = sum(1 for _ in run)
        if last + count > REFERENCE_MAX_SEQUENCE:
            raise InvalidState(
                f"De kenmerken voor {year} zijn op (meer dan {REFERENCE_MAX_SEQUENCE} "
                "verzoeken in één jaar)."
            )
        seqs.extend(range(last + 1, last + count + 1))
        counters[year] = last + count
        touched.add(year)
    return years, seqs


def _rows(
    chunk: list[RequestDraft],
    refs: tuple[list[int], list[int]],
    first_id: int,
    calendar: AtwCalendar,
    version: str,
    created_by: str,
    created_at: str,
) -> list[tuple[object, ...]]:
    return [
        (
            first_id + i,
            year,
            seq,
            d.ind_reference,
            d.subject_name,
            fold_name(d.subject_name),
            d.v_number,
            None if d.birth_date is None else d.birth_date.isoformat(),
            d.nationality,
            d.purpose.value,
            d.received.isoformat(),
            calendar.deadline_for(d.received).isoformat(),
            version,
            created_by,
            created_at,
        )
        for i, (d, year, seq) in enumerate(zip(chunk, *refs, strict=True))
    ]


class _Texts(dict[Any, str]):
    """value -> its column text, made on first use (lookups stay in C through ``map``)."""

    def __init__(self, make: Callable[[Any], str]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: Any) -> str:
        text = self[key] = self._make(key)
        return text


def _byte_lengths(texts: Sequence[str]) -> list[int]:
    return list(map(len, map(str.encode, texts)))


class _Packer:
    """Packs chunks of drafts into the parameters of _INSERT_PACKED.

    Column by column, so that the per-row work is the C loops of ``map``, ``zip`` and
    ``str.join`` rather than Python statements; the texts of dates, deadlines, nationalities
    and folded words are made once per distinct value for the whole import."""

    def __init__(self, calendar: AtwCalendar) -> None:
        self._folds = WordFolds()
        self._dates = _Texts(lambda day: " " * 10 if day is None else day.isoformat())
        # AtwCalendar.deadline_for remembers each day's deadline; this keeps its text.
        self._deadlines = _Texts(lambda day: calendar.deadline_for(day).isoformat())
        self._nationalities = _Texts(lambda nat: "0   " if nat is None else f"{len(nat)}{nat:<3}")

    def pack(self, chunk: list[RequestDraft], seqs: list[int]) -> dict[str, object]:
        """The column parameters of one chunk (all but ``n`` and the constants)."""
        # One C-level transpose of the NamedTuples into columns.
        names, v_numbers, purposes, received, births, nationalities, references = zip(
            *chunk, strict=True
        )
        folded = self._folds.fold_many(names)
        inds = [ref or "" for ref in references]
        ind_lens, name_lens, fold_lens = (
            _byte_lengths(inds),
            _byte_lengths(names),
            _byte_lengths(folded),
        )
        ind_at = list(itertools.accumulate(ind_lens, initial=1))
        name_at = list(itertools.accumulate(name_lens, initial=ind_at.pop()))
        fold_at = list(itertools.accumulate(fold_lens, initial=name_at.pop()))
        fold_at.pop()
        dates = self._dates.__getitem__
        params: dict[str, object] = {
            "seq": "".join(map("%06d".__mod__, seqs)).encode("ascii"),
            "v_number": "".join(v_numbers).encode("ascii"),
            "birth_date": "".join(map(dates, births)).encode("ascii"),
            "nationality": "".join(map(self._nationalities.__getitem__, nationalities)).encode(
                "ascii"
            ),
            "purpose": "".join(map(_PURPOSE_DIGIT.__getitem__, purposes)).encode("ascii"),
            "received": "".join(map(dates, received)).encode("ascii"),
            "deadline": "".join(map(self._deadlines.__getitem__, received)).encode("ascii"),
            "layout": "".join(
                map(
                    _LAYOUT_FORMAT.__mod__,
                    zip(
                        ind_at,
                        ind_lens,
                        name_at,
                        name_lens,
                        fold_at,
                        fold_lens,
                        strict=True,
                    ),
                )
            ).encode("ascii"),
            "texts": "".join(itertools.chain(inds, names, folded)).encode(),
        }
        # Validated drafts always fit their widths; a misfit would shift every later row.
        for name, width in _COLUMN_WIDTHS.items():
            if len(params[name]) != width * len(chunk):  # type: ignore[arg-type]
                raise ValueError(f"bulk column {name} does not have the fixed width {width}")
        return params

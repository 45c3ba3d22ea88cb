"""Requests (naslagverzoeken): bulk insert, lookups, the lazy list queries, dashboard counts.

Every function takes a connection (the caller owns the transaction) and works unchanged on a
plain ``sqlite3`` connection with the same schema (the bench compares the two).

Design notes:
- Ids are assigned here (``max(id) + 1`` …) inside the caller's write transaction, so a bulk
  insert can fill the FTS index from the same tuples without reading the rows back.
- Dates are ISO text (they sort and compare correctly); status is an integer in workflow
  order (see ``STATUS_CODE``); open means ``status < 3``. That literal text is what the partial
  index ``requests_open`` is declared with, so queries spell it exactly so.
- Listing is split in two for a lazy table model: ``select_ids`` returns the ordered ids of a
  query (optionally a slice: offset/limit), ``records_by_ids`` fetches one page of rows.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import operator
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.choices import parse_choice
from desktop_app.domain.errors import InvalidInput, InvalidState
from desktop_app.domain.ids import RequestId
from desktop_app.domain.requests import (
    REFERENCE_MAX_SEQUENCE,
    DashboardBucket,
    DashboardThresholds,
    DelayNotice,
    Purpose,
    RequestDraft,
    RequestStatus,
    format_reference,
    parse_reference,
)
from desktop_app.domain.search_text import WordFolds, fold, fts_query, v_number_prefix
from desktop_app.domain.statistics import RequestFacts
from desktop_app.storage.db import Connection

STATUS_CODE: dict[RequestStatus, int] = {
    RequestStatus.RECEIVED: 0,
    RequestStatus.IN_PROGRESS: 1,
    RequestStatus.REPORT_IN_PREPARATION: 2,
    RequestStatus.CLOSED_NO_DATA: 3,
    RequestStatus.CLOSED_REPORT_ISSUED: 4,
}
STATUS_BY_CODE: tuple[RequestStatus, ...] = tuple(sorted(STATUS_CODE, key=lambda s: STATUS_CODE[s]))
_OPEN = "r.status < 3"  # the partial index's WHERE, literally
_PURPOSES = {p.value: p for p in Purpose}

# Placeholders per IN (...) when fetching a page of rows by id.
_IDS_PER_STATEMENT = 500


class SortColumn(enum.StrEnum):
    """Sort orders of the request list; each is served by an index (ties broken by id)."""

    RELEVANCE = "relevance"  # search: exact V-number/reference hits, then bm25; else newest first
    REFERENCE = "reference"
    RECEIVED = "received"
    DEADLINE = "deadline"
    STATUS = "status"  # workflow order, then received
    SUBJECT_NAME = "subject_name"  # folded: case and diacritics ignored

    @classmethod
    def parse(cls, value: str) -> SortColumn:
        return parse_choice(cls, value, unknown="Onbekende sortering", field="sort")


@dataclass(frozen=True, slots=True)
class RequestQuery:
    """What the request list shows: filters (all optional, combined with AND), search, order.

    ``overdue`` is the same set as ``bucket=DashboardBucket.OVERDUE``. ``search`` matches names
    (case and diacritics ignored, any script), V-numbers (exact, or a prefix of digits), the
    reference and the IND reference.
    """

    status: RequestStatus | None = None
    overdue: bool = False
    bucket: DashboardBucket | None = None
    search: str = ""
    sort: SortColumn = SortColumn.RELEVANCE
    descending: bool = False

    @property
    def has_search(self) -> bool:
        return bool(self.search.strip())

    @property
    def has_filters(self) -> bool:
        return self.status is not None or self.overdue or self.bucket is not None


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One stored request, without derived flags (those depend on "today")."""

    id: RequestId
    reference: str
    ind_reference: str | None
    subject_name: str
    v_number: str
    birth_date: dt.date | None
    nationality: str | None
    purpose: Purpose
    received: dt.date
    deadline: dt.date
    calendar_version: str
    status: RequestStatus
    closed_on: dt.date | None
    close_reason: str | None
    delay_notice: DelayNotice | None
    notes: str | None
    created_by: str
    created_at: str


@dataclass(frozen=True, slots=True)
class InsertedRange:
    """A bulk insert's ids: ``first_id`` … ``first_id + count - 1`` (consecutive)."""

    first_id: int
    count: int

    @property
    def last_id(self) -> int:
        return self.first_id + self.count - 1


def fold_name(name: str) -> str:
    """``search_text.fold``; ASCII names (most of them) take a shortcut with the same result."""
    return name.lower() if name.isascii() else fold(name)


# -- writing -----------------------------------------------------------------------------------

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
    counters = {
        int(y): int(s) for y, s in conn.execute("SELECT year, last_seq FROM reference_counters")
    }
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
    marks = ",".join("?" * len(DEFERRED_INDEXES))
    found = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests'"
        f" AND name IN ({marks})",
        DEFERRED_INDEXES,
    ).fetchall()
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


def set_status(
    conn: Connection,
    request_id: int,
    status: RequestStatus,
    *,
    closed_on: dt.date | None = None,
    close_reason: str | None = None,
) -> None:
    """Store a status the workflow has already allowed (``domain.requests.transition``)."""
    conn.execute(
        "UPDATE requests SET status = ?, closed_on = ?, close_reason = ? WHERE id = ?",
        (
            STATUS_CODE[status],
            None if closed_on is None else closed_on.isoformat(),
            close_reason,
            request_id,
        ),
    )


def set_delay_notice(
    conn: Connection, request_id: int, notice: DelayNotice, recorded_at: str
) -> None:
    conn.execute(
        "UPDATE requests SET notice_date = ?, notice_reason = ?, notice_by = ?,"
        " notice_recorded_at = ? WHERE id = ?",
        (notice.date.isoformat(), notice.reason, notice.by, recorded_at, request_id),
    )


def recompute_open_deadlines(conn: Connection, changed_day: dt.date, calendar: AtwCalendar) -> int:
    """After a calendar day was added or removed: new deadlines for the open requests whose
    term (received, deadline] contains that day. Returns how many deadlines changed.

    Closed requests keep the deadline (and calendar version) they were judged by."""
    day = changed_day.isoformat()
    received_dates = [
        dt.date.fromisoformat(r[0])
        for r in conn.execute(
            f"SELECT DISTINCT r.received FROM requests r WHERE {_OPEN}"
            " AND r.deadline >= ? AND r.received < ?",
            (day, day),
        )
    ]
    changed = 0
    for received in received_dates:
        cur = conn.execute(
            "UPDATE requests AS r SET deadline = ?, calendar_version = ?"
            f" WHERE {_OPEN} AND r.received = ? AND r.deadline >= ? AND r.deadline <> ?",
            (
                calendar.deadline_for(received).isoformat(),
                calendar.version,
                received.isoformat(),
                day,
                calendar.deadline_for(received).isoformat(),
            ),
        )
        changed += max(cur.rowcount, 0)
    return changed


# -- reading single requests -------------------------------------------------------------------

_COLUMNS = (
    "r.id, r.ref_year, r.ref_seq, r.ind_reference, r.subject_name, r.v_number, r.birth_date,"
    " r.nationality, r.purpose, r.received, r.deadline, r.calendar_version, r.status,"
    " r.closed_on, r.close_reason, r.notice_date, r.notice_reason, r.notice_by, r.notes,"
    " r.created_by, r.created_at"
)


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _record(row: Any) -> RequestRecord:
    (
        rid,
        year,
        seq,
        ind_ref,
        name,
        v_number,
        born,
        nationality,
        purpose,
        received,
        deadline,
        version,
        status,
        closed_on,
        close_reason,
        n_date,
        n_reason,
        n_by,
        notes,
        created_by,
        created_at,
    ) = row
    notice = (
        None
        if n_date is None
        else DelayNotice(dt.date.fromisoformat(str(n_date)), str(n_reason), str(n_by))
    )
    return RequestRecord(
        id=RequestId(int(rid)),
        reference=format_reference(int(year), int(seq)),
        ind_reference=ind_ref,
        subject_name=str(name),
        v_number=str(v_number),
        birth_date=_date(born),
        nationality=nationality,
        purpose=_PURPOSES[str(purpose)],
        received=dt.date.fromisoformat(str(received)),
        deadline=dt.date.fromisoformat(str(deadline)),
        calendar_version=str(version),
        status=STATUS_BY_CODE[int(status)],
        closed_on=_date(closed_on),
        close_reason=close_reason,
        delay_notice=notice,
        notes=notes,
        created_by=str(created_by),
        created_at=str(created_at),
    )


def by_id(conn: Connection, request_id: int) -> RequestRecord | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM requests r WHERE r.id = ?", (request_id,)
    ).fetchone()
    return None if row is None else _record(row)


def id_by_reference(conn: Connection, reference: str) -> int | None:
    year, seq = parse_reference(reference)
    row = conn.execute(
        "SELECT id FROM requests WHERE ref_year = ? AND ref_seq = ?", (year, seq)
    ).fetchone()
    return None if row is None else int(row[0])


def records_by_ids(conn: Connection, ids: Sequence[int]) -> list[RequestRecord]:
    """The records for ``ids`` in that order (unknown ids are left out); one query per 500."""
    found: dict[int, RequestRecord] = {}
    for start in range(0, len(ids), _IDS_PER_STATEMENT):
        chunk = [int(i) for i in ids[start : start + _IDS_PER_STATEMENT]]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT {_COLUMNS} FROM requests r WHERE r.id IN ({marks})", chunk
        ):
            record = _record(row)
            found[int(record.id)] = record
    return [found[int(i)] for i in ids if int(i) in found]


# -- the list: filters, search, order ----------------------------------------------------------


def _notice_missing(alias: str = "r") -> str:
    """No delay notice on or before the deadline."""
    return f"({alias}.notice_date IS NULL OR {alias}.notice_date > {alias}.deadline)"


def _bucket_condition(
    bucket: DashboardBucket, th: DashboardThresholds, *, closed_as_complement: bool = False
) -> tuple[str, list[object]]:
    t, w, e = th.today.isoformat(), th.warning_until.isoformat(), th.week_end.isoformat()
    warning = f"(r.deadline <= ? AND {_notice_missing()})"
    if bucket is DashboardBucket.CLOSED:
        if closed_as_complement:
            # The same set, checked against the (few) open ids rather than each row's status:
            # a walk of any sort index then never needs the table (see _sort_in_memory).
            return f"r.id NOT IN (SELECT id FROM requests r WHERE {_OPEN})", []
        return "r.status >= 3", []
    if bucket is DashboardBucket.OVERDUE:
        return f"{_OPEN} AND r.deadline < ?", [t]
    if bucket is DashboardBucket.DUE_TODAY:
        return f"{_OPEN} AND r.deadline = ?", [t]
    if bucket is DashboardBucket.WARNING_NO_NOTICE:
        return f"{_OPEN} AND r.deadline > ? AND {warning}", [t, w]
    if bucket is DashboardBucket.DUE_THIS_WEEK:
        return f"{_OPEN} AND r.deadline > ? AND r.deadline <= ? AND NOT {warning}", [t, e, w]
    return f"{_OPEN} AND r.deadline > ? AND r.deadline > ? AND NOT {warning}", [t, e, w]


def _filters(
    query: RequestQuery, th: DashboardThresholds, *, closed_as_complement: bool = False
) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if query.status is not None:
        where.append("r.status = ?")
        params.append(STATUS_CODE[query.status])
    if query.overdue:
        where.append(f"{_OPEN} AND r.deadline < ?")
        params.append(th.today.isoformat())
    if query.bucket is not None:
        cond, values = _bucket_condition(
            query.bucket, th, closed_as_complement=closed_as_complement
        )
        where.append(cond)
        params.extend(values)
    return where, params


@dataclass(frozen=True, slots=True)
class _Search:
    """The matching ids of a search as a CTE ``hits(id, grp, score)``: grp 0 for exact hits
    (V-number, reference, IND reference), 1 for names (score = bm25, lower is better)."""

    parts: tuple[str, ...]
    params: tuple[object, ...]
    kind: str

    @property
    def names_only(self) -> bool:
        return self.kind == "name" and len(self.parts) == 1


def search_kind(text: str) -> str:
    """How a search text is read: ``v_number`` (digits), ``reference`` or ``name``."""
    if v_number_prefix(text) is not None:
        return "v_number"
    try:
        parse_reference(text)
    except InvalidInput:
        return "name"
    return "reference"


def _search(text: str) -> _Search:
    parts: list[str] = []
    params: list[object] = []
    kind = search_kind(text)
    if kind == "v_number":
        digits = v_number_prefix(text)
        assert digits is not None
        if len(digits) == 10:
            parts.append("SELECT id, 0, 0.0 FROM requests WHERE v_number = ?")
            params.append(digits)
        else:
            # ':' follows '9' in ASCII: [digits, digits + ':') is exactly the prefix range.
            parts.append("SELECT id, 0, 0.0 FROM requests WHERE v_number >= ? AND v_number < ?")
            params += [digits, digits + ":"]
    else:
        if kind == "reference":
            year, seq = parse_reference(text)
            parts.append("SELECT id, 0, 0.0 FROM requests WHERE ref_year = ? AND ref_seq = ?")
            params += [year, seq]
        match = fts_query(text)
        if match:
            parts.append("SELECT rowid, 1, rank FROM requests_fts WHERE requests_fts MATCH ?")
            params.append(match)
    stripped = text.strip()
    # IND references carry a number; a query without a digit is a name only, which keeps the
    # common case on the FTS index alone (see select_ids).
    if kind != "reference" and any(ch.isdigit() for ch in stripped):
        parts.insert(0, "SELECT id, 0, 0.0 FROM requests WHERE ind_reference = ? COLLATE NOCASE")
        params.insert(0, stripped)
    return _Search(tuple(parts), tuple(params), kind)


def _order(query: RequestQuery, *, searching: bool, in_memory: bool = False) -> str:
    """The ORDER BY terms. ``in_memory`` writes them as ``+column``, which keeps SQLite from
    walking an index in that order (see _sort_in_memory)."""
    d = " DESC" if query.descending else ""
    sort = query.sort
    if sort is SortColumn.RELEVANCE:
        if searching:
            return "h.grp, h.score, r.received DESC, r.id DESC"
        return "r.received DESC, r.id DESC"
    columns = {
        SortColumn.REFERENCE: ("r.ref_year", "r.ref_seq"),
        SortColumn.RECEIVED: ("r.received", "r.id"),
        SortColumn.DEADLINE: ("r.deadline", "r.id"),
        SortColumn.STATUS: ("r.status", "r.received", "r.id"),
        SortColumn.SUBJECT_NAME: ("r.name_fold", "r.id"),
    }[sort]
    plus = "+" if in_memory else ""
    return ", ".join(plus + c + d for c in columns)


def _sort_in_memory(conn: Connection, query: RequestQuery, *, limited: bool) -> bool:
    """Whether a filtered list should be sorted after filtering rather than read in the order
    of the sort column's index. Without statistics SQLite likes the index walk, which checks
    the filter on every row it passes: at 1,000,000 requests the 10,000 overdue ones by name
    took ~20 s that way (a random table lookup per row), ~20 ms found first and then sorted.
    So: sort in memory when the filter keeps at most half the table (the per-status counter
    table tells). A filter that keeps most rows is met at once by the walk, so it stays, except
    for the whole list by name, whose index order is random against the table's."""
    if query.status is None and query.bucket is None and not query.overdue:
        return False
    counts = status_counts(conn)
    total = sum(counts.values())
    open_count = sum(n for status, n in counts.items() if not status.is_closed)
    kept = total
    if query.status is not None:
        kept = min(kept, counts[query.status])
    if query.overdue or (query.bucket is not None and query.bucket is not DashboardBucket.CLOSED):
        kept = min(kept, open_count)
    if query.bucket is DashboardBucket.CLOSED:
        kept = min(kept, total - open_count)
    if 2 * kept <= total:
        return True
    if query.bucket is DashboardBucket.CLOSED and query.status is None:
        return False  # checked from the index alone (closed_as_complement): ~1 s for 1M
    return query.sort is SortColumn.SUBJECT_NAME and not limited


def _hits_cte(search: _Search) -> str:
    union = " UNION ALL ".join(search.parts)
    return (
        f"WITH hits(id, grp, score) AS ({union}),"
        " h(id, grp, score) AS (SELECT id, min(grp), min(score) FROM hits GROUP BY id) "
    )


def _limit_clause(offset: int, limit: int | None) -> tuple[str, list[object]]:
    if limit is None and offset == 0:
        return "", []
    return " LIMIT ? OFFSET ?", [-1 if limit is None else limit, offset]


def select_ids(
    conn: Connection,
    query: RequestQuery,
    thresholds: DashboardThresholds,
    *,
    offset: int = 0,
    limit: int | None = None,
) -> array[int]:
    """The ids matching ``query`` in its order; ``offset``/``limit`` take a slice of them."""
    tail, tail_params = _limit_clause(offset, limit)
    if query.has_search:
        where, params = _filters(query, thresholds)
        search = _search(query.search)
        if not search.parts:
            return array("q")
        if search.names_only and not where and query.sort is SortColumn.RELEVANCE:
            # The common case straight from the FTS index (no join, no grouping).
            sql = (
                "SELECT rowid FROM requests_fts WHERE requests_fts MATCH ?"
                " ORDER BY rank, rowid DESC" + tail
            )
            return array("q", [r[0] for r in conn.execute(sql, [*search.params, *tail_params])])
        sql = (
            _hits_cte(search)
            + "SELECT r.id FROM h JOIN requests r ON r.id = h.id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY "
            + _order(query, searching=True)
            + tail
        )
        all_params = [*search.params, *params, *tail_params]
    else:
        in_memory = _sort_in_memory(conn, query, limited=limit is not None)
        where, params = _filters(query, thresholds, closed_as_complement=not in_memory)
        order = _order(query, searching=False, in_memory=in_memory)
        sql = (
            "SELECT r.id FROM requests r"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY "
            + order
            + tail
        )
        all_params = [*params, *tail_params]
    return array("q", [r[0] for r in conn.execute(sql, all_params)])


def status_counts(conn: Connection) -> dict[RequestStatus, int]:
    return {
        STATUS_BY_CODE[int(s)]: int(n)
        for s, n in conn.execute("SELECT status, n FROM request_counts")
    }


def count(conn: Connection, query: RequestQuery, thresholds: DashboardThresholds) -> int:
    """How many requests match ``query`` (the list's total)."""
    if query.has_search:
        search = _search(query.search)
        if not search.parts:
            return 0
        where, params = _filters(query, thresholds)
        if where:
            sql = (
                _hits_cte(search) + "SELECT count(*) FROM h JOIN requests r ON r.id = h.id"
                " WHERE " + " AND ".join(where)
            )
        elif search.names_only:
            sql = "SELECT count(*) FROM requests_fts WHERE requests_fts MATCH ?"
        else:
            sql = _hits_cte(search) + "SELECT count(*) FROM h"
        return int(conn.execute(sql, [*search.params, *params]).fetchone()[0])
    only_status = not query.overdue and (
        query.bucket is None or query.bucket is DashboardBucket.CLOSED
    )
    if only_status:
        counts = status_counts(conn)
        selected = [s for s in counts if query.status is None or s is query.status]
        if query.bucket is DashboardBucket.CLOSED:
            selected = [s for s in selected if s.is_closed]
        return sum(counts[s] for s in selected)
    where, params = _filters(query, thresholds)
    sql = "SELECT count(*) FROM requests r WHERE " + " AND ".join(where)
    return int(conn.execute(sql, params).fetchone()[0])


def dashboard_counts(conn: Connection, th: DashboardThresholds) -> dict[DashboardBucket, int]:
    """Requests per dashboard bucket in one pass over the open requests' partial index; the
    closed count comes from ``request_counts``. Agrees with ``domain.requests.dashboard_bucket``.
    """
    t, w, e = th.today.isoformat(), th.warning_until.isoformat(), th.week_end.isoformat()
    warning = f"(r.deadline <= :w AND {_notice_missing()})"
    row = conn.execute(
        "SELECT count(*),"
        " coalesce(sum(r.deadline < :t), 0),"
        " coalesce(sum(r.deadline = :t), 0),"
        f" coalesce(sum(r.deadline > :t AND {warning}), 0),"
        f" coalesce(sum(r.deadline > :t AND r.deadline <= :e AND NOT {warning}), 0)"
        f" FROM requests r WHERE {_OPEN}",
        {"t": t, "w": w, "e": e},
    ).fetchone()
    total_open, overdue, due_today, warning_count, this_week = (int(v) for v in row)
    counts = status_counts(conn)
    closed = sum(n for s, n in counts.items() if s.is_closed)
    return {
        DashboardBucket.OVERDUE: overdue,
        DashboardBucket.DUE_TODAY: due_today,
        DashboardBucket.WARNING_NO_NOTICE: warning_count,
        DashboardBucket.DUE_THIS_WEEK: this_week,
        DashboardBucket.OPEN: total_open - overdue - due_today - warning_count - this_week,
        DashboardBucket.CLOSED: closed,
    }


# -- statistics --------------------------------------------------------------------------------


def statistics_facts(
    conn: Connection, period_from: dt.date, period_to: dt.date
) -> Iterator[RequestFacts]:
    """The facts of every request received in the period (identical facts are read once, as a
    group with a count, and repeated)."""
    rows = conn.execute(
        "SELECT received, deadline, status >= 3, status, closed_on, notice_date, count(*)"
        " FROM requests WHERE received BETWEEN ? AND ?"
        " GROUP BY received, deadline, status, closed_on, notice_date",
        (period_from.isoformat(), period_to.isoformat()),
    )
    cache: dict[str, dt.date] = {}

    def day(text: str) -> dt.date:
        value = cache.get(text)
        if value is None:
            value = cache[text] = dt.date.fromisoformat(text)
        return value

    for received, deadline, _closed, status, closed_on, notice_date, n in rows:
        facts = RequestFacts(
            received=day(received),
            deadline=day(deadline),
            status=STATUS_BY_CODE[int(status)],
            closed_on=None if closed_on is None else day(closed_on),
            delay_notice_date=None if notice_date is None else day(notice_date),
        )
        yield from itertools.repeat(facts, int(n))


def table_exists(conn: Connection, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def fts_integrity_ok(conn: Connection) -> bool:
    """FTS5's own check that the index matches the requests table."""
    try:
        conn.execute("INSERT INTO requests_fts (requests_fts) VALUES ('integrity-check')")
    except Exception:  # the driver's DatabaseError (sqlcipher3 or sqlite3)
        return False
    return True

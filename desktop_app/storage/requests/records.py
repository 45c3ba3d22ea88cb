"""The stored request: its columns, one record by id or reference, a page of records by ids,
status and delay-notice updates, deadline recomputation, per-status counts and statistics."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.ids import RequestId
from desktop_app.domain.queries import RequestRecord
from desktop_app.domain.requests import (
    DelayNotice,
    Purpose,
    RequestStatus,
    format_reference,
    parse_reference,
)
from desktop_app.domain.search_text import index_form
from desktop_app.domain.statistics import RequestFacts
from desktop_app.storage.db import Connection, first_value

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


def fold_name(name: str) -> str:
    """``search_text.index_form``: what the name column of the search index holds."""
    return index_form(name)


def refold_names(conn: Connection) -> int:
    """Bring every stored name's index form up to ``fold_name`` (after it learnt something new);
    ASCII names never change. Returns how many rows changed."""
    rows = conn.execute(
        "SELECT id, name_fold, subject_name FROM requests WHERE subject_name GLOB '*[^ -~]*'"
    ).fetchall()
    changed = [
        (int(rid), str(old), new) for rid, old, name in rows if (new := fold_name(str(name))) != old
    ]
    for rid, old, new in changed:
        # External-content FTS: the old terms are removed with the old text, then re-added.
        conn.execute(
            "INSERT INTO requests_fts (requests_fts, rowid, name_fold) VALUES ('delete', ?, ?)",
            (rid, old),
        )
        conn.execute("UPDATE requests SET name_fold = ? WHERE id = ?", (new, rid))
        conn.execute("INSERT INTO requests_fts (rowid, name_fold) VALUES (?, ?)", (rid, new))
    return len(changed)


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
    if notice.liaison is not None:
        # Schema step 7's columns: apart, so a notice without a liaison is stored the same way
        # on every schema since step 2.
        conn.execute(
            "UPDATE requests SET notice_liaison = ?, notice_liaison_name = ? WHERE id = ?",
            (notice.liaison, notice.liaison_name, request_id),
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
    " r.created_by, r.created_at, r.notice_recorded_at"
)
_LIAISON = ", r.notice_liaison, r.notice_liaison_name"
_NO_LIAISON = ", NULL, NULL"


def _columns(conn: Connection) -> str:
    """The columns with the liaison's (schema step 7) or NULLs: a database left at an older
    schema is still read by today's code (before and while it is upgraded)."""
    found = conn.execute(
        "SELECT 1 FROM pragma_table_info('requests') WHERE name = 'notice_liaison'"
    ).fetchone()
    return _COLUMNS + (_NO_LIAISON if found is None else _LIAISON)


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _moment(text: str | None) -> dt.datetime | None:
    """A stored moment (``audit.format_ts``); None when absent or not one (hand-made rows):
    such a notice is treated as one whose recording time is unknown."""
    if text is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


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
        n_recorded_at,
        n_liaison,
        n_liaison_name,
    ) = row
    notice = (
        None
        if n_date is None
        else DelayNotice(
            dt.date.fromisoformat(str(n_date)),
            str(n_reason),
            str(n_by),
            liaison=n_liaison,
            liaison_name=n_liaison_name,
            recorded_at=_moment(n_recorded_at),
        )
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
        f"SELECT {_columns(conn)} FROM requests r WHERE r.id = ?", (request_id,)
    ).fetchone()
    return None if row is None else _record(row)


def id_by_reference(conn: Connection, reference: str) -> int | None:
    year, seq = parse_reference(reference)
    return first_value(
        conn, "SELECT id FROM requests WHERE ref_year = ? AND ref_seq = ?", (year, seq), int
    )


def records_by_ids(conn: Connection, ids: Sequence[int]) -> list[RequestRecord]:
    """The records for ``ids`` in that order (unknown ids are left out); one query per 500."""
    found: dict[int, RequestRecord] = {}
    columns = _columns(conn)
    for start in range(0, len(ids), _IDS_PER_STATEMENT):
        chunk = [int(i) for i in ids[start : start + _IDS_PER_STATEMENT]]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT {columns} FROM requests r WHERE r.id IN ({marks})", chunk):
            record = _record(row)
            found[int(record.id)] = record
    return [found[int(i)] for i in ids if int(i) in found]


def reference_counters(conn: Connection) -> dict[int, int]:
    """The last reference sequence number used in each year of receipt."""
    return {
        int(y): int(s) for y, s in conn.execute("SELECT year, last_seq FROM reference_counters")
    }


def status_counts(conn: Connection) -> dict[RequestStatus, int]:
    return {
        STATUS_BY_CODE[int(s)]: int(n)
        for s, n in conn.execute("SELECT status, n FROM request_counts")
    }


# -- statistics --------------------------------------------------------------------------------


def statistics_facts(
    conn: Connection, period_from: dt.date, period_to: dt.date, as_of: str | None = None
) -> Iterator[RequestFacts]:
    """The facts of every request received in the period (identical facts are read once, as a
    group with a count, and repeated); with ``as_of`` (a stored moment) only the requests
    registered by then, the rest of ``domain.statistics.known_as_of`` being the caller's."""
    rows = conn.execute(
        "SELECT received, deadline, status >= 3, status, closed_on, notice_date,"
        " notice_recorded_at, count(*)"
        " FROM requests WHERE received BETWEEN ? AND ? AND (? IS NULL OR created_at <= ?)"
        " GROUP BY received, deadline, status, closed_on, notice_date, notice_recorded_at",
        (period_from.isoformat(), period_to.isoformat(), as_of, as_of),
    )
    cache: dict[str, dt.date] = {}

    def day(text: str) -> dt.date:
        value = cache.get(text)
        if value is None:
            value = cache[text] = dt.date.fromisoformat(text)
        return value

    for received, deadline, _closed, status, closed_on, notice_date, notice_at, n in rows:
        facts = RequestFacts(
            received=day(received),
            deadline=day(deadline),
            status=STATUS_BY_CODE[int(status)],
            closed_on=None if closed_on is None else day(closed_on),
            delay_notice_date=None if notice_date is None else day(notice_date),
            notice_recorded_at=_moment(notice_at),
        )
        yield from itertools.repeat(facts, int(n))


def fts_integrity_ok(conn: Connection) -> bool:
    """FTS5's own check that the index matches the requests table."""
    try:
        conn.execute("INSERT INTO requests_fts (requests_fts) VALUES ('integrity-check')")
    except Exception:  # the driver's DatabaseError (sqlcipher3 or sqlite3)
        return False
    return True


def open_ids_by_v_number(conn: Connection, v_number: str) -> list[int]:
    """Open requests (``status < 3``, see the package notes) for this V-number, oldest first."""
    rows = conn.execute(
        "SELECT id FROM requests WHERE v_number = ? AND status < 3 ORDER BY id", (v_number,)
    ).fetchall()
    return [int(r[0]) for r in rows]

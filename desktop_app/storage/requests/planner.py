"""The request list's queries: filters, search, order, the ids of a list (or a slice),
its count and the dashboard counts. Chooses between walking a sort column's index and sorting
after filtering (see ``_sort_in_memory``)."""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.queries import RequestQuery, SortColumn
from desktop_app.domain.requests import DashboardBucket, DashboardThresholds, parse_reference
from desktop_app.domain.search_text import fts_query, v_number_prefix
from desktop_app.storage.db import Connection
from desktop_app.storage.requests.records import _OPEN, STATUS_CODE, status_counts


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

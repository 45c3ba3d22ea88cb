"""Retention periods, legal holds, destruction lists and the destruction itself (schema 7c).

Destruction removes a record's rows from every table that refers to it, found through the
schema's foreign keys (so a table a later step adds with a foreign key to ``reports`` or
``requests`` goes with them without a change here), plus the references the schema keeps as
plain integers (the print register, the provisions of a report, drafts, the name index). The
append-only triggers of steps 3-5 let such a delete through only while the record's report or
inspection is in ``destruction_marker``, which only a list approved by both may fill; the
marker is emptied again before the transaction ends. A protected table that does not know the
marker refuses, and the whole destruction rolls back: the safe direction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import sqlcipher3

from desktop_app.domain.drafts import about as draft_about
from desktop_app.domain.errors import IntegrityFailure
from desktop_app.domain.requests import format_reference
from desktop_app.domain.retention import RecordKind, Slot, cutoff, due_on
from desktop_app.storage.db import Connection, cells, optional_str

# How deep the foreign-key walk goes (reports -> evidence_items -> inspection_items is 3).
_MAX_DEPTH = 8


def _plain(value: Any) -> Any:
    """A field's value as the JSON (cli.md) gives it: days ISO, kinds by value, lists."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, RecordKind):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, ListItem):
        return value.as_dict()
    return value


def _as_dict(record: Any, **renamed: str) -> dict[str, Any]:
    """Every field in declaration order, under its own name unless ``renamed`` gives another."""
    return {renamed.get(f.name, f.name): _plain(getattr(record, f.name)) for f in fields(record)}


@dataclass(frozen=True, slots=True)
class Period:
    kind: RecordKind
    years: int
    basis: str
    changed_by: str
    changed_at: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "label": self.kind.label_nl,
            "years": self.years,
            "starts": self.kind.starts_nl,
            "basis": self.basis,
            "changed_by": self.changed_by,
            "changed_at": self.changed_at,
        }


@dataclass(frozen=True, slots=True)
class Hold:
    id: int
    object: str
    reason: str
    reference: str
    placed_by: str
    placed_at: str
    released_by: str | None
    released_at: str | None
    release_reason: str | None

    @property
    def active(self) -> bool:
        return self.released_at is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": self.object,
            "reason": self.reason,
            "reference": self.reference,
            "placed_by": self.placed_by,
            "placed_at": self.placed_at,
            "active": self.active,
            "released_by": self.released_by,
            "released_at": self.released_at,
            "release_reason": self.release_reason,
        }


@dataclass(frozen=True, slots=True)
class ListItem:
    object: str
    kind: RecordKind
    reference: str
    starts_on: dt.date
    years: int
    due_on: dt.date

    def as_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass(frozen=True, slots=True)
class Candidate(ListItem):
    """A record whose period has run out on the day asked about: what a list would name, and
    what stands in the way of listing it."""

    held_by: tuple[int, ...] = ()  # active holds that block it
    on_list: int | None = None  # an open destruction list that already names it


@dataclass(frozen=True, slots=True)
class DestructionList:
    id: int
    as_of: dt.date
    drawn_up_by: str
    drawn_up_at: str
    admin_approved_by: str | None
    admin_approved_at: str | None
    signer_approved_by: str | None
    signer_approved_at: str | None
    destroyed_by: str | None
    destroyed_at: str | None
    items: tuple[ListItem, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass(frozen=True, slots=True)
class DestructionRecord:
    id: int
    list_id: int
    object: str
    kind: RecordKind
    reference: str
    starts_on: dt.date
    years: int
    due_on: dt.date
    parts: dict[str, Any]
    destroyed_by: str
    destroyed_at: str

    def as_dict(self) -> dict[str, Any]:
        return _as_dict(self, list_id="list")


# -- periods ------------------------------------------------------------------------------------


def periods(conn: Connection) -> list[Period]:
    rows = conn.execute(
        "SELECT kind, years, basis, changed_by, changed_at FROM retention_periods"
    ).fetchall()
    found = {str(r[0]): r for r in rows}
    # Declared order (the order the kinds are explained in), not the table's.
    return [
        Period(kind, int(r[1]), str(r[2]), str(r[3]), str(r[4]))
        for kind in RecordKind
        if (r := found.get(kind.value)) is not None
    ]


def set_period(
    conn: Connection, kind: RecordKind, years: int, basis: str, by: str, at: str
) -> None:
    conn.execute(
        "INSERT INTO retention_periods (kind, years, basis, changed_by, changed_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind) DO UPDATE SET years = excluded.years,"
        " basis = excluded.basis, changed_by = excluded.changed_by,"
        " changed_at = excluded.changed_at",
        (kind.value, years, basis, by, at),
    )


# -- what is due --------------------------------------------------------------------------------


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(str(text)[:10])


def due_records(conn: Connection, as_of: dt.date) -> list[Candidate]:
    """Every record whose period has run out on ``as_of`` (holds and open lists noted, not
    left out: the administrator sees why a due record is not on a list)."""
    found: list[tuple[str, RecordKind, str, dt.date, int]] = []
    for period in periods(conn):
        limit = cutoff(period.years, as_of).isoformat()
        kind = period.kind
        if kind in (RecordKind.REQUEST_NO_DATA, RecordKind.REQUEST_REPORT):
            status = 3 if kind is RecordKind.REQUEST_NO_DATA else 4
            rows = conn.execute(
                "SELECT id, ref_year, ref_seq, closed_on FROM requests"
                " WHERE status = ? AND closed_on IS NOT NULL AND closed_on < ? ORDER BY id",
                (status, limit),
            ).fetchall()
            found += [
                (f"request:{r[0]}", kind, format_reference(int(r[1]), int(r[2])), _date(r[3]), 0)
                for r in rows
            ]
        elif kind is RecordKind.SPONTANEOUS_REPORT:
            rows = conn.execute(
                "SELECT id, reference, issued_at FROM reports WHERE request_id IS NULL"
                " AND status = 'issued' AND issued_at IS NOT NULL AND issued_at < ? ORDER BY id",
                (limit,),
            ).fetchall()
            found += [(f"report:{r[0]}", kind, str(r[1]), _date(r[2]), 0) for r in rows]
        elif kind is RecordKind.PROVISION:
            rows = conn.execute(
                "SELECT id, provided_on FROM provisions WHERE request_id IS NULL"
                " AND report_id IS NULL AND provided_on < ? ORDER BY id",
                (limit,),
            ).fetchall()
            found += [
                (f"provision:{r[0]}", kind, f"verstrekking {r[0]}", _date(r[1]), 0) for r in rows
            ]
        elif kind is RecordKind.INSPECTION:
            rows = conn.execute(
                "SELECT i.id, COALESCE(r.reference, i.report_id), i.closed_at FROM inspections i"
                " LEFT JOIN reports r ON r.id = i.report_id"
                " WHERE i.closed_at IS NOT NULL AND i.closed_at < ? ORDER BY i.id",
                (limit,),
            ).fetchall()
            found += [
                (f"inspection:{r[0]}", kind, f"inzage {r[0]} bij {r[1]}", _date(r[2]), 0)
                for r in rows
            ]
    years = {p.kind: p.years for p in periods(conn)}
    holds = active_hold_objects(conn)
    listed = open_list_objects(conn)
    result = []
    for obj, kind, reference, starts, _ in found:
        held = (
            tuple(sorted(h for o, h in holds if o in related_objects(conn, obj))) if holds else ()
        )
        result.append(
            Candidate(
                obj,
                kind,
                reference,
                starts,
                years[kind],
                due_on(starts, years[kind]),
                held,
                listed.get(obj),
            )
        )
    return result


def _ids(conn: Connection, sql: str, params: Sequence[Any]) -> list[int]:
    return [int(r[0]) for r in conn.execute(sql, tuple(params)).fetchall()]


def related_objects(conn: Connection, obj: str) -> set[str]:
    """The record itself, the parts destruction would remove with it, and the records it is
    part of: a hold on any of them blocks its destruction."""
    kind, _, ident = obj.partition(":")
    oid = int(ident)
    related = {obj}
    if kind == "request":
        reports = _ids(conn, "SELECT id FROM reports WHERE request_id = ?", (oid,))
        related |= {f"report:{r}" for r in reports}
        related |= {f"provision:{p}" for p in _provisions_of(conn, [oid], reports)}
        related |= {f"inspection:{i}" for i in _inspections_of(conn, reports)}
    elif kind == "report":
        related |= {f"provision:{p}" for p in _provisions_of(conn, [], [oid])}
        related |= {f"inspection:{i}" for i in _inspections_of(conn, [oid])}
        request = conn.execute("SELECT request_id FROM reports WHERE id = ?", (oid,)).fetchone()
        if request is not None and request[0] is not None:
            related.add(f"request:{request[0]}")
    elif kind == "inspection":
        row = conn.execute("SELECT report_id FROM inspections WHERE id = ?", (oid,)).fetchone()
        if row is not None:
            related.add(f"report:{row[0]}")
            request = conn.execute(
                "SELECT request_id FROM reports WHERE id = ?", (row[0],)
            ).fetchone()
            if request is not None and request[0] is not None:
                related.add(f"request:{request[0]}")
    elif kind == "provision":
        row = conn.execute(
            "SELECT request_id, report_id FROM provisions WHERE id = ?", (oid,)
        ).fetchone()
        if row is not None:
            if row[0] is not None:
                related.add(f"request:{row[0]}")
            if row[1] is not None:
                related.add(f"report:{row[1]}")
    return related


def _provisions_of(conn: Connection, requests: Sequence[int], reports: Sequence[int]) -> list[int]:
    ids: set[int] = set()
    for column, values in (("request_id", requests), ("report_id", reports)):
        for value in values:
            ids |= set(_ids(conn, f"SELECT id FROM provisions WHERE {column} = ?", (value,)))
    return sorted(ids)


def _inspections_of(conn: Connection, reports: Sequence[int]) -> list[int]:
    ids: list[int] = []
    for report in reports:
        ids += _ids(conn, "SELECT id FROM inspections WHERE report_id = ?", (report,))
    return sorted(ids)


def object_exists(conn: Connection, kind: str, oid: int) -> bool:
    table = {
        "request": "requests",
        "report": "reports",
        "provision": "provisions",
        "inspection": "inspections",
    }[kind]
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (oid,)).fetchone() is not None


def object_reference(conn: Connection, kind: str, oid: int) -> str:
    """How a person names the object (a reference, never a subject's name or a title)."""
    if kind == "request":
        row = conn.execute("SELECT ref_year, ref_seq FROM requests WHERE id = ?", (oid,)).fetchone()
        return format_reference(int(row[0]), int(row[1])) if row else f"verzoek {oid}"
    if kind == "report":
        row = conn.execute("SELECT reference FROM reports WHERE id = ?", (oid,)).fetchone()
        return str(row[0]) if row else f"ambtsbericht {oid}"
    if kind == "inspection":
        return f"inzage {oid}"
    return f"verstrekking {oid}"


# -- holds --------------------------------------------------------------------------------------

_HOLD_COLUMNS = (
    "id, object, reason, reference, placed_by, placed_at, released_by, released_at, release_reason"
)


def _hold(r: Any) -> Hold:
    return Hold(*cells(r, int, str, str, str, str, str, optional_str, optional_str, optional_str))


def insert_hold(conn: Connection, obj: str, reason: str, reference: str, by: str, at: str) -> int:
    cur = conn.execute(
        "INSERT INTO legal_holds (object, reason, reference, placed_by, placed_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (obj, reason, reference, by, at),
    )
    return int(cur.lastrowid or 0)


def get_hold(conn: Connection, hold_id: int) -> Hold | None:
    row = conn.execute(
        f"SELECT {_HOLD_COLUMNS} FROM legal_holds WHERE id = ?", (hold_id,)
    ).fetchone()
    return None if row is None else _hold(row)


def holds(conn: Connection, *, active_only: bool = False) -> list[Hold]:
    where = " WHERE released_at IS NULL" if active_only else ""
    rows = conn.execute(f"SELECT {_HOLD_COLUMNS} FROM legal_holds{where} ORDER BY id").fetchall()
    return [_hold(r) for r in rows]


def active_hold_objects(conn: Connection) -> list[tuple[str, int]]:
    rows = conn.execute(
        "SELECT object, id FROM legal_holds WHERE released_at IS NULL ORDER BY id"
    ).fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]


def release_hold(conn: Connection, hold_id: int, reason: str, by: str, at: str) -> None:
    conn.execute(
        "UPDATE legal_holds SET released_by = ?, released_at = ?, release_reason = ? WHERE id = ?",
        (by, at, reason, hold_id),
    )


# -- lists --------------------------------------------------------------------------------------

_LIST_COLUMNS = (
    "id, as_of, drawn_up_by, drawn_up_at, admin_approved_by, admin_approved_at,"
    " signer_approved_by, signer_approved_at, destroyed_by, destroyed_at"
)


def insert_list(
    conn: Connection, as_of: dt.date, by: str, at: str, items: Iterable[Candidate]
) -> int:
    cur = conn.execute(
        "INSERT INTO destruction_lists (as_of, drawn_up_by, drawn_up_at) VALUES (?, ?, ?)",
        (as_of.isoformat(), by, at),
    )
    list_id = int(cur.lastrowid or 0)
    conn.executemany(
        "INSERT INTO destruction_list_items (list_id, object, kind, reference, starts_on, years,"
        " due_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                list_id,
                c.object,
                c.kind.value,
                c.reference,
                c.starts_on.isoformat(),
                c.years,
                c.due_on.isoformat(),
            )
            for c in items
        ],
    )
    return list_id


def _list(conn: Connection, r: Any) -> DestructionList:
    items = conn.execute(
        "SELECT object, kind, reference, starts_on, years, due_on FROM destruction_list_items"
        " WHERE list_id = ? ORDER BY kind, object",
        (int(r[0]),),
    ).fetchall()

    listed = tuple(ListItem(*cells(i, str, RecordKind, str, _date, int, _date)) for i in items)
    # Approved by (admin, signer) and destroyed by, each with its time: NULL until done.
    return DestructionList(*[*cells(r, int, _date, str, str, *[optional_str] * 6), listed])


def get_list(conn: Connection, list_id: int) -> DestructionList | None:
    row = conn.execute(
        f"SELECT {_LIST_COLUMNS} FROM destruction_lists WHERE id = ?", (list_id,)
    ).fetchone()
    return None if row is None else _list(conn, row)


def lists(conn: Connection) -> list[DestructionList]:
    rows = conn.execute(f"SELECT {_LIST_COLUMNS} FROM destruction_lists ORDER BY id").fetchall()
    return [_list(conn, r) for r in rows]


def open_list_objects(conn: Connection) -> dict[str, int]:
    rows = conn.execute(
        "SELECT i.object, i.list_id FROM destruction_list_items i JOIN destruction_lists l"
        " ON l.id = i.list_id WHERE l.destroyed_at IS NULL"
    ).fetchall()
    return {str(r[0]): int(r[1]) for r in rows}


def set_approval(conn: Connection, list_id: int, slot: Slot, by: str, at: str) -> None:
    column = "admin" if slot is Slot.ADMIN else "signer"
    conn.execute(
        f"UPDATE destruction_lists SET {column}_approved_by = ?, {column}_approved_at = ?"
        " WHERE id = ?",
        (by, at, list_id),
    )


def mark_destroyed(conn: Connection, list_id: int, by: str, at: str) -> None:
    conn.execute(
        "UPDATE destruction_lists SET destroyed_by = ?, destroyed_at = ? WHERE id = ?",
        (by, at, list_id),
    )


# -- destruction --------------------------------------------------------------------------------

_RECORD_COLUMNS = (
    "id, list_id, object, kind, reference, starts_on, years, due_on, parts, destroyed_by,"
    " destroyed_at"
)


def _record(r: Any) -> DestructionRecord:
    return DestructionRecord(
        *cells(r, int, int, str, RecordKind, str, _date, int, _date, json.loads, str, str)
    )


def records(conn: Connection) -> list[DestructionRecord]:
    rows = conn.execute(f"SELECT {_RECORD_COLUMNS} FROM destruction_records ORDER BY id").fetchall()
    return [_record(r) for r in rows]


@dataclass
class Purged:
    """What one destruction removed: identifiers per kind and rows per table."""

    ids: dict[str, list[int]] = field(default_factory=dict)
    rows: Counter[str] = field(default_factory=Counter)

    def add(self, kind: str, values: Iterable[int]) -> None:
        self.ids.setdefault(kind, []).extend(values)

    def parts(self) -> dict[str, Any]:
        return {
            **{k: sorted(set(v)) for k, v in sorted(self.ids.items()) if v},
            "rows": dict(sorted((t, n) for t, n in self.rows.items() if n)),
        }


def _children(conn: Connection, table: str) -> list[tuple[str, list[str], list[str]]]:
    """Tables with a foreign key to ``table``: (child, its columns, the parent's columns)."""
    found: list[tuple[str, list[str], list[str]]] = []
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        ).fetchall()
    ]
    for child in names:
        keys: dict[int, tuple[str, list[str], list[str]]] = {}
        for row in conn.execute(f"PRAGMA foreign_key_list('{child}')").fetchall():
            fk_id, parent, from_col, to_col = int(row[0]), str(row[2]), str(row[3]), row[4]
            if parent != table:
                continue
            entry = keys.setdefault(fk_id, (child, [], []))
            entry[1].append(from_col)
            entry[2].append("id" if to_col is None else str(to_col))
        found += keys.values()
    return found


def _purge(conn: Connection, table: str, where: str, purged: Purged, depth: int = 0) -> None:
    """Delete the rows of ``table`` matching ``where`` and, first, every row that refers to
    them by a foreign key (recursively)."""
    if depth > _MAX_DEPTH:
        raise RuntimeError("foreign keys nest deeper than destruction expects")
    for child, child_cols, parent_cols in _children(conn, table):
        if child == table:
            continue
        cond = (
            f"({', '.join(child_cols)}) IN (SELECT {', '.join(parent_cols)} FROM {table}"
            f" WHERE {where})"
        )
        _purge(conn, child, cond, purged, depth + 1)
    try:
        cur = conn.execute(f"DELETE FROM {table} WHERE {where}")
    except sqlcipher3.IntegrityError:
        # A protected table that does not know destruction_marker: the whole destruction rolls
        # back (the caller's transaction), and the administrator learns which table it was.
        raise IntegrityFailure(
            "Vernietiging afgebroken en teruggedraaid: de werkplek weigert een deel van het "
            f"archiefstuk te verwijderen (tabel {table}). Er is niets vernietigd; meld dit aan "
            "de leverancier van de software."
        ) from None
    purged.rows[table] += max(cur.rowcount, 0)


def _in(ids: Iterable[int]) -> str:
    # Integers only (never text), so the list can be written into the statement.
    return "id IN (" + ", ".join(str(int(i)) for i in ids) + ")"


def _purge_reports(conn: Connection, list_id: int, reports: list[int], purged: Purged) -> None:
    if not reports:
        return
    conn.executemany(
        "INSERT INTO destruction_marker (list_id, kind, object_id) VALUES (?, 'report', ?)",
        [(list_id, r) for r in reports],
    )
    ids = ", ".join(str(int(r)) for r in reports)
    purged.add("report", reports)
    purged.add(
        "evidence", _ids(conn, f"SELECT id FROM evidence_items WHERE report_id IN ({ids})", ())
    )
    purged.add(
        "inspection", _ids(conn, f"SELECT id FROM inspections WHERE report_id IN ({ids})", ())
    )
    jobs = _ids(conn, f"SELECT id FROM print_jobs WHERE report_id IN ({ids})", ())
    purged.add("print_job", jobs)
    if jobs:
        _purge(conn, "print_jobs", _in(jobs), purged)
    provisions = _ids(conn, f"SELECT id FROM provisions WHERE report_id IN ({ids})", ())
    purged.add("provision", provisions)
    if provisions:
        _purge(conn, "provisions", _in(provisions), purged)
    _purge_drafts(conn, {("report", int(r)) for r in reports}, purged)
    _purge(conn, "reports", _in(reports), purged)


def _purge_drafts(conn: Connection, records: set[tuple[str, int]], purged: Purged) -> None:
    """Unsaved work about the records (the editor's, a new report for the request, an open
    dialog's): it may hold their personal data (domain.drafts.about says which)."""
    keys = [
        str(k)
        for (k,) in conn.execute("SELECT DISTINCT belongs_to FROM drafts").fetchall()
        if draft_about(str(k)) in records
    ]
    for key in keys:
        cur = conn.execute("DELETE FROM drafts WHERE belongs_to = ?", (key,))
        purged.rows["drafts"] += max(cur.rowcount, 0)


def destroy(conn: Connection, list_id: int, obj: str) -> Purged:
    """Remove one record and all its parts (the caller writes the destruction record)."""
    kind, _, ident = obj.partition(":")
    oid = int(ident)
    purged = Purged()
    before = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")  # freed pages are overwritten, not left behind
    try:
        _destroy(conn, list_id, kind, oid, purged)
    finally:
        conn.execute(f"PRAGMA secure_delete = {1 if before else 0}")
    return purged


def _destroy(conn: Connection, list_id: int, kind: str, oid: int, purged: Purged) -> None:
    if kind == "request":
        reports = _ids(conn, "SELECT id FROM reports WHERE request_id = ?", (oid,))
        _purge_reports(conn, list_id, reports, purged)
        purged.add(
            "provision", _ids(conn, "SELECT id FROM provisions WHERE request_id = ?", (oid,))
        )
        row = conn.execute("SELECT name_fold FROM requests WHERE id = ?", (oid,)).fetchone()
        if row is not None:
            # The name index is external content: its entry goes by the old value.
            conn.execute(
                "INSERT INTO requests_fts (requests_fts, rowid, name_fold) VALUES ('delete', ?, ?)",
                (oid, row[0]),
            )
            purged.rows["requests_fts"] += 1
        _purge_drafts(conn, {("request", oid)}, purged)
        purged.add("request", [oid])
        _purge(conn, "requests", _in([oid]), purged)
    elif kind == "report":
        _purge_reports(conn, list_id, [oid], purged)
    elif kind == "inspection":
        conn.execute(
            "INSERT INTO destruction_marker (list_id, kind, object_id) VALUES (?, 'inspection', ?)",
            (list_id, oid),
        )
        purged.add("inspection", [oid])
        _purge(conn, "inspections", _in([oid]), purged)
    elif kind == "provision":
        purged.add("provision", [oid])
        _purge(conn, "provisions", _in([oid]), purged)
    else:
        raise ValueError(f"{kind}:{oid}")
    conn.execute("DELETE FROM destruction_marker WHERE list_id = ?", (list_id,))


def compact_name_index(conn: Connection) -> None:
    """Merge the name index's segments, so a deleted name's tokens leave the index's pages
    (a 'delete' only adds a tombstone until the segments merge)."""
    conn.execute("INSERT INTO requests_fts (requests_fts) VALUES ('optimize')")


def insert_record(
    conn: Connection, list_id: int, item: ListItem, parts: dict[str, Any], by: str, at: str
) -> int:
    cur = conn.execute(
        "INSERT INTO destruction_records (list_id, object, kind, reference, starts_on, years,"
        " due_on, parts, destroyed_by, destroyed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            list_id,
            item.object,
            item.kind.value,
            item.reference,
            item.starts_on.isoformat(),
            item.years,
            item.due_on.isoformat(),
            json.dumps(parts, sort_keys=True, separators=(",", ":")),
            by,
            at,
        ),
    )
    return int(cur.lastrowid or 0)


def object_still_exists(conn: Connection, obj: str) -> bool:
    kind, _, ident = obj.partition(":")
    return object_exists(conn, kind, int(ident))

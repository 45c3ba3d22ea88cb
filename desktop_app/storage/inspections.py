"""Inspection sessions (inzage, art. 2.5): the session row, the items listed at its start and
its event log (start, each item opened and closed, activity, idle, end). Rows in, frozen
records out.

The event log is append-only; durations are never stored but replayed from it
(``domain.inspection.replay``), so they cannot be edited after the fact. A session row only
gains its end (``ended_at``/``end_reason``), and the inspector's notes once, when it is
closed (``closed_at``); after that it is frozen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.ids import EvidenceId, InspectionId, ReportId, UserId
from desktop_app.domain.inspection import EndReason, SessionEvent, SessionEventKind
from desktop_app.storage.audit import format_ts
from desktop_app.storage.db import Connection, count_on_days


@dataclass(frozen=True, slots=True)
class InspectionRow:
    id: InspectionId
    report_id: ReportId
    inspector_id: UserId
    inspector_name: str
    inspector_full_name: str
    designation_ref: str
    workstation_id: str
    location: str
    idle_minutes: int
    started_at: dt.datetime
    ended_at: dt.datetime | None
    end_reason: EndReason | None
    closed_at: dt.datetime | None
    notes: str

    @property
    def closed(self) -> bool:
        return self.closed_at is not None


def _when(value: Any) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(str(value))


_SELECT = (
    "SELECT i.id, i.report_id, i.inspector_id, u.name, u.full_name, i.designation_ref,"
    " i.workstation_id, i.location, i.idle_minutes, i.started_at, i.ended_at, i.end_reason,"
    " i.closed_at, i.notes FROM inspections i JOIN users u ON u.id = i.inspector_id"
)


def _row(r: Any) -> InspectionRow:
    started = _when(r[9])
    assert started is not None
    return InspectionRow(
        id=InspectionId(int(r[0])),
        report_id=ReportId(int(r[1])),
        inspector_id=UserId(int(r[2])),
        inspector_name=str(r[3]),
        inspector_full_name=str(r[4]),
        designation_ref=str(r[5]),
        workstation_id=str(r[6]),
        location=str(r[7]),
        idle_minutes=int(r[8]),
        started_at=started,
        ended_at=_when(r[10]),
        end_reason=None if r[11] is None else EndReason(str(r[11])),
        closed_at=_when(r[12]),
        notes=str(r[13]),
    )


def insert(
    conn: Connection,
    *,
    report_id: ReportId,
    inspector_id: UserId,
    designation_ref: str,
    workstation_id: str,
    location: str,
    idle_minutes: int,
    started_at: dt.datetime,
    items: tuple[EvidenceId, ...],
) -> InspectionId:
    """The session, the items listed to the inspector, and its start event."""
    cur = conn.execute(
        "INSERT INTO inspections (report_id, inspector_id, designation_ref, workstation_id,"
        " location, idle_minutes, started_at) VALUES (?,?,?,?,?,?,?)",
        (
            report_id,
            inspector_id,
            designation_ref,
            workstation_id,
            location,
            idle_minutes,
            format_ts(started_at),
        ),
    )
    iid = InspectionId(int(cur.lastrowid))
    conn.executemany(
        "INSERT INTO inspection_items (inspection_id, item_id) VALUES (?, ?)",
        [(iid, item) for item in items],
    )
    append_event(conn, iid, SessionEvent(SessionEventKind.START, started_at))
    return iid


def get(conn: Connection, inspection_id: int) -> InspectionRow | None:
    row = conn.execute(_SELECT + " WHERE i.id = ?", (inspection_id,)).fetchone()
    return None if row is None else _row(row)


def for_report(conn: Connection, report_id: int) -> list[InspectionRow]:
    rows = conn.execute(_SELECT + " WHERE i.report_id = ? ORDER BY i.id", (report_id,))
    return [_row(r) for r in rows.fetchall()]


def for_inspector(conn: Connection, inspector_id: int) -> list[InspectionRow]:
    rows = conn.execute(_SELECT + " WHERE i.inspector_id = ? ORDER BY i.id", (inspector_id,))
    return [_row(r) for r in rows.fetchall()]


def listed_items(conn: Connection, inspection_id: int) -> frozenset[EvidenceId]:
    rows = conn.execute(
        "SELECT item_id FROM inspection_items WHERE inspection_id = ?", (inspection_id,)
    ).fetchall()
    return frozenset(EvidenceId(int(r[0])) for r in rows)


def append_event(conn: Connection, inspection_id: InspectionId, event: SessionEvent) -> None:
    conn.execute(
        "INSERT INTO inspection_events (inspection_id, kind, item_id, at) VALUES (?,?,?,?)",
        (inspection_id, event.kind.value, event.item_id, format_ts(event.at)),
    )


def events(conn: Connection, inspection_id: int) -> list[SessionEvent]:
    rows = conn.execute(
        "SELECT kind, item_id, at FROM inspection_events WHERE inspection_id = ? ORDER BY id",
        (inspection_id,),
    ).fetchall()
    return [
        SessionEvent(
            SessionEventKind(str(kind)),
            dt.datetime.fromisoformat(str(at)),
            None if item is None else EvidenceId(int(item)),
        )
        for kind, item, at in rows
    ]


def mark_ended(
    conn: Connection, inspection_id: InspectionId, *, ended_at: dt.datetime, reason: EndReason
) -> None:
    conn.execute(
        "UPDATE inspections SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
        (format_ts(ended_at), reason.value, inspection_id),
    )


def close(
    conn: Connection, inspection_id: InspectionId, *, closed_at: dt.datetime, notes: str
) -> None:
    """The inspector's end of the session: the notes are kept and the row is frozen."""
    conn.execute(
        "UPDATE inspections SET closed_at = ?, notes = ? WHERE id = ?",
        (format_ts(closed_at), notes, inspection_id),
    )


def count_between(
    conn: Connection, start: dt.date, end: dt.date, *, recorded_by: str | None = None
) -> int:
    """Inspections started on the days ``start``..``end`` (UTC dates; for the statistics);
    with ``recorded_by`` (a stored moment) only those started by then (figures "as of")."""
    return count_on_days(conn, "inspections", "started_at", start, end, recorded_by)

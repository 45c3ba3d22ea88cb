"""The provisions register (verstrekkingenregister, art. 1.1–1.2): rows in, records out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.domain.ids import ProvisionId
from desktop_app.domain.requests import format_reference
from desktop_app.storage.db import Connection

DIRECTIONS = ("aivd_to_ind", "ind_to_aivd")


@dataclass(frozen=True, slots=True)
class ProvisionRecord:
    id: ProvisionId
    direction: str
    provided_on: dt.date
    description: str
    legal_basis: str
    provided_by: str
    received_by: str | None
    request_id: int | None
    request_reference: str | None
    report_id: int | None
    recorded_by: str
    recorded_at: str

    def as_dict(self) -> dict[str, object]:
        return {
            "id": int(self.id),
            "direction": self.direction,
            "date": self.provided_on.isoformat(),
            "description": self.description,
            "legal_basis": self.legal_basis,
            "provided_by": self.provided_by,
            "received_by": self.received_by,
            "request_id": self.request_id,
            "request_reference": self.request_reference,
            "report_id": self.report_id,
            "recorded_by": self.recorded_by,
            "recorded_at": self.recorded_at,
        }


def insert(
    conn: Connection,
    *,
    direction: str,
    provided_on: dt.date,
    description: str,
    legal_basis: str,
    provided_by: str,
    received_by: str | None,
    request_id: int | None,
    report_id: int | None,
    recorded_by: str,
    recorded_at: str,
) -> ProvisionId:
    cur = conn.execute(
        "INSERT INTO provisions (direction, provided_on, description, legal_basis, provided_by,"
        " received_by, request_id, report_id, recorded_by, recorded_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            direction,
            provided_on.isoformat(),
            description,
            legal_basis,
            provided_by,
            received_by,
            request_id,
            report_id,
            recorded_by,
            recorded_at,
        ),
    )
    return ProvisionId(int(cur.lastrowid))


def select(
    conn: Connection,
    *,
    direction: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int | None = None,
) -> list[ProvisionRecord]:
    where: list[str] = []
    params: list[object] = []
    if direction is not None:
        where.append("p.direction = ?")
        params.append(direction)
    if date_from is not None:
        where.append("p.provided_on >= ?")
        params.append(date_from.isoformat())
    if date_to is not None:
        where.append("p.provided_on <= ?")
        params.append(date_to.isoformat())
    sql = (
        "SELECT p.id, p.direction, p.provided_on, p.description, p.legal_basis, p.provided_by,"
        " p.received_by, p.request_id, r.ref_year, r.ref_seq, p.report_id, p.recorded_by,"
        " p.recorded_at FROM provisions p LEFT JOIN requests r ON r.id = p.request_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY p.provided_on DESC, p.id DESC"
        + (" LIMIT ?" if limit is not None else "")
    )
    if limit is not None:
        params.append(limit)
    return [
        ProvisionRecord(
            ProvisionId(int(r[0])),
            r[1],
            dt.date.fromisoformat(r[2]),
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            None if r[8] is None else format_reference(int(r[8]), int(r[9])),
            r[10],
            r[11],
            r[12],
        )
        for r in conn.execute(sql, params)
    ]


def count_by_direction(
    conn: Connection, date_from: dt.date, date_to: dt.date, *, recorded_by: str | None = None
) -> dict[str, int]:
    """Provisions per direction dated in the period; with ``recorded_by`` (a stored moment)
    only those recorded by then (figures "as of")."""
    counts = dict.fromkeys(DIRECTIONS, 0)
    for direction, n in conn.execute(
        "SELECT direction, count(*) FROM provisions WHERE provided_on BETWEEN ? AND ?"
        " AND (? IS NULL OR recorded_at <= ?) GROUP BY direction",
        (date_from.isoformat(), date_to.isoformat(), recorded_by, recorded_by),
    ):
        counts[str(direction)] = int(n)
    return counts

"""Marking of reports beyond their level: how long the classification holds (one row per
report in ``report_markings``) and the subject of a spontaneous report (``report_subjects``:
a report on a request takes its subject from the request). Rows in, frozen values out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.domain.classification import ClassificationDuration
from desktop_app.domain.ids import UserId
from desktop_app.storage.audit import format_ts
from desktop_app.storage.db import Connection


def report_duration(conn: Connection, report_id: int) -> ClassificationDuration | None:
    row = conn.execute(
        "SELECT classified_until, classified_until_event FROM report_markings WHERE report_id = ?",
        (int(report_id),),
    ).fetchone()
    if row is None:
        return None
    return ClassificationDuration.from_stored(
        None if row[0] is None else str(row[0]), None if row[1] is None else str(row[1])
    )


def set_report_duration(
    conn: Connection, report_id: int, duration: ClassificationDuration | None
) -> None:
    """Record (or, with None, remove: an unclassified report has none) the duration."""
    if duration is None:
        conn.execute("DELETE FROM report_markings WHERE report_id = ?", (int(report_id),))
        return
    until, event = duration.stored()
    conn.execute(
        "INSERT INTO report_markings (report_id, classified_until, classified_until_event)"
        " VALUES (?,?,?) ON CONFLICT(report_id) DO UPDATE SET"
        " classified_until = excluded.classified_until,"
        " classified_until_event = excluded.classified_until_event",
        (int(report_id), until, event),
    )


@dataclass(frozen=True, slots=True)
class SubjectRow:
    name: str
    birth_date: dt.date | None
    v_number: str


def report_subject(conn: Connection, report_id: int) -> SubjectRow | None:
    row = conn.execute(
        "SELECT subject_name, birth_date, v_number FROM report_subjects WHERE report_id = ?",
        (int(report_id),),
    ).fetchone()
    if row is None:
        return None
    born: dt.date | None = None
    if row[1]:
        try:
            born = dt.date.fromisoformat(str(row[1]))
        except ValueError:  # a malformed date is shown as unknown rather than wrong
            born = None
    return SubjectRow(str(row[0]), born, str(row[2]))


def set_report_subject(
    conn: Connection,
    report_id: int,
    *,
    name: str,
    birth_date: dt.date | None,
    v_number: str,
    by: UserId,
    at: dt.datetime,
) -> None:
    conn.execute(
        "INSERT INTO report_subjects (report_id, subject_name, birth_date, v_number,"
        " recorded_by, recorded_at) VALUES (?,?,?,?,?,?) ON CONFLICT(report_id) DO UPDATE SET"
        " subject_name = excluded.subject_name, birth_date = excluded.birth_date,"
        " v_number = excluded.v_number, recorded_by = excluded.recorded_by,"
        " recorded_at = excluded.recorded_at",
        (
            int(report_id),
            name,
            None if birth_date is None else birth_date.isoformat(),
            v_number,
            int(by),
            format_ts(at),
        ),
    )

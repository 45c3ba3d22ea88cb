"""Ambtsberichten: reports, their immutable versions, the recorded history (events), the
liaison's annotations and verdicts, and corrections after issuing. Rows in, frozen records out.

The history (``report_events``) is what the domain's ``decide`` and art. 2.5 involvement read;
``reports.status`` and ``reports.current_version`` are kept beside it so lists need no replay
(the services check the two agree whenever a single report is loaded).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop_app.domain.annotations import RemarkChange, RemarkEvent
from desktop_app.domain.classification import Classification
from desktop_app.domain.ids import ReportId, RequestId, UserId
from desktop_app.domain.reports import ReportAction, ReportEvent, ReportStatus
from desktop_app.storage import provisions
from desktop_app.storage.audit import format_ts
from desktop_app.storage.db import Connection, count_on_days, first_value, rows_in

REFERENCE_PREFIX = "AB"


# ---------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True, slots=True)
class ReportRow:
    id: ReportId
    reference: str
    request_id: RequestId | None
    title: str
    classification: Classification
    status: ReportStatus
    current_version: int
    created_by: UserId
    created_at: str
    updated_at: str
    signed_version: int | None
    text_sha256: str | None
    signed_by: UserId | None
    signed_at: str | None
    issued_by: UserId | None
    issued_at: str | None


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """A version without its text (lists, headers)."""

    version: int
    text_sha256: str
    length: int
    author_id: UserId
    created_at: str
    submitted_at: str | None


@dataclass(frozen=True, slots=True)
class AnnotationRow:
    id: int
    report_id: ReportId
    version: int
    start: int
    end: int
    quote: str
    comment: str
    author_id: UserId
    created_at: str


@dataclass(frozen=True, slots=True)
class VerdictRow:
    id: int
    report_id: ReportId
    version: int
    verdict: str  # "usable" | "changes_wanted"
    comment: str | None
    author_id: UserId
    created_at: str


@dataclass(frozen=True, slots=True)
class CorrectionRow:
    id: int
    report_id: ReportId
    text: str
    author_id: UserId
    created_at: str
    provision_id: int | None


# ---------------------------------------------------------------------------------------------
# Reports

_REPORT_COLUMNS = (
    "id, reference, request_id, title, classification, status, current_version, created_by,"
    " created_at, updated_at, signed_version, text_sha256, signed_by, signed_at, issued_by,"
    " issued_at"
)


def _report(row: Any) -> ReportRow:
    (
        rid,
        reference,
        request_id,
        title,
        classification,
        status,
        version,
        created_by,
        created_at,
        updated_at,
        signed_version,
        sha,
        signed_by,
        signed_at,
        issued_by,
        issued_at,
    ) = row
    return ReportRow(
        id=ReportId(int(rid)),
        reference=str(reference),
        request_id=None if request_id is None else RequestId(int(request_id)),
        title=str(title),
        classification=Classification(int(classification)),
        status=ReportStatus(str(status)),
        current_version=int(version),
        created_by=UserId(int(created_by)),
        created_at=str(created_at),
        updated_at=str(updated_at),
        signed_version=None if signed_version is None else int(signed_version),
        text_sha256=None if sha is None else str(sha),
        signed_by=None if signed_by is None else UserId(int(signed_by)),
        signed_at=None if signed_at is None else str(signed_at),
        issued_by=None if issued_by is None else UserId(int(issued_by)),
        issued_at=None if issued_at is None else str(issued_at),
    )


def format_reference(year: int, seq: int) -> str:
    """``AB-2026-000001``: the year the report was started and a per-year number."""
    return f"{REFERENCE_PREFIX}-{year:04d}-{seq:06d}"


def next_reference(conn: Connection, year: int) -> str:
    prefix = f"{REFERENCE_PREFIX}-{year:04d}-"
    row = conn.execute(
        "SELECT max(reference) FROM reports WHERE reference LIKE ?", (prefix + "%",)
    ).fetchone()
    last = 0 if row is None or row[0] is None else int(str(row[0])[len(prefix) :])
    return format_reference(year, last + 1)


def insert_report(
    conn: Connection,
    *,
    reference: str,
    request_id: RequestId | None,
    title: str,
    classification: Classification,
    created_by: UserId,
    at: dt.datetime,
) -> ReportId:
    ts = format_ts(at)
    cur = conn.execute(
        "INSERT INTO reports (reference, request_id, title, classification, status,"
        " current_version, created_by, created_at, updated_at) VALUES (?,?,?,?,?,0,?,?,?)",
        (
            reference,
            request_id,
            title,
            int(classification),
            ReportStatus.DRAFT.value,
            created_by,
            ts,
            ts,
        ),
    )
    return ReportId(int(cur.lastrowid))


def get(conn: Connection, report_id: int) -> ReportRow | None:
    row = conn.execute(
        f"SELECT {_REPORT_COLUMNS} FROM reports WHERE id = ?", (report_id,)
    ).fetchone()
    return None if row is None else _report(row)


def by_request(conn: Connection, request_id: int) -> list[ReportRow]:
    rows = conn.execute(
        f"SELECT {_REPORT_COLUMNS} FROM reports WHERE request_id = ? ORDER BY id", (request_id,)
    ).fetchall()
    return [_report(r) for r in rows]


def set_state(
    conn: Connection,
    report_id: ReportId,
    *,
    status: ReportStatus,
    current_version: int,
    at: dt.datetime,
) -> None:
    conn.execute(
        "UPDATE reports SET status = ?, current_version = ?, updated_at = ? WHERE id = ?",
        (status.value, current_version, format_ts(at), report_id),
    )


def set_title(conn: Connection, report_id: ReportId, title: str) -> None:
    conn.execute("UPDATE reports SET title = ? WHERE id = ?", (title, report_id))


def set_classification(
    conn: Connection, report_id: ReportId, classification: Classification
) -> None:
    conn.execute(
        "UPDATE reports SET classification = ? WHERE id = ?", (int(classification), report_id)
    )


def mark_signed(
    conn: Connection,
    report_id: ReportId,
    *,
    version: int,
    text_sha256: str,
    classification: Classification,
    signed_by: UserId,
    at: dt.datetime,
) -> None:
    ts = format_ts(at)
    conn.execute(
        "UPDATE reports SET status = ?, classification = ?, signed_version = ?, text_sha256 = ?,"
        " signed_by = ?, signed_at = ?, updated_at = ? WHERE id = ?",
        (
            ReportStatus.SIGNED.value,
            int(classification),
            version,
            text_sha256,
            signed_by,
            ts,
            ts,
            report_id,
        ),
    )


def mark_issued(
    conn: Connection, report_id: ReportId, *, issued_by: UserId, at: dt.datetime
) -> None:
    ts = format_ts(at)
    conn.execute(
        "UPDATE reports SET status = ?, issued_by = ?, issued_at = ?, updated_at = ? WHERE id = ?",
        (ReportStatus.ISSUED.value, issued_by, ts, ts, report_id),
    )


def touch(conn: Connection, report_id: ReportId, at: dt.datetime) -> None:
    conn.execute("UPDATE reports SET updated_at = ? WHERE id = ?", (format_ts(at), report_id))


# ---------------------------------------------------------------------------------------------
# Versions


def insert_version(
    conn: Connection,
    report_id: ReportId,
    *,
    version: int,
    text: str,
    text_sha256: str,
    author_id: UserId,
    at: dt.datetime,
) -> None:
    conn.execute(
        "INSERT INTO report_versions (report_id, version, text, text_sha256, text_length,"
        " author_id, created_at) VALUES (?,?,?,?,?,?,?)",
        (report_id, version, text, text_sha256, len(text), author_id, format_ts(at)),
    )


def mark_submitted(conn: Connection, report_id: ReportId, version: int, at: dt.datetime) -> None:
    conn.execute(
        # The first submission's time stays (a withdrawn version submitted again keeps it; the
        # history has every submission).
        "UPDATE report_versions SET submitted_at = ? WHERE report_id = ? AND version = ?"
        " AND submitted_at IS NULL",
        (format_ts(at), report_id, version),
    )


def list_versions(conn: Connection, report_id: int) -> list[VersionInfo]:
    rows = conn.execute(
        "SELECT version, text_sha256, text_length, author_id, created_at, submitted_at"
        " FROM report_versions WHERE report_id = ? ORDER BY version",
        (report_id,),
    ).fetchall()
    return [
        VersionInfo(
            int(r[0]),
            str(r[1]),
            int(r[2]),
            UserId(int(r[3])),
            str(r[4]),
            None if r[5] is None else str(r[5]),
        )
        for r in rows
    ]


def version_text(conn: Connection, report_id: int, version: int) -> str | None:
    return first_value(
        conn,
        "SELECT text FROM report_versions WHERE report_id = ? AND version = ?",
        (report_id, version),
        str,
    )


def version_texts(conn: Connection, report_id: int, wanted: Iterable[int]) -> dict[int, str]:
    """The texts of the wanted versions (only those: 50 versions of 20 pages are 3 MB)."""
    rows = rows_in(
        conn,
        "SELECT version, text FROM report_versions WHERE report_id = ? AND version IN ({marks})",
        wanted,
        before=(report_id,),
    )
    return {int(r[0]): str(r[1]) for r in rows}


def version_sha256(conn: Connection, report_id: int, version: int) -> str | None:
    return first_value(
        conn,
        "SELECT text_sha256 FROM report_versions WHERE report_id = ? AND version = ?",
        (report_id, version),
        str,
    )


# ---------------------------------------------------------------------------------------------
# History


def append_event(conn: Connection, report_id: ReportId, event: ReportEvent) -> None:
    conn.execute(
        "INSERT INTO report_events (report_id, kind, actor_id, version, at) VALUES (?,?,?,?,?)",
        (report_id, event.kind.value, event.actor_id, event.version, format_ts(event.at)),
    )


def _event(kind: Any, actor: Any, version: Any, at: Any) -> ReportEvent:
    return ReportEvent(
        ReportAction(str(kind)),
        UserId(int(actor)),
        int(version),
        dt.datetime.fromisoformat(str(at)),
    )


def history(conn: Connection, report_id: int) -> list[ReportEvent]:
    rows = conn.execute(
        "SELECT kind, actor_id, version, at FROM report_events WHERE report_id = ? ORDER BY id",
        (report_id,),
    ).fetchall()
    return [_event(*r) for r in rows]


def involved_users(conn: Connection, report_id: int) -> frozenset[UserId]:
    """Art. 2.5: everyone with any recorded step in the report's history (every recorded
    action involves, see domain.reports.INVOLVING_ACTIONS)."""
    rows = conn.execute(
        "SELECT DISTINCT actor_id FROM report_events WHERE report_id = ?", (report_id,)
    ).fetchall()
    return frozenset(UserId(int(r[0])) for r in rows)


def count_issued_between(
    conn: Connection, start: dt.date, end: dt.date, *, recorded_by: str | None = None
) -> int:
    """Reports issued on a day from ``start`` to ``end`` inclusive (the statistics' figure);
    with ``recorded_by`` (a stored moment) only those issued by then (figures "as of")."""
    return count_on_days(conn, "reports", "issued_at", start, end, recorded_by)


# ---------------------------------------------------------------------------------------------
# Work lists: one query for the candidate reports, one for all their histories


def _candidate_filter(
    max_classification: Classification, statuses: Iterable[ReportStatus]
) -> tuple[str, tuple[object, ...]]:
    wanted = sorted(s.value for s in statuses)
    marks = ",".join("?" * len(wanted)) or "NULL"
    return (
        f"classification <= ? AND status IN ({marks})",
        (int(max_classification), *wanted),
    )


def candidates(
    conn: Connection,
    *,
    max_classification: Classification,
    statuses: Iterable[ReportStatus],
    issued_limit: int | None = None,
) -> tuple[list[ReportRow], dict[ReportId, list[ReportEvent]]]:
    """Reports in these statuses up to this classification (issued ones newest first, at most
    ``issued_limit``), and the history of each, fetched in bulk."""
    where, params = _candidate_filter(max_classification, statuses)
    if issued_limit is not None:
        where = (
            where + " AND (status != 'issued' OR id IN (SELECT id FROM reports WHERE"
            " status = 'issued' AND classification <= ? ORDER BY issued_at DESC, id DESC"
            " LIMIT ?))"
        )
        params = (*params, int(max_classification), issued_limit)
    rows = conn.execute(
        f"SELECT {_REPORT_COLUMNS} FROM reports WHERE {where} ORDER BY updated_at DESC, id DESC",
        params,
    ).fetchall()
    reports = [_report(r) for r in rows]
    histories: dict[ReportId, list[ReportEvent]] = {r.id: [] for r in reports}
    if reports:
        events = conn.execute(
            "SELECT report_id, kind, actor_id, version, at FROM report_events WHERE report_id IN"
            f" (SELECT id FROM reports WHERE {where}) ORDER BY report_id, id",
            params,
        ).fetchall()
        for report_id, *rest in events:
            found = histories.get(ReportId(int(report_id)))
            if found is not None:
                found.append(_event(*rest))
    return reports, histories


# ---------------------------------------------------------------------------------------------
# Annotations, verdicts, corrections


def insert_annotation(
    conn: Connection,
    report_id: ReportId,
    *,
    version: int,
    start: int,
    end: int,
    quote: str,
    comment: str,
    author_id: UserId,
    at: dt.datetime,
) -> int:
    cur = conn.execute(
        "INSERT INTO report_annotations (report_id, version, start_pos, end_pos, quote, comment,"
        " author_id, created_at) VALUES (?,?,?,?,?,?,?,?)",
        (report_id, version, start, end, quote, comment, author_id, format_ts(at)),
    )
    return int(cur.lastrowid)


_ANNOTATION_SELECT = (
    "SELECT id, report_id, version, start_pos, end_pos, quote, comment, author_id,"
    " created_at FROM report_annotations"
)


def _annotation(r: Any) -> AnnotationRow:
    return AnnotationRow(
        int(r[0]),
        ReportId(int(r[1])),
        int(r[2]),
        int(r[3]),
        int(r[4]),
        str(r[5]),
        str(r[6]),
        UserId(int(r[7])),
        str(r[8]),
    )


def list_annotations(
    conn: Connection, report_id: int, *, up_to_version: int | None = None
) -> list[AnnotationRow]:
    sql = _ANNOTATION_SELECT + " WHERE report_id = ?"
    params: tuple[int, ...] = (report_id,)
    if up_to_version is not None:
        sql += " AND version <= ?"
        params = (report_id, up_to_version)
    rows = conn.execute(sql + " ORDER BY version, start_pos, id", params).fetchall()
    return [_annotation(r) for r in rows]


def insert_verdict(
    conn: Connection,
    report_id: ReportId,
    *,
    version: int,
    verdict: str,
    comment: str | None,
    author_id: UserId,
    at: dt.datetime,
) -> int:
    cur = conn.execute(
        "INSERT INTO report_verdicts (report_id, version, verdict, comment, author_id,"
        " created_at) VALUES (?,?,?,?,?,?)",
        (report_id, version, verdict, comment, author_id, format_ts(at)),
    )
    return int(cur.lastrowid)


def list_verdicts(conn: Connection, report_id: int) -> list[VerdictRow]:
    return _decisions(
        conn,
        VerdictRow,
        "SELECT id, report_id, version, verdict, comment, author_id, created_at"
        " FROM report_verdicts WHERE report_id = ? ORDER BY id",
        report_id,
    )


_Decision = TypeVar("_Decision", "VerdictRow", "StepReasonRow")


def _decisions(
    conn: Connection, row_type: type[_Decision], sql: str, report_id: int
) -> list[_Decision]:
    """Rows of (id, report, version, what, optional text, person, when): a verdict and a step
    taken back share that shape."""
    return [
        row_type(
            int(r[0]),
            ReportId(int(r[1])),
            int(r[2]),
            str(r[3]),
            None if r[4] is None else str(r[4]),
            UserId(int(r[5])),
            str(r[6]),
        )
        for r in conn.execute(sql, (report_id,)).fetchall()
    ]


def insert_correction(
    conn: Connection,
    report_id: ReportId,
    *,
    text: str,
    author_id: UserId,
    at: dt.datetime,
    provision_id: int | None,
) -> int:
    cur = conn.execute(
        "INSERT INTO report_corrections (report_id, text, author_id, created_at, provision_id)"
        " VALUES (?,?,?,?,?)",
        (report_id, text, author_id, format_ts(at), provision_id),
    )
    return int(cur.lastrowid)


def list_corrections(conn: Connection, report_id: int) -> list[CorrectionRow]:
    rows = conn.execute(
        "SELECT id, report_id, text, author_id, created_at, provision_id"
        " FROM report_corrections WHERE report_id = ? ORDER BY id",
        (report_id,),
    ).fetchall()
    return [
        CorrectionRow(
            int(r[0]),
            ReportId(int(r[1])),
            str(r[2]),
            UserId(int(r[3])),
            str(r[4]),
            None if r[5] is None else int(r[5]),
        )
        for r in rows
    ]


# ---------------------------------------------------------------------------------------------
# The flow going back, remarks after they are placed, the signer's special case (step 7d)


@dataclass(frozen=True, slots=True)
class StepReasonRow:
    id: int
    report_id: ReportId
    version: int
    kind: str  # "withdraw" | "send_back"
    reason: str | None
    actor_id: UserId
    at: str


@dataclass(frozen=True, slots=True)
class SpecialCaseRow:
    report_id: ReportId
    version: int
    findings: tuple[int, ...]
    reason: str
    decided_by: UserId
    decided_at: str


def insert_step_reason(
    conn: Connection,
    report_id: ReportId,
    *,
    version: int,
    kind: str,
    reason: str | None,
    actor_id: UserId,
    at: dt.datetime,
) -> int:
    cur = conn.execute(
        "INSERT INTO report_step_reasons (report_id, version, kind, reason, actor_id, at)"
        " VALUES (?,?,?,?,?,?)",
        (report_id, version, kind, reason, actor_id, format_ts(at)),
    )
    return int(cur.lastrowid)


def list_step_reasons(conn: Connection, report_id: int) -> list[StepReasonRow]:
    return _decisions(
        conn,
        StepReasonRow,
        "SELECT id, report_id, version, kind, reason, actor_id, at FROM report_step_reasons"
        " WHERE report_id = ? ORDER BY id",
        report_id,
    )


def get_annotation(conn: Connection, annotation_id: int) -> AnnotationRow | None:
    r = conn.execute(_ANNOTATION_SELECT + " WHERE id = ?", (annotation_id,)).fetchone()
    return None if r is None else _annotation(r)


def insert_remark_event(
    conn: Connection,
    annotation_id: int,
    *,
    kind: RemarkChange,
    text: str | None,
    actor_id: UserId,
    at: dt.datetime,
) -> int:
    cur = conn.execute(
        "INSERT INTO report_remark_events (annotation_id, kind, text, actor_id, at)"
        " VALUES (?,?,?,?,?)",
        (annotation_id, kind.value, text, actor_id, format_ts(at)),
    )
    return int(cur.lastrowid)


def remark_events(conn: Connection, report_id: int) -> dict[int, list[RemarkEvent]]:
    """Every change to the report's remarks, per remark, in order."""
    rows = conn.execute(
        "SELECT e.annotation_id, e.kind, e.text, e.actor_id, e.at FROM report_remark_events e"
        " JOIN report_annotations a ON a.id = e.annotation_id WHERE a.report_id = ?"
        " ORDER BY e.id",
        (report_id,),
    ).fetchall()
    found: dict[int, list[RemarkEvent]] = {}
    for aid, kind, text, actor, at in rows:
        found.setdefault(int(aid), []).append(
            RemarkEvent(
                RemarkChange(str(kind)),
                UserId(int(actor)),
                None if text is None else str(text),
                str(at),
            )
        )
    return found


def insert_special_case(
    conn: Connection,
    report_id: ReportId,
    *,
    version: int,
    findings: Iterable[int],
    reason: str,
    decided_by: UserId,
    at: dt.datetime,
) -> None:
    conn.execute(
        "INSERT INTO report_special_cases (report_id, version, findings, reason, decided_by,"
        " decided_at) VALUES (?,?,?,?,?,?)",
        (
            report_id,
            version,
            ",".join(str(int(n)) for n in findings),
            reason,
            decided_by,
            format_ts(at),
        ),
    )


def special_case(conn: Connection, report_id: int) -> SpecialCaseRow | None:
    """The signer's decision on the signed version, if the report needed one."""
    r = conn.execute(
        "SELECT s.report_id, s.version, s.findings, s.reason, s.decided_by, s.decided_at"
        " FROM report_special_cases s JOIN reports r ON r.id = s.report_id"
        " AND r.signed_version = s.version WHERE s.report_id = ?",
        (report_id,),
    ).fetchone()
    if r is None:
        return None
    return SpecialCaseRow(
        ReportId(int(r[0])),
        int(r[1]),
        tuple(int(n) for n in str(r[2]).split(",") if n),
        str(r[3]),
        UserId(int(r[4])),
        str(r[5]),
    )


# ---------------------------------------------------------------------------------------------
# The provisions register (table of migration 2): what issuing and corrections record there, in
# the caller's transaction, through the register's own insert.


def insert_provision(
    conn: Connection,
    *,
    provided_on: dt.date,
    description: str,
    legal_basis: str,
    provided_by: str,
    received_by: str,
    request_id: int | None,
    report_id: ReportId,
    recorded_by: str,
    at: dt.datetime,
) -> int:
    return int(
        provisions.insert(
            conn,
            direction="aivd_to_ind",
            provided_on=provided_on,
            description=description,
            legal_basis=legal_basis,
            provided_by=provided_by,
            received_by=received_by,
            request_id=request_id,
            report_id=report_id,
            recorded_by=recorded_by,
            recorded_at=format_ts(at),
        )
    )


# ---------------------------------------------------------------------------------------------
# Small helpers


@dataclass(frozen=True, slots=True)
class UserNames:
    """An account's login name (what the CLI's JSON carries) and the person's full name (what
    a sentence says), read together so a list needs one query for all its people."""

    login: str
    full_name: str


def user_names(conn: Connection, ids: Iterable[int]) -> dict[UserId, UserNames]:
    rows = rows_in(conn, "SELECT id, name, full_name FROM users WHERE id IN ({marks})", ids)
    return {UserId(int(r[0])): UserNames(str(r[1]), str(r[2] or r[1])) for r in rows}

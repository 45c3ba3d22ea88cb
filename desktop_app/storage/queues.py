"""The counting queries behind the dashboard's work queues (issue 12): how many reports are in a
person's work list, the first of them, and the latest audit entry of an action (the last backup,
the last audit verification). The rules themselves are the domain's (``WorkListRule``); this
module only turns them into SQL.
"""

from __future__ import annotations

from desktop_app.domain.classification import Classification
from desktop_app.domain.ids import ReportId, UserId
from desktop_app.domain.reports import HAND_OVERS, WorkListRule
from desktop_app.storage.audit import AuditEntry
from desktop_app.storage.db import Connection


def _work_list_filter(
    rule: WorkListRule, user_id: UserId, max_classification: Classification
) -> tuple[str, tuple[object, ...]]:
    """``rule`` as a WHERE clause over ``reports r``: the same rule that
    ``domain.reports.in_work_list`` applies to one report's history."""
    statuses = sorted(s.value for s in rule.statuses)
    where = f"r.classification <= ? AND r.status IN ({','.join('?' * len(statuses)) or 'NULL'})"
    params: tuple[object, ...] = (int(max_classification), *statuses)
    for kinds, negate in ((rule.acted, ""), (rule.not_acted, "NOT ")):
        if not kinds:
            continue
        wanted = sorted(k.value for k in kinds)
        where += (
            f" AND {negate}EXISTS (SELECT 1 FROM report_events e WHERE e.report_id = r.id"
            f" AND e.actor_id = ? AND e.kind IN ({','.join('?' * len(wanted))}))"
        )
        params = (*params, int(user_id), *wanted)
    if rule.last_step or rule.not_last_step:
        handed = sorted(k.value for k in HAND_OVERS)
        last = (
            "COALESCE((SELECT e.kind FROM report_events e WHERE e.report_id = r.id AND e.kind"
            f" IN ({','.join('?' * len(handed))}) ORDER BY e.id DESC LIMIT 1), '')"
        )
        for steps, negate in ((rule.last_step, ""), (rule.not_last_step, "NOT ")):
            if steps:
                wanted = sorted(k.value for k in steps)
                where += f" AND {last} {negate}IN ({','.join('?' * len(wanted))})"
                params = (*params, *handed, *wanted)
    return where, params


def count_in_work_list(
    conn: Connection, rule: WorkListRule, *, user_id: UserId, max_classification: Classification
) -> int:
    """How many reports up to this classification are in the list ``rule`` describes for this
    person (the caller has checked that the person holds one of the rule's roles)."""
    where, params = _work_list_filter(rule, user_id, max_classification)
    row = conn.execute(f"SELECT count(*) FROM reports r WHERE {where}", params).fetchone()
    return int(row[0])


def work_list_ids(
    conn: Connection,
    rule: WorkListRule,
    *,
    user_id: UserId,
    max_classification: Classification,
    limit: int,
) -> list[ReportId]:
    """The first ``limit`` of those reports, most recently changed first."""
    where, params = _work_list_filter(rule, user_id, max_classification)
    rows = conn.execute(
        f"SELECT r.id FROM reports r WHERE {where} ORDER BY r.updated_at DESC, r.id DESC LIMIT ?",
        (*params, int(limit)),
    ).fetchall()
    return [ReportId(int(r[0])) for r in rows]


def latest_entry(conn: Connection, action: str, *, result: str | None = "ok") -> AuditEntry | None:
    """The most recent audit entry of ``action`` (with ``result``; None: any result). Walks the
    chain from its end, so a recent entry is found at once."""
    where, params = "action = ?", [action]
    if result is not None:
        where, params = where + " AND result = ?", [action, result]
    row = conn.execute(
        "SELECT seq, ts_utc, actor, action, object, result, origin, details, prev_hash, hash"
        f" FROM audit WHERE {where} ORDER BY seq DESC LIMIT 1",
        params,
    ).fetchone()
    return None if row is None else AuditEntry(*row)

"""The covenant register (schema step 7b): covenants, terminations, amendments with each party's
decision, the non-public annex in versions, implementation plans with versions and approvals.

Rows in, records out; no rule is decided here (domain.covenant, domain.implementation_plans).
Texts (annex, plan versions, proposed changes) are read by separate calls, so a list never
carries classified content by accident.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.domain.classification import Classification, ClassificationDuration
from desktop_app.domain.covenant import AmendmentId, CovenantId, Decision, Party, PartyDecision
from desktop_app.domain.implementation_plans import PlanId
from desktop_app.storage.db import Connection, first_value, grouped

_D = dt.date.fromisoformat


@dataclass(frozen=True, slots=True)
class CovenantRow:
    id: CovenantId
    reference: str
    title: str
    place: str
    signed: dict[Party, dt.date]
    signatories: dict[Party, str]
    replaces: str


@dataclass(frozen=True, slots=True)
class TerminationRow:
    party: Party
    notice_on: dt.date
    recorded_by: str
    recorded_at: str


@dataclass(frozen=True, slots=True)
class AmendmentRow:
    id: AmendmentId
    covenant_id: CovenantId
    party: Party
    requested_on: dt.date
    proposed_effective: dt.date | None
    recorded_by: str
    recorded_at: str
    decisions: tuple[PartyDecision, ...]
    decisions_recorded_at: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnnexVersionRow:
    version: int
    classification: Classification
    sha256: str
    length: int
    recorded_by: str
    recorded_at: str
    duration: ClassificationDuration | None = None


@dataclass(frozen=True, slots=True)
class ApprovalRow:
    version: int
    party: Party
    approved_on: dt.date
    decision_ref: str
    recorded_by: str
    recorded_at: str


@dataclass(frozen=True, slots=True)
class PlanVersionRow:
    version: int
    sha256: str
    length: int
    author: str
    created_at: str


@dataclass(frozen=True, slots=True)
class PlanRow:
    id: PlanId
    covenant_id: CovenantId
    subject: str
    classification: Classification
    created_by: str
    created_at: str
    withdrawn_on: dt.date | None
    withdrawn_by: str | None
    withdrawal_reason: str | None
    version: int  # the current (latest) version
    approvals: tuple[ApprovalRow, ...]  # of every version, oldest first
    duration: ClassificationDuration | None = None

    def approvals_of(self, version: int) -> tuple[ApprovalRow, ...]:
        return tuple(a for a in self.approvals if a.version == version)


# --- covenants -------------------------------------------------------------------------------

_COVENANT_COLUMNS = (
    "id, reference, title, place, signed_aivd, signed_ind, signatory_aivd, signatory_ind, replaces"
)


def _covenant(r: tuple[object, ...]) -> CovenantRow:
    return CovenantRow(
        CovenantId(int(str(r[0]))),
        str(r[1]),
        str(r[2]),
        str(r[3]),
        {Party.AIVD: _D(str(r[4])), Party.IND: _D(str(r[5]))},
        {Party.AIVD: str(r[6]), Party.IND: str(r[7])},
        str(r[8]),
    )


def covenants(conn: Connection) -> list[CovenantRow]:
    rows = conn.execute(f"SELECT {_COVENANT_COLUMNS} FROM covenants ORDER BY id").fetchall()
    return [_covenant(tuple(r)) for r in rows]


def covenant(conn: Connection, covenant_id: int) -> CovenantRow | None:
    row = conn.execute(
        f"SELECT {_COVENANT_COLUMNS} FROM covenants WHERE id = ?", (int(covenant_id),)
    ).fetchone()
    return None if row is None else _covenant(tuple(row))


def termination(conn: Connection, covenant_id: int) -> TerminationRow | None:
    row = conn.execute(
        "SELECT party, notice_on, recorded_by, recorded_at FROM covenant_terminations"
        " WHERE covenant_id = ?",
        (int(covenant_id),),
    ).fetchone()
    if row is None:
        return None
    return TerminationRow(Party(str(row[0])), _D(str(row[1])), str(row[2]), str(row[3]))


def insert_termination(
    conn: Connection,
    covenant_id: int,
    *,
    party: Party,
    notice_on: dt.date,
    recorded_by: str,
    recorded_at: str,
) -> None:
    conn.execute(
        "INSERT INTO covenant_terminations (covenant_id, party, notice_on, recorded_by,"
        " recorded_at) VALUES (?, ?, ?, ?, ?)",
        (int(covenant_id), party.value, notice_on.isoformat(), recorded_by, recorded_at),
    )


# --- amendments ------------------------------------------------------------------------------


def insert_amendment(
    conn: Connection,
    covenant_id: int,
    *,
    party: Party,
    requested_on: dt.date,
    proposed_change: str,
    proposed_effective: dt.date | None,
    recorded_by: str,
    recorded_at: str,
) -> AmendmentId:
    cur = conn.execute(
        "INSERT INTO covenant_amendments (covenant_id, party, requested_on, proposed_change,"
        " proposed_effective, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            int(covenant_id),
            party.value,
            requested_on.isoformat(),
            proposed_change,
            None if proposed_effective is None else proposed_effective.isoformat(),
            recorded_by,
            recorded_at,
        ),
    )
    return AmendmentId(int(cur.lastrowid))


def insert_decision(
    conn: Connection,
    amendment_id: int,
    *,
    decision: PartyDecision,
    recorded_at: str,
) -> None:
    conn.execute(
        "INSERT INTO covenant_amendment_decisions (amendment_id, party, decision, decided_on,"
        " decision_ref, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            int(amendment_id),
            decision.party.value,
            decision.decision.value,
            decision.decided_on.isoformat(),
            decision.decision_ref,
            decision.recorded_by,
            recorded_at,
        ),
    )


def _decisions(conn: Connection, ids: list[int]) -> dict[int, list[tuple[PartyDecision, str]]]:
    return grouped(
        conn,
        "SELECT amendment_id, party, decision, decided_on, decision_ref, recorded_by, recorded_at"
        " FROM covenant_amendment_decisions WHERE amendment_id IN ({marks})"
        " ORDER BY decided_on, recorded_at",
        ids,
        lambda r: (
            PartyDecision(
                Party(str(r[1])), Decision(str(r[2])), _D(str(r[3])), str(r[4]), str(r[5])
            ),
            str(r[6]),
        ),
    )


_AMENDMENT_COLUMNS = (
    "id, covenant_id, party, requested_on, proposed_effective, recorded_by, recorded_at"
)


def amendments(
    conn: Connection, covenant_id: int, amendment_id: int | None = None
) -> list[AmendmentRow]:
    sql = f"SELECT {_AMENDMENT_COLUMNS} FROM covenant_amendments WHERE covenant_id = ?"
    params: list[object] = [int(covenant_id)]
    if amendment_id is not None:
        sql += " AND id = ?"
        params.append(int(amendment_id))
    rows = conn.execute(sql + " ORDER BY id", params).fetchall()
    decisions = _decisions(conn, [int(r[0]) for r in rows])
    return [
        AmendmentRow(
            AmendmentId(int(r[0])),
            CovenantId(int(r[1])),
            Party(str(r[2])),
            _D(str(r[3])),
            None if r[4] is None else _D(str(r[4])),
            str(r[5]),
            str(r[6]),
            tuple(d for d, _ in decisions[int(r[0])]),
            tuple(at for _, at in decisions[int(r[0])]),
        )
        for r in rows
    ]


def amendment_covenant(conn: Connection, amendment_id: int) -> CovenantId | None:
    row = conn.execute(
        "SELECT covenant_id FROM covenant_amendments WHERE id = ?", (int(amendment_id),)
    ).fetchone()
    return None if row is None else CovenantId(int(row[0]))


def proposed_change(conn: Connection, amendment_id: int) -> str | None:
    return first_value(
        conn,
        "SELECT proposed_change FROM covenant_amendments WHERE id = ?",
        (int(amendment_id),),
        str,
    )


# --- the non-public annex --------------------------------------------------------------------


def annex_versions(conn: Connection, covenant_id: int) -> list[AnnexVersionRow]:
    rows = conn.execute(
        "SELECT version, classification, sha256, length(content), recorded_by, recorded_at,"
        " classified_until, classified_until_event"
        " FROM covenant_annex_versions WHERE covenant_id = ? ORDER BY version",
        (int(covenant_id),),
    ).fetchall()
    return [
        AnnexVersionRow(
            int(r[0]),
            Classification(int(r[1])),
            str(r[2]),
            int(r[3]),
            str(r[4]),
            str(r[5]),
            ClassificationDuration.from_stored(r[6], r[7]),
        )
        for r in rows
    ]


def annex_content(conn: Connection, covenant_id: int, version: int) -> str | None:
    return first_value(
        conn,
        "SELECT content FROM covenant_annex_versions WHERE covenant_id = ? AND version = ?",
        (int(covenant_id), int(version)),
        str,
    )


def insert_annex_version(
    conn: Connection,
    covenant_id: int,
    *,
    version: int,
    classification: Classification,
    content: str,
    sha256: str,
    recorded_by: str,
    recorded_at: str,
    duration: ClassificationDuration | None = None,
) -> None:
    until, event = (None, None) if duration is None else duration.stored()
    conn.execute(
        "INSERT INTO covenant_annex_versions (covenant_id, version, classification,"
        " classified_until, classified_until_event, content, sha256, recorded_by, recorded_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            int(covenant_id),
            int(version),
            int(classification),
            until,
            event,
            content,
            sha256,
            recorded_by,
            recorded_at,
        ),
    )


# --- implementation plans --------------------------------------------------------------------


def insert_plan(
    conn: Connection,
    covenant_id: int,
    *,
    subject: str,
    classification: Classification,
    created_by: str,
    created_at: str,
    duration: ClassificationDuration | None = None,
) -> PlanId:
    until, event = (None, None) if duration is None else duration.stored()
    cur = conn.execute(
        "INSERT INTO implementation_plans (covenant_id, subject, classification,"
        " classified_until, classified_until_event, created_by, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (int(covenant_id), subject, int(classification), until, event, created_by, created_at),
    )
    return PlanId(int(cur.lastrowid))


def insert_plan_version(
    conn: Connection,
    plan_id: int,
    *,
    version: int,
    text: str,
    sha256: str,
    author: str,
    created_at: str,
) -> None:
    conn.execute(
        "INSERT INTO implementation_plan_versions (plan_id, version, text, sha256, author,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (int(plan_id), int(version), text, sha256, author, created_at),
    )


def insert_approval(conn: Connection, plan_id: int, approval: ApprovalRow) -> None:
    conn.execute(
        "INSERT INTO implementation_plan_approvals (plan_id, version, party, approved_on,"
        " decision_ref, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            int(plan_id),
            approval.version,
            approval.party.value,
            approval.approved_on.isoformat(),
            approval.decision_ref,
            approval.recorded_by,
            approval.recorded_at,
        ),
    )


def withdraw_plan(conn: Connection, plan_id: int, *, on: dt.date, by: str, reason: str) -> None:
    conn.execute(
        "UPDATE implementation_plans SET withdrawn_on = ?, withdrawn_by = ?,"
        " withdrawal_reason = ? WHERE id = ?",
        (on.isoformat(), by, reason, int(plan_id)),
    )


def plans(
    conn: Connection, covenant_id: int | None = None, plan_id: int | None = None
) -> list[PlanRow]:
    where: list[str] = []
    params: list[object] = []
    if covenant_id is not None:
        where.append("p.covenant_id = ?")
        params.append(int(covenant_id))
    if plan_id is not None:
        where.append("p.id = ?")
        params.append(int(plan_id))
    rows = conn.execute(
        "SELECT p.id, p.covenant_id, p.subject, p.classification, p.created_by, p.created_at,"
        " p.withdrawn_on, p.withdrawn_by, p.withdrawal_reason,"
        " (SELECT max(version) FROM implementation_plan_versions v WHERE v.plan_id = p.id),"
        " p.classified_until, p.classified_until_event"
        " FROM implementation_plans p"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY p.id",
        params,
    ).fetchall()
    ids = [int(r[0]) for r in rows]
    approvals = grouped(
        conn,
        "SELECT plan_id, version, party, approved_on, decision_ref, recorded_by, recorded_at"
        " FROM implementation_plan_approvals WHERE plan_id IN ({marks})"
        " ORDER BY recorded_at, version, party",
        ids,
        lambda a: ApprovalRow(
            int(a[1]), Party(str(a[2])), _D(str(a[3])), str(a[4]), str(a[5]), str(a[6])
        ),
    )
    return [
        PlanRow(
            PlanId(int(r[0])),
            CovenantId(int(r[1])),
            str(r[2]),
            Classification(int(r[3])),
            str(r[4]),
            str(r[5]),
            None if r[6] is None else _D(str(r[6])),
            None if r[7] is None else str(r[7]),
            None if r[8] is None else str(r[8]),
            int(r[9] or 0),
            tuple(approvals[int(r[0])]),
            ClassificationDuration.from_stored(r[10], r[11]),
        )
        for r in rows
    ]


def plan_versions(conn: Connection, plan_id: int) -> list[PlanVersionRow]:
    rows = conn.execute(
        "SELECT version, sha256, length(text), author, created_at"
        " FROM implementation_plan_versions WHERE plan_id = ? ORDER BY version",
        (int(plan_id),),
    ).fetchall()
    return [PlanVersionRow(int(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4])) for r in rows]


def plan_text(conn: Connection, plan_id: int, version: int) -> str | None:
    return first_value(
        conn,
        "SELECT text FROM implementation_plan_versions WHERE plan_id = ? AND version = ?",
        (int(plan_id), int(version)),
        str,
    )

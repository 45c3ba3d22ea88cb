"""Stored consultations (art. 3.2): the record with its frozen figures (JSON), participants and
action points. Written once (the schema's triggers refuse changes); an action point is marked
done once."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from desktop_app.domain.consultations import (
    ActionPoint,
    Consultation,
    ConsultationDraft,
    Participant,
    Service,
)
from desktop_app.storage.db import Connection, grouped


def _ts(when: dt.datetime) -> str:
    # The format of storage.audit.format_ts, so stored moments compare as strings.
    return when.astimezone(dt.UTC).isoformat(timespec="microseconds")


def insert(
    conn: Connection,
    draft: ConsultationDraft,
    figures: Mapping[str, Any],
    *,
    recorded_by: str,
    recorded_at: dt.datetime,
) -> int:
    cur = conn.execute(
        "INSERT INTO consultations (held_on, period_from, period_to, as_of, figures, decisions,"
        " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            draft.held_on.isoformat(),
            draft.period_from.isoformat(),
            draft.period_to.isoformat(),
            _ts(draft.as_of),
            json.dumps(figures, ensure_ascii=False, sort_keys=True),
            draft.decisions,
            recorded_by,
            _ts(recorded_at),
        ),
    )
    cid = int(cur.lastrowid or 0)
    conn.executemany(
        "INSERT INTO consultation_participants (consultation_id, position, service, name,"
        " function) VALUES (?, ?, ?, ?, ?)",
        [
            (cid, i, p.service.value, p.name, p.function)
            for i, p in enumerate(draft.participants, start=1)
        ],
    )
    conn.executemany(
        "INSERT INTO consultation_actions (consultation_id, position, description, owner, due)"
        " VALUES (?, ?, ?, ?, ?)",
        [(cid, a.position, a.description, a.owner, a.due.isoformat()) for a in draft.actions],
    )
    return cid


def _action(row: Any) -> ActionPoint:
    _, aid, position, description, owner, due, done_on, done_by = row
    return ActionPoint(
        id=int(aid),
        position=int(position),
        description=str(description),
        owner=str(owner),
        due=dt.date.fromisoformat(due),
        done_on=None if done_on is None else dt.date.fromisoformat(done_on),
        done_by=done_by,
    )


def _actions(conn: Connection, ids: list[int]) -> dict[int, list[ActionPoint]]:
    return grouped(
        conn,
        "SELECT consultation_id, id, position, description, owner, due, done_on, done_by"
        " FROM consultation_actions WHERE consultation_id IN ({marks})"
        " ORDER BY consultation_id, position",
        ids,
        _action,
    )


def _participants(conn: Connection, ids: list[int]) -> dict[int, list[Participant]]:
    return grouped(
        conn,
        "SELECT consultation_id, service, name, function FROM consultation_participants"
        " WHERE consultation_id IN ({marks}) ORDER BY consultation_id, position",
        ids,
        lambda r: Participant(Service(r[1]), str(r[2]), r[3]),
    )


_COLUMNS = (
    "id, held_on, period_from, period_to, as_of, figures, decisions, recorded_by, recorded_at"
)


def _load(conn: Connection, rows: list[Any]) -> list[Consultation]:
    ids = [int(r[0]) for r in rows]
    people = _participants(conn, ids)
    actions = _actions(conn, ids)
    result = []
    for cid, held_on, p_from, p_to, as_of, figures, decisions, by, at in rows:
        result.append(
            Consultation(
                id=int(cid),
                held_on=dt.date.fromisoformat(held_on),
                period_from=dt.date.fromisoformat(p_from),
                period_to=dt.date.fromisoformat(p_to),
                as_of=dt.datetime.fromisoformat(as_of),
                figures=json.loads(figures),
                participants=tuple(people[int(cid)]),
                decisions=str(decisions),
                actions=tuple(actions[int(cid)]),
                recorded_by=str(by),
                recorded_at=dt.datetime.fromisoformat(at),
            )
        )
    return result


def by_id(conn: Connection, consultation_id: int) -> Consultation | None:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM consultations WHERE id = ?", (consultation_id,)
    ).fetchall()
    found = _load(conn, rows)
    return found[0] if found else None


def list_all(conn: Connection, *, limit: int | None = None) -> tuple[list[Consultation], int]:
    """Newest first (by date held, then by id), and how many there are in all."""
    total = int(conn.execute("SELECT count(*) FROM consultations").fetchone()[0])
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM consultations ORDER BY held_on DESC, id DESC LIMIT ?",
        (-1 if limit is None else limit,),
    ).fetchall()
    return _load(conn, rows), total


def action_by_id(conn: Connection, action_id: int) -> tuple[int, ActionPoint] | None:
    """The action point and the id of its consultation."""
    row = conn.execute(
        "SELECT consultation_id FROM consultation_actions WHERE id = ?", (action_id,)
    ).fetchone()
    if row is None:
        return None
    cid = int(row[0])
    for action in _actions(conn, [cid])[cid]:
        if action.id == action_id:
            return cid, action
    return None


def set_done(
    conn: Connection, action_id: int, *, done_on: dt.date, done_by: str, done_at: dt.datetime
) -> None:
    conn.execute(
        "UPDATE consultation_actions SET done_on = ?, done_by = ?, done_at = ?"
        " WHERE id = ? AND done_on IS NULL",
        (done_on.isoformat(), done_by, _ts(done_at), action_id),
    )

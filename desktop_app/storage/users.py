"""Users, roles, designations and settings: rows in, frozen records out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.domain.classification import Classification
from desktop_app.domain.ids import DesignationId, UserId
from desktop_app.domain.roles import Role
from desktop_app.storage.db import Connection, first_value, rows_in


@dataclass(frozen=True)
class UserRecord:
    id: UserId
    name: str
    full_name: str
    roles: frozenset[Role]
    clearance: Classification
    active: bool
    created_at: str


@dataclass(frozen=True)
class DesignationRecord:
    id: DesignationId
    user_id: UserId
    user_name: str
    decision_ref: str
    valid_from: dt.date
    valid_until: dt.date | None
    recorded_by: str
    recorded_at: str


def _roles(conn: Connection, user_id: int) -> frozenset[Role]:
    rows = conn.execute("SELECT role FROM user_roles WHERE user_id = ?", (user_id,)).fetchall()
    return frozenset(Role(r[0]) for r in rows)


def _record(conn: Connection, row: tuple[int, str, str, int, int, str]) -> UserRecord:
    uid, name, full_name, clearance, active, created = row
    return UserRecord(
        UserId(uid),
        name,
        full_name,
        _roles(conn, uid),
        Classification(clearance),
        bool(active),
        created,
    )


# A constant, interpolated into queries below (hence the S608 waivers); values are bound.
_COLUMNS = "id, name, full_name, clearance, active, created_at"


def by_name(conn: Connection, name: str) -> UserRecord | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM users WHERE name = ?", (name.strip(),)).fetchone()
    return None if row is None else _record(conn, row)


def full_names(conn: Connection, names: Iterable[str]) -> dict[str, str]:
    """Login name -> full name for the accounts named (one query; unknown names left out)."""
    rows = rows_in(conn, "SELECT name, full_name FROM users WHERE name IN ({marks})", names)
    return {str(r[0]): str(r[1] or r[0]) for r in rows}


def by_id(conn: Connection, user_id: int) -> UserRecord | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM users WHERE id = ?", (user_id,)).fetchone()
    return None if row is None else _record(conn, row)


def all_users(conn: Connection) -> list[UserRecord]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM users ORDER BY name").fetchall()
    return [_record(conn, row) for row in rows]


def insert(
    conn: Connection,
    name: str,
    full_name: str,
    roles: frozenset[Role],
    clearance: Classification,
    created_at: str,
) -> UserId:
    cur = conn.execute(
        "INSERT INTO users (name, full_name, clearance, active, created_at) VALUES (?,?,?,1,?)",
        (name, full_name, int(clearance), created_at),
    )
    uid = UserId(int(cur.lastrowid))
    conn.executemany(
        "INSERT INTO user_roles (user_id, role) VALUES (?, ?)",
        [(uid, role.value) for role in sorted(roles)],
    )
    return uid


def update(
    conn: Connection,
    user_id: UserId,
    *,
    full_name: str,
    roles: frozenset[Role],
    clearance: Classification,
) -> None:
    conn.execute(
        "UPDATE users SET full_name = ?, clearance = ? WHERE id = ?",
        (full_name, int(clearance), user_id),
    )
    conn.execute("DELETE FROM user_roles WHERE user_id = ?", (user_id,))
    conn.executemany(
        "INSERT INTO user_roles (user_id, role) VALUES (?, ?)",
        [(user_id, role.value) for role in sorted(roles)],
    )


def set_active(conn: Connection, user_id: UserId, active: bool) -> None:
    conn.execute("UPDATE users SET active = ? WHERE id = ?", (int(active), user_id))


def set_designation_until(
    conn: Connection, designation_id: DesignationId, valid_until: dt.date
) -> None:
    conn.execute(
        "UPDATE designations SET valid_until = ? WHERE id = ?",
        (valid_until.isoformat(), designation_id),
    )


def designation_events(
    conn: Connection, designation_ids: list[int]
) -> list[tuple[str, str, str, str, str]]:
    """(ts_utc, actor, action, details, object) of the audit entries about these designations,
    oldest first: the early ends and revocations with their decision references."""
    rows = rows_in(
        conn,
        "SELECT ts_utc, actor, action, details, object FROM audit"
        " WHERE result = 'ok' AND object IN ({marks}) ORDER BY seq",
        (f"designation:{i}" for i in designation_ids),
    )
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]


def insert_designation(
    conn: Connection,
    user_id: UserId,
    decision_ref: str,
    valid_from: dt.date,
    valid_until: dt.date | None,
    recorded_by: UserId,
    recorded_at: str,
) -> DesignationId:
    cur = conn.execute(
        "INSERT INTO designations (user_id, decision_ref, valid_from, valid_until, recorded_by,"
        " recorded_at) VALUES (?,?,?,?,?,?)",
        (
            user_id,
            decision_ref,
            valid_from.isoformat(),
            None if valid_until is None else valid_until.isoformat(),
            recorded_by,
            recorded_at,
        ),
    )
    return DesignationId(int(cur.lastrowid))


def designations(conn: Connection, user_id: UserId | None = None) -> list[DesignationRecord]:
    sql = (
        "SELECT d.id, d.user_id, u.name, d.decision_ref, d.valid_from, d.valid_until, r.name,"
        " d.recorded_at FROM designations d JOIN users u ON u.id = d.user_id"
        " JOIN users r ON r.id = d.recorded_by"
    )
    params: tuple[int, ...] = ()
    if user_id is not None:
        sql += " WHERE d.user_id = ?"
        params = (user_id,)
    rows = conn.execute(sql + " ORDER BY d.id", params).fetchall()
    return [
        DesignationRecord(
            DesignationId(r[0]),
            UserId(r[1]),
            r[2],
            r[3],
            dt.date.fromisoformat(r[4]),
            None if r[5] is None else dt.date.fromisoformat(r[5]),
            r[6],
            r[7],
        )
        for r in rows
    ]


def get_setting(conn: Connection, key: str) -> str | None:
    return first_value(conn, "SELECT value FROM settings WHERE key = ?", (key,), str)


def set_setting(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )

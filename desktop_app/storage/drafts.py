"""The ``drafts`` table: unsaved work kept at the lock, one row per owner and key.

Every query names the owner: there is no way here to read someone else's draft."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.ids import UserId
from desktop_app.storage.db import Connection


@dataclass(frozen=True, slots=True)
class StoredDraft:
    belongs_to: str
    content: str
    saved_at: str


def put(conn: Connection, owner: UserId, belongs_to: str, content: str, saved_at: str) -> None:
    """Keep (or replace) the owner's draft of ``belongs_to``."""
    conn.execute(
        "INSERT INTO drafts (owner_id, belongs_to, content, saved_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (owner_id, belongs_to)"
        " DO UPDATE SET content = excluded.content, saved_at = excluded.saved_at",
        (int(owner), belongs_to, content, saved_at),
    )


def for_owner(conn: Connection, owner: UserId) -> list[StoredDraft]:
    rows = conn.execute(
        "SELECT belongs_to, content, saved_at FROM drafts WHERE owner_id = ? ORDER BY id",
        (int(owner),),
    ).fetchall()
    return [StoredDraft(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def get(conn: Connection, owner: UserId, belongs_to: str) -> StoredDraft | None:
    row = conn.execute(
        "SELECT belongs_to, content, saved_at FROM drafts WHERE owner_id = ? AND belongs_to = ?",
        (int(owner), belongs_to),
    ).fetchone()
    return None if row is None else StoredDraft(str(row[0]), str(row[1]), str(row[2]))


def delete(conn: Connection, owner: UserId, belongs_to: str) -> bool:
    cur = conn.execute(
        "DELETE FROM drafts WHERE owner_id = ? AND belongs_to = ?", (int(owner), belongs_to)
    )
    return bool(cur.rowcount > 0)


def delete_for_owner(conn: Connection, owner: UserId) -> int:
    cur = conn.execute("DELETE FROM drafts WHERE owner_id = ?", (int(owner),))
    return int(cur.rowcount)


def count_for_owner(conn: Connection, owner: UserId) -> int:
    row = conn.execute("SELECT COUNT(*) FROM drafts WHERE owner_id = ?", (int(owner),)).fetchone()
    return int(row[0])

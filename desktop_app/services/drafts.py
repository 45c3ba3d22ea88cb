"""Unsaved work kept at the lock and put back for its owner (issue 12, "nothing typed is ever
lost").

Owner-only by construction: every call works on the signed-in person's own drafts, so another
user signing in at the lock screen finds nothing, and the draft waits for its owner. A draft is
classified content, so keeping, taking and discarding each write an audit entry in the same
transaction, with the keys only ("report:12"), never the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.domain.drafts import Draft, check_key, decode, encode
from desktop_app.services.session import Session
from desktop_app.storage import audit
from desktop_app.storage import drafts as repo


def keep_drafts(session: Session, drafts: Sequence[Draft]) -> int:
    """Keep the unsaved state of every open page and dialog, in one transaction (the lock).
    A later draft of the same thing replaces the earlier one. Returns how many were kept."""
    if not drafts:
        return 0
    # Checked before the transaction: one bad entry refuses the lot, nothing half kept.
    encoded = [(check_key(d.belongs_to), encode(d.content)) for d in drafts]
    keys = [key for key, _ in encoded]
    with session.transaction("draft.keep", f"user:{session.user.name}") as tx:
        tx.details = {"belongs_to": keys}
        now = audit.format_ts(session.clock.now())
        for key, content in encoded:
            repo.put(tx.conn, session.user.id, key, content, now)
    return len(encoded)


def keep_draft(session: Session, draft: Draft) -> int:
    return keep_drafts(session, [draft])


def take_draft(session: Session, belongs_to: str) -> Draft | None:
    """The owner's draft of ``belongs_to``, removed as it is returned (it is put back once)."""
    key = check_key(belongs_to)
    with session.transaction("draft.take", key) as tx:
        stored = repo.get(tx.conn, session.user.id, key)
        if stored is None:
            tx.details = {"found": False}
            return None
        repo.delete(tx.conn, session.user.id, key)
        tx.details = {"found": True}
    return Draft(stored.belongs_to, decode(stored.content), stored.saved_at)


def take_drafts(session: Session) -> list[Draft]:
    """Every draft the signed-in person left, removed as they are returned (after sign-in)."""
    with session.reading() as conn:
        if repo.count_for_owner(conn, session.user.id) == 0:
            return []  # nothing waiting: no audit entry for every sign-in
    with session.transaction("draft.take", f"user:{session.user.name}") as tx:
        stored = repo.for_owner(tx.conn, session.user.id)
        repo.delete_for_owner(tx.conn, session.user.id)
        tx.details = {"belongs_to": [s.belongs_to for s in stored]}
    return [Draft(s.belongs_to, decode(s.content), s.saved_at) for s in stored]


def discard(session: Session, belongs_to: str) -> bool:
    """Drop the owner's draft of ``belongs_to`` unseen. Returns whether there was one."""
    key = check_key(belongs_to)
    with session.transaction("draft.discard", key) as tx:
        found = repo.delete(tx.conn, session.user.id, key)
        tx.details = {"found": found}
    return found

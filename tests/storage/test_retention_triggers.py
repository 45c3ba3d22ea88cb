"""Every table destruction removes rows from, and that refuses deletes, lets them through only
for a record an approved list marked (destruction_marker): a later step that adds a protected
table linked to a report without that exception would make destruction fail, and this test says
which table and trigger."""

from __future__ import annotations

import re

from desktop_app.storage import retention
from desktop_app.storage.db import Database

# What destruction reaches other than through a foreign key (plain integer references).
PLAIN_REFERENCES = {"print_jobs", "provisions"}


def _reached(conn: object, roots: tuple[str, ...]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots) + sorted(PLAIN_REFERENCES)
    while todo:
        table = todo.pop()
        if table in seen:
            continue
        seen.add(table)
        todo += [child for child, _, _ in retention._children(conn, table)]  # type: ignore[arg-type]
    return seen


def test_every_delete_refusing_trigger_knows_the_destruction_marker(store: Database) -> None:
    with store.reading() as conn:
        reached = _reached(conn, ("reports", "requests", "inspections"))
        triggers = conn.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
    assert {"report_versions", "evidence_chunks", "inspection_events", "print_copies"} <= reached
    unaware = [
        (str(name), str(table))
        for name, table, sql in triggers
        if str(table) in reached
        and re.search(r"BEFORE\s+DELETE", str(sql), re.IGNORECASE)
        and "RAISE" in str(sql).upper()
        and "destruction_marker" not in str(sql)
    ]
    assert unaware == []

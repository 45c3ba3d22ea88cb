"""Schema migrations, numbered. ``PRAGMA user_version`` holds the version a database is at.

Append new steps at the end; never edit a released step (tests build databases at every older
version and upgrade them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.domain.errors import IntegrityFailure
from desktop_app.storage.db import Connection, Database
from desktop_app.storage.inspections import SCHEMA as EVIDENCE_INSPECTIONS_SCHEMA
from desktop_app.storage.printing import PRINTING_SCHEMA
from desktop_app.storage.reports import REPORTS_SCHEMA


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _script(sql: str) -> Callable[[Connection], None]:
    def apply(conn: Connection) -> None:
        for statement in _split(sql):
            conn.execute(statement)

    return apply


def _split(sql: str) -> list[str]:
    """Split on ';' at top level, keeping trigger bodies (BEGIN … END;) whole."""
    statements: list[str] = []
    current: list[str] = []
    depth = 0
    for line in sql.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        current.append(line)
        upper = stripped.upper()
        if upper.endswith("BEGIN"):
            depth += 1
        if upper.startswith("END;"):
            depth -= 1
        if stripped.endswith(";") and depth == 0:
            statements.append("\n".join(current))
            current = []
    if current:
        statements.append("\n".join(current))
    return statements


V1_FOUNDATION = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    full_name TEXT NOT NULL,
    clearance INTEGER NOT NULL CHECK (clearance BETWEEN 0 AND 4),
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);
CREATE TABLE designations (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    decision_ref TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX designations_user ON designations(user_id);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    ts_utc TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    result TEXT NOT NULL,
    origin TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
"""

# Issue 3: requests, the admin-maintained calendar days, the provisions register.
# - Request status is stored as an integer in workflow order (0 received, 1 in_progress,
#   2 report_in_preparation, 3 closed_no_data, 4 closed_report_issued; < 3 is open) so that
#   sorting by status follows the workflow and the open-requests partial index is small.
# - ``name_fold`` is search_text.fold(subject_name): the FTS5 index (external content) and the
#   sort-by-name index both use it. ``columnsize=0``: no per-row docsize record (an internal
#   statement per inserted row); bm25 then measures the (short) names from the content table.
# - ``request_counts`` keeps the number of requests per status, so totals and the dashboard's
#   closed count never scan a million rows. Inserts add to it in bulk (storage.requests: a
#   per-row trigger costs a quarter of the import speed); updates and deletes use triggers.
# - The decree days known at the time of this step are seeded here as data (frozen with the
#   step: later decrees are added by the administrator or by a later step).
V2_REQUESTS = """
CREATE TABLE calendar_days (
    day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind TEXT NOT NULL CHECK (kind IN ('decree', 'closure')),
    description TEXT NOT NULL DEFAULT '',
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO calendar_days (day, kind, description, added_by, added_at)
SELECT column1, 'decree', 'bij besluit gelijkgestelde dag', '(installatie)',
       strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
FROM (VALUES ('2023-04-28'), ('2023-05-19'), ('2024-05-10'), ('2024-12-27'), ('2025-05-30'),
             ('2026-01-02'), ('2026-05-15'), ('2027-05-07'), ('2028-04-28'), ('2028-05-26'));
INSERT OR IGNORE INTO settings (key, value) VALUES ('warn_from_day', '8');
CREATE TABLE reference_counters (
    year INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL CHECK (last_seq BETWEEN 0 AND 999999)
);
CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    ref_year INTEGER NOT NULL,
    ref_seq INTEGER NOT NULL,
    ind_reference TEXT,
    subject_name TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    v_number TEXT NOT NULL CHECK (length(v_number) = 10),
    birth_date TEXT,
    nationality TEXT,
    -- Not "IN (...)": a CHECK with an IN list of more than two values builds an ephemeral
    -- table per row, which with cipher_memory_security costs 100x on a bulk insert.
    purpose TEXT NOT NULL CHECK (purpose = 'asylum' OR purpose = 'residence'
                                 OR purpose = 'naturalisation' OR purpose = 'other'),
    received TEXT NOT NULL,
    deadline TEXT NOT NULL,
    calendar_version TEXT NOT NULL,
    status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 4),
    closed_on TEXT,
    close_reason TEXT,
    notice_date TEXT,
    notice_reason TEXT,
    notice_by TEXT,
    notice_recorded_at TEXT,
    notes TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX requests_reference ON requests(ref_year, ref_seq);
CREATE INDEX requests_received ON requests(received);
CREATE INDEX requests_deadline ON requests(deadline);
CREATE INDEX requests_status ON requests(status, received);
CREATE INDEX requests_name ON requests(name_fold);
CREATE INDEX requests_v_number ON requests(v_number);
CREATE INDEX requests_ind_reference ON requests(ind_reference COLLATE NOCASE)
    WHERE ind_reference IS NOT NULL;
CREATE INDEX requests_open ON requests(deadline, notice_date, status) WHERE status < 3;
CREATE VIRTUAL TABLE requests_fts USING fts5(
    name_fold, content='requests', content_rowid='id', columnsize=0,
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE request_counts (
    status INTEGER PRIMARY KEY,
    n INTEGER NOT NULL
);
INSERT INTO request_counts (status, n) VALUES (0, 0), (1, 0), (2, 0), (3, 0), (4, 0);
CREATE TRIGGER requests_count_update AFTER UPDATE OF status ON requests
WHEN OLD.status <> NEW.status
BEGIN
    UPDATE request_counts SET n = n - 1 WHERE status = OLD.status;
    UPDATE request_counts SET n = n + 1 WHERE status = NEW.status;
END;
CREATE TRIGGER requests_count_delete AFTER DELETE ON requests
BEGIN
    UPDATE request_counts SET n = n - 1 WHERE status = OLD.status;
END;
CREATE TABLE provisions (
    id INTEGER PRIMARY KEY,
    direction TEXT NOT NULL CHECK (direction IN ('aivd_to_ind', 'ind_to_aivd')),
    provided_on TEXT NOT NULL,
    description TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    provided_by TEXT NOT NULL,
    received_by TEXT,
    request_id INTEGER REFERENCES requests(id),
    report_id INTEGER,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX provisions_date ON provisions(provided_on);
CREATE INDEX provisions_request ON provisions(request_id) WHERE request_id IS NOT NULL;
CREATE INDEX provisions_report ON provisions(report_id) WHERE report_id IS NOT NULL;
"""

MIGRATIONS: list[Migration] = [
    Migration(1, "foundation: settings, users, roles, designations, audit", _script(V1_FOUNDATION)),
    Migration(2, "requests, calendar days, provisions register", _script(V2_REQUESTS)),
    Migration(
        3, "reports: versions, history, annotations, verdicts, corrections", _script(REPORTS_SCHEMA)
    ),
    Migration(4, "evidence and inspections", _script(EVIDENCE_INSPECTIONS_SCHEMA)),
    Migration(5, "printing: signing keys, trust roots, print register", _script(PRINTING_SCHEMA)),
]

# Steps may be appended by different features; order by number and insist on no gaps, so a
# database can never skip a step.
MIGRATIONS.sort(key=lambda m: m.version)
if [m.version for m in MIGRATIONS] != list(range(1, len(MIGRATIONS) + 1)):
    raise RuntimeError("schema migrations must be numbered 1..N without gaps")
LATEST = MIGRATIONS[-1].version


def current_version(db: Database) -> int:
    with db.reading() as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, target: int | None = None) -> int:
    """Bring the schema to ``target`` (default: latest), one transaction per step."""
    goal = LATEST if target is None else target
    version = current_version(db)
    if version > LATEST:
        raise IntegrityFailure(
            "Deze werkplek is gemaakt met een nieuwere versie van de software; werk eerst bij."
        )
    for step in MIGRATIONS:
        if version < step.version <= goal:
            with db.transaction() as conn:
                step.apply(conn)
                conn.execute(f"PRAGMA user_version = {int(step.version)}")
            version = step.version
    return version

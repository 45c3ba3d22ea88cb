"""Schema migrations, numbered. ``PRAGMA user_version`` holds the version a database is at.

Every step of the schema lives here, each as one SQL script (``Vn_...``) run by ``_script``,
so the whole schema reads top to bottom. Append new steps at the end; never edit a released
step: tests/storage/fixtures holds a database made at every older version, and the test
upgrades each one and compares it with a fresh database (see tests/storage/fixtures/README.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.domain.errors import IntegrityFailure
from desktop_app.storage.db import Connection, Database


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


# Step 1, the foundation: settings, accounts with roles and designations, the audit chain
# (append-only by triggers).
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

# Step 2 (issue 3): requests, the admin-maintained calendar days, the provisions register.
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

# Step 3, the ambtsberichten. ``request_id`` is a plain INTEGER (no foreign key): the requests
# table belongs to another step, and the service checks that a linked request exists.
V3_REPORTS = """
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    request_id INTEGER,
    title TEXT NOT NULL,
    classification INTEGER NOT NULL CHECK (classification BETWEEN 0 AND 4),
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'changes_wanted', 'usable',
                                           'signed', 'issued')),
    current_version INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    signed_version INTEGER,
    text_sha256 TEXT,
    signed_by INTEGER REFERENCES users(id),
    signed_at TEXT,
    issued_by INTEGER REFERENCES users(id),
    issued_at TEXT
);
CREATE INDEX reports_status ON reports(status, classification);
CREATE INDEX reports_request ON reports(request_id);
CREATE TABLE report_versions (
    report_id INTEGER NOT NULL REFERENCES reports(id),
    version INTEGER NOT NULL CHECK (version >= 1),
    text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    text_length INTEGER NOT NULL CHECK (text_length = length(text)),
    author_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    submitted_at TEXT,
    PRIMARY KEY (report_id, version)
) WITHOUT ROWID;
CREATE TABLE report_events (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    kind TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES users(id),
    version INTEGER NOT NULL CHECK (version >= 1),
    at TEXT NOT NULL
);
CREATE INDEX report_events_report ON report_events(report_id, id);
CREATE INDEX report_events_actor ON report_events(actor_id);
CREATE TABLE report_annotations (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    version INTEGER NOT NULL,
    start_pos INTEGER NOT NULL CHECK (start_pos >= 0),
    end_pos INTEGER NOT NULL CHECK (end_pos > start_pos),
    quote TEXT NOT NULL,
    comment TEXT NOT NULL,
    author_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    FOREIGN KEY (report_id, version) REFERENCES report_versions(report_id, version)
);
CREATE INDEX report_annotations_report ON report_annotations(report_id, version);
CREATE TABLE report_verdicts (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    version INTEGER NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('usable', 'changes_wanted')),
    comment TEXT,
    author_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    FOREIGN KEY (report_id, version) REFERENCES report_versions(report_id, version)
);
CREATE INDEX report_verdicts_report ON report_verdicts(report_id);
CREATE TABLE report_corrections (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    text TEXT NOT NULL,
    author_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    provision_id INTEGER
);
CREATE INDEX report_corrections_report ON report_corrections(report_id);
CREATE TRIGGER report_versions_immutable BEFORE UPDATE OF report_id, version, text, text_sha256,
    text_length, author_id, created_at ON report_versions
BEGIN
    SELECT RAISE(ABORT, 'report versions are immutable');
END;
CREATE TRIGGER report_versions_submitted_once BEFORE UPDATE OF submitted_at ON report_versions
    WHEN OLD.submitted_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'report versions are immutable');
END;
CREATE TRIGGER report_versions_no_delete BEFORE DELETE ON report_versions
BEGIN
    SELECT RAISE(ABORT, 'report versions are immutable');
END;
CREATE TRIGGER report_versions_frozen_after_signing BEFORE INSERT ON report_versions
    WHEN (SELECT text_sha256 FROM reports WHERE id = NEW.report_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a signed report takes no new versions');
END;
CREATE TRIGGER reports_signature_frozen BEFORE UPDATE ON reports
    WHEN OLD.text_sha256 IS NOT NULL AND (
        NEW.text_sha256 IS NOT OLD.text_sha256 OR NEW.signed_version IS NOT OLD.signed_version
        OR NEW.signed_by IS NOT OLD.signed_by OR NEW.signed_at IS NOT OLD.signed_at
        OR NEW.classification IS NOT OLD.classification OR NEW.title IS NOT OLD.title
        OR NEW.current_version IS NOT OLD.current_version
        OR NEW.reference IS NOT OLD.reference)
BEGIN
    SELECT RAISE(ABORT, 'a signed report is frozen');
END;
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
BEGIN
    SELECT RAISE(ABORT, 'reports are never deleted');
END;
CREATE TRIGGER report_events_append_only_update BEFORE UPDATE ON report_events
BEGIN
    SELECT RAISE(ABORT, 'report history is append-only');
END;
CREATE TRIGGER report_events_append_only_delete BEFORE DELETE ON report_events
BEGIN
    SELECT RAISE(ABORT, 'report history is append-only');
END;
CREATE TRIGGER report_annotations_immutable_update BEFORE UPDATE ON report_annotations
BEGIN
    SELECT RAISE(ABORT, 'annotations are immutable');
END;
CREATE TRIGGER report_annotations_immutable_delete BEFORE DELETE ON report_annotations
BEGIN
    SELECT RAISE(ABORT, 'annotations are immutable');
END;
CREATE TRIGGER report_verdicts_immutable_update BEFORE UPDATE ON report_verdicts
BEGIN
    SELECT RAISE(ABORT, 'verdicts are immutable');
END;
CREATE TRIGGER report_verdicts_immutable_delete BEFORE DELETE ON report_verdicts
BEGIN
    SELECT RAISE(ABORT, 'verdicts are immutable');
END;
CREATE TRIGGER report_corrections_immutable_update BEFORE UPDATE ON report_corrections
BEGIN
    SELECT RAISE(ABORT, 'corrections are immutable');
END;
CREATE TRIGGER report_corrections_immutable_delete BEFORE DELETE ON report_corrections
BEGIN
    SELECT RAISE(ABORT, 'corrections are immutable');
END;
"""

# Step 4, the underlying data (storage.evidence) and the inspection sessions
# (storage.inspections).
# ``correction_id``: an item added after the report was issued belongs to a recorded
# correction (report_corrections, no foreign key: that table belongs to another step).
V4_EVIDENCE_INSPECTIONS = """
CREATE TABLE evidence_items (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    title TEXT NOT NULL,
    classification INTEGER NOT NULL CHECK (classification BETWEEN 0 AND 4),
    source_note TEXT NOT NULL DEFAULT '',
    data_date TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('text', 'pdf', 'image', 'other')),
    media_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
    chunk_count INTEGER,
    sha256 TEXT,
    correction_id INTEGER,
    added_by INTEGER NOT NULL REFERENCES users(id),
    added_at TEXT NOT NULL
);
CREATE INDEX evidence_items_report ON evidence_items(report_id, id);
CREATE INDEX evidence_items_added_by ON evidence_items(added_by);
CREATE TABLE evidence_chunks (
    item_id INTEGER NOT NULL REFERENCES evidence_items(id),
    seq INTEGER NOT NULL CHECK (seq >= 0),
    data BLOB NOT NULL,
    PRIMARY KEY (item_id, seq)
);
CREATE TRIGGER evidence_items_fixed BEFORE UPDATE OF id, report_id, title, classification,
    source_note, data_date, kind, media_type, size_bytes, correction_id, added_by, added_at
    ON evidence_items
BEGIN
    SELECT RAISE(ABORT, 'underlying data are immutable');
END;
CREATE TRIGGER evidence_items_sealed_once BEFORE UPDATE OF sha256, chunk_count ON evidence_items
    WHEN OLD.sha256 IS NOT NULL OR NEW.sha256 IS NULL OR NEW.chunk_count IS NULL
BEGIN
    SELECT RAISE(ABORT, 'underlying data are immutable');
END;
CREATE TRIGGER evidence_items_no_delete BEFORE DELETE ON evidence_items
BEGIN
    SELECT RAISE(ABORT, 'underlying data are never deleted');
END;
CREATE TRIGGER evidence_chunks_only_unsealed BEFORE INSERT ON evidence_chunks
    WHEN (SELECT sha256 FROM evidence_items WHERE id = NEW.item_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'underlying data are immutable');
END;
CREATE TRIGGER evidence_chunks_no_update BEFORE UPDATE ON evidence_chunks
BEGIN
    SELECT RAISE(ABORT, 'underlying data are immutable');
END;
CREATE TRIGGER evidence_chunks_no_delete BEFORE DELETE ON evidence_chunks
BEGIN
    SELECT RAISE(ABORT, 'underlying data are never deleted');
END;
CREATE TABLE inspections (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    inspector_id INTEGER NOT NULL REFERENCES users(id),
    designation_ref TEXT NOT NULL,
    workstation_id TEXT NOT NULL,
    location TEXT NOT NULL,
    idle_minutes INTEGER NOT NULL CHECK (idle_minutes > 0),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    end_reason TEXT CHECK (end_reason IN ('ended', 'idle')),
    closed_at TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inspections_report ON inspections(report_id, id);
CREATE INDEX inspections_inspector ON inspections(inspector_id, id);
CREATE TABLE inspection_items (
    inspection_id INTEGER NOT NULL REFERENCES inspections(id),
    item_id INTEGER NOT NULL REFERENCES evidence_items(id),
    PRIMARY KEY (inspection_id, item_id)
) WITHOUT ROWID;
CREATE TABLE inspection_events (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections(id),
    kind TEXT NOT NULL CHECK (kind IN ('start', 'open_item', 'close_item', 'activity', 'idle',
                                       'end')),
    item_id INTEGER REFERENCES evidence_items(id),
    at TEXT NOT NULL
);
CREATE INDEX inspection_events_session ON inspection_events(inspection_id, id);
CREATE TRIGGER inspections_fixed BEFORE UPDATE OF id, report_id, inspector_id, designation_ref,
    workstation_id, location, idle_minutes, started_at ON inspections
BEGIN
    SELECT RAISE(ABORT, 'inspection sessions are immutable');
END;
CREATE TRIGGER inspections_frozen_when_closed BEFORE UPDATE ON inspections
    WHEN OLD.closed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'inspection sessions are immutable');
END;
CREATE TRIGGER inspections_no_delete BEFORE DELETE ON inspections
BEGIN
    SELECT RAISE(ABORT, 'inspection sessions are never deleted');
END;
CREATE TRIGGER inspection_items_no_update BEFORE UPDATE ON inspection_items
BEGIN
    SELECT RAISE(ABORT, 'inspection sessions are immutable');
END;
CREATE TRIGGER inspection_items_no_delete BEFORE DELETE ON inspection_items
BEGIN
    SELECT RAISE(ABORT, 'inspection sessions are never deleted');
END;
CREATE TRIGGER inspection_events_no_update BEFORE UPDATE ON inspection_events
BEGIN
    SELECT RAISE(ABORT, 'the inspection log is append-only');
END;
CREATE TRIGGER inspection_events_no_delete BEFORE DELETE ON inspection_events
BEGIN
    SELECT RAISE(ABORT, 'the inspection log is append-only');
END;
"""

# Step 5, printing. The register is append-only (triggers), like the audit log: a
# copy that was printed stays printed. ``report_id`` is a plain INTEGER: the reports table is
# another step's, and the service reads the report before it registers a print of it.
V5_PRINTING = """
CREATE TABLE signing_keys (
    id INTEGER PRIMARY KEY,
    origin TEXT NOT NULL CHECK (origin IN ('workstation', 'organisation')),
    certificate BLOB NOT NULL,
    chain_der BLOB NOT NULL,
    wrapped_key BLOB NOT NULL,
    ca_certificate BLOB,
    ca_wrapped_key BLOB,
    fingerprint TEXT NOT NULL UNIQUE,
    common_name TEXT NOT NULL,
    not_after TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys(active) WHERE active = 1;
CREATE TABLE trust_roots (
    fingerprint TEXT PRIMARY KEY,
    certificate BLOB NOT NULL,
    label TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE print_jobs (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL,
    reference TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    draft INTEGER NOT NULL CHECK (draft IN (0, 1)),
    copies INTEGER NOT NULL CHECK (copies >= 1),
    destination TEXT NOT NULL CHECK (destination IN ('file', 'printer')),
    printed_by INTEGER NOT NULL REFERENCES users(id),
    printed_at TEXT NOT NULL,
    audit_head TEXT NOT NULL,
    signing_key_id INTEGER REFERENCES signing_keys(id),
    CHECK (draft = 1 OR signing_key_id IS NOT NULL),
    CHECK (draft = 0 OR (copies = 1 AND signing_key_id IS NULL))
);
CREATE INDEX print_jobs_report ON print_jobs(report_id, id);
CREATE TABLE print_copies (
    id INTEGER PRIMARY KEY,
    job_id INTEGER NOT NULL REFERENCES print_jobs(id),
    copy_number INTEGER CHECK (copy_number IS NULL OR copy_number >= 1),
    sha256 TEXT NOT NULL,
    file_name TEXT,
    UNIQUE (job_id, copy_number)
);
CREATE INDEX print_copies_sha256 ON print_copies(sha256);
CREATE TRIGGER print_jobs_append_only_update BEFORE UPDATE ON print_jobs
BEGIN
    SELECT RAISE(ABORT, 'the print register is append-only');
END;
CREATE TRIGGER print_jobs_append_only_delete BEFORE DELETE ON print_jobs
BEGIN
    SELECT RAISE(ABORT, 'the print register is append-only');
END;
CREATE TRIGGER print_copies_append_only_update BEFORE UPDATE ON print_copies
BEGIN
    SELECT RAISE(ABORT, 'the print register is append-only');
END;
CREATE TRIGGER print_copies_append_only_delete BEFORE DELETE ON print_copies
BEGIN
    SELECT RAISE(ABORT, 'the print register is append-only');
END;
"""

# Step 6, unsaved work kept at the lock: one row per owner and what it belongs to ("report:12",
# "new-report", a dialog's key); the content is JSON (text, classification, cursor). It lives in
# the encrypted database only, never in a file, and waits for its owner.
V6_DRAFTS = """
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES users(id),
    belongs_to TEXT NOT NULL,
    content TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    UNIQUE (owner_id, belongs_to)
);
"""

# Step 7, the covenant's governance, retention, marking and the four-eyes flow going back. One
# step in six parts, each owned by one area (kept apart so each reads as a whole); the step is
# released as a whole, and from then on only a new step may change it.
# 7a: periodic consultations (art. 3.2) with their frozen figures, decisions and action points;
# and the liaison informed of a delay (who informed whom), a plain text pair like notice_by so
# that a notice keeps naming the person it named then. ``figures`` is the statistics' JSON as
# computed at ``as_of`` and stored once: the triggers keep it (and the record) as it was, only
# an action point's done state changes, and that is its own audited change.
V7_CONSULTATIONS = """
ALTER TABLE requests ADD COLUMN notice_liaison TEXT;
ALTER TABLE requests ADD COLUMN notice_liaison_name TEXT;
CREATE TABLE consultations (
    id INTEGER PRIMARY KEY,
    held_on TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL CHECK (period_to >= period_from),
    as_of TEXT NOT NULL,
    figures TEXT NOT NULL,
    decisions TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX consultations_held_on ON consultations(held_on);
CREATE TABLE consultation_participants (
    consultation_id INTEGER NOT NULL REFERENCES consultations(id),
    position INTEGER NOT NULL,
    service TEXT NOT NULL CHECK (service IN ('aivd', 'ind')),
    name TEXT NOT NULL,
    function TEXT,
    PRIMARY KEY (consultation_id, position)
);
CREATE TABLE consultation_actions (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id),
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    owner TEXT NOT NULL,
    due TEXT NOT NULL,
    done_on TEXT,
    done_by TEXT,
    done_at TEXT,
    UNIQUE (consultation_id, position)
);
CREATE TRIGGER consultations_frozen BEFORE UPDATE ON consultations
BEGIN
    SELECT RAISE(ABORT, 'a consultation is recorded once');
END;
CREATE TRIGGER consultation_participants_frozen BEFORE UPDATE ON consultation_participants
BEGIN
    SELECT RAISE(ABORT, 'a consultation is recorded once');
END;
CREATE TRIGGER consultation_actions_done_once BEFORE UPDATE ON consultation_actions
    WHEN OLD.done_on IS NOT NULL OR NEW.description IS NOT OLD.description
        OR NEW.owner IS NOT OLD.owner OR NEW.due IS NOT OLD.due
        OR NEW.consultation_id IS NOT OLD.consultation_id OR NEW.position IS NOT OLD.position
BEGIN
    SELECT RAISE(ABORT, 'an action point is marked done once and otherwise kept');
END;
"""
# 7b: the covenant register (art. 5): covenants, amendments (art. 4.1), termination (art. 4.2),
# implementation plans (art. 3.3) and the non-public annex.
# A covenant row holds only what was signed (dates, signatories, what it replaces); when it is in
# force, when a termination takes effect and an amendment's status are computed from the facts
# (domain.covenant), never stored. Everything recorded here is a fact about the past and is
# immutable (triggers); the one change allowed is withdrawing a plan, once. The annex and the
# plans' texts are classified content: read through the services only (clearance and
# need-to-know, every view audited), never written to a file. The 2019 covenant is seeded
# here, so every workspace (new or upgraded) holds it. A plan and each annex version carry how
# long their classification holds (until a date or an event, as part 7e gives reports), or NULL:
# not recorded.
V7_COVENANT = """
CREATE TABLE covenants (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    place TEXT NOT NULL,
    signed_aivd TEXT NOT NULL,
    signed_ind TEXT NOT NULL,
    signatory_aivd TEXT NOT NULL,
    signatory_ind TEXT NOT NULL,
    replaces TEXT NOT NULL DEFAULT ''
);
INSERT INTO covenants (id, reference, title, place, signed_aivd, signed_ind, signatory_aivd,
    signatory_ind, replaces)
VALUES (1, 'AIVD-IND 2019',
    'Convenant inzake de samenwerking tussen de Algemene Inlichtingen- en Veiligheidsdienst '
    || '(AIVD) en de Immigratie- en Naturalisatiedienst (IND)',
    'Zoetermeer', '2019-03-07', '2019-03-07',
    'H.W.M. Schoof, Directeur-generaal van de AIVD',
    'A. van Berckel-van de Langemheen, Hoofddirecteur van de IND',
    'het convenant uit 2013');
CREATE TABLE covenant_terminations (
    covenant_id INTEGER PRIMARY KEY REFERENCES covenants(id),
    party TEXT NOT NULL CHECK (party IN ('aivd', 'ind')),
    notice_on TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE TABLE covenant_amendments (
    id INTEGER PRIMARY KEY,
    covenant_id INTEGER NOT NULL REFERENCES covenants(id),
    party TEXT NOT NULL CHECK (party IN ('aivd', 'ind')),
    requested_on TEXT NOT NULL,
    proposed_change TEXT NOT NULL,
    proposed_effective TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX covenant_amendments_covenant ON covenant_amendments(covenant_id, id);
CREATE TABLE covenant_amendment_decisions (
    amendment_id INTEGER NOT NULL REFERENCES covenant_amendments(id),
    party TEXT NOT NULL CHECK (party IN ('aivd', 'ind')),
    decision TEXT NOT NULL CHECK (decision IN ('consent', 'refuse')),
    decided_on TEXT NOT NULL,
    decision_ref TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (amendment_id, party)
) WITHOUT ROWID;
CREATE TABLE covenant_annex_versions (
    covenant_id INTEGER NOT NULL REFERENCES covenants(id),
    version INTEGER NOT NULL CHECK (version >= 1),
    classification INTEGER NOT NULL CHECK (classification BETWEEN 1 AND 4),
    classified_until TEXT,
    classified_until_event TEXT,
    content TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (covenant_id, version),
    CHECK (classified_until IS NULL OR classified_until_event IS NULL)
) WITHOUT ROWID;
CREATE TABLE implementation_plans (
    id INTEGER PRIMARY KEY,
    covenant_id INTEGER NOT NULL REFERENCES covenants(id),
    subject TEXT NOT NULL,
    classification INTEGER NOT NULL CHECK (classification BETWEEN 0 AND 4),
    classified_until TEXT,
    classified_until_event TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    withdrawn_on TEXT,
    withdrawn_by TEXT,
    withdrawal_reason TEXT,
    CHECK (classified_until IS NULL OR classified_until_event IS NULL)
);
CREATE INDEX implementation_plans_covenant ON implementation_plans(covenant_id, id);
CREATE TABLE implementation_plan_versions (
    plan_id INTEGER NOT NULL REFERENCES implementation_plans(id),
    version INTEGER NOT NULL CHECK (version >= 1),
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (plan_id, version)
) WITHOUT ROWID;
CREATE TABLE implementation_plan_approvals (
    plan_id INTEGER NOT NULL REFERENCES implementation_plans(id),
    version INTEGER NOT NULL,
    party TEXT NOT NULL CHECK (party IN ('aivd', 'ind')),
    approved_on TEXT NOT NULL,
    decision_ref TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (plan_id, version, party),
    FOREIGN KEY (plan_id, version) REFERENCES implementation_plan_versions(plan_id, version)
) WITHOUT ROWID;
CREATE TRIGGER covenants_immutable_update BEFORE UPDATE ON covenants
BEGIN
    SELECT RAISE(ABORT, 'the covenant register is immutable');
END;
CREATE TRIGGER covenants_immutable_delete BEFORE DELETE ON covenants
BEGIN
    SELECT RAISE(ABORT, 'the covenant register is immutable');
END;
CREATE TRIGGER covenant_terminations_immutable_update BEFORE UPDATE ON covenant_terminations
BEGIN
    SELECT RAISE(ABORT, 'the covenant register is immutable');
END;
CREATE TRIGGER covenant_terminations_immutable_delete BEFORE DELETE ON covenant_terminations
BEGIN
    SELECT RAISE(ABORT, 'the covenant register is immutable');
END;
CREATE TRIGGER covenant_amendments_immutable_update BEFORE UPDATE ON covenant_amendments
BEGIN
    SELECT RAISE(ABORT, 'the covenant register is immutable');
END;
CREATE TRIGGER covenant_amendments_immutable_delete BEFORE DELETE ON covenant_amendments
BEGIN
    SELECT RAISE(ABORT, 'the covenant register is immutable');
END;
CREATE TRIGGER covenant_amendment_decisions_immutable_update
    BEFORE UPDATE ON covenant_amendment_decisions
BEGIN
    SELECT RAISE(ABORT, 'the covenant register is immutable');
END;
CREATE TRIGGER covenant_amendment_decisions_immutable_delete
    BEFORE DELETE ON covenant_amendment_decisions
BEGIN
    SELECT RAISE(ABORT, 'the covenant register is immutable');
END;
CREATE TRIGGER covenant_annex_versions_immutable_update BEFORE UPDATE ON covenant_annex_versions
BEGIN
    SELECT RAISE(ABORT, 'annex versions are immutable');
END;
CREATE TRIGGER covenant_annex_versions_immutable_delete BEFORE DELETE ON covenant_annex_versions
BEGIN
    SELECT RAISE(ABORT, 'annex versions are immutable');
END;
CREATE TRIGGER implementation_plans_fixed BEFORE UPDATE OF id, covenant_id, subject,
    classification, classified_until, classified_until_event, created_by, created_at
    ON implementation_plans
BEGIN
    SELECT RAISE(ABORT, 'implementation plans are immutable');
END;
CREATE TRIGGER implementation_plans_withdrawn_once BEFORE UPDATE OF withdrawn_on, withdrawn_by,
    withdrawal_reason ON implementation_plans
    WHEN OLD.withdrawn_on IS NOT NULL OR NEW.withdrawn_on IS NULL OR NEW.withdrawn_by IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a plan is withdrawn once');
END;
CREATE TRIGGER implementation_plans_no_delete BEFORE DELETE ON implementation_plans
BEGIN
    SELECT RAISE(ABORT, 'implementation plans are never deleted');
END;
CREATE TRIGGER implementation_plan_versions_immutable_update
    BEFORE UPDATE ON implementation_plan_versions
BEGIN
    SELECT RAISE(ABORT, 'plan versions are immutable');
END;
CREATE TRIGGER implementation_plan_versions_immutable_delete
    BEFORE DELETE ON implementation_plan_versions
BEGIN
    SELECT RAISE(ABORT, 'plan versions are immutable');
END;
CREATE TRIGGER implementation_plan_versions_not_when_withdrawn
    BEFORE INSERT ON implementation_plan_versions
    WHEN (SELECT withdrawn_on FROM implementation_plans WHERE id = NEW.plan_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a withdrawn plan takes no new versions');
END;
CREATE TRIGGER implementation_plan_approvals_immutable_update
    BEFORE UPDATE ON implementation_plan_approvals
BEGIN
    SELECT RAISE(ABORT, 'approvals are immutable');
END;
CREATE TRIGGER implementation_plan_approvals_immutable_delete
    BEFORE DELETE ON implementation_plan_approvals
BEGIN
    SELECT RAISE(ABORT, 'approvals are immutable');
END;
"""
# 7c: retention periods, destruction lists, legal holds and destruction records (Archiefwet);
# the decree days of the Royal Decree of 31 October 2016.
# The decree days are seeded like step 2's (INSERT OR IGNORE: a day the administrator added
# already stays as they recorded it). Periods are data the administrator maintains, seeded with
# defaults. A destruction list is drawn up once, approved once by an administrator and once by
# a signer (two accounts), carried out once; a destruction record keeps identifiers only.
# The no-delete triggers of steps 3-5 are recreated with one exception each: a row whose report
# (or inspection) is in ``destruction_marker``, which only an approved list can fill and which
# the destruction empties again in its own transaction. Every other delete is still refused.
V7_RETENTION = """
INSERT OR IGNORE INTO calendar_days (day, kind, description, added_by, added_at)
SELECT column1, 'decree', 'bij besluit gelijkgestelde dag (Stcrt. 2016, 58653)', '(installatie)',
       strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
FROM (VALUES ('2017-04-28'), ('2017-05-26'), ('2018-05-11'), ('2018-12-24'), ('2018-12-31'),
             ('2019-05-31'), ('2019-12-27'));
CREATE TABLE retention_periods (
    kind TEXT PRIMARY KEY,
    years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 100),
    basis TEXT NOT NULL DEFAULT '',
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO retention_periods (kind, years, basis, changed_by, changed_at)
SELECT column1, column2, '', '(installatie)', strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
FROM (VALUES ('request_no_data', 5), ('request_report', 10), ('spontaneous_report', 10),
             ('provision', 10), ('inspection', 5));
CREATE TABLE legal_holds (
    id INTEGER PRIMARY KEY,
    object TEXT NOT NULL,
    reason TEXT NOT NULL,
    reference TEXT NOT NULL,
    placed_by TEXT NOT NULL,
    placed_at TEXT NOT NULL,
    released_by TEXT,
    released_at TEXT,
    release_reason TEXT,
    CHECK ((released_by IS NULL) = (released_at IS NULL))
);
CREATE INDEX legal_holds_active ON legal_holds(object) WHERE released_at IS NULL;
CREATE TRIGGER legal_holds_fixed BEFORE UPDATE OF id, object, reason, reference, placed_by,
    placed_at ON legal_holds
BEGIN
    SELECT RAISE(ABORT, 'a legal hold is recorded once');
END;
CREATE TRIGGER legal_holds_released_once BEFORE UPDATE OF released_by, released_at,
    release_reason ON legal_holds
    WHEN OLD.released_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a legal hold is released once');
END;
CREATE TRIGGER legal_holds_no_delete BEFORE DELETE ON legal_holds
BEGIN
    SELECT RAISE(ABORT, 'legal holds are never deleted');
END;
CREATE TABLE destruction_lists (
    id INTEGER PRIMARY KEY,
    as_of TEXT NOT NULL,
    drawn_up_by TEXT NOT NULL,
    drawn_up_at TEXT NOT NULL,
    admin_approved_by TEXT,
    admin_approved_at TEXT,
    signer_approved_by TEXT,
    signer_approved_at TEXT,
    destroyed_by TEXT,
    destroyed_at TEXT,
    CHECK (admin_approved_by IS NULL OR signer_approved_by IS NULL
           OR admin_approved_by <> signer_approved_by COLLATE NOCASE),
    CHECK (destroyed_at IS NULL OR (admin_approved_at IS NOT NULL
                                    AND signer_approved_at IS NOT NULL))
);
CREATE TABLE destruction_list_items (
    list_id INTEGER NOT NULL REFERENCES destruction_lists(id),
    object TEXT NOT NULL,
    kind TEXT NOT NULL,
    reference TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    years INTEGER NOT NULL,
    due_on TEXT NOT NULL,
    PRIMARY KEY (list_id, object)
) WITHOUT ROWID;
CREATE TABLE destruction_records (
    id INTEGER PRIMARY KEY,
    list_id INTEGER NOT NULL REFERENCES destruction_lists(id),
    object TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    reference TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    years INTEGER NOT NULL,
    due_on TEXT NOT NULL,
    parts TEXT NOT NULL,
    destroyed_by TEXT NOT NULL,
    destroyed_at TEXT NOT NULL
);
CREATE TABLE destruction_marker (
    list_id INTEGER NOT NULL REFERENCES destruction_lists(id),
    kind TEXT NOT NULL CHECK (kind IN ('report', 'inspection')),
    object_id INTEGER NOT NULL,
    PRIMARY KEY (kind, object_id)
) WITHOUT ROWID;
CREATE TRIGGER destruction_lists_no_delete BEFORE DELETE ON destruction_lists
BEGIN
    SELECT RAISE(ABORT, 'destruction lists are never deleted');
END;
CREATE TRIGGER destruction_lists_fixed BEFORE UPDATE OF id, as_of, drawn_up_by, drawn_up_at
    ON destruction_lists
BEGIN
    SELECT RAISE(ABORT, 'a destruction list is drawn up once');
END;
CREATE TRIGGER destruction_lists_admin_once BEFORE UPDATE OF admin_approved_by,
    admin_approved_at ON destruction_lists
    WHEN OLD.admin_approved_at IS NOT NULL OR OLD.destroyed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an approval is given once');
END;
CREATE TRIGGER destruction_lists_signer_once BEFORE UPDATE OF signer_approved_by,
    signer_approved_at ON destruction_lists
    WHEN OLD.signer_approved_at IS NOT NULL OR OLD.destroyed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an approval is given once');
END;
CREATE TRIGGER destruction_lists_destroyed_once BEFORE UPDATE OF destroyed_by, destroyed_at
    ON destruction_lists
    WHEN OLD.destroyed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a destruction list is carried out once');
END;
CREATE TRIGGER destruction_list_items_no_update BEFORE UPDATE ON destruction_list_items
BEGIN
    SELECT RAISE(ABORT, 'a destruction list is drawn up once');
END;
CREATE TRIGGER destruction_list_items_no_delete BEFORE DELETE ON destruction_list_items
BEGIN
    SELECT RAISE(ABORT, 'a destruction list is drawn up once');
END;
CREATE TRIGGER destruction_list_items_only_new BEFORE INSERT ON destruction_list_items
    WHEN (SELECT admin_approved_at IS NOT NULL OR signer_approved_at IS NOT NULL
          FROM destruction_lists WHERE id = NEW.list_id)
BEGIN
    SELECT RAISE(ABORT, 'a destruction list is drawn up once');
END;
CREATE TRIGGER destruction_records_no_update BEFORE UPDATE ON destruction_records
BEGIN
    SELECT RAISE(ABORT, 'destruction records are append-only');
END;
CREATE TRIGGER destruction_records_no_delete BEFORE DELETE ON destruction_records
BEGIN
    SELECT RAISE(ABORT, 'destruction records are append-only');
END;
CREATE TRIGGER destruction_marker_needs_approval BEFORE INSERT ON destruction_marker
    WHEN NOT EXISTS (SELECT 1 FROM destruction_lists WHERE id = NEW.list_id
                     AND admin_approved_at IS NOT NULL AND signer_approved_at IS NOT NULL
                     AND destroyed_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'destruction needs a list approved by both');
END;
DROP TRIGGER reports_no_delete;
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker WHERE kind = 'report'
                     AND object_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'reports are never deleted');
END;
DROP TRIGGER report_versions_no_delete;
CREATE TRIGGER report_versions_no_delete BEFORE DELETE ON report_versions
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker WHERE kind = 'report'
                     AND object_id = OLD.report_id)
BEGIN
    SELECT RAISE(ABORT, 'report versions are immutable');
END;
DROP TRIGGER report_events_append_only_delete;
CREATE TRIGGER report_events_append_only_delete BEFORE DELETE ON report_events
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker WHERE kind = 'report'
                     AND object_id = OLD.report_id)
BEGIN
    SELECT RAISE(ABORT, 'report history is append-only');
END;
DROP TRIGGER report_annotations_immutable_delete;
CREATE TRIGGER report_annotations_immutable_delete BEFORE DELETE ON report_annotations
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker WHERE kind = 'report'
                     AND object_id = OLD.report_id)
BEGIN
    SELECT RAISE(ABORT, 'annotations are immutable');
END;
DROP TRIGGER report_verdicts_immutable_delete;
CREATE TRIGGER report_verdicts_immutable_delete BEFORE DELETE ON report_verdicts
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker WHERE kind = 'report'
                     AND object_id = OLD.report_id)
BEGIN
    SELECT RAISE(ABORT, 'verdicts are immutable');
END;
DROP TRIGGER report_corrections_immutable_delete;
CREATE TRIGGER report_corrections_immutable_delete BEFORE DELETE ON report_corrections
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker WHERE kind = 'report'
                     AND object_id = OLD.report_id)
BEGIN
    SELECT RAISE(ABORT, 'corrections are immutable');
END;
DROP TRIGGER evidence_items_no_delete;
CREATE TRIGGER evidence_items_no_delete BEFORE DELETE ON evidence_items
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker WHERE kind = 'report'
                     AND object_id = OLD.report_id)
BEGIN
    SELECT RAISE(ABORT, 'underlying data are never deleted');
END;
DROP TRIGGER evidence_chunks_no_delete;
CREATE TRIGGER evidence_chunks_no_delete BEFORE DELETE ON evidence_chunks
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker m JOIN evidence_items e
                     ON m.kind = 'report' AND m.object_id = e.report_id
                     WHERE e.id = OLD.item_id)
BEGIN
    SELECT RAISE(ABORT, 'underlying data are never deleted');
END;
DROP TRIGGER inspections_no_delete;
CREATE TRIGGER inspections_no_delete BEFORE DELETE ON inspections
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker
                     WHERE (kind = 'report' AND object_id = OLD.report_id)
                        OR (kind = 'inspection' AND object_id = OLD.id))
BEGIN
    SELECT RAISE(ABORT, 'inspection sessions are never deleted');
END;
DROP TRIGGER inspection_items_no_delete;
CREATE TRIGGER inspection_items_no_delete BEFORE DELETE ON inspection_items
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker m JOIN inspections i
                     ON (m.kind = 'report' AND m.object_id = i.report_id)
                     OR (m.kind = 'inspection' AND m.object_id = i.id)
                     WHERE i.id = OLD.inspection_id)
BEGIN
    SELECT RAISE(ABORT, 'inspection sessions are never deleted');
END;
DROP TRIGGER inspection_events_no_delete;
CREATE TRIGGER inspection_events_no_delete BEFORE DELETE ON inspection_events
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker m JOIN inspections i
                     ON (m.kind = 'report' AND m.object_id = i.report_id)
                     OR (m.kind = 'inspection' AND m.object_id = i.id)
                     WHERE i.id = OLD.inspection_id)
BEGIN
    SELECT RAISE(ABORT, 'the inspection log is append-only');
END;
DROP TRIGGER print_jobs_append_only_delete;
CREATE TRIGGER print_jobs_append_only_delete BEFORE DELETE ON print_jobs
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker WHERE kind = 'report'
                     AND object_id = OLD.report_id)
BEGIN
    SELECT RAISE(ABORT, 'the print register is append-only');
END;
DROP TRIGGER print_copies_append_only_delete;
CREATE TRIGGER print_copies_append_only_delete BEFORE DELETE ON print_copies
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker m JOIN print_jobs j
                     ON m.kind = 'report' AND m.object_id = j.report_id
                     WHERE j.id = OLD.job_id)
BEGIN
    SELECT RAISE(ABORT, 'the print register is append-only');
END;
"""
# 7d: the four-eyes flow going back: withdrawn submissions, reports sent back, remarks handled,
# edited or withdrawn, the signer's decision on old or unverifiable data. The steps themselves
# are report_events (kinds 'withdraw', 'send_back', 'edit_remark', 'withdraw_remark',
# 'handle_remark': the column has no list of kinds); these tables hold what a step said (its
# reason, the remark's new wording, the officer's note), append-only like the history. A remark
# row stays as it was placed (its anchor); its changes are rows here.
V7_REVIEW = """
CREATE TABLE report_step_reasons (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    version INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('withdraw', 'send_back')),
    reason TEXT,
    actor_id INTEGER NOT NULL REFERENCES users(id),
    at TEXT NOT NULL,
    CHECK (kind != 'send_back' OR reason IS NOT NULL),
    FOREIGN KEY (report_id, version) REFERENCES report_versions(report_id, version)
);
CREATE INDEX report_step_reasons_report ON report_step_reasons(report_id, id);
CREATE TABLE report_remark_events (
    id INTEGER PRIMARY KEY,
    annotation_id INTEGER NOT NULL REFERENCES report_annotations(id),
    kind TEXT NOT NULL CHECK (kind IN ('edit', 'withdraw', 'handle')),
    text TEXT,
    actor_id INTEGER NOT NULL REFERENCES users(id),
    at TEXT NOT NULL,
    CHECK (kind = 'withdraw' OR text IS NOT NULL)
);
CREATE INDEX report_remark_events_annotation ON report_remark_events(annotation_id, id);
CREATE TABLE report_special_cases (
    report_id INTEGER NOT NULL REFERENCES reports(id),
    version INTEGER NOT NULL,
    findings TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_by INTEGER NOT NULL REFERENCES users(id),
    decided_at TEXT NOT NULL,
    PRIMARY KEY (report_id, version),
    FOREIGN KEY (report_id, version) REFERENCES report_versions(report_id, version)
) WITHOUT ROWID;
CREATE TRIGGER report_step_reasons_append_only_update BEFORE UPDATE ON report_step_reasons
BEGIN
    SELECT RAISE(ABORT, 'report history is append-only');
END;
CREATE TRIGGER report_step_reasons_append_only_delete BEFORE DELETE ON report_step_reasons
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker WHERE kind = 'report'
                     AND object_id = OLD.report_id)
BEGIN
    SELECT RAISE(ABORT, 'report history is append-only');
END;
CREATE TRIGGER report_remark_events_append_only_update BEFORE UPDATE ON report_remark_events
BEGIN
    SELECT RAISE(ABORT, 'report history is append-only');
END;
CREATE TRIGGER report_remark_events_append_only_delete BEFORE DELETE ON report_remark_events
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker d
                     JOIN report_annotations a ON a.report_id = d.object_id
                     WHERE d.kind = 'report' AND a.id = OLD.annotation_id)
BEGIN
    SELECT RAISE(ABORT, 'report history is append-only');
END;
CREATE TRIGGER report_special_cases_immutable_update BEFORE UPDATE ON report_special_cases
BEGIN
    SELECT RAISE(ABORT, 'a signed decision is immutable');
END;
CREATE TRIGGER report_special_cases_immutable_delete BEFORE DELETE ON report_special_cases
    WHEN NOT EXISTS (SELECT 1 FROM destruction_marker WHERE kind = 'report'
                     AND object_id = OLD.report_id)
BEGIN
    SELECT RAISE(ABORT, 'a signed decision is immutable');
END;
"""
# 7e: marking and printing: classification durations, a recipient per copy, the subject of a
# spontaneous report (the liaison informed of a delay is in 7a).
# A duration is a date (ISO) or an event (text); NULL in both: not recorded (rows from before,
# shown as "niet vastgelegd"). The report's duration and a spontaneous report's subject are
# companion tables (one row per report), so destruction can remove the subject with the report.
# ``recipient`` NULL: a copy printed before the distribution list was recorded.
# 7f (last, in Python): the name index refolded with the Latin spellings of other scripts.
V7_MARKING = """
ALTER TABLE evidence_items ADD COLUMN classified_until TEXT;
ALTER TABLE evidence_items ADD COLUMN classified_until_event TEXT;
CREATE TABLE report_markings (
    report_id INTEGER PRIMARY KEY REFERENCES reports(id),
    classified_until TEXT,
    classified_until_event TEXT,
    CHECK ((classified_until IS NULL) <> (classified_until_event IS NULL))
);
CREATE TABLE report_subjects (
    report_id INTEGER PRIMARY KEY REFERENCES reports(id),
    subject_name TEXT NOT NULL,
    birth_date TEXT,
    v_number TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
ALTER TABLE print_copies ADD COLUMN recipient TEXT;
"""


def _refold_names(conn: Connection) -> None:
    # The name index now also holds Latin spellings of Cyrillic, Greek and Arabic names.
    from desktop_app.storage.requests.records import refold_names

    refold_names(conn)


def _parts(*parts: str | Callable[[Connection], None]) -> Callable[[Connection], None]:
    steps = [_script(part) if isinstance(part, str) else part for part in parts]

    def apply(conn: Connection) -> None:
        for step in steps:
            step(conn)

    return apply


MIGRATIONS: list[Migration] = [
    Migration(1, "foundation: settings, users, roles, designations, audit", _script(V1_FOUNDATION)),
    Migration(2, "requests, calendar days, provisions register", _script(V2_REQUESTS)),
    Migration(
        3, "reports: versions, history, annotations, verdicts, corrections", _script(V3_REPORTS)
    ),
    Migration(4, "evidence and inspections", _script(V4_EVIDENCE_INSPECTIONS)),
    Migration(5, "printing: signing keys, trust roots, print register", _script(V5_PRINTING)),
    Migration(6, "drafts: unsaved work kept at the lock", _script(V6_DRAFTS)),
    Migration(
        7,
        "governance, retention, review going back, marking",
        _parts(V7_CONSULTATIONS, V7_COVENANT, V7_RETENTION, V7_REVIEW, V7_MARKING, _refold_names),
    ),
]

# Insist on no gaps, so a database can never skip a step.
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

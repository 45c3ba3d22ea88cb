"""Administrator use cases on the audit trail: list it and verify it; and the audit head kept
outside the database, in the OS keyring beside the workstation secret.

``verify_audit`` checks, in one transaction:
- the chain itself (every entry's hash and link, AUD-3/4/6);
- the chain against every head kept outside it: an anchor given by hand (``--anchor``, from a
  printed copy), the head anchored in the keyring (sign-out, backup, print and every good
  verification move it forward), and the head each print job put on its paper as recorded in
  the print register: a log cut back, or rewritten before any of these, fails (AUD-5);
- every report version and every underlying-data item against its recorded hash, and those
  hashes against what the chain recorded (storage.integrity);
- both storage integrity checks (``integrity_check``, ``cipher_integrity_check``).

``record_head`` moves the keyring head forward, after COMMIT (a crash leaves the old head,
never one the database does not have), and only when the chain still contains the head stored
before: a database that was cut back or rewritten does not get its new head anchored over the
evidence.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain import timefmt
from desktop_app.domain.audit_labels import (
    action_filter,
    action_label,
    object_label,
    readable_details,
    result_label,
)
from desktop_app.domain.errors import AppError, InvalidInput
from desktop_app.domain.roles import ADMIN_ONLY
from desktop_app.security.workstation import (
    AnchoredHead,
    HeadDamaged,
    open_head,
    seal_head,
)
from desktop_app.services.files import require_folder
from desktop_app.storage import audit, integrity
from desktop_app.storage import users as users_repo
from desktop_app.storage.audit import Anchor, AuditEntry, ChainVerdict, RecordedHashes
from desktop_app.storage.db import Connection
from desktop_app.storage.files import atomic_write

if TYPE_CHECKING:  # the session imports record_head from here
    from desktop_app.services.session import Session

log = logging.getLogger(__name__)

KEYRING_SOURCE = "de kop in de sleutelring"
# The report names at most this many content mismatches (the first one matters most).
MAX_CONTENT_PROBLEMS = 20


@dataclass(frozen=True)
class AuditReport:
    chain: ChainVerdict
    storage_problems: tuple[str, ...]
    # Stored texts and items that no longer match their recorded hash (Dutch sentences).
    content_problems: tuple[str, ...] = ()
    # The head anchored in the keyring that the chain was checked against (None: none yet).
    keyring_head: AnchoredHead | None = None
    # Why the keyring head could not be used: forged, damaged or another workspace's.
    keyring_problem: str | None = None
    # How many heads from the print register were checked.
    printed_heads: int = 0

    @property
    def ok(self) -> bool:
        return (
            self.chain.ok
            and not self.storage_problems
            and not self.content_problems
            and self.keyring_problem is None
        )

    @property
    def problem(self) -> str | None:
        """The first thing wrong, as a sentence (None when all is well)."""
        if self.keyring_problem is not None:
            return self.keyring_problem
        if not self.chain.ok:
            return f"Audittrail ongeldig bij vermelding {self.chain.bad_seq}: {self.chain.reason}."
        if self.content_problems:
            return f"Gewijzigde inhoud: {self.content_problems[0]}."
        if self.storage_problems:
            return "De database is beschadigd: " + "; ".join(self.storage_problems[:3])
        return None


def verify_audit(session: Session, anchor: str | None = None) -> AuditReport:
    """Walk the chain, check it against every anchor kept outside it and every stored text
    and item against its hash, and run both integrity checks."""
    parsed: tuple[int, str] | None = None
    if anchor is not None:
        try:
            parsed = audit.parse_anchor(anchor)
        except ValueError:
            raise InvalidInput("Een anker heeft de vorm VOLGNUMMER:HASH.", field="anchor") from None
    # Read before the transaction: a head is only ever written after its COMMIT, so one read
    # now is never newer than what the transaction below will see.
    keyring_head, keyring_problem = _load_head(session)
    with session.transaction("audit.verify", "audit") as tx:
        session.require(ADMIN_ONLY, "audittrail controleren")
        anchors: list[Anchor] = []
        if keyring_head is not None:
            anchors.append(Anchor(keyring_head.seq, keyring_head.hash, KEYRING_SOURCE))
        content: list[str] = []
        printed = audit.printed_heads(tx.conn)
        for p in printed:
            try:
                seq, digest = audit.parse_anchor(p.audit_head)
            except ValueError:
                content.append(f"afdruk {p.job_id} van {p.reference} heeft een onleesbaar anker")
                continue
            anchors.append(Anchor(seq, digest, f"het anker op afdruk {p.job_id} ({p.reference})"))
        recorded = RecordedHashes()
        verdict = audit.verify(tx.conn, parsed, anchors=anchors, recorded=recorded)
        for problem in integrity.check_contents(tx.conn, recorded, chain_complete=verdict.ok):
            content.append(problem.reason)
            if len(content) >= MAX_CONTENT_PROBLEMS:
                break
        tx.details = {
            "ok": verdict.ok and not content and keyring_problem is None,
            "entries": verdict.entries,
            "anchor": anchor,
            "keyring_head": None if keyring_head is None else keyring_head.text,
            "printed_heads": len(printed),
            "content_problems": len(content),
        }
    problems = tuple(session.db.integrity_problems())
    report = AuditReport(
        verdict,
        problems,
        tuple(content),
        keyring_head,
        keyring_problem,
        len(printed),
    )
    if report.ok:
        record_head(session)
    return report


def list_audit(
    session: Session, limit: int = 100, query: AuditQuery | None = None
) -> list[AuditEntry]:
    """The newest entries (``query``: only those it selects)."""
    _check_limit(limit)
    session.require_audited(ADMIN_ONLY, "audittrail bekijken", "audit.list", "audit")
    with session.reading() as conn:
        if query is None or query.empty:
            return audit.recent(conn, limit)
        return _search(conn, query, limit)


def _check_limit(limit: int) -> None:
    if limit < 1 or limit > MAX_LIMIT:
        raise InvalidInput("De limiet ligt tussen 1 en 100000.", field="limit")


# ---------------------------------------------------------------------------------------------
# The trail in plain Dutch: filters, readable lines, the CSV export

MAX_LIMIT = 100_000


@dataclass(frozen=True)
class AuditQuery:
    """Which entries: by account (login name), by action (a name, a group such as ``user`` or
    ``user.*``, or a Dutch label) and by period (Amsterdam dates, both included)."""

    actor: str | None = None
    action: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def empty(self) -> bool:
        return not (self.actor or self.action or self.date_from or self.date_to)

    def check(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidInput(
                "De begindatum ligt na de einddatum; kies een geldige periode.", field="from"
            )

    def as_details(self) -> dict[str, str]:
        """The filters as the export's audit entry records them (no names: the account is an
        identifier, the action a code)."""
        out: dict[str, str] = {}
        if self.actor:
            out["user"] = self.actor
        if self.action:
            out["action"] = self.action
        if self.date_from:
            out["from"] = self.date_from.isoformat()
        if self.date_to:
            out["to"] = self.date_to.isoformat()
        return out


def _moment(day: dt.date) -> str:
    """Midnight at the start of ``day`` in Amsterdam, as stored (UTC)."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=timefmt.ZONE)
    return audit.format_ts(start)


def _search(conn: Connection, query: AuditQuery, limit: int) -> list[AuditEntry]:
    query.check()
    chosen = None if not query.action else action_filter(query.action)
    return audit.search(
        conn,
        limit=limit,
        actor=query.actor.strip() if query.actor else None,
        actions=() if chosen is None else chosen.names,
        action_prefix=None if chosen is None else chosen.prefix,
        since=None if query.date_from is None else _moment(query.date_from),
        before=None if query.date_to is None else _moment(query.date_to + dt.timedelta(days=1)),
    )


@dataclass(frozen=True)
class AuditLine:
    """One entry as a person reads it; ``entry`` keeps the stored fields and hashes."""

    entry: AuditEntry
    label: str  # "Account toegevoegd"
    actor_name: str  # the actor's full name ("" when the account is unknown)
    shown_time: str  # "02-12-2026 14:05:09", Amsterdam
    object_text: str  # "account nieuw"
    result_text: str  # "gelukt"
    details: str  # "rollen: IND-inzagemedewerker; machtiging: ongerubriceerd"
    technical: str  # hashes and anchors, one per line (the "Details" button)

    # The stored fields, as on an AuditEntry (callers that only filter by them need not care).
    @property
    def seq(self) -> int:
        return self.entry.seq

    @property
    def action(self) -> str:
        return self.entry.action

    @property
    def actor(self) -> str:
        return self.entry.actor

    @property
    def object(self) -> str:
        return self.entry.object

    @property
    def result(self) -> str:
        return self.entry.result

    @property
    def actor_text(self) -> str:
        """'Jan de Vries (jvries)': the person, and the account that acted."""
        if self.actor_name and self.actor_name != self.entry.actor:
            return f"{self.actor_name} ({self.entry.actor})"
        return self.entry.actor


def _line(entry: AuditEntry, names: dict[str, str], *, exported_only: bool = False) -> AuditLine:
    when = timefmt.parse_stored(entry.ts_utc)
    readable = readable_details(entry.details, exported_only=exported_only)
    return AuditLine(
        entry=entry,
        label=action_label(entry.action),
        actor_name=names.get(entry.actor, ""),
        shown_time=entry.ts_utc if when is None else timefmt.table_datetime_seconds(when),
        object_text=object_label(entry.object),
        result_text=result_label(entry.result),
        details=readable.plain,
        technical=readable.technical,
    )


def _full_names(conn: Connection) -> dict[str, str]:
    return {u.name: u.full_name for u in users_repo.all_users(conn)}


def audit_lines(
    session: Session, query: AuditQuery | None = None, limit: int = 200
) -> list[AuditLine]:
    """:func:`list_audit` as readable lines (one audit entry: ``audit.list``)."""
    _check_limit(limit)
    session.require_audited(ADMIN_ONLY, "audittrail bekijken", "audit.list", "audit")
    with session.reading() as conn:
        entries = (
            audit.recent(conn, limit)
            if query is None or query.empty
            else _search(conn, query, limit)
        )
        names = _full_names(conn)
    return [_line(e, names) for e in entries]


@dataclass(frozen=True)
class AuditAccount:
    name: str  # login name
    full_name: str


def audit_accounts(session: Session) -> list[AuditAccount]:
    """The accounts to filter by (login and full name). Part of viewing the trail: no entry of
    its own, refused (and that audited) like the trail itself."""
    session.require_audited(ADMIN_ONLY, "audittrail bekijken", "audit.list", "audit")
    with session.reading() as conn:
        return [AuditAccount(u.name, u.full_name) for u in users_repo.all_users(conn)]


CSV_COLUMNS = (
    "nr",
    "tijd (Europe/Amsterdam)",
    "account",
    "handeling",
    "handeling (code)",
    "object",
    "resultaat",
    "details",
    "herkomst",
    "hash",
)


def csv_bytes(lines: list[AuditLine]) -> bytes:
    """The export: UTF-8 with a BOM and ';' so that Excel with Dutch settings opens it as it
    opens the statistics export. Identifiers only: the account's login name (no full names:
    who the staff are is not for a plain file), codes, and only the detail keys judged to be
    identifiers (domain.audit_labels.EXPORTED_KEYS)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for line in lines:
        e = line.entry
        when = timefmt.parse_stored(e.ts_utc)
        details = "; ".join(p for p in (line.details, line.technical.replace("\n", "; ")) if p)
        writer.writerow(
            [
                e.seq,
                e.ts_utc if when is None else timefmt.iso_local(when),
                _cell(e.actor),
                line.label,
                e.action,
                _cell(e.object),
                line.result_text,
                _cell(details),
                e.origin,
                e.hash,
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(text: str) -> str:
    """No formula injection: a cell that a spreadsheet would run as a formula starts with '."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@dataclass(frozen=True)
class AuditExport:
    path: Path
    rows: int
    bytes: int
    sha256: str


def export_audit_csv(
    session: Session, target: Path, query: AuditQuery | None = None, limit: int = MAX_LIMIT
) -> AuditExport:
    """Write the selected entries (newest first) to ``target`` (0600, atomically); the export
    is itself an audit entry (``audit.export``) in the same transaction."""
    _check_limit(limit)
    query = query or AuditQuery()
    query.check()
    require_folder(target)
    with session.transaction("audit.export", "audit") as tx:
        session.require(ADMIN_ONLY, "audittrail exporteren")
        entries = audit.recent(tx.conn, limit) if query.empty else _search(tx.conn, query, limit)
        names = _full_names(tx.conn)
        data = csv_bytes([_line(e, names, exported_only=True) for e in entries])
        atomic_write(target, data)
        digest = hashlib.sha256(data).hexdigest()
        tx.details = {
            "format": "csv",
            "rows": len(entries),
            "bytes": len(data),
            "sha256": digest,
            "filters": query.as_details(),
        }
    return AuditExport(target, len(entries), len(data), digest)


# ---------------------------------------------------------------------------------------------
# The head in the keyring


def _load_head(session: Session) -> tuple[AnchoredHead | None, str | None]:
    keyfile, secret = session.checked_keyfile()
    text = session.env.provider.load_head(keyfile.binding_id)
    if text is None:
        return None, None
    try:
        head = open_head(
            secret, text, workspace_id=keyfile.workspace_id, binding_id=keyfile.binding_id
        )
    except HeadDamaged:
        log.warning("the audit head in the keyring does not verify")
        return None, (
            "De kop van de audittrail in de sleutelring is vervalst of beschadigd; de audittrail "
            "kan er niet tegen worden gecontroleerd."
        )
    return head, None


def record_head(session: Session) -> AnchoredHead | None:
    """Anchor the chain's current head in the keyring. Call after COMMIT (sign-out, backup,
    print, a good verification). Never raises: a head that cannot be written now is written
    at the next occasion. Returns the head now anchored, or None when nothing was written
    because the chain no longer contains the stored head (then that head is kept: it is the
    evidence)."""
    provider = session.env.provider
    try:
        keyfile, secret = session.checked_keyfile()
        binding, workspace_id = keyfile.binding_id, keyfile.workspace_id
        # The write lock: no other program commits (or moves the head) until the new head is
        # in the keyring, so two programs on one workspace cannot move it backwards.
        with session.db.transaction() as conn:
            seq, digest = audit.head(conn)
            stored_text = provider.load_head(binding)
            if stored_text is not None:
                try:
                    stored = open_head(
                        secret, stored_text, workspace_id=workspace_id, binding_id=binding
                    )
                except HeadDamaged:
                    log.warning("the audit head in the keyring does not verify; left as it is")
                    return None
                if stored.seq > seq or audit.hash_at(conn, stored.seq) != stored.hash:
                    log.warning(
                        "the audit log no longer contains the head anchored in the keyring "
                        "(%d); that head is kept",
                        stored.seq,
                    )
                    return None
                if stored.seq == seq:
                    return stored
            head = AnchoredHead(seq, digest, audit.format_ts(session.clock.now()))
            provider.store_head(
                binding,
                seal_head(secret, workspace_id=workspace_id, binding_id=binding, head=head),
            )
        return head
    except (AppError, OSError) as exc:
        log.warning("could not anchor the audit head in the keyring: %s", type(exc).__name__)
        return None
    except Exception:
        # Called from the sign-out, which must go on to close the database and wipe the key
        # whatever happens here.
        log.exception("unexpected failure anchoring the audit head")
        return None

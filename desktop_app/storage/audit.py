"""The hash-chained audit log (BIO 8.15 fields). Append-only: triggers refuse UPDATE/DELETE."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop_app.storage.db import Connection, first_value, table_exists

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    ts_utc: str
    actor: str
    action: str
    object: str
    result: str
    origin: str
    details: str
    prev_hash: str
    hash: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "ts_utc": self.ts_utc,
            "actor": self.actor,
            "action": self.action,
            "object": self.object,
            "result": self.result,
            "origin": self.origin,
            "details": json.loads(self.details),
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


def _canonical_details(details: Mapping[str, Any]) -> str:
    return json.dumps(dict(details), sort_keys=True, ensure_ascii=True, separators=(",", ":"))


def entry_hash(
    seq: int,
    ts_utc: str,
    actor: str,
    action: str,
    obj: str,
    result: str,
    origin: str,
    details: str,
    prev_hash: str,
) -> str:
    # A JSON array is an unambiguous encoding: newlines or quotes inside fields cannot make two
    # different entries hash alike (AUD-9).
    material = json.dumps(
        [seq, ts_utc, actor, action, obj, result, origin, details, prev_hash],
        ensure_ascii=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(material.encode("ascii")).hexdigest()


def format_ts(when: dt.datetime) -> str:
    """How every table stores a moment: UTC, ISO 8601 to the microsecond, so that stored times
    compare as strings in the order they happened."""
    return when.astimezone(dt.UTC).isoformat(timespec="microseconds")


def head(conn: Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def append(
    conn: Connection,
    *,
    when: dt.datetime,
    actor: str,
    action: str,
    obj: str,
    result: str = "ok",
    origin: str = "",
    details: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry; call inside the transaction of the change it records."""
    # One lookup for the head and its time: append runs once per use case.
    last = conn.execute("SELECT seq, hash, ts_utc FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    last_seq, last_hash = (0, GENESIS) if last is None else (int(last[0]), str(last[1]))
    ts = format_ts(when)
    if last is not None and last[2] > ts:
        ts = str(last[2])  # a clock that stepped back must not break the chain's order
    seq = last_seq + 1
    actor, action, obj, result, origin = (
        _storable(t) for t in (actor, action, obj, result, origin)
    )
    detail_text = _canonical_details(details or {})  # ASCII: surrogates come out escaped
    digest = entry_hash(seq, ts, actor, action, obj, result, origin, detail_text, last_hash)
    conn.execute(
        "INSERT INTO audit (seq, ts_utc, actor, action, object, result, origin, details,"
        " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (seq, ts, actor, action, obj, result, origin, detail_text, last_hash, digest),
    )
    return AuditEntry(seq, ts, actor, action, obj, result, origin, detail_text, last_hash, digest)


def _storable(text: str) -> str:
    """A lone surrogate (a non-UTF-8 byte smuggled in through ``surrogateescape``, e.g. a name
    typed on the command line) cannot be stored or hashed; it is kept visibly as ``\\udcxx``
    rather than making the audit entry, and with it the change or refusal it records, fail."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass(frozen=True)
class ChainVerdict:
    ok: bool
    entries: int
    head_seq: int
    head_hash: str
    bad_seq: int | None = None
    reason: str = ""

    @property
    def head(self) -> str:
        return f"{self.head_seq}:{self.head_hash}"


@dataclass(frozen=True)
class Anchor:
    """A head (seq, hash) taken earlier and kept elsewhere; ``source`` names where, as it reads
    in a Dutch sentence ("het anker", "de kop in de sleutelring")."""

    seq: int
    hash: str
    source: str = "het anker"


# What the chain itself says a stored text or item hashed to when it was written: the hashes
# that the content check compares the database against (a key holder who rewrites a signed
# text *and* every hash column beside it still disagrees with the chain).
_RECORDED_ACTIONS = frozenset(
    {
        "report.draft",
        "report.revise",
        "report.sign",
        "report.print",
        "evidence.add",
        "retention.destroy",
    }
)


@dataclass(frozen=True)
class Recorded:
    """What one entry's details said an object was when it was written."""

    sha256: str
    version: int = 0  # a report version; 0 for an item
    size: int = 0  # an item's bytes; 0 for a text
    classification: str | None = None  # the level's code, where the entry names it


@dataclass
class RecordedHashes:
    """Filled by :func:`verify` from the entries it checked (only those: after a break nothing
    is trusted), keyed by id: the signing of each report, every version's hash where the entry
    names it, and each item as it was added."""

    signed: dict[int, Recorded] = field(default_factory=dict)
    versions: dict[tuple[int, int], str] = field(default_factory=dict)
    evidence: dict[int, Recorded] = field(default_factory=dict)
    # print job -> (the head on its paper, each copy's SHA-256 in copy order)
    prints: dict[int, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    # What an approved destruction removed (services.retention), by kind ("report",
    # "evidence", "print_job", ...): gone by right, not missing.
    destroyed: dict[str, set[int]] = field(default_factory=dict)

    def note(self, action: str, obj: str, details: str) -> None:
        kind, _, ident = obj.partition(":")
        if not ident.isdigit():
            return
        try:
            data = json.loads(details)
        except ValueError:
            return
        if not isinstance(data, dict):
            return
        if action == "retention.destroy":
            gone = data.get("destroyed")
            if isinstance(gone, dict):
                for what, ids in gone.items():
                    if isinstance(ids, list):
                        kept = self.destroyed.setdefault(str(what), set())
                        kept.update(i for i in ids if isinstance(i, int))
            return
        key = int(ident)
        level = data.get("classification")
        level = level if isinstance(level, str) else None
        if action == "evidence.add" and kind == "evidence":
            sha, size = data.get("sha256"), data.get("size_bytes")
            if isinstance(sha, str) and isinstance(size, int):
                self.evidence.setdefault(key, Recorded(sha, size=size, classification=level))
            return
        if kind != "report":
            return
        if action == "report.print":
            job, head, copies = data.get("job"), data.get("audit_head"), data.get("sha256")
            if isinstance(job, int) and isinstance(head, str) and isinstance(copies, list):
                self.prints.setdefault(job, (head, tuple(str(c) for c in copies)))
            return
        version, sha = data.get("version"), data.get("text_sha256")
        if not isinstance(version, int) or not isinstance(sha, str):
            return
        if action == "report.sign":
            self.signed.setdefault(key, Recorded(sha, version=version, classification=level))
        self.versions.setdefault((key, version), sha)


def verify(
    conn: Connection,
    anchor: tuple[int, str] | None = None,
    *,
    anchors: Iterable[Anchor] = (),
    recorded: RecordedHashes | None = None,
) -> ChainVerdict:
    """Walk the chain; name the first broken entry. With anchors (seq, hash) taken earlier and
    kept outside the database, a log cut back below an anchor, or rewritten up to it, fails too
    (AUD-5). ``recorded`` collects the content hashes the checked entries name."""
    by_seq: dict[int, list[Anchor]] = {}
    for a in (*([] if anchor is None else [Anchor(anchor[0], anchor[1])]), *anchors):
        by_seq.setdefault(a.seq, []).append(a)
    prev_hash = GENESIS
    prev_ts = ""
    expected_seq = 1
    count = 0

    def broken(bad_seq: int, reason: str) -> ChainVerdict:
        # What holds is what has been checked so far: the entries before the bad one.
        return ChainVerdict(False, count, bad_seq - 1, prev_hash, bad_seq, reason)

    for a in by_seq.pop(0, []):
        if a.hash != GENESIS:
            return broken(1, f"het logboek wijkt af van {a.source}")
    cursor = conn.execute(
        "SELECT seq, ts_utc, actor, action, object, result, origin, details, prev_hash, hash"
        " FROM audit ORDER BY seq"
    )
    while True:
        rows = cursor.fetchmany(2000)
        if not rows:
            break
        for seq, ts, actor, action, obj, result, origin, details, stored_prev, stored in rows:
            if seq != expected_seq:
                return broken(expected_seq, f"vermelding {expected_seq} ontbreekt")
            if stored_prev != prev_hash:
                return broken(seq, f"vermelding {seq} sluit niet aan op de vorige")
            digest = entry_hash(seq, ts, actor, action, obj, result, origin, details, stored_prev)
            if digest != stored:
                return broken(seq, f"vermelding {seq} is gewijzigd")
            if ts < prev_ts:
                return broken(seq, f"vermelding {seq} heeft een tijd vóór de vorige")
            for a in by_seq.pop(seq, ()):
                if stored != a.hash:
                    return broken(seq, f"vermelding {seq} wijkt af van {a.source}")
            if recorded is not None and result == "ok" and action in _RECORDED_ACTIONS:
                recorded.note(action, obj, details)
            prev_hash, prev_ts = stored, ts
            expected_seq += 1
            count += 1
    if by_seq:
        beyond = by_seq[max(by_seq)][0]
        return broken(expected_seq, f"het logboek is korter dan {beyond.source} ({beyond.seq})")
    return ChainVerdict(True, count, expected_seq - 1, prev_hash)


def hash_at(conn: Connection, seq: int) -> str | None:
    """The stored hash of entry ``seq`` (GENESIS for 0), None when there is no such entry."""
    if seq == 0:
        return GENESIS
    return first_value(conn, "SELECT hash FROM audit WHERE seq = ?", (seq,), str)


@dataclass(frozen=True)
class PrintedHead:
    """The audit head a print job put on its paper (the PDF footer's "audit-anchor")."""

    job_id: int
    reference: str
    copies: int
    audit_head: str


def printed_heads(conn: Connection) -> list[PrintedHead]:
    """Every print job's recorded head, oldest first (none before the printing migration)."""
    if not table_exists(conn, "print_jobs"):
        return []
    rows = conn.execute(
        "SELECT id, reference, copies, audit_head FROM print_jobs ORDER BY id"
    ).fetchall()
    return [PrintedHead(int(r[0]), str(r[1]), int(r[2]), str(r[3])) for r in rows]


def recent(conn: Connection, limit: int) -> list[AuditEntry]:
    rows = conn.execute(
        "SELECT seq, ts_utc, actor, action, object, result, origin, details, prev_hash, hash"
        " FROM audit ORDER BY seq DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [AuditEntry(*row) for row in rows]


def search(
    conn: Connection,
    *,
    limit: int,
    actor: str | None = None,
    actions: Iterable[str] = (),
    action_prefix: str | None = None,
    since: str | None = None,
    before: str | None = None,
) -> list[AuditEntry]:
    """Entries newest first, filtered: by the acting account, by action (any of ``actions``,
    or starting with ``action_prefix``), and by stored time (``since`` <= ts < ``before``, both
    in the stored form of :func:`format_ts`, which compares as text in time order)."""
    where: list[str] = []
    params: list[Any] = []
    if actor is not None:
        where.append("actor = ?")
        params.append(actor)
    names = list(actions)
    alternatives: list[str] = []
    if names:
        alternatives.append(f"action IN ({','.join('?' * len(names))})")
        params.extend(names)
    if action_prefix is not None:
        # substr, not LIKE: a '_' or '%' in the prefix is a letter here, not a pattern.
        alternatives.append("substr(action, 1, ?) = ?")
        params.extend([len(action_prefix), action_prefix])
    if alternatives:
        where.append("(" + " OR ".join(alternatives) + ")")
    if since is not None:
        where.append("ts_utc >= ?")
        params.append(since)
    if before is not None:
        where.append("ts_utc < ?")
        params.append(before)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(
        "SELECT seq, ts_utc, actor, action, object, result, origin, details, prev_hash, hash"
        f" FROM audit{clause} ORDER BY seq DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [AuditEntry(*row) for row in rows]


def parse_anchor(text: str) -> tuple[int, str]:
    seq_text, _, digest = text.partition(":")
    if (
        not seq_text.isdigit()
        or len(digest) != 64
        or any(c not in "0123456789abcdef" for c in digest)
    ):
        raise ValueError(text)
    return int(seq_text), digest

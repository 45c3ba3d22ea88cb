"""The hash-chained audit log (BIO 8.15 fields). Append-only: triggers refuse UPDATE/DELETE."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop_app.storage.db import Connection

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
    detail_text = _canonical_details(details or {})
    digest = entry_hash(seq, ts, actor, action, obj, result, origin, detail_text, last_hash)
    conn.execute(
        "INSERT INTO audit (seq, ts_utc, actor, action, object, result, origin, details,"
        " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (seq, ts, actor, action, obj, result, origin, detail_text, last_hash, digest),
    )
    return AuditEntry(seq, ts, actor, action, obj, result, origin, detail_text, last_hash, digest)


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


def verify(conn: Connection, anchor: tuple[int, str] | None = None) -> ChainVerdict:
    """Walk the chain; name the first broken entry. With an anchor (seq, hash) taken earlier,
    a log cut back below the anchor, or rewritten up to it, fails too (AUD-5)."""
    prev_hash = GENESIS
    prev_ts = ""
    expected_seq = 1
    count = 0
    anchor_seen = False
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
                return ChainVerdict(
                    False,
                    count,
                    expected_seq - 1,
                    prev_hash,
                    expected_seq,
                    f"vermelding {expected_seq} ontbreekt",
                )
            if stored_prev != prev_hash:
                return ChainVerdict(
                    False,
                    count,
                    seq - 1,
                    prev_hash,
                    seq,
                    f"vermelding {seq} sluit niet aan op de vorige",
                )
            digest = entry_hash(seq, ts, actor, action, obj, result, origin, details, stored_prev)
            if digest != stored:
                return ChainVerdict(
                    False, count, seq - 1, prev_hash, seq, f"vermelding {seq} is gewijzigd"
                )
            if ts < prev_ts:
                return ChainVerdict(
                    False,
                    count,
                    seq - 1,
                    prev_hash,
                    seq,
                    f"vermelding {seq} heeft een tijd vóór de vorige",
                )
            if anchor is not None and seq == anchor[0]:
                if stored != anchor[1]:
                    return ChainVerdict(
                        False,
                        count,
                        seq - 1,
                        prev_hash,
                        seq,
                        f"vermelding {seq} wijkt af van het anker",
                    )
                anchor_seen = True
            prev_hash, prev_ts = stored, ts
            expected_seq += 1
            count += 1
    if anchor is not None and not anchor_seen:
        return ChainVerdict(
            False,
            count,
            expected_seq - 1,
            prev_hash,
            expected_seq,
            f"het logboek is korter dan het anker ({anchor[0]})",
        )
    return ChainVerdict(True, count, expected_seq - 1, prev_hash)


def recent(conn: Connection, limit: int) -> list[AuditEntry]:
    rows = conn.execute(
        "SELECT seq, ts_utc, actor, action, object, result, origin, details, prev_hash, hash"
        " FROM audit ORDER BY seq DESC LIMIT ?",
        (limit,),
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

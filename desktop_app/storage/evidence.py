"""Underlying data (onderliggende gegevens, art. 2.5): item metadata and content chunks.

Content lives in ``evidence_chunks`` as BLOBs of at most ``CHUNK_SIZE`` bytes inside the
SQLCipher database, so it is encrypted like everything else and never exists as a decrypted
file. An item row is inserted unsealed (``sha256`` NULL), its chunks follow, and ``seal``
records the digest: all in the caller's one transaction, so a failure leaves nothing behind.
Triggers keep sealed items and their chunks immutable; nothing is ever deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.classification import Classification, ClassificationDuration
from desktop_app.domain.errors import IntegrityFailure
from desktop_app.domain.evidence import CHUNK_SIZE, EvidenceKind, EvidenceMeta
from desktop_app.domain.ids import EvidenceId, ReportId, UserId
from desktop_app.storage.audit import format_ts
from desktop_app.storage.db import Connection


@dataclass(frozen=True, slots=True)
class EvidenceRecord(EvidenceMeta):
    """One item's metadata (never its content)."""

    id: EvidenceId
    report_id: ReportId
    chunk_count: int
    sha256: str
    correction_id: int | None
    added_by: UserId
    added_by_name: str
    added_at: str
    classification_duration: ClassificationDuration | None = None
    """None: not recorded (an item from before durations were asked)."""


# A constant, interpolated into queries below (hence the S608 waivers); values are bound.
# Unsealed rows only exist inside the transaction that is storing them; never list them.
_SELECT = (
    "SELECT e.id, e.report_id, e.title, e.classification, e.source_note, e.data_date, e.kind,"
    " e.media_type, e.size_bytes, e.chunk_count, e.sha256, e.correction_id, e.added_by,"
    " u.name, e.added_at, e.classified_until, e.classified_until_event"
    " FROM evidence_items e JOIN users u ON u.id = e.added_by"
    " WHERE e.sha256 IS NOT NULL"
)


def _record(row: Any) -> EvidenceRecord:
    (
        iid,
        report_id,
        title,
        classification,
        note,
        data_date,
        kind,
        media_type,
        size,
        chunks,
        sha,
        correction_id,
        added_by,
        added_by_name,
        added_at,
        until,
        until_event,
    ) = row
    return EvidenceRecord(
        id=EvidenceId(int(iid)),
        report_id=ReportId(int(report_id)),
        title=str(title),
        classification=Classification(int(classification)),
        source_note=str(note),
        data_date=None if data_date is None else dt.date.fromisoformat(str(data_date)),
        kind=EvidenceKind(str(kind)),
        media_type=str(media_type),
        size_bytes=int(size),
        chunk_count=int(chunks),
        sha256=str(sha),
        correction_id=None if correction_id is None else int(correction_id),
        added_by=UserId(int(added_by)),
        added_by_name=str(added_by_name),
        added_at=str(added_at),
        classification_duration=ClassificationDuration.from_stored(
            None if until is None else str(until),
            None if until_event is None else str(until_event),
        ),
    )


def insert_item(
    conn: Connection,
    *,
    report_id: ReportId,
    meta: EvidenceMeta,
    correction_id: int | None,
    added_by: UserId,
    at: dt.datetime,
    duration: ClassificationDuration | None = None,
) -> EvidenceId:
    """The unsealed item row; follow with ``write_content`` in the same transaction."""
    until, until_event = (None, None) if duration is None else duration.stored()
    cur = conn.execute(
        "INSERT INTO evidence_items (report_id, title, classification, source_note, data_date,"
        " kind, media_type, size_bytes, correction_id, added_by, added_at, classified_until,"
        " classified_until_event) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            report_id,
            meta.title,
            int(meta.classification),
            meta.source_note,
            None if meta.data_date is None else meta.data_date.isoformat(),
            meta.kind.value,
            meta.media_type,
            meta.size_bytes,
            correction_id,
            added_by,
            format_ts(at),
            until,
            until_event,
        ),
    )
    return EvidenceId(int(cur.lastrowid))


def write_content(conn: Connection, item_id: EvidenceId, chunks: Iterable[bytes]) -> str:
    """Store the chunks in order (each at most ``CHUNK_SIZE`` bytes) and seal the item with
    their SHA-256, which is returned. The caller checks the total size against the item's."""
    digest = hashlib.sha256()
    seq = 0
    for chunk in chunks:
        if not chunk:
            continue
        if len(chunk) > CHUNK_SIZE:
            raise ValueError("a chunk is larger than CHUNK_SIZE")
        digest.update(chunk)
        conn.execute(
            "INSERT INTO evidence_chunks (item_id, seq, data) VALUES (?,?,?)",
            (item_id, seq, chunk),
        )
        seq += 1
    sha = digest.hexdigest()
    conn.execute(
        "UPDATE evidence_items SET sha256 = ?, chunk_count = ? WHERE id = ?", (sha, seq, item_id)
    )
    return sha


def get(conn: Connection, item_id: int) -> EvidenceRecord | None:
    row = conn.execute(_SELECT + " AND e.id = ?", (item_id,)).fetchone()
    return None if row is None else _record(row)


def for_report(conn: Connection, report_id: int) -> list[EvidenceRecord]:
    rows = conn.execute(_SELECT + " AND e.report_id = ? ORDER BY e.id", (report_id,)).fetchall()
    return [_record(r) for r in rows]


def count_for_report(conn: Connection, report_id: int) -> int:
    row = conn.execute(
        "SELECT count(*) FROM evidence_items WHERE report_id = ? AND sha256 IS NOT NULL",
        (report_id,),
    ).fetchone()
    return int(row[0])


def contributors(conn: Connection, report_id: int) -> frozenset[UserId]:
    """Everyone who added underlying data to the report: taking part in producing it (art. 2.5
    condition 2), next to the report's own history."""
    rows = conn.execute(
        "SELECT DISTINCT added_by FROM evidence_items WHERE report_id = ?", (report_id,)
    ).fetchall()
    return frozenset(UserId(int(r[0])) for r in rows)


def read_content(conn: Connection, item: EvidenceRecord) -> bytes:
    """The whole content, checked against the recorded size and digest."""
    digest = hashlib.sha256()
    parts = bytearray()
    expected_seq = 0
    cursor = conn.execute(
        "SELECT seq, data FROM evidence_chunks WHERE item_id = ? ORDER BY seq", (item.id,)
    )
    for seq, data in cursor:
        if int(seq) != expected_seq:
            raise IntegrityFailure("De onderliggende gegevens zijn beschadigd (deel ontbreekt).")
        chunk = bytes(data)
        digest.update(chunk)
        parts += chunk
        expected_seq += 1
    if (
        expected_seq != item.chunk_count
        or len(parts) != item.size_bytes
        or digest.hexdigest() != item.sha256
    ):
        raise IntegrityFailure(
            "De onderliggende gegevens zijn beschadigd (controlegetal klopt niet)."
        )
    return bytes(parts)

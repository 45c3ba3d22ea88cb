"""Underlying data (onderliggende gegevens, art. 2.5): adding items to a report and listing them.

Content is streamed from the source file into encrypted 1 MiB chunks inside the database, in
the same transaction as the item's metadata and its audit entry: an oversized file, a file that
changes while it is read, or any failure leaves nothing half-stored. No decrypted temporary
file is ever written. The kind (text, PDF, image, other) is decided from the content, never
from the file name; "other" is stored and listed but never shown.

Decisions:
- Only an ``aivd_officer`` adds items, and only to a report whose classification their
  clearance covers; the item's classification (default: the report's) must be covered too. It
  may be higher than the report's: underlying data are often more sensitive than the report.
- Items can be added while the report is being prepared (``draft`` up to ``signed``). Once it is
  issued, what it was based on is fixed; data added afterwards are a correction (art. 2.4):
  the officer records the correction first (``report correct``) and adds the item with that
  correction's id, so the register shows the recipients were told.
- Whoever adds an item takes part in producing the report: they may never inspect it (the
  inspection service counts them as involved).
- Items are never changed or deleted (triggers enforce it).
- Listing shows metadata only, to AIVD officers and signers, and only items their clearance
  covers; content is shown nowhere but in the inspection window.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop_app.domain.classification import (
    Classification,
    ClassificationDuration,
    check_duration_for,
    duration_text,
)
from desktop_app.domain.errors import Forbidden, InvalidInput, InvalidState, NotFound
from desktop_app.domain.evidence import (
    CHUNK_SIZE,
    NOT_DISPLAYABLE_NL,
    SNIFF_BYTES,
    EvidenceMeta,
    check_size,
    validate_evidence,
)
from desktop_app.domain.ids import EvidenceId, ReportId
from desktop_app.domain.reports import ReportStatus, audit_object
from desktop_app.domain.roles import Role, require_any_role
from desktop_app.services.report_access import cleared_report
from desktop_app.services.session import Session
from desktop_app.storage import evidence as repo
from desktop_app.storage import reports as reports_repo
from desktop_app.storage.db import Connection
from desktop_app.storage.files import open_regular

__all__ = [
    "ADD_ROLES",
    "LIST_ROLES",
    "EvidenceItem",
    "add_evidence",
    "list_evidence",
]

ADD_ROLES = frozenset({Role.AIVD_OFFICER})
LIST_ROLES = frozenset({Role.AIVD_OFFICER, Role.AIVD_SIGNER})


@dataclass(frozen=True)
class EvidenceItem(EvidenceMeta):
    """An item as lists show it: metadata, never content."""

    id: EvidenceId
    report_id: ReportId
    sha256: str
    correction_id: int | None
    added_by: str
    added_at: str
    classification_duration: ClassificationDuration | None = None

    @property
    def duration_label(self) -> str:
        """How long the item's classification holds, or 'niet vastgelegd' (issue 14)."""
        if self.classification is Classification.ONGERUBRICEERD:
            return "n.v.t. (ongerubriceerd)"
        return duration_text(self.classification_duration)

    @property
    def kind_label(self) -> str:
        return self.kind.label_nl

    def as_dict(self) -> dict[str, object]:
        return {
            "id": int(self.id),
            "report_id": int(self.report_id),
            "title": self.title,
            "classification": self.classification.code,
            "source_note": self.source_note,
            "data_date": None if self.data_date is None else self.data_date.isoformat(),
            "kind": self.kind.value,
            "media_type": self.media_type,
            "size_bytes": self.size_bytes,
            "sha256": self.sha256,
            "displayable": self.displayable,
            "note": None if self.displayable else NOT_DISPLAYABLE_NL,
            "correction_id": self.correction_id,
            "added_by": self.added_by,
            "added_at": self.added_at,
            "classification_duration": None
            if self.classification_duration is None
            else self.classification_duration.as_dict(),
            "classification_duration_text": self.duration_label,
        }


def _item(record: repo.EvidenceRecord) -> EvidenceItem:
    return EvidenceItem(
        id=record.id,
        report_id=record.report_id,
        title=record.title,
        classification=record.classification,
        source_note=record.source_note,
        data_date=record.data_date,
        kind=record.kind,
        media_type=record.media_type,
        size_bytes=record.size_bytes,
        sha256=record.sha256,
        correction_id=record.correction_id,
        added_by=record.added_by_name,
        added_at=record.added_at,
        classification_duration=record.classification_duration,
    )


def _check_correction(
    conn: Connection, row: reports_repo.ReportRow, correction_id: int | None
) -> None:
    if correction_id is not None:
        if all(c.id != correction_id for c in reports_repo.list_corrections(conn, row.id)):
            raise NotFound(
                f"Correctie {int(correction_id)} hoort niet bij ambtsbericht {row.reference}."
            )
        if row.status is not ReportStatus.ISSUED:
            raise InvalidState(
                "Een correctie hoort bij een uitgebracht ambtsbericht; voeg het item zonder "
                "correctie toe."
            )
    elif row.status is ReportStatus.ISSUED:
        raise InvalidState(
            f"Ambtsbericht {row.reference} is uitgebracht; de onderliggende gegevens liggen "
            "vast. Gegevens die er nu bij komen zijn een correctie: leg eerst de correctie vast "
            "en voeg het item daarbij toe."
        )


class _Source:
    """Where the content comes from: a file (streamed) or bytes already in memory."""

    def __init__(self, size: int, head: bytes) -> None:
        self.size = size
        self.head = head

    def chunks(self) -> Iterator[bytes]:  # pragma: no cover - overridden
        raise NotImplementedError


class _BytesSource(_Source):
    def __init__(self, data: bytes) -> None:
        super().__init__(len(data), data[:SNIFF_BYTES])
        self._data = data

    def chunks(self) -> Iterator[bytes]:
        view = memoryview(self._data)
        for start in range(0, len(view), CHUNK_SIZE):
            yield bytes(view[start : start + CHUNK_SIZE])


class _FileSource(_Source):
    """Reads ``CHUNK_SIZE`` at a time: a 100 MB file is never one bytes object. The size is
    taken from the open file, and the read must match it exactly (a file that grows or shrinks
    while it is stored is refused, not stored cut off)."""

    def __init__(self, fh: BinaryIO, size: int) -> None:
        super().__init__(size, b"")
        self._fh = fh

    def read_head(self) -> None:
        self.head = self._fh.read(SNIFF_BYTES)

    def chunks(self) -> Iterator[bytes]:
        self._fh.seek(0)
        total = 0
        while True:
            chunk = self._fh.read(CHUNK_SIZE)
            if not chunk:
                break
            total += len(chunk)
            if total > self.size:
                break
            yield chunk
        if total != self.size:
            raise InvalidInput(
                "Het bestand veranderde terwijl het werd opgeslagen; er is niets opgeslagen. "
                "Probeer het opnieuw.",
                field="file",
            )


def _open_file(path: Path) -> tuple[BinaryIO, int]:
    # A folder, a pipe or a device is refused without waiting on it (storage.files).
    return open_regular(path, field="file")


def _store(
    session: Session,
    report_id: int,
    source: _Source,
    *,
    title: str,
    classification: Classification | None,
    source_note: str,
    data_date: dt.date | None,
    correction_id: int | None,
    duration: ClassificationDuration | None = None,
) -> EvidenceItem:
    with session.transaction("evidence.add", audit_object(report_id)) as tx:
        require_any_role(session.user.roles, ADD_ROLES, "onderliggende gegevens toevoegen")
        row = cleared_report(session, tx.conn, report_id)
        _check_correction(tx.conn, row, correction_id)
        level = row.classification if classification is None else classification
        if not level.covered_by(session.user.clearance):
            raise Forbidden(
                "U kunt geen onderliggende gegevens toevoegen die hoger zijn gerubriceerd dan uw "
                f"eigen machtiging ({session.user.clearance.code})."
            )
        check_duration_for(level, duration)
        check_size(source.size)  # before a byte of the file is read
        if isinstance(source, _FileSource):
            source.read_head()
        meta: EvidenceMeta = validate_evidence(
            title=title,
            classification=level,
            size_bytes=source.size,
            head=source.head,
            today=session.clock.today(),
            source_note=source_note,
            data_date=data_date,
        )
        now = session.clock.now()
        item_id = repo.insert_item(
            tx.conn,
            report_id=row.id,
            meta=meta,
            correction_id=correction_id,
            added_by=session.user.id,
            at=now,
            duration=duration,
        )
        digest = repo.write_content(tx.conn, item_id, source.chunks())
        record = repo.get(tx.conn, item_id)
        assert record is not None
        tx.object = f"evidence:{int(item_id)}"
        # No title or content in the audit log: the administrator reads it (need-to-know).
        tx.details = {
            "report": row.reference,
            "report_id": int(row.id),
            "classification": level.code,
            "kind": meta.kind.value,
            "size_bytes": meta.size_bytes,
            "sha256": digest,
            "correction_id": correction_id,
            "classification_duration": None if duration is None else duration.as_dict(),
        }
    return _item(record)


def add_evidence(
    session: Session,
    report_id: int,
    *,
    source: Path | bytes,
    title: str,
    classification: Classification | None = None,
    source_note: str = "",
    data_date: dt.date | None = None,
    correction_id: int | None = None,
    duration: ClassificationDuration | None = None,
) -> EvidenceItem:
    """Attach an item (a file, or bytes such as a typed note) to a report, encrypted in the
    workspace. ``classification`` None takes the report's. Raises NotFound (report, file,
    correction), Forbidden (role, clearance), InvalidState (issued without a correction) or
    InvalidInput (empty, larger than 100 MB, bad title or source note, date in the future, a
    duration on an unclassified item). ``duration``: how long the item's classification holds,
    the officer's decision (None: not recorded; nothing is taken over from the report)."""
    with contextlib.ExitStack() as stack:
        content: _Source
        if isinstance(source, bytes | bytearray):
            content = _BytesSource(bytes(source))
        else:
            fh, size = _open_file(Path(source))
            stack.enter_context(fh)
            content = _FileSource(fh, size)
        return _store(
            session,
            report_id,
            content,
            title=title,
            classification=classification,
            source_note=source_note,
            data_date=data_date,
            correction_id=correction_id,
            duration=duration,
        )


def list_evidence(session: Session, report_id: int) -> tuple[EvidenceItem, ...]:
    """The items of a report that the person's clearance covers (metadata only)."""
    with session.transaction("evidence.list", audit_object(report_id)) as tx:
        require_any_role(session.user.roles, LIST_ROLES, "onderliggende gegevens bekijken")
        row = cleared_report(session, tx.conn, report_id)
        items = [
            r
            for r in repo.for_report(tx.conn, row.id)
            if r.classification.covered_by(session.user.clearance)
        ]
        tx.details = {"report": row.reference, "items": len(items)}
    return tuple(_item(r) for r in items)

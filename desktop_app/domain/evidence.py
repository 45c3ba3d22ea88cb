"""Underlying data (onderliggende gegevens, art. 2.5): items attached to a report.

The kind of an item is decided by its content (magic bytes), never by its file name: a renamed
executable stays "other" and is only listed, not shown. Kinds:

* ``text``  - a text note: UTF-8 (optionally with BOM) without control characters other than
  tab, line feed, carriage return and form feed. SVG, HTML and the like land here too and are
  shown as source text, never rendered.
* ``pdf``   - starts with ``%PDF-``, or (if not text) has it within the first 1024 bytes, as
  PDF readers accept.
* ``image`` - PNG, JPEG, GIF, WebP, BMP, TIFF: the formats Qt's bundled image plugins display.
* ``other`` - anything else: stored and listed, shown as "kan niet worden weergegeven".

Content is stored in encrypted chunks of ``CHUNK_SIZE`` bytes (one blob row per chunk), so a
large item never has to be decrypted in one piece.
"""

from __future__ import annotations

import codecs
import datetime as dt
import enum
import struct
import unicodedata
from dataclasses import dataclass

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.text import check_name, check_text
from desktop_app.domain.timefmt import prose_date

MIB = 1024 * 1024
# "100 MB" as file managers show it (Windows Explorer counts 1 MB = 1024 * 1024 bytes).
MAX_ITEM_BYTES = 100 * MIB
MAX_ITEM_LABEL = "100 MB"
CHUNK_SIZE = MIB
# Kind detection reads only this prefix, so storage can decide before reading a whole file.
SNIFF_BYTES = 64 * 1024
TITLE_MAX_LENGTH = 200
SOURCE_NOTE_MAX_LENGTH = 2000


class EvidenceKind(enum.StrEnum):
    TEXT = "text"
    PDF = "pdf"
    IMAGE = "image"
    OTHER = "other"

    @property
    def displayable(self) -> bool:
        return self is not EvidenceKind.OTHER

    @property
    def label_nl(self) -> str:
        return _KIND_LABELS_NL[self]


_KIND_LABELS_NL = {
    EvidenceKind.TEXT: "tekstnotitie",
    EvidenceKind.PDF: "PDF-document",
    EvidenceKind.IMAGE: "afbeelding",
    EvidenceKind.OTHER: "bestand (kan niet worden weergegeven)",
}

NOT_DISPLAYABLE_NL = "Dit bestand kan niet worden weergegeven."


@dataclass(frozen=True)
class DetectedType:
    kind: EvidenceKind
    media_type: str


_OCTET_STREAM = DetectedType(EvidenceKind.OTHER, "application/octet-stream")
_BMP_DIB_HEADER_SIZES = frozenset({12, 40, 52, 56, 64, 108, 124})


def _image_type(head: bytes) -> str | None:
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    # "BM" alone is far too weak (a note may start with "BMW"): require zero reserved bytes and
    # a known DIB header size.
    if head[:2] == b"BM" and len(head) >= 18 and head[6:10] == b"\x00\x00\x00\x00":
        (dib_size,) = struct.unpack_from("<I", head, 14)
        if dib_size in _BMP_DIB_HEADER_SIZES:
            return "image/bmp"
    return None


def _is_text(head: bytes, *, complete: bool) -> bool:
    # Without final=True a multi-byte character cut off by the sniff limit is not an error.
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
    try:
        text = decoder.decode(head, final=complete)
    except UnicodeDecodeError:
        return False
    return all(ch in "\t\n\r\f" or unicodedata.category(ch) != "Cc" for ch in text)


def detect_type(head: bytes, size_bytes: int | None = None) -> DetectedType:
    """Decide the kind from the first bytes of the content (at most ``SNIFF_BYTES`` are used).

    Pass the whole content, or its first ``SNIFF_BYTES`` bytes together with the full size.
    """
    if len(head) > SNIFF_BYTES:
        complete = False
    elif size_bytes is not None:
        complete = len(head) >= size_bytes
    else:
        complete = len(head) < SNIFF_BYTES
    head = head[:SNIFF_BYTES]
    if not head:
        return _OCTET_STREAM
    if head.startswith(b"%PDF-"):
        return DetectedType(EvidenceKind.PDF, "application/pdf")
    image = _image_type(head)
    if image is not None:
        return DetectedType(EvidenceKind.IMAGE, image)
    if _is_text(head, complete=complete):
        return DetectedType(EvidenceKind.TEXT, "text/plain; charset=utf-8")
    # PDF readers accept a header anywhere in the first 1024 bytes (after mail or MacBinary
    # junk); checked after text so a note that merely mentions "%PDF-" stays a note.
    if b"%PDF-" in head[:1024]:
        return DetectedType(EvidenceKind.PDF, "application/pdf")
    return _OCTET_STREAM


def _format_megabytes(size: int) -> str:
    return f"{size / MIB:.1f}".replace(".", ",") + " MB"


def check_size(size_bytes: int) -> None:
    """Reject empty and oversized items before any byte is stored."""
    if size_bytes < 0:
        raise ValueError("size cannot be negative")
    if size_bytes == 0:
        raise InvalidInput(
            "Het bestand is leeg; een leeg item kan niet worden toegevoegd.", field="file"
        )
    if size_bytes > MAX_ITEM_BYTES:
        raise InvalidInput(
            f"Het bestand is te groot ({_format_megabytes(size_bytes)}). Een item met "
            f"onderliggende gegevens mag maximaal {MAX_ITEM_LABEL} zijn.",
            field="file",
        )


def _has_format_chars(text: str) -> bool:
    # Stricter than free text elsewhere: a source note is a reference, and bidi controls could
    # make it read as another one.
    return any(unicodedata.category(ch) in {"Cf", "Zl", "Zp"} for ch in text)


def normalize_title(raw: str) -> str:
    """Trimmed and NFC; one line without the invisible characters a name may not hold
    (``text.check_name``)."""
    title = unicodedata.normalize("NFC", raw.strip())
    if not title:
        raise InvalidInput("Geef het item een titel.", field="title")
    if len(title) > TITLE_MAX_LENGTH:
        raise InvalidInput(
            f"De titel is te lang (maximaal {TITLE_MAX_LENGTH} tekens).", field="title"
        )
    return check_name(title, field="title", label="De titel")


def normalize_source_note(raw: str) -> str:
    """The source note is optional (the CLI has no option for it) but checked when given."""
    note = raw.strip().replace("\r\n", "\n")
    if len(note) > SOURCE_NOTE_MAX_LENGTH:
        raise InvalidInput(
            f"De bronvermelding is te lang (maximaal {SOURCE_NOTE_MAX_LENGTH} tekens).",
            field="source",
        )
    check_text(note, field="source", label="De bronvermelding", multiline=True)
    if _has_format_chars(note):
        raise InvalidInput("De bronvermelding bevat ongeldige tekens.", field="source")
    return note


def check_data_date(data_date: dt.date | None, today: dt.date) -> None:
    if data_date is not None and data_date > today:
        raise InvalidInput(
            f"De datum van de gegevens ({prose_date(data_date)}) ligt in de toekomst.",
            field="data_date",
        )


@dataclass(frozen=True)
class EvidenceMeta:
    """A validated new item, ready for storage (content goes in chunks, see ``chunk_ranges``).
    What describes an item: the stored record and the item a list shows extend it."""

    title: str
    classification: Classification
    source_note: str
    data_date: dt.date | None
    kind: EvidenceKind
    media_type: str
    size_bytes: int

    @property
    def displayable(self) -> bool:
        return self.kind.displayable


def validate_evidence(
    *,
    title: str,
    classification: Classification,
    size_bytes: int,
    head: bytes,
    today: dt.date,
    source_note: str = "",
    data_date: dt.date | None = None,
) -> EvidenceMeta:
    """Check a new item. ``head`` is the content or at least its first ``SNIFF_BYTES`` bytes.

    The size is checked first so an oversized file is refused before anything else is read.
    """
    check_size(size_bytes)
    clean_title = normalize_title(title)
    clean_note = normalize_source_note(source_note)
    check_data_date(data_date, today)
    detected = detect_type(head, size_bytes)
    return EvidenceMeta(
        title=clean_title,
        classification=classification,
        source_note=clean_note,
        data_date=data_date,
        kind=detected.kind,
        media_type=detected.media_type,
        size_bytes=size_bytes,
    )


@dataclass(frozen=True)
class ChunkRange:
    index: int
    start: int
    end: int  # exclusive

    @property
    def length(self) -> int:
        return self.end - self.start


def chunk_count(size_bytes: int, chunk_size: int = CHUNK_SIZE) -> int:
    if size_bytes < 0 or chunk_size <= 0:
        raise ValueError("size must be >= 0 and chunk_size > 0")
    return -(-size_bytes // chunk_size)


def chunk_ranges(size_bytes: int, chunk_size: int = CHUNK_SIZE) -> tuple[ChunkRange, ...]:
    """Consecutive ``[start, end)`` ranges covering ``size_bytes``; the last may be shorter."""
    return tuple(
        ChunkRange(i, i * chunk_size, min((i + 1) * chunk_size, size_bytes))
        for i in range(chunk_count(size_bytes, chunk_size))
    )

"""Offsets between Python strings (code points, what the domain stores) and Qt text positions
(UTF-16 code units: a character outside the Basic Multilingual Plane, such as most emoji,
counts twice in Qt and once in Python). Pure Python; the views convert at their edge."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from desktop_app.domain.report_content import ReportContent, parse


class Utf16Map:
    """Offset conversion for one text. Cheap for the usual text without astral characters."""

    __slots__ = ("_astral_py", "_astral_qt", "_len_py")

    def __init__(self, text: str) -> None:
        self._len_py = len(text)
        # Python offsets of astral characters, and their Qt offsets.
        self._astral_py = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_qt = [p + n for n, p in enumerate(self._astral_py)]

    @property
    def qt_length(self) -> int:
        return self._len_py + len(self._astral_py)

    def to_qt(self, offset: int) -> int:
        """The Qt position of Python offset ``offset`` (0 ≤ offset ≤ len(text))."""
        if not 0 <= offset <= self._len_py:
            raise ValueError(f"offset {offset} outside the text")
        return offset + bisect_left(self._astral_py, offset)

    def to_py(self, position: int) -> int:
        """The Python offset of Qt position ``position``. A position in the middle of a
        surrogate pair (which Qt can report) rounds down to the start of that character."""
        if not 0 <= position <= self.qt_length:
            raise ValueError(f"position {position} outside the text")
        # Astral characters that start before ``position``; one that ``position`` splits counts
        # too, which rounds down to its start.
        return position - bisect_left(self._astral_qt, position)


# ---------------------------------------------------------------------------------------------
# Where a passage of a rendered version text lies in the structured editor's fields


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """A passage inside one field of the editor: ``field`` as the editor names its fields
    ("subject", "occasion", "conclusion", "findings.<n>.text", "findings.<n>.source_reference",
    "findings.<n>.reliability", "findings.<n>.data_date"), offsets into that field's text."""

    field: str
    start: int
    end: int
    text_start: int  # the same part as offsets into the rendered text
    text_end: int


def _segments(content: ReportContent) -> list[tuple[str, int, int, int]]:
    """(field, start in the rendered text, end, offset in the field) for every piece of the
    rendered text that shows a field's own characters, in order (see report_content.render)."""
    out: list[tuple[str, int, int, int]] = []
    pos = 0

    def put(field: str, text: str, offset: int = 0) -> None:
        nonlocal pos
        out.append((field, pos, pos + len(text), offset))
        pos += len(text)

    def skip(text: str) -> None:
        nonlocal pos
        pos += len(text)

    skip("Onderwerp: ")
    put("subject", content.subject)
    skip("\n\nAanleiding")
    if content.occasion:
        skip("\n")
        put("occasion", content.occasion)
    skip("\n\nBevindingen")
    for n, finding in enumerate(content.findings, start=1):
        skip("\n" if n == 1 else "\n\n")
        where = f"findings.{n}"
        offset = 0
        for k, line in enumerate(finding.text.split("\n")):
            skip(f"{n}. " if k == 0 else "\n   ")
            put(f"{where}.text", line, offset)
            offset += len(line) + 1
        if finding.reliability is not None:
            skip("\n   ")
            put(f"{where}.reliability", "Betrouwbaarheid: " + finding.reliability.label_nl)
        if finding.source_reference is not None:
            skip("\n   Bronverwijzing: ")
            put(f"{where}.source_reference", finding.source_reference)
        if finding.data_date is not None:
            skip("\n   ")
            put(f"{where}.data_date", "Datum gegevens: " + finding.data_date.isoformat())
    skip("\n\nConclusie")
    if content.conclusion:
        skip("\n")
        put("conclusion", content.conclusion)
    return out


def locate_in_fields(text: str, start: int, end: int) -> FieldSpan | None:
    """The field a passage ``text[start:end]`` of a rendered version begins in, and the part of
    it inside that field (a passage running over several fields is cut at the first one's end;
    one starting between fields, on a heading or a number, begins at the next field). ``None``
    for free text or a passage outside every field."""
    content = parse(text)
    if content is None or not 0 <= start < end <= len(text):
        return None
    for field, a, b, offset in _segments(content):
        if b <= start or a == b:
            continue
        if a >= end:
            return None
        lo, hi = max(start, a), min(end, b)
        return FieldSpan(field, offset + lo - a, offset + hi - a, lo, hi)
    return None

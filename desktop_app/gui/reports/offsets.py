"""Offsets between Python strings (code points, what the domain stores) and Qt text positions
(UTF-16 code units: a character outside the Basic Multilingual Plane, such as most emoji,
counts twice in Qt and once in Python). Pure Python; the views convert at their edge."""

from __future__ import annotations

from bisect import bisect_left


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

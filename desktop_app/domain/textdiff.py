"""Comparing two versions of a report text: a unified diff (CLI), rows side by side with
word-level highlighting (window), and character-offset opcodes (re-anchoring annotations).

How, for speed on long texts (a 20-page report is about 60,000 characters) with plain difflib:
1. lines first: the common prefix and suffix are trimmed, then lines that occur exactly once in
   both texts are matched in order ("patience" anchoring, as in ``git diff --patience``) and
   difflib (``autojunk`` off, blank lines as junk) only runs on the gaps between them. difflib
   alone costs (lines x changes) on a long text; anchoring keeps it near linear;
2. words only inside changed line blocks, and only when asked (``TextComparison.refine``), so
   re-anchoring an annotation refines just the block it sits in.
Lines are matched with a leading list number set aside ("12. " and "13. " compare alike): in the
structured form every finding is numbered, so one inserted finding renumbers all the following
ones, which left no unique line to anchor on and sent difflib over the whole tail with its
repeated "Betrouwbaarheid: …" lines (a 20-page report took ~200 ms instead of ~6). Lines that
match only that way come out as one-to-one replacements, refined word by word as usual.
Offsets are Python string indices (code points).
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import accumulate

__all__ = [
    "DiffRow",
    "OpTag",
    "Opcode",
    "Span",
    "TextComparison",
    "char_opcodes",
    "side_by_side",
    "split_lines",
    "unified_diff",
]


class OpTag(enum.StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


@dataclass(frozen=True, slots=True)
class Opcode:
    """``old[old_start:old_end]`` becomes ``new[new_start:new_end]`` (difflib's convention)."""

    tag: OpTag
    old_start: int
    old_end: int
    new_start: int
    new_end: int


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of one line on one side. On the old side kinds are equal/delete/replace, on the
    new side equal/insert/replace."""

    kind: OpTag
    text: str


@dataclass(frozen=True, slots=True)
class DiffRow:
    """One row of the side-by-side view. Line numbers are 1-based; ``None`` where the side has
    no line (pure insertion or deletion). Spans exclude the line break."""

    kind: OpTag
    old_lineno: int | None
    new_lineno: int | None
    old_spans: tuple[Span, ...]
    new_spans: tuple[Span, ...]

    @property
    def old_text(self) -> str:
        return "".join(s.text for s in self.old_spans)

    @property
    def new_text(self) -> str:
        return "".join(s.text for s in self.new_spans)


# A word with the whitespace that follows it, a punctuation mark likewise, or leading whitespace.
# Gluing whitespace to words keeps the single space from being the most frequent token.
_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")

# Word matching in one changed block costs up to (old tokens x new tokens) when few distinct
# words recur. Ordinary edits stay far below these limits; a large rewrite or a reflowed text
# does not, so matching degrades in steps to keep any comparison of two 20-page texts bounded:
# exact up to _EXACT_WORK, difflib's autojunk heuristic (frequent words stop serving as
# anchors) up to _AUTOJUNK_WORK; beyond that, or once one comparison has spent _TOTAL_WORK, the
# block is marked as replaced as a whole.
_EXACT_WORK = 1_000_000
_AUTOJUNK_WORK = 16_000_000
_TOTAL_WORK = 20_000_000

# Unique-item anchoring pays off on long gaps only; below this (items x items) difflib runs as is.
_ANCHOR_MIN_WORK = 4096
# Nesting depth of unique-item anchoring before plain difflib takes over a gap.
_MAX_ANCHOR_DEPTH = 6

_Raw = tuple[str, int, int, int, int]


def split_lines(text: str) -> list[str]:
    """Lines with their ``\\n`` kept (only ``\\n`` breaks a line); ``"".join`` gives ``text``."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _is_blank(item: Hashable) -> bool:
    return isinstance(item, str) and not item.strip()


# ---------------------------------------------------------------------------------------------
# Sequence matching


def _unique_anchors(
    a: Sequence[str], b: Sequence[str], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Pairs (i, j) of non-blank items occurring exactly once in each range, the longest
    chain that is increasing on both sides."""
    count_a = Counter(a[alo:ahi])
    count_b = Counter(b[blo:bhi])
    pos_b = {
        item: j
        for j, item in enumerate(b[blo:bhi], blo)
        if count_b[item] == 1 and not _is_blank(item)
    }
    pairs = [
        (i, pos_b[item])
        for i, item in enumerate(a[alo:ahi], alo)
        if item in pos_b and count_a[item] == 1
    ]
    if not pairs:
        return []
    # Longest increasing subsequence of the j's (patience sorting, with back links).
    tails: list[int] = []  # j of the last pair of the best chain of each length
    tail_idx: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for k, (_i, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        back[k] = tail_idx[pos - 1] if pos else -1
    chain: list[tuple[int, int]] = []
    k = tail_idx[-1]
    while k != -1:
        chain.append(pairs[k])
        k = back[k]
    chain.reverse()
    return chain


def _match(
    a: Sequence[str],
    b: Sequence[str],
    alo: int,
    ahi: int,
    blo: int,
    bhi: int,
    autojunk: bool,
    depth: int,
    out: list[tuple[int, int, int]],
) -> None:
    """Append the matching blocks (i, j, size) of a[alo:ahi] and b[blo:bhi], in order."""
    n = 0
    while alo + n < ahi and blo + n < bhi and a[alo + n] == b[blo + n]:
        n += 1
    if n:
        out.append((alo, blo, n))
        alo, blo = alo + n, blo + n
    n = 0
    while ahi - n > alo and bhi - n > blo and a[ahi - n - 1] == b[bhi - n - 1]:
        n += 1
    suffix = (ahi - n, bhi - n, n)
    ahi, bhi = ahi - n, bhi - n
    if alo < ahi and blo < bhi and (ahi - alo == 1 or bhi - blo == 1):
        # One item against several (typically one changed line): a lookup, not a matcher.
        if ahi - alo == 1:
            item, hay, base = a[alo], b[blo:bhi], blo
        else:
            item, hay, base = b[blo], a[alo:ahi], alo
        if not _is_blank(item) and item in hay:
            k = hay.index(item) + base
            out.append((alo, k, 1) if ahi - alo == 1 else (k, blo, 1))
    elif alo < ahi and blo < bhi:
        worth_it = depth < _MAX_ANCHOR_DEPTH and (ahi - alo) * (bhi - blo) >= _ANCHOR_MIN_WORK
        anchors = _unique_anchors(a, b, alo, ahi, blo, bhi) if worth_it else []
        if anchors:
            pi, pj = alo, blo
            for i, j in [*anchors, (ahi, bhi)]:
                if pi < i and pj < j:  # a gap with items on both sides may hold matches
                    if i - pi == j - pj and a[pi:i] == b[pj:j]:
                        out.append((pi, pj, i - pi))  # the usual case: an unchanged gap
                    else:
                        _match(a, b, pi, i, pj, j, autojunk, depth + 1, out)
                if i < ahi:
                    out.append((i, j, 1))
                pi, pj = i + 1, j + 1
        else:
            sm = SequenceMatcher(_is_blank, a[alo:ahi], b[blo:bhi], autojunk=autojunk)
            for i, j, size in sm.get_matching_blocks()[:-1]:
                out.append((alo + i, blo + j, size))
    if suffix[2]:
        out.append(suffix)


_LIST_NUMBER = re.compile(r"[ \t]*[0-9]{1,4}[.)][ \t]+")


def _line_key(line: str) -> str:
    """What a line is matched by: the line without a leading list number."""
    found = _LIST_NUMBER.match(line)
    return line[found.end() :] if found else line


def _line_opcodes(a: Sequence[str], b: Sequence[str]) -> list[_Raw]:
    """Line opcodes of ``a`` into ``b`` matched by :func:`_line_key`; an "equal" run whose lines
    differ in their number only is split so that such lines become one-to-one replacements."""
    ops: list[_Raw] = []

    def add(tag: str, i1: int, i2: int, j1: int, j2: int) -> None:
        if ops and ops[-1][0] == tag and ops[-1][2] == i1 and ops[-1][4] == j1:
            ops[-1] = (tag, ops[-1][1], i2, ops[-1][3], j2)
        else:
            ops.append((tag, i1, i2, j1, j2))

    # autojunk: in a gap of 200+ lines difflib sets aside lines that recur in more than 1% of
    # them (the findings' "Betrouwbaarheid: …" lines), which otherwise make a full rewrite
    # quadratic; gaps between unique anchors are short, so an ordinary revision is not affected.
    keys_a, keys_b = [_line_key(x) for x in a], [_line_key(x) for x in b]
    for tag, i1, i2, j1, j2 in _seq_opcodes(keys_a, keys_b, autojunk=True):
        if tag != "equal":
            add(tag, i1, i2, j1, j2)
            continue
        for k in range(i2 - i1):
            same = a[i1 + k] == b[j1 + k]
            add("equal" if same else "replace", i1 + k, i1 + k + 1, j1 + k, j1 + k + 1)
    return ops


def _seq_opcodes(a: Sequence[str], b: Sequence[str], *, autojunk: bool = False) -> list[_Raw]:
    """difflib-style opcodes (tag, i1, i2, j1, j2) turning ``a`` into ``b``."""
    blocks: list[tuple[int, int, int]] = []
    _match(a, b, 0, len(a), 0, len(b), autojunk, 0, blocks)
    ops: list[_Raw] = []
    i = j = 0
    for bi, bj, size in [*blocks, (len(a), len(b), 0)]:
        if i < bi or j < bj:
            tag = "replace" if i < bi and j < bj else "delete" if i < bi else "insert"
            ops.append((tag, i, bi, j, bj))
        if size:
            if ops and ops[-1][0] == "equal" and ops[-1][2] == bi:
                _t, i1, _i2, j1, _j2 = ops[-1]
                ops[-1] = ("equal", i1, bi + size, j1, bj + size)
            else:
                ops.append(("equal", bi, bi + size, bj, bj + size))
        i, j = bi + size, bj + size
    return ops


# ---------------------------------------------------------------------------------------------
# The comparison


@dataclass(frozen=True, slots=True)
class _Block:
    """A line-level opcode: line indices and the character offsets of those lines."""

    tag: OpTag
    i1: int
    i2: int
    j1: int
    j2: int
    c1: int
    c2: int
    d1: int
    d2: int

    @property
    def opcode(self) -> Opcode:
        return Opcode(self.tag, self.c1, self.c2, self.d1, self.d2)


def _offsets(lines: Sequence[str]) -> list[int]:
    return list(accumulate(map(len, lines), initial=0))


class TextComparison:
    """Two texts compared line by line at construction; word-level detail per changed block on
    demand (cached). Build one per pair of versions and ask it for what you need."""

    __slots__ = ("_blocks", "_budget", "_fine", "new", "new_lines", "old", "old_lines")

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        self.old_lines, self.new_lines = split_lines(old), split_lines(new)
        offs_a, offs_b = _offsets(self.old_lines), _offsets(self.new_lines)
        self._blocks = tuple(
            _Block(OpTag(t), i1, i2, j1, j2, offs_a[i1], offs_a[i2], offs_b[j1], offs_b[j2])
            for t, i1, i2, j1, j2 in _line_opcodes(self.old_lines, self.new_lines)
        )
        self._fine: dict[int, tuple[Opcode, ...]] = {}
        self._budget = _TOTAL_WORK

    @property
    def line_opcodes(self) -> tuple[Opcode, ...]:
        """Character-offset opcodes at line granularity."""
        return tuple(b.opcode for b in self._blocks)

    def refine(self, k: int) -> tuple[Opcode, ...]:
        """Opcodes (absolute character offsets) for line block ``k``: word-level inside a
        replaced block, the block itself otherwise. Equal line counts are compared line by line
        (edits within lines, the common case), otherwise the block is compared as one text."""
        blk = self._blocks[k]
        if blk.tag is not OpTag.REPLACE:
            return (blk.opcode,)
        found = self._fine.get(k)
        if found is not None:
            return found
        out: list[Opcode] = []
        if blk.i2 - blk.i1 == blk.j2 - blk.j1:
            ca, cb = blk.c1, blk.d1
            for n in range(blk.i2 - blk.i1):
                la, lb = self.old_lines[blk.i1 + n], self.new_lines[blk.j1 + n]
                out.extend(self._words(la, lb, ca, cb))
                ca += len(la)
                cb += len(lb)
        else:
            out.extend(
                self._words(self.old[blk.c1 : blk.c2], self.new[blk.d1 : blk.d2], blk.c1, blk.d1)
            )
        result = tuple(out)
        self._fine[k] = result
        return result

    def _words(self, old: str, new: str, ca: int, cb: int) -> list[Opcode]:
        """Word-level opcodes of two short texts, shifted to absolute offsets."""
        if not old or not new:
            if not old and not new:
                return []
            tag = OpTag.INSERT if not old else OpTag.DELETE
            return [Opcode(tag, ca, ca + len(old), cb, cb + len(new))]
        ta, tb = _TOKEN.findall(old), _TOKEN.findall(new)
        work = len(ta) * len(tb)
        if work > _AUTOJUNK_WORK or work > self._budget:
            return [Opcode(OpTag.REPLACE, ca, ca + len(old), cb, cb + len(new))]
        self._budget -= work
        pa = [ca]
        for t in ta:
            pa.append(pa[-1] + len(t))
        pb = [cb]
        for t in tb:
            pb.append(pb[-1] + len(t))
        return [
            Opcode(OpTag(tag), pa[i1], pa[i2], pb[j1], pb[j2])
            for tag, i1, i2, j1, j2 in _seq_opcodes(ta, tb, autojunk=work > _EXACT_WORK)
        ]

    def block_index(self, old_pos: int) -> int:
        """Index of the first line block that ends after ``old_pos`` (or the last block)."""
        lo, hi = 0, len(self._blocks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._blocks[mid].c2 <= old_pos:
                lo = mid + 1
            else:
                hi = mid
        return min(lo, len(self._blocks) - 1) if self._blocks else 0

    def fine_opcodes_from(self, old_pos: int) -> Iterator[Opcode]:
        """Word-level opcodes in order, starting around ``old_pos`` (lazily refined)."""
        for k in range(self.block_index(old_pos), len(self._blocks)):
            yield from self.refine(k)

    def char_opcodes(self) -> tuple[Opcode, ...]:
        ops: list[Opcode] = []
        for k in range(len(self._blocks)):
            ops.extend(self.refine(k))
        return _merge(ops)

    def rows(self) -> tuple[DiffRow, ...]:
        rows: list[DiffRow] = []
        for k, blk in enumerate(self._blocks):
            if blk.tag is OpTag.REPLACE:
                rows.extend(self._replace_rows(k, blk))
                continue
            for n in range(max(blk.i2 - blk.i1, blk.j2 - blk.j1)):
                i = blk.i1 + n if blk.tag is not OpTag.INSERT else None
                j = blk.j1 + n if blk.tag is not OpTag.DELETE else None
                old_spans = _whole(blk.tag, self.old_lines[i]) if i is not None else ()
                new_spans = _whole(blk.tag, self.new_lines[j]) if j is not None else ()
                rows.append(
                    DiffRow(
                        blk.tag,
                        i + 1 if i is not None else None,
                        j + 1 if j is not None else None,
                        old_spans,
                        new_spans,
                    )
                )
        return tuple(rows)

    def _replace_rows(self, k: int, blk: _Block) -> list[DiffRow]:
        """A changed block: word-level spans on each side, the n-th old line beside the n-th
        new line."""
        old_iv: list[tuple[OpTag, int, int]] = []
        new_iv: list[tuple[OpTag, int, int]] = []
        for op in self.refine(k):
            if op.tag is not OpTag.INSERT:
                old_iv.append((op.tag, op.old_start - blk.c1, op.old_end - blk.c1))
            if op.tag is not OpTag.DELETE:
                new_iv.append((op.tag, op.new_start - blk.d1, op.new_end - blk.d1))
        old_spans = _cut_into_lines(self.old_lines[blk.i1 : blk.i2], old_iv)
        new_spans = _cut_into_lines(self.new_lines[blk.j1 : blk.j2], new_iv)
        rows: list[DiffRow] = []
        for n in range(max(len(old_spans), len(new_spans))):
            has_old, has_new = n < len(old_spans), n < len(new_spans)
            kind = (
                OpTag.REPLACE if has_old and has_new else OpTag.DELETE if has_old else OpTag.INSERT
            )
            rows.append(
                DiffRow(
                    kind,
                    blk.i1 + n + 1 if has_old else None,
                    blk.j1 + n + 1 if has_new else None,
                    old_spans[n] if has_old else (),
                    new_spans[n] if has_new else (),
                )
            )
        return rows

    def unified(self, from_label: str, to_label: str, *, context: int = 3) -> str:
        a, b = self.old_lines, self.new_lines
        raw: list[_Raw] = [(blk.tag.value, blk.i1, blk.i2, blk.j1, blk.j2) for blk in self._blocks]
        if all(op[0] == "equal" for op in raw):
            return ""
        out = [f"--- {from_label}", f"+++ {to_label}"]
        for group in _group(raw, context):
            first, last = group[0], group[-1]
            i1, i2, j1, j2 = first[1], last[2], first[3], last[4]
            out.append(f"@@ -{_range(i1, i2 - i1)} +{_range(j1, j2 - j1)} @@")
            for tag, g1, g2, h1, h2 in group:
                if tag == "equal":
                    out.extend(_diff_line(" ", line) for line in a[g1:g2])
                    continue
                out.extend(_diff_line("-", line) for line in a[g1:g2])
                out.extend(_diff_line("+", line) for line in b[h1:h2])
        return "\n".join(out) + "\n"


def _strip_nl(line: str) -> str:
    return line[:-1] if line.endswith("\n") else line


def _whole(kind: OpTag, line: str) -> tuple[Span, ...]:
    text = _strip_nl(line)
    return (Span(kind, text),) if text else ()


def _merge(ops: Sequence[Opcode]) -> tuple[Opcode, ...]:
    """Drop empty opcodes, join adjacent equal runs and adjacent changes."""
    merged: list[Opcode] = []
    for op in ops:
        if op.old_start == op.old_end and op.new_start == op.new_end:
            continue
        last = merged[-1] if merged else None
        if last is not None and (last.tag is OpTag.EQUAL) == (op.tag is OpTag.EQUAL):
            old_empty = last.old_start == op.old_end
            new_empty = last.new_start == op.new_end
            tag = (
                OpTag.EQUAL
                if op.tag is OpTag.EQUAL
                else OpTag.INSERT
                if old_empty
                else OpTag.DELETE
                if new_empty
                else OpTag.REPLACE
            )
            merged[-1] = Opcode(tag, last.old_start, op.old_end, last.new_start, op.new_end)
        else:
            merged.append(op)
    return tuple(merged)


def _cut_into_lines(
    lines: Sequence[str], intervals: Sequence[tuple[OpTag, int, int]]
) -> list[tuple[Span, ...]]:
    """Split span intervals (offsets into ``"".join(lines)``) at line breaks, which are
    dropped from the spans."""
    text = "".join(lines)
    bounds = _offsets(lines)
    out: list[list[Span]] = [[] for _ in lines]
    k = 0
    for kind, s, e in intervals:
        pos = s
        while pos < e:
            while bounds[k + 1] <= pos:
                k += 1
            stop = min(e, bounds[k + 1])
            piece = text[pos:stop]
            if piece.endswith("\n"):
                piece = piece[:-1]
            if piece:
                row = out[k]
                if row and row[-1].kind == kind:
                    row[-1] = Span(kind, row[-1].text + piece)
                else:
                    row.append(Span(kind, piece))
            pos = stop
    return [tuple(r) for r in out]


def _range(start: int, length: int) -> str:
    """Unified-diff hunk range (GNU convention: 1-based; an empty range names the line
    before)."""
    beginning = start + 1
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1
    return f"{beginning},{length}"


def _diff_line(prefix: str, line: str) -> str:
    if line.endswith("\n"):
        return prefix + line[:-1]
    return f"{prefix}{line}\n\\ No newline at end of file"


def _group(ops: list[_Raw], n: int) -> list[list[_Raw]]:
    """difflib's ``get_grouped_opcodes`` over our opcodes: changes with ``n`` lines of
    context, hunks closer than ``2n`` lines joined."""
    codes = list(ops)
    if codes[0][0] == "equal":
        tag, i1, i2, j1, j2 = codes[0]
        codes[0] = (tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2)
    if codes[-1][0] == "equal":
        tag, i1, i2, j1, j2 = codes[-1]
        codes[-1] = (tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n))
    groups: list[list[_Raw]] = []
    group: list[_Raw] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and i2 - i1 > 2 * n:
            group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
            groups.append(group)
            group = []
            i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        groups.append(group)
    return groups


# ---------------------------------------------------------------------------------------------
# Convenience


def char_opcodes(old: str, new: str) -> tuple[Opcode, ...]:
    """Opcodes over character offsets that turn ``old`` into ``new``: contiguous, covering both
    texts, adjacent equal runs merged, no two changes adjacent; changes located to the word."""
    return TextComparison(old, new).char_opcodes()


def side_by_side(old: str, new: str) -> tuple[DiffRow, ...]:
    """Rows for a two-column comparison. Unchanged lines pair up; in a changed block the n-th
    old line sits beside the n-th new line, and changed words are marked on each side."""
    return TextComparison(old, new).rows()


def unified_diff(old: str, new: str, from_label: str, to_label: str, *, context: int = 3) -> str:
    """A unified diff (as ``diff -u``) of two texts; ``""`` when they are equal. Lines end
    with ``\\n``; a last line without one is followed by ``\\ No newline at end of file``."""
    return TextComparison(old, new).unified(from_label, to_label, context=context)

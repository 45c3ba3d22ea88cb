"""The liaison's annotations: anchored to a passage of one version (quote + offsets), and shown
on later versions, re-anchored where the quoted passage survives and marked outdated where not.

Offsets are Python string indices (code points) into the stored version text; a GUI working in
UTF-16 units (Qt) converts at its edge. An annotation keeps its *original* anchor for ever: each
later version is reached by re-anchoring from that original directly, never by chaining through
the versions in between, so nothing drifts.

Remarks go on after they are placed (issue 12): the liaison edits or withdraws their own remark
until the verdict on its version, and the officer marks one handled with a note the liaison
sees. The remark row itself never changes (its anchor is what it quoted); each change is a
``RemarkEvent`` and ``remark_state`` folds them into what is shown now.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from desktop_app.domain.errors import Forbidden, InvalidInput, InvalidState, NotFound
from desktop_app.domain.ids import UserId
from desktop_app.domain.text import check_text
from desktop_app.domain.textdiff import Opcode, OpTag, TextComparison

__all__ = [
    "MAX_COMMENT_LENGTH",
    "Anchor",
    "OffsetMap",
    "Outdated",
    "Reanchorer",
    "RemarkChange",
    "RemarkEvent",
    "RemarkState",
    "anchor_quote",
    "check_remark_change",
    "find_occurrences",
    "reanchor",
    "remark_state",
    "validate_comment",
    "validate_handled_note",
]

MAX_COMMENT_LENGTH = 10_000


@dataclass(frozen=True, slots=True)
class Anchor:
    """``quote == text_of(version)[start:end]``."""

    version: int
    start: int
    end: int
    quote: str

    def __post_init__(self) -> None:
        if (
            self.version < 1
            or self.start < 0
            or not self.quote
            or self.end - self.start != len(self.quote)
        ):
            raise ValueError("inconsistent anchor")


@dataclass(frozen=True, slots=True)
class Outdated:
    """The quoted passage of ``original`` no longer occurs in ``version``."""

    original: Anchor
    version: int

    @property
    def label_nl(self) -> str:
        return (
            f"Verouderd: de geciteerde passage uit versie {self.original.version} komt in "
            f"versie {self.version} niet meer voor."
        )


def find_occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every occurrence of ``quote`` in ``text``, overlapping ones included."""
    if not quote:
        return []
    found: list[int] = []
    pos = text.find(quote)
    while pos != -1:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def anchor_quote(text: str, quote: str, *, version: int, start: int | None = None) -> Anchor:
    """Anchor a quote in the version under review.

    The quote is NFC-normalised like the stored texts. When it occurs more than once, ``start``
    (e.g. the selection start in the window) says which occurrence is meant; without it the first
    occurrence is taken. Raises InvalidInput when the quote is empty or does not occur (at
    ``start``, when given).
    """
    quote = unicodedata.normalize("NFC", quote)
    if not quote.strip():
        raise InvalidInput("Het citaat is leeg; selecteer of citeer een passage.", field="quote")
    if start is not None:
        if text[start : start + len(quote)] != quote or start < 0:
            raise InvalidInput(
                f"Het citaat staat niet op positie {start} van versie {version}.", field="quote"
            )
        return Anchor(version, start, start + len(quote), quote)
    pos = text.find(quote)
    if pos == -1:
        raise InvalidInput(
            f"Het citaat komt niet voor in versie {version} van het ambtsbericht.", field="quote"
        )
    return Anchor(version, pos, pos + len(quote), quote)


def validate_comment(comment: str) -> str:
    """The annotation (or verdict) comment, trimmed; InvalidInput when empty or too long."""
    cleaned = unicodedata.normalize("NFC", comment).strip()
    if not cleaned:
        raise InvalidInput("Een opmerking bij een annotatie mag niet leeg zijn.", field="comment")
    if len(cleaned) > MAX_COMMENT_LENGTH:
        raise InvalidInput(
            f"Een opmerking is te lang (meer dan {MAX_COMMENT_LENGTH} tekens).", field="comment"
        )
    return check_text(
        cleaned.replace("\r\n", "\n"), field="comment", label="De opmerking", multiline=True
    )


class OffsetMap:
    """Maps offsets of one text onto another through their diff. Lines are compared up front,
    words only in the changed blocks that a query touches."""

    __slots__ = ("_cmp",)

    def __init__(self, comparison: TextComparison) -> None:
        self._cmp = comparison

    @classmethod
    def between(cls, old: str, new: str) -> OffsetMap:
        return cls(TextComparison(old, new))

    def map_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Where ``old[start:end]`` is in the new text when nothing inside it changed (it lies
        in unchanged text, and nothing was inserted strictly inside it); else ``None``."""
        shift: int | None = None
        for op in self._cmp.fine_opcodes_from(start):
            if op.old_end <= start and op.old_start < start:
                continue  # before the span
            if op.old_start >= end:
                break
            if op.old_start == op.old_end:
                if op.old_start == start:
                    continue  # an insertion just before the span leaves it intact
                return None
            if op.tag is not OpTag.EQUAL:
                return None
            here = op.new_start - op.old_start
            if shift is not None and here != shift:
                return None  # unreachable for contiguous equal runs; cheap to be sure
            shift = here
        if shift is None:
            return None
        return start + shift, end + shift

    def map_region(self, start: int, end: int) -> tuple[int, int]:
        """Where ``old[start:end]`` went, roughly: the new range covering the unchanged parts
        of it and everything that replaced its changed parts."""
        lo: int | None = None
        hi = 0
        last: Opcode | None = None
        for op in self._cmp.fine_opcodes_from(start):
            last = op
            if op.old_start >= end:
                break
            if op.old_end <= start:
                continue  # before the span, or an insertion at its very start
            if op.tag is OpTag.EQUAL:
                shift = op.new_start - op.old_start
                a, b = max(start, op.old_start) + shift, min(end, op.old_end) + shift
            else:
                a, b = op.new_start, op.new_end
            lo = a if lo is None else min(lo, a)
            hi = max(hi, b)
        if lo is None:
            at = last.new_end if last is not None else 0
            return at, at
        return lo, hi


def reanchor(
    anchor: Anchor,
    old_text: str,
    new_text: str,
    *,
    new_version: int,
    offset_map: OffsetMap | None = None,
) -> Anchor | Outdated:
    """Where ``anchor`` (a passage of ``old_text``) stands in ``new_text``.

    Rules, in order: a quote that does not occur in the new text is outdated; one that occurs
    exactly once is anchored there (moved or not). With several occurrences: the quote together
    with its surrounding text (32, then 10 characters; both sides, then one side) when that
    occurs exactly once; otherwise the diff decides: the passage's own place when nothing in it
    changed, else the occurrence nearest to what replaced it (ties: the earlier one). Only the
    last step needs the diff, so ``offset_map`` (for this pair of texts) is computed lazily
    when not supplied; pass it to reuse it across annotations.
    """
    if new_version == anchor.version:
        return anchor

    def get_map() -> OffsetMap:
        return offset_map if offset_map is not None else OffsetMap.between(old_text, new_text)

    return _place(anchor, old_text, new_text, new_version, get_map)


# Characters of surrounding text tried with an ambiguous quote: wide first, then close by (an
# edit near the quote spoils the wide context but often not the close one).
_CONTEXTS = (32, 10)


def _unique_in(text: str, needle: str) -> int | None:
    first = text.find(needle)
    if first == -1 or text.find(needle, first + 1) != -1:
        return None
    return first


def _place(
    anchor: Anchor,
    old_text: str,
    new_text: str,
    new_version: int,
    get_map: Callable[[], OffsetMap],
) -> Anchor | Outdated:
    quote, n = anchor.quote, len(anchor.quote)
    occurrences = find_occurrences(new_text, quote)
    if not occurrences:
        return Outdated(anchor, new_version)
    if len(occurrences) == 1:
        return Anchor(new_version, occurrences[0], occurrences[0] + n, quote)
    # Several occurrences. Cheap first: the quote with its surrounding words, as it stood in
    # its own version, found exactly once (its surroundings survived, so it is that passage).
    for size in _CONTEXTS:
        before = old_text[max(0, anchor.start - size) : anchor.start]
        after = old_text[anchor.end : anchor.end + size]
        for prefix, suffix in ((before, after), (before, ""), ("", after)):
            if prefix or suffix:
                at = _unique_in(new_text, prefix + quote + suffix)
                if at is not None:
                    return Anchor(new_version, at + len(prefix), at + len(prefix) + n, quote)
    # Otherwise the diff decides.
    mapping = get_map()
    span = mapping.map_span(anchor.start, anchor.end)
    if span is not None:
        # Untouched text is identical, so the mapped span holds the quote.
        return Anchor(new_version, span[0], span[1], quote)
    lo, hi = mapping.map_region(anchor.start, anchor.end)
    best = min(occurrences, key=lambda p: (max(0, lo - (p + n), p - hi), p))
    return Anchor(new_version, best, best + n, quote)


class Reanchorer:
    """Re-anchors many annotations of one report onto a target version, computing the diff of
    each (source version, target version) pair at most once, and only when neither the quote
    nor the quote in its context settles the place. Build one per report view."""

    def __init__(self, texts: Mapping[int, str]) -> None:
        self._texts = texts
        self._maps: dict[tuple[int, int], OffsetMap] = {}

    def _text(self, version: int) -> str:
        try:
            return self._texts[version]
        except KeyError:
            raise NotFound(f"Versie {version} van dit ambtsbericht bestaat niet.") from None

    def offset_map(self, old_version: int, new_version: int) -> OffsetMap:
        key = (old_version, new_version)
        found = self._maps.get(key)
        if found is None:
            found = OffsetMap.between(self._text(old_version), self._text(new_version))
            self._maps[key] = found
        return found

    def reanchor(self, anchor: Anchor, target_version: int) -> Anchor | Outdated:
        if anchor.version == target_version:
            return anchor
        return _place(
            anchor,
            self._text(anchor.version),
            self._text(target_version),
            target_version,
            lambda: self.offset_map(anchor.version, target_version),
        )

    def reanchor_all(
        self, anchors: Mapping[int, Anchor], target_version: int
    ) -> dict[int, Anchor | Outdated]:
        """``{annotation id: placement}`` for every annotation, on ``target_version``."""
        return {key: self.reanchor(a, target_version) for key, a in anchors.items()}


# ---------------------------------------------------------------------------------------------
# Remarks after they are placed


class RemarkChange(enum.StrEnum):
    EDIT = "edit"  # the liaison rewords their remark (the new comment is the event's text)
    WITHDRAW = "withdraw"  # the liaison takes it back
    HANDLE = "handle"  # the officer dealt with it (the note is the event's text)


@dataclass(frozen=True, slots=True)
class RemarkEvent:
    kind: RemarkChange
    actor_id: UserId
    text: str | None
    at: str


@dataclass(frozen=True, slots=True)
class RemarkState:
    comment: str  # the wording now (the last edit, else the original)
    edited: bool
    withdrawn: bool
    handled: bool
    handled_note: str | None
    handled_by: UserId | None
    handled_at: str | None


def remark_state(comment: str, events: Iterable[RemarkEvent]) -> RemarkState:
    """The remark as it stands after its events, in order. Rewording a handled remark opens it
    again: the officer's note answered the old wording."""
    current, edited, withdrawn = comment, False, False
    handled: RemarkEvent | None = None
    for event in events:
        if event.kind is RemarkChange.EDIT and event.text is not None:
            current, edited, handled = event.text, True, None
        elif event.kind is RemarkChange.WITHDRAW:
            withdrawn = True
        elif event.kind is RemarkChange.HANDLE:
            handled = event
    return RemarkState(
        comment=current,
        edited=edited,
        withdrawn=withdrawn,
        handled=handled is not None,
        handled_note=None if handled is None else handled.text,
        handled_by=None if handled is None else handled.actor_id,
        handled_at=None if handled is None else handled.at,
    )


def check_remark_change(
    kind: RemarkChange,
    *,
    actor_id: UserId,
    author_id: UserId,
    remark_version: int,
    review_version: int | None,
    state: RemarkState,
) -> None:
    """The rules on one remark (the workflow state and the role are the report's, checked by
    ``domain.reports.decide`` first). ``review_version``: the version in review now, ``None``
    when none is. The liaison changes only their own remark, and only while its version is the
    one in review (until the verdict); nobody changes a withdrawn remark."""
    if state.withdrawn:
        raise InvalidState("Deze opmerking is ingetrokken.")
    if kind is RemarkChange.HANDLE:
        return
    if actor_id != author_id:
        raise Forbidden("Alleen wie de opmerking plaatste, kan haar wijzigen of intrekken.")
    if review_version != remark_version:
        raise InvalidState(
            f"De opmerking hoort bij versie {remark_version}; over die versie is al geoordeeld "
            "of zij ligt niet meer ter beoordeling. Plaats zo nodig een nieuwe opmerking."
        )


def validate_handled_note(note: str) -> str:
    """The officer's note on a handled remark: the liaison reads it, so it may not be empty."""
    cleaned = unicodedata.normalize("NFC", note).strip()
    if not cleaned:
        raise InvalidInput(
            "Schrijf bij het afhandelen een toelichting voor de IND-liaison.", field="note"
        )
    if len(cleaned) > MAX_COMMENT_LENGTH:
        raise InvalidInput(
            f"De toelichting is te lang (meer dan {MAX_COMMENT_LENGTH} tekens).", field="note"
        )
    return check_text(
        cleaned.replace("\r\n", "\n"), field="note", label="De toelichting", multiline=True
    )

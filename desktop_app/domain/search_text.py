"""Text normalisation for search: names in any script, ignoring case and diacritics.

Storage indexes ``fold(name)`` in an FTS5 table with ``tokenize='unicode61 remove_diacritics 2'``
and queries it with ``fts_query(user_text)``. For Latin letters with a diacritic the tokenizer and
``fold`` agree, so indexing the raw name would also work for those; ``fold`` goes further where
the tokenizer does not (ß, ø, ł, æ, Greek tonos, Arabic harakat, Hebrew niqqud), which is why the
folded text, not the raw name, should be indexed.

What is indexed is ``index_form(name)``: the folded words, each followed by its Latin spelling
when it is written in Cyrillic, Greek or Arabic (``domain.transliteration``, ICAO Doc 9303), and an
Arabic word also by its consonant skeleton marked with ``SKELETON_MARK``. A query is folded and
spelled in Latin the same way, and each Latin word may also meet an Arabic name's skeleton: so
``petrova`` finds ``Петрова``, ``Петрова`` finds ``Petrova`` and ``mohammed`` finds ``محمد``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from desktop_app.domain.transliteration import (
    consonant_skeleton,
    has_other_script,
    is_arabic,
    to_latin,
)

# Latin letters without a Unicode decomposition that people nevertheless type without the
# stroke or ligature (Sørensen -> sorensen, Łukasz -> lukasz). Applied after casefolding.
_LATIN_EXTRA = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ħ": "h",
        "ı": "i",
        "ŧ": "t",
        "ƚ": "l",
        "ɨ": "i",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
    }
)

# Control characters (NUL ends FTS5's C string) and lone surrogates (from a command line that
# was not valid UTF-8; they cannot be bound as UTF-8) are never part of a search word.
_UNSEARCHABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

_V_NUMBER_SEPARATORS = str.maketrans("", "", " .-")


def fold(text: str) -> str:
    """Lowercase and strip diacritics, in any script: ``Çelik`` -> ``celik``, ß -> ``ss``.

    Casefold, compatibility-decompose (NFKD), drop combining marks (canonical combining class
    > 0) and invisible format characters, map the stroke letters above, casefold again (NFKD
    can expose capitals) and recompose (NFC, so Hangul stays syllables).
    Idempotent: ``fold(fold(s)) == fold(s)``.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Format characters (ZWNJ in Persian names, soft hyphens, direction marks from a pasted
    # text) are invisible: a name typed without them must still match.
    stripped = "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
    )
    return unicodedata.normalize("NFC", stripped.casefold().translate(_LATIN_EXTRA))


# Skeleton tokens start with a digit, which no name word does, so a Latin query's skeleton meets
# only Arabic names' skeletons (never ``mrozek`` for ``omar``); V-numbers are not searched in FTS.
SKELETON_MARK = "0"
_WORD_RUNS = re.compile(r"\w+")
# A one-consonant skeleton (``ali`` -> ``l``) as a prefix would match half the Arabic names.
_MIN_SKELETON_PREFIX = 2
_ABD = "bd"


def _index_word(word: str) -> str:
    """One folded word as indexed: itself, its Latin spelling and (Arabic) its skeletons."""
    if not has_other_script(word):
        return word
    forms = [word]
    latin = to_latin(word)
    if latin != word:
        forms.append(latin)
    if is_arabic(word):
        for run in _WORD_RUNS.findall(word):
            skeleton = consonant_skeleton(run)
            if skeleton:
                forms.append(SKELETON_MARK + skeleton)
    return " ".join(forms)


def index_form(text: str) -> str:
    """What the search index holds for a name (the ``name_fold`` column): ``fold(text)`` word by
    word, each word of another script followed by its Latin spelling (and skeleton). It begins
    with the folded name itself, so sorting on it still sorts by the name."""
    if text.isascii():
        return text.lower()
    return " ".join(_index_word(word) for word in fold(text).split(" "))


class WordFolds(dict[str, str]):
    """``index_form`` per word, remembered: a bulk import folds each distinct word once."""

    def __missing__(self, word: str) -> str:
        folded = self[word] = index_form(word)
        return folded

    def fold_many(self, texts: Iterable[str]) -> list[str]:
        """``[index_form(t) for t in texts]``: ASCII texts are only lowercased, other texts are
        done word by word. Exact, because every step of ``fold`` maps a space to itself and never
        joins characters across it, and ``index_form`` works word by word."""
        get = self.__getitem__
        return [
            text.lower() if text.isascii() else " ".join(map(get, text.split(" ")))
            for text in texts
        ]


def _v_number_digits(query: str) -> str | None:
    digits = query.strip().translate(_V_NUMBER_SEPARATORS)
    if digits and digits.isascii() and digits.isdigit():
        return digits
    return None


def is_v_number_query(query: str) -> bool:
    """A complete V-number (10 digits; spaces, dots and hyphens between them are ignored)."""
    digits = _v_number_digits(query)
    return digits is not None and len(digits) == 10


def v_number_prefix(query: str) -> str | None:
    """The digits of a query made only of (at most 10) digits, for a prefix match on V-numbers;
    None when the query is not a V-number (part)."""
    digits = _v_number_digits(query)
    if digits is None or len(digits) > 10:
        return None
    return digits


def search_tokens(query: str) -> list[str]:
    """The folded words of a query; words without a letter or digit are dropped (the tokenizer
    treats them as separators anyway)."""
    cleaned = _UNSEARCHABLE.sub(" ", query)
    return [tok for tok in fold(cleaned).split() if any(ch.isalnum() for ch in tok)]


def fts_query(query: str) -> str:
    """A safe FTS5 MATCH expression: every word a quoted string, the last one a prefix.

    Quoting makes every character literal (``"`` is doubled), so AND/OR/NOT/NEAR, ``*``, ``^``,
    ``:``, parentheses and column filters typed by the user are plain text. Returns ``""`` when
    the query has no searchable word; the caller must then not run a MATCH at all.
    """
    tokens = search_tokens(query)
    if not tokens:
        return ""
    groups = []
    for i, token in enumerate(tokens):
        last = i == len(tokens) - 1
        alternatives = [_quoted(to_latin(token), prefix=last)]
        skeleton = consonant_skeleton(token)
        if skeleton:
            prefix = last and len(skeleton) >= _MIN_SKELETON_PREFIX
            alternatives.append(_quoted(SKELETON_MARK + skeleton, prefix=prefix))
            if skeleton.startswith(_ABD) and len(skeleton) > len(_ABD):
                # "Abdullah" is written as two words, عبد الله: the servant and the name.
                rest = _quoted(SKELETON_MARK + skeleton[len(_ABD) :], prefix=last)
                alternatives.append(f"({_quoted(SKELETON_MARK + _ABD, prefix=False)} AND {rest})")
        groups.append(
            alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"
        )
    # FTS5 joins parenthesised groups only with an explicit AND.
    return " AND ".join(groups)


def _quoted(term: str, *, prefix: bool) -> str:
    return '"' + term.replace('"', '""') + '"' + ("*" if prefix else "")

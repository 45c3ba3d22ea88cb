"""What the text people type or import may contain.

Two levels, each a pure check that raises InvalidInput naming the field and the character:

- Free text (reasons, notes, comments, descriptions, report texts): no control characters
  (C0, DEL, C1), except line break and tab where the text may have several lines; and no lone
  surrogate (half of a UTF-16 pair). Lone surrogates arrive from command-line bytes that are not
  UTF-8 (Python's ``surrogateescape``) or from a JSON ``"\\ud800"``; nothing can store, hash or
  print them as UTF-8, so they are refused here rather than crash a write later.
- Names and other one-line labels (people, subjects, titles, references): besides, no invisible
  format character (Unicode category Cf). Bidi embedding, override and isolate controls and the
  direction marks would let a name show as another one (or reorder the text around it in a
  list, a PDF or the audit log); zero-width spaces, word joiners, soft hyphens and BOMs make two
  names that look equal differ. Escape sequences are covered by the control rule (ESC is C0).
  The exception is the zero-width (non-)joiner: Arabic, Persian and the Indic scripts need it to
  choose a letter form (Persian "می‌خواهم", Devanagari "क्‍ष"), so it is allowed right after a
  character of such a script, when what follows is another such character, a space or the end
  (a Malayalam chillu ends a word with one). Between two Latin letters it is refused.

Names are stored NFC with their whitespace collapsed (``collapse``): equal names compare equal.
Search folding (``search_text``) works on any normal form and is left alone.
"""

from __future__ import annotations

import re
import unicodedata

from desktop_app.domain.errors import InvalidInput

__all__ = ["check_name", "check_text", "collapse", "shown", "strip_invisible"]

ZWNJ = "\u200c"
ZWJ = "\u200d"

# C0 except tab and line feed, DEL, C1, and the surrogate block. A regex, not a loop over
# unicodedata: report texts run to two million characters.
_BAD_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_BAD_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

# Scripts whose letter forms depend on ZWJ/ZWNJ, by the first word of the Unicode character
# name (unicodedata has no script property; the name's prefix is the script for these blocks,
# combining marks such as a virama or a fatha included). Persian, Urdu, Pashto and Kurdish are
# written in the Arabic script.
_JOINING_SCRIPTS = frozenset(
    {
        "ARABIC",
        "SYRIAC",
        "NKO",
        "MANDAIC",
        "MONGOLIAN",
        "HANIFI",
        "DEVANAGARI",
        "BENGALI",
        "GURMUKHI",
        "GUJARATI",
        "ORIYA",
        "TAMIL",
        "TELUGU",
        "KANNADA",
        "MALAYALAM",
        "SINHALA",
        "MYANMAR",
        "KHMER",
    }
)

# Format characters that steer the writing direction (embeddings, overrides, isolates, marks).
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _code(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def shown(value: str, limit: int = 40) -> str:
    """``value`` as it may be quoted in a message: what is not printable as \\u escapes (a
    message must not carry an escape sequence to a terminal, nor a surrogate to a UTF-8 stream),
    and at most ``limit`` characters."""
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    if value.isprintable():
        return value
    return "".join(
        ch if ch.isprintable() else f"\\u{ord(ch):04x}" if ord(ch) > 0xFF else f"\\x{ord(ch):02x}"
        for ch in value
    )


def collapse(value: str) -> str:
    """A name's stored form: runs of whitespace (also tabs and line breaks) as one space, no
    blanks at either end, NFC."""
    return unicodedata.normalize("NFC", " ".join(value.split()))


def _surrogate(label: str, ch: str, field: str) -> InvalidInput:
    return InvalidInput(
        f"{label} bevat een teken dat geen geldige Unicode is ({_code(ch)}, een losse "
        "surrogaathelft; vaak een byte die geen UTF-8 is). Gebruik tekst in UTF-8.",
        field=field,
    )


def _control(label: str, ch: str, field: str, *, multiline: bool) -> InvalidInput:
    if ch in "\n\r" and not multiline:
        return InvalidInput(f"{label} bestaat uit één regel: een regeleinde kan niet.", field=field)
    return InvalidInput(
        f"{label} bevat een stuurteken ({_code(ch)}); dat hoort niet in tekst.", field=field
    )


def check_text(text: str, *, field: str, label: str, multiline: bool = False) -> str:
    """``text`` unchanged if it holds no control character (line feed and tab allowed when
    ``multiline``) and no lone surrogate; else InvalidInput. ``label`` starts the sentence
    ("De reden")."""
    found = (_BAD_MULTILINE if multiline else _BAD_LINE).search(text)
    if found is None:
        return text
    ch = found.group()
    if "\ud800" <= ch <= "\udfff":
        raise _surrogate(label, ch, field)
    raise _control(label, ch, field, multiline=multiline)


def _script(ch: str) -> str:
    return unicodedata.name(ch, "").split(" ", 1)[0]


def _joiner_needed(text: str, i: int) -> bool:
    """Whether the ZWJ/ZWNJ at ``text[i]`` stands where its script needs it."""
    if i == 0 or _script(text[i - 1]) not in _JOINING_SCRIPTS:
        return False
    return i + 1 == len(text) or text[i + 1] == " " or _script(text[i + 1]) in _JOINING_SCRIPTS


def _name_problem(text: str, i: int, label: str, field: str) -> InvalidInput | None:
    ch = text[i]
    category = unicodedata.category(ch)
    if category == "Cs":
        return _surrogate(label, ch, field)
    if category == "Cc":
        return _control(label, ch, field, multiline=False)
    if category in ("Zl", "Zp"):
        return InvalidInput(f"{label} bestaat uit één regel: een regeleinde kan niet.", field=field)
    if category != "Cf":
        return None
    if ch in (ZWJ, ZWNJ):
        if _joiner_needed(text, i):
            return None
        return InvalidInput(
            f"{label} bevat een onzichtbaar verbindingsteken ({_code(ch)}). Dat is alleen nodig "
            "binnen een schrift als het Arabisch, Perzisch of Devanagari en is hier niet "
            "toegestaan.",
            field=field,
        )
    if ch in _BIDI_CONTROLS:
        return InvalidInput(
            f"{label} bevat een onzichtbaar teken voor de schrijfrichting ({_code(ch)}). Zo'n "
            "teken laat tekst anders tonen dan hij is en is hier niet toegestaan.",
            field=field,
        )
    return InvalidInput(
        f"{label} bevat een onzichtbaar teken ({_code(ch)}). Twee namen die er hetzelfde "
        "uitzien moeten ook gelijk zijn; het teken is hier niet toegestaan.",
        field=field,
    )


def check_name(text: str, *, field: str, label: str) -> str:
    """``text`` unchanged if it is fit for a name or one-line label (see the module's rules);
    else InvalidInput naming the first offending character. Collapsing and NFC are the
    caller's (``collapse``): a reference keeps its own form."""
    # A printable text has no control, format, separator or surrogate character at all: the
    # common name is checked by one C-level call.
    if text.isprintable():
        return text
    for i in range(len(text)):
        problem = _name_problem(text, i, label, field)
        if problem is not None:
            raise problem
    return text


def strip_invisible(text: str) -> str:
    """``text`` without the characters ``check_name`` would refuse, for a label derived from
    other text (a report's title taken from its first line) rather than typed as one."""
    if text.isprintable():
        return text
    kept = [ch for i, ch in enumerate(text) if _name_problem(text, i, "", "") is None]
    return " ".join("".join(kept).split())

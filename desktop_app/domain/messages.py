"""The core's messages in the language a person chose (``--lang en``, ``WERKPLEK_LANG``).

Dutch is the source, in the code as it always was: errors are raised with their Dutch sentence
and nothing at a call site changes. The front ends translate at the one place where a message
reaches a person (the CLI's error and human output, the window's error presenter), through
:func:`translate`, from the catalogue in ``messages_en.py`` (Dutch source -> English).

A catalogue key is the Dutch text with each run-time part as ``{0}``, ``{1}``… (how
tools/extract_messages.py writes an f-string), and the English text uses the same numbers in
the order English needs. A run-time part that is itself a catalogued text (an action such as
"audittrail bekijken", a role, a status phrase such as "in werking sinds {0}") is translated too,
and so is a part that is a Dutch prose date ("geldig tot en met 2 december 2026" -> "valid up to
and including 2 December 2026"): the core keeps writing ``timefmt.prose_date``, which printed
documents and stored texts need in Dutch, and only what reaches a person here reads English. A
message without an entry stays Dutch: better a Dutch sentence than none
(tests/domain/test_messages.py fails on a missing entry).

Qt-free on purpose: the CLI, the services and the window all use it.
"""

from __future__ import annotations

import os
import re
import string
from dataclasses import dataclass
from functools import cache, lru_cache

from desktop_app.domain import timefmt

LANGUAGES = ("nl", "en")
ENV_VAR = "WERKPLEK_LANG"

_state = {"language": "nl"}


def set_language(code: str | None) -> str:
    """Choose the language of the core's messages; anything but English means Dutch."""
    chosen = (code or "").strip().lower()[:2]
    _state["language"] = chosen if chosen in LANGUAGES else "nl"
    return _state["language"]


def language() -> str:
    return _state["language"]


def language_from_environment(flag: str | None = None) -> str:
    """``--lang`` first, then ``WERKPLEK_LANG``; Dutch otherwise."""
    for choice in (flag, os.environ.get(ENV_VAR)):
        if choice and choice.strip().lower()[:2] in LANGUAGES:
            return choice.strip().lower()[:2]
    return "nl"


def N_(text: str) -> str:
    """Marks a Dutch text for people built outside an error (a dashboard sentence) so that
    tools/extract_messages.py catalogues it; returns it unchanged."""
    return text


def translate(text: str) -> str:
    """``text`` in the chosen language (itself in Dutch mode or without an entry)."""
    if _state["language"] != "en" or not text:
        return text
    return english(text)


@lru_cache(maxsize=4096)  # the same labels and words come back for every row of a list
def english(text: str) -> str:
    exact = _exact().get(text) or timefmt.english_prose(text)
    if exact:
        return exact
    return _from_template(text, phrases_only=False) or text


def _from_template(text: str, *, phrases_only: bool) -> str | None:
    """``text`` through the first template it matches; None when none does. ``phrases_only``:
    only templates that begin with words ("in werking sinds {0}"), for a run-time part, so that
    a name or a number is never read as "{0} dagen geleden"."""
    for template in _templates():
        if not text.startswith(template.prefix) or (phrases_only and not template.prefix):
            continue
        match = template.pattern.fullmatch(text)
        if match is not None:
            parts = [_fragment(part) for part in match.groups()]
            try:
                return template.english.format(*parts)
            except (IndexError, KeyError, ValueError):
                return text
    return None


def _fragment(part: str) -> str:
    """A run-time part: translated when it is a catalogued text or phrase, a Dutch prose date,
    or a list of catalogued texts."""
    exact = _exact().get(part) or timefmt.english_prose(part)
    if exact:
        return exact
    phrase = _from_template(part, phrases_only=True)
    if phrase is not None:
        return phrase
    if ", " in part:
        pieces = part.split(", ")
        translated = [_exact().get(p) or p for p in pieces]
        if translated != pieces:
            return ", ".join(translated)
    return part


@dataclass(frozen=True)
class _Template:
    prefix: str  # the literal text before the first run-time part (a cheap first test)
    pattern: re.Pattern[str]
    english: str


def _catalogue() -> dict[str, str]:
    from desktop_app.domain.messages_en import CATALOGUE

    return CATALOGUE


def _unescape(text: str) -> str:
    return text.replace("{{", "{").replace("}}", "}")


@cache
def _exact() -> dict[str, str]:
    """The plain sentences (no run-time part), as they read (a key escapes '{' as '{{')."""
    return {
        _unescape(dutch): _unescape(english_text)
        for dutch, english_text in _catalogue().items()
        if english_text and not placeholders(dutch)
    }


def placeholders(text: str) -> list[str]:
    """The ``{n}`` fields of a catalogue text, in order ([] for a plain sentence)."""
    try:
        return [field for _lit, field, _spec, _conv in string.Formatter().parse(text) if field]
    except ValueError:
        return []


@cache
def _templates() -> tuple[_Template, ...]:
    out: list[tuple[int, _Template]] = []
    for dutch, english_text in _catalogue().items():
        if not english_text or not placeholders(dutch):
            continue
        regex = []
        prefix = None
        for literal, field, _spec, _conv in string.Formatter().parse(dutch):
            regex.append(re.escape(literal))
            if prefix is None:
                prefix = literal
            if field is not None:
                regex.append("(.*?)")
        size = sum(len(lit) for lit, _f, _s, _c in string.Formatter().parse(dutch))
        out.append((size, _Template(prefix or "", re.compile("".join(regex), re.S), english_text)))
    # The most specific template wins: the longest literal prefix, then the most literal text
    # ("'{0}' is geen map." before "'{0}' is {1}.").
    out.sort(key=lambda item: (-len(item[1].prefix), -item[0]))
    return tuple(template for _size, template in out)

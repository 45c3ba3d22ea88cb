"""The core's messages in the language a person chose (``--lang en``, ``WERKPLEK_LANG``).

Dutch is the source, in the code as it always was: errors are raised with their Dutch sentence
and nothing at a call site changes. The front ends translate at the one place where a message
reaches a person (the CLI's error and human output, the window's error presenter), through
:func:`translate`, from the catalogue in ``messages_en.py`` (Dutch source -> English).

A catalogue key is the Dutch text with each run-time part as ``{0}``, ``{1}``… (how
tools/extract_messages.py writes an f-string), and the English text uses the same numbers in
the order English needs. A run-time part that is itself a catalogued text (an action such as
"audittrail bekijken", a role) is translated too. A message without an entry stays Dutch: better
a Dutch sentence than none (tests/domain/test_messages.py fails on a missing entry).

Qt-free on purpose: the CLI, the services and the window all use it.
"""

from __future__ import annotations

import os
import re
import string
from dataclasses import dataclass
from functools import cache, lru_cache

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
    exact = _exact().get(text)
    if exact:
        return exact
    for template in _templates():
        if not text.startswith(template.prefix):
            continue
        match = template.pattern.fullmatch(text)
        if match is not None:
            parts = [_fragment(part) for part in match.groups()]
            try:
                return template.english.format(*parts)
            except (IndexError, KeyError, ValueError):
                return text
    return text


def _fragment(part: str) -> str:
    """A run-time part: translated when it is a catalogued text, or a list of them."""
    exact = _exact().get(part)
    if exact:
        return exact
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

"""Parsing a typed choice (a StrEnum value) from user input, with one kind of error."""

from __future__ import annotations

import enum
from typing import TypeVar

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.text import shown

E = TypeVar("E", bound=enum.StrEnum)


def parse_choice(cls: type[E], value: str, *, unknown: str, field: str) -> E:
    """``cls(value)`` ignoring case and surrounding blanks; otherwise InvalidInput that names
    the allowed values (``unknown`` starts the sentence, e.g. "Onbekende rol")."""
    try:
        return cls(value.strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in cls)
        raise InvalidInput(
            f"{unknown} '{shown(value)}'. Kies uit: {allowed}.", field=field
        ) from None

"""Argument types shared by the commands: they raise InvalidInput naming the field."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.errors import InvalidInput


def parse_date(value: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            f"'{value}' is geen geldige datum (JJJJ-MM-DD) voor --{field}.", field=field
        ) from None


def optional_date(value: str | None, field: str) -> dt.date | None:
    return None if value is None else parse_date(value, field)

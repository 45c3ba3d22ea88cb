"""Time as a dependency: every rule that depends on 'now' or 'today' takes a Clock."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """An aware datetime in UTC."""
        ...

    def today(self) -> dt.date:
        """Today's date at the workstation (Europe/Amsterdam civil date)."""
        ...


def _amsterdam() -> dt.tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Amsterdam")
    except Exception:  # tzdata missing: fall back to CET, good enough for a date
        return dt.timezone(dt.timedelta(hours=1), "CET")


LOCAL_TZ = _amsterdam()

_MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(day: dt.date) -> str:
    """'12 maart 2025': a date as Dutch text says it, whatever the machine's locale."""
    return f"{day.day} {_MONTHS_NL[day.month - 1]} {day.year}"


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        return self.now().astimezone(LOCAL_TZ).date()


class FixedClock:
    """A clock for tests and the demo: it only moves when told to."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = start

    def now(self) -> dt.datetime:
        return self._now

    def today(self) -> dt.date:
        return self._now.astimezone(LOCAL_TZ).date()

    def advance(self, delta: dt.timedelta) -> None:
        self._now = self._now + delta

    def set(self, when: dt.datetime) -> None:
        self._now = when

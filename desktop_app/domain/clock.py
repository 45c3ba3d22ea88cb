"""Time as a dependency: every rule that depends on 'now' or 'today' takes a Clock."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from desktop_app.domain.timefmt import ZONE, prose_date


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """An aware datetime in UTC."""
        ...

    def today(self) -> dt.date:
        """Today's date at the workstation (Europe/Amsterdam civil date)."""
        ...


# The one zone and date wording live in timefmt; these names stay for the callers of old.
LOCAL_TZ = ZONE
dutch_date = prose_date


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

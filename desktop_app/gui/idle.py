"""Idle-lock policy, Qt-free: when was the last input, and has the timeout passed?

Time comes from the injected Clock, so tests advance a FixedClock instead of waiting.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.clock import Clock

DEFAULT_IDLE_MINUTES = 5
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 120


def parse_idle_minutes(value: str | None) -> int:
    """The workspace setting ``idle_minutes``; missing or nonsense falls back to the default,
    and the value is kept within sane bounds (a huge value would switch the lock off)."""
    if value is None:
        return DEFAULT_IDLE_MINUTES
    try:
        minutes = int(value.strip())
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, minutes))


class IdlePolicy:
    def __init__(self, clock: Clock, timeout: dt.timedelta) -> None:
        if timeout <= dt.timedelta(0):
            raise ValueError("idle timeout must be positive")
        self._clock = clock
        self.timeout = timeout
        self._last = clock.now()

    @property
    def last_activity(self) -> dt.datetime:
        return self._last

    def touch(self) -> None:
        """Input happened now."""
        now = self._clock.now()
        if now > self._last:
            self._last = now

    def remaining(self) -> dt.timedelta:
        return max(dt.timedelta(0), self._last + self.timeout - self._clock.now())

    def expired(self) -> bool:
        # A clock that stepped back does not postpone the lock forever: it only counts forward.
        return self._clock.now() - self._last >= self.timeout

"""Idle-lock policy, Qt-free: when was the last input, and has the timeout passed?

Time comes from the injected Clock, so tests advance a FixedClock instead of waiting.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.clock import Clock
from desktop_app.domain.session_limit import SessionMaximum


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


# The session maximum is a rule of the core (a clock stepped back must not extend it): the
# window uses it under its old name.
SessionLimit = SessionMaximum

"""When a session must end regardless of use: the absolute maximum (``session_max_hours``,
LOCK-6, ASVS 7.3.2), counted from the sign-in.

The injected clock is wall time, and wall time can be set back (by hand, by a bad time
server): ``now - started`` would then shrink and the session outlive its maximum. So the
maximum counts only the clock's forward steps (a step back counts nothing, counting goes on
from there) and, as a floor, a monotonic clock (which no one sets), whichever is further.
A step forward counts: it ends a session early, never late.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from desktop_app.domain.clock import Clock


class SessionMaximum:
    def __init__(
        self,
        clock: Clock,
        maximum: dt.timedelta,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if maximum <= dt.timedelta(0):
            raise ValueError("session maximum must be positive")
        self._clock = clock
        self.maximum = maximum
        self.started = clock.now()
        self._last = self.started
        self._counted = dt.timedelta(0)
        self._monotonic = monotonic
        self._ticks_at_start = monotonic()

    def elapsed(self) -> dt.timedelta:
        """How long the session has run, as far as the maximum is concerned."""
        now = self._clock.now()
        if now > self._last:
            self._counted += now - self._last
        self._last = now
        ticks = dt.timedelta(seconds=max(0.0, self._monotonic() - self._ticks_at_start))
        return max(self._counted, ticks)

    def remaining(self) -> dt.timedelta:
        return max(dt.timedelta(0), self.maximum - self.elapsed())

    def expired(self) -> bool:
        return self.elapsed() >= self.maximum

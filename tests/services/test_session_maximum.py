"""The session maximum (``session_max_hours``, LOCK-6): when a session must end is a rule of
the core, counted on the injected clock, and a clock stepped back does not extend it."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.session_limit import SessionMaximum

START = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)


class _Ticks:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


def test_the_maximum_passes_on_the_injected_clock() -> None:
    clock, ticks = FixedClock(START), _Ticks()
    limit = SessionMaximum(clock, dt.timedelta(hours=12), monotonic=ticks)
    clock.advance(dt.timedelta(hours=11, minutes=59))
    assert not limit.expired()
    clock.advance(dt.timedelta(minutes=1))
    assert limit.expired()


def test_a_clock_stepped_back_does_not_extend_the_session() -> None:
    """Eleven hours in, the wall clock is set back three hours (by hand, a bad NTP server):
    the session still ends one hour later, not four."""
    clock, ticks = FixedClock(START), _Ticks()
    limit = SessionMaximum(clock, dt.timedelta(hours=12), monotonic=ticks)
    clock.advance(dt.timedelta(hours=11))
    assert not limit.expired()
    clock.advance(dt.timedelta(hours=-3))
    assert not limit.expired()
    clock.advance(dt.timedelta(minutes=59))
    assert not limit.expired()
    clock.advance(dt.timedelta(minutes=1))
    assert limit.expired()


def test_a_clock_stepped_back_between_two_looks_is_caught_by_the_monotonic_clock() -> None:
    """Nobody looked while the wall clock was set back (a suspended machine, a stalled poll):
    the monotonic clock still counted the hours that really passed."""
    clock, ticks = FixedClock(START), _Ticks()
    limit = SessionMaximum(clock, dt.timedelta(hours=12), monotonic=ticks)
    clock.advance(dt.timedelta(hours=10))
    ticks.value += 12 * 3600
    assert limit.expired()


def test_the_window_uses_the_core_rule() -> None:
    from desktop_app.gui.idle import SessionLimit

    assert SessionLimit is SessionMaximum
    with pytest.raises(ValueError):
        SessionMaximum(FixedClock(START), dt.timedelta(0))

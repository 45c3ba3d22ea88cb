"""The working-day calendar of the Algemene termijnenwet (Atw).

A working day is a weekday that is not one of the holidays of art. 3 Atw and not a day that a
decree equates with them ("Besluit gelijkstelling ...", art. 3 lid 3) or a local closure day.
Decree days and closure days are data maintained by the administrator; the statutory days are
computed here. The ``holidays`` package is deliberately not used: its NL calendar has 5 May only
every fifth year and no decree days.

Deadlines are recorded together with ``AtwCalendar.version`` so that a later change of the data
(a new decree) can be traced to the deadlines it would have changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

# Art. 2.2 covenant: the deadline is ten working days after the day of receipt.
REQUEST_TERM_WORKING_DAYS = 10

# Published decree days (Staatscourant). New ones are added by the administrator as data; this
# constant is what schema steps 2 and 7 seed. 2017-2019: the Royal Decree of 31 October 2016
# (Stcrt. 2016, 58653); the covenant applies from 8 March 2019, so its 2019 days count. No decree
# days for 2020-2022 are known to the workspace.
DECREES_2016: frozenset[dt.date] = frozenset(
    dt.date.fromisoformat(s)
    for s in (
        "2017-04-28",
        "2017-05-26",
        "2018-05-11",
        "2018-12-24",
        "2018-12-31",
        "2019-05-31",
        "2019-12-27",
    )
)
KNOWN_DECREE_DAYS: frozenset[dt.date] = DECREES_2016 | frozenset(
    dt.date.fromisoformat(s)
    for s in (
        "2023-04-28",
        "2023-05-19",
        "2024-05-10",
        "2024-12-27",
        "2025-05-30",
        "2026-01-02",
        "2026-05-15",
        "2027-05-07",
        "2028-04-28",
        "2028-05-26",
    )
)

DECREE_DAY_NAME = "bij besluit gelijkgestelde dag"
CLOSURE_DAY_NAME = "sluitingsdag"
_WEEKEND_NAMES = {5: "zaterdag", 6: "zondag"}

# Part of the fingerprint: bump when the statutory rules in this module change, so deadlines
# computed under the old rules remain distinguishable.
_RULES_VERSION = "atw-1"

_ONE_DAY = dt.timedelta(days=1)


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def kings_day(year: int) -> dt.date:
    """The day the King's (before 2014: the Queen's) birthday is celebrated.

    From 2014: 27 April, or 26 April when the 27th is a Sunday. 1949-2013: 30 April, or 29 April
    when the 30th is a Sunday (kept so that historical data get correct deadlines too).
    """
    day = dt.date(year, 4, 27) if year >= 2014 else dt.date(year, 4, 30)
    if day.weekday() == 6:
        day -= _ONE_DAY
    return day


def statutory_holidays(year: int) -> dict[dt.date, str]:
    """The days of art. 3 Atw in ``year`` with their Dutch names (weekend days included)."""
    easter = easter_sunday(year)
    entries = (
        (dt.date(year, 1, 1), "Nieuwjaarsdag"),
        (easter - dt.timedelta(days=2), "Goede Vrijdag"),
        (easter + dt.timedelta(days=1), "Tweede Paasdag"),
        (kings_day(year), "Koningsdag"),
        (dt.date(year, 5, 5), "Bevrijdingsdag"),
        (easter + dt.timedelta(days=39), "Hemelvaartsdag"),
        (easter + dt.timedelta(days=50), "Tweede Pinksterdag"),
        (dt.date(year, 12, 25), "Eerste Kerstdag"),
        (dt.date(year, 12, 26), "Tweede Kerstdag"),
    )
    days: dict[dt.date, str] = {}
    for day, name in entries:
        # Ascension Day can fall on 5 May (e.g. 2016): show both names.
        days[day] = f"{days[day]} en {name}" if day in days else name
    return days


def _weekdays_through(ordinal: int) -> int:
    """Number of Monday-Friday days with ordinal 1..ordinal (ordinal 1, 0001-01-01, is a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return 5 * weeks + min(rest, 5)


def calendar_version(extra_days: Iterable[dt.date]) -> str:
    """A short, deterministic fingerprint of the rules plus the extra non-working days."""
    payload = _RULES_VERSION + ":" + ",".join(d.isoformat() for d in sorted(set(extra_days)))
    return hashlib.sha256(payload.encode("ascii")).hexdigest()[:12]


# The years the calendar view checks for decree days: from the first year of the oldest decree
# the workspace knows through a few years ahead (a decree covers about three years and is
# published well before them, so a year this close without days means one is missing).
FIRST_DECREE_YEAR = 2017
DECREE_LOOKAHEAD_YEARS = 3


def years_without_decree_days(
    decree_days: Iterable[dt.date], from_year: int, through_year: int
) -> tuple[int, ...]:
    """The years from ``from_year`` through ``through_year`` that have no decree day (art. 3
    lid 3 Atw) yet: deadlines in them would miss the days a coming decree adds. The decree is
    published about every three years, so the first such year tells the administrator when the
    next one is due in the calendar."""
    have = {d.year for d in decree_days}
    return tuple(y for y in range(from_year, through_year + 1) if y not in have)


def decree_years_checked(today: dt.date) -> tuple[int, int]:
    """The (first, last) year the administrator is told about: FIRST_DECREE_YEAR through
    DECREE_LOOKAHEAD_YEARS after this year."""
    return FIRST_DECREE_YEAR, today.year + DECREE_LOOKAHEAD_YEARS


@dataclass(frozen=True)
class AtwCalendar:
    """Working days per the Algemene termijnenwet, plus decree days and local closure days.

    Immutable; the per-year holiday sets and the deadline for each receipt date are memoised in
    the instance (a bulk import computes the same few hundred deadlines a million times).
    """

    decree_days: frozenset[dt.date] = KNOWN_DECREE_DAYS
    closure_days: frozenset[dt.date] = frozenset()
    version: str = field(init=False)
    _year_cache: dict[int, _YearInfo] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    _deadline_cache: dict[dt.date, dt.date] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        # Accept any iterable of dates from callers that build the calendar from storage rows.
        object.__setattr__(self, "decree_days", frozenset(self.decree_days))
        object.__setattr__(self, "closure_days", frozenset(self.closure_days))
        object.__setattr__(self, "version", calendar_version(self.extra_days))

    @classmethod
    def default(cls) -> AtwCalendar:
        """The statutory calendar with the known decree days and no closure days."""
        return cls()

    @property
    def extra_days(self) -> frozenset[dt.date]:
        return self.decree_days | self.closure_days

    def with_extra_days(
        self,
        *,
        decree_days: Iterable[dt.date] = (),
        closure_days: Iterable[dt.date] = (),
    ) -> AtwCalendar:
        """A new calendar with more decree and/or closure days (and a new version)."""
        return AtwCalendar(
            decree_days=self.decree_days | frozenset(decree_days),
            closure_days=self.closure_days | frozenset(closure_days),
        )

    # -- single days -------------------------------------------------------------------------

    def _year(self, year: int) -> _YearInfo:
        info = self._year_cache.get(year)
        if info is None:
            info = _YearInfo.build(year, self.decree_days, self.closure_days)
            self._year_cache[year] = info
        return info

    def is_working_day(self, day: dt.date) -> bool:
        if day.weekday() >= 5:
            return False
        return day not in self._year(day.year).off

    def reason_not_working(self, day: dt.date) -> str | None:
        """Why ``day`` is not a working day (Dutch, for the UI), or None for a working day.

        A holiday's name wins over the weekend ("Eerste Kerstdag" rather than "zaterdag").
        """
        name = self._year(day.year).names.get(day)
        if name is not None:
            return name
        return _WEEKEND_NAMES.get(day.weekday())

    def non_working_days(self, year: int) -> dict[dt.date, str]:
        """Every non-working weekday of ``year`` with its reason (for the admin's overview)."""
        names = self._year(year).names
        return {d: names[d] for d in sorted(names) if d.weekday() < 5}

    # -- counting ----------------------------------------------------------------------------

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (``start`` itself not counted).

        Negative ``n`` counts backwards: the |n|-th working day before ``start``. ``n == 0``
        returns ``start`` unchanged, working day or not.
        """
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        remaining = abs(n)
        day = start
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in the half-open interval (start, end]; negative when end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        weekdays = _weekdays_through(end.toordinal()) - _weekdays_through(start.toordinal())
        off = 0
        for year in range(start.year, end.year + 1):
            ordinals = self._year(year).off_weekday_ordinals
            lo = bisect_right(ordinals, start.toordinal()) if year == start.year else 0
            hi = bisect_right(ordinals, end.toordinal()) if year == end.year else len(ordinals)
            off += hi - lo
        return weekdays - off

    def deadline_for(self, received: dt.date) -> dt.date:
        """Ten working days after the day of receipt, the day of receipt not counted."""
        deadline = self._deadline_cache.get(received)
        if deadline is None:
            deadline = self.add_working_days(received, REQUEST_TERM_WORKING_DAYS)
            self._deadline_cache[received] = deadline
        return deadline

    def working_day_number(self, received: dt.date, today: dt.date) -> int:
        """Which working day of the term ``today`` is: 0 on the day of receipt, 10 on the
        deadline. On a non-working day it is the number of the last working day before it."""
        return self.working_days_between(received, today)

    def remaining_working_days(self, deadline: dt.date, today: dt.date) -> int:
        """Working days in (today, deadline]: 0 on the deadline, negative once past it."""
        return self.working_days_between(today, deadline)


@dataclass(frozen=True)
class _YearInfo:
    names: dict[dt.date, str]
    off: frozenset[dt.date]
    off_weekday_ordinals: tuple[int, ...]

    @staticmethod
    def build(
        year: int, decree_days: frozenset[dt.date], closure_days: frozenset[dt.date]
    ) -> _YearInfo:
        names = statutory_holidays(year)
        for extra, label in ((decree_days, DECREE_DAY_NAME), (closure_days, CLOSURE_DAY_NAME)):
            for day in extra:
                if day.year == year and day not in names:
                    names[day] = label
        off = frozenset(names)
        ordinals = tuple(sorted(d.toordinal() for d in off if d.weekday() < 5))
        return _YearInfo(names=names, off=off, off_weekday_ordinals=ordinals)


__all__ = [
    "CLOSURE_DAY_NAME",
    "DECREES_2016",
    "DECREE_DAY_NAME",
    "DECREE_LOOKAHEAD_YEARS",
    "FIRST_DECREE_YEAR",
    "KNOWN_DECREE_DAYS",
    "REQUEST_TERM_WORKING_DAYS",
    "AtwCalendar",
    "calendar_version",
    "decree_years_checked",
    "easter_sunday",
    "kings_day",
    "statutory_holidays",
    "years_without_decree_days",
]

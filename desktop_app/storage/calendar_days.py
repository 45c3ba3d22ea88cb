"""The administrator's calendar data: decree days (art. 3 lid 3 Atw) and local closure days.

The statutory holidays are computed by ``domain.calendar``; only the extra days live here.
"""

from __future__ import annotations

import datetime as dt
import enum
import threading
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.storage.db import Connection


class DayKind(enum.StrEnum):
    DECREE = "decree"
    CLOSURE = "closure"

    @property
    def label_nl(self) -> str:
        return "bij besluit gelijkgestelde dag" if self is DayKind.DECREE else "sluitingsdag"


@dataclass(frozen=True, slots=True)
class CalendarDay:
    day: dt.date
    kind: DayKind
    description: str
    added_by: str
    added_at: str

    def as_dict(self) -> dict[str, str]:
        return {
            "date": self.day.isoformat(),
            "kind": self.kind.value,
            "description": self.description,
            "added_by": self.added_by,
            "added_at": self.added_at,
        }


_SELECT = "SELECT day, kind, description, added_by, added_at FROM calendar_days"


def _day(row: Any) -> CalendarDay:
    return CalendarDay(dt.date.fromisoformat(row[0]), DayKind(row[1]), row[2], row[3], row[4])


def all_days(conn: Connection) -> list[CalendarDay]:
    return [_day(r) for r in conn.execute(_SELECT + " ORDER BY day").fetchall()]


def get_day(conn: Connection, day: dt.date) -> CalendarDay | None:
    row = conn.execute(_SELECT + " WHERE day = ?", (day.isoformat(),)).fetchone()
    return None if row is None else _day(row)


def insert_day(conn: Connection, day: CalendarDay) -> None:
    conn.execute(
        "INSERT INTO calendar_days (day, kind, description, added_by, added_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (day.day.isoformat(), day.kind.value, day.description, day.added_by, day.added_at),
    )


def delete_day(conn: Connection, day: dt.date) -> bool:
    cur = conn.execute("DELETE FROM calendar_days WHERE day = ?", (day.isoformat(),))
    return bool(cur.rowcount)


# Calendars are immutable and memoise their deadlines, so one instance per set of days is kept
# (a bulk import then computes each distinct deadline once, across imports too).
_CACHE: dict[tuple[frozenset[dt.date], frozenset[dt.date]], AtwCalendar] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_MAX = 16


def load_calendar(conn: Connection) -> AtwCalendar:
    """The working-day calendar as the administrator has configured it."""
    decree: set[dt.date] = set()
    closure: set[dt.date] = set()
    for day_text, kind in conn.execute("SELECT day, kind FROM calendar_days"):
        (decree if kind == DayKind.DECREE.value else closure).add(dt.date.fromisoformat(day_text))
    key = (frozenset(decree), frozenset(closure))
    with _CACHE_LOCK:
        calendar = _CACHE.get(key)
        if calendar is None:
            if len(_CACHE) >= _CACHE_MAX:
                _CACHE.clear()
            calendar = AtwCalendar(decree_days=key[0], closure_days=key[1])
            _CACHE[key] = calendar
    return calendar

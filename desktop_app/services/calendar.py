"""The working-day calendar the administrator maintains (decree and closure days, art. 3 Atw)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.domain.calendar import (
    AtwCalendar,
    decree_years_checked,
    years_without_decree_days,
)
from desktop_app.domain.errors import InvalidInput, NotFound
from desktop_app.domain.roles import ADMIN_ONLY
from desktop_app.domain.settings import WARN_FROM_DAY
from desktop_app.domain.text import check_text, collapse
from desktop_app.domain.timefmt import prose_date
from desktop_app.services import settings
from desktop_app.services.session import Session, Tx
from desktop_app.storage import audit
from desktop_app.storage import calendar_days as repo
from desktop_app.storage import requests as request_repo
from desktop_app.storage.calendar_days import CalendarDay, DayKind


@dataclass(frozen=True)
class CalendarChange:
    day: CalendarDay
    deadlines_changed: int
    calendar_version: str

    def as_dict(self) -> dict[str, object]:
        return {
            **self.day.as_dict(),
            "deadlines_changed": self.deadlines_changed,
            "calendar_version": self.calendar_version,
        }


def load_calendar(session: Session) -> AtwCalendar:
    """The calendar deadlines are computed with (not audited: it holds no personal data)."""
    with session.reading() as conn:
        return repo.load_calendar(conn)


def list_days(session: Session) -> list[CalendarDay]:
    session.require_audited(ADMIN_ONLY, "kalender beheren", "calendar.list", "calendar")
    with session.reading() as conn:
        return repo.all_days(conn)


def missing_decree_years(days: Sequence[CalendarDay], today: dt.date) -> tuple[int, ...]:
    """The years the administrator is told have no decree day recorded (from the first decree
    the workspace knows through a few years ahead): 2020-2022 until someone records them, and
    the years whose decree is not yet published."""
    first, last = decree_years_checked(today)
    decree = (d.day for d in days if d.kind is DayKind.DECREE)
    return years_without_decree_days(decree, first, last)


def _kind(kind: str) -> DayKind:
    try:
        return DayKind(kind.strip().lower())
    except ValueError:
        raise InvalidInput(
            "Kies als soort 'decree' (bij besluit) of 'closure' (sluitingsdag).", field="kind"
        ) from None


def _deadlines_follow(tx: Tx, record: CalendarDay) -> CalendarChange:
    """After ``record`` was added or removed: open requests whose term contains the day get the
    new calendar's deadline (closed ones keep theirs), and the audit entry says how many."""
    new_calendar = repo.load_calendar(tx.conn)
    changed = request_repo.recompute_open_deadlines(tx.conn, record.day, new_calendar)
    tx.details = {
        "kind": record.kind.value,
        "deadlines_changed": changed,
        "calendar_version": new_calendar.version,
    }
    return CalendarChange(record, changed, new_calendar.version)


def add_day(session: Session, day: dt.date, *, kind: str, description: str) -> CalendarChange:
    """Add a decree or closure day. Open requests whose term contains it get a new deadline
    (recorded with the new calendar version); closed requests keep theirs."""
    with session.transaction("calendar.add", f"calendar:{day.isoformat()}") as tx:
        session.require(ADMIN_ONLY, "kalender beheren")
        text = collapse(description)
        if not text or len(text) > 200:
            raise InvalidInput("Geef een omschrijving (hoogstens 200 tekens).", field="description")
        check_text(text, field="description", label="De omschrijving")
        if repo.get_day(tx.conn, day) is not None:
            raise InvalidInput(f"{prose_date(day)} staat al in de kalender.", field="date")
        calendar = repo.load_calendar(tx.conn)
        if not calendar.is_working_day(day):
            raise InvalidInput(
                f"{prose_date(day)} is al geen werkdag ({calendar.reason_not_working(day)}).",
                field="date",
            )
        record = CalendarDay(
            day, _kind(kind), text, session.user.name, audit.format_ts(session.clock.now())
        )
        repo.insert_day(tx.conn, record)
        return _deadlines_follow(tx, record)


def remove_day(session: Session, day: dt.date) -> CalendarChange:
    with session.transaction("calendar.remove", f"calendar:{day.isoformat()}") as tx:
        session.require(ADMIN_ONLY, "kalender beheren")
        record = repo.get_day(tx.conn, day)
        if record is None:
            raise NotFound(f"{prose_date(day)} staat niet in de kalender.")
        repo.delete_day(tx.conn, day)
        return _deadlines_follow(tx, record)


def set_warn_from_day(session: Session, day: int) -> int:
    """From which working day of the term the officer is warned (the calendar page's own field;
    the setting is declared in domain.settings like every other)."""
    return int(settings.change(session, WARN_FROM_DAY.key, day).value)

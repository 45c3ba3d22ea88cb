"""Dates and times in the window: between the domain (datetime.date) and Qt's date widgets
(QDate), and every shown moment in the one zone and style of domain.timefmt (Europe/Amsterdam,
``02-12-2026 14:05`` in tables and labels), never the operating system's zone."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from desktop_app.domain import timefmt

# Qt's spelling of timefmt's table date, for date entry fields.
DATE_EDIT_FORMAT = "dd-MM-yyyy"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(parent: QWidget, day: dt.date, *, maximum: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_EDIT_FORMAT)
    if maximum is not None:
        edit.setMaximumDate(qdate(maximum))
    return edit


def shown_date(day: dt.date | None) -> str:
    """'02-12-2026' ('' for none)."""
    return "" if day is None else timefmt.table_date(day)


def shown_time(when: dt.datetime | None) -> str:
    """'02-12-2026 14:05' in Amsterdam time ('' for none)."""
    return "" if when is None else timefmt.table_datetime(when)


def shown_stamp(stamp: str | None) -> str:
    """A stored ISO moment as '02-12-2026 14:05' (the text itself when it is none, '' for
    empty)."""
    return timefmt.stored_table_datetime(stamp)


def shown_stamp_date(stamp: str | None) -> str:
    """The Amsterdam date of a stored ISO moment, '02-12-2026'."""
    if not stamp:
        return ""
    when = timefmt.parse_stored(stamp)
    return stamp if when is None else timefmt.table_date(timefmt.local_date(when))

"""Shown time: every moment a person reads (window, CLI lines, PDF) is Dutch civil time in
Europe/Amsterdam, whatever the operating system's zone, in one of two styles.

- prose (sentences, PDF body and footer): ``2 december 2026, 14:05`` / ``2 december 2026``
- tables (lists, columns, compact labels):  ``02-12-2026 14:05`` / ``02-12-2026``

Prose is Dutch in ``prose_date``/``prose_datetime`` whatever the language: printed documents and
stored texts use them. A sentence on the screen uses ``shown_prose_date``/``shown_prose_datetime``,
which follow the chosen language (``2 December 2026`` in English mode); the core's Dutch
sentences get the same through ``domain.messages.translate``, which reads a Dutch prose date
back with ``english_prose`` (docs/translations.md).

Stored moments stay UTC ISO 8601 (storage.audit.format_ts) and the CLI's JSON keeps its contract
(dates ``YYYY-MM-DD``, times ISO 8601 with offset): only what people read goes through here.

The zone comes from the ``tzdata`` package first, so a workstation whose system zone files are
missing or old (Windows, a slim container, a PyInstaller bundle) shows what the PDF prints. A
fixed offset is never used as a fallback: that is how the screen once said 21:22 and the PDF
22:23 for the same signing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from importlib import resources
from zoneinfo import ZoneInfo

ZONE_NAME = "Europe/Amsterdam"

MONTHS_NL = (
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

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# A Dutch prose date or moment as prose_date/prose_datetime write it, and nothing more.
_DUTCH_PROSE = re.compile(
    r"(\d{1,2}) (" + "|".join(MONTHS_NL) + r") (\d{4})(, \d{2}:\d{2})?", re.ASCII
)


def _load_zone() -> dt.tzinfo:
    try:
        source = resources.files("tzdata.zoneinfo")
        for part in ZONE_NAME.split("/"):
            source = source.joinpath(part)
        with source.open("rb") as handle:
            return ZoneInfo.from_file(handle, key=ZONE_NAME)
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        # Not installed as the lock file says: the system's zone files, by name.
        return ZoneInfo(ZONE_NAME)


ZONE = _load_zone()


def local(when: dt.datetime) -> dt.datetime:
    """``when`` in Amsterdam civil time; a naive datetime is taken as UTC (how we store)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(ZONE)


def local_date(when: dt.datetime) -> dt.date:
    """The civil date in Amsterdam at moment ``when`` (what 'today' means for a deadline)."""
    return local(when).date()


def parse_stored(stamp: str) -> dt.datetime | None:
    """A stored ISO 8601 moment (naive read as UTC); None when it is not one."""
    try:
        when = dt.datetime.fromisoformat(stamp.strip())
    except (ValueError, AttributeError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


# --- prose --------------------------------------------------------------------------------------


def _spelled_date(day: dt.date, months: Sequence[str]) -> str:
    return f"{day.day} {months[day.month - 1]} {day.year}"


def _date_and_time(when: dt.datetime, date_text: Callable[[dt.date], str], clock: str) -> str:
    """``date_text`` of the Amsterdam date of moment ``when``, then its Amsterdam time as the
    strftime format ``clock`` writes it (the separator included)."""
    moment = local(when)
    return date_text(moment.date()) + moment.strftime(clock)


def prose_date(day: dt.date) -> str:
    """'2 december 2026': a date as a Dutch sentence says it, whatever the machine's locale."""
    return _spelled_date(day, MONTHS_NL)


def prose_datetime(when: dt.datetime) -> str:
    """'2 december 2026, 14:05' in Amsterdam time."""
    return _date_and_time(when, prose_date, ", %H:%M")


def english_date(day: dt.date) -> str:
    """'2 December 2026': the English of prose_date (day first, as the Dutch)."""
    return _spelled_date(day, MONTHS_EN)


def shown_prose_date(day: dt.date) -> str:
    """A date inside a sentence on the screen or in the CLI's lines, in the chosen language:
    '2 december 2026', or '2 December 2026' in English mode. Never for print or storage."""
    return english_date(day) if _english() else prose_date(day)


def shown_prose_datetime(when: dt.datetime) -> str:
    """'2 december 2026, 14:05' (English mode: '2 December 2026, 14:05') in Amsterdam time."""
    return _date_and_time(when, shown_prose_date, ", %H:%M")


def english_prose(text: str) -> str | None:
    """The English of a text that is exactly a Dutch prose date or moment ('2 december 2026',
    '2 december 2026, 14:05'); None for any other text."""
    match = _DUTCH_PROSE.fullmatch(text)
    if match is None:
        return None
    day, month, year, time = match.groups()
    return f"{int(day)} {MONTHS_EN[MONTHS_NL.index(month)]} {year}{time or ''}"


def _english() -> bool:
    # The language is chosen in domain.messages, which imports this module: read at call time.
    from desktop_app.domain.messages import language

    return language() == "en"


# --- tables -------------------------------------------------------------------------------------


def table_date(day: dt.date) -> str:
    """'02-12-2026'."""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def table_datetime(when: dt.datetime) -> str:
    """'02-12-2026 14:05' in Amsterdam time."""
    return _date_and_time(when, table_date, " %H:%M")


def table_datetime_seconds(when: dt.datetime) -> str:
    """'02-12-2026 14:05:09' in Amsterdam time (the audit trail, where seconds order events)."""
    return _date_and_time(when, table_date, " %H:%M:%S")


def _stored(stamp: str | None, shown: Callable[[dt.datetime], str]) -> str:
    """A stored moment as ``shown`` writes it; the text itself when it is no moment, '' for
    none."""
    if not stamp:
        return ""
    when = parse_stored(stamp)
    return stamp if when is None else shown(when)


def stored_table_datetime(stamp: str | None) -> str:
    """A stored moment in the table style; the text itself when it is no moment, '' for none."""
    return _stored(stamp, table_datetime)


def stored_prose_datetime(stamp: str | None) -> str:
    return _stored(stamp, prose_datetime)


def iso_local(when: dt.datetime) -> str:
    """ISO 8601 with Amsterdam's offset, to the second (``2026-12-02T14:05:09+01:00``): for
    machine-readable exports that a person may also read (the audit CSV)."""
    return local(when).isoformat(timespec="seconds")

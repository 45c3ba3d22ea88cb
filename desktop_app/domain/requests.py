"""Requests (naslagverzoeken, covenant art. 2.2-2.3): validation, workflow and derived flags.

Pure functions: "today" is always passed in (from a Clock), deadlines come from an AtwCalendar.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from desktop_app.domain.calendar import REQUEST_TERM_WORKING_DAYS, AtwCalendar
from desktop_app.domain.choices import parse_choice
from desktop_app.domain.clock import LOCAL_TZ
from desktop_app.domain.errors import InvalidInput, InvalidState
from desktop_app.domain.text import check_name, check_text, collapse, shown
from desktop_app.domain.timefmt import prose_date

SUBJECT_NAME_MAX_LENGTH = 200
IND_REFERENCE_MAX_LENGTH = 64
REASON_MAX_LENGTH = 2000
EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)
# The covenant's predecessors date from 2013; anything before 2000 is a typing error.
EARLIEST_RECEIVED = dt.date(2000, 1, 1)
DEFAULT_WARN_FROM_DAY = 8
REFERENCE_PREFIX = "NV"
REFERENCE_MAX_SEQUENCE = 999_999


class Purpose(enum.StrEnum):
    """Why the IND asks; each purpose has its own legal basis."""

    ASYLUM = "asylum"
    RESIDENCE = "residence"
    NATURALISATION = "naturalisation"
    OTHER = "other"

    @property
    def legal_basis(self) -> str:
        return _LEGAL_BASIS[self]

    @property
    def label_nl(self) -> str:
        return _PURPOSE_LABELS_NL[self]

    @classmethod
    def parse(cls, value: str) -> Purpose:
        return parse_choice(cls, value, unknown="Onbekend doel", field="purpose")


# `other` (e.g. a request in a visa or nationality-loss matter outside the two acts): the AIVD's
# own power to provide data to a body that can take measures is the basis then, so the register
# names the Wiv 2017 rather than pretending one of the IND's acts applies.
_LEGAL_BASIS = {
    Purpose.ASYLUM: "Vreemdelingenwet 2000",
    Purpose.RESIDENCE: "Vreemdelingenwet 2000",
    Purpose.NATURALISATION: "Rijkswet op het Nederlanderschap 2003",
    Purpose.OTHER: "Wet op de inlichtingen- en veiligheidsdiensten 2017",
}

_PURPOSE_LABELS_NL = {
    Purpose.ASYLUM: "asiel",
    Purpose.RESIDENCE: "verblijf",
    Purpose.NATURALISATION: "naturalisatie",
    Purpose.OTHER: "overig",
}


class RequestStatus(enum.StrEnum):
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    CLOSED_NO_DATA = "closed_no_data"
    REPORT_IN_PREPARATION = "report_in_preparation"
    CLOSED_REPORT_ISSUED = "closed_report_issued"

    @property
    def is_closed(self) -> bool:
        return self in CLOSED_STATUSES

    @property
    def label_nl(self) -> str:
        return _STATUS_LABELS_NL[self]

    @classmethod
    def parse(cls, value: str) -> RequestStatus:
        return parse_choice(cls, value, unknown="Onbekende status", field="status")


CLOSED_STATUSES: frozenset[RequestStatus] = frozenset(
    {RequestStatus.CLOSED_NO_DATA, RequestStatus.CLOSED_REPORT_ISSUED}
)
OPEN_STATUSES: frozenset[RequestStatus] = frozenset(RequestStatus) - CLOSED_STATUSES

_STATUS_LABELS_NL = {
    RequestStatus.RECEIVED: "ontvangen",
    RequestStatus.IN_PROGRESS: "in behandeling",
    RequestStatus.CLOSED_NO_DATA: "afgesloten zonder ambtsbericht",
    RequestStatus.REPORT_IN_PREPARATION: "ambtsbericht in voorbereiding",
    RequestStatus.CLOSED_REPORT_ISSUED: "afgesloten, ambtsbericht uitgebracht",
}

# domain.md: received -> in_progress -> closed_no_data | report_in_preparation
#            -> closed_report_issued. Closed is final.
ALLOWED_TRANSITIONS: Mapping[RequestStatus, frozenset[RequestStatus]] = {
    RequestStatus.RECEIVED: frozenset({RequestStatus.IN_PROGRESS}),
    RequestStatus.IN_PROGRESS: frozenset(
        {RequestStatus.CLOSED_NO_DATA, RequestStatus.REPORT_IN_PREPARATION}
    ),
    RequestStatus.REPORT_IN_PREPARATION: frozenset({RequestStatus.CLOSED_REPORT_ISSUED}),
    RequestStatus.CLOSED_NO_DATA: frozenset(),
    RequestStatus.CLOSED_REPORT_ISSUED: frozenset(),
}


def can_transition(current: RequestStatus, target: RequestStatus) -> bool:
    return target in ALLOWED_TRANSITIONS[current]


def transition(current: RequestStatus, target: RequestStatus) -> RequestStatus:
    """Return ``target`` if the workflow allows moving there from ``current``."""
    if can_transition(current, target):
        return target
    if current.is_closed:
        raise InvalidState(
            f"Het verzoek is al afgesloten ({current.label_nl}); "
            f"het kan niet meer naar '{target.label_nl}'."
        )
    raise InvalidState(
        f"Een verzoek met status '{current.label_nl}' kan niet naar '{target.label_nl}'."
    )


def close_without_report(current: RequestStatus, reason: str) -> tuple[RequestStatus, str]:
    """Close a request without an ambtsbericht: the oversight committee wants the reason."""
    cleaned = _clean_text(
        reason, field="reason", label="De reden", max_length=REASON_MAX_LENGTH, multiline=True
    )
    if cleaned is None:
        raise InvalidInput(
            "Geef een reden op waarom het verzoek zonder ambtsbericht wordt afgesloten.",
            field="reason",
        )
    return transition(current, RequestStatus.CLOSED_NO_DATA), cleaned


# -- references ----------------------------------------------------------------------------


def format_reference(year: int, seq: int) -> str:
    """``NV-2026-000123``: the year of receipt and a per-year sequence number."""
    if not 1 <= seq <= REFERENCE_MAX_SEQUENCE:
        raise ValueError(f"sequence number out of range: {seq}")
    if not 1000 <= year <= 9999:
        raise ValueError(f"year out of range: {year}")
    return f"{REFERENCE_PREFIX}-{year:04d}-{seq:06d}"


def parse_reference(reference: str) -> tuple[int, int]:
    """The (year, sequence) of a reference made by ``format_reference``."""
    parts = reference.strip().upper().split("-")
    if (
        len(parts) == 3
        and parts[0] == REFERENCE_PREFIX
        and len(parts[1]) == 4
        and len(parts[2]) == 6
        and (parts[1] + parts[2]).isascii()
        and (parts[1] + parts[2]).isdigit()
        and int(parts[2]) >= 1
    ):
        return int(parts[1]), int(parts[2])
    raise InvalidInput(
        f"'{shown(reference)}' is geen geldig kenmerk (verwacht bijvoorbeeld NV-2026-000123).",
        field="reference",
    )


def _dutch_count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def check_reference_room(
    rows_per_year: Mapping[int, int], last_per_year: Mapping[int, int]
) -> None:
    """Refuse an import before any work when a year of receipt would run out of reference
    numbers (at most REFERENCE_MAX_SEQUENCE a year: the format has six digits)."""
    for year in sorted(rows_per_year):
        rows, last = rows_per_year[year], last_per_year.get(year, 0)
        if last + rows > REFERENCE_MAX_SEQUENCE:
            free = max(REFERENCE_MAX_SEQUENCE - last, 0)
            raise InvalidState(
                f"Het bestand bevat {_dutch_count(rows)} verzoeken ontvangen in {year}, maar "
                f"voor {year} zijn nog {_dutch_count(free)} kenmerken vrij (hoogstens "
                f"{_dutch_count(REFERENCE_MAX_SEQUENCE)} per jaar). Er is niets ingelezen; "
                "splits het bestand of overleg met de beheerder."
            )


# -- validation of a new request -----------------------------------------------------------


class RequestDraft(NamedTuple):
    """A validated new request, before storage gives it an id, reference and deadline.

    A NamedTuple rather than a frozen dataclass: an import makes one per row, and a frozen
    dataclass's ``__init__`` (one ``object.__setattr__`` per field) cost half the parse time."""

    subject_name: str
    v_number: str
    purpose: Purpose
    received: dt.date
    birth_date: dt.date | None = None
    nationality: str | None = None
    ind_reference: str | None = None

    def deadline(self, calendar: AtwCalendar) -> dt.date:
        return calendar.deadline_for(self.received)


def validate_subject_name(value: str) -> str:
    """Any script; whitespace collapsed and NFC-normalised so equal names compare equal, and
    none of the invisible characters ``text.check_name`` refuses."""
    name = collapse(value)
    if not name:
        raise InvalidInput("De naam van de betrokkene is verplicht.", field="subject_name")
    if len(name) > SUBJECT_NAME_MAX_LENGTH:
        raise InvalidInput(
            f"De naam van de betrokkene is langer dan {SUBJECT_NAME_MAX_LENGTH} tekens.",
            field="subject_name",
        )
    return check_name(name, field="subject_name", label="De naam van de betrokkene")


def validate_v_number(value: str) -> str:
    v_number = value.strip()
    if len(v_number) != 10 or not v_number.isascii() or not v_number.isdigit():
        raise InvalidInput(
            f"Het V-nummer '{shown(value)}' is ongeldig: het bestaat uit precies 10 cijfers.",
            field="v_number",
        )
    return v_number


def validate_nationality(value: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 or alpha-3 code (also ICAO's XXA/XXB/XXC/XXX), stored uppercase.

    Only the form is checked: pycountry is not a dependency and the IND uses codes (stateless,
    unknown) that are not in ISO 3166 anyway.
    """
    if value is None:
        return None
    stripped = value.strip()
    if not stripped:
        return None
    # isascii before upper(): "ß".upper() is "SS".
    code = stripped.upper() if stripped.isascii() else stripped
    if len(code) not in (2, 3) or not code.isascii() or not code.isalpha():
        raise InvalidInput(
            f"De nationaliteit '{shown(value)}' is ongeldig: gebruik een landcode van 2 of 3 "
            "letters (ISO 3166-1, bijvoorbeeld NL of NLD).",
            field="nationality",
        )
    return code


def validate_ind_reference(value: str | None) -> str | None:
    """Kept as given (trimmed, not normalised): it is the IND's own reference. Held to the
    rules of a name: a reference is a one-line label that people compare by eye."""
    reference = _clean_text(
        value, field="ind_reference", label="Het IND-kenmerk", max_length=IND_REFERENCE_MAX_LENGTH
    )
    if reference is None:
        return None
    return check_name(reference, field="ind_reference", label="Het IND-kenmerk")


def validate_birth_date(value: dt.date | None, *, today: dt.date) -> dt.date | None:
    if value is None:
        return None
    if value > today:
        raise InvalidInput("De geboortedatum ligt in de toekomst.", field="birth_date")
    if value < EARLIEST_BIRTH_DATE:
        raise InvalidInput("De geboortedatum ligt vóór 1900.", field="birth_date")
    return value


def validate_received(value: dt.date, *, today: dt.date) -> dt.date:
    if value > today:
        raise InvalidInput("De ontvangstdatum ligt in de toekomst.", field="received")
    if value < EARLIEST_RECEIVED:
        raise InvalidInput("De ontvangstdatum ligt vóór 2000.", field="received")
    return value


def validate_request(
    *,
    subject_name: str,
    v_number: str,
    purpose: Purpose | str,
    received: dt.date,
    today: dt.date,
    birth_date: dt.date | None = None,
    nationality: str | None = None,
    ind_reference: str | None = None,
) -> RequestDraft:
    """Check and normalise a new request; raises InvalidInput naming the first bad field."""
    name = validate_subject_name(subject_name)
    v_num = validate_v_number(v_number)
    purp = purpose if isinstance(purpose, Purpose) else Purpose.parse(purpose)
    born = validate_birth_date(birth_date, today=today)
    recv = validate_received(received, today=today)
    if born is not None and recv < born:
        raise InvalidInput("De ontvangstdatum ligt vóór de geboortedatum.", field="received")
    return RequestDraft(
        subject_name=name,
        v_number=v_num,
        purpose=purp,
        received=recv,
        birth_date=born,
        nationality=validate_nationality(nationality),
        ind_reference=validate_ind_reference(ind_reference),
    )


def parse_date(value: str, *, field: str) -> dt.date:
    """``YYYY-MM-DD`` (the contract's format) or ``DD-MM-YYYY`` (what Dutch Excel writes)."""
    text = value.strip()
    if len(text) == 10 and text.isascii():
        try:
            if text[4] == "-" and text[7] == "-":
                return dt.date.fromisoformat(text)
            if text[2] == "-" and text[5] == "-":
                return dt.date(int(text[6:]), int(text[3:5]), int(text[:2]))
        except ValueError:
            pass
    raise InvalidInput(
        f"'{shown(value)}' is geen geldige datum (verwacht JJJJ-MM-DD, bijvoorbeeld 2026-04-23).",
        field=field,
    )


def _clean_text(
    value: str | None, *, field: str, label: str, max_length: int, multiline: bool = False
) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if len(text) > max_length:
        raise InvalidInput(f"{label} is langer dan {max_length} tekens.", field=field)
    # A Windows line break is a line break; a lone carriage return is a control character.
    checked = text.replace("\r\n", "\n") if multiline else text
    check_text(checked, field=field, label=label, multiline=multiline)
    return text


# -- delay notice ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DelayNotice:
    """The liaison was told the ambtsbericht will not make the deadline (art. 2.3).

    A notice given after the deadline is still recorded (the history must be truthful) but does
    not count as on time: see ``is_on_time``.
    """

    date: dt.date
    reason: str
    by: str
    # Whom: the liaison account informed (login name, and full name as it was then). Notices
    # recorded before the liaison was asked for have none ("niet vastgelegd").
    liaison: str | None = None
    liaison_name: str | None = None
    # When the notice was entered (UTC); None for a notice whose recording time is unknown.
    recorded_at: dt.datetime | None = None
    # The full name of ``by`` (a login name) where one request is shown, for the sentence
    # that names who gave the notice; None in lists and when the account is unknown.
    by_name: str | None = None

    def is_on_time(self, deadline: dt.date) -> bool:
        return self.date <= deadline

    def recorded_afterwards(self, deadline: dt.date) -> bool:
        """Dated on or before the deadline but entered after it: it counts as on time (the
        date is what the officer states), and is marked so that nobody mistakes it for a notice
        recorded when it was given. Judged on the workstation's civil date."""
        return (
            self.recorded_at is not None
            and self.is_on_time(deadline)
            and self.recorded_at.astimezone(LOCAL_TZ).date() > deadline
        )


def check_liaison_account(name: str, *, found: bool, active: bool, is_liaison: bool) -> None:
    """The person informed of a delay is an active account with the IND-liaison role (art.
    1.3: the liaison is the IND's point of contact at the AIVD)."""
    if not found:
        raise InvalidInput(f"Er is geen account '{shown(name)}'.", field="liaison")
    if not is_liaison:
        raise InvalidInput(
            f"'{shown(name)}' is geen IND-liaison; het uitstel wordt aan de liaison gemeld.",
            field="liaison",
        )
    if not active:
        raise InvalidInput(f"Het account '{shown(name)}' is niet actief.", field="liaison")


def check_delay_notice_allowed(status: RequestStatus, existing: DelayNotice | None) -> None:
    """A delay notice is for an open request, once. A closed request has met or missed its
    deadline already (a notice now would rewrite its history); a second notice could overwrite
    one that was on time and turn "late with notice" into "late without"."""
    if status.is_closed:
        raise InvalidState(
            f"Het verzoek is al afgesloten ({status.label_nl}); uitstel melden kan niet meer."
        )
    if existing is not None:
        raise InvalidState(
            f"Er is al uitstel gemeld op {prose_date(existing.date)}; een tweede melding wordt "
            "niet vastgelegd."
        )


def validate_delay_notice(
    *,
    date: dt.date,
    reason: str,
    by: str,
    received: dt.date,
    today: dt.date,
    liaison: str | None = None,
    liaison_name: str | None = None,
    recorded_at: dt.datetime | None = None,
) -> DelayNotice:
    cleaned = _clean_text(
        reason, field="reason", label="De reden", max_length=REASON_MAX_LENGTH, multiline=True
    )
    if cleaned is None:
        raise InvalidInput("Geef de reden van de vertraging op.", field="reason")
    who = by.strip()
    if not who:
        raise InvalidInput("Vermeld wie de liaison heeft geïnformeerd.", field="by")
    if date > today:
        raise InvalidInput("De datum van de melding ligt in de toekomst.", field="date")
    if date < received:
        raise InvalidInput(
            "De datum van de melding ligt vóór de ontvangst van het verzoek.", field="date"
        )
    return DelayNotice(
        date=date,
        reason=cleaned,
        by=who,
        liaison=liaison,
        liaison_name=liaison_name,
        recorded_at=recorded_at,
    )


# -- derived flags -------------------------------------------------------------------------


class Timeliness(enum.StrEnum):
    PENDING = "pending"  # open, deadline not yet passed
    ON_TIME = "on_time"  # closed on or before the deadline
    LATE_WITH_NOTICE = "late_with_notice"
    LATE_WITHOUT_NOTICE = "late_without_notice"


def is_overdue(deadline: dt.date, status: RequestStatus, today: dt.date) -> bool:
    """Past the deadline and not closed."""
    return not status.is_closed and today > deadline


def timeliness(
    *,
    deadline: dt.date,
    status: RequestStatus,
    closed_on: dt.date | None,
    notice_date: dt.date | None,
    today: dt.date,
) -> Timeliness:
    """Late = closed after the deadline, or open past it; "with notice" needs a notice given on
    or before the deadline. A closed request must have a ``closed_on`` date."""
    if status.is_closed:
        if closed_on is None:
            raise ValueError("a closed request needs its closing date")
        late = closed_on > deadline
    else:
        late = today > deadline
    if not late:
        return Timeliness.ON_TIME if status.is_closed else Timeliness.PENDING
    if notice_date is not None and notice_date <= deadline:
        return Timeliness.LATE_WITH_NOTICE
    return Timeliness.LATE_WITHOUT_NOTICE


def late_without_notice(
    *,
    deadline: dt.date,
    status: RequestStatus,
    closed_on: dt.date | None,
    notice_date: dt.date | None,
    today: dt.date,
) -> bool:
    return (
        timeliness(
            deadline=deadline,
            status=status,
            closed_on=closed_on,
            notice_date=notice_date,
            today=today,
        )
        is Timeliness.LATE_WITHOUT_NOTICE
    )


def _check_warn_from_day(warn_from_day: int) -> None:
    if not 1 <= warn_from_day <= REQUEST_TERM_WORKING_DAYS:
        raise InvalidInput(
            f"De waarschuwing moet ingaan op een werkdag van 1 tot en met "
            f"{REQUEST_TERM_WORKING_DAYS}.",
            field="warn_from_day",
        )


def in_warning_zone_by_deadline(
    deadline: dt.date,
    today: dt.date,
    calendar: AtwCalendar,
    warn_from_day: int = DEFAULT_WARN_FROM_DAY,
) -> bool:
    """From working day ``warn_from_day`` of the term up to and including the deadline.

    Working day 8 of a 10-day term means at most 2 working days remain, so the rule is stated on
    the recorded deadline: remaining working days in (today, deadline] <= 10 - warn_from_day.
    """
    _check_warn_from_day(warn_from_day)
    if today > deadline:
        return False
    return calendar.remaining_working_days(deadline, today) <= (
        REQUEST_TERM_WORKING_DAYS - warn_from_day
    )


def in_warning_zone(
    received: dt.date,
    today: dt.date,
    calendar: AtwCalendar,
    warn_from_day: int = DEFAULT_WARN_FROM_DAY,
) -> bool:
    """The officer is warned from working day ``warn_from_day`` until the deadline."""
    return in_warning_zone_by_deadline(
        calendar.deadline_for(received), today, calendar, warn_from_day
    )


# -- dashboard -----------------------------------------------------------------------------


class DashboardBucket(enum.StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    WARNING_NO_NOTICE = "warning_no_notice"
    DUE_THIS_WEEK = "due_this_week"
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class DashboardThresholds:
    """Deadline cut-offs for counting buckets in SQL; agrees with ``dashboard_bucket``.

    For an open request with deadline ``d`` (first match wins):
      overdue            d <  today
      due_today          d == today
      warning_no_notice  today < d <= warning_until, and no delay notice on or before d
      due_this_week      today < d <= week_end
      open               otherwise
    Closed requests are ``closed`` whatever their deadline.
    """

    today: dt.date
    warning_until: dt.date
    week_end: dt.date


def dashboard_thresholds(
    today: dt.date, calendar: AtwCalendar, warn_from_day: int = DEFAULT_WARN_FROM_DAY
) -> DashboardThresholds:
    _check_warn_from_day(warn_from_day)
    slack = REQUEST_TERM_WORKING_DAYS - warn_from_day
    # Last date whose remaining working days from today are <= slack: the day before the
    # (slack + 1)-th working day after today. Also right for deadlines on non-working days.
    warning_until = calendar.add_working_days(today, slack + 1) - dt.timedelta(days=1)
    week_end = today + dt.timedelta(days=6 - today.weekday())  # Sunday of this ISO week
    return DashboardThresholds(today=today, warning_until=warning_until, week_end=week_end)


def _settled_bucket(
    deadline: dt.date, status: RequestStatus, today: dt.date
) -> DashboardBucket | None:
    """Closed, overdue or due today: the buckets that need neither calendar nor notice. The
    rest (warning zone, this week) is computed twice on purpose, from the calendar and from
    the thresholds, and a property test holds the two to agree."""
    if status.is_closed:
        return DashboardBucket.CLOSED
    if deadline < today:
        return DashboardBucket.OVERDUE
    if deadline == today:
        return DashboardBucket.DUE_TODAY
    return None


def dashboard_bucket(
    *,
    deadline: dt.date,
    status: RequestStatus,
    notice_date: dt.date | None,
    today: dt.date,
    calendar: AtwCalendar,
    warn_from_day: int = DEFAULT_WARN_FROM_DAY,
) -> DashboardBucket:
    settled = _settled_bucket(deadline, status, today)
    if settled is not None:
        return settled
    notice_on_time = notice_date is not None and notice_date <= deadline
    if not notice_on_time and in_warning_zone_by_deadline(deadline, today, calendar, warn_from_day):
        return DashboardBucket.WARNING_NO_NOTICE
    week_end = today + dt.timedelta(days=6 - today.weekday())
    if deadline <= week_end:
        return DashboardBucket.DUE_THIS_WEEK
    return DashboardBucket.OPEN


def dashboard_bucket_by_thresholds(
    *,
    deadline: dt.date,
    status: RequestStatus,
    notice_date: dt.date | None,
    thresholds: DashboardThresholds,
) -> DashboardBucket:
    """The same classification from precomputed thresholds (what the SQL does)."""
    settled = _settled_bucket(deadline, status, thresholds.today)
    if settled is not None:
        return settled
    notice_on_time = notice_date is not None and notice_date <= deadline
    if not notice_on_time and deadline <= thresholds.warning_until:
        return DashboardBucket.WARNING_NO_NOTICE
    if deadline <= thresholds.week_end:
        return DashboardBucket.DUE_THIS_WEEK
    return DashboardBucket.OPEN


def open_request_warning(v_number: str, open_references: Sequence[str]) -> str | None:
    """Registering a request with the V-number of an open request (issue 12): not refused (a
    second request about the same person is possible), but the person registering is told
    which open request(s) it is, before saving. ``None`` when there is none."""
    if not open_references:
        return None
    refs = ", ".join(open_references)
    which = f"het open verzoek {refs}" if len(open_references) == 1 else f"de open verzoeken {refs}"
    return (
        f"Let op: V-nummer {v_number} hoort bij {which}. Controleer of dit geen dubbele "
        "registratie is."
    )

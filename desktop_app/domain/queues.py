"""What waits for each role (issue 12): the work queues on the dashboard, as rules.

Each queue is either a count of items the person can open (reports in a work list, requests at
or past their term, locked accounts, reports open to inspection) or a state with a date (the
last backup, the inspector's designation, the last audit verification, the first year without
decree days). Which queues a role sees, and when a state needs attention, is decided here; the
service counts (``services.queues``), the window shows.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from desktop_app.domain.messages import N_, translate
from desktop_app.domain.reports import WorkList
from desktop_app.domain.requests import DashboardBucket
from desktop_app.domain.roles import Role
from desktop_app.domain.timefmt import prose_date

__all__ = [
    "DESIGNATION_WARN_DAYS",
    "DUE_BUCKETS",
    "QUEUES_FOR_ROLE",
    "WARNING_BUCKETS",
    "BackupState",
    "DesignationState",
    "Queue",
    "backup_state",
    "count_needs_attention",
    "decree_year_needs_attention",
    "designation_state",
    "due_list_to_open",
    "queues_for",
    "waiting_summary_nl",
]


class Queue(enum.StrEnum):
    # AIVD officer
    RETURNED_TO_ME = "returned_to_me"
    READY_TO_ISSUE = "ready_to_issue"
    REQUESTS_DUE = "requests_due"
    # IND liaison
    AWAITING_MY_REVIEW = "awaiting_my_review"
    JUDGED_BY_ME = "judged_by_me"
    # AIVD signer
    AWAITING_MY_SIGNATURE = "awaiting_my_signature"
    # IND inspector
    OPEN_FOR_INSPECTION = "open_for_inspection"
    MY_DESIGNATION = "my_designation"
    # administrator
    LOCKED_ACCOUNTS = "locked_accounts"
    LAST_BACKUP = "last_backup"
    DECREE_DAYS = "decree_days"
    AUDIT_VERIFICATION = "audit_verification"

    @property
    def label_nl(self) -> str:
        return _LABELS[self]

    @property
    def work_list(self) -> WorkList | None:
        """The report work list the queue counts (None: not a list of reports)."""
        return _WORK_LISTS.get(self)

    @property
    def asks_action(self) -> bool:
        """Items in it wait for this person to act (else it is kept to follow them: what the
        liaison judged waits for the AIVD)."""
        return self not in _FOLLOWED

    @property
    def counted(self) -> bool:
        """A number of items to open (else a state with a date)."""
        return self not in _STATES


_LABELS = {
    Queue.RETURNED_TO_ME: "Terug bij mij (aanpassing wenselijk of teruggestuurd)",
    Queue.READY_TO_ISSUE: "Gereed om uit te brengen",
    Queue.REQUESTS_DUE: "Verzoeken op of over de termijn",
    Queue.AWAITING_MY_REVIEW: "Wacht op mijn beoordeling",
    Queue.JUDGED_BY_ME: "Door mij beoordeeld, wacht op de AIVD",
    Queue.AWAITING_MY_SIGNATURE: "Wacht op mijn ondertekening",
    Queue.OPEN_FOR_INSPECTION: "Open voor inzage",
    Queue.MY_DESIGNATION: "Mijn aanwijzing",
    Queue.LOCKED_ACCOUNTS: "Geblokkeerde accounts",
    Queue.LAST_BACKUP: "Laatste back-up",
    Queue.DECREE_DAYS: "Besluitdagen (Atw)",
    Queue.AUDIT_VERIFICATION: "Laatste controle audittrail",
}

_WORK_LISTS = {
    Queue.RETURNED_TO_ME: WorkList.RETURNED_TO_ME,
    Queue.READY_TO_ISSUE: WorkList.READY_TO_ISSUE,
    Queue.AWAITING_MY_REVIEW: WorkList.AWAITING_MY_REVIEW,
    Queue.JUDGED_BY_ME: WorkList.JUDGED_BY_ME,
    Queue.AWAITING_MY_SIGNATURE: WorkList.AWAITING_MY_SIGNATURE,
}

_FOLLOWED = frozenset({Queue.JUDGED_BY_ME})

_STATES = frozenset(
    {Queue.MY_DESIGNATION, Queue.LAST_BACKUP, Queue.DECREE_DAYS, Queue.AUDIT_VERIFICATION}
)

QUEUES_FOR_ROLE: Mapping[Role, tuple[Queue, ...]] = MappingProxyType(
    {
        Role.AIVD_OFFICER: (Queue.RETURNED_TO_ME, Queue.READY_TO_ISSUE, Queue.REQUESTS_DUE),
        Role.IND_LIAISON: (Queue.AWAITING_MY_REVIEW, Queue.JUDGED_BY_ME),
        Role.AIVD_SIGNER: (Queue.AWAITING_MY_SIGNATURE,),
        Role.IND_INSPECTOR: (Queue.OPEN_FOR_INSPECTION, Queue.MY_DESIGNATION),
        Role.ADMIN: (
            Queue.LOCKED_ACCOUNTS,
            Queue.LAST_BACKUP,
            Queue.DECREE_DAYS,
            Queue.AUDIT_VERIFICATION,
        ),
    }
)


# The officer's "requests due" are those at or past their term: past it or due today. The
# warning zone (no delay notice yet) is not "at the term"; it is told apart beside the count.
DUE_BUCKETS = (DashboardBucket.OVERDUE, DashboardBucket.DUE_TODAY)
WARNING_BUCKETS = (DashboardBucket.WARNING_NO_NOTICE,)


def due_list_to_open(counts: Mapping[DashboardBucket, int | None]) -> DashboardBucket:
    """The request list the "requests due" tile opens: the first bucket it counts
    (``DUE_BUCKETS``), then those its sentence adds (``WARNING_BUCKETS``), that holds a
    request; with none, the first it counts. So a tile that names only warnings opens those,
    not an empty list."""
    told = (*DUE_BUCKETS, *WARNING_BUCKETS)
    return next((b for b in told if counts.get(b)), DUE_BUCKETS[0])


def count_needs_attention(queue: Queue, count: int) -> bool:
    """A counted queue needs the person when it holds anything they are to act on (what is
    only followed, such as what the liaison judged, waits for others)."""
    return count > 0 and queue.asks_action


def waiting_summary_nl(attention: Iterable[Queue]) -> str:
    """The one line over all queues: nothing waits only when no queue needs attention (a
    missing backup or an unverified audit trail waits too, not only items to open)."""
    return waiting_summary(attention, _same)


def waiting_summary(attention: Iterable[Queue], tr: Callable[[str], str] = translate) -> str:
    """``waiting_summary_nl`` in the chosen language (domain.messages)."""
    needing = set(attention)
    wanted = [q for q in Queue if q in needing]
    if not wanted:
        return tr(N_("Er wacht nu niets op u."))
    names = ", ".join(tr(q.label_nl) for q in wanted)
    return tr(N_(f"Aandacht nodig: {names}."))


def _same(text: str) -> str:
    return text


def queues_for(roles: Iterable[Role]) -> tuple[Queue, ...]:
    """The queues of a person with ``roles``, in the order of ``Queue``."""
    wanted = {q for role in roles for q in QUEUES_FOR_ROLE.get(role, ())}
    return tuple(q for q in Queue if q in wanted)


# --- states ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupState:
    last: dt.datetime | None
    age_days: int | None  # whole days since the last backup (None: never)
    reminder_days: int
    overdue: bool

    @property
    def text_nl(self) -> str:
        return self.text(_same)

    def text(self, tr: Callable[[str], str] = translate) -> str:
        """The sentence in the chosen language (``text_nl``: in Dutch)."""
        if self.last is None or self.age_days is None:
            return tr(N_("Er is nog nooit een back-up gemaakt."))
        if self.age_days == 0:
            age = tr(N_("vandaag"))
        elif self.age_days == 1:
            age = tr(N_("gisteren"))
        else:
            age = tr(N_(f"{self.age_days} dagen geleden"))
        text = tr(N_(f"Laatste back-up: {age}."))
        if self.overdue:
            days = self.reminder_days
            text += " " + tr(N_(f"Maak een nieuwe: het is meer dan {days} dagen geleden."))
        return text


def backup_state(last: dt.datetime | None, now: dt.datetime, reminder_days: int) -> BackupState:
    """The age of the last backup and whether it is past the reminder (``backup_reminder_days``
    in ``domain.settings``): never having made one is past it too."""
    if last is None:
        return BackupState(None, None, reminder_days, True)
    age = max(0, (now - last).days)
    return BackupState(last, age, reminder_days, age > reminder_days)


DESIGNATION_WARN_DAYS = 30  # an inspector sees the end of the designation coming this long ahead


@dataclass(frozen=True)
class DesignationState:
    decision_ref: str | None  # the designation in force today (None: none)
    valid_until: dt.date | None
    days_left: int | None  # None: open-ended or none in force
    next_from: dt.date | None  # a designation that has not begun yet
    attention: bool

    @property
    def text_nl(self) -> str:
        return self.text(_same)

    def text(self, tr: Callable[[str], str] = translate) -> str:
        """The sentence in the chosen language (``text_nl``: in Dutch)."""
        ref = self.decision_ref
        if ref is None:
            if self.next_from is not None:
                begins = prose_date(self.next_from)
                return tr(
                    N_(
                        "U heeft vandaag geen geldige aanwijzing; uw aanwijzing gaat in op "
                        f"{begins}."
                    )
                )
            return tr(
                N_(
                    "U heeft geen geldige aanwijzing van de Hoofddirecteur IND; inzage is niet "
                    "mogelijk."
                )
            )
        if self.valid_until is None:
            return tr(N_(f"Aanwijzing {ref}, geldig zonder einddatum."))
        until = prose_date(self.valid_until)
        left = self.days_left
        if left is not None and left <= DESIGNATION_WARN_DAYS:
            if left == 1:
                return tr(N_(f"Aanwijzing {ref}, geldig tot en met {until} (nog {left} dag)."))
            return tr(N_(f"Aanwijzing {ref}, geldig tot en met {until} (nog {left} dagen)."))
        return tr(N_(f"Aanwijzing {ref}, geldig tot en met {until}."))


def designation_state(
    designations: Iterable[tuple[str, dt.date, dt.date | None]], today: dt.date
) -> DesignationState:
    """From the inspector's designations (decision, from, until): the one in force today that
    runs longest, else the next one to begin. Attention: none in force, or its end within
    ``DESIGNATION_WARN_DAYS``."""
    current: tuple[str, dt.date, dt.date | None] | None = None
    upcoming: dt.date | None = None
    for ref, start, until in designations:
        if start > today:
            upcoming = start if upcoming is None else min(upcoming, start)
            continue
        if until is not None and until < today:
            continue
        if current is None or _runs_longer(until, current[2]):
            current = (ref, start, until)
    if current is None:
        return DesignationState(None, None, None, upcoming, True)
    ref, _start, until = current
    left = None if until is None else (until - today).days
    return DesignationState(
        ref, until, left, upcoming, left is not None and left <= DESIGNATION_WARN_DAYS
    )


def _runs_longer(a: dt.date | None, b: dt.date | None) -> bool:
    if a is None:
        return b is not None
    return b is not None and a > b


def decree_year_needs_attention(year: int | None, today: dt.date) -> bool:
    """A year without decree days needs the administrator once it is this year or the next:
    the decree ("Besluit gelijkstelling") is published well ahead, so by then it should be in."""
    return year is not None and year <= today.year + 1

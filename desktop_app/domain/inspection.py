"""Inspection of underlying data at the AIVD office (art. 2.5): who may, and what a session is.

Eligibility is recomputed from the current facts every time it is asked (AUTHZ-3): an inspector
who later takes part in producing the report loses the right at the next check. Services should
check on ``inspect start`` and again before each item is opened.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from desktop_app.domain.classification import Classification
from desktop_app.domain.clock import dutch_date
from desktop_app.domain.designations import DesignationLike, current_designation
from desktop_app.domain.errors import (
    AppError,
    Forbidden,
    InvalidInput,
    InvalidState,
    Involved,
    NotDesignated,
    WrongLocation,
)
from desktop_app.domain.ids import EvidenceId, ReportId, UserId
from desktop_app.domain.roles import Role
from desktop_app.domain.settings import INSPECTION_IDLE_MINUTES
from desktop_app.domain.text import check_text

AIVD_LOCATION = "aivd"
ISSUED_STATUS = "issued"
# The bounds are the setting's own (declared once, in domain.settings).
DEFAULT_IDLE_MINUTES = INSPECTION_IDLE_MINUTES.default
MIN_IDLE_MINUTES = INSPECTION_IDLE_MINUTES.minimum
MAX_IDLE_MINUTES = INSPECTION_IDLE_MINUTES.maximum
NOTES_MAX_LENGTH = 20_000

# --- involvement (condition 2) ---------------------------------------------------------------


class InvolvementKind(enum.StrEnum):
    """How someone took part in producing a report (art. 2.5), for the refusal message."""

    WROTE = "wrote"
    REVISED = "revised"
    SUBMITTED = "submitted"
    ANNOTATED = "annotated"
    JUDGED = "judged"
    SIGNED = "signed"
    ISSUED = "issued"
    CORRECTED = "corrected"
    CLASSIFIED = "classified"
    RETURNED = "returned"
    OTHER = "other"

    @property
    def label_nl(self) -> str:
        return _INVOLVEMENT_LABELS_NL[self]


_INVOLVEMENT_LABELS_NL = {
    InvolvementKind.WROTE: "geschreven",
    InvolvementKind.REVISED: "herzien",
    InvolvementKind.SUBMITTED: "ter beoordeling aangeboden",
    InvolvementKind.ANNOTATED: "geannoteerd",
    InvolvementKind.JUDGED: "beoordeeld",
    InvolvementKind.SIGNED: "ondertekend",
    InvolvementKind.ISSUED: "uitgebracht",
    InvolvementKind.CORRECTED: "gecorrigeerd",
    InvolvementKind.CLASSIFIED: "gerubriceerd",
    InvolvementKind.RETURNED: "teruggestuurd of ingetrokken",
    InvolvementKind.OTHER: "op een andere manier bewerkt",
}

# Event kinds as the spec words them and as the report workflow records them
# (desktop_app.domain.reports.ReportAction), so its ReportEvent can be passed as it is.
_KIND_ALIASES: dict[str, InvolvementKind] = {
    **{k.value: k for k in InvolvementKind},
    "create": InvolvementKind.WROTE,
    "created": InvolvementKind.WROTE,
    "write": InvolvementKind.WROTE,
    "revise": InvolvementKind.REVISED,
    "submit": InvolvementKind.SUBMITTED,
    "annotate": InvolvementKind.ANNOTATED,
    "judge": InvolvementKind.JUDGED,
    "verdict": InvolvementKind.JUDGED,
    "verdict_usable": InvolvementKind.JUDGED,
    "verdict_changes_wanted": InvolvementKind.JUDGED,
    "sign": InvolvementKind.SIGNED,
    "issue": InvolvementKind.ISSUED,
    "correct": InvolvementKind.CORRECTED,
    "set_classification": InvolvementKind.CLASSIFIED,
    # The flow going back (issue 12): the signer judged the text; remarks are annotating.
    "send_back": InvolvementKind.RETURNED,
    "withdraw": InvolvementKind.RETURNED,
    "edit_remark": InvolvementKind.ANNOTATED,
    "withdraw_remark": InvolvementKind.ANNOTATED,
    "handle_remark": InvolvementKind.ANNOTATED,
}

# Reading a report is not producing it. Every other kind in the history counts as involvement,
# also kinds this module does not know (fail closed: a new workflow step cannot silently let
# its actor inspect).
NEUTRAL_KINDS = frozenset({"view", "viewed", "print", "printed", "inspect", "inspected"})


def involvement_kind(kind: str) -> InvolvementKind | None:
    """The involvement an event kind stands for, or None for a neutral (reading) event."""
    key = str(kind).strip().lower()
    if key in NEUTRAL_KINDS:
        return None
    return _KIND_ALIASES.get(key, InvolvementKind.OTHER)


class InvolvementEvent(Protocol):
    """One recorded event in a report's history, on any of its versions."""

    @property
    def kind(self) -> str: ...

    @property
    def actor_id(self) -> int: ...


@dataclass(frozen=True)
class RecordedEvent:
    """A ready-made ``InvolvementEvent``; the workflow's ``ReportEvent`` fits the protocol too."""

    kind: str
    actor_id: UserId


def involvement_of(
    user_id: UserId, history: Iterable[InvolvementEvent]
) -> frozenset[InvolvementKind]:
    """The kinds of involvement ``user_id`` has in the report, from its recorded history."""
    found: set[InvolvementKind] = set()
    for event in history:
        if event.actor_id != user_id:
            continue
        kind = involvement_kind(event.kind)
        if kind is not None:
            found.add(kind)
    return frozenset(found)


def is_involved(user_id: UserId, history: Iterable[InvolvementEvent]) -> bool:
    return bool(involvement_of(user_id, history))


# --- eligibility (conditions 1-4; 5 is per item) ---------------------------------------------


class Condition(enum.Enum):
    """The session-wide conditions of art. 2.5, in the fixed order they are reported."""

    ROLE = "role"
    DESIGNATION = "designation"
    NOT_INVOLVED = "not_involved"
    LOCATION = "location"
    ISSUED = "issued"


_ERROR_CLASSES: dict[Condition, type[AppError]] = {
    Condition.ROLE: Forbidden,
    Condition.DESIGNATION: NotDesignated,
    Condition.NOT_INVOLVED: Involved,
    Condition.LOCATION: WrongLocation,
    Condition.ISSUED: InvalidState,
}


@dataclass(frozen=True)
class Refusal:
    condition: Condition
    message: str

    def error(self) -> AppError:
        return _ERROR_CLASSES[self.condition](self.message)


@dataclass(frozen=True)
class Eligibility:
    """The outcome of ``check_eligibility``: every failed condition, in ``Condition`` order."""

    refusals: tuple[Refusal, ...]
    designation: DesignationLike | None

    @property
    def allowed(self) -> bool:
        return not self.refusals

    @property
    def failed(self) -> tuple[Condition, ...]:
        return tuple(r.condition for r in self.refusals)

    @property
    def messages(self) -> tuple[str, ...]:
        return tuple(r.message for r in self.refusals)

    def raise_if_refused(self) -> None:
        """Raise the error of the first failed condition (its code is the CLI error code)."""
        if self.refusals:
            raise self.refusals[0].error()


def _designation_message(own: Sequence[DesignationLike], today: dt.date) -> str:
    upcoming = [d for d in own if d.valid_from > today]
    if upcoming:
        first = min(upcoming, key=lambda d: d.valid_from)
        return (
            f"Uw aanwijzing door de Hoofddirecteur IND (besluit {first.decision_ref}) gaat pas "
            f"in op {dutch_date(first.valid_from)}; tot dan is inzage niet toegestaan."
        )
    expired = [d for d in own if d.valid_until is not None and d.valid_until < today]
    if expired:
        last = max(expired, key=lambda d: d.valid_until or dt.date.min)
        assert last.valid_until is not None
        return (
            f"Uw aanwijzing door de Hoofddirecteur IND (besluit {last.decision_ref}) is "
            f"verlopen op {dutch_date(last.valid_until)}; voor inzage is een geldige aanwijzing "
            "nodig."
        )
    return (
        "U bent niet door de Hoofddirecteur IND aangewezen voor inzage in onderliggende "
        "gegevens; daarvoor is een geldige aanwijzing nodig."
    )


def _involvement_message(kinds: frozenset[InvolvementKind]) -> str:
    ordered = [k.label_nl for k in InvolvementKind if k in kinds]
    done = ordered[0] if len(ordered) == 1 else ", ".join(ordered[:-1]) + " en " + ordered[-1]
    return (
        f"U was betrokken bij de totstandkoming van dit ambtsbericht (u heeft het {done}) en "
        "mag de onderliggende gegevens daarom niet inzien (art. 2.5 van het convenant)."
    )


def check_eligibility(
    *,
    user_id: UserId,
    roles: Iterable[Role],
    designations: Iterable[DesignationLike],
    history: Iterable[InvolvementEvent],
    workstation_location: str,
    report_status: str,
    today: dt.date,
) -> Eligibility:
    """Evaluate conditions 1-4 of art. 2.5 for one user and one report.

    ``designations`` may include other users' designations; only ``user_id``'s count.
    ``report_status`` and ``workstation_location`` are compared as strings, so the workflow's
    and the settings' StrEnums can be passed as they are.
    """
    refusals: list[Refusal] = []
    if Role.IND_INSPECTOR not in set(roles):
        refusals.append(
            Refusal(
                Condition.ROLE,
                "Inzage in onderliggende gegevens is alleen toegestaan voor een "
                f"{Role.IND_INSPECTOR.label_nl}.",
            )
        )
    own = [d for d in designations if d.user_id == user_id]
    designation = current_designation(own, today)
    if designation is None:
        refusals.append(Refusal(Condition.DESIGNATION, _designation_message(own, today)))
    kinds = involvement_of(user_id, history)
    if kinds:
        refusals.append(Refusal(Condition.NOT_INVOLVED, _involvement_message(kinds)))
    if str(workstation_location) != AIVD_LOCATION:
        refusals.append(
            Refusal(
                Condition.LOCATION,
                "Inzage is alleen mogelijk op een werkplek ten kantore van de AIVD; deze werkplek "
                "is niet als zodanig geregistreerd.",
            )
        )
    if str(report_status) != ISSUED_STATUS:
        refusals.append(
            Refusal(
                Condition.ISSUED,
                "Inzage in onderliggende gegevens is pas mogelijk nadat het ambtsbericht is "
                "uitgebracht.",
            )
        )
    return Eligibility(tuple(refusals), designation)


# --- clearance (condition 5) -------------------------------------------------------------------


class Classified(Protocol):
    @property
    def classification(self) -> Classification: ...


C = TypeVar("C", bound=Classified)


def visible_items(items: Iterable[C], clearance: Classification) -> tuple[C, ...]:
    """The items the clearance covers, in their original order; the rest are not even listed."""
    return tuple(item for item in items if item.classification.covered_by(clearance))


# --- sessions --------------------------------------------------------------------------------


def validate_idle_minutes(value: int) -> int:
    if not MIN_IDLE_MINUTES <= value <= MAX_IDLE_MINUTES:
        raise InvalidInput(
            f"De inactiviteitstijd van een inzagesessie moet tussen {MIN_IDLE_MINUTES} en "
            f"{MAX_IDLE_MINUTES} minuten liggen.",
            field="idle_minutes",
        )
    return value


def idle_expired(last_activity: dt.datetime, now: dt.datetime, idle_minutes: int) -> bool:
    """True from the moment exactly ``idle_minutes`` have passed since the last activity."""
    if idle_minutes <= 0:
        raise ValueError("idle_minutes must be positive")
    return now - last_activity >= dt.timedelta(minutes=idle_minutes)


def normalize_notes(raw: str) -> str:
    notes = raw.replace("\r\n", "\n").strip()
    if len(notes) > NOTES_MAX_LENGTH:
        raise InvalidInput(
            f"De aantekeningen zijn te lang (maximaal {NOTES_MAX_LENGTH} tekens).", field="notes"
        )
    return check_text(notes, field="notes", label="De aantekeningen", multiline=True)


class SessionEventKind(enum.StrEnum):
    START = "start"
    OPEN_ITEM = "open_item"
    CLOSE_ITEM = "close_item"
    ACTIVITY = "activity"  # user input in the window; keeps the session from idling
    IDLE = "idle"
    END = "end"


class EndReason(enum.StrEnum):
    ENDED = "ended"  # by the inspector
    IDLE = "idle"


class SessionState(enum.StrEnum):
    STARTED = "started"
    VIEWING = "viewing"
    ENDED = "ended"


_ITEM_EVENTS = frozenset({SessionEventKind.OPEN_ITEM, SessionEventKind.CLOSE_ITEM})


@dataclass(frozen=True)
class SessionEvent:
    kind: SessionEventKind
    at: dt.datetime
    item_id: EvidenceId | None = None

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise ValueError("session events need an aware datetime")
        if (self.kind in _ITEM_EVENTS) != (self.item_id is not None):
            raise ValueError(f"{self.kind} event: item_id must be given exactly for item events")


@dataclass(frozen=True)
class ViewedItem:
    item_id: EvidenceId
    duration: dt.timedelta
    times_opened: int
    first_opened_at: dt.datetime

    @property
    def seconds(self) -> int:
        return round(self.duration.total_seconds())


def _add_time(
    viewed: tuple[ViewedItem, ...], item: EvidenceId, extra: dt.timedelta
) -> tuple[ViewedItem, ...]:
    return tuple(
        replace(v, duration=v.duration + extra) if v.item_id == item else v for v in viewed
    )


@dataclass(frozen=True)
class InspectionSession:
    """The state machine: started -> viewing item X -> ... -> ended (by the inspector or idle).

    Immutable: ``apply`` returns the next state. Durations of completed views are in ``viewed``
    (in order of first opening); the item being viewed counts from ``current_since``.
    ``allowed_items`` None means unchecked (only for replaying an already-checked log).
    """

    started_at: dt.datetime
    idle_minutes: int
    allowed_items: frozenset[EvidenceId] | None
    last_activity: dt.datetime
    current_item: EvidenceId | None = None
    current_since: dt.datetime | None = None
    viewed: tuple[ViewedItem, ...] = ()
    ended_at: dt.datetime | None = None
    end_reason: EndReason | None = None

    @classmethod
    def begin(
        cls,
        at: dt.datetime,
        allowed_items: frozenset[EvidenceId],
        idle_minutes: int = DEFAULT_IDLE_MINUTES,
    ) -> InspectionSession:
        return cls._begin(at, allowed_items, idle_minutes)

    @classmethod
    def _begin(
        cls, at: dt.datetime, allowed_items: frozenset[EvidenceId] | None, idle_minutes: int
    ) -> InspectionSession:
        if at.tzinfo is None:
            raise ValueError("a session needs an aware datetime")
        validate_idle_minutes(idle_minutes)
        return cls(at, idle_minutes, allowed_items, at)

    @property
    def state(self) -> SessionState:
        if self.ended_at is not None:
            return SessionState.ENDED
        return SessionState.STARTED if self.current_item is None else SessionState.VIEWING

    @property
    def idle_deadline(self) -> dt.datetime:
        return self.last_activity + dt.timedelta(minutes=self.idle_minutes)

    def is_idle(self, now: dt.datetime) -> bool:
        return self.ended_at is None and idle_expired(self.last_activity, now, self.idle_minutes)

    def _ended(self, at: dt.datetime, reason: EndReason) -> InspectionSession:
        viewed = self.viewed
        if self.current_item is not None and self.current_since is not None:
            viewed = _add_time(viewed, self.current_item, at - self.current_since)
        return replace(
            self,
            current_item=None,
            current_since=None,
            viewed=viewed,
            ended_at=at,
            end_reason=reason,
        )

    def expire_if_idle(self, now: dt.datetime) -> InspectionSession:
        """If idle time ran out before ``now``, the session ended at the idle deadline."""
        if self.is_idle(now):
            return self._ended(self.idle_deadline, EndReason.IDLE)
        return self

    def apply(self, event: SessionEvent) -> InspectionSession:
        if self.ended_at is not None:
            raise InvalidState("De inzagesessie is al beëindigd.")
        if event.at < self.last_activity:
            raise InvalidState("Het tijdstip ligt vóór de vorige gebeurtenis in de inzagesessie.")
        if event.kind is SessionEventKind.START:
            raise InvalidState("De inzagesessie is al gestart.")
        if self.is_idle(event.at):
            expired = self.expire_if_idle(event.at)
            if event.kind in (SessionEventKind.IDLE, SessionEventKind.END):
                return expired
            raise InvalidState(
                "De inzagesessie is beëindigd wegens inactiviteit; start een nieuwe sessie."
            )
        if event.kind is SessionEventKind.IDLE:
            return self._ended(event.at, EndReason.IDLE)
        if event.kind is SessionEventKind.END:
            return self._ended(event.at, EndReason.ENDED)
        touched = replace(self, last_activity=event.at)
        if event.kind is SessionEventKind.ACTIVITY:
            return touched
        assert event.item_id is not None
        if event.kind is SessionEventKind.OPEN_ITEM:
            return touched._open(event.item_id, event.at)
        return touched._close(event.item_id, event.at)

    def _open(self, item: EvidenceId, at: dt.datetime) -> InspectionSession:
        if self.allowed_items is not None and item not in self.allowed_items:
            raise Forbidden("Dit item hoort niet bij deze inzage of valt buiten uw rubricering.")
        if item == self.current_item:
            return self
        viewed = self.viewed
        if self.current_item is not None and self.current_since is not None:
            viewed = _add_time(viewed, self.current_item, at - self.current_since)
        if any(v.item_id == item for v in viewed):
            viewed = tuple(
                replace(v, times_opened=v.times_opened + 1) if v.item_id == item else v
                for v in viewed
            )
        else:
            viewed = (*viewed, ViewedItem(item, dt.timedelta(0), 1, at))
        return replace(self, current_item=item, current_since=at, viewed=viewed)

    def _close(self, item: EvidenceId, at: dt.datetime) -> InspectionSession:
        if item != self.current_item or self.current_since is None:
            raise InvalidState("Dit item is niet geopend in de inzagesessie.")
        viewed = _add_time(self.viewed, item, at - self.current_since)
        return replace(self, current_item=None, current_since=None, viewed=viewed)

    def open_item(self, item: EvidenceId, at: dt.datetime) -> InspectionSession:
        return self.apply(SessionEvent(SessionEventKind.OPEN_ITEM, at, item))

    def close_item(self, item: EvidenceId, at: dt.datetime) -> InspectionSession:
        return self.apply(SessionEvent(SessionEventKind.CLOSE_ITEM, at, item))

    def touch(self, at: dt.datetime) -> InspectionSession:
        return self.apply(SessionEvent(SessionEventKind.ACTIVITY, at))

    def end(self, at: dt.datetime) -> InspectionSession:
        return self.apply(SessionEvent(SessionEventKind.END, at))

    def finish(self, now: dt.datetime) -> InspectionSession:
        """End the session for ``inspect end``: at the idle deadline if it had already idled."""
        if self.ended_at is not None:
            return self
        return self.end(now)

    def viewed_items(self, now: dt.datetime) -> tuple[ViewedItem, ...]:
        """Per-item viewing time as of ``now``; an open item counts until ``now`` or the end."""
        session = self.expire_if_idle(now)
        if session.current_item is None or session.current_since is None:
            return session.viewed
        extra = max(now - session.current_since, dt.timedelta(0))
        return _add_time(session.viewed, session.current_item, extra)


def replay(
    events: Iterable[SessionEvent],
    *,
    allowed_items: frozenset[EvidenceId] | None,
    idle_minutes: int = DEFAULT_IDLE_MINUTES,
) -> InspectionSession:
    """Rebuild a session from its recorded events (the first must be ``start``)."""
    session: InspectionSession | None = None
    for event in events:
        if session is None:
            if event.kind is not SessionEventKind.START:
                raise InvalidState("Een inzagesessie begint met een startgebeurtenis.")
            session = InspectionSession._begin(event.at, allowed_items, idle_minutes)
        else:
            session = session.apply(event)
    if session is None:
        raise InvalidState("Een inzagesessie begint met een startgebeurtenis.")
    return session


def viewing_durations(
    events: Iterable[SessionEvent],
    now: dt.datetime,
    *,
    idle_minutes: int = DEFAULT_IDLE_MINUTES,
) -> tuple[ViewedItem, ...]:
    """Per-item viewing time from a recorded log (which was checked when it was recorded)."""
    return replay(events, allowed_items=None, idle_minutes=idle_minutes).viewed_items(now)


@dataclass(frozen=True)
class InspectionRecord:
    """The data of the "verslag van inzage": who, when, which report, which items, notes."""

    inspector_id: UserId
    report_id: ReportId
    designation_ref: str
    started_at: dt.datetime
    ended_at: dt.datetime
    end_reason: EndReason
    items: tuple[ViewedItem, ...]
    notes: str

    @property
    def duration(self) -> dt.timedelta:
        return self.ended_at - self.started_at

    @property
    def total_viewing(self) -> dt.timedelta:
        return sum((v.duration for v in self.items), dt.timedelta(0))


def build_record(
    session: InspectionSession,
    *,
    inspector_id: UserId,
    report_id: ReportId,
    designation_ref: str,
    notes: str = "",
) -> InspectionRecord:
    """Make the record of an ended session (call ``session.finish(now)`` first)."""
    if session.ended_at is None or session.end_reason is None:
        raise InvalidState("De inzagesessie is nog niet beëindigd.")
    return InspectionRecord(
        inspector_id=inspector_id,
        report_id=report_id,
        designation_ref=designation_ref,
        started_at=session.started_at,
        ended_at=session.ended_at,
        end_reason=session.end_reason,
        items=session.viewed,
        notes=normalize_notes(notes),
    )

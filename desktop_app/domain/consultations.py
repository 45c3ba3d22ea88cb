"""The periodic consultation of the heads of the AIVD and the IND (covenant art. 3.2).

A consultation is recorded once, after it was held: its date, who took part for each service
(at least one of each: it is an overleg between the two), the period it discussed, that
period's figures frozen as of a stated moment (the statistics as computed then, stored and
never recomputed: a later entry must not change the papers the heads had before them), the
decisions taken and the action points, each with an owner and a due date. The only later change
is marking an action point done, once, which is its own audited change.

Pure rules: "today" and "now" come from the caller's clock.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.choices import parse_choice
from desktop_app.domain.clock import LOCAL_TZ
from desktop_app.domain.errors import InvalidInput, InvalidState
from desktop_app.domain.statistics import STATISTICS_KEYS, end_of_day
from desktop_app.domain.text import check_name, check_text, collapse, shown
from desktop_app.domain.timefmt import prose_date

NAME_MAX_LENGTH = 200
FUNCTION_MAX_LENGTH = 200
DECISIONS_MAX_LENGTH = 20_000
ACTION_MAX_LENGTH = 2_000
MAX_PARTICIPANTS = 50
MAX_ACTIONS = 100
# The covenant dates from 2019; its predecessor from 2013. Earlier is a typing error.
EARLIEST_DATE = dt.date(2013, 1, 1)
MAX_PERIOD_DAYS = 366 * 20


class Service(enum.StrEnum):
    AIVD = "aivd"
    IND = "ind"

    @property
    def label_nl(self) -> str:
        return "AIVD" if self is Service.AIVD else "IND"

    @classmethod
    def parse(cls, value: str) -> Service:
        return parse_choice(cls, value, unknown="Onbekende dienst", field="service")


@dataclass(frozen=True, slots=True)
class Participant:
    service: Service
    name: str
    function: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"service": self.service.value, "name": self.name, "function": self.function}


@dataclass(frozen=True, slots=True)
class ActionPoint:
    """An agreed action: what, who answers for it, by when; done once, with date and who
    marked it (``done_by``, an account name)."""

    description: str
    owner: str
    due: dt.date
    id: int | None = None
    position: int = 0
    done_on: dt.date | None = None
    done_by: str | None = None

    @property
    def done(self) -> bool:
        return self.done_on is not None

    def is_overdue(self, today: dt.date) -> bool:
        return not self.done and today > self.due

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "position": self.position,
            "description": self.description,
            "owner": self.owner,
            "due": self.due.isoformat(),
            "done": self.done,
            "done_on": None if self.done_on is None else self.done_on.isoformat(),
            "done_by": self.done_by,
        }


@dataclass(frozen=True, slots=True)
class ConsultationDraft:
    """A consultation as validated, before its figures are frozen and it is stored."""

    held_on: dt.date
    period_from: dt.date
    period_to: dt.date
    as_of: dt.datetime
    participants: tuple[Participant, ...]
    decisions: str
    actions: tuple[ActionPoint, ...]


@dataclass(frozen=True, slots=True)
class Consultation:
    id: int
    held_on: dt.date
    period_from: dt.date
    period_to: dt.date
    as_of: dt.datetime
    figures: Mapping[str, Any]  # the statistics' extended shape as computed at ``as_of``
    participants: tuple[Participant, ...]
    decisions: str
    actions: tuple[ActionPoint, ...]
    recorded_by: str
    recorded_at: dt.datetime

    def open_actions(self) -> int:
        return sum(1 for a in self.actions if not a.done)

    def _when(self) -> dict[str, Any]:
        """The keys both JSON shapes open with, in this order."""
        return {
            "id": self.id,
            "held_on": self.held_on.isoformat(),
            "period_from": self.period_from.isoformat(),
            "period_to": self.period_to.isoformat(),
            "as_of": self.as_of.isoformat(),
        }

    def summary_dict(self) -> dict[str, Any]:
        """What ``consultation list`` shows of one consultation: no decisions, no figures."""
        return {
            **self._when(),
            "participants": len(self.participants),
            "actions": len(self.actions),
            "open_actions": self.open_actions(),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            **self._when(),
            "participants": [p.as_dict() for p in self.participants],
            "figures": dict(self.figures),
            "decisions": self.decisions,
            "actions": [a.as_dict() for a in self.actions],
            "recorded_by": self.recorded_by,
            "recorded_at": self.recorded_at.isoformat(),
        }


def _name(value: str, *, field: str, label: str, max_length: int) -> str:
    text = collapse(check_name(value, field=field, label=label))
    if not text:
        raise InvalidInput(f"{label} is leeg.", field=field)
    if len(text) > max_length:
        raise InvalidInput(f"{label} is langer dan {max_length} tekens.", field=field)
    return text


def validate_participants(
    participants: Iterable[tuple[Service | str, str, str | None]],
) -> tuple[Participant, ...]:
    """Each (service, name, function): a name and a known service; at least one person of each
    service, nobody twice."""
    result: list[Participant] = []
    seen: set[tuple[Service, str]] = set()
    for service, name, function in participants:
        svc = service if isinstance(service, Service) else Service.parse(service)
        clean = _name(
            name, field="participant", label="De naam van een deelnemer", max_length=NAME_MAX_LENGTH
        )
        role = None
        if function is not None and function.strip():
            role = _name(
                function,
                field="participant",
                label=f"De functie van {shown(clean)}",
                max_length=FUNCTION_MAX_LENGTH,
            )
        key = (svc, clean.casefold())
        if key in seen:
            raise InvalidInput(
                f"{shown(clean)} ({svc.label_nl}) staat twee keer bij de deelnemers.",
                field="participant",
            )
        seen.add(key)
        result.append(Participant(svc, clean, role))
    if len(result) > MAX_PARTICIPANTS:
        raise InvalidInput(
            f"Een overleg heeft hoogstens {MAX_PARTICIPANTS} deelnemers.", field="participant"
        )
    missing = [s.label_nl for s in Service if all(p.service is not s for p in result)]
    if missing:
        raise InvalidInput(
            "Het overleg is tussen beide diensten: vermeld ten minste één deelnemer van de "
            + " en van de ".join(missing)
            + ".",
            field="participant",
        )
    return tuple(result)


def validate_action(
    description: str, owner: str, due: dt.date, *, held_on: dt.date, position: int = 0
) -> ActionPoint:
    text = description.strip()
    if not text:
        raise InvalidInput("Een actiepunt zonder omschrijving kan niet.", field="action")
    if len(text) > ACTION_MAX_LENGTH:
        raise InvalidInput(
            f"De omschrijving van een actiepunt is langer dan {ACTION_MAX_LENGTH} tekens.",
            field="action",
        )
    check_text(text, field="action", label="De omschrijving van een actiepunt", multiline=True)
    who = _name(
        owner,
        field="action",
        label="De eigenaar van een actiepunt",
        max_length=NAME_MAX_LENGTH,
    )
    if due < held_on:
        raise InvalidInput(
            f"De streefdatum van actiepunt '{shown(text)}' ({prose_date(due)}) ligt vóór het "
            f"overleg ({prose_date(held_on)}).",
            field="action",
        )
    return ActionPoint(description=text, owner=who, due=due, position=position)


def default_as_of(held_on: dt.date, now: dt.datetime) -> dt.datetime:
    """The figures as they stood at the end of the day of the consultation, or now if that day
    has not ended yet."""
    return end_of_day(held_on, now)


def check_as_of(as_of: dt.datetime, *, period_from: dt.date, now: dt.datetime) -> dt.datetime:
    """A moment not in the future, on or after the start of the period (before it nothing of
    the period can have been recorded)."""
    if as_of.tzinfo is None:
        raise InvalidInput("Het peilmoment heeft geen tijdzone.", field="as_of")
    if as_of > now:
        raise InvalidInput("Het peilmoment ligt in de toekomst.", field="as_of")
    if as_of.astimezone(LOCAL_TZ).date() < period_from:
        raise InvalidInput(
            "Het peilmoment ligt vóór het begin van de periode; dan is er nog niets te tellen.",
            field="as_of",
        )
    return as_of.astimezone(dt.UTC)


def validate_consultation(
    *,
    held_on: dt.date,
    period_from: dt.date,
    period_to: dt.date,
    participants: Iterable[tuple[Service | str, str, str | None]],
    decisions: str,
    actions: Sequence[tuple[str, str, dt.date]],
    now: dt.datetime,
    as_of: dt.datetime | None = None,
) -> ConsultationDraft:
    today = now.astimezone(LOCAL_TZ).date()
    if held_on > today:
        raise InvalidInput(
            "De datum van het overleg ligt in de toekomst; leg een overleg vast als het is "
            "gehouden.",
            field="held_on",
        )
    if held_on < EARLIEST_DATE or period_from < EARLIEST_DATE:
        raise InvalidInput(
            f"Een datum vóór {prose_date(EARLIEST_DATE)} is geen datum van dit convenant.",
            field="held_on" if held_on < EARLIEST_DATE else "from",
        )
    if period_to < period_from:
        raise InvalidInput("De einddatum van de periode ligt vóór de begindatum.", field="to")
    if (period_to - period_from).days > MAX_PERIOD_DAYS:
        raise InvalidInput("Kies een periode van hoogstens twintig jaar.", field="from")
    if period_from > held_on:
        raise InvalidInput(
            "De periode begint na het overleg; het overleg bespreekt een periode die al is "
            "begonnen.",
            field="from",
        )
    moment = check_as_of(
        default_as_of(held_on, now) if as_of is None else as_of, period_from=period_from, now=now
    )
    people = validate_participants(participants)
    text = decisions.strip().replace("\r\n", "\n")
    if len(text) > DECISIONS_MAX_LENGTH:
        raise InvalidInput(
            f"De besluiten zijn langer dan {DECISIONS_MAX_LENGTH} tekens.", field="decisions"
        )
    check_text(text, field="decisions", label="De besluiten", multiline=True)
    if len(actions) > MAX_ACTIONS:
        raise InvalidInput(
            f"Een overleg heeft hoogstens {MAX_ACTIONS} actiepunten.", field="action"
        )
    points = tuple(
        validate_action(d, o, due, held_on=held_on, position=i)
        for i, (d, o, due) in enumerate(actions, start=1)
    )
    return ConsultationDraft(
        held_on=held_on,
        period_from=period_from,
        period_to=period_to,
        as_of=moment,
        participants=people,
        decisions=text,
        actions=points,
    )


def check_frozen_figures(figures: Mapping[str, Any]) -> Mapping[str, Any]:
    """The figures to store: the statistics' shape, every key of the contract present."""
    missing = [k for k in STATISTICS_KEYS if k not in figures]
    if missing:
        raise ValueError(f"frozen figures lack {missing}")
    return figures


def require_open(action: ActionPoint) -> None:
    if action.done_on is not None:
        raise InvalidState(
            f"Actiepunt {action.position} is al afgerond op {prose_date(action.done_on)}."
        )


def mark_done(action: ActionPoint, *, on: dt.date, held_on: dt.date, today: dt.date) -> dt.date:
    """The date an open action point is marked done: not in the future, not before the
    consultation. Done once: a second time is refused (the first date stays the record)."""
    require_open(action)
    if on > today:
        raise InvalidInput("De datum van afronden ligt in de toekomst.", field="date")
    if on < held_on:
        raise InvalidInput(
            "De datum van afronden ligt vóór het overleg waarin het actiepunt is afgesproken.",
            field="date",
        )
    return on

"""Classification levels (VIR-BI 2013), low to high."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from desktop_app.domain.clock import dutch_date
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.text import check_name, collapse, shown


class Classification(enum.IntEnum):
    ONGERUBRICEERD = 0
    DEP_VERTROUWELIJK = 1
    STG_CONFIDENTIEEL = 2
    STG_GEHEIM = 3
    STG_ZEER_GEHEIM = 4

    @property
    def code(self) -> str:
        return self.name.lower()

    @property
    def marking(self) -> str:
        """The text printed at the top and bottom of every page."""
        return _MARKINGS[self]

    @classmethod
    def parse(cls, value: str) -> Classification:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            allowed = ", ".join(c.code for c in cls)
            raise InvalidInput(
                f"Onbekende rubricering '{value}'. Kies uit: {allowed}.", field="classification"
            ) from None

    def covered_by(self, clearance: Classification) -> bool:
        return self <= clearance


_MARKINGS = {
    Classification.ONGERUBRICEERD: "ONGERUBRICEERD",
    Classification.DEP_VERTROUWELIJK: "DEPARTEMENTAAL VERTROUWELIJK",
    Classification.STG_CONFIDENTIEEL: "STG. CONFIDENTIEEL",
    Classification.STG_GEHEIM: "STG. GEHEIM",
    Classification.STG_ZEER_GEHEIM: "STG. ZEER GEHEIM",
}


# ---------------------------------------------------------------------------------------------
# How long a classification holds (VIR-BI 2013): until a date or until an event. The person who
# classifies decides it; nothing here supplies one (see docs/marking.md).

NOT_RECORDED = "niet vastgelegd"
EVENT_MIN_LENGTH = 3
EVENT_MAX_LENGTH = 160
# Longer than the Archiefwet's longest limitation of public access (75 years) is not a duration
# anyone decides; a typo such as 20360 is caught here.
MAX_YEARS_AHEAD = 75


@dataclass(frozen=True)
class ClassificationDuration:
    """Until a date (``until``) or until an event (``event``): exactly one of the two."""

    until: dt.date | None = None
    event: str | None = None

    def __post_init__(self) -> None:
        if (self.until is None) == (self.event is None):
            raise ValueError("a classification duration is a date or an event, not both")

    @property
    def kind(self) -> str:
        return "date" if self.until is not None else "event"

    @property
    def text(self) -> str:
        """'tot en met 31 december 2036' or 'tot: afronding van het onderzoek'."""
        if self.until is not None:
            return f"tot en met {dutch_date(self.until)}"
        return f"tot: {self.event}"

    def as_dict(self) -> dict[str, str | None]:
        return {
            "kind": self.kind,
            "until": None if self.until is None else self.until.isoformat(),
            "event": self.event,
            "text": self.text,
        }

    @classmethod
    def from_stored(cls, until: str | None, event: str | None) -> ClassificationDuration | None:
        """What the database holds (``None``: not recorded, an item from before durations)."""
        if until:
            try:
                return cls(until=dt.date.fromisoformat(until))
            except ValueError:
                return None
        if event:
            return cls(event=event)
        return None

    def stored(self) -> tuple[str | None, str | None]:
        return (None if self.until is None else self.until.isoformat(), self.event)


def duration_text(duration: ClassificationDuration | None) -> str:
    """For a detail view: the duration, or 'niet vastgelegd'."""
    return NOT_RECORDED if duration is None else duration.text


def parse_duration(
    *, until: str | dt.date | None, event: str | None, today: dt.date
) -> ClassificationDuration | None:
    """The duration a person entered (``None`` when they entered neither). A date must lie
    after today (a classification that has already lapsed is not a marking) and within
    ``MAX_YEARS_AHEAD`` years; an event is one line of 3 to 160 characters."""
    has_until = until is not None and str(until).strip() != ""
    has_event = event is not None and event.strip() != ""
    if has_until and has_event:
        raise InvalidInput(
            "Geef de rubriceringsduur als datum óf als gebeurtenis, niet allebei.",
            field="classification_until",
        )
    if has_until:
        assert until is not None
        if isinstance(until, dt.date):
            day = until
        else:
            try:
                day = dt.date.fromisoformat(str(until).strip())
            except ValueError:
                raise InvalidInput(
                    f"'{shown(str(until))}' is geen datum (JJJJ-MM-DD).",
                    field="classification_until",
                ) from None
        if day <= today:
            raise InvalidInput(
                f"De rubricering moet na vandaag vervallen: kies een datum na {dutch_date(today)}.",
                field="classification_until",
            )
        if day.year > today.year + MAX_YEARS_AHEAD:
            raise InvalidInput(
                f"Een rubriceringsduur van meer dan {MAX_YEARS_AHEAD} jaar is geen termijn; "
                "kies een eerdere datum.",
                field="classification_until",
            )
        return ClassificationDuration(until=day)
    if has_event:
        assert event is not None
        cleaned = collapse(event)
        check_name(cleaned, field="classification_event", label="De gebeurtenis")
        if not EVENT_MIN_LENGTH <= len(cleaned) <= EVENT_MAX_LENGTH:
            raise InvalidInput(
                f"Beschrijf de gebeurtenis waarna de rubricering vervalt in {EVENT_MIN_LENGTH} "
                f"tot {EVENT_MAX_LENGTH} tekens.",
                field="classification_event",
            )
        return ClassificationDuration(event=cleaned)
    return None


def check_duration_for(
    level: Classification, duration: ClassificationDuration | None
) -> ClassificationDuration | None:
    """An unclassified item has no duration: one given with it is refused, not dropped."""
    if level is Classification.ONGERUBRICEERD and duration is not None:
        raise InvalidInput(
            "Een ongerubriceerd stuk heeft geen rubriceringsduur.",
            field="classification_until",
        )
    return duration


def duration_required(level: Classification) -> bool:
    return level is not Classification.ONGERUBRICEERD


def marking_lines(
    level: Classification, duration: ClassificationDuration | None
) -> tuple[str, str | None]:
    """The marking as printed on every page: the level, and under it how long it holds
    (``None`` for an unclassified document, which has no duration)."""
    if not duration_required(level):
        return level.marking, None
    if duration is None:
        return level.marking, f"Rubriceringsduur: {NOT_RECORDED}"
    return level.marking, f"Rubricering {duration.text}"

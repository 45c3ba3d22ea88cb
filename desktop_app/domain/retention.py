"""Retention and destruction (Archiefwet 1995, art. 3 and 5): the rules, without storage.

A *record* here is what is destroyed as one whole, named by its root object ("request:12",
"report:5", "provision:3", "inspection:2"). Its *kind* decides the retention period the
administrator maintains, in years, and the day the period starts from (the request's closing,
the report's issue, the provision's date, the inspection's end).

Like the selection lists (selectielijsten) under the Archiefwet, a period runs from 1 January
of the year after the record was closed: a request closed on 14 March 2026 with a period of five
years may be destroyed from 1 January 2032. That makes the due date the same for every record
closed in a year, so a destruction list covers whole years and a 29 February needs no rule.

Destruction needs a list drawn up from the records then due, approved by an administrator and
by a signer, two different accounts (an administrator holds no content role, so the two can
never be one person with two hats); any legal hold on a record or on one of its parts blocks it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.domain.choices import parse_choice
from desktop_app.domain.errors import Forbidden, FourEyes, InvalidInput, InvalidState
from desktop_app.domain.roles import Role
from desktop_app.domain.text import check_text, collapse

MIN_YEARS = 1
MAX_YEARS = 100


class RecordKind(enum.StrEnum):
    REQUEST_NO_DATA = "request_no_data"
    REQUEST_REPORT = "request_report"
    SPONTANEOUS_REPORT = "spontaneous_report"
    PROVISION = "provision"
    INSPECTION = "inspection"

    @property
    def label_nl(self) -> str:
        return _LABELS[self][0]

    @property
    def starts_nl(self) -> str:
        """From when the period runs, as it reads after "na" ("na sluiting van het verzoek")."""
        return _LABELS[self][1]

    @property
    def contents_nl(self) -> str:
        """What destruction removes, for the list and the documentation."""
        return _LABELS[self][2]

    @classmethod
    def parse(cls, value: str) -> RecordKind:
        return parse_choice(cls, value, unknown="Onbekende soort archiefstuk", field="kind")


_LABELS = {
    RecordKind.REQUEST_NO_DATA: (
        "verzoek gesloten zonder ambtsbericht",
        "sluiting van het verzoek",
        "het verzoek met de ambtsberichten in concept, verstrekkingen en concepten erbij",
    ),
    RecordKind.REQUEST_REPORT: (
        "verzoek met uitgebracht ambtsbericht",
        "sluiting van het verzoek",
        "het verzoek, de ambtsberichten met alle versies, opmerkingen, oordelen, correcties, "
        "onderliggende gegevens, inzages en afdrukregister, en de verstrekkingen",
    ),
    RecordKind.SPONTANEOUS_REPORT: (
        "ambtsbericht zonder verzoek",
        "uitbrengen van het ambtsbericht",
        "het ambtsbericht met alle versies, opmerkingen, oordelen, correcties, onderliggende "
        "gegevens, inzages, afdrukregister en verstrekkingen",
    ),
    RecordKind.PROVISION: (
        "verstrekking zonder verzoek of ambtsbericht",
        "datum van de verstrekking",
        "de vermelding in het verstrekkingenregister",
    ),
    RecordKind.INSPECTION: (
        "inzagesessie",
        "einde van de inzage",
        "de inzagesessie met haar logboek en notities (het ambtsbericht blijft)",
    ),
}

# Seeded by schema step 7c; the administrator changes them (``retention set-period``).
DEFAULT_YEARS: dict[RecordKind, int] = {
    RecordKind.REQUEST_NO_DATA: 5,
    RecordKind.REQUEST_REPORT: 10,
    RecordKind.SPONTANEOUS_REPORT: 10,
    RecordKind.PROVISION: 10,
    RecordKind.INSPECTION: 5,
}

# Who does what. Periods and lists are records management (the administrator); the signer
# answers for the content and gives the second approval; both may place or lift a legal hold
# (the request for one comes from legal affairs, the oversight committee or a court).
MANAGES = (Role.ADMIN,)
READS = (Role.ADMIN, Role.AIVD_SIGNER)
APPROVES = (Role.ADMIN, Role.AIVD_SIGNER)
HOLDS = (Role.ADMIN, Role.AIVD_SIGNER)

# The kinds of object a hold or a list names, and their Dutch word.
OBJECT_KINDS = {
    "request": "verzoek",
    "report": "ambtsbericht",
    "provision": "verstrekking",
    "inspection": "inzagesessie",
}


def check_years(years: int) -> int:
    if isinstance(years, bool) or not isinstance(years, int) or not MIN_YEARS <= years <= MAX_YEARS:
        raise InvalidInput(
            f"Een bewaartermijn is een geheel aantal jaren van {MIN_YEARS} tot en met {MAX_YEARS}.",
            field="years",
        )
    return years


def due_on(starts_on: dt.date, years: int) -> dt.date:
    """1 January of the year after ``starts_on``, plus ``years`` years."""
    check_years(years)
    return dt.date(starts_on.year + 1 + years, 1, 1)


def is_due(starts_on: dt.date, years: int, as_of: dt.date) -> bool:
    return due_on(starts_on, years) <= as_of


def cutoff(years: int, as_of: dt.date) -> dt.date:
    """Records that started before this day are due on ``as_of`` (what storage queries by)."""
    check_years(years)
    return dt.date(as_of.year - years, 1, 1)


def parse_object(text: str) -> tuple[str, int]:
    """ "request:12" -> ("request", 12); a sentence naming the accepted forms otherwise."""
    kind, sep, ident = collapse(text).lower().partition(":")
    if not sep or kind not in OBJECT_KINDS or not ident.isdigit() or len(ident) > 12:
        raise InvalidInput(
            "Noem het archiefstuk als soort:nummer, bijvoorbeeld request:12, report:5, "
            "provision:3 of inspection:2.",
            field="object",
        )
    return kind, int(ident)


def object_label(obj: str) -> str:
    kind, _, ident = obj.partition(":")
    return f"{OBJECT_KINDS.get(kind, kind)} {ident}"


def check_hold_text(reason: str, reference: str) -> tuple[str, str]:
    """A hold states why (free text) and under which case or decision (a reference)."""
    why = collapse(reason)
    ref = collapse(reference)
    if not why or len(why) > 500:
        raise InvalidInput(
            "Geef de reden van de bewaarplicht (hoogstens 500 tekens).", field="reason"
        )
    if not ref or len(ref) > 100:
        raise InvalidInput(
            "Geef het kenmerk van de zaak of het besluit (hoogstens 100 tekens).", field="reference"
        )
    check_text(why, field="reason", label="De reden")
    check_text(ref, field="reference", label="Het kenmerk")
    return why, ref


def check_basis(basis: str) -> str:
    """What a period rests on (a selection list, a decision): optional, one line."""
    text = collapse(basis)
    if len(text) > 200:
        raise InvalidInput("De grondslag is hoogstens 200 tekens.", field="basis")
    check_text(text, field="basis", label="De grondslag")
    return text


def check_release_reason(reason: str) -> str:
    why = collapse(reason)
    if not why or len(why) > 500:
        raise InvalidInput(
            "Geef de reden waarom de bewaarplicht vervalt (hoogstens 500 tekens).", field="reason"
        )
    check_text(why, field="reason", label="De reden")
    return why


class Slot(enum.StrEnum):
    """Which of the two approvals a person gives."""

    ADMIN = "admin"
    SIGNER = "signer"

    @property
    def label_nl(self) -> str:
        return "functioneel beheerder" if self is Slot.ADMIN else "ondertekenaar"


def approval_slot(roles: Iterable[Role]) -> Slot:
    held = frozenset(roles)
    if Role.ADMIN in held:
        return Slot.ADMIN
    if Role.AIVD_SIGNER in held:
        return Slot.SIGNER
    raise Forbidden(
        "Alleen een functioneel beheerder en een ondertekenaar keuren een vernietigingslijst goed."
    )


class ListStatus(enum.StrEnum):
    DRAWN_UP = "drawn_up"
    PARTLY_APPROVED = "partly_approved"
    APPROVED = "approved"
    DESTROYED = "destroyed"

    @property
    def label_nl(self) -> str:
        return {
            ListStatus.DRAWN_UP: "opgesteld",
            ListStatus.PARTLY_APPROVED: "door één goedgekeurd",
            ListStatus.APPROVED: "goedgekeurd door beide",
            ListStatus.DESTROYED: "vernietigd",
        }[self]


@dataclass(frozen=True)
class Approvals:
    """The approval state of a destruction list (names are account names)."""

    admin_by: str | None = None
    signer_by: str | None = None
    destroyed: bool = False

    @property
    def status(self) -> ListStatus:
        if self.destroyed:
            return ListStatus.DESTROYED
        if self.admin_by and self.signer_by:
            return ListStatus.APPROVED
        if self.admin_by or self.signer_by:
            return ListStatus.PARTLY_APPROVED
        return ListStatus.DRAWN_UP

    def approve(self, slot: Slot, account: str) -> Approvals:
        """The state after ``account`` gives the ``slot`` approval; refused when the list is
        already carried out, the slot is taken, or the other approval is the same account's."""
        if self.destroyed:
            raise InvalidState("Deze vernietigingslijst is al uitgevoerd.")
        mine, other = (
            (self.admin_by, self.signer_by)
            if slot is Slot.ADMIN
            else (self.signer_by, self.admin_by)
        )
        if mine is not None:
            raise InvalidState(f"De goedkeuring als {slot.label_nl} is al gegeven (door {mine}).")
        if other is not None and other.casefold() == account.casefold():
            raise FourEyes(
                "De twee goedkeuringen van een vernietigingslijst komen van twee verschillende "
                "personen."
            )
        if slot is Slot.ADMIN:
            return Approvals(account, self.signer_by)
        return Approvals(self.admin_by, account)

    def check_destroyable(self) -> None:
        if self.destroyed:
            raise InvalidState("Deze vernietigingslijst is al uitgevoerd.")
        if not (self.admin_by and self.signer_by):
            missing = [
                s.label_nl
                for s, who in ((Slot.ADMIN, self.admin_by), (Slot.SIGNER, self.signer_by))
                if not who
            ]
            raise InvalidState(
                "Vernietigen kan pas na goedkeuring door een functioneel beheerder en een "
                "ondertekenaar; nog nodig: " + " en ".join(missing) + "."
            )


__all__ = [
    "APPROVES",
    "DEFAULT_YEARS",
    "HOLDS",
    "MANAGES",
    "MAX_YEARS",
    "MIN_YEARS",
    "OBJECT_KINDS",
    "READS",
    "Approvals",
    "ListStatus",
    "RecordKind",
    "Slot",
    "approval_slot",
    "check_basis",
    "check_hold_text",
    "check_release_reason",
    "check_years",
    "cutoff",
    "due_on",
    "is_due",
    "object_label",
    "parse_object",
]

"""The covenant register (art. 5), its amendments (art. 4.1) and termination (art. 4.2).

Pure rules, no I/O. What the register shows is computed from recorded facts, never typed:

- A covenant is in force from the day after *both* parties signed (art. 5.2): the later of the
  two signature dates plus one day (the 2019 covenant: both signed 7 March 2019, so 8 March).
- A termination takes effect three calendar months after the date of the written notice
  (art. 4.2). A month on from a day that the target month lacks lands on that month's last day
  (30 November + 3 months = 28 or 29 February; 31 August -> 30 November), the usual reading of a
  term in months (cf. art. 1:2 Algemene termijnenwet is about deadlines on holidays, not this).
- An amendment (art. 4.1) is requested by either party and needs the consent of both; its
  status follows from the consents recorded. It cannot take effect before both consented: a
  proposed date that has passed by then gives way to the day after the second consent (the rule
  art. 5.2 gives the covenant itself).
- Who acts for which party: the AIVD's signer for the AIVD, the IND's liaison for the IND
  (``domain.roles.GOVERNANCE_ROLES``); a consent or approval "for the AIVD" can only be recorded
  by an AIVD account, and vice versa.

The implementation plans of art. 3.3 are in ``domain.implementation_plans``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NewType

from desktop_app.domain.choices import parse_choice
from desktop_app.domain.clock import dutch_date
from desktop_app.domain.errors import Forbidden, InvalidInput, InvalidState
from desktop_app.domain.messages import N_
from desktop_app.domain.roles import GOVERNANCE_ROLES, Role
from desktop_app.domain.text import check_name, check_text, collapse

__all__ = [
    "NOTICE_MONTHS",
    "AmendmentId",
    "AmendmentStatus",
    "CovenantId",
    "CovenantStatus",
    "Decision",
    "Party",
    "PartyDecision",
    "acting_party",
    "add_months",
    "amendment_effective",
    "amendment_status",
    "covenant_status",
    "in_force_from",
    "party_of",
    "status_text",
    "termination_effective",
    "validate_consent",
    "validate_decision_ref",
    "validate_notice",
    "validate_proposed_change",
    "validate_request",
]

CovenantId = NewType("CovenantId", int)
AmendmentId = NewType("AmendmentId", int)

NOTICE_MONTHS = 3  # art. 4.2: "een opzegtermijn van drie maanden"
DECISION_REF_MAX_LENGTH = 100
CHANGE_MAX_LENGTH = 20_000
DAY = dt.timedelta(days=1)


class Party(enum.StrEnum):
    """The two parties of the covenant, each acting through its head."""

    AIVD = "aivd"
    IND = "ind"

    @property
    def label_nl(self) -> str:
        return "de AIVD" if self is Party.AIVD else "de IND"

    @property
    def short_nl(self) -> str:
        return self.value.upper()

    @property
    def head_nl(self) -> str:
        return _HEADS[self]

    @property
    def other(self) -> Party:
        return Party.IND if self is Party.AIVD else Party.AIVD

    @classmethod
    def parse(cls, value: str) -> Party:
        return parse_choice(cls, value, unknown="Onbekende partij", field="party")


_HEADS = {
    Party.AIVD: "de Directeur-generaal van de AIVD",
    Party.IND: "de Hoofddirecteur van de IND",
}
# The account that represents each party (GOVERNANCE_ROLES, one role per service).
_REPRESENTATIVE = {Party.AIVD: Role.AIVD_SIGNER, Party.IND: Role.IND_LIAISON}
assert frozenset(_REPRESENTATIVE.values()) == GOVERNANCE_ROLES


def party_of(roles: Iterable[Role]) -> Party | None:
    """The party an account acts for in the covenant's governance, or None (an account holds
    roles of one service only: domain.roles.validate_role_set)."""
    held = frozenset(roles)
    for party, role in _REPRESENTATIVE.items():
        if role in held:
            return party
    return None


def acting_party(roles: Iterable[Role], claimed: Party | None, what: str) -> Party:
    """The party this account records ``what`` for ("de instemming"): its own. Claiming the
    other party is refused: the AIVD's consent is recorded by an AIVD account only."""
    own = party_of(roles)
    if own is None:
        raise Forbidden(
            f"Alleen de AIVD-ondertekenaar (voor de AIVD) of de IND-liaison (voor de IND) kan "
            f"{what} vastleggen."
        )
    if claimed is not None and claimed is not own:
        raise Forbidden(
            f"{what.capitalize()} namens {claimed.label_nl} kan alleen worden vastgelegd met "
            f"een account van {claimed.label_nl}; u werkt voor {own.label_nl}."
        )
    return own


# --- dates -----------------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months on (or back), on the same day of the month, or
    on the last day of the target month when it is shorter."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def termination_effective(notice_on: dt.date) -> dt.date:
    """The day the covenant ends after a written notice given on ``notice_on`` (art. 4.2)."""
    return add_months(notice_on, NOTICE_MONTHS)


def in_force_from(signed: Mapping[Party, dt.date]) -> dt.date:
    """Art. 5.2: from the day after it was signed by both parties."""
    missing = [p for p in Party if p not in signed]
    if missing:
        raise InvalidState(
            f"Het convenant is nog niet door {missing[0].label_nl} ondertekend en is dus niet "
            "in werking."
        )
    return max(signed.values()) + DAY


class CovenantStatus(enum.StrEnum):
    SIGNED = "signed"  # signed, not yet in force
    IN_FORCE = "in_force"
    NOTICE_GIVEN = "notice_given"  # terminated, the notice period running
    ENDED = "ended"

    @property
    def label_nl(self) -> str:
        return _COVENANT_LABELS[self]


_COVENANT_LABELS = {
    CovenantStatus.SIGNED: "ondertekend, nog niet in werking",
    CovenantStatus.IN_FORCE: "in werking",
    CovenantStatus.NOTICE_GIVEN: "opgezegd",
    CovenantStatus.ENDED: "beëindigd",
}


def covenant_status(starts: dt.date, ends: dt.date | None, today: dt.date) -> CovenantStatus:
    """``starts``: the first day in force; ``ends``: the day a termination takes effect."""
    if ends is not None and today >= ends:
        return CovenantStatus.ENDED
    if today < starts:
        return CovenantStatus.SIGNED
    return CovenantStatus.NOTICE_GIVEN if ends is not None else CovenantStatus.IN_FORCE


def status_text(starts: dt.date, ends: dt.date | None, today: dt.date) -> str:
    """The register's line: "in werking sinds 8 maart 2019", "opgezegd per 8 juni 2027".

    Dutch, as the JSON gives it; marked so that ``messages.translate`` has its English (with an
    English date) where a person reads it."""
    status = covenant_status(starts, ends, today)
    if status is CovenantStatus.SIGNED:
        return N_(f"ondertekend, in werking per {dutch_date(starts)}")
    if status is CovenantStatus.IN_FORCE:
        return N_(f"in werking sinds {dutch_date(starts)}")
    assert ends is not None
    if status is CovenantStatus.NOTICE_GIVEN:
        return N_(f"opgezegd per {dutch_date(ends)}")
    return N_(f"beëindigd per {dutch_date(ends)} (opgezegd)")


def validate_notice(
    notice_on: dt.date, *, signed_on: dt.date, ends: dt.date | None, today: dt.date
) -> dt.date:
    """A written notice: one per covenant, dated after signing and not in the future (it is
    recorded once given). Returns the day it takes effect."""
    if ends is not None:
        raise InvalidState(
            f"Het convenant is al opgezegd (per {dutch_date(ends)}); een tweede opzegging kan niet."
        )
    if notice_on > today:
        raise InvalidInput(
            "De datum van de schriftelijke opzegging ligt in de toekomst; leg een opzegging vast "
            "als zij gedaan is.",
            field="date",
        )
    if notice_on < signed_on:
        raise InvalidInput(
            "De opzegging is gedateerd vóór de ondertekening van het convenant.", field="date"
        )
    return termination_effective(notice_on)


def require_not_ended(ends: dt.date | None, today: dt.date, what: str) -> None:
    if ends is not None and today >= ends:
        raise InvalidState(
            f"Het convenant is beëindigd per {dutch_date(ends)}; {what} kan niet meer."
        )


# --- amendments (art. 4.1) -------------------------------------------------------------------


class Decision(enum.StrEnum):
    CONSENT = "consent"
    REFUSE = "refuse"

    @property
    def label_nl(self) -> str:
        return "ingestemd" if self is Decision.CONSENT else "niet ingestemd"


@dataclass(frozen=True, slots=True)
class PartyDecision:
    """One party's answer to an amendment: recorded by whom, dated, under which decision."""

    party: Party
    decision: Decision
    decided_on: dt.date
    decision_ref: str
    recorded_by: str


class AmendmentStatus(enum.StrEnum):
    REQUESTED = "requested"
    CONSENTED_BY_ONE = "consented_by_one"
    AGREED = "agreed"  # both consented; takes effect later
    IN_FORCE = "in_force"
    REFUSED = "refused"

    @property
    def label_nl(self) -> str:
        return _AMENDMENT_LABELS[self]


_AMENDMENT_LABELS = {
    AmendmentStatus.REQUESTED: "verzocht",
    AmendmentStatus.CONSENTED_BY_ONE: "instemming van één partij",
    AmendmentStatus.AGREED: "aangenomen, nog niet in werking",
    AmendmentStatus.IN_FORCE: "in werking",
    AmendmentStatus.REFUSED: "niet aangenomen",
}


def amendment_effective(
    proposed: dt.date | None, decisions: Iterable[PartyDecision]
) -> dt.date | None:
    """The day an amendment takes effect: None until both parties consented; then the proposed
    date, but never before the day after the second consent."""
    given = {d.party: d for d in decisions}
    if len(given) < len(Party) or any(d.decision is Decision.REFUSE for d in given.values()):
        return None
    earliest = max(d.decided_on for d in given.values()) + DAY
    return earliest if proposed is None or proposed < earliest else proposed


def amendment_status(
    proposed: dt.date | None, decisions: Iterable[PartyDecision], today: dt.date
) -> AmendmentStatus:
    given = list(decisions)
    if any(d.decision is Decision.REFUSE for d in given):
        return AmendmentStatus.REFUSED
    effective = amendment_effective(proposed, given)
    if effective is not None:
        return AmendmentStatus.IN_FORCE if today >= effective else AmendmentStatus.AGREED
    return AmendmentStatus.CONSENTED_BY_ONE if given else AmendmentStatus.REQUESTED


def validate_proposed_change(text: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput("Beschrijf de voorgestelde wijziging.", field="change")
    if len(cleaned) > CHANGE_MAX_LENGTH:
        raise InvalidInput(
            f"De voorgestelde wijziging is langer dan {CHANGE_MAX_LENGTH} tekens.", field="change"
        )
    return check_text(cleaned, field="change", label="De voorgestelde wijziging", multiline=True)


def validate_decision_ref(raw: str) -> str:
    """The reference of the head's decision (e.g. "DG-AIVD 2027/12")."""
    # A line break or tab is refused (check_name), not folded: a reference is one line.
    ref = raw.strip(" ")
    if not ref.strip():
        raise InvalidInput("Vul het kenmerk van het besluit in.", field="decision")
    if len(ref) > DECISION_REF_MAX_LENGTH:
        raise InvalidInput(
            f"Het kenmerk van het besluit is te lang (maximaal {DECISION_REF_MAX_LENGTH} tekens).",
            field="decision",
        )
    check_name(ref, field="decision", label="Het kenmerk van het besluit")
    ref = collapse(ref)
    if not any(ch.isalnum() for ch in ref):
        raise InvalidInput(
            "Het kenmerk van het besluit moet letters of cijfers bevatten.", field="decision"
        )
    return ref


def validate_request(
    requested_on: dt.date,
    proposed: dt.date | None,
    *,
    signed_on: dt.date,
    ends: dt.date | None,
    today: dt.date,
) -> None:
    require_not_ended(ends, today, "een wijziging verzoeken")
    if requested_on > today:
        raise InvalidInput("De datum van het verzoek ligt in de toekomst.", field="date")
    if requested_on < signed_on:
        raise InvalidInput(
            "Het verzoek is gedateerd vóór de ondertekening van het convenant.", field="date"
        )
    if proposed is not None and proposed <= requested_on:
        raise InvalidInput(
            "De voorgestelde datum van inwerkingtreding ligt niet na de datum van het verzoek.",
            field="effective",
        )


def validate_consent(
    party: Party,
    decided_on: dt.date,
    *,
    requested_on: dt.date,
    decisions: Iterable[PartyDecision],
    today: dt.date,
) -> None:
    """One answer per party, on an amendment not yet refused, dated from the request to today."""
    given = {d.party: d for d in decisions}
    if any(d.decision is Decision.REFUSE for d in given.values()):
        raise InvalidState("Over deze wijziging is al besloten: zij is niet aangenomen.")
    if party in given:
        earlier = given[party]
        raise InvalidState(
            f"Het besluit van {party.label_nl} over deze wijziging is al vastgelegd "
            f"({earlier.decision.label_nl} op {dutch_date(earlier.decided_on)}, "
            f"{earlier.decision_ref})."
        )
    if decided_on > today:
        raise InvalidInput("De datum van het besluit ligt in de toekomst.", field="date")
    if decided_on < requested_on:
        raise InvalidInput("Het besluit is gedateerd vóór het verzoek tot wijziging.", field="date")

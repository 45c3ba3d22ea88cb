"""Designations of IND inspectors by the Hoofddirecteur IND (art. 2.5).

A designation is valid from ``valid_from`` up to and including ``valid_until`` (Dutch decisions
say "tot en met"); ``valid_until`` None means open-ended. A one-day designation has
``valid_from == valid_until``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.ids import UserId
from desktop_app.domain.text import check_name
from desktop_app.domain.timefmt import prose_date

DECISION_REF_MAX_LENGTH = 100


class DesignationLike(Protocol):
    """What the rules need of a designation; storage records satisfy it as they are."""

    @property
    def user_id(self) -> UserId: ...

    @property
    def decision_ref(self) -> str: ...

    @property
    def valid_from(self) -> dt.date: ...

    @property
    def valid_until(self) -> dt.date | None: ...


D = TypeVar("D", bound=DesignationLike)


def normalize_decision_ref(raw: str) -> str:
    """Trim and check a decision reference such as ``HDIND-2026/0042``."""
    ref = raw.strip()
    if not ref:
        raise InvalidInput(
            "Vul het kenmerk van het aanwijzingsbesluit van de Hoofddirecteur IND in.",
            field="decision",
        )
    if len(ref) > DECISION_REF_MAX_LENGTH:
        raise InvalidInput(
            f"Het kenmerk van het aanwijzingsbesluit is te lang (maximaal "
            f"{DECISION_REF_MAX_LENGTH} tekens).",
            field="decision",
        )
    # Control and format characters (line breaks, bidi overrides, NUL) would let a reference
    # render as something else in lists, PDFs and the audit log.
    check_name(ref, field="decision", label="Het kenmerk van het aanwijzingsbesluit")
    if not any(ch.isalnum() for ch in ref):
        raise InvalidInput(
            "Het kenmerk van het aanwijzingsbesluit moet letters of cijfers bevatten.",
            field="decision",
        )
    return ref


def validate_period(valid_from: dt.date, valid_until: dt.date | None) -> None:
    if valid_until is not None and valid_until < valid_from:
        raise InvalidInput(
            f"De einddatum van de aanwijzing ({prose_date(valid_until)}) ligt vóór de "
            f"begindatum ({prose_date(valid_from)}).",
            field="until",
        )


@dataclass(frozen=True)
class Designation:
    """A designation decision. Construction validates; the reference is stored trimmed."""

    user_id: UserId
    decision_ref: str
    valid_from: dt.date
    valid_until: dt.date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "decision_ref", normalize_decision_ref(self.decision_ref))
        validate_period(self.valid_from, self.valid_until)


def validate_new_designation(designation: DesignationLike, today: dt.date) -> None:
    """Recording a designation that has already ended is almost certainly a typo."""
    validate_period(designation.valid_from, designation.valid_until)
    if designation.valid_until is not None and designation.valid_until < today:
        raise InvalidInput(
            f"De aanwijzing is al verlopen: de einddatum {prose_date(designation.valid_until)} "
            f"ligt vóór vandaag ({prose_date(today)}).",
            field="until",
        )


def is_current(designation: DesignationLike, today: dt.date) -> bool:
    """Both ends inclusive."""
    if today < designation.valid_from:
        return False
    return designation.valid_until is None or today <= designation.valid_until


def current_designation(designations: Iterable[D], today: dt.date) -> D | None:
    """The current designation that lasts longest (open-ended first), then the most recent.

    Callers pass one user's designations; this does not filter on user.
    """
    current = [d for d in designations if is_current(d, today)]
    if not current:
        return None
    return max(
        current,
        key=lambda d: (
            d.valid_until is None,
            d.valid_until or dt.date.min,
            d.valid_from,
            d.decision_ref,
        ),
    )


def require_running(designation: DesignationLike, today: dt.date) -> None:
    """Only a designation that still counts today or later can be ended early or revoked."""
    if designation.valid_until is not None and designation.valid_until < today:
        raise InvalidInput("Deze aanwijzing is al afgelopen.", field="id")


def require_begun(designation: DesignationLike, end: dt.date) -> None:
    """Ending early keeps at least one valid day; one that has not begun is revoked instead."""
    if end < designation.valid_from:
        raise InvalidInput(
            "De aanwijzing is nog niet ingegaan; trek haar in in plaats van haar te beëindigen.",
            field="until",
        )

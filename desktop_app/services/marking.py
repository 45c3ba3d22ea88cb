"""The marking of a report beyond its level (issue 14, VIR-BI): how long its classification
holds, and the person a spontaneous report is about.

- A duration is decided by the person who classifies: nothing here supplies one. A report or
  item from before durations existed has none ("niet vastgelegd"); a final copy of such a
  report is not printed (``services.printing``) until one is recorded with
  ``record_duration``, which fills a missing duration at any status (the text is not touched)
  but changes a recorded one only while the text may be edited (as the level).
- A report on a request names the request's subject; a spontaneous report has its own
  (``set_subject``: name, date of birth, V-number), required before it is submitted.

``on_draft``, ``on_save`` and ``require_subject`` run inside the reports use cases'
transactions (``services.reports``); ``marking_of`` reads for the report's detail view.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.domain import requests as request_rules
from desktop_app.domain.classification import (
    Classification,
    ClassificationDuration,
    check_duration_for,
    duration_required,
    duration_text,
    parse_duration,
)
from desktop_app.domain.errors import InvalidInput, InvalidState
from desktop_app.domain.reports import (
    ALLOWED_ROLES,
    ReportAction,
    ReportStatus,
    audit_object,
    decide,
)
from desktop_app.domain.roles import Role, require_any_role
from desktop_app.services.report_access import cleared_report
from desktop_app.services.session import Session
from desktop_app.storage import marking as repo
from desktop_app.storage import printing as print_repo
from desktop_app.storage import reports as report_repo
from desktop_app.storage.db import Connection

__all__ = [
    "MarkingView",
    "SubjectEntry",
    "SubjectView",
    "duration_entered",
    "marking_of",
    "on_draft",
    "on_save",
    "record_duration",
    "require_subject",
    "set_subject",
    "subject_entered",
    "validate_subject",
]

_A = ReportAction
# Who may fill in a missing duration: whoever prints or signs the report (the officer who
# classified it, or the signer who fixes the classification).
_RECORDERS = (Role.AIVD_OFFICER, Role.AIVD_SIGNER)


@dataclass(frozen=True)
class SubjectEntry:
    """A spontaneous report's subject as entered (validated by ``validate_subject``)."""

    name: str
    birth_date: dt.date | None
    v_number: str


@dataclass(frozen=True)
class SubjectView:
    name: str
    birth_date: dt.date | None
    v_number: str
    source: str  # "request" | "report"

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "birth_date": None if self.birth_date is None else self.birth_date.isoformat(),
            "v_number": self.v_number,
            "source": self.source,
        }


@dataclass(frozen=True)
class MarkingView:
    classification: Classification
    duration: ClassificationDuration | None
    subject: SubjectView | None
    spontaneous: bool = False
    # What this person may do about it (the window shows these and decides nothing itself).
    may_set_subject: bool = False
    may_record_duration: bool = False

    @property
    def duration_missing(self) -> bool:
        return duration_required(self.classification) and self.duration is None

    @property
    def duration_label(self) -> str:
        if not duration_required(self.classification):
            return "n.v.t. (ongerubriceerd)"
        return duration_text(self.duration)

    def as_dict(self) -> dict[str, object]:
        return {
            "classification_duration": None if self.duration is None else self.duration.as_dict(),
            "classification_duration_text": self.duration_label,
            "subject": None if self.subject is None else self.subject.as_dict(),
        }


def validate_subject(
    *, name: str, birth_date: dt.date | str | None, v_number: str, today: dt.date
) -> SubjectEntry:
    """Name, date of birth and V-number, all three: what identifies the person to the IND."""
    clean_name = request_rules.validate_subject_name(name)
    if birth_date is None or (isinstance(birth_date, str) and not birth_date.strip()):
        raise InvalidInput(
            "De geboortedatum van de betrokkene is verplicht bij een spontaan ambtsbericht.",
            field="birth_date",
        )
    born = (
        birth_date
        if isinstance(birth_date, dt.date)
        else request_rules.parse_date(birth_date, field="birth_date")
    )
    return SubjectEntry(
        clean_name,
        request_rules.validate_birth_date(born, today=today),
        request_rules.validate_v_number(v_number),
    )


def _subject(conn: Connection, row: report_repo.ReportRow) -> SubjectView | None:
    if row.request_id is not None:
        details = print_repo.request_details(conn, row.request_id)
        if details is None:
            return None
        born: dt.date | None = None
        if details.birth_date:
            try:
                born = dt.date.fromisoformat(details.birth_date)
            except ValueError:
                born = None
        return SubjectView(details.subject_name, born, details.v_number, "request")
    own = repo.report_subject(conn, row.id)
    if own is None:
        return None
    return SubjectView(own.name, own.birth_date, own.v_number, "report")


def marking_of(
    conn: Connection, row: report_repo.ReportRow, roles: frozenset[Role] = frozenset()
) -> MarkingView:
    """Inside the caller's (audited) read of the report; ``roles``: the viewer's, for what
    they may do about the marking (``set_subject``, ``record_duration`` say the same)."""
    duration = repo.report_duration(conn, row.id)
    spontaneous = row.request_id is None
    editable = row.status in (ReportStatus.DRAFT, ReportStatus.CHANGES_WANTED)
    missing = spontaneous and repo.report_subject(conn, row.id) is None
    may_subject = spontaneous and (
        (editable and bool(roles & frozenset(ALLOWED_ROLES[_A.REVISE])))
        or (missing and bool(roles & frozenset(_RECORDERS)))
    )
    may_duration = (
        duration_required(row.classification)
        and duration is None
        and bool(roles & frozenset(_RECORDERS))
    )
    return MarkingView(
        row.classification,
        duration,
        _subject(conn, row),
        spontaneous=spontaneous,
        may_set_subject=may_subject,
        may_record_duration=may_duration,
    )


def _store_subject(
    session: Session, conn: Connection, report_id: int, subject: SubjectEntry
) -> None:
    """Record (or replace) the report's subject, by the signed-in person, now."""
    repo.set_report_subject(
        conn,
        report_id,
        name=subject.name,
        birth_date=subject.birth_date,
        v_number=subject.v_number,
        by=session.user.id,
        at=session.clock.now(),
    )


def on_draft(
    session: Session,
    conn: Connection,
    report_id: int,
    *,
    level: Classification,
    duration: ClassificationDuration | None,
    subject: SubjectEntry | None,
    spontaneous: bool,
) -> dict[str, object]:
    """What a new report records beside its first version; the audit details to add."""
    check_duration_for(level, duration)
    details: dict[str, object] = {}
    if duration is not None:
        repo.set_report_duration(conn, report_id, duration)
        details["classification_duration"] = duration.as_dict()
    if subject is not None:
        if not spontaneous:
            raise InvalidInput(
                "Een ambtsbericht op een verzoek neemt betrokkene over van het verzoek; geef "
                "alleen bij een spontaan ambtsbericht een betrokkene op.",
                field="subject_name",
            )
        _store_subject(session, conn, report_id, subject)
        # Identifiers only: the audit log never holds personal data.
        details["subject_recorded"] = True
    return details


def duration_changes(
    conn: Connection,
    report_id: int,
    level: Classification,
    duration: ClassificationDuration | None,
) -> bool:
    """Whether saving ``duration`` (None: keep) with ``level`` changes what is recorded."""
    if duration is None:
        return False
    check_duration_for(level, duration)
    return repo.report_duration(conn, report_id) != duration


def on_save(
    conn: Connection, report_id: int, level: Classification, duration: ClassificationDuration | None
) -> dict[str, object]:
    """Store the duration saved with a version (the caller decided it may change); an
    unclassified report keeps none."""
    if not duration_required(level):
        repo.set_report_duration(conn, report_id, None)
        return {}
    if duration is None:
        return {}
    old = repo.report_duration(conn, report_id)
    repo.set_report_duration(conn, report_id, duration)
    return {
        "duration_from": None if old is None else old.as_dict(),
        "duration_to": duration.as_dict(),
    }


def require_subject(conn: Connection, row: report_repo.ReportRow) -> None:
    """A spontaneous report names its subject before it is submitted."""
    if row.request_id is None and repo.report_subject(conn, row.id) is None:
        raise InvalidState(
            "Een spontaan ambtsbericht noemt betrokkene met naam, geboortedatum en V-nummer. "
            "Leg die eerst vast (Betrokkene vastleggen; werkplek report subject) en bied het "
            "daarna ter beoordeling aan."
        )


def record_duration(
    session: Session, report_id: int, duration: ClassificationDuration
) -> MarkingView:
    """Record how long the report's classification holds (``report.marking``). A missing
    duration (a report from before) may be filled in at any status by an officer or signer; a
    recorded one changes only while the text may be edited, like the level."""
    with session.transaction("report.marking", audit_object(report_id)) as tx:
        row = cleared_report(session, tx.conn, report_id)
        require_any_role(session.user.roles, _RECORDERS, "de rubriceringsduur vastleggen")
        check_duration_for(row.classification, duration)
        if not duration_required(row.classification):  # pragma: no cover - refused above
            raise InvalidInput("Een ongerubriceerd stuk heeft geen rubriceringsduur.")
        old = repo.report_duration(tx.conn, row.id)
        if old is not None:
            if old == duration:
                raise InvalidInput(
                    "Deze rubriceringsduur is al vastgelegd; er is niets gewijzigd.",
                    field="classification_until",
                )
            if row.status not in (ReportStatus.DRAFT, ReportStatus.CHANGES_WANTED):
                raise InvalidState(
                    "De rubriceringsduur van dit ambtsbericht is vastgelegd en ligt vast zolang "
                    "de tekst niet kan worden gewijzigd, zoals de rubricering zelf."
                )
            decide(
                row.status,
                _A.SET_CLASSIFICATION,
                actor_id=session.user.id,
                actor_roles=session.user.roles,
                history=report_repo.history(tx.conn, row.id),
            )
        repo.set_report_duration(tx.conn, row.id, duration)
        tx.details = {
            "reference": row.reference,
            "from": None if old is None else old.as_dict(),
            "to": duration.as_dict(),
        }
        return marking_of(tx.conn, row, session.user.roles)


def set_subject(session: Session, report_id: int, subject: SubjectEntry) -> MarkingView:
    """Record the subject of a spontaneous report (``report.subject``). A missing subject (a
    report from before) may be filled in at any status by an officer or signer, as a missing
    duration; a recorded one changes only while the text may be edited (draft, changes
    wanted) and by an officer: after that the liaison has read the report as it stands."""
    with session.transaction("report.subject", audit_object(report_id)) as tx:
        row = cleared_report(session, tx.conn, report_id)
        had = repo.report_subject(tx.conn, row.id) is not None
        allowed = ALLOWED_ROLES[_A.REVISE] if had else _RECORDERS
        require_any_role(session.user.roles, allowed, "de betrokkene vastleggen")
        if row.request_id is not None:
            raise InvalidState(
                "Dit ambtsbericht hoort bij een verzoek en neemt betrokkene daarvan over."
            )
        if had and row.status not in (ReportStatus.DRAFT, ReportStatus.CHANGES_WANTED):
            raise InvalidState(
                "De betrokkene is vastgelegd en kan alleen worden gewijzigd zolang de tekst kan "
                "worden gewijzigd (concept of aanpassing wenselijk)."
            )
        _store_subject(session, tx.conn, row.id, subject)
        # Identifiers only: the audit log never holds personal data.
        tx.details = {"reference": row.reference, "replaced": had}
        return marking_of(tx.conn, row, session.user.roles)


def duration_entered(
    session: Session, *, until: str | dt.date | None, event: str | None
) -> ClassificationDuration | None:
    """A duration as a person entered it (CLI options, a dialog), judged on today's date."""
    return parse_duration(until=until, event=event, today=session.clock.today())


def subject_entered(
    session: Session,
    *,
    name: str | None,
    birth_date: str | dt.date | None,
    v_number: str | None,
) -> SubjectEntry | None:
    """A subject as entered; None when nothing of it was given."""
    given = [x for x in (name, birth_date, v_number) if x is not None and str(x).strip()]
    if not given:
        return None
    return validate_subject(
        name=name or "", birth_date=birth_date, v_number=v_number or "", today=session.clock.today()
    )

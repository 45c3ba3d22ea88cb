"""Ambtsberichten (art. 2.1, 2.3, 2.4): drafting in immutable versions, the liaison's review
with annotations and a verdict, four-eyes signing, issuing, and corrections after issuing.

Every function is one use case: one transaction, one audit entry (views of report content
included: ``report.view``, ``report.diff``, ``report.list``). The rules come from
``desktop_app.domain.reports``; this module loads the history, asks ``decide`` and records the
outcome. Checks run in this order: the report exists (NotFound), the role may do the action at
all (Forbidden), the person's clearance covers the report (Forbidden, without naming the title),
the workflow allows it (InvalidState), four eyes (FourEyes), then the input (InvalidInput).

Decisions:
- A new report is classified ``stg_confidentieel`` unless the author says otherwise (the usual
  level of a personal ambtsbericht, and one the IND liaison is normally cleared for). Nobody can
  classify above their own clearance; the signer fixes the final level with the signature.
- The liaison sees submitted versions only; the latest of those is "the" version for them, so
  a draft in progress shows neither its text nor its number.
- A revision must change the text: an identical text would be a version without content.
- Annotations are shown on the version they were made on and on every later one, re-anchored
  from their original anchor (domain.annotations), marked outdated where the passage is gone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from desktop_app.domain import requests as request_rules
from desktop_app.domain.actions import Permission
from desktop_app.domain.annotations import (
    Anchor,
    Outdated,
    Reanchorer,
    RemarkChange,
    RemarkState,
    anchor_quote,
    check_remark_change,
    remark_state,
    validate_handled_note,
)
from desktop_app.domain.annotations import validate_comment as _validate_comment
from desktop_app.domain.classification import Classification, ClassificationDuration
from desktop_app.domain.errors import (
    Forbidden,
    IntegrityFailure,
    InvalidInput,
    InvalidState,
    NotFound,
)
from desktop_app.domain.ids import ReportId, RequestId, UserId
from desktop_app.domain.report_content import ContentWarning, ReportContent, parse
from desktop_app.domain.report_content import warnings_for_text as _warnings_for_text
from desktop_app.domain.reports import (
    ALLOWED_ROLES,
    TITLE_MAX_LENGTH,
    RemarkFacts,
    ReportAction,
    ReportEvent,
    ReportStatus,
    ReportStep,
    SpecialCase,
    VersionState,
    WorkList,
    allowed_actions,
    audit_object,
    check_version_visible,
    current_version,
    decide,
    next_version,
    permissions,
    remark_permissions,
    report_step,
    special_case,
    special_case_grounds,
    text_sha256,
    validate_correction,
    validate_reason,
    validate_title,
    validate_version_text,
    version_states,
    visible_versions,
    work_lists,
    work_lists_for,
)
from desktop_app.domain.requests import Purpose, RequestStatus
from desktop_app.domain.roles import Role, require_any_role
from desktop_app.domain.text import strip_invisible
from desktop_app.domain.textdiff import DiffRow, side_by_side, unified_diff
from desktop_app.services import marking
from desktop_app.services.marking import MarkingView
from desktop_app.services.report_access import checked_report
from desktop_app.services.session import Reauthentication, Session, Tx
from desktop_app.storage import reports as repo
from desktop_app.storage import requests as requests_repo
from desktop_app.storage.audit import format_ts
from desktop_app.storage.db import Connection

__all__ = [
    "DEFAULT_CLASSIFICATION",
    "TITLE_MAX_LENGTH",
    "AnnotationRecord",
    "AnnotationView",
    "CorrectionRecord",
    "CorrectionView",
    "EventView",
    "IssueResult",
    "ReportDiff",
    "ReportSummary",
    "ReportView",
    "ReturnView",
    "SpecialCaseView",
    "VerdictView",
    "VersionSaved",
    "VersionView",
    "annotate",
    "diff_report",
    "draft_report",
    "edit_remark",
    "get_report",
    "give_verdict",
    "handle_remark",
    "involved_users",
    "issue_report",
    "my_work_lists",
    "new_report_actions",
    "record_correction",
    "revise_report",
    "save_version",
    "send_back",
    "set_classification",
    "sign_report",
    "submit_report",
    "withdraw_remark",
    "withdraw_submission",
]

DEFAULT_CLASSIFICATION = Classification.STG_CONFIDENTIEEL

_A = ReportAction

# ---------------------------------------------------------------------------------------------
# What the use cases return (frozen; ``as_dict`` is the CLI's JSON shape)


@dataclass(frozen=True)
class ReportSummary:
    """A report as a list row or the result of a step. ``version`` is the latest version the
    viewer may read (for the liaison: the latest submitted one)."""

    id: ReportId
    reference: str
    title: str
    classification: Classification
    status: ReportStatus
    version: int
    request_id: RequestId | None
    created_by: str
    created_at: str
    updated_at: str
    signed_version: int | None
    text_sha256: str | None
    signed_by: str | None
    signed_at: str | None
    issued_by: str | None
    issued_at: str | None
    # The same people by full name, for sentences ("Ondertekend door mr. J. de Vries"); the
    # fields above are login names (the CLI's JSON, and where an account is meant).
    created_by_name: str = ""
    signed_by_name: str | None = None
    issued_by_name: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "id": int(self.id),
            "reference": self.reference,
            "title": self.title,
            "classification": self.classification.code,
            "status": self.status.value,
            "version": self.version,
            "request_id": None if self.request_id is None else int(self.request_id),
            "created_by": self.created_by,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "signed_version": self.signed_version,
            "text_sha256": self.text_sha256,
            "signed_by": self.signed_by,
            "signed_at": self.signed_at,
            "issued_by": self.issued_by,
            "issued_at": self.issued_at,
        }


@dataclass(frozen=True)
class VersionSaved:
    """A draft or revision was stored; ``warnings`` are the content warnings (old data,
    unknown reliability) the author must see, empty for free text."""

    report: ReportSummary
    warnings: tuple[ContentWarning, ...]


@dataclass(frozen=True)
class VersionView:
    version: int
    author: str
    created_at: str
    submitted_at: str | None
    length: int
    text_sha256: str
    author_name: str = ""  # full name (``author`` is the login name)
    # Submitted and still so, or taken back (withdrawn, sent back); None: never submitted.
    state: VersionState | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "author": self.author,
            "created_at": self.created_at,
            "submitted_at": self.submitted_at,
            "length": self.length,
            "text_sha256": self.text_sha256,
        }


@dataclass(frozen=True)
class AnnotationView:
    """An annotation with its original anchor (``version``/``start``/``end``/``quote``) and its
    placement on the version being shown: an Anchor there, or Outdated."""

    id: int
    version: int
    start: int
    end: int
    quote: str
    comment: str
    author: str
    created_at: str
    placement: Anchor | Outdated
    # Its life after placing (issue 12): ``comment`` above is the wording now.
    state: RemarkState | None = None
    handled_by: str | None = None
    # What this person may do with this remark now (edit, withdraw, handle).
    actions: Mapping[ReportAction, Permission] | None = None
    # Full names (``author`` and ``handled_by`` are login names).
    author_name: str = ""
    handled_by_name: str | None = None

    @property
    def withdrawn(self) -> bool:
        return self.state is not None and self.state.withdrawn

    @property
    def handled(self) -> bool:
        return self.state is not None and self.state.handled

    @property
    def handled_note(self) -> str | None:
        return None if self.state is None else self.state.handled_note

    def may(self, action: ReportAction) -> Permission:
        if self.actions is None or action not in self.actions:
            return Permission(False, "Deze stap hoort hier niet.", False)
        return self.actions[action]

    @property
    def outdated(self) -> bool:
        return isinstance(self.placement, Outdated)

    @property
    def shown_start(self) -> int | None:
        return None if isinstance(self.placement, Outdated) else self.placement.start

    @property
    def shown_end(self) -> int | None:
        return None if isinstance(self.placement, Outdated) else self.placement.end

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "version": self.version,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "comment": self.comment,
            "author": self.author,
            "created_at": self.created_at,
            "outdated": self.outdated,
            "shown_start": self.shown_start,
            "shown_end": self.shown_end,
            "edited": self.state is not None and self.state.edited,
            "withdrawn": self.withdrawn,
            "handled": self.handled,
            "handled_note": self.handled_note,
            "handled_by": self.handled_by,
            "handled_at": None if self.state is None else self.state.handled_at,
        }


@dataclass(frozen=True)
class ReturnView:
    """A step back: the officer withdrew a submission, or the signer sent the report back."""

    kind: str  # "withdraw" | "send_back"
    version: int
    reason: str | None
    actor: str
    at: str
    actor_name: str = ""  # full name (``actor`` is the login name)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "version": self.version,
            "reason": self.reason,
            "by": self.actor,
            "at": self.at,
        }


@dataclass(frozen=True)
class SpecialCaseView:
    """The signer's decision to provide old or unverifiable data (Wiv), recorded at signing."""

    version: int
    findings: tuple[int, ...]
    reason: str
    decided_by: str
    decided_at: str
    decided_by_name: str = ""  # full name (``decided_by`` is the login name)

    @property
    def summary_nl(self) -> str:
        return SpecialCase(self.findings, (), self.reason).summary_nl

    def as_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "findings": list(self.findings),
            "reason": self.reason,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at,
            "summary": self.summary_nl,
        }


@dataclass(frozen=True)
class VerdictView:
    version: int
    verdict: str  # "usable" | "changes_wanted"
    comment: str | None
    author: str
    created_at: str
    author_name: str = ""  # full name (``author`` is the login name)

    def as_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "verdict": self.verdict,
            "comment": self.comment,
            "author": self.author,
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class CorrectionView:
    id: int
    text: str
    author: str
    created_at: str
    provision_id: int | None
    author_name: str = ""  # full name (``author`` is the login name)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "text": self.text,
            "author": self.author,
            "created_at": self.created_at,
            "provision_id": self.provision_id,
        }


@dataclass(frozen=True)
class EventView:
    kind: ReportAction
    actor: str
    version: int
    at: str
    actor_name: str = ""  # full name (``actor`` is the login name)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "actor": self.actor,
            "version": self.version,
            "at": self.at,
        }


@dataclass(frozen=True)
class ReportView:
    """One version of a report as this person may see it, with everything the window shows
    around it."""

    report: ReportSummary
    version: int
    text: str
    content: ReportContent | None  # the structure when the text is in the rendered form
    warnings: tuple[ContentWarning, ...]
    versions: tuple[VersionView, ...]  # the versions this person may read
    annotations: tuple[AnnotationView, ...]  # made on this version or an earlier one
    verdicts: tuple[VerdictView, ...]
    corrections: tuple[CorrectionView, ...]
    history: tuple[EventView, ...]
    allowed_actions: frozenset[ReportAction]
    work_lists: frozenset[WorkList]
    # What this person may do from this view (an earlier version: nothing, read-only), and
    # where the report stands for them; the window shows these and decides nothing itself.
    actions: Mapping[ReportAction, Permission]
    step: ReportStep
    returns: tuple[ReturnView, ...] = ()
    special_case: SpecialCaseView | None = None
    # What signing the latest version would need a special-case decision for (the window asks
    # for it in the sign dialog; empty when nothing is needed or the person cannot sign).
    special_case_grounds: tuple[ContentWarning, ...] = ()
    marking: MarkingView | None = None  # duration and subject (services.marking)

    @property
    def is_latest(self) -> bool:
        return self.version == self.report.version

    def as_dict(self) -> dict[str, object]:
        return {
            **self.report.as_dict(),
            "version": self.version,
            "latest_version": self.report.version,
            "text": self.text,
            "warnings": [w.message for w in self.warnings],
            "versions": [v.as_dict() for v in self.versions],
            "annotations": [a.as_dict() for a in self.annotations],
            "verdicts": [v.as_dict() for v in self.verdicts],
            "corrections": [c.as_dict() for c in self.corrections],
            "history": [e.as_dict() for e in self.history],
            "allowed_actions": sorted(a.value for a in self.allowed_actions),
            "work_lists": sorted(w.value for w in self.work_lists),
            "returns": [r.as_dict() for r in self.returns],
            "special_case": None if self.special_case is None else self.special_case.as_dict(),
            "special_case_needed": [w.message for w in self.special_case_grounds],
            **({} if self.marking is None else self.marking.as_dict()),
        }


@dataclass(frozen=True)
class ReportDiff:
    report_id: ReportId
    reference: str
    from_version: int
    to_version: int
    old_text: str
    new_text: str
    unified: str

    def side_by_side(self) -> tuple[DiffRow, ...]:
        """Rows for a two-column view with word-level highlighting (the window)."""
        return side_by_side(self.old_text, self.new_text)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": int(self.report_id),
            "reference": self.reference,
            "from": self.from_version,
            "to": self.to_version,
            "diff": self.unified,
        }


@dataclass(frozen=True)
class AnnotationRecord:
    id: int
    report_id: ReportId
    version: int
    start: int
    end: int

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "report_id": int(self.report_id),
            "version": self.version,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class IssueResult:
    report: ReportSummary
    provision_id: int
    request_status: str | None  # the linked request's new status, None when spontaneous


@dataclass(frozen=True)
class CorrectionRecord:
    id: int
    report_id: ReportId
    reference: str
    provision_id: int

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "report_id": int(self.report_id),
            "reference": self.reference,
            "provision_id": self.provision_id,
        }


# ---------------------------------------------------------------------------------------------
# Loading and checking


def _load(
    session: Session, conn: Connection, report_id: int, action: ReportAction
) -> tuple[repo.ReportRow, list[ReportEvent]]:
    """The report and its history, after the existence, role, clearance and status checks
    (``report_access.checked_report``)."""
    row, events = checked_report(session, conn, report_id, action)
    # The stored version is kept for lists too; the history is the truth. They must agree.
    if current_version(events) != row.current_version:
        raise IntegrityFailure(
            "De status van het ambtsbericht klopt niet met de vastgelegde geschiedenis."
        )
    return row, events


def _decide(
    session: Session,
    row: repo.ReportRow | None,
    action: ReportAction,
    events: Sequence[ReportEvent],
    text: str | None = None,
) -> ReportStatus:
    return decide(
        None if row is None else row.status,
        action,
        actor_id=session.user.id,
        actor_roles=session.user.roles,
        history=events,
        text=text,
    )


def _current_text(conn: Connection, row: repo.ReportRow) -> str:
    text = repo.version_text(conn, row.id, row.current_version)
    if text is None:  # pragma: no cover - the history and the versions agree
        raise IntegrityFailure("Een versie van het ambtsbericht ontbreekt.")
    return text


def _record(
    session: Session,
    conn: Connection,
    row: repo.ReportRow,
    action: ReportAction,
    version: int,
    after: ReportStatus,
    now: dt.datetime,
) -> None:
    repo.append_event(conn, row.id, ReportEvent(action, session.user.id, version, now))
    repo.set_state(
        conn, row.id, status=after, current_version=max(version, row.current_version), at=now
    )


def _latest_visible(roles: frozenset[Role], events: Sequence[ReportEvent]) -> int:
    visible = visible_versions(roles, events)
    return visible[-1] if visible else 0


def _summary(
    conn: Connection,
    row: repo.ReportRow,
    version: int,
    names: Mapping[UserId, repo.UserNames] | None = None,
) -> ReportSummary:
    ids = [i for i in (row.created_by, row.signed_by, row.issued_by) if i is not None]
    if names is None or any(i not in names for i in ids):
        names = {**(names or {}), **repo.user_names(conn, ids)}
    found = names

    def name(uid: UserId | None) -> str | None:
        return None if uid is None else _login(found, uid)

    def full(uid: UserId | None) -> str | None:
        return None if uid is None else _full_name(found, uid)

    return ReportSummary(
        id=row.id,
        reference=row.reference,
        title=row.title,
        classification=row.classification,
        status=row.status,
        version=version,
        request_id=row.request_id,
        created_by=name(row.created_by) or "",
        created_at=row.created_at,
        updated_at=row.updated_at,
        signed_version=row.signed_version,
        text_sha256=row.text_sha256,
        signed_by=name(row.signed_by),
        signed_at=row.signed_at,
        issued_by=name(row.issued_by),
        issued_at=row.issued_at,
        created_by_name=full(row.created_by) or "",
        signed_by_name=full(row.signed_by),
        issued_by_name=full(row.issued_by),
    )


def _login(names: Mapping[UserId, repo.UserNames], uid: UserId) -> str:
    found = names.get(uid)
    return f"#{int(uid)}" if found is None else found.login


def _full_name(names: Mapping[UserId, repo.UserNames], uid: UserId) -> str:
    found = names.get(uid)
    return f"#{int(uid)}" if found is None else found.full_name


def _fresh_summary(session: Session, conn: Connection, report_id: ReportId) -> ReportSummary:
    row = repo.get(conn, report_id)
    assert row is not None
    events = repo.history(conn, report_id)
    return _summary(conn, row, _latest_visible(session.user.roles, events))


def _clean_title(title: str | None, text: str) -> str:
    """The given title, else the subject of a rendered text, else its first line."""
    if title is not None:
        return validate_title(title)
    content = parse(text)
    if content is not None and content.subject:
        first = content.subject
    else:
        first = next((line.strip() for line in text.split("\n") if line.strip()), "")
        label, sep, rest = first.partition(":")
        if sep and label.strip().lower() == "onderwerp" and rest.strip():
            first = rest
    # The text may hold direction controls a typed title may not: drop them from the label.
    first = strip_invisible(" ".join(first.split()))
    return first if len(first) <= TITLE_MAX_LENGTH else first[: TITLE_MAX_LENGTH - 1] + "…"


def _check_level(session: Session, classification: Classification) -> None:
    if not classification.covered_by(session.user.clearance):
        raise Forbidden(
            "U kunt een ambtsbericht niet hoger rubriceren dan uw eigen machtiging "
            f"({session.user.clearance.code})."
        )


# ---------------------------------------------------------------------------------------------
# The linked request (requests storage, issue 3) and the provisions register. Both are written
# inside the report's own transaction, so a refused or failed step leaves neither changed.


def _prepare_request(conn: Connection, request_id: int) -> tuple[RequestId, RequestStatus]:
    """The linked request exists, is open and has no report yet; it becomes
    ``report_in_preparation`` (a request still ``received`` is taken in progress on the way:
    drafting the answer is handling it)."""
    record = requests_repo.by_id(conn, request_id)
    if record is None:
        raise NotFound(f"Verzoek {int(request_id)} bestaat niet.")
    existing = repo.by_request(conn, record.id)
    if existing:
        raise InvalidState(
            f"Voor verzoek {record.reference} is al een ambtsbericht opgesteld "
            f"({existing[0].reference}); leg wijzigingen daarin vast als een nieuwe versie."
        )
    status = record.status
    if status is RequestStatus.RECEIVED:
        status = request_rules.transition(status, RequestStatus.IN_PROGRESS)
    if status is not RequestStatus.REPORT_IN_PREPARATION:
        status = request_rules.transition(status, RequestStatus.REPORT_IN_PREPARATION)
    requests_repo.set_status(conn, record.id, status)
    return record.id, status


def _close_request(session: Session, conn: Connection, request_id: RequestId) -> RequestStatus:
    """Issuing answers the request: ``closed_report_issued``."""
    record = requests_repo.by_id(conn, request_id)
    if record is None:
        raise IntegrityFailure("Het verzoek bij dit ambtsbericht ontbreekt.")
    status = request_rules.transition(record.status, RequestStatus.CLOSED_REPORT_ISSUED)
    requests_repo.set_status(conn, record.id, status, closed_on=session.clock.today())
    return status


# Spontaneous provisions rest on the AIVD's own power to inform a body that can take measures.
_SPONTANEOUS_BASIS = Purpose.OTHER.legal_basis


def _register(
    session: Session,
    conn: Connection,
    *,
    report_id: ReportId,
    description: str,
    request_id: RequestId | None,
) -> int:
    basis = _SPONTANEOUS_BASIS
    if request_id is not None:
        record = requests_repo.by_id(conn, request_id)
        if record is not None:
            basis = record.purpose.legal_basis
    return repo.insert_provision(
        conn,
        provided_on=session.clock.today(),
        description=description,
        legal_basis=basis,
        provided_by=session.user.name,
        received_by="IND",
        request_id=request_id,
        report_id=report_id,
        recorded_by=session.user.name,
        at=session.clock.now(),
    )


def _register_issue(session: Session, conn: Connection, row: repo.ReportRow) -> int:
    """Art. 1.1: issuing is a provision AIVD→IND; it is registered automatically. Old or
    unverifiable data provided as a special case say so in the register too."""
    description = f"Ambtsbericht {row.reference}"
    decision = repo.special_case(conn, row.id)
    if decision is not None:
        numbers = ", ".join(map(str, decision.findings))
        description += (
            f" (bijzonder geval: bevinding {numbers} met gegevens ouder dan tien jaar of waarvan "
            "de juistheid niet vast te stellen is, op besluit van de ondertekenaar)"
        )
    return _register(
        session,
        conn,
        report_id=row.id,
        request_id=row.request_id,
        description=description,
    )


def _register_correction(
    session: Session, conn: Connection, row: repo.ReportRow, correction_no: int
) -> int:
    """Every recipient is told of a correction: a new provision referring to it."""
    return _register(
        session,
        conn,
        report_id=row.id,
        request_id=row.request_id,
        description=f"Correctie {correction_no} op ambtsbericht {row.reference}",
    )


# ---------------------------------------------------------------------------------------------
# Drafting


def draft_report(
    session: Session,
    *,
    text: str,
    request_id: int | None = None,
    title: str | None = None,
    classification: Classification | None = None,
    duration: ClassificationDuration | None = None,
    subject: marking.SubjectEntry | None = None,
) -> VersionSaved:
    """A new report (version 1, draft), linked to a request (whose status becomes
    ``report_in_preparation``) or spontaneous (``request_id=None``). ``duration`` and a
    spontaneous report's ``subject``: see ``services.marking``."""
    with session.transaction("report.draft", "report:new") as tx:
        _decide(session, None, _A.CREATE, [])
        level = DEFAULT_CLASSIFICATION if classification is None else classification
        _check_level(session, level)
        canonical = validate_version_text(text)
        clean_title = _clean_title(title, canonical)
        now = session.clock.now()
        linked: RequestId | None = None
        request_status: RequestStatus | None = None
        if request_id is not None:
            linked, request_status = _prepare_request(tx.conn, request_id)
        reference = repo.next_reference(tx.conn, session.clock.today().year)
        rid = repo.insert_report(
            tx.conn,
            reference=reference,
            request_id=linked,
            title=clean_title,
            classification=level,
            created_by=session.user.id,
            at=now,
        )
        repo.insert_version(
            tx.conn,
            rid,
            version=1,
            text=canonical,
            text_sha256=text_sha256(canonical),
            author_id=session.user.id,
            at=now,
        )
        repo.append_event(tx.conn, rid, ReportEvent(_A.CREATE, session.user.id, 1, now))
        repo.set_state(tx.conn, rid, status=ReportStatus.DRAFT, current_version=1, at=now)
        tx.object = audit_object(rid)
        tx.details = {
            "reference": reference,
            "version": 1,
            "text_sha256": text_sha256(canonical),  # audit verify holds the text to it
            "classification": level.code,
            "request_id": linked,
            "request_status": None if request_status is None else request_status.value,
        }
        tx.details |= marking.on_draft(
            session,
            tx.conn,
            rid,
            level=level,
            duration=duration,
            subject=subject,
            spontaneous=linked is None,
        )
        summary = _fresh_summary(session, tx.conn, rid)
    return VersionSaved(summary, _warnings_for_text(canonical, today=session.clock.today()))


def _write_version(
    session: Session,
    tx: Tx,
    row: repo.ReportRow,
    events: Sequence[ReportEvent],
    canonical: str,
    title: str | None,
    after: ReportStatus,
) -> int:
    """The next immutable version of ``row`` (decided and validated by the caller)."""
    latest = repo.version_sha256(tx.conn, row.id, row.current_version)
    digest = text_sha256(canonical)
    if latest == digest:
        raise InvalidInput(
            f"De tekst is gelijk aan versie {row.current_version}; er is niets herzien.",
            field="text",
        )
    version = next_version(events)
    now = session.clock.now()
    repo.insert_version(
        tx.conn,
        row.id,
        version=version,
        text=canonical,
        text_sha256=digest,
        author_id=session.user.id,
        at=now,
    )
    if title is not None:
        repo.set_title(tx.conn, row.id, _clean_title(title, canonical))
    _record(session, tx.conn, row, _A.REVISE, version, after, now)
    return version


def _reclassify(
    session: Session,
    tx: Tx,
    row: repo.ReportRow,
    classification: Classification,
    after: ReportStatus,
) -> None:
    now = session.clock.now()
    repo.set_classification(tx.conn, row.id, classification)
    current = repo.get(tx.conn, row.id)  # a version written just before moved it on
    assert current is not None
    _record(session, tx.conn, current, _A.SET_CLASSIFICATION, current.current_version, after, now)


def save_version(
    session: Session,
    report_id: int,
    *,
    text: str,
    classification: Classification | None = None,
    title: str | None = None,
    duration: ClassificationDuration | None = None,
) -> VersionSaved:
    """What "Opslaan als nieuwe versie" does, as one use case: a new version when the text
    changed and the new classification when it changed, in one transaction with one audit
    entry (``report.revise``, or ``report.classify`` when only the level changed). Either both
    are allowed and stored, or nothing is: the level is judged on the status the person saw
    (so a usable report's level is not changed by revising it)."""
    canonical = validate_version_text(text)
    digest = text_sha256(canonical)
    # The audit action names what the entry records, so it is chosen before the transaction
    # from a hash comparison (no content leaves storage); the transaction checks it again.
    with session.reading() as conn:
        row = repo.get(conn, report_id)
        before = None if row is None else repo.version_sha256(conn, row.id, row.current_version)
    expected = before != digest
    with session.transaction(
        "report.revise" if expected else "report.classify", audit_object(report_id)
    ) as tx:
        row, events = _load(session, tx.conn, report_id, _A.REVISE)
        text_changed = repo.version_sha256(tx.conn, row.id, row.current_version) != digest
        if text_changed != expected:
            raise InvalidState(
                "Het ambtsbericht is intussen door een ander gewijzigd; open het opnieuw."
            )
        level_changed = classification is not None and classification != row.classification
        # The duration is part of the marking: saved, judged and audited like the level.
        new_level = row.classification if classification is None else classification
        marked = level_changed or marking.duration_changes(tx.conn, row.id, new_level, duration)
        if not text_changed and not marked:
            raise InvalidInput(
                f"De tekst is gelijk aan versie {row.current_version}; er is niets herzien.",
                field="text",
            )
        details: dict[str, object] = {"reference": row.reference}
        after = row.status
        if text_changed:
            after = _decide(session, row, _A.REVISE, events)
        if marked:
            classified = _decide(session, row, _A.SET_CLASSIFICATION, events)
            if level_changed:
                _check_level(session, new_level)
                details |= {"from": row.classification.code, "to": new_level.code}
            after = after if text_changed else classified
        if text_changed:
            version = _write_version(session, tx, row, events, canonical, title, after)
            details |= {
                "version": version,
                "from_status": row.status.value,
                "text_sha256": digest,
            }
        if level_changed:
            assert classification is not None
            _reclassify(session, tx, row, classification, after)
        if marked:
            details |= marking.on_save(tx.conn, row.id, new_level, duration)
        tx.details = details
        summary = _fresh_summary(session, tx.conn, row.id)
    return VersionSaved(summary, _warnings_for_text(canonical, today=session.clock.today()))


def revise_report(
    session: Session, report_id: int, *, text: str, title: str | None = None
) -> VersionSaved:
    """A new immutable version; the report goes (back) to draft. Not while in review, not
    after signing."""
    with session.transaction("report.revise", audit_object(report_id)) as tx:
        row, events = _load(session, tx.conn, report_id, _A.REVISE)
        after = _decide(session, row, _A.REVISE, events)
        canonical = validate_version_text(text)
        version = _write_version(session, tx, row, events, canonical, title, after)
        tx.details = {
            "reference": row.reference,
            "version": version,
            "from_status": row.status.value,
            "text_sha256": text_sha256(canonical),
        }
        summary = _fresh_summary(session, tx.conn, row.id)
    return VersionSaved(summary, _warnings_for_text(canonical, today=session.clock.today()))


def set_classification(
    session: Session, report_id: int, classification: Classification
) -> ReportSummary:
    """The author changes the level while the text is editable (draft, changes wanted)."""
    with session.transaction("report.classify", audit_object(report_id)) as tx:
        row, events = _load(session, tx.conn, report_id, _A.SET_CLASSIFICATION)
        after = _decide(session, row, _A.SET_CLASSIFICATION, events)
        _check_level(session, classification)
        _reclassify(session, tx, row, classification, after)
        tx.details = {
            "reference": row.reference,
            "from": row.classification.code,
            "to": classification.code,
        }
        return _fresh_summary(session, tx.conn, row.id)


def submit_report(session: Session, report_id: int) -> ReportSummary:
    """The current version goes to the IND liaison for review; its text is frozen."""
    with session.transaction("report.submit", audit_object(report_id)) as tx:
        row, events = _load(session, tx.conn, report_id, _A.SUBMIT)
        after = _decide(session, row, _A.SUBMIT, events, _current_text(tx.conn, row))
        now = session.clock.now()
        repo.mark_submitted(tx.conn, row.id, row.current_version, now)
        _record(session, tx.conn, row, _A.SUBMIT, row.current_version, after, now)
        tx.details = {"reference": row.reference, "version": row.current_version}
        return _fresh_summary(session, tx.conn, row.id)


# ---------------------------------------------------------------------------------------------
# Review (IND liaison)


def annotate(
    session: Session, report_id: int, *, quote: str, comment: str, start: int | None = None
) -> AnnotationRecord:
    """Anchor a comment to a passage of the version under review. ``start`` picks the
    occurrence when the quote occurs more than once (the selection start in the window)."""
    with session.transaction("report.annotate", audit_object(report_id)) as tx:
        row, events = _load(session, tx.conn, report_id, _A.ANNOTATE)
        after = _decide(session, row, _A.ANNOTATE, events)
        version = row.current_version
        text = _current_text(tx.conn, row)
        if start is not None and start < 0:
            raise InvalidInput("De beginpositie kan niet negatief zijn.", field="start")
        anchor = anchor_quote(text, quote, version=version, start=start)
        clean_comment = _validate_comment(comment)
        now = session.clock.now()
        aid = repo.insert_annotation(
            tx.conn,
            row.id,
            version=version,
            start=anchor.start,
            end=anchor.end,
            quote=anchor.quote,
            comment=clean_comment,
            author_id=session.user.id,
            at=now,
        )
        _record(session, tx.conn, row, _A.ANNOTATE, version, after, now)
        tx.details = {"reference": row.reference, "version": version, "annotation": aid}
    return AnnotationRecord(aid, row.id, version, anchor.start, anchor.end)


def give_verdict(
    session: Session, report_id: int, *, usable: bool, comment: str | None = None
) -> ReportSummary:
    """Art. 2.4: "bruikbaar" (usable) or "aanpassing wenselijk" (changes wanted) on the
    version under review."""
    action = _A.VERDICT_USABLE if usable else _A.VERDICT_CHANGES_WANTED
    with session.transaction("report.verdict", audit_object(report_id)) as tx:
        row, events = _load(session, tx.conn, report_id, action)
        after = _decide(session, row, action, events)
        clean = None if comment is None else _validate_comment(comment)
        now = session.clock.now()
        verdict = "usable" if usable else "changes_wanted"
        repo.insert_verdict(
            tx.conn,
            row.id,
            version=row.current_version,
            verdict=verdict,
            comment=clean,
            author_id=session.user.id,
            at=now,
        )
        _record(session, tx.conn, row, action, row.current_version, after, now)
        tx.details = {
            "reference": row.reference,
            "version": row.current_version,
            "verdict": verdict,
        }
        return _fresh_summary(session, tx.conn, row.id)


# ---------------------------------------------------------------------------------------------
# Going back (issue 12): the officer withdraws a submission, the signer sends a report back


def withdraw_submission(
    session: Session, report_id: int, *, reason: str | None = None
) -> ReportSummary:
    """The officer takes a submitted version back from the liaison: the report is a draft
    again (the same version; it may be submitted again or revised). The liaison's remarks on it
    stay."""
    return _step_back(
        session,
        report_id,
        _A.WITHDRAW,
        "report.withdraw",
        lambda: validate_reason(
            reason, field="reason", required=False, label="De reden van het intrekken"
        ),
    )


def send_back(session: Session, report_id: int, *, reason: str) -> ReportSummary:
    """The signer does not sign and sends the report back to the officer with a reason: it is
    a draft again, to be revised and judged anew. It counts as involvement (art. 2.5): it is a
    recorded step of the signer's in the history."""
    return _step_back(
        session,
        report_id,
        _A.SEND_BACK,
        "report.send_back",
        lambda: validate_reason(
            reason, field="reason", required=True, label="De reden van het terugsturen"
        ),
    )


def _step_back(
    session: Session,
    report_id: int,
    action: ReportAction,
    audit_action: str,
    valid_reason: Callable[[], str | None],
) -> ReportSummary:
    # The permission first (a refusal is audited as denied), then the reason.
    with session.transaction(audit_action, audit_object(report_id)) as tx:
        row, events = _load(session, tx.conn, report_id, action)
        after = _decide(session, row, action, events)
        reason = valid_reason()
        now = session.clock.now()
        repo.insert_step_reason(
            tx.conn,
            row.id,
            version=row.current_version,
            kind=action.value,
            reason=reason,
            actor_id=session.user.id,
            at=now,
        )
        _record(session, tx.conn, row, action, row.current_version, after, now)
        tx.details = {"reference": row.reference, "version": row.current_version}
        return _fresh_summary(session, tx.conn, row.id)


# ---------------------------------------------------------------------------------------------
# Remarks after they are placed (issue 12)


def _remark_step(
    session: Session,
    tx: Tx,
    report_id: int,
    annotation_id: int,
    action: ReportAction,
    change: RemarkChange,
    text: str | None,
) -> AnnotationRecord:
    """One change of a placed remark, inside its use case's transaction ``tx``."""
    row, events = _load(session, tx.conn, report_id, action)
    note = repo.get_annotation(tx.conn, annotation_id)
    if note is None or note.report_id != row.id:
        raise NotFound(f"Opmerking {int(annotation_id)} hoort niet bij dit ambtsbericht.")
    after = _decide(session, row, action, events)
    state = remark_state(note.comment, repo.remark_events(tx.conn, row.id).get(note.id, ()))
    check_remark_change(
        change,
        actor_id=session.user.id,
        author_id=note.author_id,
        remark_version=note.version,
        review_version=row.current_version if row.status is ReportStatus.IN_REVIEW else None,
        state=state,
    )
    now = session.clock.now()
    repo.insert_remark_event(
        tx.conn, note.id, kind=change, text=text, actor_id=session.user.id, at=now
    )
    _record(session, tx.conn, row, action, row.current_version, after, now)
    tx.details = {"reference": row.reference, "version": row.current_version, "annotation": note.id}
    return AnnotationRecord(note.id, note.report_id, note.version, note.start, note.end)


def edit_remark(
    session: Session, report_id: int, annotation_id: int, *, comment: str
) -> AnnotationRecord:
    """The liaison rewords their own remark, until the verdict on its version."""
    clean = _validate_comment(comment)
    with session.transaction("report.remark_edit", audit_object(report_id)) as tx:
        return _remark_step(
            session, tx, report_id, annotation_id, _A.EDIT_REMARK, RemarkChange.EDIT, clean
        )


def withdraw_remark(session: Session, report_id: int, annotation_id: int) -> AnnotationRecord:
    """The liaison takes their own remark back, until the verdict on its version."""
    with session.transaction("report.remark_withdraw", audit_object(report_id)) as tx:
        return _remark_step(
            session, tx, report_id, annotation_id, _A.WITHDRAW_REMARK, RemarkChange.WITHDRAW, None
        )


def handle_remark(
    session: Session, report_id: int, annotation_id: int, *, note: str
) -> AnnotationRecord:
    """The officer marks a remark handled, with a note the liaison reads; until signed."""
    clean = validate_handled_note(note)
    with session.transaction("report.remark_handle", audit_object(report_id)) as tx:
        return _remark_step(
            session, tx, report_id, annotation_id, _A.HANDLE_REMARK, RemarkChange.HANDLE, clean
        )


# ---------------------------------------------------------------------------------------------
# Signing and issuing


def sign_report(
    session: Session,
    report_id: int,
    *,
    proof: Reauthentication,
    classification: Classification | None = None,
    special_case_reason: str | None = None,
) -> ReportSummary:
    """Four eyes: only an ``aivd_signer`` who wrote no version signs, and only the text the
    liaison judged usable. The signer fixes the classification (``None`` keeps it). The hash of
    the signed text is recorded and the text is frozen for ever (also by triggers).

    ``proof``: the signer's password typed just now (``Session.reauthenticate``; the CLI's own
    sign-in, ``Session.sign_in_proof``), good for this one signature: it is spent when the
    signature commits (``Session.take_proof``), so it cannot sign another report nor issue
    this one; a signing refused after the check (the classification, the special case, a
    damaged text) gives it back. A text with data older than ten years or of unknown
    correctness is signed only with the signer's decision to provide it as a special case:
    ``special_case_reason``, recorded with the signature (domain.reports.special_case)."""
    with session.transaction("report.sign", audit_object(report_id)) as tx:
        row, events = _load(session, tx.conn, report_id, _A.SIGN)
        version = row.current_version
        text = repo.version_text(tx.conn, row.id, version)
        after = _decide(session, row, _A.SIGN, events, text)
        session.take_proof(tx, proof, "het ondertekenen")
        level = row.classification if classification is None else classification
        _check_level(session, level)
        decision = special_case(text or "", today=session.clock.today(), reason=special_case_reason)
        stored = repo.version_sha256(tx.conn, row.id, version)
        digest = None if text is None else text_sha256(text)
        if digest is None or digest != stored:
            raise IntegrityFailure(
                "De tekst van het ambtsbericht is beschadigd; er wordt niet ondertekend."
            )
        now = session.clock.now()
        repo.append_event(tx.conn, row.id, ReportEvent(_A.SIGN, session.user.id, version, now))
        repo.mark_signed(
            tx.conn,
            row.id,
            version=version,
            text_sha256=digest,
            classification=level,
            signed_by=session.user.id,
            at=now,
        )
        if decision is not None:
            repo.insert_special_case(
                tx.conn,
                row.id,
                version=version,
                findings=decision.findings,
                reason=decision.reason,
                decided_by=session.user.id,
                at=now,
            )
        assert after is ReportStatus.SIGNED
        tx.details = {
            "reference": row.reference,
            "version": version,
            "text_sha256": digest,
            "classification": level.code,
            "reauthenticated_at": format_ts(proof.at),
        }
        if decision is not None:
            # Which findings only: the reason is the signer's free text, kept with the report.
            tx.details["special_case_findings"] = list(decision.findings)
        return _fresh_summary(session, tx.conn, row.id)


def issue_report(session: Session, report_id: int, *, proof: Reauthentication) -> IssueResult:
    """Issue a signed report: its provision AIVD→IND is registered and a linked request is
    closed (``closed_report_issued``), in the same transaction. ``proof``: as for signing, the
    password of the person issuing, typed just now, spent by this one issue (the proof that
    signed the report is spent already: issuing asks for the password again)."""
    with session.transaction("report.issue", audit_object(report_id)) as tx:
        row, events = _load(session, tx.conn, report_id, _A.ISSUE)
        after = _decide(session, row, _A.ISSUE, events)
        session.take_proof(tx, proof, "het uitbrengen")
        now = session.clock.now()
        repo.append_event(
            tx.conn, row.id, ReportEvent(_A.ISSUE, session.user.id, row.current_version, now)
        )
        repo.mark_issued(tx.conn, row.id, issued_by=session.user.id, at=now)
        assert after is ReportStatus.ISSUED
        provision_id = _register_issue(session, tx.conn, row)
        request_status = None
        if row.request_id is not None:
            request_status = _close_request(session, tx.conn, row.request_id).value
        tx.details = {
            "reference": row.reference,
            "version": row.current_version,
            "provision_id": provision_id,
            "request_id": row.request_id,
            "reauthenticated_at": format_ts(proof.at),
        }
        summary = _fresh_summary(session, tx.conn, row.id)
    return IssueResult(summary, provision_id, request_status)


def record_correction(session: Session, report_id: int, text: str) -> CorrectionRecord:
    """Provided data turned out to be wrong (art. 2.4): the correction is recorded against the
    issued report and, as a new provision to the IND referring to it, in the register (so every
    recipient is told)."""
    with session.transaction("report.correct", audit_object(report_id)) as tx:
        row, events = _load(session, tx.conn, report_id, _A.CORRECT)
        after = _decide(session, row, _A.CORRECT, events)
        clean = validate_correction(text)
        now = session.clock.now()
        number = len(repo.list_corrections(tx.conn, row.id)) + 1
        provision_id = _register_correction(session, tx.conn, row, number)
        cid = repo.insert_correction(
            tx.conn,
            row.id,
            text=clean,
            author_id=session.user.id,
            at=now,
            provision_id=provision_id,
        )
        _record(session, tx.conn, row, _A.CORRECT, row.current_version, after, now)
        tx.details = {"reference": row.reference, "correction": cid, "provision_id": provision_id}
    return CorrectionRecord(cid, row.id, row.reference, provision_id)


# ---------------------------------------------------------------------------------------------
# Views (audited: they show classified content)


def _check_shown_text(
    row: repo.ReportRow, shown: int, text: str, versions: Sequence[repo.VersionInfo]
) -> None:
    """A text changed in the database behind the application's back is not shown: it must
    hash to its version's recorded hash and, once signed, to the hash frozen at signing."""
    stored = next((v.text_sha256 for v in versions if v.version == shown), None)
    digest = text_sha256(text)
    if digest != stored or (row.signed_version == shown and digest != row.text_sha256):
        raise IntegrityFailure(
            "De tekst van dit ambtsbericht klopt niet meer met de vastgelegde hash en wordt niet "
            "getoond. Laat de functioneel beheerder de audittrail controleren."
        )


def get_report(session: Session, report_id: int, version: int | None = None) -> ReportView:
    """One version (default: the latest this person may read) with annotations re-anchored
    onto it, verdicts, corrections, history and what this person can do next."""
    with session.damage_on_record("report.view", audit_object(report_id)):
        return _get_report(session, report_id, version)


def _get_report(session: Session, report_id: int, version: int | None) -> ReportView:
    with session.transaction("report.view", audit_object(report_id)) as tx:
        row, events = _load(session, tx.conn, report_id, _A.VIEW)
        roles = session.user.roles
        visible = visible_versions(roles, events)
        if version is None:
            if not visible:
                raise Forbidden(
                    "Er is nog geen versie van dit ambtsbericht ter beoordeling aangeboden."
                )
            shown = visible[-1]
        else:
            shown = version
        check_version_visible(roles, events, shown)
        notes = repo.list_annotations(tx.conn, row.id, up_to_version=shown)
        texts = repo.version_texts(
            tx.conn, row.id, {shown, row.current_version, *(a.version for a in notes)}
        )
        text = texts[shown]
        anchors = {a.id: Anchor(a.version, a.start, a.end, a.quote) for a in notes}
        placed = Reanchorer(texts).reanchor_all(anchors, shown)
        verdict_rows = repo.list_verdicts(tx.conn, row.id)
        correction_rows = repo.list_corrections(tx.conn, row.id)
        changes = repo.remark_events(tx.conn, row.id)
        states = {a.id: remark_state(a.comment, changes.get(a.id, ())) for a in notes}
        step_reasons = repo.list_step_reasons(tx.conn, row.id)
        decision = repo.special_case(tx.conn, row.id)
        all_versions = repo.list_versions(tx.conn, row.id)
        _check_shown_text(row, shown, text, all_versions)
        visible_set = set(visible)
        aivd = bool(roles & {Role.AIVD_OFFICER, Role.AIVD_SIGNER})
        shown_events = [e for e in events if aivd or e.version in visible_set]
        names = repo.user_names(
            tx.conn,
            {
                *(a.author_id for a in notes),
                *(v.author_id for v in verdict_rows),
                *(c.author_id for c in correction_rows),
                *(v.author_id for v in all_versions),
                *(e.actor_id for e in shown_events),
                *(i for i in (row.created_by, row.signed_by, row.issued_by) if i is not None),
                *(st.handled_by for st in states.values() if st.handled_by is not None),
                *(r.actor_id for r in step_reasons),
                *(() if decision is None else (decision.decided_by,)),
            },
        )

        def name(uid: UserId) -> str:
            return _login(names, uid)

        def full(uid: UserId) -> str:
            return _full_name(names, uid)

        def maybe_name(uid: UserId | None) -> str | None:
            return None if uid is None else name(uid)

        def maybe_full(uid: UserId | None) -> str | None:
            return None if uid is None else full(uid)

        latest = shown == (visible[-1] if visible else 0)
        granted = permissions(
            row.status,
            actor_id=session.user.id,
            actor_roles=roles,
            history=events,
            latest=latest,
            text=texts[row.current_version],
        )
        review_version = row.current_version if row.status is ReportStatus.IN_REVIEW else None
        grounds: tuple[ContentWarning, ...] = ()
        if granted[_A.SIGN].allowed:
            grounds = special_case_grounds(texts[row.current_version], today=session.clock.today())

        def remark_actions(a: repo.AnnotationRow) -> Mapping[ReportAction, Permission]:
            return remark_permissions(
                row.status,
                RemarkFacts(a.author_id, a.version, states[a.id]),
                actor_id=session.user.id,
                actor_roles=roles,
                history=events,
                review_version=review_version,
                latest=latest,
            )

        submission_states = version_states(events)
        view = ReportView(
            marking=marking.marking_of(tx.conn, row, session.user.roles),
            report=_summary(tx.conn, row, visible[-1] if visible else 0, names),
            version=shown,
            text=text,
            content=parse(text),
            warnings=_warnings_for_text(text, today=session.clock.today()),
            versions=tuple(
                VersionView(
                    v.version,
                    name(v.author_id),
                    v.created_at,
                    v.submitted_at,
                    v.length,
                    v.text_sha256,
                    author_name=full(v.author_id),
                    state=submission_states.get(v.version),
                )
                for v in all_versions
                if v.version in visible_set
            ),
            annotations=tuple(
                AnnotationView(
                    a.id,
                    a.version,
                    a.start,
                    a.end,
                    a.quote,
                    states[a.id].comment,
                    name(a.author_id),
                    a.created_at,
                    placed[a.id],
                    state=states[a.id],
                    handled_by=maybe_name(states[a.id].handled_by),
                    actions=remark_actions(a),
                    author_name=full(a.author_id),
                    handled_by_name=maybe_full(states[a.id].handled_by),
                )
                for a in notes
            ),
            verdicts=tuple(
                VerdictView(
                    v.version,
                    v.verdict,
                    v.comment,
                    name(v.author_id),
                    v.created_at,
                    author_name=full(v.author_id),
                )
                for v in verdict_rows
            ),
            corrections=tuple(
                CorrectionView(
                    c.id,
                    c.text,
                    name(c.author_id),
                    c.created_at,
                    c.provision_id,
                    author_name=full(c.author_id),
                )
                for c in correction_rows
            ),
            history=tuple(
                EventView(
                    e.kind,
                    name(e.actor_id),
                    e.version,
                    format_ts(e.at),
                    actor_name=full(e.actor_id),
                )
                for e in shown_events
            ),
            allowed_actions=allowed_actions(
                row.status,
                actor_id=session.user.id,
                actor_roles=roles,
                history=events,
                text=texts[row.current_version],
            ),
            work_lists=work_lists(
                row.status, user_id=session.user.id, user_roles=roles, history=events
            ),
            actions=granted,
            step=report_step(row.status, granted, latest=latest, history=events),
            returns=tuple(
                ReturnView(
                    r.kind, r.version, r.reason, name(r.actor_id), r.at, actor_name=full(r.actor_id)
                )
                for r in step_reasons
                if aivd or r.version in visible_set
            ),
            special_case=(
                None
                if decision is None
                else SpecialCaseView(
                    decision.version,
                    decision.findings,
                    decision.reason,
                    name(decision.decided_by),
                    decision.decided_at,
                    decided_by_name=full(decision.decided_by),
                )
            ),
            special_case_grounds=grounds,
        )
        tx.details = {"reference": row.reference, "version": shown}
    return view


def diff_report(session: Session, report_id: int, from_version: int, to_version: int) -> ReportDiff:
    """A unified diff of two versions this person may read (and both texts, for the
    side-by-side view)."""
    with session.damage_on_record("report.diff", audit_object(report_id)):
        return _diff_report(session, report_id, from_version, to_version)


def _diff_report(
    session: Session, report_id: int, from_version: int, to_version: int
) -> ReportDiff:
    with session.transaction("report.diff", audit_object(report_id)) as tx:
        row, events = _load(session, tx.conn, report_id, _A.VIEW)
        for v in (from_version, to_version):
            check_version_visible(session.user.roles, events, v)
        texts = repo.version_texts(tx.conn, row.id, (from_version, to_version))
        old, new = texts[from_version], texts[to_version]
        versions = repo.list_versions(tx.conn, row.id)
        for v, shown_text in ((from_version, old), (to_version, new)):
            _check_shown_text(row, v, shown_text, versions)
        unified = unified_diff(
            old,
            new,
            f"{row.reference} versie {from_version}",
            f"{row.reference} versie {to_version}",
        )
        tx.details = {"reference": row.reference, "from": from_version, "to": to_version}
    return ReportDiff(row.id, row.reference, from_version, to_version, old, new, unified)


def new_report_actions(session: Session) -> Mapping[ReportAction, Permission]:
    """What this person may do before a report exists: write one (``create``), and the steps
    that follow its first save (offered, refused until then). No database work."""
    return permissions(None, actor_id=session.user.id, actor_roles=session.user.roles, history=())


def my_work_lists(
    session: Session, *, issued_limit: int | None = 100
) -> dict[WorkList, tuple[ReportSummary, ...]]:
    """The work lists of the signed-in person (every list, possibly empty), most recently
    changed first. One query for the candidate reports, one for all their histories.
    ``issued_limit`` bounds the (ever growing) issued list to the most recent ones."""
    roles = session.user.roles
    with session.transaction("report.list", "reports") as tx:
        require_any_role(roles, ALLOWED_ROLES[_A.VIEW], _A.VIEW.label_nl)
        # The statuses the person's lists can hold (domain.reports.WORK_LIST_RULES).
        statuses = {s for w in work_lists_for(roles) for s in w.rule.statuses}
        rows, histories = repo.candidates(
            tx.conn,
            max_classification=session.user.clearance,
            statuses=statuses,
            issued_limit=issued_limit,
        )
        names = repo.user_names(
            tx.conn,
            {i for r in rows for i in (r.created_by, r.signed_by, r.issued_by) if i is not None},
        )
        result: dict[WorkList, list[ReportSummary]] = {w: [] for w in WorkList}
        for row in rows:
            events = histories[row.id]
            lists = work_lists(
                row.status, user_id=session.user.id, user_roles=roles, history=events
            )
            if not lists:
                continue
            summary = _summary(tx.conn, row, _latest_visible(roles, events), names)
            for w in lists:
                result[w].append(summary)
        tx.details = {w.value: len(items) for w, items in result.items()}
    return {w: tuple(items) for w, items in result.items()}


def involved_users(session: Session, report_id: int) -> frozenset[UserId]:
    """Art. 2.5: everyone with a recorded step in the report's history. Not a view of content
    (no audit entry); inside another use case's transaction call
    ``desktop_app.storage.reports.involved_users(tx.conn, report_id)`` instead."""
    with session.reading() as conn:
        return repo.involved_users(conn, report_id)

"""Inspection of underlying data at the AIVD office (inzage, art. 2.5).

All five conditions are checked here, from the current facts, by ``domain.inspection``:
designation current, not involved (from the report's recorded history and who added its
underlying data), workstation registered at the AIVD, report issued, and per item the
inspector's clearance. ``start_inspection`` checks them, and ``open_item`` checks them again
before every item (AUTHZ-3): someone who becomes involved, or whose designation runs out,
loses access at the next item. Every refusal is audited (result ``denied``).

Content leaves this module only through ``open_item``, for the inspection window; no CLI
command shows it. Each opening, closing, activity and the end are recorded in the session's
append-only log, from which viewing durations are replayed. Idle time (setting
``inspection_idle_minutes``, default 10) ends the session at the moment it ran out.

Decisions:
- Who may read the record ("verslag van inzage") and the history of a report's inspections:
  the inspector of that session, and AIVD officers and signers whose clearance covers the
  report. Titles of items above the reader's clearance are withheld.
- The record is marked with the highest classification of the items viewed, at least
  Departementaal Vertrouwelijk (it tells who looked at which underlying data).
- Activity (input in the window) is recorded at most once a minute, so the log and the audit
  trail stay readable; the idle deadline is therefore exact to within a minute.
- The workstation's location is read from the workspace settings at every check, not only at
  sign-in.
- An item the viewer cannot display ("other") is listed but cannot be opened: no content of it
  ever leaves the database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import (
    AppError,
    Forbidden,
    InvalidState,
    NotFound,
)
from desktop_app.domain.evidence import NOT_DISPLAYABLE_NL, EvidenceKind
from desktop_app.domain.ids import EvidenceId, InspectionId, ReportId
from desktop_app.domain.inspection import (
    Eligibility,
    EndReason,
    InspectionSession,
    InvolvementEvent,
    RecordedEvent,
    SessionEvent,
    SessionEventKind,
    check_eligibility,
    normalize_notes,
    replay,
    visible_items,
)
from desktop_app.domain.reports import ReportStatus
from desktop_app.domain.roles import Role, require_any_role
from desktop_app.domain.settings import INSPECTION_IDLE_MINUTES
from desktop_app.services import settings
from desktop_app.services.report_access import existing_report, require_cleared
from desktop_app.services.session import AUDITED_REFUSALS, Session
from desktop_app.storage import audit
from desktop_app.storage import evidence as evidence_repo
from desktop_app.storage import inspections as repo
from desktop_app.storage import reports as reports_repo
from desktop_app.storage import users as users_repo
from desktop_app.storage.db import Connection
from desktop_app.storage.users import UserRecord

log = logging.getLogger(__name__)

__all__ = [
    "ACTIVITY_INTERVAL",
    "IDLE_SETTING",
    "READER_ROLES",
    "InspectableReport",
    "InspectionItemView",
    "InspectionRecordView",
    "StartedInspection",
    "ViewedItemView",
    "check_idle",
    "close_item",
    "end_inspection",
    "get_record",
    "idle_minutes",
    "inspectable_in",
    "inspectable_reports",
    "list_inspections",
    "my_inspections",
    "open_item",
    "record_pdf",
    "start_inspection",
    "touch",
]

IDLE_SETTING = INSPECTION_IDLE_MINUTES.key
ACTIVITY_INTERVAL = dt.timedelta(seconds=60)
INSPECTOR_ROLES = frozenset({Role.IND_INSPECTOR})
READER_ROLES = frozenset({Role.AIVD_OFFICER, Role.AIVD_SIGNER})
RECORD_FLOOR = Classification.DEP_VERTROUWELIJK
_ACTION_NL = "inzage in onderliggende gegevens"
_ADDED_EVIDENCE = "add_evidence"  # not a known kind: counts as "op een andere manier bewerkt"


# ---------------------------------------------------------------------------------------------
# What the use cases return (frozen; ``as_dict`` is the CLI's JSON shape)


@dataclass(frozen=True)
class InspectionItemView:
    """An item as the inspector's list shows it: metadata, never content."""

    id: EvidenceId
    title: str
    classification: Classification
    kind: EvidenceKind
    media_type: str
    size_bytes: int
    source_note: str
    data_date: dt.date | None

    @property
    def displayable(self) -> bool:
        return self.kind.displayable

    def as_dict(self) -> dict[str, object]:
        """Titles only (cli.md): the content is shown in the window alone."""
        return {"id": int(self.id), "title": self.title, "classification": self.classification.code}


@dataclass(frozen=True)
class StartedInspection:
    id: InspectionId
    report_id: ReportId
    report_reference: str
    inspector_name: str
    inspector_full_name: str
    started_at: dt.datetime
    idle_minutes: int
    items: tuple[InspectionItemView, ...]
    # The designation this inspection runs under (the window shows it, issue 12).
    designation_ref: str = ""
    designation_until: dt.date | None = None

    def as_dict(self) -> dict[str, object]:
        return {"session": int(self.id), "items": [i.as_dict() for i in self.items]}


@dataclass(frozen=True)
class ViewedItemView:
    item_id: EvidenceId
    title: str
    classification: Classification | None
    """None when the reader's clearance does not cover the item (its title is withheld)."""
    seconds: int
    times_opened: int
    first_opened_at: dt.datetime

    def as_dict(self) -> dict[str, object]:
        return {
            "id": int(self.item_id),
            "title": self.title,
            "classification": None if self.classification is None else self.classification.code,
            "seconds": self.seconds,
            "times_opened": self.times_opened,
            "first_opened_at": audit.format_ts(self.first_opened_at),
        }


@dataclass(frozen=True)
class InspectionRecordView:
    """The "verslag van inzage": who, when, which report, which items and for how long, and
    the inspector's notes. ``ended_at`` is where the session ended or (idle) ran out; None
    while it is still running."""

    id: InspectionId
    report_id: ReportId
    report_reference: str
    report_title: str
    inspector_name: str
    inspector_full_name: str
    designation_ref: str
    workstation_id: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    end_reason: EndReason | None
    closed: bool
    notes: str
    listed_items: int
    viewed: tuple[ViewedItemView, ...]
    classification: Classification

    @property
    def total_seconds(self) -> int:
        return sum(v.seconds for v in self.viewed)

    def as_dict(self) -> dict[str, object]:
        return {
            "session": int(self.id),
            "report_id": int(self.report_id),
            "report_reference": self.report_reference,
            "inspector": self.inspector_name,
            "inspector_full_name": self.inspector_full_name,
            "designation": self.designation_ref,
            "workstation": self.workstation_id,
            "started_at": audit.format_ts(self.started_at),
            "ended_at": None if self.ended_at is None else audit.format_ts(self.ended_at),
            "end_reason": None if self.end_reason is None else self.end_reason.value,
            "closed": self.closed,
            "listed_items": self.listed_items,
            "viewed": [v.as_dict() for v in self.viewed],
            "total_seconds": self.total_seconds,
            "notes": self.notes,
            "classification": self.classification.code,
        }


@dataclass(frozen=True)
class InspectableReport:
    """An issued report as the inspector's overview shows it, with whether inspection is
    possible now and, if not, why (the first refusal)."""

    id: ReportId
    reference: str
    title: str
    """Empty when the inspector's clearance does not cover the report itself."""
    issued_at: str | None
    items: int
    allowed: bool
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {
            "id": int(self.id),
            "reference": self.reference,
            "title": self.title,
            "issued_at": self.issued_at,
            "items": self.items,
            "allowed": self.allowed,
            "reason": self.reason,
        }


# ---------------------------------------------------------------------------------------------
# Helpers


def _obj(inspection_id: int) -> str:
    return f"inspection:{int(inspection_id)}"


def idle_minutes(conn: Connection) -> int:
    """The workspace setting ``inspection_idle_minutes``; missing or invalid: the default."""
    return settings.read(conn, INSPECTION_IDLE_MINUTES)


def _fresh_user(session: Session, conn: Connection) -> UserRecord:
    """The user as stored now: roles and clearance can change while a session is open."""
    user = users_repo.by_id(conn, session.user.id)
    if user is None or not user.active:
        raise Forbidden("Uw account is niet (meer) actief.")
    return user


def _history(conn: Connection, report_id: ReportId) -> list[InvolvementEvent]:
    events: list[InvolvementEvent] = list(reports_repo.history(conn, report_id))
    events += [
        RecordedEvent(_ADDED_EVIDENCE, uid)
        for uid in sorted(evidence_repo.contributors(conn, report_id))
    ]
    return events


def _location(session: Session, conn: Connection) -> str:
    return users_repo.get_setting(conn, "location") or session.location


def _eligibility(
    session: Session, conn: Connection, user: UserRecord, report: reports_repo.ReportRow
) -> Eligibility:
    return check_eligibility(
        user_id=user.id,
        roles=user.roles,
        designations=users_repo.designations(conn, user.id),
        history=_history(conn, report.id),
        workstation_location=_location(session, conn),
        report_status=report.status.value,
        today=session.clock.today(),
    )


@contextlib.contextmanager
def _refusals_on_record(
    session: Session, action: str, obj: str
) -> Iterator[Callable[[Eligibility], None]]:
    """Yields ``require_eligible(eligibility)``, which raises the first failed condition's error.
    The transaction audits the AUDITED_REFUSALS itself; any other refusal raised this way (the
    report not issued) is audited here, after the rollback, so every refused inspection is on
    record."""
    unaudited: list[AppError] = []

    def require_eligible(eligibility: Eligibility) -> None:
        if not eligibility.allowed:
            error = eligibility.refusals[0].error()
            if not isinstance(error, AUDITED_REFUSALS):
                unaudited.append(error)
            raise error

    try:
        yield require_eligible
    except AppError as exc:
        if any(exc is error for error in unaudited):
            session.audit_refusal(action, obj, exc)
        raise


def _own(session: Session, conn: Connection, inspection_id: int) -> repo.InspectionRow:
    row = repo.get(conn, inspection_id)
    # Someone else's session is not even acknowledged to exist.
    if row is None or row.inspector_id != session.user.id:
        raise NotFound(f"Inzagesessie {int(inspection_id)} bestaat niet.")
    return row


def _state(conn: Connection, row: repo.InspectionRow) -> InspectionSession:
    # The log was checked when it was recorded; replaying it needs no allowed-items set.
    return replay(repo.events(conn, row.id), allowed_items=None, idle_minutes=row.idle_minutes)


_END_LABELS_NL: dict[EndReason | None, str] = {
    EndReason.ENDED: "de inzagemedewerker",
    EndReason.IDLE: "inactiviteit",
    None: "nog niet beëindigd",
}
_IDLE_MESSAGE = "De inzagesessie is beëindigd wegens inactiviteit; start zo nodig een nieuwe."
_ENDED_MESSAGE = "De inzagesessie is al beëindigd."


def _record_idle(session: Session, inspection_id: int) -> bool:
    """If the session ran idle, record its end (at the idle deadline) in its own transaction,
    so the refusal that follows does not roll it back. True when the session has ended."""
    with session.reading() as conn:
        row = _own(session, conn, inspection_id)
        if row.ended_at is not None:
            return True
        state = _state(conn, row)
    if not state.is_idle(session.clock.now()):
        return False
    with session.transaction("inspection.idle", _obj(inspection_id)) as tx:
        row = _own(session, tx.conn, inspection_id)
        if row.ended_at is not None:  # pragma: no cover - single user, serial calls
            return True
        ended = _state(tx.conn, row).expire_if_idle(session.clock.now())
        assert ended.ended_at is not None
        repo.append_event(tx.conn, row.id, SessionEvent(SessionEventKind.IDLE, ended.ended_at))
        repo.mark_ended(tx.conn, row.id, ended_at=ended.ended_at, reason=EndReason.IDLE)
        tx.details = {
            "report_id": int(row.report_id),
            "ended_at": audit.format_ts(ended.ended_at),
            "idle_minutes": row.idle_minutes,
        }
    return True


def _require_running(session: Session, inspection_id: int) -> None:
    if _record_idle(session, inspection_id):
        with session.reading() as conn:
            row = _own(session, conn, inspection_id)
        raise InvalidState(_IDLE_MESSAGE if row.end_reason is EndReason.IDLE else _ENDED_MESSAGE)


def _record_classification(viewed: Sequence[evidence_repo.EvidenceRecord]) -> Classification:
    return max([RECORD_FLOOR, *(v.classification for v in viewed)])


def _can_read_record(
    user: UserRecord, row: repo.InspectionRow, report: reports_repo.ReportRow
) -> bool:
    if row.inspector_id == user.id:
        return True
    return bool(user.roles & READER_ROLES) and report.classification.covered_by(user.clearance)


def _record_view(
    session: Session,
    conn: Connection,
    row: repo.InspectionRow,
    report: reports_repo.ReportRow,
    reader: UserRecord,
) -> InspectionRecordView:
    state = _state(conn, row)
    now = session.clock.now()
    shown = state.expire_if_idle(now)
    viewed = shown.viewed_items(now) if shown.ended_at is None else shown.viewed
    records = {i.id: i for i in evidence_repo.for_report(conn, row.report_id)}
    own = row.inspector_id == reader.id
    items: list[ViewedItemView] = []
    for v in viewed:
        item = records.get(v.item_id)
        if item is None:  # pragma: no cover - items are never deleted
            continue
        if own or item.classification.covered_by(reader.clearance):
            title, level = item.title, item.classification
        else:
            title, level = f"Item {int(item.id)} (boven uw rubricering)", None
        items.append(
            ViewedItemView(item.id, title, level, v.seconds, v.times_opened, v.first_opened_at)
        )
    viewed_records = [records[v.item_id] for v in viewed if v.item_id in records]
    return InspectionRecordView(
        id=row.id,
        report_id=row.report_id,
        report_reference=report.reference,
        report_title=report.title if report.classification.covered_by(reader.clearance) else "",
        inspector_name=row.inspector_name,
        inspector_full_name=row.inspector_full_name,
        designation_ref=row.designation_ref,
        workstation_id=row.workstation_id,
        started_at=row.started_at,
        ended_at=shown.ended_at,
        end_reason=shown.end_reason,
        closed=row.closed,
        notes=row.notes,
        listed_items=len(repo.listed_items(conn, row.id)),
        viewed=tuple(items),
        classification=_record_classification(viewed_records),
    )


def _item_view(record: evidence_repo.EvidenceRecord) -> InspectionItemView:
    return InspectionItemView(
        record.id,
        record.title,
        record.classification,
        record.kind,
        record.media_type,
        record.size_bytes,
        record.source_note,
        record.data_date,
    )


# ---------------------------------------------------------------------------------------------
# The inspector's use cases


def start_inspection(session: Session, report_id: int) -> StartedInspection:
    """Check the five conditions and open a session: the items the inspector's clearance covers
    are listed (titles only). A refusal raises its own error (forbidden, not_designated,
    involved, wrong_location, invalid_state) and is audited."""
    obj = f"report:{int(report_id)}"
    with (
        _refusals_on_record(session, "inspection.start", obj) as require_eligible,
        session.transaction("inspection.start", obj) as tx,
    ):
        user = _fresh_user(session, tx.conn)
        require_any_role(user.roles, INSPECTOR_ROLES, _ACTION_NL)
        report = existing_report(tx.conn, report_id)
        eligibility = _eligibility(session, tx.conn, user, report)
        require_eligible(eligibility)
        assert eligibility.designation is not None
        items = visible_items(evidence_repo.for_report(tx.conn, report.id), user.clearance)
        minutes = idle_minutes(tx.conn)
        now = session.clock.now()
        iid = repo.insert(
            tx.conn,
            report_id=report.id,
            inspector_id=user.id,
            designation_ref=eligibility.designation.decision_ref,
            workstation_id=session.workstation_id,
            location=_location(session, tx.conn),
            idle_minutes=minutes,
            started_at=now,
            items=tuple(i.id for i in items),
        )
        tx.object = _obj(iid)
        tx.details = {
            "report": report.reference,
            "report_id": int(report.id),
            "designation": eligibility.designation.decision_ref,
            "items": [int(i.id) for i in items],
            "idle_minutes": minutes,
        }
    return StartedInspection(
        id=iid,
        report_id=report.id,
        report_reference=report.reference,
        inspector_name=user.name,
        inspector_full_name=user.full_name,
        started_at=now,
        idle_minutes=minutes,
        items=tuple(_item_view(i) for i in items),
        designation_ref=eligibility.designation.decision_ref,
        designation_until=eligibility.designation.valid_until,
    )


def open_item(session: Session, inspection_id: int, item_id: int) -> bytes:
    """The content of one item, for the inspection window only. Every condition is checked
    again first (AUTHZ-3); the opening is recorded and audited (item id, never content)."""
    _require_running(session, inspection_id)
    with (
        _refusals_on_record(session, "inspection.view", _obj(inspection_id)) as require_eligible,
        session.transaction("inspection.view", _obj(inspection_id)) as tx,
    ):
        row = _own(session, tx.conn, inspection_id)
        user = _fresh_user(session, tx.conn)
        report = existing_report(tx.conn, row.report_id)
        eligibility = _eligibility(session, tx.conn, user, report)
        require_eligible(eligibility)
        item = evidence_repo.get(tx.conn, item_id)
        if item is None or item.report_id != row.report_id:
            raise NotFound(f"Item {int(item_id)} hoort niet bij dit ambtsbericht.")
        if not item.classification.covered_by(user.clearance):
            raise Forbidden("Dit item valt buiten uw rubricering.")
        if not item.displayable:
            raise InvalidState(NOT_DISPLAYABLE_NL)
        now = session.clock.now()
        _state(tx.conn, row).open_item(item.id, now)  # the state machine's own checks
        repo.append_event(tx.conn, row.id, SessionEvent(SessionEventKind.OPEN_ITEM, now, item.id))
        content = evidence_repo.read_content(tx.conn, item)
        tx.details = {
            "report_id": int(row.report_id),
            "item": int(item.id),
            "classification": item.classification.code,
        }
    return content


def close_item(session: Session, inspection_id: int, item_id: int) -> None:
    """The item is no longer shown (another was chosen, or the view was cleared)."""
    _require_running(session, inspection_id)
    with session.transaction("inspection.close_item", _obj(inspection_id)) as tx:
        row = _own(session, tx.conn, inspection_id)
        now = session.clock.now()
        _state(tx.conn, row).close_item(EvidenceId(int(item_id)), now)
        repo.append_event(
            tx.conn, row.id, SessionEvent(SessionEventKind.CLOSE_ITEM, now, EvidenceId(item_id))
        )
        tx.details = {"report_id": int(row.report_id), "item": int(item_id)}


def touch(session: Session, inspection_id: int) -> bool:
    """Input happened in the window: keeps the session from idling. Recorded at most once per
    ``ACTIVITY_INTERVAL``; returns whether it was recorded. Raises InvalidState once the
    session has ended (idle included)."""
    _require_running(session, inspection_id)
    with session.reading() as conn:
        row = _own(session, conn, inspection_id)
        state = _state(conn, row)
    now = session.clock.now()
    if now - state.last_activity < ACTIVITY_INTERVAL:
        return False
    with session.transaction("inspection.activity", _obj(inspection_id)) as tx:
        row = _own(session, tx.conn, inspection_id)
        _state(tx.conn, row).touch(now)
        repo.append_event(tx.conn, row.id, SessionEvent(SessionEventKind.ACTIVITY, now))
        tx.details = {"report_id": int(row.report_id)}
    return True


def check_idle(session: Session, inspection_id: int) -> bool:
    """Record the end if idle time ran out; True when the session has ended (for any reason)."""
    return _record_idle(session, inspection_id)


def end_inspection(session: Session, inspection_id: int, notes: str = "") -> InspectionRecordView:
    """ "Inzage beëindigen": record the end (or the idle end that came first) and the
    inspector's notes, and return the record. The session is frozen afterwards."""
    clean = normalize_notes(notes)
    with session.transaction("inspection.end", _obj(inspection_id)) as tx:
        row = _own(session, tx.conn, inspection_id)
        if row.closed:
            raise InvalidState(_ENDED_MESSAGE)
        now = session.clock.now()
        if row.ended_at is None:
            finished = _state(tx.conn, row).finish(now)
            assert finished.ended_at is not None and finished.end_reason is not None
            kind = (
                SessionEventKind.IDLE
                if finished.end_reason is EndReason.IDLE
                else SessionEventKind.END
            )
            repo.append_event(tx.conn, row.id, SessionEvent(kind, finished.ended_at))
            repo.mark_ended(tx.conn, row.id, ended_at=finished.ended_at, reason=finished.end_reason)
        repo.close(tx.conn, row.id, closed_at=now, notes=clean)
        fresh = repo.get(tx.conn, row.id)
        assert fresh is not None
        report = existing_report(tx.conn, row.report_id)
        view = _record_view(session, tx.conn, fresh, report, _fresh_user(session, tx.conn))
        # The notes stay out of the audit log (they may describe content).
        tx.details = {
            "report_id": int(row.report_id),
            "end_reason": None if view.end_reason is None else view.end_reason.value,
            "viewed": [int(v.item_id) for v in view.viewed],
            "total_seconds": view.total_seconds,
            "notes": bool(clean),
        }
    return view


def my_inspections(session: Session) -> tuple[InspectionRecordView, ...]:
    """The inspector's own sessions, oldest first."""
    with session.transaction("inspection.list", f"user:{session.user.name}") as tx:
        user = _fresh_user(session, tx.conn)
        rows = repo.for_inspector(tx.conn, user.id)
        views = tuple(
            _record_view(session, tx.conn, r, existing_report(tx.conn, r.report_id), user)
            for r in rows
        )
        tx.details = {"sessions": len(views)}
    return views


def inspectable_reports(session: Session) -> tuple[InspectableReport, ...]:
    """The issued reports, newest first, each with whether this inspector may inspect it now
    (and why not). For the window's Inzage section."""
    with session.transaction("inspection.reports", "reports") as tx:
        result = inspectable_in(session, tx.conn)
        tx.details = {"reports": len(result)}
    return result


def inspectable_in(session: Session, conn: Connection) -> tuple[InspectableReport, ...]:
    """:func:`inspectable_reports` inside another use case's transaction (the dashboard's
    queues, which audit it with the rest of what they show)."""
    user = _fresh_user(session, conn)
    require_any_role(user.roles, INSPECTOR_ROLES, _ACTION_NL)
    rows, _histories = reports_repo.candidates(
        conn,
        max_classification=Classification.STG_ZEER_GEHEIM,
        statuses={ReportStatus.ISSUED},
    )
    rows.sort(key=lambda r: (r.issued_at or "", int(r.id)), reverse=True)
    result: list[InspectableReport] = []
    for row in rows:
        eligibility = _eligibility(session, conn, user, row)
        items = visible_items(evidence_repo.for_report(conn, row.id), user.clearance)
        cleared = row.classification.covered_by(user.clearance)
        result.append(
            InspectableReport(
                id=row.id,
                reference=row.reference,
                title=row.title if cleared else "",
                issued_at=row.issued_at,
                items=len(items),
                allowed=eligibility.allowed,
                reason=eligibility.messages[0] if eligibility.messages else "",
            )
        )
    return tuple(result)


# ---------------------------------------------------------------------------------------------
# Records and history (inspector of the session; AIVD officers and signers)


def _readable(
    session: Session, conn: Connection, inspection_id: int
) -> tuple[repo.InspectionRow, reports_repo.ReportRow, UserRecord]:
    user = _fresh_user(session, conn)
    row = repo.get(conn, inspection_id)
    if row is None:
        raise NotFound(f"Inzagesessie {int(inspection_id)} bestaat niet.")
    report = existing_report(conn, row.report_id)
    if not _can_read_record(user, row, report):
        if row.inspector_id != user.id and not user.roles & READER_ROLES:
            raise NotFound(f"Inzagesessie {int(inspection_id)} bestaat niet.")
        raise Forbidden("U bent niet gemachtigd voor de rubricering van dit ambtsbericht.")
    return row, report, user


def get_record(session: Session, inspection_id: int) -> InspectionRecordView:
    with session.transaction("inspection.record", _obj(inspection_id)) as tx:
        row, report, user = _readable(session, tx.conn, inspection_id)
        view = _record_view(session, tx.conn, row, report, user)
        tx.details = {"report_id": int(row.report_id)}
    return view


def record_pdf(session: Session, inspection_id: int) -> bytes:
    """The "verslag van inzage" as a marked PDF (bytes: the caller decides where it goes)."""
    # Imported here: the PDF and signature stack is ~35 MB and ~0.5 s, and every screen that
    # asks services.permissions what it may show imports this module.
    from desktop_app.reporting import InspectionItem, PrintContext, render_inspection_record_pdf
    from desktop_app.reporting import InspectionRecord as PrintedRecord

    with session.transaction("inspection.record.print", _obj(inspection_id)) as tx:
        row, report, user = _readable(session, tx.conn, inspection_id)
        view = _record_view(session, tx.conn, row, report, user)
        seq, digest = audit.head(tx.conn)
        printed = PrintedRecord(
            inspector_name=f"{view.inspector_full_name} ({view.inspector_name})",
            report_reference=view.report_reference,
            started_at=view.started_at,
            ended_at=view.ended_at,
            classification=view.classification,
            items=tuple(
                InspectionItem(
                    title=v.title,
                    classification=v.classification or view.classification,
                    viewed_seconds=v.seconds,
                    opened_at=v.first_opened_at,
                )
                for v in view.viewed
            ),
            notes=view.notes,
            designation_reference=view.designation_ref,
            workstation=view.workstation_id,
            report_subject=view.report_title,
            record_reference=f"{view.report_reference}-INZ-{int(view.id)}",
            extra_lines=(("Beëindigd door", _END_LABELS_NL[view.end_reason]),),
        )
        pdf = render_inspection_record_pdf(
            printed, PrintContext(audit_head=f"{seq}:{digest}", printed_at=session.clock.now())
        )
        tx.details = {"report_id": int(row.report_id), "classification": view.classification.code}
    return pdf


def list_inspections(session: Session, report_id: int) -> tuple[InspectionRecordView, ...]:
    """The inspection history of a report, oldest first (AIVD officers and signers)."""
    with session.transaction("inspection.list", f"report:{int(report_id)}") as tx:
        user = _fresh_user(session, tx.conn)
        require_any_role(user.roles, READER_ROLES, "de inzagegeschiedenis bekijken")
        report = existing_report(tx.conn, report_id)
        require_cleared(user.clearance, report.classification)
        views = tuple(
            _record_view(session, tx.conn, r, report, user)
            for r in repo.for_report(tx.conn, report.id)
        )
        tx.details = {"report": report.reference, "sessions": len(views)}
    return views

"""Records-check requests (naslagverzoeken, art. 2.2–2.3): intake, the lazy list, the deadline
dashboard, delay notices and closing. Admins do not see request content (need-to-know)."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from desktop_app.domain import intake
from desktop_app.domain.errors import Cancelled, InvalidInput, NotFound
from desktop_app.domain.queries import RequestQuery, RequestRecord
from desktop_app.domain.requests import (
    REFERENCE_MAX_SEQUENCE,
    DashboardBucket,
    DashboardThresholds,
    DelayNotice,
    Purpose,
    RequestDraft,
    RequestStatus,
    check_delay_notice_allowed,
    check_liaison_account,
    check_reference_room,
    close_without_report,
    dashboard_thresholds,
    is_overdue,
    open_request_warning,
    transition,
    validate_delay_notice,
    validate_request,
    validate_v_number,
)
from desktop_app.domain.roles import Role
from desktop_app.domain.settings import WARN_FROM_DAY
from desktop_app.services import settings
from desktop_app.services.session import Session
from desktop_app.storage import audit
from desktop_app.storage import calendar_days as calendar_repo
from desktop_app.storage import requests as repo
from desktop_app.storage import users as user_repo
from desktop_app.storage.db import Connection
from desktop_app.storage.files import read_regular

INTAKE = (Role.AIVD_OFFICER, Role.IND_LIAISON)
READERS = (Role.AIVD_OFFICER, Role.AIVD_SIGNER, Role.IND_LIAISON)
HANDLERS = (Role.AIVD_OFFICER,)
MAX_IMPORT_BYTES = 200 * 1024 * 1024


def _obj(request_id: int) -> str:
    return f"request:{int(request_id)}"


def warn_from_day(session: Session) -> int:
    with session.reading() as conn:
        return _warn_from_day(conn)


def _warn_from_day(conn: Connection) -> int:
    return settings.read(conn, WARN_FROM_DAY)


def _thresholds(session: Session, conn: Connection) -> DashboardThresholds:
    calendar = calendar_repo.load_calendar(conn)
    return dashboard_thresholds(session.clock.today(), calendar, _warn_from_day(conn))


def thresholds(session: Session) -> DashboardThresholds:
    with session.reading() as conn:
        return _thresholds(session, conn)


def request_dict(record: RequestRecord, today: dt.date) -> dict[str, Any]:
    """The shape of cli.md "Shapes": a request in lists and in ``request show``."""
    notice = record.delay_notice
    return {
        "id": int(record.id),
        "reference": record.reference,
        "ind_reference": record.ind_reference,
        "subject_name": record.subject_name,
        "v_number": record.v_number,
        "birth_date": None if record.birth_date is None else record.birth_date.isoformat(),
        "nationality": record.nationality,
        "purpose": record.purpose.value,
        "received": record.received.isoformat(),
        "deadline": record.deadline.isoformat(),
        "status": record.status.value,
        "overdue": is_overdue(record.deadline, record.status, today),
        "delay_notice": None if notice is None else delay_notice_dict(notice, record.deadline),
    }


def delay_notice_dict(notice: DelayNotice, deadline: dt.date) -> dict[str, Any]:
    """The contract's ``{"date","reason","by"}``, then (extensions) whom: the liaison account
    informed (null: not recorded), when it was entered, and whether it was recorded after the
    deadline although dated on or before it."""
    return {
        "date": notice.date.isoformat(),
        "reason": notice.reason,
        "by": notice.by,
        "liaison": None
        if notice.liaison is None
        else {"name": notice.liaison, "full_name": notice.liaison_name},
        "recorded_at": None if notice.recorded_at is None else notice.recorded_at.isoformat(),
        "recorded_afterwards": notice.recorded_afterwards(deadline),
    }


def _get(conn: Connection, request_id: int) -> RequestRecord:
    record = repo.by_id(conn, request_id)
    if record is None:
        raise NotFound(f"Er is geen verzoek met nummer {request_id}.")
    notice = record.delay_notice
    if notice is not None:
        # One request is shown: the sentence names the officer by full name (a list needs
        # no extra query for it, it shows no notice).
        account = user_repo.by_name(conn, notice.by)
        if account is not None:
            record = dataclasses.replace(
                record, delay_notice=dataclasses.replace(notice, by_name=account.full_name)
            )
    return record


# --- intake -------------------------------------------------------------------------------------


def add_request(
    session: Session,
    *,
    subject_name: str,
    v_number: str,
    purpose: Purpose | str,
    received: dt.date | None = None,
    birth_date: dt.date | None = None,
    nationality: str | None = None,
    ind_reference: str | None = None,
) -> RequestRecord:
    with session.transaction("request.add") as tx:
        session.require(INTAKE, "verzoek registreren")
        today = session.clock.today()
        draft = validate_request(
            subject_name=subject_name,
            v_number=v_number,
            purpose=purpose,
            received=received or today,
            today=today,
            birth_date=birth_date,
            nationality=nationality,
            ind_reference=ind_reference,
        )
        calendar = calendar_repo.load_calendar(tx.conn)
        inserted = repo.insert_many(
            tx.conn,
            [draft],
            calendar=calendar,
            created_by=session.user.name,
            created_at=audit.format_ts(session.clock.now()),
        )
        record = _get(tx.conn, inserted.first_id)
        tx.object = _obj(record.id)
        tx.details = {"reference": record.reference, "calendar_version": calendar.version}
    return record


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """An import allocates millions of short-lived, acyclic objects; Python's cycle collector
    would walk the heap every few thousand rows for nothing (~4% of the import). Restored
    afterwards, also on error."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# How often an import reports progress (rows).
PROGRESS_EVERY = 10_000
Progress = Callable[[int, int | None], None]


def _watched(
    drafts: Iterator[RequestDraft],
    session: Session,
    total: int | None,
    progress: Progress | None,
    cancel: Callable[[], bool] | None,
) -> Iterator[RequestDraft]:
    """Every PROGRESS_EVERY rows: stop if the session is being locked or the caller cancels
    (raising inside the transaction rolls it back), else report progress. Once more when every
    row has been read, with done == total: what follows (index build, commit) cannot be
    stopped."""
    done = 0
    for done, draft in enumerate(drafts, start=1):
        if done % PROGRESS_EVERY == 0:
            if session.closing:
                raise Cancelled(
                    "De werkplek werd vergrendeld; het inlezen is gestopt en er is niets ingelezen."
                )
            if cancel is not None and cancel():
                raise Cancelled("Het inlezen is gestopt; er is niets ingelezen.")
            if progress is not None:
                progress(done, total)
        yield draft
    if progress is not None and done:
        progress(done, done)


def _check_reference_room(conn: Connection, data: bytes, suffix: str) -> None:
    """Before any row is parsed: refuse a file that would exhaust a year's reference numbers
    (InvalidState). Files that cannot (the usual case: fewer rows than any year has left) are
    not read for it; the others get one quick pass over their dates of receipt."""
    last = repo.reference_counters(conn)
    if max(last.values(), default=0) + intake.max_rows(data, suffix) > REFERENCE_MAX_SEQUENCE:
        check_reference_room(intake.rows_per_year(data, suffix), last)


def import_requests(
    session: Session,
    source: Path | bytes,
    suffix: str | None = None,
    *,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """A CSV or JSON list from the IND: every row or none (one transaction); a bad row is named
    with its number and field. ``progress(rows_checked, estimated_total_or_None)`` is called
    every PROGRESS_EVERY rows (from the calling thread), and with ``rows_checked == total``
    once every row is read; when ``cancel()`` returns True there, or the session is being
    closed, the import stops with Cancelled and nothing is stored."""
    session.require_audited(INTAKE, "verzoeken importeren", "request.import", "requests")
    if isinstance(source, Path):
        # Regular files only, the limit counted while reading: a FIFO or /dev/zero is refused.
        data = read_regular(
            source,
            limit=MAX_IMPORT_BYTES,
            field="file",
            too_big="Het bestand is groter dan 200 MB.",
        )
        suffix = suffix or source.suffix
    else:
        data = source
    # Streaming: rows are validated while earlier chunks are being inserted; a bad row raises
    # inside the transaction, which then leaves nothing behind.
    drafts = intake.iter_import(data, suffix or "", session.clock.today())
    estimate = intake.estimate_rows(data, suffix or "")
    drafts = _watched(drafts, session, estimate, progress, cancel)
    with _cycle_collector_paused(), session.transaction("request.import", "requests") as tx:
        session.require(INTAKE, "verzoeken importeren")
        _check_reference_room(tx.conn, data, suffix or "")
        calendar = calendar_repo.load_calendar(tx.conn)
        inserted = repo.insert_many(
            tx.conn,
            drafts,
            calendar=calendar,
            created_by=session.user.name,
            created_at=audit.format_ts(session.clock.now()),
            expected_rows=estimate,
        )
        tx.details = {
            "imported": inserted.count,
            "first_id": inserted.first_id,
            "last_id": inserted.last_id,
            "calendar_version": calendar.version,
        }
    return inserted.count


# --- reading ------------------------------------------------------------------------------------


def get_request(session: Session, request_id: int) -> RequestRecord:
    with session.transaction("request.view", _obj(request_id)) as tx:
        session.require(READERS, "verzoek bekijken")
        return _get(tx.conn, request_id)


def request_ids(
    session: Session, query: RequestQuery, *, limit: int | None = None
) -> Sequence[int]:
    """The ordered ids of every matching request (the lazy list's backbone). One audit entry
    per query; it records the filters, never the search text (it may be a name)."""
    with session.transaction("request.list", "requests") as tx:
        session.require(READERS, "verzoeken bekijken")
        ids = repo.select_ids(tx.conn, query, _thresholds(session, tx.conn), limit=limit)
        tx.details = {
            "status": None if query.status is None else query.status.value,
            "bucket": None if query.bucket is None else query.bucket.value,
            "overdue": query.overdue,
            "search": query.has_search,
            "results": len(ids),
        }
        return ids


def requests_by_ids(session: Session, ids: Sequence[int]) -> list[RequestRecord]:
    """A page of rows for ids that :func:`request_ids` returned (covered by its audit entry)."""
    session.require(READERS, "verzoeken bekijken")
    if len(ids) > 1000:
        raise InvalidInput("Vraag hoogstens 1000 verzoeken tegelijk op.", field="ids")
    with session.reading() as conn:
        return repo.records_by_ids(conn, ids)


def list_requests(
    session: Session, query: RequestQuery, *, limit: int | None = None
) -> tuple[list[RequestRecord], int]:
    """Matching requests (at most ``limit``) and the total number of matches."""
    if limit is not None and limit < 1:
        raise InvalidInput("De limiet is ten minste 1.", field="limit")
    with session.transaction("request.list", "requests") as tx:
        session.require(READERS, "verzoeken bekijken")
        th = _thresholds(session, tx.conn)
        ids = repo.select_ids(tx.conn, query, th, limit=limit)
        total = repo.count(tx.conn, query, th) if limit is not None else len(ids)
        records = repo.records_by_ids(tx.conn, ids)
        tx.details = {
            "status": None if query.status is None else query.status.value,
            "overdue": query.overdue,
            "search": query.has_search,
            "results": total,
        }
    return records, total


def dashboard_counts(session: Session) -> dict[DashboardBucket, int]:
    session.require_audited(READERS, "termijnoverzicht bekijken", "request.dashboard", "requests")
    with session.reading() as conn:
        return repo.dashboard_counts(conn, _thresholds(session, conn))


# --- workflow -----------------------------------------------------------------------------------


def start_request(session: Session, request_id: int) -> RequestRecord:
    with session.transaction("request.start", _obj(request_id)) as tx:
        session.require(HANDLERS, "verzoek in behandeling nemen")
        record = _get(tx.conn, request_id)
        repo.set_status(tx.conn, record.id, transition(record.status, RequestStatus.IN_PROGRESS))
        return _get(tx.conn, request_id)


def liaisons(session: Session) -> list[tuple[str, str]]:
    """The accounts a delay notice can name as informed: active IND liaisons, as (login name,
    full name)."""
    session.require_audited(HANDLERS, "uitstel melden", "request.liaisons", "users")
    with session.reading() as conn:
        return [
            (u.name, u.full_name or u.name)
            for u in user_repo.all_users(conn)
            if u.active and Role.IND_LIAISON in u.roles
        ]


def notify_delay(
    session: Session,
    request_id: int,
    *,
    reason: str,
    date: dt.date | None = None,
    liaison: str | None = None,
) -> RequestRecord:
    """Record that the liaison was told the ambtsbericht will be late: who informed whom (the
    liaison account, when given), when, why."""
    with session.transaction("request.notify_delay", _obj(request_id)) as tx:
        session.require(HANDLERS, "uitstel melden")
        record = _get(tx.conn, request_id)
        check_delay_notice_allowed(record.status, record.delay_notice)
        informed = None
        if liaison is not None:
            informed = user_repo.by_name(tx.conn, liaison)
            check_liaison_account(
                liaison,
                found=informed is not None,
                active=informed is not None and informed.active,
                is_liaison=informed is not None and Role.IND_LIAISON in informed.roles,
            )
        today = session.clock.today()
        now = session.clock.now()
        notice = validate_delay_notice(
            date=date or today,
            reason=reason,
            by=session.user.full_name or session.user.name,
            received=record.received,
            today=today,
            liaison=None if informed is None else informed.name,
            liaison_name=None if informed is None else (informed.full_name or informed.name),
            recorded_at=now,
        )
        repo.set_delay_notice(tx.conn, record.id, notice, audit.format_ts(now))
        tx.details = {
            "date": notice.date.isoformat(),
            "on_time": notice.is_on_time(record.deadline),
            "liaison": notice.liaison,
            "recorded_afterwards": notice.recorded_afterwards(record.deadline),
        }
        return _get(tx.conn, request_id)


def close_no_data(session: Session, request_id: int, *, reason: str) -> RequestRecord:
    """Close without an ambtsbericht; the reason is required (the oversight committee asks)."""
    with session.transaction("request.close", _obj(request_id)) as tx:
        session.require(HANDLERS, "verzoek afsluiten")
        record = _get(tx.conn, request_id)
        status, cleaned = close_without_report(record.status, reason)
        repo.set_status(
            tx.conn, record.id, status, closed_on=session.clock.today(), close_reason=cleaned
        )
        tx.details = {"status": status.value}
        return _get(tx.conn, request_id)


def open_requests_with_v_number(session: Session, v_number: str) -> tuple[RequestRecord, ...]:
    """The open requests with this V-number: what registering one more warns about (issue 12),
    asked before saving. It reads request data, so it is audited (the count only). Someone who
    may not register gets nothing here: registering then refuses (and audits) as ``request.add``
    itself."""
    if not session.has_role(*INTAKE):
        return ()
    with session.transaction("request.v_number_check", "requests") as tx:
        number = validate_v_number(v_number)
        records = tuple(repo.records_by_ids(tx.conn, repo.open_ids_by_v_number(tx.conn, number)))
        tx.details = {"open": len(records)}
    return records


def v_number_warning(v_number: str, open_records: Sequence[RequestRecord]) -> str | None:
    """The sentence that names the open requests with this V-number, or ``None``."""
    return open_request_warning(v_number.strip(), [r.reference for r in open_records])

"""What waits for the signed-in person (issue 12): the work queues of the dashboard and of
``werkplek queue``, one use case for both.

One call is one transaction and one audit entry (``queue.view``): the queues name reports and
requests, which is a view of classified content. The rules (which queues a role has, when a
state needs attention, which reports a work list holds) are the domain's
(``domain.queues``, ``domain.reports.WORK_LIST_RULES``); the counting is SQL
(``storage.queues``, ``storage.requests.dashboard_counts``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop_app.domain import timefmt
from desktop_app.domain.calendar import years_without_decree_days
from desktop_app.domain.errors import Forbidden
from desktop_app.domain.ids import UserId
from desktop_app.domain.messages import N_, translate
from desktop_app.domain.queries import RequestQuery, SortColumn
from desktop_app.domain.queues import (
    DUE_BUCKETS,
    WARNING_BUCKETS,
    Queue,
    backup_state,
    count_needs_attention,
    decree_year_needs_attention,
    designation_state,
    due_list_to_open,
    queues_for,
    waiting_summary,
)
from desktop_app.domain.requests import DashboardBucket, DashboardThresholds
from desktop_app.domain.settings import BACKUP_REMINDER_DAYS
from desktop_app.services import inspections, settings
from desktop_app.services import requests as request_service
from desktop_app.services.session import Session
from desktop_app.storage import calendar_days as calendar_repo
from desktop_app.storage import queues as repo
from desktop_app.storage import reports as reports_repo
from desktop_app.storage import requests as requests_repo
from desktop_app.storage import users as users_repo
from desktop_app.storage.db import Connection

__all__ = ["ITEMS_PER_QUEUE", "QueueItem", "QueueView", "my_queues", "queues_of", "summary_of"]

ITEMS_PER_QUEUE = 5


@dataclass(frozen=True)
class QueueItem:
    """Something to open from a queue: ``kind`` is ``report``, ``request`` or ``user``."""

    kind: str
    id: int
    reference: str
    title: str
    detail: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "id": self.id,
            "reference": self.reference,
            "title": self.title,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class QueueView:
    """One queue: a count of items (``count``, the first ``items``) or a state (``count`` None)
    with its sentence, and whether it needs the person's attention. ``missing``: the sentence
    reports something not there (no backup, never verified, a year without decree days), so it
    is never shown as in order even when it does not need attention yet. ``opens``: the request
    list the tile opens (``domain.queues.due_list_to_open``; None: not a list of requests)."""

    queue: Queue
    count: int | None
    text: str
    attention: bool
    items: tuple[QueueItem, ...] = ()
    missing: bool = False
    # Not in ``as_dict``: the JSON of ``werkplek queue`` is the CLI contract.
    opens: DashboardBucket | None = None

    @property
    def label(self) -> str:
        return self.queue.label_nl

    def as_dict(self) -> dict[str, object]:
        return {
            "queue": self.queue.value,
            "label": self.queue.label_nl,
            "count": self.count,
            "text": self.text,
            "attention": self.attention,
            "items": [i.as_dict() for i in self.items],
            "missing": self.missing,
        }


def summary_of(views: tuple[QueueView, ...]) -> str:
    """The dashboard's one line over all queues (``domain.queues.waiting_summary_nl``)."""
    return waiting_summary(v.queue for v in views if v.attention)


def queues_of(session: Session) -> tuple[Queue, ...]:
    """The queues this person has (no database work: the window builds its tiles from it)."""
    return queues_for(session.user.roles)


def my_queues(session: Session, *, items: int = ITEMS_PER_QUEUE) -> tuple[QueueView, ...]:
    """Every queue of the signed-in person's roles (``domain.queues.queues_for``), in order."""
    wanted = queues_for(session.user.roles)
    # Read before the transaction (neither is in the database): the term thresholds of today
    # and the lock state of the accounts, kept in the key file.
    thresholds = request_service.thresholds(session) if Queue.REQUESTS_DUE in wanted else None
    locked: frozenset[str] = frozenset()
    if Queue.LOCKED_ACCOUNTS in wanted:
        keyfile, secret = session.checked_keyfile()
        slots = keyfile.locked_slot_ids(secret)
        with session.reading() as conn:
            names = [u.name for u in users_repo.all_users(conn)]
        locked = frozenset(n for n in names if keyfile.slot_id(secret, n) in slots)
    with session.transaction("queue.view", f"user:{session.user.name}") as tx:
        if not wanted:
            raise Forbidden("Voor uw rol zijn er geen werkvoorraden.")
        views = tuple(
            _queue(session, tx.conn, q, items, thresholds=thresholds, locked=locked) for q in wanted
        )
        tx.details = {v.queue.value: v.count for v in views if v.count is not None}
    return views


def _queue(
    session: Session,
    conn: Connection,
    queue: Queue,
    limit: int,
    *,
    thresholds: DashboardThresholds | None,
    locked: frozenset[str],
) -> QueueView:
    user = session.user
    work_list = queue.work_list
    if work_list is not None:
        rule = work_list.rule
        count = repo.count_in_work_list(
            conn, rule, user_id=user.id, max_classification=user.clearance
        )
        ids = repo.work_list_ids(
            conn, rule, user_id=user.id, max_classification=user.clearance, limit=limit
        )
        rows = [r for r in (reports_repo.get(conn, i) for i in ids) if r is not None]
        found = tuple(
            QueueItem("report", int(r.id), r.reference, r.title, r.status.label_nl) for r in rows
        )
        return _counted(queue, count, found)
    if queue is Queue.REQUESTS_DUE:
        return _requests_due(conn, limit, thresholds)
    if queue is Queue.OPEN_FOR_INSPECTION:
        open_ = [r for r in inspections.inspectable_in(session, conn) if r.allowed]
        found = tuple(
            QueueItem("report", int(r.id), r.reference, r.title, _pieces(r.items))
            for r in open_[:limit]
        )
        return _counted(queue, len(open_), found)
    if queue is Queue.MY_DESIGNATION:
        designation = designation_state(
            (
                (d.decision_ref, d.valid_from, d.valid_until)
                for d in users_repo.designations(conn, UserId(user.id))
            ),
            session.clock.today(),
        )
        return QueueView(
            queue,
            None,
            designation.text(),
            designation.attention,
            missing=designation.decision_ref is None,
        )
    if queue is Queue.LOCKED_ACCOUNTS:
        records = [u for u in users_repo.all_users(conn) if u.name in locked]
        found = tuple(
            QueueItem("user", int(u.id), u.name, u.full_name, "geblokkeerd")
            for u in records[:limit]
        )
        return _counted(queue, len(records), found)
    if queue is Queue.LAST_BACKUP:
        entry = repo.latest_entry(conn, "workspace.backup")
        last = None if entry is None else timefmt.parse_stored(entry.ts_utc)
        state = backup_state(last, session.clock.now(), settings.read(conn, BACKUP_REMINDER_DAYS))
        return QueueView(queue, None, state.text(), state.overdue, missing=last is None)
    if queue is Queue.DECREE_DAYS:
        return _decree_days(session, conn)
    return _audit_verification(conn)


def _pieces(count: int) -> str:
    return N_("1 stuk") if count == 1 else N_(f"{count} stukken")


def _counted(
    queue: Queue,
    count: int,
    found: tuple[QueueItem, ...],
    *,
    more: str = "",
    opens: DashboardBucket | None = None,
) -> QueueView:
    """A queue of items: the count's sentence (and ``more`` after it), attention by the count."""
    return QueueView(
        queue,
        count,
        _count_text(queue, count) + more,
        count_needs_attention(queue, count),
        found,
        opens=opens,
    )


def _count_text(queue: Queue, count: int) -> str:
    if not queue.asks_action:
        if count == 0:
            return translate(N_("Niets open."))
        return translate(N_(f"{count} in behandeling bij de AIVD."))
    if count == 0:
        return translate(N_("Niets te doen."))
    if count == 1:
        return translate(N_(f"{count} wacht op u."))
    return translate(N_(f"{count} wachten op u."))


def _requests_due(
    conn: Connection, limit: int, thresholds: DashboardThresholds | None
) -> QueueView:
    assert thresholds is not None  # read before the transaction when this queue is wanted
    counts = requests_repo.dashboard_counts(conn, thresholds)
    total = sum(int(counts.get(b, 0)) for b in DUE_BUCKETS)
    warnings = sum(int(counts.get(b, 0)) for b in WARNING_BUCKETS)
    ids: list[int] = []
    for bucket in DUE_BUCKETS:
        if len(ids) >= limit or not counts.get(bucket):
            continue
        query = RequestQuery(bucket=bucket, sort=SortColumn.DEADLINE)
        ids.extend(requests_repo.select_ids(conn, query, thresholds, limit=limit - len(ids)))
    found = tuple(
        QueueItem(
            "request",
            int(r.id),
            r.reference,
            r.subject_name,
            translate(N_(f"termijn {timefmt.table_date(r.deadline)}")),
        )
        for r in requests_repo.records_by_ids(conn, ids)
    )
    more = ""
    if warnings:
        more = " " + (
            translate(N_(f"{warnings} nadert de termijn zonder uitstelbericht."))
            if warnings == 1
            else translate(N_(f"{warnings} naderen de termijn zonder uitstelbericht."))
        )
    return _counted(Queue.REQUESTS_DUE, total, found, more=more, opens=due_list_to_open(counts))


def _decree_days(session: Session, conn: Connection) -> QueueView:
    today = session.clock.today()
    decree = calendar_repo.load_calendar(conn).decree_days
    through = max([today.year, *(d.year for d in decree)]) + 1
    years = years_without_decree_days(decree, today.year, through)
    first = years[0] if years else None
    if first is None:  # pragma: no cover - the year after the last decree day has none
        return QueueView(
            Queue.DECREE_DAYS, None, translate(N_("Alle jaren hebben besluitdagen.")), False
        )
    text = translate(
        N_(
            f"Voor {first} zijn nog geen bij besluit gelijkgestelde dagen ingevoerd "
            "(Beheer › Kalender)."
        )
    )
    return QueueView(
        Queue.DECREE_DAYS, None, text, decree_year_needs_attention(first, today), missing=True
    )


def _audit_verification(conn: Connection) -> QueueView:
    entry = repo.latest_entry(conn, "audit.verify")
    if entry is None:
        return QueueView(
            Queue.AUDIT_VERIFICATION,
            None,
            translate(N_("De audittrail is nog niet gecontroleerd.")),
            True,
            missing=True,
        )
    try:
        ok = bool(json.loads(entry.details).get("ok"))
    except (ValueError, AttributeError):
        ok = False
    when = timefmt.stored_prose_datetime(entry.ts_utc)
    if ok:
        return QueueView(
            Queue.AUDIT_VERIFICATION, None, translate(N_(f"In orde bevonden op {when}.")), False
        )
    return QueueView(
        Queue.AUDIT_VERIFICATION,
        None,
        translate(
            N_(
                f"Bij de controle op {when} is een fout gevonden; controleer opnieuw "
                "(Beheer › Audit)."
            )
        ),
        True,
    )

"""Periodic consultations of the heads (covenant art. 3.2): record one with the period's
figures frozen as of a stated moment, list, show, mark an action point done, and the marked PDF
for the heads. Governance: the AIVD's signer and the IND's liaison record and read
(``domain.roles.GOVERNANCE_ROLES``); the administrator sees no content (need-to-know). Every
use case is one transaction with its audit entry; a refusal of role is audited as denied."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from desktop_app.domain.classification import Classification
from desktop_app.domain.consultations import (
    ActionPoint,
    Consultation,
    Service,
    check_frozen_figures,
    mark_done,
    validate_consultation,
)
from desktop_app.domain.errors import InvalidInput, NotFound
from desktop_app.domain.roles import GOVERNANCE_ROLES
from desktop_app.services import stats as stats_service
from desktop_app.services.files import require_folder
from desktop_app.services.session import Session
from desktop_app.storage import audit
from desktop_app.storage import consultations as repo
from desktop_app.storage import users as user_repo
from desktop_app.storage.db import Connection
from desktop_app.storage.files import atomic_write

RECORDERS = tuple(sorted(GOVERNANCE_ROLES))
READERS = RECORDERS
# The papers of the heads' consultation: aggregate figures and agreements, no personal data;
# marked like the statistics they are built from.
MARKING = Classification.DEP_VERTROUWELIJK
MAX_LIST = 1000


def _obj(consultation_id: int) -> str:
    return f"consultation:{consultation_id}"


def _get(conn: Connection, consultation_id: int) -> Consultation:
    found = repo.by_id(conn, consultation_id)
    if found is None:
        raise NotFound(f"Er is geen overleg met nummer {consultation_id}.")
    return found


def record_consultation(
    session: Session,
    *,
    held_on: dt.date,
    period_from: dt.date,
    period_to: dt.date,
    participants: Sequence[tuple[Service | str, str, str | None]],
    decisions: str = "",
    actions: Sequence[tuple[str, str, dt.date]] = (),
    as_of: dt.datetime | None = None,
) -> Consultation:
    """Validate, compute the period's figures as of ``as_of`` (default: the end of the day it
    was held, or now) and store them with the record, all in one transaction."""
    with session.transaction("consultation.add", "consultations") as tx:
        session.require(RECORDERS, "overleg vastleggen")
        draft = validate_consultation(
            held_on=held_on,
            period_from=period_from,
            period_to=period_to,
            participants=participants,
            decisions=decisions,
            actions=actions,
            now=session.clock.now(),
            as_of=as_of,
        )
        figures = check_frozen_figures(
            stats_service.compute(tx.conn, period_from, period_to, draft.as_of).as_extended_dict()
        )
        cid = repo.insert(
            tx.conn,
            draft,
            figures,
            recorded_by=session.user.name,
            recorded_at=session.clock.now(),
        )
        tx.object = _obj(cid)
        tx.details = {
            "held_on": draft.held_on.isoformat(),
            "from": draft.period_from.isoformat(),
            "to": draft.period_to.isoformat(),
            "as_of": audit.format_ts(draft.as_of),
            "participants": len(draft.participants),
            "actions": len(draft.actions),
        }
        return _get(tx.conn, cid)


def list_consultations(
    session: Session, *, limit: int | None = None
) -> tuple[list[Consultation], int]:
    if limit is not None and not 1 <= limit <= MAX_LIST:
        raise InvalidInput(f"Kies een limiet van 1 tot en met {MAX_LIST}.", field="limit")
    with session.transaction("consultation.list", "consultations") as tx:
        session.require(READERS, "overleggen bekijken")
        found, total = repo.list_all(tx.conn, limit=limit)
        tx.details = {"shown": len(found), "total": total}
        return found, total


def show_consultation(session: Session, consultation_id: int) -> Consultation:
    with session.transaction("consultation.view", _obj(consultation_id)) as tx:
        session.require(READERS, "overleg bekijken")
        return _get(tx.conn, consultation_id)


def mark_action_done(
    session: Session, action_id: int, *, on: dt.date | None = None
) -> tuple[Consultation, ActionPoint]:
    """Mark one action point done (its own change, audited); once."""
    with session.transaction("consultation.action_done", f"consultation_action:{action_id}") as tx:
        session.require(RECORDERS, "actiepunt afronden")
        found = repo.action_by_id(tx.conn, action_id)
        if found is None:
            raise NotFound(f"Er is geen actiepunt met nummer {action_id}.")
        cid, action = found
        consultation = _get(tx.conn, cid)
        today = session.clock.today()
        day = mark_done(action, on=on or today, held_on=consultation.held_on, today=today)
        repo.set_done(
            tx.conn, action_id, done_on=day, done_by=session.user.name, done_at=session.clock.now()
        )
        tx.details = {"consultation": cid, "position": action.position, "done_on": day.isoformat()}
        updated = _get(tx.conn, cid)
        return updated, next(a for a in updated.actions if a.id == action_id)


def pdf_bytes(session: Session, consultation_id: int) -> bytes:
    """The marked report for the heads, from the stored (frozen) figures."""
    from desktop_app.reporting.consultation import render_consultation_pdf

    with session.transaction("consultation.print", _obj(consultation_id)) as tx:
        session.require(READERS, "overleg afdrukken")
        consultation = _get(tx.conn, consultation_id)
        seq, digest = audit.head(tx.conn)
        data = render_consultation_pdf(
            consultation,
            MARKING,
            session.clock.now(),
            audit_head=f"{seq}:{digest[:16]}",
            full_names=user_repo.full_names(tx.conn, {consultation.recorded_by}),
        )
        tx.details = {"format": "pdf", "bytes": len(data)}
        return data


def export_pdf(session: Session, consultation_id: int, target: Path) -> Path:
    if target.is_dir():
        raise InvalidInput("Geef een bestandsnaam, geen map.", field="out")
    require_folder(target, field="out")
    atomic_write(target, pdf_bytes(session, consultation_id))
    return target

"""The provisions register (art. 1.1–1.2): every provision of data, both directions,
spontaneous ones too. Issuing an ambtsbericht registers its provision automatically."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.errors import InvalidInput, NotFound
from desktop_app.domain.requests import parse_reference
from desktop_app.domain.roles import Role
from desktop_app.domain.text import check_name, check_text, collapse, shown
from desktop_app.services.session import Session
from desktop_app.storage import audit
from desktop_app.storage import provisions as repo
from desktop_app.storage import requests as request_repo
from desktop_app.storage.provisions import DIRECTIONS, ProvisionRecord

WRITERS = (Role.AIVD_OFFICER, Role.IND_LIAISON)
READERS = (Role.AIVD_OFFICER, Role.AIVD_SIGNER, Role.IND_LIAISON)

# The legal basis when none is given: the AIVD provides under the Wiv 2017 (art. 36, to bodies
# that can take measures); the IND provides to the AIVD under art. 39 Wiv 2017.
DEFAULT_LEGAL_BASIS = {
    "aivd_to_ind": "art. 36 Wet op de inlichtingen- en veiligheidsdiensten 2017",
    "ind_to_aivd": "art. 39 Wet op de inlichtingen- en veiligheidsdiensten 2017",
}
DEFAULT_RECEIVER = {"aivd_to_ind": "IND", "ind_to_aivd": "AIVD"}


def _direction(value: str) -> str:
    cleaned = value.strip().lower()
    if cleaned not in DIRECTIONS:
        raise InvalidInput("Kies als richting aivd_to_ind of ind_to_aivd.", field="direction")
    return cleaned


# The subject of a sentence about each field's content ("... bevat een stuurteken").
_SUBJECTS = {
    "description": "De omschrijving van wat er is verstrekt",
    "legal_basis": "De grondslag",
    "provided_by": "De naam van wie verstrekte",
    "received_by": "De naam van wie ontving",
    "request": "Het verzoekkenmerk",
}
# Who gave and who received are names (text.check_name); the rest is one line of free text.
_NAMES = frozenset({"provided_by", "received_by", "request"})


def _text(
    value: str | None, field: str, label: str, *, required: bool = False, limit: int = 2000
) -> str | None:
    cleaned = collapse(value or "")
    if not cleaned:
        if required:
            raise InvalidInput(f"Vul {label} in.", field=field)
        return None
    if len(cleaned) > limit:
        raise InvalidInput(f"{label.capitalize()} is langer dan {limit} tekens.", field=field)
    check = check_name if field in _NAMES else check_text
    return check(cleaned, field=field, label=_SUBJECTS[field])


def add_provision(
    session: Session,
    *,
    direction: str,
    description: str,
    date: dt.date | None = None,
    legal_basis: str | None = None,
    provided_by: str | None = None,
    received_by: str | None = None,
    request_reference: str | None = None,
) -> ProvisionRecord:
    with session.transaction("provision.add", "provisions") as tx:
        session.require(WRITERS, "verstrekking vastleggen")
        way = _direction(direction)
        today = session.clock.today()
        day = date or today
        if day > today:
            raise InvalidInput("De datum van de verstrekking ligt in de toekomst.", field="date")
        what = _text(description, "description", "wat er is verstrekt", required=True)
        assert what is not None
        basis = _text(legal_basis, "legal_basis", "de grondslag") or DEFAULT_LEGAL_BASIS[way]
        giver = _text(provided_by, "provided_by", "wie verstrekte", limit=200) or (
            session.user.full_name or session.user.name
        )
        receiver = (
            _text(received_by, "received_by", "wie ontving", limit=200) or DEFAULT_RECEIVER[way]
        )
        request_id: int | None = None
        ref = _text(request_reference, "request", "het verzoekkenmerk", limit=40)
        if ref is not None:
            parse_reference(ref)
            request_id = request_repo.id_by_reference(tx.conn, ref)
            if request_id is None:
                raise NotFound(f"Er is geen verzoek met kenmerk {shown(ref)}.")
        pid = repo.insert(
            tx.conn,
            direction=way,
            provided_on=day,
            description=what,
            legal_basis=basis,
            provided_by=giver,
            received_by=receiver,
            request_id=request_id,
            report_id=None,
            recorded_by=session.user.name,
            recorded_at=audit.format_ts(session.clock.now()),
        )
        tx.object = f"provision:{pid}"
        tx.details = {"direction": way, "date": day.isoformat(), "spontaneous": request_id is None}
        return next(r for r in repo.select(tx.conn) if r.id == pid)


def list_provisions(
    session: Session,
    *,
    direction: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int | None = None,
) -> list[ProvisionRecord]:
    with session.transaction("provision.list", "provisions") as tx:
        session.require(READERS, "verstrekkingenregister bekijken")
        way = None if direction is None else _direction(direction)
        if date_from and date_to and date_to < date_from:
            raise InvalidInput("De einddatum ligt vóór de begindatum.", field="to")
        records = repo.select(
            tx.conn, direction=way, date_from=date_from, date_to=date_to, limit=limit
        )
        tx.details = {"direction": way, "results": len(records)}
        return records

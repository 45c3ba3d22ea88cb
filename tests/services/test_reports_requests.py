"""Ambtsberichten and requests: drafting on a request puts it in ``report_in_preparation``,
issuing closes it (``closed_report_issued``) and registers the provision AIVD→IND; a
correction is registered as a new provision referring to it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest
from support.helpers import fresh_proof, report_text, staff_password, staff_sessions

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.errors import InvalidState, NotFound
from desktop_app.domain.requests import Purpose, RequestDraft, RequestStatus
from desktop_app.domain.roles import Role
from desktop_app.services import reports
from desktop_app.services.session import Session
from desktop_app.storage import audit
from desktop_app.storage import requests as requests_repo

ROLES = {"officier": Role.AIVD_OFFICER, "tekenaar": Role.AIVD_SIGNER, "liaison": Role.IND_LIAISON}
PASSWORDS = {name: staff_password(name) for name in ROLES}
TEXT = report_text("betrokkene D", "Betrokkene is bij de dienst bekend.")


@pytest.fixture
def people(workspace: Any) -> Iterator[dict[str, Session]]:
    with staff_sessions(workspace, ROLES) as sessions:
        yield sessions


def _request(s: Session, status: RequestStatus = RequestStatus.RECEIVED) -> int:
    """A request as the intake stores it (seeded directly: the requests service is not under
    test here)."""
    draft = RequestDraft(
        subject_name="Betrokkene D",
        v_number="1234567890",
        purpose=Purpose.ASYLUM,
        received=dt.date(2026, 10, 30),
    )
    with s.db.transaction() as conn:
        inserted = requests_repo.insert_many(
            conn,
            [draft],
            calendar=AtwCalendar.default(),
            created_by="liaison",
            created_at="2026-10-30T09:00:00+00:00",
        )
        rid = inserted.first_id
        if status is not RequestStatus.RECEIVED:
            requests_repo.set_status(conn, rid, status)
    return int(rid)


def _status(s: Session, request_id: int) -> tuple[RequestStatus, dt.date | None]:
    with s.reading() as conn:
        record = requests_repo.by_id(conn, request_id)
    assert record is not None
    return record.status, record.closed_on


def _count(s: Session, table: str) -> int:
    with s.reading() as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _last_entry(s: Session) -> audit.AuditEntry:
    with s.reading() as conn:
        return audit.recent(conn, 1)[0]


def test_draft_on_a_request_puts_it_in_preparation(people: dict[str, Session]) -> None:
    off = people["officier"]
    request_id = _request(off)
    saved = reports.draft_report(off, text=TEXT, request_id=request_id)
    assert saved.report.request_id == request_id
    assert _status(off, request_id) == (RequestStatus.REPORT_IN_PREPARATION, None)
    details = json.loads(_last_entry(off).details)
    assert (details["request_id"], details["request_status"]) == (
        request_id,
        "report_in_preparation",
    )
    # One report per request.
    before = _count(off, "reports")
    with pytest.raises(InvalidState):
        reports.draft_report(off, text=TEXT, request_id=request_id)
    assert _count(off, "reports") == before


def test_draft_on_a_request_in_progress(people: dict[str, Session]) -> None:
    off = people["officier"]
    request_id = _request(off, RequestStatus.IN_PROGRESS)
    reports.draft_report(off, text=TEXT, request_id=request_id)
    assert _status(off, request_id)[0] is RequestStatus.REPORT_IN_PREPARATION


def test_draft_on_a_missing_or_closed_request_changes_nothing(people: dict[str, Session]) -> None:
    off = people["officier"]
    with pytest.raises(NotFound):
        reports.draft_report(off, text=TEXT, request_id=424242)
    closed = _request(off, RequestStatus.CLOSED_NO_DATA)
    with pytest.raises(InvalidState):
        reports.draft_report(off, text=TEXT, request_id=closed)
    assert _status(off, closed)[0] is RequestStatus.CLOSED_NO_DATA
    assert _count(off, "reports") == 0


def test_issue_closes_the_request(people: dict[str, Session], clock: Any) -> None:
    off, lia, sig = people["officier"], people["liaison"], people["tekenaar"]
    request_id = _request(off)
    r = reports.draft_report(off, text=TEXT, request_id=request_id).report
    reports.submit_report(off, r.id)
    reports.give_verdict(lia, r.id, usable=True)
    reports.sign_report(sig, r.id, proof=fresh_proof(sig))
    assert _status(off, request_id)[0] is RequestStatus.REPORT_IN_PREPARATION
    clock.advance(dt.timedelta(days=2))
    # Two days on, the sign-in is no proof of presence: the password is asked again.
    proof = off.reauthenticate(PASSWORDS["officier"])
    result = reports.issue_report(off, r.id, proof=proof)
    assert result.request_status == "closed_report_issued"
    assert _status(off, request_id) == (RequestStatus.CLOSED_REPORT_ISSUED, dt.date(2026, 11, 4))
    details = json.loads(_last_entry(off).details)
    assert details["request_id"] == request_id


def _provisions(s: Session) -> list[tuple[Any, ...]]:
    with s.reading() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                "SELECT id, direction, provided_on, description, legal_basis, provided_by,"
                " received_by, request_id, report_id FROM provisions ORDER BY id"
            )
        ]


def test_issue_and_correction_are_registered_as_provisions(
    people: dict[str, Session], clock: Any
) -> None:
    off, lia, sig = people["officier"], people["liaison"], people["tekenaar"]
    request_id = _request(off)
    linked = reports.draft_report(off, text=TEXT, request_id=request_id).report
    spontaneous = reports.draft_report(off, text=TEXT).report
    for r in (linked, spontaneous):
        reports.submit_report(off, r.id)
        reports.give_verdict(lia, r.id, usable=True)
        reports.sign_report(sig, r.id, proof=fresh_proof(sig))
    assert _provisions(off) == []  # signing is no provision; issuing is
    first = reports.issue_report(off, linked.id, proof=fresh_proof(off))
    second = reports.issue_report(sig, spontaneous.id, proof=fresh_proof(sig))
    assert _provisions(off) == [
        (
            first.provision_id,
            "aivd_to_ind",
            "2026-11-02",
            f"Ambtsbericht {linked.reference}",
            "Vreemdelingenwet 2000",
            "officier",
            "IND",
            request_id,
            linked.id,
        ),
        (
            second.provision_id,
            "aivd_to_ind",
            "2026-11-02",
            f"Ambtsbericht {spontaneous.reference}",
            "Wet op de inlichtingen- en veiligheidsdiensten 2017",
            "tekenaar",
            "IND",
            None,
            spontaneous.id,
        ),
    ]
    clock.advance(dt.timedelta(days=30))
    c1 = reports.record_correction(off, linked.id, "De reisdatum was onjuist.")
    c2 = reports.record_correction(off, linked.id, "Ook de bestemming was onjuist.")
    rows = _provisions(off)
    assert rows[2:] == [
        (
            c1.provision_id,
            "aivd_to_ind",
            "2026-12-02",
            f"Correctie 1 op ambtsbericht {linked.reference}",
            "Vreemdelingenwet 2000",
            "officier",
            "IND",
            request_id,
            linked.id,
        ),
        (
            c2.provision_id,
            "aivd_to_ind",
            "2026-12-02",
            f"Correctie 2 op ambtsbericht {linked.reference}",
            "Vreemdelingenwet 2000",
            "officier",
            "IND",
            request_id,
            linked.id,
        ),
    ]
    view = reports.get_report(off, linked.id)
    assert [c.provision_id for c in view.corrections] == [c1.provision_id, c2.provision_id]
    # A refused issue registers nothing.
    with pytest.raises(InvalidState):
        reports.issue_report(off, linked.id, proof=fresh_proof(off))
    assert len(_provisions(off)) == 4

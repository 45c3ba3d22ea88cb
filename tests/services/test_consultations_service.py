"""Consultations (art. 3.2) and statistics "as of" through the services: the figures frozen
at a stated moment stay what they were, the delay notice names its liaison and is marked when
recorded afterwards, one audit entry per use case, refusals audited as denied, bad input
stores nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from conftest import PASSWORDS
from support.helpers import audit_entries, one_audit_entry

from desktop_app.domain.errors import Forbidden, InvalidInput, InvalidState, NotFound
from desktop_app.services import consultations as consultation_service
from desktop_app.services import requests as request_service
from desktop_app.services import stats as stats_service
from desktop_app.services import users as user_service
from desktop_app.services.session import Session
from desktop_app.storage import audit
from tests.reporting.helpers import page_texts

D = dt.date
OCT = (D(2026, 10, 1), D(2026, 10, 31))
PEOPLE = [("aivd", "J. de Vries", "directeur-generaal"), ("ind", "A. Bakker", "hoofddirecteur")]


_entries = audit_entries


def _one(s: Session, act: Callable[[], Any], action: str, result: str = "ok") -> Any:
    return one_audit_entry(s, act, action, result)[0]


def _none(s: Session, act: Callable[[], Any]) -> Exception:
    """A bad input: refused with a sentence, nothing stored, nothing audited."""
    before = len(_entries(s))
    with pytest.raises(InvalidInput) as info:
        act()
    assert len(_entries(s)) == before
    return info.value


def _count(s: Session) -> int:
    with s.reading() as conn:
        return int(conn.execute("SELECT count(*) FROM consultations").fetchone()[0])


def _add(s: Session, name: str, v: str, received: dt.date) -> Any:
    return request_service.add_request(
        s, subject_name=name, v_number=v, purpose="asylum", received=received
    )


def test_delay_notice_names_the_liaison_and_is_marked_recorded_afterwards(
    ws: Any, clock: Any
) -> None:
    with ws.session("officier", PASSWORDS["officier"]) as s:
        # received 1 October: deadline 15 October; today is 2 November.
        rec = _add(s, "Ayşe Çelik", "1234567890", D(2026, 10, 1))
        # Account names only (no content): read without an audit entry.
        assert request_service.liaisons(s) == [("liaison", "liaison")]
        wrong = _none(
            s,
            lambda: request_service.notify_delay(
                s, rec.id, reason="later", date=D(2026, 10, 14), liaison="tekenaar"
            ),
        )
        assert "geen IND-liaison" in str(wrong)
        unknown = _none(
            s, lambda: request_service.notify_delay(s, rec.id, reason="x", liaison="niemand")
        )
        assert "geen account" in str(unknown)
        done = _one(
            s,
            lambda: request_service.notify_delay(
                s,
                rec.id,
                reason="wacht op buitenlandse dienst",
                date=D(2026, 10, 14),
                liaison="liaison",
            ),
            "request.notify_delay",
        )
        notice = done.delay_notice
        assert (notice.liaison, notice.by) == ("liaison", "officier")
        assert notice.is_on_time(done.deadline) and notice.recorded_afterwards(done.deadline)
        shown = request_service.request_dict(done, clock.today())["delay_notice"]
        assert shown["liaison"] == {"name": "liaison", "full_name": "liaison"}
        assert shown["recorded_afterwards"] is True
        assert shown["recorded_at"].startswith("2026-11-02T09:00")
        last = _entries(s)[-1]
        assert json.loads(last.details)["recorded_afterwards"] is True
        assert json.loads(last.details)["liaison"] == "liaison"
        # A notice recorded on time is not marked.
        fresh = _add(s, "Hans Müller", "2345678901", D(2026, 10, 30))
        timely = request_service.notify_delay(s, fresh.id, reason="later", liaison="liaison")
        assert not timely.delay_notice.recorded_afterwards(timely.deadline)
        # The liaison list is for the officer who records the notice.
    with ws.session("liaison", PASSWORDS["liaison"]) as s:
        refused = _one(s, lambda: request_service.liaisons(s), "request.liaisons", "denied")
        assert isinstance(refused, Forbidden)


def test_statistics_as_of_do_not_change_when_something_is_recorded_later(
    ws: Any, clock: Any
) -> None:
    with ws.session("officier", PASSWORDS["officier"]) as s:
        first = _add(s, "Ayşe Çelik", "1234567890", D(2026, 10, 1))
        _add(s, "Hans Müller", "2345678901", D(2026, 10, 20))
    frozen_at = clock.now()
    clock.advance(dt.timedelta(days=1))
    with ws.session("officier", PASSWORDS["officier"]) as s:
        request_service.notify_delay(
            s, first.id, reason="later", date=D(2026, 10, 14), liaison="liaison"
        )
        _add(s, "Иван Петров", "3456789012", D(2026, 10, 5))  # registered afterwards
        request_service.start_request(s, first.id)
        request_service.close_no_data(s, first.id, reason="geen gegevens")
    with ws.session("tekenaar", PASSWORDS["tekenaar"]) as s:
        now = stats_service.statistics(s, *OCT)
        then = _one(s, lambda: stats_service.statistics(s, *OCT, as_of=frozen_at), "stats.view")
        assert json.loads(_entries(s)[-1].details)["as_of"] == audit.format_ts(frozen_at)
        assert (then.requests_received, then.requests_closed) == (2, 0)
        assert (then.late_without_notice, then.late_with_notice, then.overdue_open) == (1, 0, 1)
        assert then.late_with_notice_recorded_afterwards == 0
        assert then.as_of == frozen_at
        assert (now.requests_received, now.requests_closed, now.late_with_notice) == (3, 1, 1)
        assert now.late_with_notice_recorded_afterwards == 1
        assert now.as_of == clock.now()
        # The contract's figures by default are those as of now.
        assert now.as_dict() == stats_service.statistics(s, *OCT, as_of=clock.now()).as_dict()
        future = _none(
            s,
            lambda: stats_service.statistics(s, *OCT, as_of=clock.now() + dt.timedelta(hours=1)),
        )
        assert "toekomst" in str(future)


def test_consultation_freezes_the_figures_and_records_everything(ws: Any, clock: Any) -> None:
    with ws.session("officier", PASSWORDS["officier"]) as s:
        _add(s, "Ayşe Çelik", "1234567890", D(2026, 10, 1))
    held_at = clock.now()
    with ws.session("liaison", PASSWORDS["liaison"]) as s:
        figures_then = stats_service.statistics(s, *OCT).as_extended_dict()
        c = _one(
            s,
            lambda: consultation_service.record_consultation(
                s,
                held_on=clock.today(),
                period_from=OCT[0],
                period_to=OCT[1],
                participants=PEOPLE,
                decisions="Uitstelberichten voortaan met de liaison erbij.",
                actions=[
                    ("Werkinstructie bijwerken", "M. Jansen", D(2026, 12, 1)),
                    ("Cijfers Q4 voorbereiden", "A. Bakker", D(2027, 1, 15)),
                ],
                as_of=held_at,
            ),
            "consultation.add",
        )
        entry = _entries(s)[-1]
        assert entry.object == f"consultation:{c.id}"
        assert "Jansen" not in entry.details and "Uitstel" not in entry.details
        assert c.figures["requests_received"] == 1 and c.as_of == held_at
        assert {k: c.figures[k] for k in figures_then if k != "as_of"} == {
            k: v for k, v in figures_then.items() if k != "as_of"
        }
    clock.advance(dt.timedelta(days=2))
    with ws.session("officier", PASSWORDS["officier"]) as s:
        _add(s, "Hans Müller", "2345678901", D(2026, 10, 2))
    with ws.session("tekenaar", PASSWORDS["tekenaar"]) as s:
        assert stats_service.statistics(s, *OCT).requests_received == 2
        shown = _one(
            s, lambda: consultation_service.show_consultation(s, c.id), "consultation.view"
        )
        assert shown.figures["requests_received"] == 1  # frozen, never recomputed
        assert shown.figures == c.figures
        assert [p.name for p in shown.participants] == ["J. de Vries", "A. Bakker"]
        items, total = _one(
            s, lambda: consultation_service.list_consultations(s), "consultation.list"
        )
        assert total == 1 and items[0].summary_dict()["open_actions"] == 2
        action = shown.actions[0]
        updated, done = _one(
            s,
            lambda: consultation_service.mark_action_done(s, action.id),
            "consultation.action_done",
        )
        assert done.done_on == clock.today() and done.done_by == "tekenaar"
        assert updated.open_actions() == 1 and updated.figures == c.figures
        before = len(_entries(s))
        with pytest.raises(InvalidState, match="al afgerond"):
            consultation_service.mark_action_done(s, action.id)
        assert len(_entries(s)) == before
        with pytest.raises(NotFound):
            consultation_service.mark_action_done(s, 9999)
        with pytest.raises(NotFound):
            consultation_service.show_consultation(s, 9999)
        pdf = _one(s, lambda: consultation_service.pdf_bytes(s, c.id), "consultation.print")
        assert pdf.startswith(b"%PDF")


def test_the_frozen_record_cannot_be_changed_in_the_database(ws: Any, clock: Any) -> None:
    with ws.session("tekenaar", PASSWORDS["tekenaar"]) as s:
        c = consultation_service.record_consultation(
            s, held_on=clock.today(), period_from=OCT[0], period_to=OCT[1], participants=PEOPLE
        )
        with pytest.raises(Exception, match="recorded once"), s.db.transaction() as conn:
            conn.execute("UPDATE consultations SET figures = '{}' WHERE id = ?", (c.id,))


def test_who_may_record_and_read(ws: Any, clock: Any) -> None:
    for name in ("beheer", "officier"):
        with ws.session(name, PASSWORDS[name]) as s:
            for action, call in (
                (
                    "consultation.add",
                    lambda: consultation_service.record_consultation(
                        s,
                        held_on=clock.today(),
                        period_from=OCT[0],
                        period_to=OCT[1],
                        participants=PEOPLE,
                    ),
                ),
                ("consultation.list", lambda: consultation_service.list_consultations(s)),
                ("consultation.view", lambda: consultation_service.show_consultation(s, 1)),
                ("consultation.print", lambda: consultation_service.pdf_bytes(s, 1)),
                ("consultation.action_done", lambda: consultation_service.mark_action_done(s, 1)),
            ):
                refused = _one(s, call, action, "denied")
                assert isinstance(refused, Forbidden), (name, action, refused)
            assert _count(s) == 0


def test_bad_input_stores_nothing(ws: Any, clock: Any) -> None:
    with ws.session("tekenaar", PASSWORDS["tekenaar"]) as s:
        only_aivd = _none(
            s,
            lambda: consultation_service.record_consultation(
                s,
                held_on=clock.today(),
                period_from=OCT[0],
                period_to=OCT[1],
                participants=PEOPLE[:1],
            ),
        )
        assert "IND" in str(only_aivd)
        _none(
            s,
            lambda: consultation_service.record_consultation(
                s,
                held_on=clock.today(),
                period_from=OCT[0],
                period_to=OCT[1],
                participants=PEOPLE,
                actions=[("Iets", "X", D(2026, 1, 1))],
            ),
        )
        _none(s, lambda: consultation_service.list_consultations(s, limit=0))
        assert _count(s) == 0


def test_csv_and_pdf_exports_carry_the_moment(ws: Any, clock: Any, tmp_path: Any) -> None:
    import io

    import pypdf

    with ws.session("officier", PASSWORDS["officier"]) as s:
        _add(s, "Ayşe Çelik", "1234567890", D(2026, 10, 1))
    frozen_at = clock.now()
    clock.advance(dt.timedelta(days=1))
    with ws.session("officier", PASSWORDS["officier"]) as s:
        _add(s, "Hans Müller", "2345678901", D(2026, 10, 2))
    with ws.session("tekenaar", PASSWORDS["tekenaar"]) as s:
        target = tmp_path / "cijfers.csv"
        stats_service.export_csv(s, *OCT, target, as_of=frozen_at)
        rows = target.read_bytes().decode("utf-8-sig").splitlines()
        assert "requests_received;Verzoeken ontvangen;1" in rows
        assert f"as_of;Stand per (peilmoment);{frozen_at.isoformat()}" in rows
        assert any(r.startswith("late_with_notice_recorded_afterwards;") for r in rows)
        assert json.loads(_entries(s)[-1].details)["as_of"] == audit.format_ts(frozen_at)
        pdf = stats_service.pdf_bytes(s, *OCT, as_of=frozen_at)
        text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
        assert "Stand per" in text and "2 november 2026, 10:00" in text


def test_the_printed_record_names_the_recorder_by_full_name(ws: Any, clock: Any) -> None:
    with ws.session("beheer") as admin:
        user_service.edit_user(admin, "tekenaar", full_name="mr. J. de Tekenaar")
    with ws.session("tekenaar", PASSWORDS["tekenaar"]) as s:
        c = consultation_service.record_consultation(
            s, held_on=clock.today(), period_from=OCT[0], period_to=OCT[1], participants=PEOPLE
        )
        text = "\n".join(page_texts(consultation_service.pdf_bytes(s, c.id)))
    assert "door mr. J. de Tekenaar" in text
    assert c.recorded_by == "tekenaar"  # the record itself keeps the login name

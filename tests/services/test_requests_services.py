"""Request, provision, calendar and statistics use cases: roles and need-to-know, exactly one
audit entry per change (refusals audited too), no personal data in audit details, all-or-nothing
import, delay notices, the lazy list API."""

from __future__ import annotations

import datetime as dt
import gc
import json
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from conftest import PASSWORDS
from support.helpers import audit_entries, one_audit_entry

from desktop_app.domain.errors import (
    Cancelled,
    Forbidden,
    InvalidInput,
    InvalidState,
    NotFound,
)
from desktop_app.domain.queries import RequestQuery, SortColumn
from desktop_app.domain.requests import DashboardBucket, RequestStatus
from desktop_app.services import calendar as calendar_service
from desktop_app.services import provisions as provision_service
from desktop_app.services import requests as request_service
from desktop_app.services import stats as stats_service
from desktop_app.services.session import Session
from desktop_app.storage import requests as requests_storage
from desktop_app.storage.requests import bulk as requests_bulk

PERSONAL = ("Çelik", "celik", "1234567890", "Müller", "Иван")


_entries = audit_entries


def _one(s: Session, act: Callable[[], Any], action: str, result: str = "ok") -> Any:
    """Run ``act``; exactly one new audit entry, with no personal data in it."""
    value, entry = one_audit_entry(s, act, action, result)
    text = json.dumps(entry.as_dict(), ensure_ascii=False)
    assert not any(p in text for p in PERSONAL), text
    return value


def _count(s: Session) -> int:
    with s.reading() as conn:
        return int(conn.execute("SELECT count(*) FROM requests").fetchone()[0])


def _add(s: Session, name: str = "Ayşe Çelik", v: str = "1234567890", **kw: Any) -> Any:
    return request_service.add_request(s, subject_name=name, v_number=v, purpose="asylum", **kw)


def test_each_change_is_one_audit_entry_without_personal_data(ws: Any) -> None:
    with ws.session("officier") as s:
        rec = _one(s, lambda: _add(s, received=dt.date(2026, 10, 19)), "request.add")
        assert rec.reference == "NV-2026-000001"
        assert rec.deadline == dt.date(2026, 11, 2)  # 10 working days after Mon 19 Oct
        _one(s, lambda: request_service.get_request(s, rec.id), "request.view")
        _one(
            s,
            lambda: request_service.list_requests(s, RequestQuery(search="celik")),
            "request.list",
        )
        _one(
            s,
            lambda: request_service.request_ids(s, RequestQuery(search="1234567890")),
            "request.list",
        )
        _one(s, lambda: request_service.start_request(s, rec.id), "request.start")
        noticed = _one(
            s,
            lambda: request_service.notify_delay(
                s, rec.id, reason="Navraag bij Çelik duurt langer"
            ),
            "request.notify_delay",
        )
        assert noticed.delay_notice.date == dt.date(2026, 11, 2)
        assert noticed.delay_notice.is_on_time(noticed.deadline)
        closed = _one(
            s,
            lambda: request_service.close_no_data(s, rec.id, reason="Geen gegevens over Çelik"),
            "request.close",
        )
        assert closed.status is RequestStatus.CLOSED_NO_DATA
        assert closed.closed_on == dt.date(2026, 11, 2)
        data = "subject_name,v_number,purpose,received\nHans Müller,1111111111,asylum,2026-10-01\n"
        count = _one(
            s, lambda: request_service.import_requests(s, data.encode(), ".csv"), "request.import"
        )
        assert count == 1


def test_refusals_are_audited_and_admin_sees_no_content(ws: Any) -> None:
    with ws.session("officier") as s:
        rec = _add(s)
    with ws.session("beheer") as admin:
        for act, action in (
            (lambda: _add(admin), "request.add"),
            (lambda: request_service.get_request(admin, rec.id), "request.view"),
            (lambda: request_service.list_requests(admin, RequestQuery()), "request.list"),
            (lambda: request_service.request_ids(admin, RequestQuery()), "request.list"),
            (lambda: request_service.import_requests(admin, b"x", ".csv"), "request.import"),
            (lambda: request_service.dashboard_counts(admin), "request.dashboard"),
            (lambda: provision_service.list_provisions(admin), "provision.list"),
        ):
            exc = _one(admin, act, action, "denied")
            assert isinstance(exc, Forbidden)
        with pytest.raises(Forbidden):
            request_service.requests_by_ids(admin, [int(rec.id)])
        # Figures only: the administrator may see the statistics.
        figures = _one(
            admin,
            lambda: stats_service.statistics(admin, dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
            "stats.view",
        )
        assert figures.requests_received == 1
    with ws.session("liaison") as liaison:
        assert isinstance(
            _one(
                liaison,
                lambda: request_service.start_request(liaison, rec.id),
                "request.start",
                "denied",
            ),
            Forbidden,
        )
        assert request_service.get_request(liaison, rec.id).subject_name == "Ayşe Çelik"
    with ws.session("tekenaar") as signer:
        assert isinstance(_one(signer, lambda: _add(signer), "request.add", "denied"), Forbidden)
        assert request_service.list_requests(signer, RequestQuery())[1] == 1


def test_bad_input_stores_nothing(ws: Any) -> None:
    with ws.session("officier") as s:
        _add(s)
        for kwargs, field in (
            ({"v": "12345"}, "v_number"),
            ({"name": "  "}, "subject_name"),
            ({"received": dt.date(2026, 11, 3)}, "received"),
            ({"birth_date": dt.date(2030, 1, 1)}, "birth_date"),
        ):
            with pytest.raises(InvalidInput) as info:
                _add(s, **kwargs)
            assert info.value.field == field
        with pytest.raises(InvalidInput) as info:
            request_service.add_request(
                s, subject_name="A", v_number="1234567890", purpose="holiday"
            )
        assert info.value.field == "purpose"
        before = len(_entries(s))
        bad = (
            "subject_name;v_number;purpose;received\n"
            "A;1234567890;asylum;2026-10-01\nB;1234567890;asylum;2026-02-30\n"
        )
        with pytest.raises(InvalidInput) as info:
            request_service.import_requests(s, bad.encode(), ".csv")
        assert (info.value.row, info.value.field) == (2, "received")
        with pytest.raises(InvalidInput) as info:
            request_service.import_requests(
                s, b"subject_name;v_number;purpose\nA;1;asylum\n", ".csv"
            )
        assert info.value.field == "received"
        assert _count(s) == 1
        assert len(_entries(s)) == before  # invalid input is not a change


def test_large_import_is_one_transaction_and_one_entry(ws: Any) -> None:
    rows = ["subject_name,v_number,purpose,received,ind_reference"]
    rows += [
        f"Persoon {i},{i:010d},residence,2026-{1 + i % 10:02d}-15,IND-{i}" for i in range(1500)
    ]
    with ws.session("liaison") as s:
        entry_count = len(_entries(s))
        assert request_service.import_requests(s, "\n".join(rows).encode(), ".csv") == 1500
        new = _entries(s)[entry_count:]
        assert [e.action for e in new] == ["request.import"]
        assert json.loads(new[0].details)["imported"] == 1500
        assert _count(s) == 1500
        ids = request_service.request_ids(s, RequestQuery(search="IND-77"))
        assert [r.subject_name for r in request_service.requests_by_ids(s, ids)] == ["Persoon 77"]


def test_bad_row_after_inserted_chunks_leaves_nothing(
    ws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import streams: earlier chunks are already in the transaction when a later row turns
    out bad. The row is still named, and the rollback leaves no request, reference number,
    search entry or audit entry behind."""
    monkeypatch.setattr(requests_bulk, "BULK_CHUNK", 200)
    rows = ["subject_name;v_number;purpose;received"]
    rows += [f"Streamer {i};{i:010d};asylum;2026-{1 + i % 10:02d}-15" for i in range(1000)]
    rows.append("Kapot;12345;asylum;2026-10-01")
    with ws.session("officier") as s:
        first = _add(s)
        before = len(_entries(s))
        with pytest.raises(InvalidInput) as info:
            request_service.import_requests(s, "\n".join(rows).encode(), ".csv")
        assert (info.value.row, info.value.field) == (1001, "v_number")
        assert _count(s) == 1
        assert len(_entries(s)) == before
        assert len(request_service.request_ids(s, RequestQuery(search="streamer"))) == 0
        again = _add(s)
        assert (first.reference, again.reference) == ("NV-2026-000001", "NV-2026-000002")


def test_import_pauses_the_cycle_collector_and_restores_it(
    ws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real_insert = requests_storage.insert_many

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real_insert(*args, **kwargs)

    monkeypatch.setattr(requests_storage, "insert_many", spy)
    good = b"subject_name;v_number;purpose;received\nA;1234567890;asylum;2026-10-01\n"
    with ws.session("officier") as s:
        assert request_service.import_requests(s, good, ".csv") == 1
        with pytest.raises(InvalidInput):
            request_service.import_requests(s, good.replace(b"2026-10-01", b"2026-13-01"), ".csv")
    assert seen == [False, False]
    assert gc.isenabled()


def test_import_reports_progress_with_an_estimate(ws: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(request_service, "PROGRESS_EVERY", 100)
    rows = ["subject_name;v_number;purpose;received"]
    rows += [f"P {i};{i:010d};asylum;2026-10-01" for i in range(250)]
    calls: list[tuple[int, int | None]] = []
    expected: list[int | None] = []
    real_insert = requests_storage.insert_many

    def spy(*args: Any, **kwargs: Any) -> Any:
        expected.append(kwargs.get("expected_rows"))
        return real_insert(*args, **kwargs)

    monkeypatch.setattr(requests_storage, "insert_many", spy)
    with ws.session("officier") as s:
        count = request_service.import_requests(
            s, "\n".join(rows).encode(), ".csv", progress=lambda d, t: calls.append((d, t))
        )
    assert count == 250
    # The last call says every row is read (the rest cannot be stopped).
    assert calls == [(100, 250), (200, 250), (250, 250)]
    # The same estimate lets the storage decide whether to build indexes afterwards.
    assert expected == [250]


def _big_csv(rows: int) -> bytes:
    lines = ["subject_name;v_number;purpose;received"]
    lines += [f"P {i};{i:010d};asylum;2026-10-01" for i in range(rows)]
    return "\n".join(lines).encode()


def test_a_cancelled_import_stores_nothing(ws: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(request_service, "PROGRESS_EVERY", 100)
    monkeypatch.setattr(requests_bulk, "BULK_CHUNK", 100)
    seen: list[int] = []
    with ws.session("officier") as s:
        before = len(_entries(s))
        with pytest.raises(Cancelled, match="niets ingelezen"):
            request_service.import_requests(
                s,
                _big_csv(1000),
                ".csv",
                progress=lambda d, t: seen.append(d),
                cancel=lambda: len(seen) >= 3,
            )
        assert seen == [100, 200, 300]
        assert _count(s) == 0
        assert len(_entries(s)) == before


def test_locking_stops_an_import_running_on_another_thread(
    ws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock must not wait for a long import: closing the session makes the import stop at
    its next check and roll back, and the close then goes through."""
    monkeypatch.setattr(request_service, "PROGRESS_EVERY", 200)
    started = threading.Event()
    release = threading.Event()
    outcome: list[BaseException | int] = []

    def progress(done: int, total: int | None) -> None:
        started.set()
        release.wait(10)  # hold the import here until the lock has begun

    s = ws.session("officier")

    def run() -> None:
        try:
            outcome.append(
                request_service.import_requests(s, _big_csv(5000), ".csv", progress=progress)
            )
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    assert started.wait(30)
    closer = threading.Thread(target=s.close)
    closer.start()
    while not s.closing:
        time.sleep(0.001)
    release.set()
    worker.join(30)
    closer.join(30)
    assert not worker.is_alive() and not closer.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)
    assert "vergrendeld" in str(outcome[0])
    with ws.session("officier") as again:
        assert _count(again) == 0


def test_workflow_rules(ws: Any, clock: Any) -> None:
    with ws.session("officier") as s:
        rec = _add(s, received=dt.date(2026, 10, 12))
        with pytest.raises(InvalidState):
            request_service.close_no_data(s, rec.id, reason="te vroeg")  # not started
        with pytest.raises(InvalidInput) as info:
            request_service.close_no_data(s, rec.id, reason="  ")
        assert info.value.field == "reason"
        with pytest.raises(InvalidInput) as info:
            request_service.notify_delay(s, rec.id, reason="later", date=dt.date(2026, 11, 3))
        assert info.value.field == "date"
        with pytest.raises(NotFound):
            request_service.start_request(s, 999)
        request_service.start_request(s, rec.id)
        with pytest.raises(InvalidState):
            request_service.start_request(s, rec.id)
        late = request_service.notify_delay(s, rec.id, reason="later")
        assert late.delay_notice.by  # who informed the liaison
        assert not late.delay_notice.is_on_time(late.deadline)  # deadline was 26 Oct
        shown = request_service.request_dict(late, clock.today())
        assert shown["overdue"] is True
        # The contract's three keys; the liaison and "recorded afterwards" are extensions.
        assert {k: shown["delay_notice"][k] for k in ("date", "reason", "by")} == {
            "date": "2026-11-02",
            "reason": "later",
            "by": late.delay_notice.by,
        }
        request_service.close_no_data(s, rec.id, reason="geen gegevens")
        with pytest.raises(InvalidState) as closed:
            request_service.notify_delay(s, rec.id, reason="te laat")
        assert "al afgesloten" in closed.value.message


def test_lazy_list_and_dashboard(ws: Any) -> None:
    with ws.session("officier") as s:
        for i, received in enumerate(
            (
                dt.date(2026, 10, 1),
                dt.date(2026, 10, 20),
                dt.date(2026, 10, 26),
                dt.date(2026, 11, 2),
            )
        ):
            _add(s, name=f"Naam {i}", v=f"{i:010d}", received=received)
        counts = request_service.dashboard_counts(s)
        assert counts[DashboardBucket.OVERDUE] == 1  # deadline 15 Oct
        assert counts[DashboardBucket.WARNING_NO_NOTICE] == 1  # deadline 3 Nov
        assert sum(counts.values()) == 4
        ids = request_service.request_ids(s, RequestQuery(sort=SortColumn.DEADLINE))
        rows = request_service.requests_by_ids(s, list(reversed(ids)))
        assert [r.deadline for r in rows] == sorted((r.deadline for r in rows), reverse=True)
        page, total = request_service.list_requests(s, RequestQuery(), limit=2)
        assert total == 4 and [r.subject_name for r in page] == ["Naam 3", "Naam 2"]
        with pytest.raises(InvalidInput):
            request_service.requests_by_ids(s, list(range(1001)))


def test_calendar_day_changes_open_deadlines_with_version(ws: Any) -> None:
    with ws.session("officier") as s:
        rec = _add(s, received=dt.date(2026, 10, 28))  # deadline Wed 11 Nov
        old_version = rec.calendar_version
    with ws.session("beheer") as admin:
        change = _one(
            admin,
            lambda: calendar_service.add_day(
                admin, dt.date(2026, 11, 6), kind="closure", description="verhuizing"
            ),
            "calendar.add",
        )
        assert change.deadlines_changed == 1 and change.calendar_version != old_version
        with pytest.raises(InvalidInput):
            calendar_service.add_day(
                admin, dt.date(2026, 11, 7), kind="decree", description="zaterdag"
            )  # already not a working day
        assert dt.date(2026, 11, 6) in {d.day for d in calendar_service.list_days(admin)}
    with ws.session("officier") as s:
        moved = request_service.get_request(s, rec.id)
        assert moved.deadline == dt.date(2026, 11, 12)
        assert moved.calendar_version == change.calendar_version
        assert isinstance(
            _one(
                s,
                lambda: calendar_service.add_day(
                    s, dt.date(2026, 11, 9), kind="closure", description="x"
                ),
                "calendar.add",
                "denied",
            ),
            Forbidden,
        )


def test_provisions_register(ws: Any) -> None:
    with ws.session("officier") as s:
        rec = _add(s)
        p = _one(
            s,
            lambda: provision_service.add_provision(
                s,
                direction="aivd_to_ind",
                description="Ambtsbericht inzake verzoek",
                request_reference=rec.reference,
            ),
            "provision.add",
        )
        assert p.request_id == rec.id and p.provided_on == dt.date(2026, 11, 2)
        assert p.legal_basis and p.received_by == "IND"
        with pytest.raises(InvalidInput) as info:
            provision_service.add_provision(s, direction="sideways", description="x")
        assert info.value.field == "direction"
        with pytest.raises(InvalidInput) as info:
            provision_service.add_provision(
                s, direction="ind_to_aivd", description="x", date=dt.date(2026, 11, 3)
            )
        assert info.value.field == "date"
    with ws.session("liaison") as s:
        q = provision_service.add_provision(
            s, direction="ind_to_aivd", description="Spontane melding", date=dt.date(2026, 10, 1)
        )
        assert q.request_id is None and q.received_by == "AIVD"
    with ws.session("tekenaar") as s:
        assert isinstance(
            _one(
                s,
                lambda: provision_service.add_provision(
                    s, direction="aivd_to_ind", description="x"
                ),
                "provision.add",
                "denied",
            ),
            Forbidden,
        )
        items = _one(s, lambda: provision_service.list_provisions(s), "provision.list")
        assert [i.direction for i in items] == ["aivd_to_ind", "ind_to_aivd"]
        only = provision_service.list_provisions(
            s, direction="ind_to_aivd", date_from=dt.date(2026, 9, 1), date_to=dt.date(2026, 10, 31)
        )
        assert [i.id for i in only] == [q.id]
        figures = stats_service.statistics(s, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        assert (figures.provisions_aivd_to_ind, figures.provisions_ind_to_aivd) == (1, 1)


def test_warning_day_is_an_admin_setting(ws: Any) -> None:
    with ws.session("officier") as s:
        _add(s, received=dt.date(2026, 10, 26))  # deadline Mon 9 Nov: 5 working days left
        assert request_service.dashboard_counts(s)[DashboardBucket.WARNING_NO_NOTICE] == 0
        assert isinstance(
            _one(
                s,
                lambda: calendar_service.set_warn_from_day(s, 5),
                "settings.warn_from_day",
                "denied",
            ),
            Forbidden,
        )
    with ws.session("beheer") as admin:
        with pytest.raises(InvalidInput):
            calendar_service.set_warn_from_day(admin, 11)
        _one(admin, lambda: calendar_service.set_warn_from_day(admin, 5), "settings.warn_from_day")
    with ws.session("officier") as s:
        assert request_service.warn_from_day(s) == 5
        assert request_service.dashboard_counts(s)[DashboardBucket.WARNING_NO_NOTICE] == 1


def test_backup_and_restore_keep_requests_searchable(ws: Any, tmp_path: Any) -> None:
    from desktop_app.services import admin as admin_service
    from desktop_app.services.workspace import open_session
    from desktop_app.storage import requests as repo

    with ws.session("officier") as s:
        _add(s, name="Hans Müller", v="1111111111")
    target = tmp_path / "werkplek.cwpb"
    with ws.session("beheer") as admin:
        admin_service.make_backup(admin, target)
    new_root = tmp_path / "hersteld"
    admin_service.restore_workspace(
        ws.env,
        target,
        new_root,
        admin_name="beheer",
        recovery_key=ws.recovery_key,
        new_password="nieuw-beheer-wachtwoord",
    )
    with open_session(ws.env, new_root, "officier", PASSWORDS["officier"]) as s:
        rows, total = request_service.list_requests(s, RequestQuery(search="muller"))
        assert total == 1 and rows[0].v_number == "1111111111"
        with s.reading() as conn:
            assert repo.fts_integrity_ok(conn)

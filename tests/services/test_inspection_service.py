"""Inspection of underlying data (art. 2.5) through the real services: each of the five
conditions failing alone, refusals audited, AUTHZ-3 re-checks, the session log's durations,
idle expiry, the record and the officer's history."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pypdf
import pytest

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import (
    Forbidden,
    InvalidState,
    Involved,
    NotDesignated,
    NotFound,
    WrongLocation,
)
from desktop_app.domain.inspection import EndReason
from desktop_app.services import evidence, inspections, reports
from tests.services.test_inspection_service_support import (
    PNG_1X1,
    as_user,
    audit_rows,
    make_report,
    minimal_pdf,
    set_location,
    set_setting,
    setup_staff,
)

C = Classification
MIN = dt.timedelta(minutes=1)


@pytest.fixture
def staffed(workspace: Any) -> Any:
    setup_staff(workspace)
    return workspace


def _items(ws: Any, rid: int) -> dict[str, int]:
    """Three items on a report being prepared: a note (confidentieel), a photo (geheim, above
    the inspector's clearance) and a file of unknown type."""
    with as_user(ws, "officier") as s:
        note = evidence.add_evidence(
            s, rid, source=b"Notitie: bron A meldt X.", title="Notitie bron A"
        )
        photo = evidence.add_evidence(
            s, rid, source=PNG_1X1, title="Foto", classification=C.STG_GEHEIM
        )
        blob = evidence.add_evidence(s, rid, source=b"\x00\x01\x02binary\xff", title="Export")
    return {"note": int(note.id), "photo": int(photo.id), "blob": int(blob.id)}


@pytest.fixture
def issued(staffed: Any) -> tuple[Any, int, dict[str, int]]:
    rid = make_report(staffed, until="signed")
    items = _items(staffed, rid)
    with as_user(staffed, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    return staffed, int(rid), items


def _denied(session: Any, action: str) -> list[dict[str, Any]]:
    return [
        json.loads(d) for _a, _o, result, d in audit_rows(session, action) if result == "denied"
    ]


# --- the allowed path ---------------------------------------------------------------------


def test_start_lists_only_items_within_clearance_titles_only(issued: Any) -> None:
    ws, rid, items = issued
    with as_user(ws, "inspecteur") as s:
        started = inspections.start_inspection(s, rid)
        listed = {i.id for i in started.items}
        # The geheim photo is above the inspector's confidentieel clearance: not even listed.
        assert listed == {items["note"], items["blob"]}
        assert started.as_dict() == {
            "session": int(started.id),
            "items": [
                {
                    "id": items["note"],
                    "title": "Notitie bron A",
                    "classification": "stg_confidentieel",
                },
                {"id": items["blob"], "title": "Export", "classification": "stg_confidentieel"},
            ],
        }
        assert started.inspector_full_name == "Ivo Inspecteur"
        ok = [r for r in audit_rows(s, "inspection.start") if r[2] == "ok"]
        assert len(ok) == 1 and json.loads(ok[0][3])["items"] == sorted(listed)


def test_a_higher_clearance_sees_the_higher_item(issued: Any) -> None:
    ws, rid, items = issued
    with as_user(ws, "dubbel") as s:  # geheim clearance, not involved in this report
        started = inspections.start_inspection(s, rid)
        assert items["photo"] in {i.id for i in started.items}
        assert inspections.open_item(s, started.id, items["photo"]) == PNG_1X1


# --- each condition failing alone -----------------------------------------------------------


def test_not_designated_is_refused_and_audited(issued: Any) -> None:
    ws, rid, _ = issued
    with as_user(ws, "lezer") as s:
        with pytest.raises(NotDesignated, match="niet door de Hoofddirecteur IND aangewezen"):
            inspections.start_inspection(s, rid)
        assert _denied(s, "inspection.start") == [{"code": "not_designated"}]


def test_expired_designation_is_refused(workspace: Any, clock: Any) -> None:
    setup_staff(workspace, until=dt.date(2026, 11, 2))
    rid = make_report(workspace)
    with as_user(workspace, "inspecteur") as s:
        inspections.end_inspection(s, inspections.start_inspection(s, rid).id)  # last valid day
    clock.advance(dt.timedelta(days=1))
    with as_user(workspace, "inspecteur") as s:
        with pytest.raises(NotDesignated, match="verlopen op 2 november 2026"):
            inspections.start_inspection(s, rid)
        assert _denied(s, "inspection.start") == [{"code": "not_designated"}]


def test_involved_liaison_is_refused_on_that_report_but_allowed_on_another(
    staffed: Any,
) -> None:
    annotated = make_report(staffed, liaison="liaison")
    other = make_report(staffed, liaison="tweede", title="Ander ambtsbericht")
    with as_user(staffed, "liaison") as s:
        with pytest.raises(Involved, match="geannoteerd en beoordeeld"):
            inspections.start_inspection(s, annotated)
        assert inspections.start_inspection(s, other).report_id == other
        assert _denied(s, "inspection.start") == [{"code": "involved"}]


def test_whoever_added_underlying_data_is_involved(staffed: Any) -> None:
    rid = make_report(staffed, until="signed")
    with as_user(staffed, "dubbel") as s:
        evidence.add_evidence(s, rid, source=b"aanvulling", title="Aanvulling")
    with as_user(staffed, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    with as_user(staffed, "dubbel") as s, pytest.raises(Involved):
        inspections.start_inspection(s, rid)


def test_workstation_not_at_the_aivd_is_refused(issued: Any) -> None:
    ws, rid, _ = issued
    set_location(ws, "ind")
    with as_user(ws, "inspecteur") as s:
        assert s.location == "ind"
        with pytest.raises(WrongLocation, match="ten kantore van de AIVD"):
            inspections.start_inspection(s, rid)
        assert _denied(s, "inspection.start") == [{"code": "wrong_location"}]


@pytest.mark.parametrize("stage", ["draft", "in_review", "usable", "signed"])
def test_report_not_issued_is_refused_and_audited(staffed: Any, stage: str) -> None:
    rid = make_report(staffed, liaison="tweede", until=stage)
    with as_user(staffed, "inspecteur") as s:
        with pytest.raises(InvalidState, match="nadat het ambtsbericht is uitgebracht"):
            inspections.start_inspection(s, rid)
        assert _denied(s, "inspection.start") == [{"code": "invalid_state"}]


@pytest.mark.parametrize("name", ["officier", "tekenaar", "tweede", "beheer"])
def test_other_roles_are_forbidden(issued: Any, name: str) -> None:
    ws, rid, _ = issued
    with as_user(ws, name) as s:
        with pytest.raises(Forbidden):
            inspections.start_inspection(s, rid)
        assert _denied(s, "inspection.start") == [{"code": "forbidden"}]


def test_unknown_report(staffed: Any) -> None:
    with as_user(staffed, "inspecteur") as s, pytest.raises(NotFound):
        inspections.start_inspection(s, 999)


def test_clearance_filters_items_even_when_all_else_holds(staffed: Any) -> None:
    rid = make_report(staffed, liaison="tweede", until="signed")
    with as_user(staffed, "officier") as s:
        evidence.add_evidence(s, rid, source=b"geheim", title="Geheim", classification=C.STG_GEHEIM)
    with as_user(staffed, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    with as_user(staffed, "inspecteur") as s:
        started = inspections.start_inspection(s, rid)
        assert started.items == ()
    with as_user(staffed, "liaison") as s:  # not involved here, geheim clearance
        assert [i.title for i in inspections.start_inspection(s, rid).items] == ["Geheim"]


# --- viewing --------------------------------------------------------------------------------


def test_open_item_returns_content_and_audits_the_view_without_content(issued: Any) -> None:
    ws, rid, items = issued
    with as_user(ws, "inspecteur") as s:
        sid = inspections.start_inspection(s, rid).id
        assert inspections.open_item(s, sid, items["note"]) == b"Notitie: bron A meldt X."
        views = audit_rows(s, "inspection.view")
        assert len(views) == 1
        actor, obj, result, details = views[0]
        assert (actor, obj, result) == ("inspecteur", f"inspection:{sid}", "ok")
        assert json.loads(details)["item"] == items["note"]
        assert "bron A" not in details


def test_items_outside_the_session_are_refused(issued: Any) -> None:
    ws, rid, items = issued
    other = make_report(ws, liaison="tweede", title="Ander", until="draft")
    with as_user(ws, "officier") as s:
        foreign = evidence.add_evidence(s, other, source=b"elders", title="Elders")
    with as_user(ws, "inspecteur") as s:
        sid = inspections.start_inspection(s, rid).id
        with pytest.raises(NotFound):
            inspections.open_item(s, sid, int(foreign.id))
        with pytest.raises(NotFound):
            inspections.open_item(s, sid, 12345)
        with pytest.raises(Forbidden):
            inspections.open_item(s, sid, items["photo"])  # above clearance
        with pytest.raises(InvalidState, match="kan niet worden weergegeven"):
            inspections.open_item(s, sid, items["blob"])
        assert _denied(s, "inspection.view") == [{"code": "forbidden"}]
    # Someone else's session does not exist for you.
    with as_user(ws, "liaison") as s, pytest.raises(NotFound):
        inspections.open_item(s, sid, items["note"])


def test_authz3_involvement_after_start_refuses_the_next_item(staffed: Any) -> None:
    rid = make_report(staffed, until="signed")
    with as_user(staffed, "officier") as s:
        note = evidence.add_evidence(s, rid, source=b"inhoud", title="Notitie")
    with as_user(staffed, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    with as_user(staffed, "dubbel") as s:
        sid = inspections.start_inspection(s, rid).id
        assert inspections.open_item(s, sid, note.id) == b"inhoud"
        # Now the same person records a correction on the report: involved from here on.
        reports.record_correction(s, rid, "De datum in bevinding 1 was onjuist.")
        with pytest.raises(Involved, match="gecorrigeerd"):
            inspections.open_item(s, sid, note.id)
        assert _denied(s, "inspection.view") == [{"code": "involved"}]


def test_authz3_designation_running_out_during_a_session(workspace: Any, clock: Any) -> None:
    setup_staff(workspace, until=dt.date(2026, 11, 2))
    rid = make_report(workspace, until="signed")
    with as_user(workspace, "officier") as s:
        note = evidence.add_evidence(s, rid, source=b"inhoud", title="Notitie")
    with as_user(workspace, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    clock.set(dt.datetime(2026, 11, 2, 22, 55, tzinfo=dt.UTC))  # 23:55 in Amsterdam
    with as_user(workspace, "inspecteur") as s:
        sid = inspections.start_inspection(s, rid).id
        clock.advance(6 * MIN)  # past midnight local time: the designation has ended
        with pytest.raises(NotDesignated):
            inspections.open_item(s, sid, note.id)


def test_authz3_workstation_moved_during_a_session(issued: Any) -> None:
    ws, rid, items = issued
    with as_user(ws, "inspecteur") as s:
        sid = inspections.start_inspection(s, rid).id
        set_location(ws, "other")  # read from the settings at every check
        with pytest.raises(WrongLocation):
            inspections.open_item(s, sid, items["note"])


# --- the session log ----------------------------------------------------------------------


def test_durations_are_recorded_per_item(staffed: Any, clock: Any) -> None:
    rid = make_report(staffed, until="signed")
    with as_user(staffed, "officier") as s:
        a = evidence.add_evidence(s, rid, source=b"eerste", title="A").id
        b = evidence.add_evidence(s, rid, source=minimal_pdf(), title="B").id
    with as_user(staffed, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    with as_user(staffed, "inspecteur") as s:
        sid = inspections.start_inspection(s, rid).id
        clock.advance(MIN)
        inspections.open_item(s, sid, a)
        clock.advance(2 * MIN)
        inspections.open_item(s, sid, b)  # switching closes A: 2 minutes
        clock.advance(3 * MIN)
        inspections.close_item(s, sid, b)  # 3 minutes
        clock.advance(MIN)
        inspections.open_item(s, sid, a)  # A again, 30 seconds
        clock.advance(dt.timedelta(seconds=30))
        record = inspections.end_inspection(s, sid, "Aantekening: alles gezien.")
    assert [(v.item_id, v.seconds, v.times_opened) for v in record.viewed] == [
        (a, 150, 2),
        (b, 180, 1),
    ]
    assert record.end_reason is EndReason.ENDED
    assert record.ended_at - record.started_at == dt.timedelta(minutes=7, seconds=30)
    assert record.notes == "Aantekening: alles gezien."
    with as_user(staffed, "inspecteur") as s:
        with s.reading() as conn:
            kinds = [
                r[0]
                for r in conn.execute(
                    "SELECT kind FROM inspection_events WHERE inspection_id = ? ORDER BY id", (sid,)
                )
            ]
        assert kinds == ["start", "open_item", "open_item", "close_item", "open_item", "end"]
        with pytest.raises(InvalidState, match="al beëindigd"):
            inspections.end_inspection(s, sid)
        with pytest.raises(InvalidState):
            inspections.open_item(s, sid, a)


def test_idle_time_ends_the_session_at_the_deadline(issued: Any, clock: Any) -> None:
    ws, rid, items = issued
    with as_user(ws, "inspecteur") as s:
        started = inspections.start_inspection(s, rid)
        assert started.idle_minutes == 10
        inspections.open_item(s, started.id, items["note"])
        clock.advance(9 * MIN)
        assert inspections.check_idle(s, started.id) is False
        clock.advance(2 * MIN)
        assert inspections.check_idle(s, started.id) is True
        with pytest.raises(InvalidState, match="inactiviteit"):
            inspections.open_item(s, started.id, items["note"])
        clock.advance(30 * MIN)
        record = inspections.end_inspection(s, started.id, "later toegevoegd")
    assert record.end_reason is EndReason.IDLE
    assert record.ended_at == started.started_at + 10 * MIN
    assert [v.seconds for v in record.viewed] == [600]  # viewing stops at the idle deadline
    assert record.notes == "later toegevoegd"


def test_idle_end_also_applies_when_only_ended_later(issued: Any, clock: Any) -> None:
    """``inspect start`` then ``inspect end`` an hour later: the session ended when idle."""
    ws, rid, _ = issued
    with as_user(ws, "inspecteur") as s:
        started = inspections.start_inspection(s, rid)
        clock.advance(60 * MIN)
        record = inspections.end_inspection(s, started.id)
    assert (record.end_reason, record.ended_at) == (EndReason.IDLE, started.started_at + 10 * MIN)


def test_activity_keeps_the_session_alive_and_is_throttled(issued: Any, clock: Any) -> None:
    ws, rid, items = issued
    set_setting(ws, "inspection_idle_minutes", "3")
    with as_user(ws, "inspecteur") as s:
        sid = inspections.start_inspection(s, rid).id
        clock.advance(dt.timedelta(seconds=20))
        assert inspections.touch(s, sid) is False  # within a minute of the last activity
        clock.advance(2 * MIN)
        assert inspections.touch(s, sid) is True
        clock.advance(2 * MIN)  # 4:20 after start, 2:00 after the last activity
        assert inspections.open_item(s, sid, items["note"])
        clock.advance(3 * MIN)
        with pytest.raises(InvalidState, match="inactiviteit"):
            inspections.touch(s, sid)


def test_invalid_idle_setting_falls_back_to_ten_minutes(issued: Any) -> None:
    ws, rid, _ = issued
    set_setting(ws, "inspection_idle_minutes", "onzin")
    with as_user(ws, "inspecteur") as s:
        assert inspections.start_inspection(s, rid).idle_minutes == 10


# --- the record and the history ---------------------------------------------------------------


def _finished_session(ws: Any, rid: int, item: int, clock: Any) -> int:
    with as_user(ws, "inspecteur") as s:
        sid = inspections.start_inspection(s, rid).id
        inspections.open_item(s, sid, item)
        clock.advance(4 * MIN)
        inspections.end_inspection(s, sid, "Mijn aantekening over bron A.")
    return int(sid)


def test_officer_sees_the_history_and_prints_the_record(issued: Any, clock: Any) -> None:
    ws, rid, items = issued
    sid = _finished_session(ws, rid, items["note"], clock)
    with as_user(ws, "officier") as s:
        history = inspections.list_inspections(s, rid)
        assert [h.id for h in history] == [sid]
        h = history[0]
        assert (h.inspector_full_name, h.closed, h.notes) == (
            "Ivo Inspecteur",
            True,
            "Mijn aantekening over bron A.",
        )
        assert [(v.title, v.seconds) for v in h.viewed] == [("Notitie bron A", 240)]
        pdf = inspections.record_pdf(s, sid)
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for expected in (
        "Verslag van inzage",
        "Ivo Inspecteur",
        "Notitie bron A",
        "Mijn aantekening over bron A.",
        "HD-IND 2026/inspecteur",
    ):
        assert expected in text
    # Marked at least Departementaal Vertrouwelijk, here the item's level.
    assert "STG. CONFIDENTIEEL" in text


def test_inspector_reads_own_record_others_do_not(issued: Any, clock: Any) -> None:
    ws, rid, items = issued
    sid = _finished_session(ws, rid, items["note"], clock)
    with as_user(ws, "inspecteur") as s:
        assert inspections.get_record(s, sid).viewed[0].item_id == items["note"]
        assert inspections.record_pdf(s, sid).startswith(b"%PDF-")
        assert [r.id for r in inspections.my_inspections(s)] == [sid]
    for name in ("liaison", "tweede", "beheer"):
        with as_user(ws, name) as s, pytest.raises(NotFound):
            inspections.get_record(s, sid)
    with as_user(ws, "tweede") as s, pytest.raises(Forbidden):
        inspections.list_inspections(s, rid)


def test_inspectable_reports_say_why_not(staffed: Any) -> None:
    mine = make_report(staffed, liaison="liaison", title="Door mij beoordeeld")
    other = make_report(staffed, liaison="tweede", title="Niet door mij")
    draft = make_report(staffed, liaison="tweede", until="draft")
    with as_user(staffed, "liaison") as s:
        found = {r.id: r for r in inspections.inspectable_reports(s)}
    assert draft not in found
    assert found[other].allowed and found[other].reason == ""
    assert not found[mine].allowed and "betrokken" in found[mine].reason


def test_record_is_marked_at_least_departementaal_vertrouwelijk(staffed: Any, clock: Any) -> None:
    rid = make_report(staffed, liaison="tweede", until="signed", classification=C.ONGERUBRICEERD)
    with as_user(staffed, "officier") as s:
        note = evidence.add_evidence(s, rid, source=b"x", title="Openbaar")
    with as_user(staffed, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    sid = _finished_session(staffed, rid, note.id, clock)
    with as_user(staffed, "officier") as s:
        record = inspections.get_record(s, sid)
        assert record.viewed[0].classification is C.ONGERUBRICEERD
        assert record.classification is C.DEP_VERTROUWELIJK
        pdf = inspections.record_pdf(s, sid)
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "DEPARTEMENTAAL VERTROUWELIJK" in text

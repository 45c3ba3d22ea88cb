"""Retention and destruction (Archiefwet): periods, the list approved by two people, legal holds,
destruction that removes every part and keeps a record, and an audit chain that still verifies."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.drafts import Draft
from desktop_app.domain.errors import Forbidden, FourEyes, InvalidInput, InvalidState, NotFound
from desktop_app.domain.queries import RequestQuery
from desktop_app.domain.retention import RecordKind
from desktop_app.services import drafts, retention
from desktop_app.services import requests as request_service
from desktop_app.services.audit import verify_audit
from desktop_app.storage import audit
from tests.services.retention_support import (
    SUBJECT,
    Round,
    audit_details,
    personal_markers,
    run_round,
)
from tests.services.test_inspection_service_support import as_user

# The round runs on Monday 2 November 2026: the dossier (10 years) is due on 1 January 2037,
# the inspection and the spontaneous provision... (5 and 10 years) on 2032 and 2037.
DUE = dt.datetime(2037, 1, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def rnd(workspace: Any, tmp_path: Path) -> Round:
    return run_round(workspace, tmp_path / "afdrukken")


def _entries(ws: Any) -> list[audit.AuditEntry]:
    with ws.session("beheer") as s, s.reading() as conn:
        return list(reversed(audit.recent(conn, 100_000)))


def _last(ws: Any, action: str, result: str | None = None) -> audit.AuditEntry:
    return [e for e in _entries(ws) if e.action == action and result in (None, e.result)][-1]


def _approved_list(ws: Any) -> int:
    with ws.session("beheer") as s:
        drawn = retention.draw_up_list(s)
        retention.approve(s, drawn.id)
    with as_user(ws, "tekenaar") as s:
        retention.approve(s, drawn.id)
    return drawn.id


def _count(ws: Any, sql: str, *params: Any) -> int:
    with ws.session("beheer") as s, s.reading() as conn:
        return int(conn.execute(sql, params).fetchone()[0])


def _tables_holding(ws: Any, markers: tuple[str, ...]) -> set[str]:
    """Every table (FTS shadow tables included) with a value that contains one of ``markers``."""
    found: set[str] = set()
    with ws.session("beheer") as s, s.reading() as conn:
        tables = [
            str(r[0])
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if str(r[0]) != "requests_fts"
        ]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    blob = value if isinstance(value, bytes) else str(value).encode()
                    if any(m.encode() in blob for m in markers):
                        found.add(table)
    return found


def test_periods_are_seeded_and_changed_by_the_administrator_only(workspace: Any) -> None:
    with workspace.session("beheer") as s:
        seeded = {p.kind: p.years for p in retention.periods(s)}
        assert seeded == {
            RecordKind.REQUEST_NO_DATA: 5,
            RecordKind.REQUEST_REPORT: 10,
            RecordKind.SPONTANEOUS_REPORT: 10,
            RecordKind.PROVISION: 10,
            RecordKind.INSPECTION: 5,
        }
        changed = retention.set_period(s, "inspection", 7, "Selectielijst 2026, cat. 4")
        assert (changed.years, changed.basis, changed.changed_by) == (
            7,
            "Selectielijst 2026, cat. 4",
            "beheer",
        )
        before = len(_entries(workspace))
        for bad in (0, 101, -3):
            with pytest.raises(InvalidInput):
                retention.set_period(s, "inspection", bad)
        with pytest.raises(InvalidInput):
            retention.set_period(s, "archief", 5)
    entry = _last(workspace, "retention.set_period")
    assert json.loads(entry.details) == {"kind": "inspection", "years": 7, "was": 5}
    assert entry.object == "retention:inspection"
    # Bad input is rolled back and not audited (nothing stored).
    assert [e.action for e in _entries(workspace)[before:]].count("retention.set_period") == 0


def test_a_signer_may_not_change_a_period_and_the_refusal_is_audited(workspace: Any) -> None:
    workspace.add_staff("tekenaar")
    with workspace.session("tekenaar") as s, pytest.raises(Forbidden):
        retention.set_period(s, "inspection", 1)
    entry = _last(workspace, "retention.set_period")
    assert (entry.result, entry.actor) == ("denied", "tekenaar")
    with workspace.session("beheer") as s:
        assert {p.kind: p.years for p in retention.periods(s)}[RecordKind.INSPECTION] == 5


def test_nothing_is_due_before_the_period_has_run(workspace: Any, rnd: Round) -> None:
    workspace.env.clock.set(dt.datetime(2031, 12, 31, 12, tzinfo=dt.UTC))
    with workspace.session("beheer") as s:
        assert retention.due(s) == []
        with pytest.raises(InvalidState):
            retention.draw_up_list(s)
    workspace.env.clock.set(dt.datetime(2032, 1, 1, 12, tzinfo=dt.UTC))
    with workspace.session("beheer") as s:
        assert [c.object for c in retention.due(s)] == [f"inspection:{rnd.inspection_id}"]


def test_a_whole_dossier_is_destroyed_after_two_approvals(
    workspace: Any, rnd: Round, tmp_path: Path
) -> None:
    workspace.env.clock.set(DUE)
    with workspace.session("beheer") as s:
        due = {c.object: c for c in retention.due(s)}
    assert set(due) == {
        f"request:{rnd.request_id}",
        f"inspection:{rnd.inspection_id}",
        f"provision:{rnd.provision_id}",
    }
    dossier = due[f"request:{rnd.request_id}"]
    assert (dossier.kind, dossier.reference, dossier.due_on) == (
        RecordKind.REQUEST_REPORT,
        rnd.reference,
        dt.date(2037, 1, 1),
    )
    with workspace.session("beheer") as s:
        drawn = retention.draw_up_list(s)
        # The inspection goes with its dossier; it is not a record of its own on the list.
        assert {i.object for i in drawn.items} == {
            f"request:{rnd.request_id}",
            f"provision:{rnd.provision_id}",
        }
        with pytest.raises(InvalidState, match="goedkeuring"):
            retention.destroy(s, drawn.id)
        retention.approve(s, drawn.id)
        with pytest.raises(InvalidState):
            retention.approve(s, drawn.id)  # once per role
        with pytest.raises(InvalidState, match="ondertekenaar"):
            retention.destroy(s, drawn.id)
    with as_user(workspace, "tekenaar") as s:
        approved = retention.approve(s, drawn.id)
        assert (approved.admin_approved_by, approved.signer_approved_by) == ("beheer", "tekenaar")
        with pytest.raises(Forbidden):
            retention.destroy(s, drawn.id)  # carried out by the administrator
    with as_user(workspace, "officier") as s:  # unsaved work kept at a lock
        drafts.keep_draft(s, Draft(f"report:{rnd.report_id}", {"text": f"Over {SUBJECT}"}))
        # An open dialog about the request and one about the report (gui/drafts.py keys).
        drafts.keep_draft(
            s, Draft(f"dialog:delay-notice:{rnd.request_id}", {"reason": f"{SUBJECT} ziek"})
        )
        drafts.keep_draft(s, Draft(f"dialog:report-subject:{rnd.report_id}", {"name": SUBJECT}))
        drafts.keep_draft(s, Draft("dialog:add-provision", {"text": "Reisgegevens"}))
    before = _tables_holding(workspace, ("celik", "Çelik"))
    assert {"requests", "requests_fts_data", "reports", "report_versions"} <= before
    assert _count(workspace, "SELECT count(*) FROM drafts") == 4
    with workspace.session("beheer") as s:
        done = retention.destroy(s, drawn.id)
        with pytest.raises(InvalidState):
            retention.destroy(s, drawn.id)  # once
        report = verify_audit(s)
    assert report.ok, report.problem
    assert done.list.destroyed_by == "beheer"
    by_object = {r.object: r for r in done.records}
    record = by_object[f"request:{rnd.request_id}"]
    assert (record.kind, record.reference, record.years) == (
        RecordKind.REQUEST_REPORT,
        rnd.reference,
        10,
    )
    assert record.parts["report"] == [rnd.report_id]
    assert record.parts["evidence"] == [rnd.item_id]
    assert record.parts["inspection"] == [rnd.inspection_id]
    assert len(record.parts["print_job"]) == 1
    assert record.parts["rows"]["report_versions"] == 1
    assert record.parts["rows"]["print_copies"] == 2
    # Every row of the dossier is gone, in every table.
    for sql in (
        "SELECT count(*) FROM requests",
        "SELECT count(*) FROM reports",
        "SELECT count(*) FROM report_versions",
        "SELECT count(*) FROM report_events",
        "SELECT count(*) FROM report_annotations",
        "SELECT count(*) FROM report_verdicts",
        "SELECT count(*) FROM evidence_items",
        "SELECT count(*) FROM evidence_chunks",
        "SELECT count(*) FROM inspections",
        "SELECT count(*) FROM inspection_events",
        "SELECT count(*) FROM inspection_items",
        "SELECT count(*) FROM print_jobs",
        "SELECT count(*) FROM print_copies",
        "SELECT count(*) FROM provisions",
        "SELECT count(*) FROM destruction_marker",
        "SELECT count(*) FROM drafts WHERE belongs_to <> 'dialog:add-provision'",
        "SELECT sum(n) FROM request_counts",
    ):
        assert _count(workspace, sql) == 0, sql
    # Unsaved work about nothing destroyed stays with its owner.
    assert _count(workspace, "SELECT count(*) FROM drafts") == 1
    with as_user(workspace, "officier") as s:
        assert request_service.list_requests(s, RequestQuery(search="celik"))[1] == 0
    # No table, the name index's pages included, holds the name any more.
    assert _tables_holding(workspace, ("celik", "Çelik", "ronselaars")) == set()
    # The destruction's own entry: identifiers only.
    entry = _last(workspace, "retention.destroy", "ok")
    details = json.loads(entry.details)
    assert details["destroyed"]["report"] == [rnd.report_id]
    assert details["approved_by"] == ["beheer", "tekenaar"]
    text = json.dumps(details, ensure_ascii=False)
    assert not any(m.casefold() in text.casefold() for m in personal_markers(rnd))
    # And the whole trail still holds no personal data.
    assert not [
        (a, m) for a, _, d in audit_details(workspace) for m in (SUBJECT, "1987-03-14") if m in d
    ]


def test_the_same_account_cannot_give_both_approvals(workspace: Any, rnd: Round) -> None:
    # An account with both roles cannot be made; the rule still holds in the domain, and the
    # database refuses a list whose two approvers are one name.
    from desktop_app.domain.retention import Approvals, Slot

    with pytest.raises(FourEyes):
        Approvals(admin_by="beheer").approve(Slot.SIGNER, "Beheer")


def test_a_liaison_may_not_approve_and_the_refusal_is_audited(workspace: Any, rnd: Round) -> None:
    workspace.env.clock.set(DUE)
    with workspace.session("beheer") as s:
        drawn = retention.draw_up_list(s)
    with as_user(workspace, "tweede") as s, pytest.raises(Forbidden):
        retention.approve(s, drawn.id)
    entry = _last(workspace, "retention.approve")
    assert (entry.result, entry.actor, entry.object) == (
        "denied",
        "tweede",
        f"destruction_list:{drawn.id}",
    )


def test_a_legal_hold_blocks_destruction_until_it_is_lifted(workspace: Any, rnd: Round) -> None:
    workspace.env.clock.set(DUE)
    list_id = _approved_list(workspace)
    # A hold on a part (the report) blocks the whole dossier.
    with as_user(workspace, "tekenaar") as s:
        hold = retention.place_hold(
            s, f"report:{rnd.report_id}", f"Beroep van {SUBJECT}", "AWB 37/0001"
        )
    assert hold.active and hold.placed_by == "tekenaar"
    entry = _last(workspace, "retention.hold")
    assert json.loads(entry.details) == {"hold": hold.id}  # the reason may name a person
    assert entry.object == f"report:{rnd.report_id}"
    with workspace.session("beheer") as s:
        due = {c.object: c for c in retention.due(s)}
        assert due[f"request:{rnd.request_id}"].held_by == (hold.id,)
        with pytest.raises(InvalidState, match="bewaarplicht"):
            retention.destroy(s, list_id)
    refused = _last(workspace, "retention.destroy")
    assert refused.result == "denied"
    assert _count(workspace, "SELECT count(*) FROM reports") == 1  # nothing removed
    with workspace.session("beheer") as s:
        with pytest.raises(InvalidInput):
            retention.release_hold(s, hold.id, "  ")
        released = retention.release_hold(s, hold.id, "Uitspraak onherroepelijk")
        assert not released.active and released.released_by == "beheer"
        with pytest.raises(InvalidState):
            retention.release_hold(s, hold.id, "nogmaals")
        retention.destroy(s, list_id)
        assert verify_audit(s).ok
    lifted = _last(workspace, "retention.release")
    assert json.loads(lifted.details) == {"hold": hold.id, "object": f"report:{rnd.report_id}"}
    assert _count(workspace, "SELECT count(*) FROM reports") == 0


def test_a_held_record_is_left_off_a_new_list(workspace: Any, rnd: Round) -> None:
    workspace.env.clock.set(DUE)
    with workspace.session("beheer") as s:
        retention.place_hold(s, f"request:{rnd.request_id}", "Woo-verzoek", "WOO-2036-17")
        drawn = retention.draw_up_list(s)
    assert f"request:{rnd.request_id}" not in {i.object for i in drawn.items}
    # The inspection is part of the held dossier: held too.
    assert f"inspection:{rnd.inspection_id}" not in {i.object for i in drawn.items}


def test_holds_name_an_existing_object(workspace: Any, rnd: Round) -> None:
    with workspace.session("beheer") as s:
        with pytest.raises(InvalidInput):
            retention.place_hold(s, "dossier 12", "reden", "kenmerk")
        with pytest.raises(InvalidInput):
            retention.place_hold(s, f"request:{rnd.request_id}", "", "kenmerk")
        with pytest.raises(NotFound):
            retention.place_hold(s, "request:999", "reden", "kenmerk")
        assert retention.holds(s) == []


def test_a_period_made_longer_after_approval_stops_the_destruction(
    workspace: Any, rnd: Round
) -> None:
    workspace.env.clock.set(DUE)
    list_id = _approved_list(workspace)
    with workspace.session("beheer") as s:
        retention.set_period(s, "request_report", 20)
        with pytest.raises(InvalidState, match="20 jaar"):
            retention.destroy(s, list_id)
    assert _count(workspace, "SELECT count(*) FROM requests") == 1


def test_the_triggers_still_refuse_a_delete_outside_a_destruction(
    workspace: Any, rnd: Round
) -> None:
    from desktop_app.domain.errors import AppError

    with workspace.session("beheer") as s:
        for table in (
            "reports",
            "report_versions",
            "report_events",
            "evidence_items",
            "evidence_chunks",
            "inspections",
            "inspection_events",
            "print_jobs",
            "print_copies",
        ):
            with (
                pytest.raises((AppError, Exception), match=r"never|immutable|append-only"),
                s.db.transaction() as conn,
            ):
                conn.execute(f"DELETE FROM {table}")
        # Nor can the marker be filled for a list not approved by both.
        with pytest.raises(Exception, match="approved by both"), s.db.transaction() as conn:
            conn.execute(
                "INSERT INTO destruction_lists (as_of, drawn_up_by, drawn_up_at)"
                " VALUES ('2037-01-01', 'beheer', 'x')"
            )
            conn.execute(
                "INSERT INTO destruction_marker (list_id, kind, object_id)"
                " VALUES (last_insert_rowid(), 'report', ?)",
                (rnd.report_id,),
            )
    assert _count(workspace, "SELECT count(*) FROM report_versions") == 1


def test_a_request_closed_without_data_is_destroyed_with_its_name_index_entry(
    workspace: Any,
) -> None:
    workspace.add_staff("officier", "tekenaar")
    with workspace.session("officier") as s:
        req = request_service.add_request(
            s, subject_name="Jan Zonderdata", v_number="1112223334", purpose="residence"
        )
        request_service.start_request(s, req.id)
        request_service.close_no_data(s, req.id, reason="geen gegevens")
    workspace.env.clock.set(dt.datetime(2032, 1, 2, 9, tzinfo=dt.UTC))
    list_id = _approved_list(workspace)
    with workspace.session("beheer") as s:
        done = retention.destroy(s, list_id)
        assert [r.kind for r in done.records] == [RecordKind.REQUEST_NO_DATA]
        assert verify_audit(s).ok
        assert [r.object for r in retention.destruction_records(s)] == [f"request:{req.id}"]
    with workspace.session("officier") as s:
        assert request_service.list_requests(s, RequestQuery(search="zonderdata"))[1] == 0


def test_list_actions_follow_the_list_s_state(workspace: Any, rnd: Round) -> None:
    from desktop_app.services.retention import RetentionStep, list_actions

    workspace.env.clock.set(DUE)
    with workspace.session("beheer") as s:
        drawn = retention.draw_up_list(s)
        fresh = list_actions(s, drawn)
        assert fresh[RetentionStep.APPROVE].allowed
        assert not fresh[RetentionStep.DESTROY].allowed
        after = list_actions(s, retention.approve(s, drawn.id))
        assert not after[RetentionStep.APPROVE].allowed
        assert "al gegeven" in (after[RetentionStep.APPROVE].reason or "")
    with as_user(workspace, "tekenaar") as s:
        mine = list_actions(s, retention.get_list(s, drawn.id))
        assert mine[RetentionStep.APPROVE].allowed
        assert not mine[RetentionStep.DESTROY].offered  # the administrator's step
        both = list_actions(s, retention.approve(s, drawn.id))
    with workspace.session("beheer") as s:
        assert list_actions(s, retention.get_list(s, drawn.id))[RetentionStep.DESTROY].allowed
    assert not both[RetentionStep.APPROVE].allowed


def test_a_protected_table_without_the_exception_stops_the_whole_destruction(
    workspace: Any, rnd: Round
) -> None:
    from desktop_app.domain.errors import IntegrityFailure

    # A later step's table linked to reports whose trigger refuses every delete.
    with workspace.session("beheer") as s, s.db.transaction() as conn:
        conn.execute(
            "CREATE TABLE later_notes (report_id INTEGER NOT NULL REFERENCES reports(id),"
            " note TEXT NOT NULL)"
        )
        conn.execute(
            "CREATE TRIGGER later_notes_no_delete BEFORE DELETE ON later_notes"
            " BEGIN SELECT RAISE(ABORT, 'never'); END"
        )
        conn.execute("INSERT INTO later_notes VALUES (?, 'x')", (rnd.report_id,))
    workspace.env.clock.set(DUE)
    list_id = _approved_list(workspace)
    with workspace.session("beheer") as s:
        with pytest.raises(IntegrityFailure, match="later_notes"):
            retention.destroy(s, list_id)
        assert retention.get_list(s, list_id).destroyed_at is None
        assert retention.destruction_records(s) == []
    for table in ("requests", "reports", "report_versions", "provisions", "destruction_marker"):
        expected = 0 if table == "destruction_marker" else 1
        assert _count(workspace, f"SELECT count(*) FROM {table}") >= expected, table
    assert _count(workspace, "SELECT count(*) FROM destruction_marker") == 0

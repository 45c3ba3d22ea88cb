"""The work queues of issue 12 through the service: the right counts per role, the counting SQL
agreeing with the domain's work lists, one audit entry per view, and the administrator's
states (locked accounts, backup age against ``backup_reminder_days``, decree days, the last
audit verification)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.calendar import years_without_decree_days
from desktop_app.domain.errors import AccountLocked, AuthFailed, Forbidden
from desktop_app.domain.queues import (
    Queue,
    backup_state,
    decree_year_needs_attention,
    designation_state,
    queues_for,
)
from desktop_app.domain.reports import WorkList
from desktop_app.domain.roles import Role
from desktop_app.services import admin, audit, queues, reports
from desktop_app.services import settings as settings_service
from desktop_app.services.queues import QueueView
from desktop_app.storage import audit as audit_repo
from tests.services.test_inspection_service_support import (
    REPORT_TEXT,
    as_user,
    make_report,
    setup_staff,
)


def _by_queue(views: tuple[QueueView, ...]) -> dict[Queue, QueueView]:
    return {v.queue: v for v in views}


def _report_ids(view: QueueView) -> set[int]:
    return {i.id for i in view.items if i.kind == "report"}


@pytest.fixture
def staffed(workspace: Any) -> Any:
    setup_staff(workspace)
    return workspace


def test_each_role_has_its_own_queues() -> None:
    assert queues_for({Role.AIVD_OFFICER}) == (
        Queue.RETURNED_TO_ME,
        Queue.READY_TO_ISSUE,
        Queue.REQUESTS_DUE,
    )
    assert queues_for({Role.IND_LIAISON}) == (Queue.AWAITING_MY_REVIEW, Queue.JUDGED_BY_ME)
    assert queues_for({Role.AIVD_SIGNER}) == (Queue.AWAITING_MY_SIGNATURE,)
    assert queues_for({Role.IND_INSPECTOR}) == (
        Queue.OPEN_FOR_INSPECTION,
        Queue.MY_DESIGNATION,
    )
    assert Queue.LOCKED_ACCOUNTS in queues_for({Role.ADMIN})
    assert all(q.label_nl for q in Queue)


def test_report_queues_follow_the_report_state(staffed: Any) -> None:
    in_review = make_report(staffed, until="in_review")
    usable = make_report(staffed, until="usable")
    signed = make_report(staffed, until="signed")
    issued = make_report(staffed, until="issued")
    with as_user(staffed, "officier") as off:
        returned = reports.draft_report(off, text=REPORT_TEXT, title="Terug").report.id
        reports.submit_report(off, returned)
    with as_user(staffed, "tweede") as lia:
        reports.give_verdict(lia, returned, usable=False, comment="Graag de bron noemen.")

    with as_user(staffed, "officier") as off:
        mine = _by_queue(queues.my_queues(off))
        assert mine[Queue.RETURNED_TO_ME].count == 1
        assert _report_ids(mine[Queue.RETURNED_TO_ME]) == {int(returned)}
        assert mine[Queue.READY_TO_ISSUE].count == 1
        assert _report_ids(mine[Queue.READY_TO_ISSUE]) == {int(signed)}
        assert mine[Queue.RETURNED_TO_ME].attention
        # The counting query agrees with the work lists the Ambtsberichten page shows.
        lists = reports.my_work_lists(off)
        assert mine[Queue.RETURNED_TO_ME].count == len(lists[WorkList.RETURNED_TO_ME])
        assert mine[Queue.READY_TO_ISSUE].count == len(lists[WorkList.READY_TO_ISSUE])
    with as_user(staffed, "liaison") as lia:
        judged = _by_queue(queues.my_queues(lia))
        assert _report_ids(judged[Queue.AWAITING_MY_REVIEW]) == {int(in_review)}
        # The liaison judged usable and signed; issued left the list, "tweede" judged the other.
        assert judged[Queue.JUDGED_BY_ME].count == 2
        assert _report_ids(judged[Queue.JUDGED_BY_ME]) == {int(usable), int(signed)}
        # Kept to follow, not to act on: no attention sign for it.
        assert not judged[Queue.JUDGED_BY_ME].attention
        assert judged[Queue.AWAITING_MY_REVIEW].attention
        assert len(reports.my_work_lists(lia)[WorkList.JUDGED_BY_ME]) == 2
        # Also a designated inspector: the reports it had no part in are open to it.
        assert Queue.OPEN_FOR_INSPECTION in judged
    with as_user(staffed, "tekenaar") as sig:
        signer = _by_queue(queues.my_queues(sig))
        assert set(signer) == {Queue.AWAITING_MY_SIGNATURE}
        assert _report_ids(signer[Queue.AWAITING_MY_SIGNATURE]) == {int(usable)}
    with as_user(staffed, "inspecteur") as ins:
        inspector = _by_queue(queues.my_queues(ins))
        assert _report_ids(inspector[Queue.OPEN_FOR_INSPECTION]) == {int(issued)}
        state = inspector[Queue.MY_DESIGNATION]
        assert state.count is None and "HD-IND 2026/inspecteur" in state.text
        assert not state.attention  # open-ended


def test_submitting_moves_a_report_between_queues(staffed: Any) -> None:
    with as_user(staffed, "officier") as off:
        rid = reports.draft_report(off, text=REPORT_TEXT, title="Beweegt").report.id
        assert [int(s.id) for s in reports.my_work_lists(off)[WorkList.MY_DRAFTS]] == [int(rid)]
        reports.submit_report(off, rid)
        lists = reports.my_work_lists(off)
        assert lists[WorkList.MY_DRAFTS] == ()
        assert [int(s.id) for s in lists[WorkList.SUBMITTED_BY_ME]] == [int(rid)]
    with as_user(staffed, "liaison") as lia:
        assert _by_queue(queues.my_queues(lia))[Queue.AWAITING_MY_REVIEW].count == 1
        reports.give_verdict(lia, rid, usable=True)
        after = _by_queue(queues.my_queues(lia))
        assert after[Queue.AWAITING_MY_REVIEW].count == 0
        assert after[Queue.JUDGED_BY_ME].count == 1


def test_a_report_sent_back_by_the_signer_is_returned_to_its_officer(staffed: Any) -> None:
    usable = make_report(staffed, until="usable")
    withdrawn = make_report(staffed, until="in_review")
    with as_user(staffed, "tekenaar") as sig:
        reports.send_back(sig, usable, reason="De conclusie volgt niet uit bevinding 1.")
    with as_user(staffed, "officier") as off:
        reports.withdraw_submission(off, withdrawn)

        def check() -> None:
            mine = _by_queue(queues.my_queues(off))[Queue.RETURNED_TO_ME]
            lists = reports.my_work_lists(off)
            # The counting query and the work lists agree, whatever the history.
            assert mine.count == len(lists[WorkList.RETURNED_TO_ME]) == 1
            assert _report_ids(mine) == {int(usable)}
            assert [int(r.id) for r in lists[WorkList.MY_DRAFTS]] == [int(withdrawn)]

        check()
        text = reports.get_report(off, usable).text
        reports.revise_report(off, usable, text=text.replace("Geen bezwaar", "Geen enkel bezwaar"))
        check()  # reworked, not yet submitted again: still back with the officer
        reports.submit_report(off, usable)
        assert _by_queue(queues.my_queues(off))[Queue.RETURNED_TO_ME].count == 0


def test_queues_respect_clearance(staffed: Any) -> None:
    from desktop_app.domain.classification import Classification
    from desktop_app.services import users

    with staffed.session() as beheer:
        users.add_user(
            beheer,
            name="laag",
            password="laag-wachtwoord-1",
            roles=[Role.IND_LIAISON],
            clearance=Classification.STG_CONFIDENTIEEL,
            initial_password=False,
        )
    make_report(staffed, until="in_review", classification=Classification.STG_GEHEIM)
    with staffed.session("laag", "laag-wachtwoord-1") as low:
        assert _by_queue(queues.my_queues(low))[Queue.AWAITING_MY_REVIEW].count == 0
    with as_user(staffed, "tweede") as cleared:
        assert _by_queue(queues.my_queues(cleared))[Queue.AWAITING_MY_REVIEW].count == 1


def test_one_audit_entry_per_view(staffed: Any) -> None:
    make_report(staffed, until="in_review")
    with as_user(staffed, "liaison") as lia:
        with lia.reading() as conn:
            before = audit_repo.head(conn)[0]
        queues.my_queues(lia)
        with lia.reading() as conn:
            new = audit_repo.recent(conn, 10)
        added = [e for e in new if e.seq > before]
        assert [(e.action, e.actor) for e in added] == [("queue.view", "liaison")]


def test_officer_sees_requests_due(staffed: Any) -> None:
    from desktop_app.domain.requests import Purpose
    from desktop_app.services import requests as request_service

    with as_user(staffed, "officier") as off:
        request_service.add_request(
            off,
            subject_name="Jan Termijn",
            v_number="1234567890",
            purpose=Purpose.ASYLUM,
            received=dt.date(2026, 10, 1),  # long past its term on 2 November
        )
        due = _by_queue(queues.my_queues(off))[Queue.REQUESTS_DUE]
        assert due.count == 1 and due.attention
        assert [(i.kind, i.title) for i in due.items] == [("request", "Jan Termijn")]


def test_requests_due_names_the_list_its_tile_opens(staffed: Any) -> None:
    """The tile opens the first list it tells of that holds a request: what it counts (past
    the term, due today), then the warnings its sentence adds; with nothing, the first."""
    from desktop_app.domain.requests import DashboardBucket, Purpose
    from desktop_app.services import requests as request_service

    def add(name: str, received: dt.date, number: str) -> None:
        request_service.add_request(
            off, subject_name=name, v_number=number, purpose=Purpose.ASYLUM, received=received
        )

    with as_user(staffed, "officier") as off:
        due = _by_queue(queues.my_queues(off))[Queue.REQUESTS_DUE]
        assert due.count == 0 and due.opens is DashboardBucket.OVERDUE
        add("Waarschuwing Een", dt.date(2026, 10, 21), "1234567891")  # warning zone on 2-11
        due = _by_queue(queues.my_queues(off))[Queue.REQUESTS_DUE]
        assert due.count == 0 and "uitstelbericht" in due.text
        assert due.opens is DashboardBucket.WARNING_NO_NOTICE
        add("Jan Termijn", dt.date(2026, 10, 1), "1234567890")  # long past its term
        due = _by_queue(queues.my_queues(off))[Queue.REQUESTS_DUE]
        assert due.count == 1 and due.opens is DashboardBucket.OVERDUE
        # Only this tile opens a request list; the JSON of ``werkplek queue`` stays as it was.
        others = [v for v in queues.my_queues(off) if v.queue is not Queue.REQUESTS_DUE]
        assert all(v.opens is None for v in others)
        assert "opens" not in due.as_dict()


def test_administrator_states(staffed: Any, tmp_path: Path) -> None:
    workspace = staffed
    for _ in range(3):
        with pytest.raises((AuthFailed, AccountLocked)):
            workspace.session("officier", "verkeerd-wachtwoord")
    with workspace.session() as beheer:
        states = _by_queue(queues.my_queues(beheer))
        assert states[Queue.LOCKED_ACCOUNTS].count == 1
        assert [i.reference for i in states[Queue.LOCKED_ACCOUNTS].items] == ["officier"]
        assert states[Queue.LAST_BACKUP].attention  # never made one
        assert "nooit" in states[Queue.LAST_BACKUP].text
        assert states[Queue.AUDIT_VERIFICATION].attention  # never verified
        assert states[Queue.DECREE_DAYS].text.startswith("Voor 2029 ")  # known days up to 2028
        assert not states[Queue.DECREE_DAYS].attention  # 2029 is more than a year off
        # ...yet it reports a year without decree days, so it is never shown as in order.
        assert states[Queue.DECREE_DAYS].missing and states[Queue.LAST_BACKUP].missing

        admin.make_backup(beheer, tmp_path / "werkplek.cwpb")
        assert audit.verify_audit(beheer).ok
        states = _by_queue(queues.my_queues(beheer))
        assert not states[Queue.LAST_BACKUP].attention
        assert "vandaag" in states[Queue.LAST_BACKUP].text
        assert not states[Queue.AUDIT_VERIFICATION].attention
        assert "In orde" in states[Queue.AUDIT_VERIFICATION].text

        workspace.env.clock.advance(dt.timedelta(days=8))  # default reminder: 7 days
        states = _by_queue(queues.my_queues(beheer))
        assert states[Queue.LAST_BACKUP].attention
        assert "8 dagen geleden" in states[Queue.LAST_BACKUP].text
        # The reminder is a setting: declared once, changed like any other.
        settings_service.change(beheer, "backup_reminder_days", "10")
        assert not _by_queue(queues.my_queues(beheer))[Queue.LAST_BACKUP].attention


def test_a_person_without_queues_is_refused(staffed: Any) -> None:
    with as_user(staffed, "officier") as off:
        object.__setattr__(off.user, "roles", frozenset())
        with pytest.raises(Forbidden):
            queues.my_queues(off)


# --- the rules on their own ---------------------------------------------------------------------


def test_backup_state() -> None:
    now = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
    assert backup_state(None, now, 7).overdue
    assert not backup_state(now - dt.timedelta(days=7), now, 7).overdue
    assert backup_state(now - dt.timedelta(days=8), now, 7).overdue
    assert (
        backup_state(now - dt.timedelta(hours=30), now, 7).text_nl == "Laatste back-up: gisteren."
    )


def test_designation_state() -> None:
    today = dt.date(2026, 11, 2)
    assert designation_state([], today).attention
    ending = designation_state([("HD/1", dt.date(2026, 1, 1), dt.date(2026, 11, 20))], today)
    assert ending.attention and ending.days_left == 18 and "nog 18 dagen" in ending.text_nl
    lasting = designation_state(
        [
            ("HD/1", dt.date(2026, 1, 1), dt.date(2026, 11, 20)),
            ("HD/2", dt.date(2026, 6, 1), dt.date(2027, 12, 31)),
        ],
        today,
    )
    assert lasting.decision_ref == "HD/2" and not lasting.attention
    ended = designation_state([("HD/1", dt.date(2025, 1, 1), dt.date(2025, 12, 31))], today)
    assert ended.decision_ref is None and ended.attention
    coming = designation_state([("HD/3", dt.date(2026, 12, 1), None)], today)
    assert coming.next_from == dt.date(2026, 12, 1) and "gaat in op" in coming.text_nl


def test_years_without_decree_days() -> None:
    days = [dt.date(2026, 5, 15), dt.date(2028, 4, 28)]
    assert years_without_decree_days(days, 2026, 2029) == (2027, 2029)
    assert years_without_decree_days([], 2026, 2026) == (2026,)
    assert decree_year_needs_attention(2027, dt.date(2026, 11, 2))
    assert not decree_year_needs_attention(2028, dt.date(2026, 11, 2))
    assert not decree_year_needs_attention(None, dt.date(2026, 11, 2))


def test_the_items_open_for_inspection_are_counted_in_words() -> None:
    from desktop_app.domain.messages import set_language, translate

    assert (queues._pieces(1), queues._pieces(3)) == ("1 stuk", "3 stukken")
    set_language("en")
    try:
        assert translate(queues._pieces(1)) == "1 item"
        assert translate(queues._pieces(3)) == "3 items"
        assert translate("aanpassing wenselijk") == "changes wanted"  # a report's status
    finally:
        set_language("nl")

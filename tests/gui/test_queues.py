"""The dashboard's work queues (issue 12) in the window: each role sees its own queues with the
right counts (the service's), one click on a tile goes where the queue is worked on, and an item
opens with one activation (the report in the Ambtsberichten page, the account in Beheer)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.queues import Queue
from desktop_app.domain.reports import WorkList
from desktop_app.services import reports, users
from tests.gui.gui_support import PASSWORDS, add_users
from tests.services.test_inspection_service_support import REPORT_TEXT


def _as(workspace: Any, name: str) -> Any:
    return workspace.session(name, PASSWORDS[name])


@pytest.fixture
def states(staff: Any) -> dict[str, int]:
    """One report per stage the queues look at: returned (changes wanted), in review, usable."""
    ids: dict[str, int] = {}
    with _as(staff, "officier") as off:
        for title in ("terug", "beoordeling", "bruikbaar"):
            ids[title] = int(reports.draft_report(off, text=REPORT_TEXT, title=title).report.id)
            reports.submit_report(off, ids[title])
    with _as(staff, "liaison") as lia:
        reports.give_verdict(lia, ids["terug"], usable=False, comment="Graag aanpassen.")
        reports.give_verdict(lia, ids["bruikbaar"], usable=True)
    return ids


def _tile_counts(window: Any) -> dict[Queue, int | None]:
    return dict(window.pages["dashboard"].queue_counts())


def test_each_role_sees_its_queues_with_the_right_counts(
    window_of: Any, states: dict[str, int]
) -> None:
    officer = _tile_counts(window_of("officier"))
    assert officer == {Queue.RETURNED_TO_ME: 1, Queue.READY_TO_ISSUE: 0, Queue.REQUESTS_DUE: 0}
    liaison = _tile_counts(window_of("liaison"))
    assert liaison == {Queue.AWAITING_MY_REVIEW: 1, Queue.JUDGED_BY_ME: 2}
    signer = _tile_counts(window_of("tekenaar"))
    assert signer == {Queue.AWAITING_MY_SIGNATURE: 1}
    admin_window = window_of("beheer")
    admin = _tile_counts(admin_window)
    assert admin[Queue.LOCKED_ACCOUNTS] == 0
    assert admin[Queue.LAST_BACKUP] is None  # a state, not a count
    page = admin_window.pages["dashboard"]
    backup = page.queue_tiles[Queue.LAST_BACKUP]
    assert "nooit" in backup.text_label.text() and backup.view.attention
    # No requests for the administrator: the deadline part is not there at all.
    assert not page.deadlines.isVisibleTo(page)


def test_a_tile_goes_to_its_list_and_an_item_opens_the_report(
    window_of: Any, states: dict[str, int], qtbot: Any
) -> None:
    window = window_of("officier")
    page = window.pages["dashboard"]
    qtbot.mouseClick(page.queue_tiles[Queue.RETURNED_TO_ME], Qt.MouseButton.LeftButton)
    assert window.current_section() == "reports"
    reports_page = window.pages["reports"]
    current = reports_page.work_lists[reports_page.list_tabs.currentIndex()]
    assert current is WorkList.RETURNED_TO_ME
    assert [int(r.id) for r in reports_page.rows_of(WorkList.RETURNED_TO_ME)] == [states["terug"]]

    window.show_section("dashboard")
    rows = page.items_model.rows
    assert [(r.queue, r.item.id) for r in rows] == [(Queue.RETURNED_TO_ME, states["terug"])]
    page.items_view.activated.emit(page.items_model.index(0, 0))
    assert window.current_section() == "reports"
    assert reports_page.detail.report_id == states["terug"]


def test_lists_follow_the_state_after_a_verdict(window_of: Any, staff: Any) -> None:
    with _as(staff, "officier") as off:
        rid = int(reports.draft_report(off, text=REPORT_TEXT, title="volgt").report.id)
        reports.submit_report(off, rid)
    window = window_of("liaison")
    assert _tile_counts(window)[Queue.AWAITING_MY_REVIEW] == 1
    with _as(staff, "liaison") as lia:
        reports.give_verdict(lia, rid, usable=True)
    window.pages["dashboard"].refresh()
    counts = _tile_counts(window)
    assert counts[Queue.AWAITING_MY_REVIEW] == 0 and counts[Queue.JUDGED_BY_ME] == 1
    judged = window.pages["reports"]
    judged.refresh()
    assert [int(r.id) for r in judged.rows_of(WorkList.JUDGED_BY_ME)] == [rid]


def test_locked_account_opens_in_beheer(window_of: Any, staff: Any, controller: Any) -> None:
    from desktop_app.domain.errors import AccountLocked, AuthFailed

    for _ in range(3):
        with pytest.raises((AuthFailed, AccountLocked)):
            staff.session("tekenaar", "fout-wachtwoord")
    window = window_of("beheer")
    page = window.pages["dashboard"]
    assert page.queue_counts()[Queue.LOCKED_ACCOUNTS] == 1
    (row,) = page.items_model.rows
    assert row.item.reference == "tekenaar"
    page.items_view.activated.emit(page.items_model.index(0, 0))
    admin = window.pages["admin"]
    assert window.current_section() == "admin"
    assert admin.selected_user() == "tekenaar"


def test_inspector_sees_designation_and_open_reports(
    window_of: Any, workspace: Any, staff: Any
) -> None:
    add_users(workspace, "inspecteur")
    with workspace.session() as beheer:
        users.designate(
            beheer,
            name="inspecteur",
            decision_ref="HDIND-TEST/0001",
            valid_from=dt.date(2026, 1, 1),
            valid_until=dt.date(2026, 11, 20),
        )
    window = window_of("inspecteur")
    page = window.pages["dashboard"]
    tile = page.queue_tiles[Queue.MY_DESIGNATION]
    assert "HDIND-TEST/0001" in tile.text_label.text()
    assert tile.view.attention  # ends within a month
    assert page.queue_counts()[Queue.OPEN_FOR_INSPECTION] == 0
    tile.click()
    assert window.current_section() == "inspection"


def test_summary_line_follows_every_queue_per_role(window_of: Any, states: dict[str, int]) -> None:
    """The line under the tiles is the core's: an administrator without a backup and with an
    unverified audit trail is not told that nothing waits (before, only items to open counted)."""
    admin = window_of("beheer").pages["dashboard"]
    line = admin.nothing_label.text()
    assert admin.nothing_label.isVisibleTo(admin)
    assert "niets" not in line and line.startswith("!")
    assert "Laatste back-up" in line
    # A tile that reports a missing thing is never marked in order.
    for queue in (Queue.LAST_BACKUP, Queue.AUDIT_VERIFICATION, Queue.DECREE_DAYS):
        assert "✔" not in admin.queue_tiles[queue].head_label.text()
    officer = window_of("officier").pages["dashboard"]
    assert "Terug bij mij" in officer.nothing_label.text()
    signer = window_of("tekenaar").pages["dashboard"]
    assert "niets" not in signer.nothing_label.text()

"""The demo workspace (desktop_app/demo.py) and the window's start-up with ``--demo``."""

from __future__ import annotations

import datetime as dt
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.demo import DEMO_ACCOUNTS, create_demo_workspace
from desktop_app.domain.classification import Classification
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.consultations import Service
from desktop_app.domain.covenant import AmendmentStatus
from desktop_app.domain.designations import current_designation
from desktop_app.domain.implementation_plans import PlanStatus
from desktop_app.domain.queries import RequestQuery
from desktop_app.domain.reports import ReportStatus, WorkList
from desktop_app.domain.roles import Role
from desktop_app.gui import app as app_module
from desktop_app.gui.login import LoginDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services import calendar as calendar_service
from desktop_app.services import (
    consultations,
    covenant,
    printing,
    reports,
    retention,
    users,
)
from desktop_app.services import requests as request_service
from desktop_app.services.session import Environment
from desktop_app.services.workspace import open_session
from desktop_app.storage.users import get_setting
from tests.conftest import START

EXPECTED = {
    "beheer": ({Role.ADMIN}, Classification.ONGERUBRICEERD),
    "officier": ({Role.AIVD_OFFICER}, Classification.STG_GEHEIM),
    "tekenaar": ({Role.AIVD_SIGNER}, Classification.STG_ZEER_GEHEIM),
    "liaison": ({Role.IND_LIAISON}, Classification.STG_GEHEIM),
    "inspecteur": ({Role.IND_INSPECTOR}, Classification.STG_GEHEIM),
}


@dataclass
class Demo:
    env: Environment
    root: Path
    accounts: dict[str, str]

    def session(self, name: str) -> Any:
        return open_session(self.env, self.root, name, self.accounts[name])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """One demo workspace for the tests that only read it (building one takes seconds)."""
    env = Environment(MemorySecretProvider(), FixedClock(START), origin="test")
    root = tmp_path_factory.mktemp("demo") / "demo"
    return Demo(env, root, create_demo_workspace(env, root, kdf_profile="test"))


def test_demo_workspace_has_the_listed_accounts(demo: Demo) -> None:
    env, root, accounts = demo.env, demo.root, demo.accounts
    assert set(accounts) == set(EXPECTED)
    assert accounts == {a.name: a.password for a in DEMO_ACCOUNTS}
    for name, password in accounts.items():
        with open_session(env, root, name, password) as session:
            roles, clearance = EXPECTED[name]
            assert session.user.roles == roles
            assert session.user.clearance == clearance
            assert session.location == "aivd"
    with open_session(env, root, "beheer", accounts["beheer"]) as session:
        designations = users.list_designations(session)
        with session.reading() as conn:
            assert get_setting(conn, "idle_minutes") == "5"
    inspector = [d for d in designations if d.user_name == "inspecteur"]
    assert current_designation(inspector, env.clock.today()) is not None


def test_demo_needs_an_empty_folder(env: Any, tmp_path: Path) -> None:
    root = tmp_path / "demo"
    create_demo_workspace(env, root, kdf_profile="test")
    with pytest.raises(Exception, match="al een werkplek"):
        create_demo_workspace(env, root, kdf_profile="test")


def test_demo_folder_is_private_and_fresh() -> None:
    first, second = app_module.make_demo_dir(), app_module.make_demo_dir()
    try:
        assert first != second
        assert stat.S_IMODE(first.stat().st_mode) == 0o700
        assert list(first.iterdir()) == []
    finally:
        first.rmdir()
        second.rmdir()


def test_parse_args() -> None:
    opts, rest = app_module.parse_args(["gui", "--demo", "--lang", "en", "-platform", "xcb"])
    assert opts.demo and opts.lang == "en" and opts.command == "gui"
    assert rest == ["-platform", "xcb"]
    opts, _ = app_module.parse_args(["--data-dir", "/tmp/ws", "--user", "officier"])
    assert opts.data_dir == Path("/tmp/ws") and opts.user == "officier" and not opts.demo


def test_run_gui_demo_end_to_end(demo_start: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m desktop_app --demo``: the demo is prepared in the background, an officer signs
    in, the window shows the officer's sections, and the demo folder is gone afterwards."""
    made: list[Path] = []
    real_make = app_module.make_demo_dir
    monkeypatch.setattr(app_module, "make_demo_dir", lambda: made.append(real_make()) or made[-1])
    seen: dict[str, Any] = {}

    def step() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for w in windows:
            if isinstance(w, MainWindow):
                seen["sections"] = w.section_keys()
                seen["banner"] = w.banner is not None and w.banner.isVisible()
                seen["user"] = w.user_label.text()
                QApplication.quit()
                return
        for w in windows:
            if isinstance(w, LoginDialog) and w.ui.signInButton.isEnabled() and not w.busy:
                seen["banner_dialog"] = w.ui.demoBanner.isVisible()
                w.fill("officier", "demo-officier")
                w.ui.signInButton.click()
        QTimer.singleShot(20, step)

    QTimer.singleShot(0, step)
    # A safety net, never the expected path; stopped afterwards, or it would quit the
    # application under a later test of the same process (the selftest's, on a slow machine).
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(QApplication.quit)
    safety.start(20_000)
    try:
        code = app_module.run_gui(["--demo", "--lang", "nl"])
    finally:
        safety.stop()
    assert code == 0
    assert seen.get("sections", [])[:3] == ["dashboard", "requests", "reports"]
    assert seen["banner"] and seen["banner_dialog"]
    assert seen["user"] == "Gebruiker: Olga Officier"
    assert made and not made[0].exists()  # the throwaway folder was removed


def test_demo_history_lies_before_now(tmp_path: Path) -> None:
    """Seeded at 15:00 'today', early in the morning the history lay in the future, and the
    audit chain (which never goes back in time) dated every real action after it at 15:00."""
    import datetime as dt

    from desktop_app.domain.clock import FixedClock
    from desktop_app.security.workstation import MemorySecretProvider
    from desktop_app.services.session import Environment
    from desktop_app.storage import audit

    now = dt.datetime(2026, 12, 2, 6, 30, tzinfo=dt.UTC)
    env = Environment(MemorySecretProvider(), FixedClock(now), origin="test")
    root = tmp_path / "demo"
    accounts = create_demo_workspace(env, root, kdf_profile="test")
    with (
        open_session(env, root, "beheer", accounts["beheer"]) as session,
        session.reading() as conn,
    ):
        entries = audit.recent(conn, 100_000)
    assert entries and max(e.ts_utc for e in entries) <= audit.format_ts(now)


# --- Issues 12-14: every section has its demo rows (read back through the services) ----------


def _reports(demo: Demo, name: str) -> dict[str, Any]:
    """Every report ``name`` has in a work list, by the start of its title, as they see it."""
    with demo.session(name) as s:
        lists = reports.my_work_lists(s)
        found = {r.title.split(",")[0]: r for rows in lists.values() for r in rows}
        return {title: reports.get_report(s, int(r.id)) for title, r in found.items()}


def test_demo_has_a_consultation_with_frozen_figures_and_action_points(demo: Demo) -> None:
    with demo.session("liaison") as s:
        found, total = consultations.list_consultations(s)
    assert total == 1
    (held,) = found
    assert held.period_from <= held.period_to < held.held_on < START.date()
    assert {p.service for p in held.participants} == {Service.AIVD, Service.IND}
    # Frozen as of the end of the day it was held, with the period's requests in them.
    assert held.as_of.date() >= held.held_on and held.figures["requests_received"] > 0
    assert held.decisions.strip()
    done = [a for a in held.actions if a.done_on is not None]
    assert len(held.actions) == 3 and len(done) == 1
    assert done[0].done_on is not None and done[0].done_on >= held.held_on


def test_demo_covenant_register_has_an_amendment_plans_and_the_annex(demo: Demo) -> None:
    with demo.session("liaison") as s:
        view = covenant.show_covenant(s)
        annex = covenant.annex_show(s)
    (amendment,) = view.amendments
    assert amendment.status is AmendmentStatus.CONSENTED_BY_ONE
    assert sorted(p.status for p in view.plans) == sorted(
        [PlanStatus.IN_FORCE, PlanStatus.APPROVED_BY_ONE]
    )
    assert annex.summary.classification is Classification.STG_GEHEIM and annex.text.strip()


def test_demo_has_a_legal_hold_and_nothing_due(demo: Demo) -> None:
    with demo.session("beheer") as s:
        (hold,) = retention.holds(s, active_only=True)
        due = retention.due(s)
    assert hold.object.startswith("request:") and hold.reason and hold.reference
    assert due == []  # the demo's history is weeks old: no retention period has run out


def test_demo_reports_go_through_the_four_eyes_flow_and_back(demo: Demo) -> None:
    seen = _reports(demo, "officier")
    issued = seen["Betrokkene E. Yılmaz (fictief)"]
    sent_back = seen["Betrokkene M. Benali (fictief)"]
    withdrawn = seen["Betrokkene A. Kaya (fictief)"]
    usable = seen["Betrokkene S. de Vries (fictief)"]
    assert issued.report.status is ReportStatus.ISSUED
    # Old data, provided as a special case on the signer's decision.
    assert issued.special_case is not None and issued.special_case.findings == (2,)
    states = [a.state for a in issued.annotations if a.state is not None]
    assert any(st.edited for st in states) and any(st.handled and st.handled_note for st in states)
    assert [r.kind for r in sent_back.returns] == ["send_back"] and sent_back.returns[0].reason
    assert sent_back.report.status is ReportStatus.DRAFT
    assert [r.kind for r in withdrawn.returns] == ["withdraw"]
    assert withdrawn.report.status is ReportStatus.IN_REVIEW and withdrawn.report.version == 2
    assert usable.report.status is ReportStatus.USABLE
    with demo.session("officier") as s:
        copies = printing.print_register(s, int(issued.report.id))
    assert [c.copy_number for c in copies] == [1, 2, 3]
    assert all(c.recipient for c in copies) and len({c.recipient for c in copies}) == 3
    # Each role's queue has something in it.
    with demo.session("tekenaar") as s:
        assert reports.my_work_lists(s)[WorkList.AWAITING_MY_SIGNATURE]
    with demo.session("liaison") as s:
        lists = reports.my_work_lists(s)
    assert any(r.status is ReportStatus.IN_REVIEW for rows in lists.values() for r in rows)


def test_demo_delay_notices_name_the_liaison(demo: Demo) -> None:
    with demo.session("officier") as s:
        records, _ = request_service.list_requests(s, RequestQuery())
        calendar = calendar_service.load_calendar(s)
    notices = [(r, r.delay_notice) for r in records if r.delay_notice is not None]
    assert len(notices) > 3
    assert all(n.liaison == "liaison" and n.liaison_name == "Lotte Liaison" for _r, n in notices)
    afterwards = [r for r, n in notices if n.recorded_afterwards(r.deadline)]
    assert len(afterwards) == 1
    # The decree days come with the schema (2026-05-15 is one).
    assert not calendar.is_working_day(dt.date(2026, 5, 15))

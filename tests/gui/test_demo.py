"""The demo workspace (desktop_app/demo.py) and the window's start-up with ``--demo``."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.demo import DEMO_ACCOUNTS, create_demo_workspace
from desktop_app.domain.classification import Classification
from desktop_app.domain.designations import current_designation
from desktop_app.domain.roles import Role
from desktop_app.gui import app as app_module
from desktop_app.gui.login import LoginDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.services import users
from desktop_app.services.workspace import open_session
from desktop_app.storage.users import get_setting

EXPECTED = {
    "beheer": ({Role.ADMIN}, Classification.ONGERUBRICEERD),
    "officier": ({Role.AIVD_OFFICER}, Classification.STG_GEHEIM),
    "tekenaar": ({Role.AIVD_SIGNER}, Classification.STG_ZEER_GEHEIM),
    "liaison": ({Role.IND_LIAISON}, Classification.STG_GEHEIM),
    "inspecteur": ({Role.IND_INSPECTOR}, Classification.STG_GEHEIM),
}


def test_demo_workspace_has_the_listed_accounts(env: Any, tmp_path: Path) -> None:
    root = tmp_path / "demo"
    accounts = create_demo_workspace(env, root, kdf_profile="test")
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
    QTimer.singleShot(20_000, QApplication.quit)  # a safety net, never the expected path
    code = app_module.run_gui(["--demo", "--lang", "nl"])
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

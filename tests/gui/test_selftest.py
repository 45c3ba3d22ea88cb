"""``werkplek --selftest-window`` (run by ``make bundle`` in the bundle): the demo window signs
in and reports success; the launcher routes the flag there and nowhere else."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop_app import launcher
from desktop_app.demo import create_demo_workspace
from desktop_app.gui import app as app_module
from desktop_app.gui import selftest


def test_selftest_signs_in_to_the_demo_and_succeeds(
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(
        app_module,
        "create_demo_workspace",
        lambda env, root: create_demo_workspace(env, root, kdf_profile="test"),
    )
    settings_file = tmp_path / "gui.ini"
    monkeypatch.setattr(
        app_module, "QSettings", lambda: QSettings(str(settings_file), QSettings.Format.IniFormat)
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    old_int, old_term = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        code = selftest.run_selftest()
    finally:
        signal.signal(signal.SIGINT, old_int)
        signal.signal(signal.SIGTERM, old_term)
        qapp.setQuitOnLastWindowClosed(True)
        qapp.setStyleSheet("")
    assert code == 0
    out = capsys.readouterr().out
    assert "selftest: signed in as officier" in out and "requests" in out


def test_only_the_exact_flag_starts_the_selftest(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []
    monkeypatch.setattr(selftest, "run_selftest", lambda: ran.append("selftest") or 0)
    monkeypatch.setattr("desktop_app.security.process.harden_process", lambda: None)
    monkeypatch.setattr(sys, "argv", ["werkplek", "--selftest-window"])
    with pytest.raises(SystemExit) as done:
        launcher.run()
    assert done.value.code == 0 and ran == ["selftest"]
    # Combined with anything else it is not the selftest (the window or the CLI decides).
    assert launcher.wants_gui(["--selftest-window", "--demo"])
    cli_calls: list[Any] = []
    monkeypatch.setattr("desktop_app.cli.main.run", lambda: cli_calls.append(1))
    monkeypatch.setattr(sys, "argv", ["werkplek", "version", "--selftest-window"])
    launcher.run()
    assert ran == ["selftest"] and cli_calls == [1]

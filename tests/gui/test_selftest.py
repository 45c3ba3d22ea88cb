"""``werkplek --selftest-window`` (run by ``make bundle`` in the bundle): the demo window signs
in and reports success; the launcher routes the flag there and nowhere else."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app import launcher
from desktop_app.gui import selftest


def test_selftest_signs_in_to_the_demo_and_succeeds(
    demo_start: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    code = selftest.run_selftest()
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

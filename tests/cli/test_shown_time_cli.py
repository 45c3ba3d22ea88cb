"""The CLI's lines for people name Amsterdam time in the table style whatever the OS zone
(issue 12): ``report prints`` once printed the stored UTC stamp, ``inspect list`` the UTC
clock time. The JSON keeps the contract's stored form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.helpers import os_zone

from desktop_app.services import reports
from tests.services import test_inspection_service_support as inspection_support
from tests.services.test_printing_support import add_staff, make_report, password

# 13:05 UTC on 2 December 2026: 14:05 in Amsterdam (CET), 08:05 in New York.
MOMENT = dt.datetime(2026, 12, 2, 13, 5, tzinfo=dt.UTC)


@pytest.fixture
def new_york() -> Iterator[None]:
    with os_zone("America/New_York"):
        assert MOMENT.astimezone().strftime("%H:%M") == "08:05"
        yield


def test_report_prints_says_amsterdam_time(
    new_york: None, workspace: Any, as_user: Any, clock: Any, tmp_path: Path
) -> None:
    add_staff(workspace)
    rid = make_report(workspace, upto="signed")
    clock.set(MOMENT)
    printed = as_user(
        "tekenaar",
        "report",
        "print",
        str(rid),
        "--out",
        str(tmp_path),
        secrets=[password("tekenaar")],
    )
    assert printed.code == 0, printed.out
    human = as_user(
        "tekenaar", "report", "prints", str(rid), secrets=[password("tekenaar")], json_mode=False
    )
    assert human.code == 0, human.out
    assert human.out.startswith("02-12-2026 14:05  "), human.out
    assert "08:05" not in human.out and "13:05" not in human.out
    data = as_user("tekenaar", "report", "prints", str(rid), secrets=[password("tekenaar")])
    assert data.json["items"][0]["printed_at"].startswith("2026-12-02T13:05")


def test_inspect_list_says_amsterdam_time(
    new_york: None, workspace: Any, as_user: Any, clock: Any
) -> None:
    inspection_support.setup_staff(workspace)
    rid = inspection_support.make_report(workspace, until="signed")
    with inspection_support.as_user(workspace, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    clock.set(MOMENT)
    pw = inspection_support.PASSWORDS
    started = as_user(
        "inspecteur", "inspect", "start", "--report", str(rid), secrets=[pw["inspecteur"]]
    )
    assert started.code == 0, started.out
    human = as_user(
        "officier",
        "inspect",
        "list",
        "--report",
        str(rid),
        secrets=[pw["officier"]],
        json_mode=False,
    )
    assert human.code == 0, human.out
    assert "  02-12-2026 14:05  " in human.out, human.out
    assert "08:05" not in human.out and "13:05" not in human.out

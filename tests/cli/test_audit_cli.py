"""`werkplek audit list` filters and `audit export` (extensions of shared/spec/cli.md): the JSON
items keep the contract's fields; people read labels, full names and Amsterdam time."""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path
from typing import Any

from support.helpers import ADMIN_PW, AUDIT_ENTRY_FIELDS, STAFF, populate


def test_list_filters_keep_the_contract_shape(as_staff: Any, workspace: Any) -> None:
    populate(workspace)
    result = as_staff("beheer", "audit", "list", "--action", "user.add")
    assert result.code == 0 and set(result.json) == {"items"}
    items = result.json["items"]
    assert len(items) == 5 and {i["action"] for i in items} == {"user.add"}
    assert set(items[0]) == AUDIT_ENTRY_FIELDS
    assert items[0]["ts_utc"].endswith("+00:00")  # the JSON keeps the stored UTC time
    by_actor = as_staff(
        "beheer", "audit", "list", "--actor", "officier", "--action", "session"
    ).json["items"]
    assert by_actor == []  # the officer never signed in
    period = as_staff("beheer", "audit", "list", "--from", "2026-11-03").json["items"]
    # Only this command's own sign-in happened after the fixture's first day... none before.
    assert all(i["ts_utc"] >= "2026-11-02T23:00" for i in period)


def test_list_for_people_is_plain_dutch_in_amsterdam_time(as_user: Any, workspace: Any) -> None:
    populate(workspace)
    human = as_user(
        "beheer", "audit", "list", "--action", "user.add", secrets=[ADMIN_PW], json_mode=False
    )
    assert human.code == 0
    lines = human.out.splitlines()
    first = lines[0]
    # 2 November 2026 09:00 UTC is 10:00 in Amsterdam.
    assert "02-11-2026 10:00:00" in first
    assert "B. Beheerder (beheer)" in first and "Account toegevoegd" in first
    assert "user.add" not in human.out and "None" not in human.out
    assert any("rollen:" in line for line in lines)
    empty = as_user(
        "beheer", "audit", "list", "--actor", "niemand", secrets=[ADMIN_PW], json_mode=False
    )
    assert empty.out.strip() == "Geen vermeldingen die aan de filters voldoen."


def test_bad_filters_are_usage_errors(as_staff: Any, workspace: Any) -> None:
    bad = as_staff("beheer", "audit", "list", "--from", "02-11-2026")
    assert bad.code == 2 and bad.json["error"]["code"] == "invalid_input"
    assert "--from" in bad.json["error"]["message"]
    reversed_period = as_staff(
        "beheer", "audit", "list", "--from", "2026-11-05", "--to", "2026-11-01"
    )
    assert reversed_period.code == 2


def test_export_writes_an_audited_csv(as_staff: Any, workspace: Any, tmp_path: Path) -> None:
    populate(workspace)
    out = tmp_path / "audit.csv"
    result = as_staff("beheer", "audit", "export", "--out", str(out), "--action", "user")
    assert result.code == 0, result.out
    assert set(result.json) == {"file", "rows", "bytes", "sha256"}
    assert result.json["rows"] == 5 and result.json["bytes"] == out.stat().st_size
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert {r[4] for r in rows[1:]} == {"user.add"}
    assert "Testpersoon" not in out.read_text(encoding="utf-8")
    latest = as_staff("beheer", "audit", "list", "--action", "audit.export").json["items"]
    assert latest[0]["action"] == "audit.export"
    assert latest[0]["details"]["sha256"] == result.json["sha256"]


def test_export_refusals(as_user: Any, as_staff: Any, workspace: Any, tmp_path: Path) -> None:
    populate(workspace)
    denied = as_user(
        "officier",
        "audit",
        "export",
        "--out",
        str(tmp_path / "x.csv"),
        secrets=[STAFF["officier"][0]],
    )
    assert denied.code == 1 and denied.json["error"]["code"] == "forbidden"
    assert not (tmp_path / "x.csv").exists()
    folder = as_staff("beheer", "audit", "export", "--out", str(tmp_path))
    assert folder.code == 2 and "--out" in folder.json["error"]["message"]

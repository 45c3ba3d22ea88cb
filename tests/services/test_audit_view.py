"""The audit trail as a person reads it: filters by account, action and period, readable lines
with the actor's full name, and a CSV export that is itself audited and carries identifiers
only (issue 12)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import stat
from pathlib import Path
from typing import Any

import pytest
from support.helpers import ADMIN_PW, STAFF, populate

from desktop_app.domain.errors import Forbidden, InvalidInput
from desktop_app.domain.roles import Role
from desktop_app.services import audit as audit_service
from desktop_app.services import requests, users
from desktop_app.services.audit import AuditQuery
from desktop_app.services.records import AuditEntry

SUBJECT = "Natalja Petrova-Zwart"


def _fill(workspace: Any) -> None:
    populate(workspace)
    with workspace.session("officier", STAFF["officier"][0]) as s:
        requests.add_request(
            s, subject_name=SUBJECT, v_number="1234567890", purpose="naturalisation"
        )
    clock = workspace.env.clock
    clock.advance(dt.timedelta(days=3))
    with workspace.session("beheer", ADMIN_PW) as s:
        users.add_user(s, name="later", password="later-wachtwoord", roles=[Role.IND_INSPECTOR])


def test_lines_read_as_dutch_with_full_names(workspace: Any) -> None:
    _fill(workspace)
    with workspace.session("beheer", ADMIN_PW) as s:
        lines = audit_service.audit_lines(s, AuditQuery(action="user.add"))
    assert {line.entry.action for line in lines} == {"user.add"}
    newest = lines[0]
    assert newest.label == "Account toegevoegd"
    assert newest.object_text == "account later"
    assert newest.result_text == "gelukt"
    assert newest.actor_text == "B. Beheerder (beheer)"
    assert newest.details == "machtiging: ongerubriceerd; rollen: IND-inzagemedewerker"
    # 5 November 2026 09:00 UTC is 10:00 in Amsterdam (CET).
    assert newest.shown_time == "05-11-2026 10:00:00"
    assert "user.add" not in newest.details and "None" not in newest.details


def test_filters_by_account_group_label_and_period(workspace: Any) -> None:
    _fill(workspace)
    with workspace.session("beheer", ADMIN_PW) as s:
        mine = audit_service.audit_lines(s, AuditQuery(actor="officier"))
        group = audit_service.audit_lines(s, AuditQuery(action="request"))
        by_label = audit_service.audit_lines(s, AuditQuery(action="Verzoek geregistreerd"))
        # The fixture's clock starts on 2 November; the last account is added on 5 November.
        first_days = audit_service.audit_lines(
            s, AuditQuery(date_from=dt.date(2026, 11, 2), date_to=dt.date(2026, 11, 4))
        )
        later = audit_service.audit_lines(s, AuditQuery(date_from=dt.date(2026, 11, 5)))
        with pytest.raises(InvalidInput):
            audit_service.audit_lines(
                s, AuditQuery(date_from=dt.date(2026, 11, 5), date_to=dt.date(2026, 11, 1))
            )
    assert mine and {line.entry.actor for line in mine} == {"officier"}
    assert {line.entry.action for line in group} == {"request.add"}
    assert [line.entry.action for line in by_label] == ["request.add"]
    assert first_days and all(line.entry.ts_utc < "2026-11-05" for line in first_days)
    assert "later" not in {line.entry.object.partition(":")[2] for line in first_days}
    assert any(line.entry.object == "user:later" for line in later)
    assert all(line.entry.ts_utc >= "2026-11-04T23:00" for line in later)


def test_the_period_is_amsterdam_days(workspace: Any) -> None:
    """23:30 UTC on 4 November is already 5 November in Amsterdam."""
    workspace.env.clock.set(dt.datetime(2026, 11, 4, 23, 30, tzinfo=dt.UTC))
    with workspace.session("beheer", ADMIN_PW) as s:
        users.add_user(s, name="nacht", password="nacht-wachtwoord", roles=[Role.IND_INSPECTOR])
        on_fifth = audit_service.audit_lines(
            s, AuditQuery(action="user.add", date_from=dt.date(2026, 11, 5))
        )
        on_fourth = audit_service.audit_lines(
            s, AuditQuery(action="user.add", date_to=dt.date(2026, 11, 4))
        )
    assert [line.entry.object for line in on_fifth] == ["user:nacht"]
    assert "user:nacht" not in [line.entry.object for line in on_fourth]


def test_export_is_audited_0600_excel_csv_with_identifiers_only(
    workspace: Any, tmp_path: Path
) -> None:
    _fill(workspace)
    target = tmp_path / "audit.csv"
    with workspace.session("beheer", ADMIN_PW) as s:
        result = audit_service.export_audit_csv(s, target, AuditQuery(actor="beheer"))
        export_entry = audit_service.list_audit(s, 1)[0]
    data = target.read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(audit_service.CSV_COLUMNS)
    body = rows[1:]
    assert len(body) == result.rows > 3
    assert {r[2] for r in body} == {"beheer"}
    assert "Account toegevoegd" in {r[3] for r in body}
    assert all(r[1].endswith(("+01:00", "+02:00")) for r in body)
    text = data.decode("utf-8")
    assert "B. Beheerder" not in text  # staff identities stay inside the workspace
    assert "Testpersoon" not in text
    assert export_entry.action == "audit.export"
    details = json.loads(export_entry.details)
    assert details["rows"] == result.rows and details["sha256"] == result.sha256
    assert details["filters"] == {"user": "beheer"}


def test_export_never_carries_a_subject_name(workspace: Any, tmp_path: Path) -> None:
    _fill(workspace)
    target = tmp_path / "alles.csv"
    with workspace.session("beheer", ADMIN_PW) as s:
        audit_service.export_audit_csv(s, target)
    text = target.read_text(encoding="utf-8-sig")
    assert "request.add" in text
    for part in SUBJECT.replace("-", " ").split():
        assert part not in text


def test_export_and_view_are_for_the_administrator(workspace: Any, tmp_path: Path) -> None:
    populate(workspace)
    with workspace.session("officier", STAFF["officier"][0]) as s:
        with pytest.raises(Forbidden):
            audit_service.export_audit_csv(s, tmp_path / "x.csv")
        with pytest.raises(Forbidden):
            audit_service.audit_lines(s)
    assert not (tmp_path / "x.csv").exists()
    with workspace.session("beheer", ADMIN_PW) as s:
        refused = audit_service.audit_lines(s, AuditQuery(actor="officier", action="audit"))
    assert {(line.entry.action, line.result_text) for line in refused} == {
        ("audit.export", "geweigerd"),
        ("audit.list", "geweigerd"),
    }


def test_export_to_a_missing_folder_is_bad_input(workspace: Any, tmp_path: Path) -> None:
    with workspace.session("beheer", ADMIN_PW) as s:
        before = len(audit_service.list_audit(s, 1000))
        with pytest.raises(InvalidInput):
            audit_service.export_audit_csv(s, tmp_path / "nergens" / "a.csv")
        after = audit_service.list_audit(s, 1000)
    assert len(after) == before  # no export entry for a file that was never written


def test_a_formula_in_a_cell_is_defused() -> None:
    entry = AuditEntry(
        1, "2026-11-02T09:00:00.000000+00:00", "=cmd", "x.y", "@SUM(A1)", "ok", "-1", "{}", "0", "1"
    )
    line = audit_service._line(entry, {})
    rows = list(
        csv.reader(io.StringIO(audit_service.csv_bytes([line]).decode("utf-8-sig")), delimiter=";")
    )
    assert rows[1][2] == "'=cmd" and rows[1][5] == "'@SUM(A1)"
    assert rows[1][1] == "2026-11-02T10:00:00+01:00"

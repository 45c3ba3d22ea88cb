"""AUD-1: every security-relevant action of the foundation leaves exactly one audit entry with
the BIO 8.15.01 fields, in UTC, without secrets or personal payload. Refusals are audited."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.helpers import ADMIN_PW, STAFF, audit_entries, audit_rows, populate, raw_db

from desktop_app.domain.errors import AccountLocked, AuthFailed, Forbidden, InvalidInput
from desktop_app.domain.roles import Role
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services import admin, users
from desktop_app.services.audit import list_audit, verify_audit
from desktop_app.services.session import Environment, Session
from desktop_app.services.workspace import open_session, rebind_workstation
from desktop_app.storage import audit

HEX64 = re.compile(r"[0-9a-f]{64}")
RESULTS = {"ok", "denied", "failed", "locked", "refused_locked"}


_entries = audit_entries


def _check_fields(e: audit.AuditEntry) -> None:
    when = dt.datetime.fromisoformat(e.ts_utc)
    assert when.utcoffset() == dt.timedelta(0) and e.ts_utc.endswith("+00:00")
    assert e.actor and e.action and e.object and e.origin
    assert e.result in RESULTS
    assert isinstance(json.loads(e.details), dict)
    assert HEX64.fullmatch(e.hash) and HEX64.fullmatch(e.prev_hash)


def _one_new(s: Session, act: Callable[[], Any], action: str, result: str = "ok") -> Any:
    before = len(_entries(s))
    act()
    new = _entries(s)[before:]
    assert [(e.action, e.result) for e in new] == [(action, result)], new
    _check_fields(new[0])
    assert new[0].actor == s.user.name
    return new[0]


def test_aud1_each_admin_action_is_one_entry(workspace: Any, tmp_path: Path) -> None:
    populate(workspace)
    for _ in range(3):  # lock the liaison so an unlock has something to do
        with pytest.raises((AuthFailed, AccountLocked)):
            open_session(workspace.env, workspace.root, "liaison", "fout-wachtwoord")
    with workspace.session("beheer", ADMIN_PW) as s:
        e = _one_new(
            s,
            lambda: users.add_user(
                s, name="nieuw", password="nieuw-wachtwoord", roles=[Role.IND_INSPECTOR]
            ),
            "user.add",
        )
        assert e.object == "user:nieuw"
        assert json.loads(e.details) == {"roles": ["ind_inspector"], "clearance": "ongerubriceerd"}
        e = _one_new(
            s, lambda: users.designate(s, name="nieuw", decision_ref="HD 2026/9"), "designation.add"
        )
        assert json.loads(e.details)["user"] == "nieuw"
        e = _one_new(s, lambda: users.unlock_user(s, "liaison"), "user.unlock")
        assert json.loads(e.details) == {"was_locked": True}
        e = _one_new(s, lambda: verify_audit(s), "audit.verify")
        assert json.loads(e.details)["ok"] is True
        e = _one_new(s, lambda: admin.make_backup(s, tmp_path / "b.bak"), "workspace.backup")
        assert HEX64.fullmatch(json.loads(e.details)["sha256"])
        e = _one_new(
            s, lambda: users.change_password(s, ADMIN_PW, "nieuw-beheer-ww"), "user.passwd"
        )
        # Bad input is no security event: rolled back, no entry, no change.
        before = len(_entries(s))
        with pytest.raises(InvalidInput):
            users.add_user(s, name="nieuw", password="nieuw-wachtwoord", roles=[Role.IND_INSPECTOR])
        assert len(_entries(s)) == before
    with raw_db(workspace.root, workspace.recovery_key) as db:
        rows = audit_rows(db)
    closes = [r for r in rows if r[3] == "session.close"]
    assert closes and closes[-1][2] == "beheer"


def test_aud1_sign_in_and_close_are_one_entry_each(workspace: Any) -> None:
    populate(workspace)
    with raw_db(workspace.root, workspace.recovery_key) as db:
        start = len(audit_rows(db))
    with pytest.raises(AuthFailed):
        open_session(workspace.env, workspace.root, "officier", "fout-wachtwoord")
    s = open_session(workspace.env, workspace.root, "officier", STAFF["officier"][0])
    s.close()
    s.close()  # closing twice audits once
    with raw_db(workspace.root, workspace.recovery_key) as db:
        new = audit_rows(db)[start:]
    assert [(r[2], r[3], r[5]) for r in new] == [
        ("officier", "session.signin", "failed"),
        ("officier", "session.signin", "ok"),
        ("officier", "session.close", "ok"),
    ]


@pytest.mark.parametrize(
    "use_case",
    [
        "list_users",
        "list_designations",
        "list_audit",
        "make_backup",
        "add_user",
        "designate",
        "unlock_user",
        "verify_audit",
    ],
)
def test_aud1_refusals_are_audited_as_denied(workspace: Any, tmp_path: Path, use_case: str) -> None:
    populate(workspace)
    calls: dict[str, Callable[[Session], Any]] = {
        "list_users": users.list_users,
        "list_designations": users.list_designations,
        "list_audit": list_audit,
        "make_backup": lambda s: admin.make_backup(s, tmp_path / "x.bak"),
        "add_user": lambda s: users.add_user(
            s, name="x1", password="x-wachtwoord-1", roles=[Role.ADMIN]
        ),
        "designate": lambda s: users.designate(s, name="inspecteur", decision_ref="HD 1"),
        "unlock_user": lambda s: users.unlock_user(s, "liaison"),
        "verify_audit": verify_audit,
    }
    with open_session(workspace.env, workspace.root, "officier", STAFF["officier"][0]) as s:
        before = len(_entries(s))
        with pytest.raises(Forbidden):
            calls[use_case](s)
        new = _entries(s)[before:]
    assert len(new) == 1 and new[0].result == "denied" and new[0].actor == "officier"
    assert json.loads(new[0].details) == {"code": "forbidden"}
    assert not (tmp_path / "x.bak").exists()


def test_aud1_init_rebind_restore_entries(workspace: Any, tmp_path: Path, clock: Any) -> None:
    with raw_db(workspace.root, workspace.recovery_key) as db:
        rows = audit_rows(db)
    assert [r[3] for r in rows[:2]] == ["workspace.init", "user.add"]
    assert json.loads(rows[0][7])["kdf_profile"] == "test"
    with workspace.session("beheer", ADMIN_PW) as s:
        admin.make_backup(s, tmp_path / "w.bak")
    rebind_workstation(workspace.env, workspace.root, workspace.recovery_key)
    with raw_db(workspace.root, workspace.recovery_key) as db:
        rebinds = [r for r in audit_rows(db) if r[3] == "workspace.rebind"]
    assert len(rebinds) == 1 and rebinds[0][2] == "(herstelsleutel)"
    fresh = Environment(provider=MemorySecretProvider(), clock=clock, origin="test")
    admin.restore_workspace(
        fresh,
        tmp_path / "w.bak",
        tmp_path / "r",
        admin_name="beheer",
        recovery_key=workspace.recovery_key,
        new_password="hersteld-ww-1",
    )
    with raw_db(tmp_path / "r", workspace.recovery_key) as db:
        restores = [r for r in audit_rows(db) if r[3] == "workspace.restore"]
    assert len(restores) == 1 and json.loads(restores[0][7])["users"] == 1


def test_aud1_no_secrets_or_personal_payload_in_audit(workspace: Any) -> None:
    marker = "ZZ-PERSOONLIJK-7d1f"
    populate(workspace, full_name_suffix=f" {marker}")
    with workspace.session("beheer", ADMIN_PW) as s:
        users.change_password(s, ADMIN_PW, "geheim-nieuw-123")
    with raw_db(workspace.root, workspace.recovery_key) as db:
        text = json.dumps(audit_rows(db), ensure_ascii=False)
    forbidden = [marker, ADMIN_PW, "geheim-nieuw-123", workspace.recovery_key]
    forbidden += [pw for pw, _, _ in STAFF.values()]
    assert [f for f in forbidden if f in text] == []

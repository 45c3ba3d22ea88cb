"""The current password asked again at a password change (the window's dialog) is checked the
way a sign-in checks it: counted toward the lockout and audited. Before, a wrong one was only
refused, so an open window offered unlimited, unrecorded guesses."""

from __future__ import annotations

from typing import Any

import pytest
from support.helpers import STAFF, raw_db

from desktop_app.domain.errors import AccountLocked, InvalidInput
from desktop_app.security.keyfile import KeyFile
from desktop_app.services import users
from desktop_app.services.workspace import KEYS_NAME


def _locked(ws: Any, name: str) -> bool:
    kf = KeyFile.load(ws.root / KEYS_NAME)
    return kf.is_locked(kf.check(ws.env.provider.load(kf.binding_id)), name)


def test_a_wrong_current_password_counts_toward_the_lockout(workspace: Any) -> None:
    """The password change asks the current password (a walk-up attacker at an open window):
    a wrong one is counted and audited like a wrong re-authentication, or the dialog would be
    an unlimited, unrecorded guessing oracle."""
    workspace.add_staff("officier")
    password = STAFF["officier"][0]
    with workspace.session("officier", password) as s:
        for _attempt in range(2):
            with pytest.raises(InvalidInput, match="huidige wachtwoord is onjuist"):
                users.change_password(s, "geraden-wachtwoord", "nieuw-wachtwoord-12")
        with pytest.raises(AccountLocked):
            users.change_password(s, "nog-een-gok-123", "nieuw-wachtwoord-12")
    assert _locked(workspace, "officier")
    with raw_db(workspace.root, workspace.recovery_key) as db, db.reading() as conn:
        rows = conn.execute(
            "SELECT result FROM audit WHERE action = 'session.reauthenticate' AND actor = ?",
            ("officier",),
        ).fetchall()
    assert [r[0] for r in rows] == ["failed", "failed", "locked"]


def test_a_right_current_password_still_changes_it(workspace: Any) -> None:
    workspace.add_staff("officier")
    with workspace.session("officier", STAFF["officier"][0]) as s:
        with pytest.raises(InvalidInput, match="huidige wachtwoord is onjuist"):
            users.change_password(s, "geraden-wachtwoord", "nieuw-wachtwoord-12")
        users.change_password(s, STAFF["officier"][0], "nieuw-wachtwoord-12")
    assert not _locked(workspace, "officier")
    with workspace.session("officier", "nieuw-wachtwoord-12") as s:
        assert s.user.name == "officier"

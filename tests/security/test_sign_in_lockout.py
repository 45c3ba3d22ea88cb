"""LOCK-7 (domain rule): three failed sign-ins lock the account until an administrator unlocks
it; there is no time-based release. Every attempt is audited with the actor and workstation."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

import pytest
from support.helpers import ADMIN_PW, STAFF, populate

from desktop_app.domain.errors import AccountLocked, AuthFailed, Forbidden, NotFound
from desktop_app.security.keyfile import BAD_CREDENTIALS, MAX_FAILURES
from desktop_app.services import users
from desktop_app.services.workspace import open_session


def _attempt(ws: Any, name: str, password: str) -> str:
    try:
        with open_session(ws.env, ws.root, name, password):
            return "ok"
    except (AuthFailed, AccountLocked) as exc:
        return exc.code


def test_lock7_ten_wrong_passwords_lock_hard(workspace: Any, clock: Any) -> None:
    populate(workspace)
    name, (good, _, _) = "liaison", STAFF["liaison"]
    results = [_attempt(workspace, name, secrets.token_urlsafe(10)) for _ in range(10)]
    assert MAX_FAILURES == 3
    assert results == ["auth_failed", "auth_failed"] + ["locked"] * 8
    # The right password does not help, nor does waiting.
    assert _attempt(workspace, name, good) == "locked"
    clock.advance(dt.timedelta(days=30))
    assert _attempt(workspace, name, good) == "locked"
    # Other accounts are unaffected.
    assert _attempt(workspace, "officier", STAFF["officier"][0]) == "ok"

    with workspace.session("beheer", ADMIN_PW) as s:
        listed = {v.record.name: v.locked for v in users.list_users(s)}
        assert listed[name] is True and listed["officier"] is False
        with s.reading() as conn:
            rows = conn.execute(
                "SELECT result, origin, object FROM audit WHERE action = 'session.signin'"
                " AND actor = ? ORDER BY seq",
                (name,),
            ).fetchall()
        assert [r[0] for r in rows] == (["failed", "failed", "locked"] + ["refused_locked"] * 9)
        assert all(r[1].startswith("test@") and len(r[1]) > len("test@") for r in rows)
        assert all(r[2] == f"user:{name}" for r in rows)
        assert users.unlock_user(s, name) is True
        assert users.unlock_user(s, name) is False  # already unlocked
        with pytest.raises(NotFound):
            users.unlock_user(s, "niemand")
    assert _attempt(workspace, name, good) == "ok"
    # The counter was reset by the unlock: two more failures do not lock.
    assert [_attempt(workspace, name, "fout-wachtwoord") for _ in range(2)] == [
        "auth_failed",
        "auth_failed",
    ]
    assert _attempt(workspace, name, good) == "ok"


def test_lock7_success_resets_the_counter(workspace: Any) -> None:
    populate(workspace)
    name, good = "officier", STAFF["officier"][0]
    for _ in range(4):
        assert [_attempt(workspace, name, "fout-wachtwoord") for _ in range(MAX_FAILURES - 1)] == [
            "auth_failed"
        ] * (MAX_FAILURES - 1)
        assert _attempt(workspace, name, good) == "ok"


def test_lock7_unknown_names_look_like_wrong_passwords(workspace: Any) -> None:
    with pytest.raises(AuthFailed) as unknown:
        open_session(workspace.env, workspace.root, "bestaatniet", "een-wachtwoord-x")
    with pytest.raises(AuthFailed) as wrong:
        open_session(workspace.env, workspace.root, "beheer", "een-wachtwoord-x")
    assert unknown.value.message == wrong.value.message == BAD_CREDENTIALS


def test_lock7_only_an_admin_unlocks(workspace: Any) -> None:
    populate(workspace)
    for _ in range(3):
        _attempt(workspace, "liaison", "fout-wachtwoord")
    officer = open_session(workspace.env, workspace.root, "officier", STAFF["officier"][0])
    with officer as s, pytest.raises(Forbidden):
        users.unlock_user(s, "liaison")
    assert _attempt(workspace, "liaison", STAFF["liaison"][0]) == "locked"

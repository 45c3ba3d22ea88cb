"""Issue 13, the security review's recommendations on key handling, one test (or a few) each:
a new recovery key cuts off the old one, backup verify audits its refusals and trusts no
unauthenticated header field, a re-authentication lockout ends the session, a failed rename
during a rotation leaves the session usable, and more."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support.helpers import ADMIN_PW

from desktop_app.domain.errors import AuthFailed, IntegrityFailure
from desktop_app.security import recovery
from desktop_app.security.keyfile import recover_dek
from desktop_app.services import admin
from desktop_app.services.audit import verify_audit
from desktop_app.services.workspace import (
    DB_NAME,
    KEYS_NAME,
    issue_recovery_key,
    open_session,
)
from desktop_app.storage import backup
from desktop_app.storage.db import Database


def _actions(ws: Any) -> list[str]:
    with ws.session() as s, s.reading() as conn:
        return [r[0] for r in conn.execute("SELECT action FROM audit ORDER BY seq")]


# --- 1. a new recovery key cuts off the old one ---------------------------------------------------


def _backup_keyfile_recovery(path: Path) -> dict[str, Any]:
    """The recovery slot an old backup carries (its header's; the meta's is the same)."""
    header = backup.open_backup(path)
    assert isinstance(header["recovery"], dict)
    return header


def test_a_new_recovery_key_leaves_the_old_one_nothing_current(
    workspace: Any, tmp_path: Path
) -> None:
    """Whoever holds an older backup and the old recovery key gets that backup's DEK: it must
    not open the live database after a new recovery key was issued (the DEK is rotated with
    it), while the old backup itself keeps opening with the key of its day."""
    old_key = workspace.recovery_key
    with workspace.session() as s:
        old = Path(admin.make_backup(s, tmp_path / "oud.backup")["file"])
        new_key = issue_recovery_key(s, s.sign_in_proof())
        # The open session goes on with the database under its new key.
        assert s.user.name == "beheer"
        assert verify_audit(s).ok
    header = _backup_keyfile_recovery(old)
    old_dek = recover_dek(header["recovery"], recovery.parse(old_key), header["workspace_id"])
    with pytest.raises(IntegrityFailure):
        Database.open(workspace.root / DB_NAME, old_dek).close()
    new_dek = recover_dek(
        json.loads((workspace.root / KEYS_NAME).read_text())["recovery"],
        recovery.parse(new_key),
        header["workspace_id"],
    )
    assert new_dek != old_dek
    Database.open(workspace.root / DB_NAME, new_dek).close()
    # The old backup: opens with the old key, not with the new one.
    admin.verify_backup_with_recovery_key(old, old_key)
    with pytest.raises(AuthFailed):
        admin.verify_backup_with_recovery_key(old, new_key)
    with open_session(workspace.env, workspace.root, "beheer", ADMIN_PW) as s:
        assert s.user.name == "beheer"
    actions = _actions(type(workspace)(workspace.root, workspace.env, new_key))
    # Audited once, as what it is: a new recovery key (which rotated the DEK with it).
    assert actions.count("workspace.recovery_key") == 1
    assert "workspace.rekey" not in actions

"""A typed password is proof for one key operation (review finding): the proof a rekey or a new
recovery key took is spent with it, in the same step, so a second use within the two minutes
is refused with a sentence and audited as denied. A use that did not happen leaves the proof
as it was; the CLI's own sign-in is still the proof of its one call (tests/cli). A failure past
the commit point spends it too (tests/security/test_key_handling_review.py)."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from support.helpers import ADMIN_PW, audit_entries, recover_dek

from desktop_app.domain.errors import AuthFailed, Busy
from desktop_app.services.session import Reauthentication, Session
from desktop_app.services.workspace import (
    issue_recovery_key,
    new_recovery_key,
    rotate_database_key,
)
from desktop_app.storage import rekey as rekey_store

USED = "al gebruikt"


def _results(s: Session, action: str) -> list[tuple[str, str]]:
    """(result, refusal code) of each audit entry of ``action``, oldest first."""
    return [
        (e.result, json.loads(e.details or "{}").get("code", ""))
        for e in audit_entries(s)
        if e.action == action
    ]


def test_a_rekey_proof_is_refused_the_second_time(workspace: Any) -> None:
    with workspace.session() as s:
        proof = s.reauthenticate(ADMIN_PW)
        rotate_database_key(s, proof)
        dek = recover_dek(workspace.root, workspace.recovery_key)
        with pytest.raises(AuthFailed, match=USED) as refused:
            rotate_database_key(s, proof)
        assert "databasesleutel" in str(refused.value)  # a sentence naming what to confirm
        assert recover_dek(workspace.root, workspace.recovery_key) == dek  # not rotated again
        assert _results(s, "workspace.rekey") == [("ok", ""), ("denied", "auth_failed")]


def test_the_sign_in_proof_serves_one_key_operation(workspace: Any) -> None:
    """What the CLI passes: its own sign-in. One call, one operation; a second in the same
    session asks for the password, whichever key operation it is."""
    with workspace.session() as s:
        new_key = issue_recovery_key(s, s.sign_in_proof())
        with pytest.raises(AuthFailed, match=USED):
            rotate_database_key(s, s.sign_in_proof())
        with pytest.raises(AuthFailed, match=USED):
            new_recovery_key(s, s.sign_in_proof())
        # The password typed again is a new proof, good once.
        rotate_database_key(s, s.reauthenticate(ADMIN_PW))
        assert _results(s, "workspace.recovery_key") == [("ok", ""), ("denied", "auth_failed")]
        assert _results(s, "workspace.rekey") == [("denied", "auth_failed"), ("ok", "")]
    recover_dek(workspace.root, new_key)


def test_a_recovery_key_proof_does_not_also_rekey(workspace: Any) -> None:
    with workspace.session() as s:
        proof = s.reauthenticate(ADMIN_PW)
        new_key = issue_recovery_key(s, proof)
        with pytest.raises(AuthFailed, match=USED):
            issue_recovery_key(s, proof)
        with pytest.raises(AuthFailed, match=USED):
            rotate_database_key(s, proof)
    recover_dek(workspace.root, new_key)  # the second attempt issued no other key


def test_a_rotation_that_did_not_happen_leaves_the_proof(workspace: Any) -> None:
    """Refused before its commit point (another connection holds the database), the rotation
    changed nothing, the proof neither: it serves once the database is free."""
    with workspace.session() as s:
        proof = s.reauthenticate(ADMIN_PW)
        with workspace.session(), pytest.raises(Busy):
            rotate_database_key(s, proof)
        rotate_database_key(s, proof)
        with pytest.raises(AuthFailed, match=USED):
            rotate_database_key(s, proof)


def test_no_second_use_while_the_first_runs(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Taken by a rotation under way, the proof is refused to any other use at the same time,
    from another thread too (not only after the first committed)."""
    real_copy = rekey_store.rekeyed_copy
    seen: list[str] = []

    with workspace.session() as s:
        proof = s.reauthenticate(ADMIN_PW)

        def meanwhile() -> None:
            try:
                s.check_proof(proof, "het vervangen van de databasesleutel")
            except AuthFailed as exc:
                seen.append(str(exc))
            else:
                seen.append("aanvaard")

        def copy(*args: Any, **kwargs: Any) -> Any:
            other = threading.Thread(target=meanwhile)
            other.start()
            other.join()
            return real_copy(*args, **kwargs)

        monkeypatch.setattr(rekey_store, "rekeyed_copy", copy)
        rotate_database_key(s, proof)
    assert len(seen) == 1 and USED in seen[0]


def test_a_proof_of_another_session_or_none_is_refused_and_audited(workspace: Any) -> None:
    with workspace.session() as first, workspace.session() as second:
        foreign = first.reauthenticate(ADMIN_PW)
        with pytest.raises(AuthFailed, match="Bevestig het vervangen"):
            rotate_database_key(second, foreign)
        with pytest.raises(AuthFailed, match="Bevestig het uitgeven"):
            new_recovery_key(second, None)
        assert _results(second, "workspace.rekey") == [("denied", "auth_failed")]
        assert _results(second, "workspace.recovery_key") == [("denied", "auth_failed")]


def test_signing_still_checks_a_spent_proof(workspace: Any) -> None:
    """A proof spent by a key operation is no proof for anything else either."""
    with workspace.session() as s:
        proof: Reauthentication = s.sign_in_proof()
        rotate_database_key(s, proof)
        with pytest.raises(AuthFailed, match=USED):
            s.check_proof(proof, "het ondertekenen")

"""A typed password is proof for one step (review findings): the proof a rekey, a new recovery
key, a signature or an issue took is spent with it, in the same step, so a second use within
the two minutes is refused with a sentence and audited as denied. A use that did not happen
(refused or rolled back after the check) leaves the proof as it was; the CLI's own sign-in is
still the proof of its one call (tests/cli). A key operation's failure past the commit point
spends it too (tests/security/test_key_handling_review.py)."""

from __future__ import annotations

import datetime as dt
import json
import threading
from typing import Any

import pytest
from support.helpers import ADMIN_PW, audit_entries, recover_dek

from desktop_app.domain.errors import AuthFailed, Busy, InvalidInput, InvalidState, StorageFull
from desktop_app.domain.reports import ReportStatus
from desktop_app.services import reports
from desktop_app.services.session import REAUTH_VALID, Reauthentication, Session
from desktop_app.services.workspace import (
    issue_recovery_key,
    new_recovery_key,
    rotate_database_key,
)
from desktop_app.storage import rekey as rekey_store
from desktop_app.storage import reports as report_store
from tests.services.test_inspection_service_support import (
    PASSWORDS,
    as_user,
    make_report,
    setup_staff,
)

USED = "al gebruikt"


def _results(s: Session, action: str) -> list[tuple[str, str]]:
    """(result, refusal code) of each audit entry of ``action``, oldest first."""
    return [
        (e.result, json.loads(e.details or "{}").get("code", ""))
        for e in audit_entries(s)
        if e.action == action
    ]


def _seen_from_another_thread(s: Session, proof: Reauthentication, doing: str) -> str:
    """What ``check_proof`` answers for ``proof`` in another thread, now: its sentence, or
    "aanvaard"."""
    seen: list[str] = []

    def meanwhile() -> None:
        try:
            s.check_proof(proof, doing)
        except AuthFailed as exc:
            seen.append(str(exc))
        else:
            seen.append("aanvaard")

    other = threading.Thread(target=meanwhile)
    other.start()
    other.join()
    return seen[0]


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

        def copy(*args: Any, **kwargs: Any) -> Any:
            seen.append(_seen_from_another_thread(s, proof, "het vervangen van de databasesleutel"))
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


# ---------------------------------------------------------------------------------------------
# Signing and issuing: one password typed, one signature or one issue


@pytest.fixture
def usable(workspace: Any) -> tuple[int, int]:
    """Two reports the liaison found usable, ready for the signer."""
    setup_staff(workspace)
    return int(make_report(workspace, until="usable")), int(make_report(workspace, until="usable"))


def _status(s: Session, rid: int) -> ReportStatus:
    return reports.get_report(s, rid).report.status


def test_a_proof_that_signed_neither_signs_another_report_nor_issues(
    workspace: Any, usable: tuple[int, int]
) -> None:
    first, second = usable
    with as_user(workspace, "tekenaar") as s:
        proof = s.reauthenticate(PASSWORDS["tekenaar"])
        reports.sign_report(s, first, proof=proof)
        with pytest.raises(AuthFailed, match=USED) as refused:
            reports.sign_report(s, second, proof=proof)
        assert "ondertekenen" in str(refused.value)  # a sentence naming what to confirm
        with pytest.raises(AuthFailed, match=USED) as refused:
            reports.issue_report(s, first, proof=proof)
        assert "uitbrengen" in str(refused.value)
        assert (_status(s, first), _status(s, second)) == (ReportStatus.SIGNED, ReportStatus.USABLE)
        # The password typed again is a new proof, good for one step.
        again = s.reauthenticate(PASSWORDS["tekenaar"])
        reports.issue_report(s, first, proof=again)
        with pytest.raises(AuthFailed, match=USED):
            reports.sign_report(s, second, proof=again)
        assert _results(s, "report.sign") == [("ok", "")] + [("denied", "auth_failed")] * 2
        assert _results(s, "report.issue") == [("denied", "auth_failed"), ("ok", "")]
        assert _status(s, first) is ReportStatus.ISSUED


def test_the_sign_in_proof_serves_one_signing(workspace: Any, usable: tuple[int, int]) -> None:
    """What the CLI passes: its own sign-in, the proof of its one call (``report sign``, then
    ``report issue`` signs in anew). A second step in the same session asks the password."""
    first, _ = usable
    with as_user(workspace, "tekenaar") as s:
        reports.sign_report(s, first, proof=s.sign_in_proof())
        with pytest.raises(AuthFailed, match=USED):
            reports.issue_report(s, first, proof=s.sign_in_proof())
        assert _status(s, first) is ReportStatus.SIGNED
    with as_user(workspace, "tekenaar") as s:
        reports.issue_report(s, first, proof=s.sign_in_proof())
        assert _status(s, first) is ReportStatus.ISSUED


def test_a_signing_refused_after_the_check_leaves_the_proof(
    workspace: Any, usable: tuple[int, int]
) -> None:
    """Refused by a rule checked after the proof (a reason where no special case is needed),
    the signing rolled back: nothing signed, the proof not spent, it signs at the next try. A
    refusal before the check (not signable now) does not take it either."""
    first, second = usable
    with as_user(workspace, "tekenaar") as s:
        proof = s.reauthenticate(PASSWORDS["tekenaar"])
        with pytest.raises(InvalidInput, match="geen besluit"):
            reports.sign_report(s, first, proof=proof, special_case_reason="Waarom niet")
        assert _status(s, first) is ReportStatus.USABLE
        reports.sign_report(s, first, proof=proof)
        other = s.reauthenticate(PASSWORDS["tekenaar"])
        with pytest.raises(InvalidState):
            reports.sign_report(s, first, proof=other)  # signed already
        reports.sign_report(s, second, proof=other)
        assert _status(s, second) is ReportStatus.SIGNED


def test_a_signing_rolled_back_at_its_end_leaves_the_proof(
    workspace: Any, usable: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after every rule held (here: the disk full as the signature is written) rolls
    the signature back and gives the proof back."""
    first, _ = usable
    real_mark = report_store.mark_signed

    def failing(*args: Any, **kwargs: Any) -> None:
        real_mark(*args, **kwargs)
        raise StorageFull("De schijf is vol.")

    with as_user(workspace, "tekenaar") as s:
        proof = s.reauthenticate(PASSWORDS["tekenaar"])
        monkeypatch.setattr(report_store, "mark_signed", failing)
        with pytest.raises(StorageFull):
            reports.sign_report(s, first, proof=proof)
        monkeypatch.setattr(report_store, "mark_signed", real_mark)
        assert _status(s, first) is ReportStatus.USABLE
        reports.sign_report(s, first, proof=proof)
        assert _status(s, first) is ReportStatus.SIGNED


def test_no_second_signature_while_the_first_runs(
    workspace: Any, usable: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Taken by a signing under way, the proof is refused to any other use at the same time,
    from another thread too (not only after the first committed)."""
    first, _ = usable
    real_mark = report_store.mark_signed
    seen: list[str] = []

    with as_user(workspace, "tekenaar") as s:
        proof = s.reauthenticate(PASSWORDS["tekenaar"])

        def mark(*args: Any, **kwargs: Any) -> None:
            seen.append(_seen_from_another_thread(s, proof, "het uitbrengen"))
            real_mark(*args, **kwargs)

        monkeypatch.setattr(report_store, "mark_signed", mark)
        reports.sign_report(s, first, proof=proof)
    assert len(seen) == 1 and USED in seen[0]


def test_a_missing_foreign_or_old_proof_is_refused_and_audited(
    workspace: Any, usable: tuple[int, int], clock: Any
) -> None:
    first, _ = usable
    with as_user(workspace, "tekenaar") as s, as_user(workspace, "tekenaar") as other:
        with pytest.raises(AuthFailed, match="Bevestig het ondertekenen"):
            reports.sign_report(s, first, proof=other.sign_in_proof())
        old = s.reauthenticate(PASSWORDS["tekenaar"])
        clock.advance(REAUTH_VALID + dt.timedelta(seconds=1))
        with pytest.raises(AuthFailed, match="te lang geleden"):
            reports.sign_report(s, first, proof=old)
        assert _status(s, first) is ReportStatus.USABLE
        assert _results(s, "report.sign") == [("denied", "auth_failed")] * 2
        reports.sign_report(s, first, proof=s.reauthenticate(PASSWORDS["tekenaar"]))
        with pytest.raises(AuthFailed, match="Bevestig het uitbrengen"):
            reports.issue_report(s, first, proof=None)  # type: ignore[arg-type]
        assert _results(s, "report.issue") == [("denied", "auth_failed")]

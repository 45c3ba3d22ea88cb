"""The four-eyes flow going back (issue 12) and the signer's special case (issue 14), through
the services: withdraw, send back, re-authentication before signing and issuing, remarks edited,
withdrawn and handled, and old or unverifiable data provided only on the signer's decision.
Each step is one audited use case; a refusal changes nothing."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest
from support.helpers import fresh_proof, staff_password, staff_sessions
from support.sample_text import TWO_FINDINGS_TEXT

from desktop_app.domain.errors import (
    AccountLocked,
    AuthFailed,
    Forbidden,
    InvalidInput,
    InvalidState,
    SessionLocked,
)
from desktop_app.domain.inspection import InvolvementKind, involvement_of
from desktop_app.domain.reports import ReportAction, ReportStatus, ReportStep
from desktop_app.domain.roles import Role
from desktop_app.services import reports, requests
from desktop_app.services.session import Session
from desktop_app.storage import audit
from desktop_app.storage import reports as repo

TEXT = TWO_FINDINGS_TEXT
# Finding 2 rests on data of 2010: more than ten years before the test clock (2026-11-02).
OLD_TEXT = TEXT.replace(
    "   Bronverwijzing: DOC-17\n", "   Bronverwijzing: DOC-17\n   Datum gegevens: 2010-05-01\n"
)
UNKNOWN_TEXT = TEXT.replace(
    "Betrouwbaarheid: betrouwbaar", "Betrouwbaarheid: onbekend (juistheid niet vast te stellen)"
)
PASSWORDS = {name: staff_password(name) for name in ("officier", "tekenaar", "liaison", "liaison2")}
ROLES = {
    "officier": Role.AIVD_OFFICER,
    "tekenaar": Role.AIVD_SIGNER,
    "liaison": Role.IND_LIAISON,
    "liaison2": Role.IND_LIAISON,
}


@pytest.fixture
def people(workspace: Any) -> Iterator[dict[str, Session]]:
    with staff_sessions(workspace, ROLES, {name: f"{name.title()} Test" for name in ROLES}) as s:
        yield s


def _actions(s: Session) -> list[tuple[str, str, str]]:
    with s.reading() as conn:
        return [(e.action, e.object, e.result) for e in reversed(audit.recent(conn, 1000))]


def _counts(s: Session) -> dict[str, int]:
    tables = (
        "report_events",
        "report_step_reasons",
        "report_remark_events",
        "report_special_cases",
    )
    with s.reading() as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


_V_NUMBERS = itertools.count(1_000_000_001)


def _in_review(p: dict[str, Session], text: str = TEXT) -> int:
    request = requests.add_request(
        p["officier"], subject_name="Betrokkene A", v_number=str(next(_V_NUMBERS)), purpose="asylum"
    )
    r = reports.draft_report(p["officier"], text=text, request_id=request.id).report
    reports.submit_report(p["officier"], r.id)
    return int(r.id)


def _usable(p: dict[str, Session], text: str = TEXT) -> int:
    rid = _in_review(p, text)
    reports.give_verdict(p["liaison"], rid, usable=True)
    return rid


# ---------------------------------------------------------------------------------------------
# Withdraw and send back


def test_the_officer_withdraws_a_submission_back_to_draft(people: dict[str, Session]) -> None:
    off, lia = people["officier"], people["liaison"]
    rid = _in_review(people)
    summary = reports.withdraw_submission(off, rid, reason="Nog een bron toevoegen")
    assert summary.status is ReportStatus.DRAFT
    assert summary.version == 1  # the same version: nothing was written
    assert ("report.withdraw", f"report:{rid}", "ok") in _actions(off)
    view = reports.get_report(off, rid)
    assert [(b.kind, b.reason, b.actor) for b in view.returns] == [
        ("withdraw", "Nog een bron toevoegen", "officier")
    ]
    assert view.history[-1].kind is ReportAction.WITHDRAW
    assert view.step is ReportStep.WITHDRAWN
    # It can be submitted again as it is, and the liaison sees it then.
    reports.submit_report(off, rid)
    assert reports.get_report(lia, rid).report.status is ReportStatus.IN_REVIEW


def test_withdrawing_is_refused_to_others_and_outside_review(people: dict[str, Session]) -> None:
    off, lia = people["officier"], people["liaison"]
    rid = _in_review(people)
    before = _counts(off)
    with pytest.raises(Forbidden):
        reports.withdraw_submission(lia, rid)
    assert ("report.withdraw", f"report:{rid}", "denied") in _actions(off)
    reports.withdraw_submission(off, rid)
    with pytest.raises(InvalidState, match="ter beoordeling"):
        reports.withdraw_submission(off, rid)
    after = _counts(off)
    assert after["report_events"] == before["report_events"] + 1
    assert after["report_step_reasons"] == before["report_step_reasons"] + 1


def test_the_signer_sends_back_with_a_reason_and_is_then_involved(
    people: dict[str, Session],
) -> None:
    off, sig = people["officier"], people["tekenaar"]
    rid = _usable(people)
    before = _counts(off)
    for reason in ("", "   "):
        with pytest.raises(InvalidInput, match="reden"):
            reports.send_back(sig, rid, reason=reason)
    assert _counts(off) == before  # nothing stored on refusal
    with pytest.raises(Forbidden):
        reports.send_back(off, rid, reason="Ik ben geen ondertekenaar")
    summary = reports.send_back(sig, rid, reason="Bevinding 2 is te stellig geformuleerd.")
    assert summary.status is ReportStatus.DRAFT
    assert ("report.send_back", f"report:{rid}", "ok") in _actions(sig)
    view = reports.get_report(off, rid)
    assert view.returns[-1].kind == "send_back"
    assert view.returns[-1].reason == "Bevinding 2 is te stellig geformuleerd."
    assert view.step is ReportStep.SENT_BACK
    assert view.as_dict()["returns"][-1]["by"] == "tekenaar"
    # Art. 2.5: sending back is taking part; the signer may not inspect this report later.
    with off.reading() as conn:
        involved = repo.involved_users(conn, rid)
        history = repo.history(conn, rid)
    assert sig.user.id in involved
    assert involvement_of(sig.user.id, history) == {InvolvementKind.RETURNED}
    # Sent back, it cannot be signed until written and judged again.
    with pytest.raises(InvalidState):
        reports.sign_report(sig, rid, proof=fresh_proof(sig))


# ---------------------------------------------------------------------------------------------
# Re-authentication


def test_signing_needs_a_fresh_password_and_a_wrong_one_counts_and_is_audited(
    people: dict[str, Session], workspace: Any, clock: Any
) -> None:
    sig = people["tekenaar"]
    rid = _usable(people)
    clock.advance(dt.timedelta(minutes=10))  # the sign-in is no proof of presence any more
    before = _counts(sig)
    with pytest.raises(AuthFailed, match="opnieuw"):
        reports.sign_report(sig, rid, proof=sig.sign_in_proof())
    with pytest.raises(AuthFailed, match="onjuist"):
        sig.reauthenticate("verkeerd-wachtwoord")
    assert ("session.reauthenticate", "user:tekenaar", "failed") in _actions(sig)
    # A proof made by another session (another person) is no proof here.
    other = people["officier"].reauthenticate(PASSWORDS["officier"])
    with pytest.raises(AuthFailed):
        reports.sign_report(sig, rid, proof=other)
    assert _counts(sig) == before
    proof = sig.reauthenticate(PASSWORDS["tekenaar"])
    signed = reports.sign_report(sig, rid, proof=proof)
    assert signed.status is ReportStatus.SIGNED
    with sig.reading() as conn:
        entry = audit.recent(conn, 1)[0]
    assert entry.action == "report.sign"
    assert json.loads(entry.details)["reauthenticated_at"]
    # The proof signed: it issues nothing (one password typed, one step).
    with pytest.raises(AuthFailed, match="al gebruikt"):
        reports.issue_report(sig, rid, proof=proof)
    # A proof runs out: issuing a little after the password was typed asks again.
    proof = sig.reauthenticate(PASSWORDS["tekenaar"])
    clock.advance(dt.timedelta(minutes=3))
    with pytest.raises(AuthFailed, match="te lang geleden"):
        reports.issue_report(sig, rid, proof=proof)
    issued = reports.issue_report(sig, rid, proof=sig.reauthenticate(PASSWORDS["tekenaar"]))
    assert issued.report.status is ReportStatus.ISSUED


def test_three_wrong_passwords_lock_the_account_like_a_sign_in(
    people: dict[str, Session], workspace: Any
) -> None:
    sig = people["tekenaar"]
    for _ in range(2):
        with pytest.raises(AuthFailed):
            sig.reauthenticate("fout")
    with pytest.raises(AccountLocked):
        sig.reauthenticate("fout")
    # The lockout ends the session too (issue 13 review): no further use, the right password
    # included.
    with pytest.raises(SessionLocked):
        sig.reauthenticate(PASSWORDS["tekenaar"])
    with pytest.raises(SessionLocked):
        reports.my_work_lists(sig)
    # One thing is left before the holder closes it: keeping what the person had typed.
    from desktop_app.domain.drafts import Draft
    from desktop_app.services import drafts

    assert drafts.keep_drafts(sig, [Draft("dialog:add-provision", {"text": "getypt"})]) == 1
    sig.close()
    with workspace.session() as admin:
        results = [r for a, o, r in _actions(admin) if a == "session.reauthenticate"]
    assert results == ["failed", "failed", "locked"]
    with pytest.raises(AccountLocked):
        workspace.session("tekenaar", PASSWORDS["tekenaar"])


def test_a_good_password_clears_the_failure_count(people: dict[str, Session]) -> None:
    sig = people["tekenaar"]
    for _ in range(2):
        with pytest.raises(AuthFailed):
            sig.reauthenticate("fout")
    sig.reauthenticate(PASSWORDS["tekenaar"])
    for _ in range(2):
        with pytest.raises(AuthFailed):
            sig.reauthenticate("fout")  # two more: not locked, the count started again
    sig.reauthenticate(PASSWORDS["tekenaar"])


# ---------------------------------------------------------------------------------------------
# Remarks


def _remark(p: dict[str, Session], rid: int, who: str = "liaison") -> int:
    return reports.annotate(p[who], rid, quote="in het buitenland", comment="Welk land?").id


def test_the_liaison_edits_and_withdraws_their_own_remark_until_the_verdict(
    people: dict[str, Session],
) -> None:
    off, lia, lia2 = people["officier"], people["liaison"], people["liaison2"]
    rid = _in_review(people)
    aid = _remark(people, rid)
    reports.edit_remark(lia, rid, aid, comment="Welk land, en wanneer precies?")
    shown = reports.get_report(off, rid).annotations[0]
    assert shown.comment == "Welk land, en wanneer precies?"
    assert shown.as_dict()["edited"] is True
    with pytest.raises(Forbidden, match="Alleen wie"):
        reports.edit_remark(lia2, rid, aid, comment="Niet de mijne")
    with pytest.raises(Forbidden):
        reports.withdraw_remark(off, rid, aid)
    other = _remark(people, rid)
    reports.withdraw_remark(lia, rid, other)
    view = reports.get_report(lia, rid)
    withdrawn = next(a for a in view.annotations if a.id == other)
    assert withdrawn.withdrawn and not withdrawn.may(ReportAction.EDIT_REMARK).offered
    with pytest.raises(InvalidState, match="ingetrokken"):
        reports.edit_remark(lia, rid, other, comment="Toch wel")
    reports.give_verdict(lia, rid, usable=False)
    before = _counts(off)
    with pytest.raises(InvalidState):
        reports.edit_remark(lia, rid, aid, comment="Na het oordeel")
    with pytest.raises(InvalidState):
        reports.withdraw_remark(lia, rid, aid)
    assert _counts(off) == before
    kinds = [e.kind for e in reports.get_report(off, rid).history]
    assert ReportAction.EDIT_REMARK in kinds and ReportAction.WITHDRAW_REMARK in kinds
    actions = _actions(off)
    assert ("report.remark_edit", f"report:{rid}", "ok") in actions
    assert ("report.remark_withdraw", f"report:{rid}", "ok") in actions


def test_the_officer_marks_a_remark_handled_and_the_liaison_reads_the_note(
    people: dict[str, Session],
) -> None:
    off, lia, sig = people["officier"], people["liaison"], people["tekenaar"]
    rid = _in_review(people)
    aid = _remark(people, rid)
    reports.give_verdict(lia, rid, usable=False)
    before = _counts(off)
    with pytest.raises(InvalidInput, match="toelichting"):
        reports.handle_remark(off, rid, aid, note="  ")
    with pytest.raises(Forbidden):
        reports.handle_remark(lia, rid, aid, note="Ik ben de liaison")
    assert _counts(off) == before
    reports.handle_remark(off, rid, aid, note="Land toegevoegd in versie 2.")
    seen = reports.get_report(lia, rid).annotations[0]
    assert seen.handled and seen.handled_note == "Land toegevoegd in versie 2."
    assert seen.as_dict()["handled_by"] == "officier"
    assert ("report.remark_handle", f"report:{rid}", "ok") in _actions(off)
    # Not once signed.
    reports.revise_report(off, rid, text=TEXT.replace("buitenland.", "buitenland (Turkije)."))
    reports.submit_report(off, rid)
    reports.give_verdict(lia, rid, usable=True)
    reports.sign_report(sig, rid, proof=fresh_proof(sig))
    with pytest.raises(InvalidState, match="ondertekend"):
        reports.handle_remark(off, rid, aid, note="Te laat")


def test_a_remark_of_another_report_is_not_found(people: dict[str, Session]) -> None:
    first = _in_review(people)
    aid = _remark(people, first)
    second = _in_review(people)
    with pytest.raises(Exception, match="hoort niet bij"):
        reports.edit_remark(people["liaison"], second, aid, comment="Verkeerd bericht")


# ---------------------------------------------------------------------------------------------
# Old or unverifiable data: the signer's special case


@pytest.mark.parametrize("text", [OLD_TEXT, UNKNOWN_TEXT], ids=["old", "unknown"])
def test_old_or_unverifiable_data_are_signed_only_with_the_signers_decision(
    people: dict[str, Session], text: str
) -> None:
    off, sig = people["officier"], people["tekenaar"]
    rid = _usable(people, text)
    view = reports.get_report(sig, rid)
    assert view.special_case_grounds  # the window asks for the decision
    assert view.as_dict()["special_case_needed"]
    before = _counts(sig)
    with pytest.raises(InvalidInput, match="bijzonder geval") as refused:
        reports.sign_report(sig, rid, proof=fresh_proof(sig))
    assert refused.value.field == "special_case_reason"
    assert _counts(sig) == before
    assert reports.get_report(sig, rid).report.status is ReportStatus.USABLE
    reason = "Geen recentere gegevens; de IND moet de ouderdom kennen."
    signed = reports.sign_report(sig, rid, proof=fresh_proof(sig), special_case_reason=reason)
    assert signed.status is ReportStatus.SIGNED
    decided = reports.get_report(off, rid).special_case
    assert decided is not None and decided.reason == reason and decided.decided_by == "tekenaar"
    data = reports.get_report(off, rid).as_dict()["special_case"]
    assert isinstance(data, dict) and data["findings"] == list(decided.findings)
    assert "bijzonder geval" in data["summary"]
    with sig.reading() as conn:
        entry = next(e for e in audit.recent(conn, 100) if e.action == "report.sign")
    details = json.loads(entry.details)
    assert details["special_case_findings"] == list(decided.findings)
    assert reason not in json.dumps(details)  # identifiers only in the audit
    result = reports.issue_report(sig, rid, proof=fresh_proof(sig))
    with sig.reading() as conn:
        description = conn.execute(
            "SELECT description FROM provisions WHERE id = ?", (result.provision_id,)
        ).fetchone()[0]
    assert "bijzonder geval" in description


def test_no_decision_is_recorded_where_none_is_needed(people: dict[str, Session]) -> None:
    sig = people["tekenaar"]
    rid = _usable(people)
    assert reports.get_report(sig, rid).special_case_grounds == ()
    with pytest.raises(InvalidInput, match="geen besluit"):
        reports.sign_report(sig, rid, proof=fresh_proof(sig), special_case_reason="Waarom niet")
    reports.sign_report(sig, rid, proof=fresh_proof(sig))
    assert reports.get_report(sig, rid).special_case is None


def test_the_special_case_is_printed_with_the_report(people: dict[str, Session]) -> None:
    import io

    import pypdf

    from desktop_app.services import printing

    sig = people["tekenaar"]
    rid = _usable(people, OLD_TEXT)
    reason = "Enige beschikbare bron."
    reports.sign_report(sig, rid, proof=fresh_proof(sig), special_case_reason=reason)
    preview = printing.preview_report(sig, rid, copies=1)
    reader = pypdf.PdfReader(io.BytesIO(preview.pdf))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Bijzonder geval" in text
    assert reason in text
    assert "bevinding 2" in text

"""The permissions a report view carries are the services' own answers: for every status, every
person (author or not, each role, an officer who is also a signer) and every workflow step, the
step is allowed exactly when the use case succeeds, and refused with exactly the sentence the
use case raises."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from support.helpers import fresh_proof

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import AppError
from desktop_app.domain.reports import REMARK_ACTIONS, ReportAction, ReportStatus, ReportStep
from desktop_app.services import reports
from desktop_app.services.session import Session
from tests.services.test_reports_workflow import STAFF, TEXT_V1, Staff, staff  # noqa: F401

_A = ReportAction
PEOPLE = ("officier", "officier2", "tekenaar", "dubbel", "liaison")
# The path to each status, from the author's first save; "dubbel" (officer and signer) writes
# the report in the *_by_dubbel variants, so four eyes stops a signer who is its author.
PATH: dict[ReportStatus, tuple[str, ...]] = {
    ReportStatus.DRAFT: (),
    ReportStatus.IN_REVIEW: ("submit",),
    ReportStatus.CHANGES_WANTED: ("submit", "changes"),
    ReportStatus.USABLE: ("submit", "usable"),
    ReportStatus.SIGNED: ("submit", "usable", "sign"),
    ReportStatus.ISSUED: ("submit", "usable", "sign", "issue"),
}
_counter = iter(range(1, 1_000_000))


def _text() -> str:
    return TEXT_V1.replace("Geen bezwaar bekend.", f"Geen bezwaar bekend ({next(_counter)}).")


def build(people: Staff, status: ReportStatus, author: str) -> int:
    rid = int(reports.draft_report(people[author], text=_text()).report.id)
    for step in PATH[status]:
        if step == "submit":
            reports.submit_report(people[author], rid)
        elif step in ("changes", "usable"):
            reports.give_verdict(people["liaison"], rid, usable=step == "usable")
        elif step == "sign":
            reports.sign_report(people["tekenaar"], rid, proof=fresh_proof(people["tekenaar"]))
        else:
            reports.issue_report(people[author], rid, proof=fresh_proof(people[author]))
    assert reports.get_report(people[author], rid).report.status is status
    return rid


def call(session: Session, action: ReportAction, rid: int) -> Callable[[], Any]:
    calls: dict[ReportAction, Callable[[], Any]] = {
        _A.REVISE: lambda: reports.revise_report(session, rid, text=_text()),
        _A.SET_CLASSIFICATION: lambda: reports.set_classification(
            session, rid, Classification.DEP_VERTROUWELIJK
        ),
        _A.SUBMIT: lambda: reports.submit_report(session, rid),
        _A.ANNOTATE: lambda: reports.annotate(
            session, rid, quote="Aanleiding", comment="Graag toelichten."
        ),
        _A.VERDICT_USABLE: lambda: reports.give_verdict(session, rid, usable=True),
        _A.VERDICT_CHANGES_WANTED: lambda: reports.give_verdict(session, rid, usable=False),
        _A.SIGN: lambda: reports.sign_report(session, rid, proof=fresh_proof(session)),
        _A.ISSUE: lambda: reports.issue_report(session, rid, proof=fresh_proof(session)),
        _A.CORRECT: lambda: reports.record_correction(session, rid, "Geboortedatum onjuist."),
        _A.VIEW: lambda: reports.get_report(session, rid),
        _A.WITHDRAW: lambda: reports.withdraw_submission(session, rid),
        _A.SEND_BACK: lambda: reports.send_back(session, rid, reason="Bevinding 1 aanscherpen."),
    }
    return calls[action]


# Steps on one remark carry their own permissions, per remark (tests/services/
# test_review_going_back.py); the report's view offers them for no remark in particular.
STEPS = [a for a in ReportAction if a not in (_A.CREATE, _A.PRINT) and a not in REMARK_ACTIONS]


@pytest.mark.parametrize("author", ["officier", "dubbel"])
@pytest.mark.parametrize("status", list(ReportStatus))
def test_permission_is_the_use_case_answer(
    staff: Staff,  # noqa: F811
    status: ReportStatus,
    author: str,
) -> None:
    people = staff
    rid = build(people, status, author)
    checked = 0
    for name in PEOPLE:
        session = people[name]
        try:
            view = reports.get_report(session, rid)
        except AppError:
            # The liaison sees nothing before a version is submitted: no view, no buttons.
            assert name == "liaison" and status is ReportStatus.DRAFT
            continue
        for action in STEPS:
            permission = view.actions[action]
            if permission.allowed:
                fresh = build(people, status, author)  # the step changes the report
                call(session, action, fresh)()
            else:
                with pytest.raises(AppError) as info:
                    call(session, action, rid)()
                assert str(info.value) == permission.reason, (name, action)
            checked += 1
    assert checked >= len(STEPS) * 4


def test_offered_follows_role_and_stage(staff: Staff) -> None:  # noqa: F811
    rid = build(staff, ReportStatus.USABLE, "dubbel")
    signer = reports.get_report(staff["tekenaar"], rid)
    own = reports.get_report(staff["dubbel"], rid)
    liaison = reports.get_report(staff["liaison"], rid)
    assert signer.actions[_A.SIGN].allowed and signer.actions[_A.SIGN].offered
    # Four eyes: offered to the signer who wrote it, refused with the reason.
    assert own.actions[_A.SIGN].offered and not own.actions[_A.SIGN].allowed
    assert (own.actions[_A.SIGN].reason or "").startswith("Vier-ogenprincipe")
    assert "versie 1" in (own.actions[_A.SIGN].reason or "")
    assert own.step is ReportStep.USABLE_FOUR_EYES
    assert signer.step is ReportStep.USABLE
    # Not the liaison's step at all, and not a step of this stage.
    assert not liaison.actions[_A.SIGN].offered
    assert not signer.actions[_A.ISSUE].offered


def test_an_earlier_version_is_read_only(staff: Staff) -> None:  # noqa: F811
    off = staff["officier"]
    rid = build(staff, ReportStatus.DRAFT, "officier")
    reports.revise_report(off, rid, text=_text())
    old = reports.get_report(off, rid, 1)
    latest = reports.get_report(off, rid)
    assert latest.actions[_A.REVISE].allowed and latest.step is ReportStep.DRAFT_SUBMIT
    assert old.step is ReportStep.EARLIER_VERSION
    assert not any(p.allowed for p in old.actions.values())
    assert {a for a, p in old.actions.items() if p.offered} == {
        a for a, p in latest.actions.items() if p.offered
    }


def test_before_the_first_save(staff: Staff) -> None:  # noqa: F811
    officer = reports.new_report_actions(staff["officier"])
    liaison = reports.new_report_actions(staff["liaison"])
    assert officer[_A.CREATE].allowed and officer[_A.CREATE].offered
    assert officer[_A.SUBMIT].offered and not officer[_A.SUBMIT].allowed
    assert not liaison[_A.CREATE].allowed and not liaison[_A.CREATE].offered
    assert set(STAFF) >= set(PEOPLE)


def test_a_free_text_draft_is_refused_submit_with_the_use_case_sentence(
    staff: Staff,  # noqa: F811
) -> None:
    """Issue 14: the window's submit button follows the content rule (same sentence)."""
    off = staff["officier"]
    rid = int(reports.draft_report(off, text="Vrije tekst zonder opbouw.\n").report.id)
    permission = reports.get_report(off, rid).actions[_A.SUBMIT]
    assert permission.offered and not permission.allowed
    with pytest.raises(AppError) as info:
        reports.submit_report(off, rid)
    assert str(info.value) == permission.reason
    assert reports.get_report(off, rid).actions[_A.REVISE].allowed
    reports.revise_report(off, rid, text=_text())
    assert reports.get_report(off, rid).actions[_A.SUBMIT].allowed

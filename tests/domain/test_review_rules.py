"""Pure rules of issue 12 and 14 (review going back, the signer's special case, the V-number
warning)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.annotations import (
    RemarkChange,
    RemarkEvent,
    check_remark_change,
    remark_state,
    validate_handled_note,
)
from desktop_app.domain.errors import Forbidden, InvalidInput, InvalidState
from desktop_app.domain.ids import UserId
from desktop_app.domain.report_content import Finding, Reliability, ReportContent, render
from desktop_app.domain.reports import (
    ReportAction,
    ReportEvent,
    ReportStatus,
    ReportStep,
    permissions,
    report_step,
    sent_back,
    special_case,
    status_from_history,
)
from desktop_app.domain.requests import open_request_warning
from desktop_app.domain.roles import Role

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
LIAISON, OFFICER = UserId(4), UserId(2)
TODAY = dt.date(2026, 11, 2)


def _e(kind: ReportAction, who: UserId, version: int = 1) -> ReportEvent:
    return ReportEvent(kind, who, version, T0)


def test_withdraw_and_send_back_replay_to_draft_and_show_how_it_came_back() -> None:
    a = ReportAction
    history = [_e(a.CREATE, OFFICER), _e(a.SUBMIT, OFFICER), _e(a.WITHDRAW, OFFICER)]
    assert status_from_history(history) is ReportStatus.DRAFT
    assert sent_back(history) is a.WITHDRAW
    history += [_e(a.SUBMIT, OFFICER), _e(a.VERDICT_USABLE, LIAISON), _e(a.SEND_BACK, UserId(9))]
    assert status_from_history(history) is ReportStatus.DRAFT
    assert sent_back(history) is a.SEND_BACK
    granted = permissions(
        ReportStatus.DRAFT, actor_id=OFFICER, actor_roles={Role.AIVD_OFFICER}, history=history
    )
    assert report_step(ReportStatus.DRAFT, granted, history=history) is ReportStep.SENT_BACK
    # A new version after it is an ordinary draft again.
    history.append(_e(a.REVISE, OFFICER, 2))
    assert sent_back(history) is None


def test_remark_state_folds_its_changes_and_rewording_reopens_it() -> None:
    def ev(kind: RemarkChange, text: str | None = None, who: UserId = LIAISON) -> RemarkEvent:
        return RemarkEvent(kind, who, text, "t")

    state = remark_state("Welk land?", [])
    assert (state.comment, state.edited, state.withdrawn, state.handled) == (
        "Welk land?",
        False,
        False,
        False,
    )
    handled = remark_state("Welk land?", [ev(RemarkChange.HANDLE, "Toegevoegd", OFFICER)])
    assert handled.handled and handled.handled_note == "Toegevoegd"
    assert handled.handled_by == OFFICER
    reworded = remark_state(
        "Welk land?",
        [ev(RemarkChange.HANDLE, "Toegevoegd", OFFICER), ev(RemarkChange.EDIT, "En wanneer?")],
    )
    assert reworded.comment == "En wanneer?" and reworded.edited and not reworded.handled
    assert remark_state("x", [ev(RemarkChange.WITHDRAW)]).withdrawn


def test_who_may_change_a_remark_and_until_when() -> None:
    fresh = remark_state("Welk land?", [])
    rule = dict(author_id=LIAISON, remark_version=2, state=fresh)
    check_remark_change(RemarkChange.EDIT, actor_id=LIAISON, review_version=2, **rule)
    with pytest.raises(Forbidden):
        check_remark_change(RemarkChange.EDIT, actor_id=UserId(5), review_version=2, **rule)
    with pytest.raises(InvalidState):  # its version is no longer the one in review
        check_remark_change(RemarkChange.WITHDRAW, actor_id=LIAISON, review_version=None, **rule)
    with pytest.raises(InvalidState):
        check_remark_change(RemarkChange.EDIT, actor_id=LIAISON, review_version=3, **rule)
    # The officer answers any remark that is not withdrawn.
    check_remark_change(RemarkChange.HANDLE, actor_id=OFFICER, review_version=None, **rule)
    gone = remark_state("x", [RemarkEvent(RemarkChange.WITHDRAW, LIAISON, None, "t")])
    with pytest.raises(InvalidState):
        check_remark_change(
            RemarkChange.HANDLE,
            actor_id=OFFICER,
            author_id=LIAISON,
            remark_version=2,
            review_version=None,
            state=gone,
        )
    with pytest.raises(InvalidInput):
        validate_handled_note(" \n ")


def _text(*findings: Finding) -> str:
    return render(ReportContent("betrokkene A", "Verzoek.", tuple(findings), "Geen bezwaar."))


def test_special_case_is_needed_exactly_for_old_or_unverifiable_findings() -> None:
    ok = Finding("Verbleef in het buitenland.", Reliability.RELIABLE, None, dt.date(2020, 1, 1))
    old = Finding("Contact met een organisatie.", None, "DOC-1", dt.date(2016, 11, 1))
    unknown = Finding("Verklaring van derden.", Reliability.UNKNOWN)
    assert special_case(_text(ok), today=TODAY, reason=None) is None
    with pytest.raises(InvalidInput, match="geen besluit"):
        special_case(_text(ok), today=TODAY, reason="toch")
    with pytest.raises(InvalidInput, match="Bevinding 2, 3") as refused:
        special_case(_text(ok, old, unknown), today=TODAY, reason=" ")
    assert refused.value.field == "special_case_reason"
    decided = special_case(_text(ok, old, unknown), today=TODAY, reason="Enige bron.")
    assert decided is not None and decided.findings == (2, 3)
    assert "bevindingen 2, 3" in decided.summary_nl and "Enige bron." in decided.summary_nl
    # Ten years to the day is not older than ten years.
    edge = Finding("Gegevens.", Reliability.RELIABLE, None, dt.date(2016, 11, 2))
    assert special_case(_text(edge), today=TODAY, reason=None) is None


def test_the_v_number_warning_names_the_open_requests() -> None:
    assert open_request_warning("1234567890", []) is None
    one = open_request_warning("1234567890", ["NV-2026-000001"])
    assert one is not None and "het open verzoek NV-2026-000001" in one
    two = open_request_warning("1234567890", ["NV-2026-000001", "NV-2026-000007"])
    assert two is not None and "NV-2026-000001, NV-2026-000007" in two


def test_a_versions_state_follows_its_last_submission_step() -> None:
    from desktop_app.domain.reports import VersionState, version_states

    at = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    officer, signer = UserId(1), UserId(2)

    def ev(kind: ReportAction, version: int) -> ReportEvent:
        return ReportEvent(
            kind, officer if kind is not ReportAction.SEND_BACK else signer, version, at
        )

    history = [ev(ReportAction.CREATE, 1), ev(ReportAction.SUBMIT, 1)]
    assert version_states(history) == {1: VersionState.SUBMITTED}
    history.append(ev(ReportAction.WITHDRAW, 1))
    assert version_states(history) == {1: VersionState.WITHDRAWN}
    history += [ev(ReportAction.SUBMIT, 1), ev(ReportAction.VERDICT_USABLE, 1)]
    assert version_states(history) == {1: VersionState.SUBMITTED}
    history += [ev(ReportAction.SEND_BACK, 1), ev(ReportAction.REVISE, 2)]
    assert version_states(history) == {1: VersionState.SENT_BACK}  # 2 never submitted
    history.append(ev(ReportAction.SUBMIT, 2))
    assert version_states(history) == {1: VersionState.SENT_BACK, 2: VersionState.SUBMITTED}

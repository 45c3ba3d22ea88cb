"""Permissions against the workflow: for every status, role set and authorship, a step is
allowed exactly when the reference model of the workflow (tests/domain/test_reports_workflow)
allows it, refused with the sentence ``decide`` raises, and offered only to a role that may
take it; the request steps follow the request workflow the same way."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from desktop_app.domain.actions import (
    Permission,
    RequestStep,
    check,
    refuse_all,
    refused,
    request_permissions,
    role_permissions,
)
from desktop_app.domain.errors import AppError, InvalidState
from desktop_app.domain.reports import (
    ALLOWED_ROLES,
    REMARK_ACTIONS,
    ReportAction,
    ReportStatus,
    ReportStep,
    decide,
    permissions,
    report_step,
)
from desktop_app.domain.requests import DelayNotice, RequestStatus, transition
from desktop_app.domain.roles import Role
from tests.domain.test_reports_workflow import (
    ACTOR,
    OTHER,
    ROLE_SETS,
    STATUSES,
    history_to,
    reference,
)

# Where the window offers each step (what its buttons showed before the core decided them),
# written out here rather than read from OFFERED_IN.
_OPEN = {None, "draft", "in_review", "changes_wanted", "usable"}
OFFERED_STAGE: dict[str, set[str | None]] = {
    "create": {None},
    "revise": _OPEN,
    "set_classification": {None, "draft", "changes_wanted"},
    "submit": _OPEN,
    "annotate": {"in_review"},
    "verdict_usable": {"in_review"},
    "verdict_changes_wanted": {"in_review"},
    "sign": {"usable"},
    "issue": {"signed"},
    "correct": {"issued"},
    "view": {s.value for s in ReportStatus},
    "print": {"signed", "issued"},
    "withdraw": {"in_review"},
    "send_back": {"usable"},
    # A step on one remark, never on the report as a whole (each remark carries its own).
    "edit_remark": set(),
    "withdraw_remark": set(),
    "handle_remark": set(),
}


@pytest.mark.parametrize("status", STATUSES, ids=str)
def test_allowed_exactly_when_the_workflow_allows(status: str | None) -> None:
    mismatches = []
    for roles, wrote in itertools.product(ROLE_SETS, (False, True)):
        held = {Role(r) for r in roles}
        history = history_to(status, ACTOR if wrote else OTHER)
        current = ReportStatus(status) if status else None
        granted = permissions(current, actor_id=ACTOR, actor_roles=held, history=history)
        assert set(granted) == set(ReportAction)
        for action, permission in granted.items():
            if action in REMARK_ACTIONS:
                # A remark step is decided per remark (remark_permissions, tested with the
                # review rules); for the report as a whole it is only "choose a remark first".
                assert not permission.allowed and not permission.offered
                continue
            expected = reference(status, action.value, set(roles), wrote)
            if permission.allowed != isinstance(expected, str):
                mismatches.append((status, sorted(roles), wrote, action, permission))
            if not permission.allowed and current is not None:
                with pytest.raises(AppError) as info:
                    decide(current, action, actor_id=ACTOR, actor_roles=held, history=history)
                assert permission.reason == str(info.value)
            assert permission.offered == (
                bool(ALLOWED_ROLES[action] & held) and status in OFFERED_STAGE[action.value]
            ), (status, sorted(roles), action)
    assert not mismatches


def test_four_eyes_names_the_versions_written() -> None:
    history = history_to("usable", ACTOR)
    granted = permissions(
        ReportStatus.USABLE, actor_id=ACTOR, actor_roles={Role.AIVD_SIGNER}, history=history
    )
    sign = granted[ReportAction.SIGN]
    assert sign.offered and not sign.allowed
    assert sign.reason is not None and "(versie 1, 2)" in sign.reason
    assert report_step(ReportStatus.USABLE, granted) is ReportStep.USABLE_FOUR_EYES


def test_an_earlier_version_refuses_every_step_and_keeps_what_is_offered() -> None:
    history = history_to("draft", ACTOR)
    args = {"actor_id": ACTOR, "actor_roles": {Role.AIVD_OFFICER}, "history": history}
    latest = permissions(ReportStatus.DRAFT, **args)  # type: ignore[arg-type]
    earlier = permissions(ReportStatus.DRAFT, latest=False, **args)  # type: ignore[arg-type]
    assert latest[ReportAction.REVISE].allowed
    assert not any(p.allowed for p in earlier.values())
    assert {a: p.offered for a, p in earlier.items()} == {a: p.offered for a, p in latest.items()}
    assert report_step(ReportStatus.DRAFT, earlier, latest=False) is ReportStep.EARLIER_VERSION


def test_permission_helpers() -> None:
    with pytest.raises(ValueError):
        Permission(True, "reden")
    with pytest.raises(ValueError):
        Permission(False)
    assert check(lambda: None).allowed
    no = check(lambda: (_ for _ in ()).throw(InvalidState("Kan niet.")))
    assert (no.allowed, no.reason) == (False, "Kan niet.")
    assert refuse_all({1: check(lambda: None), 2: refused("x", offered=False)}, "Nee.") == {
        1: refused("Nee."),
        2: refused("Nee.", offered=False),
    }


def test_role_permissions_offer_each_step_to_its_roles() -> None:
    table = {
        "sign": ([Role.AIVD_SIGNER], "ondertekenen"),
        "draft": ((Role.AIVD_OFFICER, Role.AIVD_SIGNER), "opstellen"),
    }
    steps = role_permissions(iter([Role.AIVD_OFFICER]), table)  # a one-shot iterable will do
    assert steps["draft"] == Permission(True)
    assert not steps["sign"].allowed and not steps["sign"].offered
    assert "ondertekenen" in (steps["sign"].reason or "")


@pytest.mark.parametrize("status", list(RequestStatus), ids=str)
def test_request_steps_follow_the_request_workflow(status: RequestStatus) -> None:
    handler = request_permissions(status, roles={Role.AIVD_OFFICER}, handlers={Role.AIVD_OFFICER})
    other = request_permissions(status, roles={Role.IND_LIAISON}, handlers={Role.AIVD_OFFICER})

    def works(target: RequestStatus) -> bool:
        try:
            transition(status, target)
        except AppError:
            return False
        return True

    assert handler[RequestStep.START].allowed == works(RequestStatus.IN_PROGRESS)
    assert handler[RequestStep.CLOSE_NO_DATA].allowed == works(RequestStatus.CLOSED_NO_DATA)
    assert handler[RequestStep.NOTIFY_DELAY].allowed == (not status.is_closed)
    assert handler[RequestStep.DRAFT_REPORT].allowed == (
        status in (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS)
    )
    assert all(p.offered for p in handler.values())
    assert all(not p.allowed and not p.offered and p.reason for p in other.values())
    # A notice is recorded once: with one, the step is refused and says when it was given.
    noticed = request_permissions(
        status,
        roles={Role.AIVD_OFFICER},
        handlers={Role.AIVD_OFFICER},
        notice=DelayNotice(dt.date(2026, 11, 10), "Wacht op buitenlandse dienst", "officier"),
    )[RequestStep.NOTIFY_DELAY]
    assert not noticed.allowed and noticed.offered
    assert noticed.reason is not None and (
        "al uitstel gemeld" in noticed.reason or status.is_closed
    )

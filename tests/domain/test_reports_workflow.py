"""The ambtsbericht workflow: exhaustive (status x action x roles x authorship) against a
reference model written here from the rules in prose, plus a stateful property test of random
action sequences against the same model."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from desktop_app.domain.errors import (
    AppError,
    Forbidden,
    FourEyes,
    IntegrityFailure,
    InvalidInput,
    InvalidState,
    NotFound,
)
from desktop_app.domain.ids import UserId
from desktop_app.domain.reports import (
    ReportAction,
    ReportEvent,
    ReportStatus,
    WorkList,
    allowed_actions,
    authors,
    canonical_text,
    check_version_visible,
    current_version,
    decide,
    involved_user_ids,
    status_from_history,
    text_sha256,
    validate_correction,
    validate_version_text,
    visible_versions,
    work_lists,
)
from desktop_app.domain.roles import Role

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)

# ---------------------------------------------------------------------------------------------
# The reference model: the rules of domain.md / the issue, written independently of the
# implementation's tables (plain strings, rule by rule).

OFFICER, SIGNER, LIAISON, INSPECTOR, ADMIN = (
    "aivd_officer",
    "aivd_signer",
    "ind_liaison",
    "ind_inspector",
    "admin",
)
RECORDED = {
    "create",
    "revise",
    "set_classification",
    "submit",
    "annotate",
    "verdict_usable",
    "verdict_changes_wanted",
    "sign",
    "issue",
    "correct",
    "withdraw",
    "send_back",
    "edit_remark",
    "withdraw_remark",
    "handle_remark",
}


# The steps that go from one status to one other (the rest are spelled out in the model).
_MOVES = {
    "submit": ("draft", "in_review"),
    "annotate": ("in_review", "in_review"),
    "verdict_usable": ("in_review", "usable"),
    "verdict_changes_wanted": ("in_review", "changes_wanted"),
    "issue": ("signed", "issued"),
    "correct": ("issued", "issued"),
    # Going back (issue 12): a submission is withdrawn to draft; the signer sends a usable
    # text back to draft instead of signing (no four eyes: sending back signs nothing).
    "withdraw": ("in_review", "draft"),
    "send_back": ("usable", "draft"),
    # Remarks: the liaison's own until the verdict (the officer's answer: until signed).
    "edit_remark": ("in_review", "in_review"),
    "withdraw_remark": ("in_review", "in_review"),
}


def reference(status: str | None, action: str, roles: set[str], wrote: bool) -> str | type:
    """The status after the action, or the error class that refuses it."""
    if status is None:
        if action != "create":
            return NotFound
        return "draft" if OFFICER in roles else Forbidden
    # Who may do what at all.
    officer_steps = ("create", "revise", "submit", "set_classification", "withdraw")
    if action in (*officer_steps, "handle_remark") and OFFICER not in roles:
        return Forbidden
    liaison_steps = ("annotate", "verdict_usable", "verdict_changes_wanted")
    if action in (*liaison_steps, "edit_remark", "withdraw_remark") and LIAISON not in roles:
        return Forbidden
    if action in ("sign", "send_back") and SIGNER not in roles:
        return Forbidden
    if action in ("issue", "correct", "print") and not roles & {OFFICER, SIGNER}:
        return Forbidden
    if action == "view" and not roles & {OFFICER, SIGNER, LIAISON}:
        return Forbidden
    # When.
    if action == "create":
        return InvalidState  # the report exists already
    if action in ("view", "print"):
        return status
    if action == "revise":
        # A new version: allowed while the text is the officer's to change; after "usable"
        # it sends the report back to draft. Frozen in review and for ever once signed.
        return "draft" if status in ("draft", "changes_wanted", "usable") else InvalidState
    if action == "set_classification":
        return status if status in ("draft", "changes_wanted") else InvalidState
    if action == "sign":
        if status != "usable":
            return InvalidState
        return FourEyes if wrote else "signed"
    if action == "handle_remark":
        return status if status not in ("signed", "issued") else InvalidState
    if action in _MOVES:
        before, after = _MOVES[action]
        return after if status == before else InvalidState
    raise AssertionError(f"model lacks {action}")


ROLE_SETS: list[frozenset[str]] = [
    frozenset(),
    *(frozenset({r}) for r in (OFFICER, SIGNER, LIAISON, INSPECTOR, ADMIN)),
    frozenset({OFFICER, SIGNER}),
    frozenset({OFFICER, LIAISON}),
    frozenset({LIAISON, INSPECTOR}),
    frozenset({SIGNER, LIAISON}),
    frozenset({OFFICER, SIGNER, LIAISON, INSPECTOR}),
]
STATUSES: list[str | None] = [None, *(s.value for s in ReportStatus)]

ACTOR = UserId(7)
OTHER = UserId(8)


def _e(kind: str, who: UserId, version: int, minutes: int = 0) -> ReportEvent:
    return ReportEvent(ReportAction(kind), who, version, T0 + dt.timedelta(minutes=minutes))


def history_to(status: str | None, author: UserId) -> list[ReportEvent]:
    """A plausible history that ends in ``status``, every version written by ``author``."""
    liaison, signer = UserId(50), UserId(51)
    steps = {
        None: [],
        "draft": [("create", author, 1)],
        "in_review": [("create", author, 1), ("submit", author, 1)],
        "changes_wanted": [
            ("create", author, 1),
            ("submit", author, 1),
            ("verdict_changes_wanted", liaison, 1),
        ],
        "usable": [
            ("create", author, 1),
            ("submit", author, 1),
            ("verdict_changes_wanted", liaison, 1),
            ("revise", author, 2),
            ("submit", author, 2),
            ("verdict_usable", liaison, 2),
        ],
    }
    steps["signed"] = [*steps["usable"], ("sign", signer, 2)]
    steps["issued"] = [*steps["signed"], ("issue", author, 2)]
    return [_e(k, w, v, n) for n, (k, w, v) in enumerate(steps[status])]


@pytest.mark.parametrize("action", list(ReportAction), ids=str)
@pytest.mark.parametrize("status", STATUSES, ids=str)
def test_every_status_action_and_role_set_matches_the_model(
    status: str | None, action: ReportAction
) -> None:
    mismatches = []
    for roles, wrote in itertools.product(ROLE_SETS, (False, True)):
        history = history_to(status, ACTOR if wrote else OTHER)
        expected = reference(status, action.value, set(roles), wrote)
        before = list(history)
        try:
            got: str | type = decide(
                ReportStatus(status) if status else None,
                action,
                actor_id=ACTOR,
                actor_roles={Role(r) for r in roles},
                history=history,
            ).value
        except AppError as exc:
            got = type(exc)
            assert exc.message and exc.message[0].isupper()  # a sentence for a person
        assert history == before  # deciding changes nothing
        if got != expected:
            mismatches.append((sorted(roles), wrote, expected, got))
    assert not mismatches


def test_model_and_implementation_agree_on_which_actions_are_recorded() -> None:
    for action in ReportAction:
        if action.value in RECORDED:
            ReportEvent(action, ACTOR, 1, T0)
        else:
            with pytest.raises(ValueError):
                ReportEvent(action, ACTOR, 1, T0)


# ---------------------------------------------------------------------------------------------
# Four eyes


def _sign(history: list[ReportEvent], who: UserId, roles: set[Role]) -> ReportStatus:
    return decide(
        ReportStatus.USABLE, ReportAction.SIGN, actor_id=who, actor_roles=roles, history=history
    )


def test_a_signer_who_wrote_no_version_signs() -> None:
    history = history_to("usable", OTHER)
    assert _sign(history, ACTOR, {Role.AIVD_SIGNER}) is ReportStatus.SIGNED


def test_the_creator_may_not_sign_even_holding_the_signer_role() -> None:
    history = history_to("usable", ACTOR)
    with pytest.raises(FourEyes, match="Vier-ogenprincipe"):
        _sign(history, ACTOR, {Role.AIVD_SIGNER, Role.AIVD_OFFICER})


def test_someone_who_only_revised_a_version_may_not_sign() -> None:
    history = history_to("usable", OTHER)
    history = [*history[:3], _e("revise", ACTOR, 2, 3), *history[4:]]
    assert status_from_history(history) is ReportStatus.USABLE
    with pytest.raises(FourEyes):
        _sign(history, ACTOR, {Role.AIVD_SIGNER, Role.AIVD_OFFICER})


def test_submitting_is_not_writing() -> None:
    history = history_to("usable", OTHER)
    history = [history[0], _e("submit", ACTOR, 1, 1), *history[2:]]
    assert ACTOR not in authors(history)
    assert _sign(history, ACTOR, {Role.AIVD_SIGNER, Role.AIVD_OFFICER}) is ReportStatus.SIGNED


def test_role_is_checked_before_state_and_state_before_four_eyes() -> None:
    history = history_to("draft", ACTOR)
    with pytest.raises(Forbidden):  # liaison trying to sign a draft: the role answers first
        decide(
            ReportStatus.DRAFT,
            ReportAction.SIGN,
            actor_id=ACTOR,
            actor_roles={Role.IND_LIAISON},
            history=history,
        )
    with pytest.raises(InvalidState):  # the author signing an unjudged draft: state first
        decide(
            ReportStatus.DRAFT,
            ReportAction.SIGN,
            actor_id=ACTOR,
            actor_roles={Role.AIVD_SIGNER},
            history=history,
        )


@pytest.mark.parametrize(
    ("status", "action", "role", "author", "error", "match"),
    [
        ("in_review", "sign", Role.AIVD_SIGNER, OTHER, InvalidState, "bruikbaar"),
        ("usable", "issue", Role.AIVD_OFFICER, OTHER, InvalidState, "ondertekend"),
        ("in_review", "revise", Role.AIVD_OFFICER, ACTOR, InvalidState, "bevroren"),
        ("usable", "sign", Role.AIVD_OFFICER, OTHER, Forbidden, "AIVD-ondertekenaar"),
    ],
)
def test_messages_name_what_is_missing(
    status: str, action: str, role: Role, author: UserId, error: type[AppError], match: str
) -> None:
    """The history is the one that leads to `status`, its versions written by `author`."""
    with pytest.raises(error, match=match):
        decide(
            ReportStatus(status),
            ReportAction(action),
            actor_id=ACTOR,
            actor_roles={role},
            history=history_to(status, author),
        )


# ---------------------------------------------------------------------------------------------
# History-derived facts


def test_involvement_covers_every_kind_of_taking_part_but_not_viewing() -> None:
    history = history_to("issued", UserId(1))
    history.insert(2, _e("annotate", UserId(2), 1, 2))
    history.append(_e("correct", UserId(3), 2, 99))
    # history_to uses 50 (liaison, judged) and 51 (signer)
    assert involved_user_ids(history) == {UserId(1), UserId(2), UserId(3), UserId(50), UserId(51)}
    assert authors(history) == {UserId(1)}


def test_status_from_history_replays_and_detects_impossible_histories() -> None:
    for status in STATUSES:
        expected = ReportStatus(status) if status else None
        assert status_from_history(history_to(status, ACTOR)) == expected
    bad = [*history_to("draft", ACTOR), _e("sign", OTHER, 1, 5)]
    with pytest.raises(IntegrityFailure):
        status_from_history(bad)
    wrong_version = [*history_to("draft", ACTOR), _e("revise", ACTOR, 3, 5)]
    with pytest.raises(IntegrityFailure):
        status_from_history(wrong_version)


def test_versions_and_their_visibility() -> None:
    history = [*history_to("usable", ACTOR), _e("revise", ACTOR, 3, 50)]
    assert current_version(history) == 3
    assert visible_versions({Role.AIVD_SIGNER}, history) == (1, 2, 3)
    # Version 3 was never submitted: the liaison sees only what was put before them.
    assert visible_versions({Role.IND_LIAISON}, history) == (1, 2)
    assert visible_versions({Role.ADMIN}, history) == ()
    check_version_visible({Role.IND_LIAISON}, history, 2)
    with pytest.raises(Forbidden):
        check_version_visible({Role.IND_LIAISON}, history, 3)
    with pytest.raises(Forbidden):
        check_version_visible({Role.ADMIN}, history, 1)
    with pytest.raises(NotFound):
        check_version_visible({Role.AIVD_OFFICER}, history, 4)


def test_allowed_actions_for_buttons() -> None:
    history = history_to("usable", OTHER)
    assert allowed_actions(
        ReportStatus.USABLE, actor_id=ACTOR, actor_roles={Role.AIVD_SIGNER}, history=history
    ) == {ReportAction.SIGN, ReportAction.SEND_BACK, ReportAction.VIEW, ReportAction.PRINT}
    assert ReportAction.SIGN not in allowed_actions(
        ReportStatus.USABLE,
        actor_id=OTHER,
        actor_roles={Role.AIVD_SIGNER, Role.AIVD_OFFICER},
        history=history,
    )


# ---------------------------------------------------------------------------------------------
# Work lists


def test_work_lists() -> None:
    def lists(status: str, who: UserId, roles: set[Role], author: UserId) -> set[WorkList]:
        return set(
            work_lists(
                ReportStatus(status),
                user_id=who,
                user_roles=roles,
                history=history_to(status, author),
            )
        )

    officer = {Role.AIVD_OFFICER}
    assert lists("draft", ACTOR, officer, ACTOR) == {WorkList.MY_DRAFTS}
    assert lists("draft", ACTOR, officer, OTHER) == set()  # someone else's draft
    # Issue 12: a submitted report leaves "my drafts"; a verdict of changes wanted brings it
    # back to the officer in a list of its own.
    assert lists("in_review", ACTOR, officer, ACTOR) == {WorkList.SUBMITTED_BY_ME}
    assert lists("changes_wanted", ACTOR, officer, ACTOR) == {WorkList.RETURNED_TO_ME}
    assert lists("changes_wanted", ACTOR, officer, OTHER) == set()
    assert lists("in_review", ACTOR, {Role.IND_LIAISON}, OTHER) == {WorkList.AWAITING_MY_REVIEW}
    assert lists("draft", ACTOR, {Role.IND_LIAISON}, OTHER) == set()
    assert lists("usable", ACTOR, {Role.AIVD_SIGNER}, OTHER) == {WorkList.AWAITING_MY_SIGNATURE}
    assert lists("usable", ACTOR, {Role.AIVD_SIGNER, Role.AIVD_OFFICER}, ACTOR) == {
        WorkList.SUBMITTED_BY_ME  # an author is never asked to sign their own text
    }
    # The liaison finds what they judged (liaison 50 in ``history_to``) until it is issued.
    judged = UserId(50)
    liaison = {Role.IND_LIAISON}
    assert lists("changes_wanted", judged, liaison, ACTOR) == {WorkList.JUDGED_BY_ME}
    assert lists("usable", judged, liaison, ACTOR) == {WorkList.JUDGED_BY_ME}
    assert lists("signed", judged, liaison, ACTOR) == {WorkList.JUDGED_BY_ME}
    assert lists("issued", judged, liaison, ACTOR) == {WorkList.ISSUED}
    assert lists("usable", OTHER, liaison, ACTOR) == set()  # another liaison judged it
    assert lists("signed", ACTOR, officer, ACTOR) == {WorkList.READY_TO_ISSUE}
    assert lists("issued", ACTOR, {Role.IND_LIAISON}, OTHER) == {WorkList.ISSUED}
    assert lists("issued", ACTOR, {Role.ADMIN}, OTHER) == set()
    assert lists("issued", ACTOR, {Role.IND_INSPECTOR}, OTHER) == set()
    assert all(w.label_nl for w in WorkList)


def test_a_report_that_came_back_waits_for_its_officer() -> None:
    """Changes wanted or sent back by the signer: 'returned' while the officer reworks it
    (a revision hands nothing over), 'submitted' again once resubmitted; a withdrawn one is
    simply a draft again."""
    officer, signer = {Role.AIVD_OFFICER}, UserId(51)

    def lists(history: list[ReportEvent], status: str) -> set[WorkList]:
        return set(
            work_lists(ReportStatus(status), user_id=ACTOR, user_roles=officer, history=history)
        )

    usable = history_to("usable", ACTOR)
    sent = [*usable, _e("send_back", signer, 2, len(usable))]
    assert lists(sent, "draft") == {WorkList.RETURNED_TO_ME}
    revised = [*sent, _e("revise", ACTOR, 3, len(sent))]
    assert lists(revised, "draft") == {WorkList.RETURNED_TO_ME}
    again = [*revised, _e("submit", ACTOR, 3, len(revised))]
    assert lists(again, "in_review") == {WorkList.SUBMITTED_BY_ME}
    wanted = history_to("changes_wanted", ACTOR)
    reworked = [*wanted, _e("revise", ACTOR, 2, len(wanted))]
    assert lists(reworked, "draft") == {WorkList.RETURNED_TO_ME}
    review = history_to("in_review", ACTOR)
    withdrawn = [*review, _e("withdraw", ACTOR, 1, len(review))]
    assert lists(withdrawn, "draft") == {WorkList.MY_DRAFTS}


def test_every_report_status_lands_in_a_list_of_its_author() -> None:
    """Whatever the workflow adds, an officer's own report is always in one of their lists."""
    for status in ReportStatus:
        found = {
            w for w in WorkList if status in w.rule.statuses and Role.AIVD_OFFICER in w.rule.roles
        }
        assert found, status


# ---------------------------------------------------------------------------------------------
# Texts


def test_text_hash_is_sha256_of_utf8_nfc_with_lf() -> None:
    assert text_sha256("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
    composed, decomposed = "Çelik é", "C\u0327elik e\u0301"
    assert composed != decomposed
    assert text_sha256(composed) == text_sha256(decomposed)
    assert text_sha256("a\r\nb\rc") == text_sha256("a\nb\nc")
    assert text_sha256("a") != text_sha256("a ")
    assert canonical_text("C\u0327\r\n") == "Ç\n"


def test_version_text_validation() -> None:
    for empty in ("", "   ", "\n\n\t"):
        with pytest.raises(InvalidInput) as err:
            validate_version_text(empty)
        assert err.value.field == "text"
    assert validate_version_text("e\u0301\r\n") == "é\n"
    with pytest.raises(InvalidInput):
        validate_correction("  ")
    assert validate_correction(" Datum onjuist. ") == "Datum onjuist."


# ---------------------------------------------------------------------------------------------
# Random sequences against the model

USERS: dict[UserId, frozenset[Role]] = {
    UserId(1): frozenset({Role.AIVD_OFFICER}),
    UserId(2): frozenset({Role.AIVD_OFFICER}),
    UserId(3): frozenset({Role.AIVD_SIGNER}),
    UserId(4): frozenset({Role.AIVD_SIGNER, Role.AIVD_OFFICER}),
    UserId(5): frozenset({Role.IND_LIAISON}),
    UserId(6): frozenset({Role.IND_INSPECTOR}),
    UserId(7): frozenset({Role.ADMIN}),
    UserId(8): frozenset({Role.IND_LIAISON, Role.IND_INSPECTOR}),
}


class Workflow(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.status: str | None = None
        self.version = 0
        self.wrote: set[UserId] = set()
        self.took_part: set[UserId] = set()
        self.judged_usable: int | None = None
        self.signed_version: int | None = None
        self.history: list[ReportEvent] = []

    @rule(user=st.sampled_from(sorted(USERS)), action=st.sampled_from(list(ReportAction)))
    def act(self, user: UserId, action: ReportAction) -> None:
        self._step(user, action)

    @rule(data=st.data())
    def act_in_turn(self, data: st.DataObject) -> None:
        """Mostly-random walks rarely get far; this rule picks among the steps the model
        allows, so signed and issued reports are reached too (the check is the same)."""
        possible = [
            (u, a)
            for u in sorted(USERS)
            for a in ReportAction
            if a.value in RECORDED
            and isinstance(
                reference(self.status, a.value, {r.value for r in USERS[u]}, u in self.wrote),
                str,
            )
        ]
        user, action = data.draw(st.sampled_from(possible))
        self._step(user, action)

    def _step(self, user: UserId, action: ReportAction) -> None:
        roles = USERS[user]
        expected = reference(
            self.status, action.value, {r.value for r in roles}, user in self.wrote
        )
        try:
            got: str | type = decide(
                ReportStatus(self.status) if self.status else None,
                action,
                actor_id=user,
                actor_roles=roles,
                history=self.history,
            ).value
        except AppError as exc:
            got = type(exc)
        assert got == expected, (self.status, action, user)
        if isinstance(got, type) or action.value not in RECORDED:
            return
        if action.value in ("create", "revise"):
            self.version += 1
            self.wrote.add(user)
            self.judged_usable = None
        if action.value == "verdict_usable":
            self.judged_usable = self.version
        if action.value == "sign":
            self.signed_version = self.version
        self.took_part.add(user)
        self.status = got
        self.history.append(
            ReportEvent(action, user, self.version, T0 + dt.timedelta(minutes=len(self.history)))
        )

    @invariant()
    def history_replays_to_the_status(self) -> None:
        replayed = status_from_history(self.history)
        assert (replayed.value if replayed else None) == self.status

    @invariant()
    def involvement_and_authorship_follow_the_history(self) -> None:
        assert involved_user_ids(self.history) == self.took_part
        assert authors(self.history) == self.wrote
        assert current_version(self.history) == self.version

    @invariant()
    def what_is_signed_is_what_was_judged_usable(self) -> None:
        if self.status in ("signed", "issued"):
            assert self.signed_version == self.judged_usable == self.version
            signers = {e.actor_id for e in self.history if e.kind is ReportAction.SIGN}
            assert not signers & self.wrote


Workflow.TestCase.settings = settings(max_examples=100, stateful_step_count=30, deadline=None)
TestWorkflow = Workflow.TestCase

"""The ambtsbericht workflow (art. 2.1, 2.3, 2.4) as a Qt-free state machine.

``draft`` → (submit) ``in_review`` → (verdict) ``usable`` | ``changes_wanted``;
(revise) from ``draft``, ``changes_wanted`` or ``usable`` gives a new version in ``draft``;
``usable`` → (sign) ``signed`` → (issue) ``issued``; corrections are recorded on ``issued``.
The flow can go back (issue 12): the officer withdraws a submission (``in_review`` → ``draft``,
the version stays the same and may be submitted again or revised), and the signer sends a usable
report back with a reason instead of signing (``usable`` → ``draft``: what the liaison judged
is no longer what will be signed, so it is written and judged again).

Decisions, where the spec leaves room:
- The text is frozen while ``in_review``: the liaison annotates and judges only then, so every
  annotation and every verdict belongs to exactly one submitted version.
- ``changes_wanted`` cannot be resubmitted as is: a verdict applies to a text, so the officer
  first records a new version (which puts the report back in ``draft``).
- A new version after ``usable`` sends the report back to ``draft`` (spec): what is signed is
  exactly the text the liaison judged usable.
- The classification is chosen by the officer while the text is editable (``draft``,
  ``changes_wanted``) and fixed by the signer as part of ``sign`` (the service takes the final
  level with the sign call). Clearance checks live in the services (Classification.covered_by).
- Checks run in this order, and the first failing one raises: the report exists (NotFound), the
  role may do the action at all (Forbidden), the status allows it (InvalidState), four eyes
  (FourEyes). A caller without the role thus learns nothing about the workflow state.
- Remarks (annotations) change in the history too: the liaison edits or withdraws their own
  remark while the version it was made on is in review (until the verdict); the officer marks
  a remark handled, with a note, until the text is signed. Which remark and whose it is are
  checked in ``domain.annotations``; here only the role and the workflow state.
- The history is the list of recorded events (every action except ``view`` and ``print``, which
  the audit log records). Four eyes and art. 2.5 involvement are derived from it, never from a
  manual list.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from types import MappingProxyType

from desktop_app.domain.actions import EARLIER_VERSION, Permission, check, refuse_all
from desktop_app.domain.annotations import RemarkChange, RemarkState, check_remark_change
from desktop_app.domain.errors import (
    Forbidden,
    FourEyes,
    IntegrityFailure,
    InvalidInput,
    InvalidState,
    NotFound,
)
from desktop_app.domain.ids import UserId
from desktop_app.domain.report_content import (
    ContentWarning,
    WarningKind,
    missing_for_issue,
    warnings_for_text,
)
from desktop_app.domain.roles import Role, require_any_role
from desktop_app.domain.text import check_name, check_text, collapse

__all__ = [
    "ALLOWED_ROLES",
    "AUTHORING_ACTIONS",
    "HAND_OVERS",
    "INVOLVING_ACTIONS",
    "MAX_TEXT_LENGTH",
    "OFFERED_IN",
    "RECORDED_ACTIONS",
    "REMARK_ACTIONS",
    "TITLE_MAX_LENGTH",
    "TRANSITIONS",
    "WORK_LISTS_FOR_ROLE",
    "WORK_LIST_RULES",
    "RemarkFacts",
    "ReportAction",
    "ReportEvent",
    "ReportStatus",
    "ReportStep",
    "SpecialCase",
    "VersionState",
    "WorkList",
    "WorkListRule",
    "allowed_actions",
    "authors",
    "canonical_text",
    "check_version_visible",
    "current_version",
    "decide",
    "in_work_list",
    "involved_user_ids",
    "last_hand_over",
    "next_version",
    "permissions",
    "remark_permissions",
    "report_step",
    "sent_back",
    "special_case",
    "special_case_grounds",
    "status_from_history",
    "text_sha256",
    "validate_correction",
    "validate_reason",
    "validate_title",
    "validate_version_text",
    "version_states",
    "visible_versions",
    "work_lists",
    "work_lists_for",
]


class ReportStatus(enum.StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_WANTED = "changes_wanted"
    USABLE = "usable"
    SIGNED = "signed"
    ISSUED = "issued"

    @property
    def label_nl(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    ReportStatus.DRAFT: "concept",
    ReportStatus.IN_REVIEW: "ter beoordeling",
    ReportStatus.CHANGES_WANTED: "aanpassing wenselijk",
    ReportStatus.USABLE: "bruikbaar",
    ReportStatus.SIGNED: "ondertekend",
    ReportStatus.ISSUED: "uitgebracht",
}


class ReportAction(enum.StrEnum):
    CREATE = "create"
    REVISE = "revise"
    SET_CLASSIFICATION = "set_classification"
    SUBMIT = "submit"
    ANNOTATE = "annotate"
    VERDICT_USABLE = "verdict_usable"
    VERDICT_CHANGES_WANTED = "verdict_changes_wanted"
    SIGN = "sign"
    ISSUE = "issue"
    CORRECT = "correct"
    WITHDRAW = "withdraw"
    SEND_BACK = "send_back"
    EDIT_REMARK = "edit_remark"
    WITHDRAW_REMARK = "withdraw_remark"
    HANDLE_REMARK = "handle_remark"
    VIEW = "view"
    PRINT = "print"

    @property
    def label_nl(self) -> str:
        """What the action is, for messages ("U mag '…' niet uitvoeren")."""
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    ReportAction.CREATE: "een ambtsbericht opstellen",
    ReportAction.REVISE: "het ambtsbericht herzien",
    ReportAction.SET_CLASSIFICATION: "de rubricering wijzigen",
    ReportAction.SUBMIT: "het ambtsbericht ter beoordeling aanbieden",
    ReportAction.ANNOTATE: "de tekst annoteren",
    ReportAction.VERDICT_USABLE: "de tekst bruikbaar oordelen",
    ReportAction.VERDICT_CHANGES_WANTED: "aanpassing wenselijk oordelen",
    ReportAction.SIGN: "het ambtsbericht ondertekenen",
    ReportAction.ISSUE: "het ambtsbericht uitbrengen",
    ReportAction.CORRECT: "een correctie vastleggen",
    ReportAction.WITHDRAW: "de indiening intrekken",
    ReportAction.SEND_BACK: "het ambtsbericht terugsturen",
    ReportAction.EDIT_REMARK: "een opmerking wijzigen",
    ReportAction.WITHDRAW_REMARK: "een opmerking intrekken",
    ReportAction.HANDLE_REMARK: "een opmerking als afgehandeld markeren",
    ReportAction.VIEW: "het ambtsbericht inzien",
    ReportAction.PRINT: "het ambtsbericht afdrukken",
}

_S = ReportStatus
_A = ReportAction

# The officer answers remarks while the text is theirs or under review, until it is signed.
_REMARKS_HANDLED_IN = (_S.DRAFT, _S.IN_REVIEW, _S.CHANGES_WANTED, _S.USABLE)

# (status before, action) -> status after. ``None`` stands for "no report yet".
# A pair that is missing is not allowed in that status.
TRANSITIONS: Mapping[tuple[ReportStatus | None, ReportAction], ReportStatus] = MappingProxyType(
    {
        (None, _A.CREATE): _S.DRAFT,
        (_S.DRAFT, _A.REVISE): _S.DRAFT,
        (_S.CHANGES_WANTED, _A.REVISE): _S.DRAFT,
        (_S.USABLE, _A.REVISE): _S.DRAFT,
        (_S.DRAFT, _A.SET_CLASSIFICATION): _S.DRAFT,
        (_S.CHANGES_WANTED, _A.SET_CLASSIFICATION): _S.CHANGES_WANTED,
        (_S.DRAFT, _A.SUBMIT): _S.IN_REVIEW,
        (_S.IN_REVIEW, _A.ANNOTATE): _S.IN_REVIEW,
        (_S.IN_REVIEW, _A.VERDICT_USABLE): _S.USABLE,
        (_S.IN_REVIEW, _A.VERDICT_CHANGES_WANTED): _S.CHANGES_WANTED,
        (_S.USABLE, _A.SIGN): _S.SIGNED,
        (_S.SIGNED, _A.ISSUE): _S.ISSUED,
        (_S.ISSUED, _A.CORRECT): _S.ISSUED,
        (_S.IN_REVIEW, _A.WITHDRAW): _S.DRAFT,
        (_S.USABLE, _A.SEND_BACK): _S.DRAFT,
        (_S.IN_REVIEW, _A.EDIT_REMARK): _S.IN_REVIEW,
        (_S.IN_REVIEW, _A.WITHDRAW_REMARK): _S.IN_REVIEW,
        **{(s, _A.HANDLE_REMARK): s for s in _REMARKS_HANDLED_IN},
        **{(s, _A.VIEW): s for s in ReportStatus},
        **{(s, _A.PRINT): s for s in ReportStatus},
    }
)

_AIVD = frozenset({Role.AIVD_OFFICER, Role.AIVD_SIGNER})

ALLOWED_ROLES: Mapping[ReportAction, frozenset[Role]] = MappingProxyType(
    {
        _A.CREATE: frozenset({Role.AIVD_OFFICER}),
        _A.REVISE: frozenset({Role.AIVD_OFFICER}),
        _A.SET_CLASSIFICATION: frozenset({Role.AIVD_OFFICER}),
        _A.SUBMIT: frozenset({Role.AIVD_OFFICER}),
        _A.ANNOTATE: frozenset({Role.IND_LIAISON}),
        _A.VERDICT_USABLE: frozenset({Role.IND_LIAISON}),
        _A.VERDICT_CHANGES_WANTED: frozenset({Role.IND_LIAISON}),
        _A.SIGN: frozenset({Role.AIVD_SIGNER}),
        _A.ISSUE: _AIVD,
        _A.CORRECT: _AIVD,
        _A.WITHDRAW: frozenset({Role.AIVD_OFFICER}),
        _A.SEND_BACK: frozenset({Role.AIVD_SIGNER}),
        _A.EDIT_REMARK: frozenset({Role.IND_LIAISON}),
        _A.WITHDRAW_REMARK: frozenset({Role.IND_LIAISON}),
        _A.HANDLE_REMARK: frozenset({Role.AIVD_OFFICER}),
        _A.VIEW: _AIVD | {Role.IND_LIAISON},
        _A.PRINT: _AIVD,
    }
)

# Actions that change the report and are kept in its history.
RECORDED_ACTIONS = frozenset(set(ReportAction) - {_A.VIEW, _A.PRINT})
# Steps on one remark (which remark, and whose, is checked in domain.annotations).
REMARK_ACTIONS = frozenset({_A.EDIT_REMARK, _A.WITHDRAW_REMARK, _A.HANDLE_REMARK})
# Writing a version: what four eyes looks at.
AUTHORING_ACTIONS = frozenset({_A.CREATE, _A.REVISE})
# Art. 2.5: wrote, revised, submitted, annotated, judged, signed or issued any version. Setting
# the classification and recording a correction shape what the recipients were told, so those
# count too, and so does sending a report back (the signer judged the text) or withdrawing it:
# every recorded action is involvement.
INVOLVING_ACTIONS = RECORDED_ACTIONS


@dataclass(frozen=True, slots=True)
class ReportEvent:
    """One recorded step in a report's life. ``version`` is the version it wrote (create,
    revise) or acted on (all others)."""

    kind: ReportAction
    actor_id: UserId
    version: int
    at: dt.datetime

    def __post_init__(self) -> None:
        if self.kind not in RECORDED_ACTIONS:
            raise ValueError(f"{self.kind} is not a recorded report event")
        if self.version < 1:
            raise ValueError("versions start at 1")


# ---------------------------------------------------------------------------------------------
# Facts derived from the history


def authors(history: Iterable[ReportEvent]) -> frozenset[UserId]:
    """Everyone who wrote a version (four eyes: none of them may sign)."""
    return frozenset(e.actor_id for e in history if e.kind in AUTHORING_ACTIONS)


def involved_user_ids(history: Iterable[ReportEvent]) -> frozenset[UserId]:
    """Art. 2.5: everyone who took part in producing the report (see INVOLVING_ACTIONS)."""
    return frozenset(e.actor_id for e in history if e.kind in INVOLVING_ACTIONS)


def current_version(history: Iterable[ReportEvent]) -> int:
    """The latest version number (0 before the report exists)."""
    return max((e.version for e in history if e.kind in AUTHORING_ACTIONS), default=0)


def next_version(history: Iterable[ReportEvent]) -> int:
    return current_version(history) + 1


def status_from_history(history: Sequence[ReportEvent]) -> ReportStatus | None:
    """Replay the history through the transition table (``None``: no report yet). Raises
    IntegrityFailure when the recorded history could not have happened, e.g. after tampering."""
    status: ReportStatus | None = None
    version = 0
    for n, event in enumerate(history, start=1):
        after = TRANSITIONS.get((status, event.kind))
        expected = version + 1 if event.kind in AUTHORING_ACTIONS else version
        if after is None or event.version != expected:
            raise IntegrityFailure(
                f"De geschiedenis van het ambtsbericht is niet consistent (stap {n})."
            )
        status, version = after, expected
    return status


# ---------------------------------------------------------------------------------------------
# The decision


def _state_message(status: ReportStatus, action: ReportAction) -> str:
    now = f"(status nu: {status.label_nl})"
    if status in (_S.SIGNED, _S.ISSUED) and action in (
        _A.REVISE,
        _A.SET_CLASSIFICATION,
        _A.SUBMIT,
        _A.ANNOTATE,
        _A.VERDICT_USABLE,
        _A.VERDICT_CHANGES_WANTED,
        _A.SIGN,
        _A.WITHDRAW,
        _A.SEND_BACK,
        _A.EDIT_REMARK,
        _A.WITHDRAW_REMARK,
        _A.HANDLE_REMARK,
    ):
        return "Het ambtsbericht is ondertekend; de tekst ligt voorgoed vast."
    if action is _A.CREATE:
        return "Dit ambtsbericht bestaat al; leg wijzigingen vast als een nieuwe versie."
    if action is _A.REVISE:
        # Only in_review is left here: signed and issued were answered above.
        return (
            "De tekst ligt ter beoordeling bij de IND-liaison en is bevroren; herzien kan pas "
            "na het oordeel."
        )
    if action is _A.SET_CLASSIFICATION:
        return (
            "De rubricering kan alleen worden gewijzigd zolang de tekst bewerkbaar is; daarna "
            f"stelt de ondertekenaar haar vast {now}."
        )
    if action is _A.SUBMIT:
        return {
            _S.IN_REVIEW: "Het ambtsbericht ligt al ter beoordeling bij de IND-liaison.",
            _S.CHANGES_WANTED: (
                "De IND-liaison vond aanpassing wenselijk; leg eerst een herziene versie vast."
            ),
            _S.USABLE: "De IND-liaison heeft deze tekst al bruikbaar geoordeeld.",
        }.get(status, f"Het ambtsbericht kan nu niet ter beoordeling worden aangeboden {now}.")
    if action in (_A.ANNOTATE, _A.VERDICT_USABLE, _A.VERDICT_CHANGES_WANTED):
        return (
            "Alleen een tekst die ter beoordeling ligt, kan worden geannoteerd of beoordeeld "
            f"{now}."
        )
    if action is _A.SIGN:
        return (
            "Alleen een tekst die de IND-liaison bruikbaar heeft geoordeeld, kan worden "
            f"ondertekend {now}."
        )
    if action is _A.ISSUE:
        if status is _S.ISSUED:
            return "Het ambtsbericht is al uitgebracht."
        return f"Alleen een ondertekend ambtsbericht kan worden uitgebracht {now}."
    if action is _A.CORRECT:
        return f"Een correctie wordt alleen vastgelegd op een uitgebracht ambtsbericht {now}."
    if action is _A.WITHDRAW:
        return (
            "Alleen een ambtsbericht dat ter beoordeling bij de IND-liaison ligt, kan worden "
            f"ingetrokken {now}."
        )
    if action is _A.SEND_BACK:
        return (
            "Alleen een ambtsbericht dat de IND-liaison bruikbaar heeft geoordeeld en dat nog niet "
            f"is ondertekend, kan worden teruggestuurd {now}."
        )
    if action in (_A.EDIT_REMARK, _A.WITHDRAW_REMARK):
        return (
            "Een opmerking kan alleen worden gewijzigd of ingetrokken zolang de tekst ter "
            f"beoordeling ligt, tot het oordeel {now}."
        )
    return f"Dat kan niet in deze status {now}."  # pragma: no cover - every status allows the rest


def decide(
    status: ReportStatus | None,
    action: ReportAction,
    *,
    actor_id: UserId,
    actor_roles: Iterable[Role],
    history: Sequence[ReportEvent],
    text: str | None = None,
) -> ReportStatus:
    """The status after ``action`` by this actor, or the error that refuses it (nothing is
    changed by calling this). ``status`` is the report's current status, ``None`` when the
    report does not exist yet (only ``create`` is possible then). ``text`` is the current
    version's text: submit and sign refuse one that misses what art. 2.4 requires of every
    finding (``report_content.missing_for_issue``); the services always pass it, a caller that
    only asks about the workflow may leave it out."""
    if status is None and action is not _A.CREATE:
        raise NotFound("Dit ambtsbericht bestaat niet.")
    roles = frozenset(actor_roles)
    require_any_role(roles, ALLOWED_ROLES[action], action.label_nl)
    after = TRANSITIONS.get((status, action))
    if after is None:
        assert status is not None  # (None, CREATE) is in the table
        raise InvalidState(_state_message(status, action))
    if action is _A.SIGN and actor_id in authors(history):
        written = sorted(
            {e.version for e in history if e.kind in AUTHORING_ACTIONS and e.actor_id == actor_id}
        )
        raise FourEyes(
            "Vier-ogenprincipe: u heeft zelf een versie van dit ambtsbericht geschreven "
            f"(versie {', '.join(map(str, written))}) en mag het daarom niet ondertekenen."
        )
    if action in _CONTENT_CHECKED and text is not None:
        missing = missing_for_issue(text)
        if missing is not None:
            # The stored text, not this call's input, is what is lacking: the report is not in
            # a state to take the step until a revised version is saved (exit 1, like the other
            # workflow refusals), hence InvalidState rather than InvalidInput.
            raise InvalidState(f"{_CONTENT_REFUSAL[action]}: {missing}.")
    return after


_CONTENT_CHECKED = frozenset({_A.SUBMIT, _A.SIGN})
_CONTENT_REFUSAL = {
    _A.SUBMIT: "Het ambtsbericht kan niet ter beoordeling worden aangeboden",
    _A.SIGN: "Het ambtsbericht kan niet worden ondertekend",
}


# Where a window offers each step (to a role that may take it): the stage of the workflow it
# belongs to. ``None`` is the report being written, before its first version is saved. Saving
# (revise) and submitting are offered while the text is still open, so the officer sees the
# way forward even where the step is refused (in review: frozen; changes wanted: revise first).
# Printing is offered once signed (the print preview shows the signed text).
_OPEN_TEXT = frozenset({None, _S.DRAFT, _S.IN_REVIEW, _S.CHANGES_WANTED, _S.USABLE})
OFFERED_IN: Mapping[ReportAction, frozenset[ReportStatus | None]] = MappingProxyType(
    {
        _A.CREATE: frozenset({None}),
        _A.REVISE: _OPEN_TEXT,
        _A.SET_CLASSIFICATION: frozenset({None, _S.DRAFT, _S.CHANGES_WANTED}),
        _A.SUBMIT: _OPEN_TEXT,
        _A.ANNOTATE: frozenset({_S.IN_REVIEW}),
        _A.VERDICT_USABLE: frozenset({_S.IN_REVIEW}),
        _A.VERDICT_CHANGES_WANTED: frozenset({_S.IN_REVIEW}),
        _A.SIGN: frozenset({_S.USABLE}),
        _A.ISSUE: frozenset({_S.SIGNED}),
        _A.CORRECT: frozenset({_S.ISSUED}),
        _A.WITHDRAW: frozenset({_S.IN_REVIEW}),
        _A.SEND_BACK: frozenset({_S.USABLE}),
        _A.EDIT_REMARK: frozenset({_S.IN_REVIEW}),
        _A.WITHDRAW_REMARK: frozenset({_S.IN_REVIEW}),
        _A.HANDLE_REMARK: frozenset({_S.DRAFT, _S.IN_REVIEW, _S.CHANGES_WANTED, _S.USABLE}),
        _A.VIEW: frozenset(ReportStatus),
        _A.PRINT: frozenset({_S.SIGNED, _S.ISSUED}),
    }
)

_NOT_SAVED = "Sla het ambtsbericht eerst op als versie 1."
_ONE_REMARK = "Kies eerst een opmerking."


def permissions(
    status: ReportStatus | None,
    *,
    actor_id: UserId,
    actor_roles: Iterable[Role],
    history: Sequence[ReportEvent],
    latest: bool = True,
    text: str | None = None,
) -> Mapping[ReportAction, Permission]:
    """Every step, allowed exactly when ``decide`` allows it, else refused with the sentence
    ``decide`` raises (four eyes included); offered to the roles that may take it, in the stage
    of ``OFFERED_IN``. ``latest=False``: the person looks at an earlier version, which is only
    read (every step refused, the same ones offered). ``text``: the current version's text, as
    ``decide`` takes it."""
    roles = frozenset(actor_roles)
    result: dict[ReportAction, Permission] = {}
    for action in ReportAction:
        offered = bool(ALLOWED_ROLES[action] & roles) and status in OFFERED_IN[action]
        if status is None and action is not _A.CREATE:
            # Nothing to decide on yet; the step comes after the first save.
            result[action] = Permission(False, _NOT_SAVED, offered)
            continue
        if action in REMARK_ACTIONS:
            # A step on one remark: each remark in the view carries its own
            # (``remark_permissions``); for the report as a whole it is not a step.
            result[action] = Permission(False, _ONE_REMARK, False)
            continue
        rule = partial(
            decide,
            status,
            action,
            actor_id=actor_id,
            actor_roles=roles,
            history=history,
            text=text,
        )
        result[action] = check(rule, offered=offered)
    frozen = MappingProxyType(result)
    return frozen if latest else refuse_all(frozen, EARLIER_VERSION)


def remark_permissions(
    status: ReportStatus,
    remark: RemarkFacts,
    *,
    actor_id: UserId,
    actor_roles: Iterable[Role],
    history: Sequence[ReportEvent],
    review_version: int | None,
    latest: bool = True,
) -> Mapping[ReportAction, Permission]:
    """The steps on one remark (edit, withdraw, handle) for this person: the report's rule
    (``decide``) and then the remark's own (``annotations.check_remark_change``)."""
    roles = frozenset(actor_roles)
    result: dict[ReportAction, Permission] = {}
    for action, change in _REMARK_CHANGES.items():
        offered = bool(ALLOWED_ROLES[action] & roles) and status in OFFERED_IN[action]
        offered = offered and not remark.state.withdrawn
        if action is not _A.HANDLE_REMARK:
            offered = offered and remark.author_id == actor_id

        def rule(action: ReportAction = action, change: RemarkChange = change) -> None:
            decide(status, action, actor_id=actor_id, actor_roles=roles, history=history)
            check_remark_change(
                change,
                actor_id=actor_id,
                author_id=remark.author_id,
                remark_version=remark.version,
                review_version=review_version,
                state=remark.state,
            )

        result[action] = check(rule, offered=offered)
    frozen = MappingProxyType(result)
    return frozen if latest else refuse_all(frozen, EARLIER_VERSION)


@dataclass(frozen=True, slots=True)
class RemarkFacts:
    """What the remark rules look at: who placed it, on which version, and how it stands."""

    author_id: UserId
    version: int
    state: RemarkState


_REMARK_CHANGES = {
    _A.EDIT_REMARK: RemarkChange.EDIT,
    _A.WITHDRAW_REMARK: RemarkChange.WITHDRAW,
    _A.HANDLE_REMARK: RemarkChange.HANDLE,
}


def allowed_actions(
    status: ReportStatus | None,
    *,
    actor_id: UserId,
    actor_roles: Iterable[Role],
    history: Sequence[ReportEvent],
    text: str | None = None,
) -> frozenset[ReportAction]:
    """Every action ``decide`` would allow now."""
    granted = permissions(
        status, actor_id=actor_id, actor_roles=actor_roles, history=history, text=text
    )
    return frozenset(a for a, p in granted.items() if p.allowed)


class ReportStep(enum.StrEnum):
    """Where the report stands for this person: what the window's one-line hint says."""

    NEW = "new"
    EARLIER_VERSION = "earlier_version"
    DRAFT_SUBMIT = "draft_submit"  # the officer: save and submit
    SENT_BACK = "sent_back"  # the officer: the signer sent it back (reason in the view)
    WITHDRAWN = "withdrawn"  # the officer: the submission was withdrawn
    DRAFT = "draft"  # others: not yet submitted
    REVIEW_JUDGE = "review_judge"  # the liaison: annotate, then judge
    IN_REVIEW = "in_review"  # others: frozen until the verdict
    CHANGES_WANTED = "changes_wanted"
    USABLE_FOUR_EYES = "usable_four_eyes"  # a signer who wrote a version
    USABLE_REVISE = "usable_revise"  # the officer: a new version sends it back
    USABLE = "usable"
    SIGNED = "signed"
    ISSUED = "issued"


def sent_back(history: Sequence[ReportEvent]) -> ReportAction | None:
    """How a draft came back, when it did: ``send_back`` (the signer) or ``withdraw`` (the
    officer) as the last step that changed the status, else ``None`` (queryable for the work
    queues: a draft the signer returned waits for its officer)."""
    for event in reversed(history):
        if event.kind in (_A.SEND_BACK, _A.WITHDRAW):
            return event.kind
        if event.kind not in REMARK_ACTIONS and event.kind is not _A.SET_CLASSIFICATION:
            return None
    return None


def report_step(
    status: ReportStatus | None,
    granted: Mapping[ReportAction, Permission],
    *,
    latest: bool = True,
    history: Sequence[ReportEvent] = (),
) -> ReportStep:
    """The hint for ``status`` given this person's ``permissions`` (and, for a draft that came
    back, its ``history``)."""
    if status is None:
        return ReportStep.NEW
    if not latest:
        return ReportStep.EARLIER_VERSION
    if status is _S.DRAFT:
        if not granted[_A.SUBMIT].offered:
            return ReportStep.DRAFT
        back = sent_back(history)
        if back is _A.SEND_BACK:
            return ReportStep.SENT_BACK
        if back is _A.WITHDRAW:
            return ReportStep.WITHDRAWN
        return ReportStep.DRAFT_SUBMIT
    if status is _S.IN_REVIEW:
        return ReportStep.REVIEW_JUDGE if granted[_A.ANNOTATE].offered else ReportStep.IN_REVIEW
    if status is _S.CHANGES_WANTED:
        return ReportStep.CHANGES_WANTED
    if status is _S.USABLE:
        sign = granted[_A.SIGN]
        if sign.offered and not sign.allowed:
            return ReportStep.USABLE_FOUR_EYES
        if granted[_A.REVISE].offered:
            return ReportStep.USABLE_REVISE
        return ReportStep.USABLE
    if status is _S.SIGNED:
        return ReportStep.SIGNED
    return ReportStep.ISSUED


# ---------------------------------------------------------------------------------------------
# Who sees which version


def visible_versions(
    actor_roles: Iterable[Role], history: Sequence[ReportEvent]
) -> tuple[int, ...]:
    """Versions this person may read: AIVD roles all of them; the IND liaison those that were
    submitted for review (a draft is shown to the liaison only by submitting it); others none."""
    roles = frozenset(actor_roles)
    if roles & _AIVD:
        return tuple(range(1, current_version(history) + 1))
    if Role.IND_LIAISON in roles:
        return tuple(sorted({e.version for e in history if e.kind is _A.SUBMIT}))
    return ()


def check_version_visible(
    actor_roles: Iterable[Role], history: Sequence[ReportEvent], version: int
) -> None:
    """NotFound for a version that does not exist, Forbidden for one this person may not read."""
    if not 1 <= version <= current_version(history):
        raise NotFound(f"Versie {version} van dit ambtsbericht bestaat niet.")
    roles = frozenset(actor_roles)
    require_any_role(roles, ALLOWED_ROLES[_A.VIEW], _A.VIEW.label_nl)
    if version not in visible_versions(roles, history):
        raise Forbidden(
            f"Versie {version} is niet ter beoordeling aangeboden en is daarom niet zichtbaar "
            "voor de IND-liaison."
        )


# ---------------------------------------------------------------------------------------------
# Work lists


class WorkList(enum.StrEnum):
    MY_DRAFTS = "my_drafts"
    RETURNED_TO_ME = "returned_to_me"
    SUBMITTED_BY_ME = "submitted_by_me"
    AWAITING_MY_REVIEW = "awaiting_my_review"
    JUDGED_BY_ME = "judged_by_me"
    AWAITING_MY_SIGNATURE = "awaiting_my_signature"
    READY_TO_ISSUE = "ready_to_issue"
    ISSUED = "issued"

    @property
    def label_nl(self) -> str:
        return _WORK_LIST_LABELS[self]

    @property
    def rule(self) -> WorkListRule:
        return WORK_LIST_RULES[self]


_WORK_LIST_LABELS = {
    WorkList.MY_DRAFTS: "Mijn concepten",
    WorkList.RETURNED_TO_ME: "Terug bij mij (aanpassing wenselijk of teruggestuurd)",
    WorkList.SUBMITTED_BY_ME: "Aangeboden, wacht op anderen",
    WorkList.AWAITING_MY_REVIEW: "Wacht op mijn beoordeling",
    WorkList.JUDGED_BY_ME: "Door mij beoordeeld, wacht op de AIVD",
    WorkList.AWAITING_MY_SIGNATURE: "Wacht op mijn ondertekening",
    WorkList.READY_TO_ISSUE: "Gereed om uit te brengen",
    WorkList.ISSUED: "Uitgebracht",
}


@dataclass(frozen=True)
class WorkListRule:
    """Who a work list is for and which reports it holds, as data: ``work_lists`` applies it
    to one report's history, ``storage.queues`` turns the same rule into one counting query
    (the dashboard's queues), so the two cannot drift apart.

    A report is in the list for a person with one of ``roles`` when its status is one of
    ``statuses``, the person took one of ``acted`` on it (empty: no such condition) and none
    of ``not_acted``."""

    roles: frozenset[Role]
    statuses: frozenset[ReportStatus]
    acted: frozenset[ReportAction] = frozenset()
    not_acted: frozenset[ReportAction] = frozenset()
    # The report's last hand-over (``HAND_OVERS``) is one of ``last_step`` / none of
    # ``not_last_step`` (empty: no such condition): a draft that came back to its officer.
    last_step: frozenset[ReportAction] = frozenset()
    not_last_step: frozenset[ReportAction] = frozenset()


_VERDICTS = frozenset({_A.VERDICT_USABLE, _A.VERDICT_CHANGES_WANTED})
# The steps that hand a report from one person to the next. A revision is not one: a report the
# liaison or the signer sent back stays "returned" while its officer reworks it, until it is
# submitted again.
HAND_OVERS = frozenset(
    {
        _A.SUBMIT,
        _A.VERDICT_USABLE,
        _A.VERDICT_CHANGES_WANTED,
        _A.WITHDRAW,
        _A.SEND_BACK,
        _A.SIGN,
        _A.ISSUE,
    }
)
# Came back to the officer: the liaison wants changes, or the signer sent it back with a reason.
_CAME_BACK = frozenset({_A.VERDICT_CHANGES_WANTED, _A.SEND_BACK})
# The officer's own reports by stage: still being written, back from the liaison, and the rest
# of the way to the signature (whatever other stage the workflow has there: a status added to
# the workflow lands here rather than in no list).
_OWN_DRAFT = frozenset({_S.DRAFT})
_OWN_RETURNED = frozenset({_S.CHANGES_WANTED})
_OWN_WITH_OTHERS = frozenset(ReportStatus) - _OWN_DRAFT - _OWN_RETURNED - {_S.SIGNED, _S.ISSUED}

WORK_LIST_RULES: Mapping[WorkList, WorkListRule] = MappingProxyType(
    {
        WorkList.MY_DRAFTS: WorkListRule(
            frozenset({Role.AIVD_OFFICER}),
            _OWN_DRAFT,
            acted=AUTHORING_ACTIONS,
            not_last_step=_CAME_BACK,
        ),
        WorkList.RETURNED_TO_ME: WorkListRule(
            frozenset({Role.AIVD_OFFICER}),
            _OWN_RETURNED | _OWN_DRAFT,
            acted=AUTHORING_ACTIONS,
            last_step=_CAME_BACK,
        ),
        WorkList.SUBMITTED_BY_ME: WorkListRule(
            frozenset({Role.AIVD_OFFICER}), _OWN_WITH_OTHERS, acted=AUTHORING_ACTIONS
        ),
        WorkList.AWAITING_MY_REVIEW: WorkListRule(
            frozenset({Role.IND_LIAISON}), frozenset({_S.IN_REVIEW})
        ),
        # What the liaison judged and the AIVD now holds: revising, signing, issuing.
        WorkList.JUDGED_BY_ME: WorkListRule(
            frozenset({Role.IND_LIAISON}),
            frozenset(ReportStatus) - {_S.IN_REVIEW, _S.ISSUED},
            acted=_VERDICTS,
        ),
        # Four eyes: never the text one wrote oneself.
        WorkList.AWAITING_MY_SIGNATURE: WorkListRule(
            frozenset({Role.AIVD_SIGNER}), frozenset({_S.USABLE}), not_acted=AUTHORING_ACTIONS
        ),
        # Officers and signers, once signed (otherwise signed but unissued reports would be in
        # no list).
        WorkList.READY_TO_ISSUE: WorkListRule(_AIVD, frozenset({_S.SIGNED})),
        WorkList.ISSUED: WorkListRule(ALLOWED_ROLES[_A.VIEW], frozenset({_S.ISSUED})),
    }
)

# The lists a role works from: those that can hold anything for it (see ``work_lists``).
WORK_LISTS_FOR_ROLE: Mapping[Role, tuple[WorkList, ...]] = MappingProxyType(
    {
        role: tuple(w for w in WorkList if role in WORK_LIST_RULES[w].roles)
        for role in Role
        if any(role in rule.roles for rule in WORK_LIST_RULES.values())
    }
)


def work_lists_for(roles: Iterable[Role]) -> tuple[WorkList, ...]:
    """The lists a person with ``roles`` works from, in the order of ``WorkList``."""
    wanted = {w for role in roles for w in WORK_LISTS_FOR_ROLE.get(role, ())}
    return tuple(w for w in WorkList if w in wanted)


def in_work_list(
    work_list: WorkList,
    status: ReportStatus,
    *,
    user_id: UserId,
    user_roles: Iterable[Role],
    history: Sequence[ReportEvent],
) -> bool:
    rule = WORK_LIST_RULES[work_list]
    if not rule.roles & frozenset(user_roles) or status not in rule.statuses:
        return False
    mine = {e.kind for e in history if e.actor_id == user_id}
    if rule.acted and not mine & rule.acted:
        return False
    if mine & rule.not_acted:
        return False
    last = last_hand_over(history)
    if rule.last_step and last not in rule.last_step:
        return False
    return last not in rule.not_last_step


def last_hand_over(history: Sequence[ReportEvent]) -> ReportAction | None:
    """The latest of the report's ``HAND_OVERS`` (None before its first submission)."""
    return next((e.kind for e in reversed(history) if e.kind in HAND_OVERS), None)


class VersionState(enum.StrEnum):
    """Where a submitted version stands now: still submitted, or taken back by a step back."""

    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"
    SENT_BACK = "sent_back"


_STEP_STATES = {
    ReportAction.SUBMIT: VersionState.SUBMITTED,
    ReportAction.WITHDRAW: VersionState.WITHDRAWN,
    ReportAction.SEND_BACK: VersionState.SENT_BACK,
}


def version_states(history: Sequence[ReportEvent]) -> dict[int, VersionState]:
    """Each submitted version's state by its last submit, withdrawal or send-back (``history``
    in recorded order); a version never submitted is absent. A version's submission time is
    written once, so it alone cannot tell a withdrawn submission from a current one."""
    states: dict[int, VersionState] = {}
    for event in history:
        state = _STEP_STATES.get(event.kind)
        if state is not None:
            states[event.version] = state
    return states


def work_lists(
    status: ReportStatus,
    *,
    user_id: UserId,
    user_roles: Iterable[Role],
    history: Sequence[ReportEvent],
) -> frozenset[WorkList]:
    """The work lists this report appears in for this person (``WORK_LIST_RULES``): a report
    leaves "my drafts" when it is submitted and comes back to the officer as "returned" when
    the liaison wants changes; the liaison keeps what they judged until it is issued."""
    roles = frozenset(user_roles)
    return frozenset(
        w
        for w in WorkList
        if in_work_list(w, status, user_id=user_id, user_roles=roles, history=history)
    )


# ---------------------------------------------------------------------------------------------
# Texts and their hash

MAX_TEXT_LENGTH = 2_000_000
TITLE_MAX_LENGTH = 200


def canonical_text(text: str) -> str:
    """The form in which version texts are stored: Unicode NFC, line breaks ``\\n``. Storing
    the canonical form makes the signed hash a hash over exactly the stored text, and keeps
    comparisons and annotation offsets stable across platforms and editors."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def validate_version_text(text: str) -> str:
    """A new version's text in canonical form; InvalidInput when empty or absurdly long."""
    canonical = canonical_text(text)
    if not canonical.strip():
        raise InvalidInput("De tekst van het ambtsbericht is leeg.", field="text")
    if len(canonical) > MAX_TEXT_LENGTH:
        raise InvalidInput(
            f"De tekst is te lang (meer dan {MAX_TEXT_LENGTH} tekens).", field="text"
        )
    # Free text: direction controls stay allowed (a quoted Arabic or Hebrew passage needs them).
    return check_text(canonical, field="text", label="De tekst", multiline=True)


def validate_correction(text: str) -> str:
    """The text of a correction after issuing (art. 2.4: every recipient is told)."""
    cleaned = canonical_text(text).strip()
    if not cleaned:
        raise InvalidInput("Een correctie moet beschrijven wat er onjuist was.", field="text")
    return check_text(cleaned, field="text", label="De correctie", multiline=True)


def validate_title(title: str) -> str:
    """A typed title: one line, NFC, whitespace collapsed, held to the rules of a name (it is
    listed, printed and audited beside the reference)."""
    cleaned = collapse(title)
    if not cleaned:
        raise InvalidInput("De titel is leeg.", field="title")
    if len(cleaned) > TITLE_MAX_LENGTH:
        raise InvalidInput(
            f"De titel is te lang (meer dan {TITLE_MAX_LENGTH} tekens).", field="title"
        )
    return check_name(cleaned, field="title", label="De titel")


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the text as signed: UTF-8 bytes of the canonical form (NFC, ``\\n``).
    For a stored (already canonical) text this is the hash of exactly its UTF-8 bytes."""
    return hashlib.sha256(canonical_text(text).encode("utf-8")).hexdigest()


def audit_object(report_id: int) -> str:
    """How the audit names a report ('report:12'), the same for every use case on it."""
    return f"report:{int(report_id)}"


MAX_REASON_LENGTH = 4_000


def validate_reason(text: str | None, *, field: str, required: bool, label: str) -> str | None:
    """A reason given with a step (sending back, withdrawing, the signer's special-case
    decision): trimmed, free text; InvalidInput when required and empty, or too long."""
    cleaned = "" if text is None else canonical_text(text).strip()
    if not cleaned:
        if required:
            raise InvalidInput(f"{label} is verplicht; geef een reden.", field=field)
        return None
    if len(cleaned) > MAX_REASON_LENGTH:
        raise InvalidInput(
            f"{label} is te lang (meer dan {MAX_REASON_LENGTH} tekens).", field=field
        )
    return check_text(cleaned, field=field, label=label, multiline=True)


# Data older than ten years, or whose correctness cannot be established, are provided only as a
# special case decided by the signer (Wiv 2017; domain.md "Content rules").
_SPECIAL_KINDS = frozenset({WarningKind.OLD_DATA, WarningKind.UNKNOWN_RELIABILITY})


@dataclass(frozen=True, slots=True)
class SpecialCase:
    """The signer's decision to provide old or unverifiable data: which findings (1-based),
    why they need it, and the signer's reason."""

    findings: tuple[int, ...]
    grounds: tuple[ContentWarning, ...]
    reason: str

    @property
    def summary_nl(self) -> str:
        """One line for the register, the report's JSON and the printed report."""
        numbers = ", ".join(map(str, self.findings))
        which = f"bevinding {numbers}" if len(self.findings) == 1 else f"bevindingen {numbers}"
        return (
            f"Verstrekt als bijzonder geval ({which}: gegevens ouder dan tien jaar of waarvan de "
            f"juistheid niet vast te stellen is), besluit van de ondertekenaar: {self.reason}"
        )


def special_case_grounds(text: str, *, today: dt.date) -> tuple[ContentWarning, ...]:
    """The findings of ``text`` that may only be provided as a special case: data older than
    ten years on ``today``, or of unknown correctness (empty for free text, which cannot be
    signed anyway)."""
    return tuple(w for w in warnings_for_text(text, today=today) if w.kind in _SPECIAL_KINDS)


def special_case(text: str, *, today: dt.date, reason: str | None) -> SpecialCase | None:
    """The signer's decision for this text: ``None`` when no finding needs one (a reason given
    then is refused, so nothing unasked is put on record); InvalidInput naming the findings when
    one is needed and no reason is given."""
    grounds = special_case_grounds(text, today=today)
    clean = validate_reason(
        reason, field="special_case_reason", required=False, label="De reden van het besluit"
    )
    if not grounds:
        if clean is not None:
            raise InvalidInput(
                "Dit ambtsbericht bevat geen gegevens ouder dan tien jaar of waarvan de juistheid "
                "niet vast te stellen is; er is geen besluit over een bijzonder geval nodig.",
                field="special_case_reason",
            )
        return None
    findings = tuple(sorted({w.finding for w in grounds}))
    if clean is None:
        numbers = ", ".join(map(str, findings))
        raise InvalidInput(
            f"Bevinding {numbers} berust op gegevens ouder dan tien jaar of waarvan de juistheid "
            "niet vast te stellen is. Zulke gegevens worden alleen als bijzonder geval verstrekt, "
            "op besluit van de ondertekenaar: geef uw besluit met de reden.",
            field="special_case_reason",
        )
    return SpecialCase(findings, grounds, clean)

"""What a person may do now, as data the window shows instead of re-deriving it.

A ``Permission`` is the answer to "may this person take this step now?": allowed, or refused
with the sentence that says why (the same sentence the use case would raise). ``offered`` says
whether the step belongs to where the object is now at all (a signer is offered "sign" on a
usable report, refused by four eyes when they wrote a version; nobody is offered "sign" on a
draft). A window hides what is not offered and disables, with the reason as its tooltip, what
is offered but refused. The use cases check again: a permission computed before a change made
elsewhere only leads to the use case's own sentence.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

from desktop_app.domain.errors import AppError, InvalidState
from desktop_app.domain.requests import (
    DelayNotice,
    RequestStatus,
    can_transition,
    check_delay_notice_allowed,
    transition,
)
from desktop_app.domain.roles import Role, require_any_role

__all__ = [
    "ALLOWED",
    "EARLIER_VERSION",
    "Permission",
    "RequestStep",
    "check",
    "refuse_all",
    "refused",
    "request_permissions",
    "role_permission",
    "role_permissions",
]

K = TypeVar("K")


@dataclass(frozen=True, slots=True)
class Permission:
    allowed: bool
    reason: str | None = None  # why not (a Dutch sentence); None when allowed
    offered: bool = True  # the step belongs here; a window hides it otherwise

    def __post_init__(self) -> None:
        if self.allowed == (self.reason is not None):
            raise ValueError("a permission is allowed, or refused with a reason")


ALLOWED = Permission(True)
NOT_OFFERED = "Deze stap hoort hier niet."
EARLIER_VERSION = "U bekijkt een eerdere versie; die is alleen te lezen."


def refused(reason: str, *, offered: bool = True) -> Permission:
    return Permission(False, reason, offered)


def check(rule: Callable[[], object], *, offered: bool = True) -> Permission:
    """The permission a rule gives: allowed when it returns, refused with the sentence of the
    AppError it raises (the rule is the one the use case runs; nothing is duplicated)."""
    try:
        rule()
    except AppError as exc:
        return refused(str(exc), offered=offered)
    return ALLOWED if offered else Permission(True, None, False)


def role_permission(held: Iterable[Role], allowed: Iterable[Role], action_nl: str) -> Permission:
    """A step that only needs a role: offered to those who hold it."""
    result = check(lambda: require_any_role(held, allowed, action_nl))
    return result if result.allowed else refused(result.reason or NOT_OFFERED, offered=False)


def role_permissions(
    held: Iterable[Role], table: Mapping[K, tuple[Iterable[Role], str]]
) -> Mapping[K, Permission]:
    """:func:`role_permission` for every step of a table step -> (the roles that take it, what
    it is called in the refusal)."""
    roles = frozenset(held)
    return MappingProxyType(
        {step: role_permission(roles, allowed, nl) for step, (allowed, nl) in table.items()}
    )


def refuse_all(permissions: Mapping[K, Permission], reason: str) -> Mapping[K, Permission]:
    """Every step refused with ``reason``, each still offered where it was (a window shows an
    earlier version read-only with the same buttons, disabled)."""
    return MappingProxyType({k: refused(reason, offered=p.offered) for k, p in permissions.items()})


# ---------------------------------------------------------------------------------------------
# Requests (art. 2.2-2.3): the steps the officer takes on one request


class RequestStep(enum.StrEnum):
    START = "start"
    NOTIFY_DELAY = "notify_delay"
    CLOSE_NO_DATA = "close_no_data"
    DRAFT_REPORT = "draft_report"


def _transition_rule(status: RequestStatus, target: RequestStatus) -> Callable[[], object]:
    return lambda: transition(status, target)


def _notice_rule(status: RequestStatus, notice: DelayNotice | None) -> Callable[[], object]:
    # The rule the service runs (domain.requests.check_delay_notice_allowed): open, and once.
    return lambda: check_delay_notice_allowed(status, notice)


def _draft_rule(status: RequestStatus) -> Callable[[], object]:
    """A report is drafted for a request that is not yet being answered (drafting takes a
    received request in progress on the way, see services.reports)."""

    def rule() -> None:
        if not (
            status is RequestStatus.RECEIVED
            or can_transition(status, RequestStatus.REPORT_IN_PREPARATION)
        ):
            raise InvalidState(
                "Voor dit verzoek kan geen ambtsbericht meer worden opgesteld "
                f"(status nu: {status.label_nl})."
            )

    return rule


def request_permissions(
    status: RequestStatus,
    *,
    roles: Iterable[Role],
    handlers: Iterable[Role],
    notice: DelayNotice | None = None,
) -> Mapping[RequestStep, Permission]:
    """The steps on a request in ``status`` (with its delay ``notice``, if one was recorded);
    ``handlers`` are the roles that take them (the request service's own set, passed in so it is
    written once)."""
    held, allowed = frozenset(roles), frozenset(handlers)
    if not held & allowed:
        role = role_permission(held, allowed, "een verzoek behandelen")
        return MappingProxyType({step: role for step in RequestStep})
    rules = {
        RequestStep.START: _transition_rule(status, RequestStatus.IN_PROGRESS),
        RequestStep.NOTIFY_DELAY: _notice_rule(status, notice),
        RequestStep.CLOSE_NO_DATA: _transition_rule(status, RequestStatus.CLOSED_NO_DATA),
        RequestStep.DRAFT_REPORT: _draft_rule(status),
    }
    return MappingProxyType({step: check(rule) for step, rule in rules.items()})

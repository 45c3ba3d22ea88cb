"""What the signed-in person may do outside one report: which sections of the window they see,
whether they may register requests or provisions, the steps on one request, adding underlying
data. Built from each use case's own role set (and the domain's rules), so the window copies
none of them. No database work: everything here follows from the session's user and the
object's status the caller already holds.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from desktop_app.domain import accounts
from desktop_app.domain.actions import (
    ALLOWED,
    Permission,
    RequestStep,
    check,
    refused,
    request_permissions,
    role_permissions,
)
from desktop_app.domain.consultations import ActionPoint, require_open
from desktop_app.domain.designations import require_begun, require_running
from desktop_app.domain.queues import QUEUES_FOR_ROLE
from desktop_app.domain.reports import ALLOWED_ROLES, ReportAction, ReportStatus, WorkList
from desktop_app.domain.reports import work_lists_for as _work_lists_for
from desktop_app.domain.requests import DelayNotice, RequestStatus
from desktop_app.domain.roles import ADMIN_ONLY, Role
from desktop_app.services import (
    consultations,
    covenant,
    evidence,
    inspections,
    provisions,
    requests,
    stats,
    users,
)
from desktop_app.services.records import DesignationRecord
from desktop_app.services.session import Session
from desktop_app.services.users import UserView

__all__ = [
    "AccountStep",
    "Area",
    "DesignationStep",
    "Step",
    "UserActions",
    "account_actions",
    "designation_actions",
    "evidence_add",
    "may_be_designated",
    "request_actions",
    "user_actions",
]


class Area(enum.StrEnum):
    """The sections of the window, each readable by the roles its use cases serve."""

    DASHBOARD = "dashboard"
    REQUESTS = "requests"
    REPORTS = "reports"
    PROVISIONS = "provisions"
    INSPECTION = "inspection"
    STATISTICS = "statistics"
    CONSULTATIONS = "consultations"
    COVENANT = "covenant"
    ADMIN = "admin"


_AREA_READERS: Mapping[Area, tuple[Iterable[Role], str]] = MappingProxyType(
    {
        # Every role with a work queue (issue 12); the deadlines on it for request readers.
        Area.DASHBOARD: (QUEUES_FOR_ROLE, "het overzicht bekijken"),
        Area.REQUESTS: (requests.READERS, "verzoeken bekijken"),
        Area.REPORTS: (ALLOWED_ROLES[ReportAction.VIEW], ReportAction.VIEW.label_nl),
        Area.PROVISIONS: (provisions.READERS, "verstrekkingenregister bekijken"),
        Area.INSPECTION: (inspections.INSPECTOR_ROLES, "inzage in onderliggende gegevens"),
        Area.STATISTICS: (stats.READERS, "statistiek bekijken"),
        Area.CONSULTATIONS: (consultations.READERS, "overleggen bekijken"),
        Area.COVENANT: (covenant.PUBLIC_READERS, "het convenantregister bekijken"),
        Area.ADMIN: (ADMIN_ONLY, "beheren"),
    }
)


class Step(enum.StrEnum):
    """Steps a section offers outside one object."""

    REGISTER_REQUEST = "register_request"  # and import a list
    RECORD_PROVISION = "record_provision"
    HANDLE_REQUESTS = "handle_requests"
    LIST_EVIDENCE = "list_evidence"
    ADD_EVIDENCE = "add_evidence"
    READ_INSPECTIONS = "read_inspections"
    READ_DEADLINES = "read_deadlines"  # the dashboard's deadline tiles
    RECORD_CONSULTATION = "record_consultation"


_STEP_ROLES: Mapping[Step, tuple[Iterable[Role], str]] = MappingProxyType(
    {
        Step.REGISTER_REQUEST: (requests.INTAKE, "verzoek registreren"),
        Step.RECORD_PROVISION: (provisions.WRITERS, "verstrekking vastleggen"),
        Step.HANDLE_REQUESTS: (requests.HANDLERS, "verzoek in behandeling nemen"),
        Step.LIST_EVIDENCE: (evidence.LIST_ROLES, "onderliggende gegevens bekijken"),
        Step.ADD_EVIDENCE: (evidence.ADD_ROLES, "onderliggende gegevens toevoegen"),
        Step.READ_INSPECTIONS: (inspections.READER_ROLES, "de inzagegeschiedenis bekijken"),
        Step.READ_DEADLINES: (requests.READERS, "termijnoverzicht bekijken"),
        Step.RECORD_CONSULTATION: (consultations.RECORDERS, "overleg vastleggen"),
    }
)


@dataclass(frozen=True)
class UserActions:
    areas: Mapping[Area, Permission]
    steps: Mapping[Step, Permission]
    work_lists: tuple[WorkList, ...]  # the report lists this person works from

    def sees(self, area: Area | str) -> bool:
        return self.areas[Area(area)].allowed

    def may(self, step: Step) -> bool:
        return self.steps[step].allowed


def user_actions(session: Session) -> UserActions:
    roles = session.user.roles
    return UserActions(
        areas=role_permissions(roles, _AREA_READERS),
        steps=role_permissions(roles, _STEP_ROLES),
        work_lists=_work_lists_for(roles),
    )


def request_actions(
    session: Session, status: RequestStatus, notice: DelayNotice | None = None
) -> Mapping[RequestStep, Permission]:
    """The steps on one request in ``status`` (with its delay ``notice``) for this person."""
    return request_permissions(
        status, roles=session.user.roles, handlers=requests.HANDLERS, notice=notice
    )


def action_point_done(action: ActionPoint) -> Permission:
    """Marking an action point of a consultation done: once (the rule
    ``services.consultations.mark_action_done`` runs). Who may is ``Step.RECORD_CONSULTATION``."""
    return check(lambda: require_open(action))


def evidence_add(status: ReportStatus, *, corrections: int) -> Permission:
    """Whether underlying data can be added to a report in ``status``: while it is prepared,
    and once issued only to a recorded correction (the rule ``services.evidence.add_evidence``
    enforces). Who may add is ``Step.ADD_EVIDENCE``."""
    if status is not ReportStatus.ISSUED or corrections:
        return ALLOWED
    return refused(
        "Het ambtsbericht is uitgebracht; de onderliggende gegevens liggen vast. Leg eerst een "
        "correctie vast om er gegevens bij te voegen."
    )


def may_be_designated(roles: Iterable[Role]) -> bool:
    """Art. 2.5: only an IND inspector is designated by the Hoofddirecteur IND (the rule
    ``services.users.designate`` enforces)."""
    return Role.IND_INSPECTOR in frozenset(roles)


class AccountStep(enum.StrEnum):
    """What Beheer › Gebruikers offers on one account."""

    EDIT = "edit"
    DEACTIVATE = "deactivate"
    ACTIVATE = "activate"
    RESET_PASSWORD = "reset_password"  # noqa: S105 (a step name)
    UNLOCK = "unlock"


def account_actions(session: Session, view: UserView) -> Mapping[AccountStep, Permission]:
    """The steps on one account for the signed-in administrator, from the rules the use cases
    in ``services.users`` run (Deblokkeren only for a locked account, and so on)."""
    r = view.record
    me = session.user.name

    def deactivate() -> None:
        accounts.require_active(r.active, r.name)
        accounts.require_not_self(r.name, me, users.NOT_SELF_DEACTIVATE)

    def reset() -> None:
        accounts.require_active(r.active, r.name)
        accounts.require_not_self(r.name, me, users.NOT_SELF_RESET)

    return MappingProxyType(
        {
            AccountStep.EDIT: ALLOWED,
            AccountStep.DEACTIVATE: check(deactivate),
            AccountStep.ACTIVATE: check(lambda: accounts.require_inactive(r.active, r.name)),
            AccountStep.RESET_PASSWORD: check(reset),
            AccountStep.UNLOCK: check(lambda: accounts.require_locked(view.locked, r.name)),
        }
    )


class DesignationStep(enum.StrEnum):
    END = "end"
    REVOKE = "revoke"


def designation_actions(
    designation: DesignationRecord, today: dt.date
) -> Mapping[DesignationStep, Permission]:
    """Ending early needs a designation that counts today or later and has begun (else it is
    revoked); revoking needs one that still counts (the rules ``services.users`` runs)."""

    def end() -> None:
        require_running(designation, today)
        require_begun(designation, today)

    return MappingProxyType(
        {
            DesignationStep.END: check(end),
            DesignationStep.REVOKE: check(lambda: require_running(designation, today)),
        }
    )

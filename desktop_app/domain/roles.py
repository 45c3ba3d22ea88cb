"""Roles (shared/spec/domain.md) and what each may do."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from desktop_app.domain.choices import parse_choice
from desktop_app.domain.errors import Forbidden, InvalidInput


class Role(enum.StrEnum):
    AIVD_OFFICER = "aivd_officer"
    AIVD_SIGNER = "aivd_signer"
    IND_LIAISON = "ind_liaison"
    IND_INSPECTOR = "ind_inspector"
    ADMIN = "admin"

    @property
    def label_nl(self) -> str:
        return _LABELS_NL[self]

    @classmethod
    def parse(cls, value: str) -> Role:
        return parse_choice(cls, value, unknown="Onbekende rol", field="role")


_LABELS_NL = {
    Role.AIVD_OFFICER: "AIVD-behandelaar",
    Role.AIVD_SIGNER: "AIVD-ondertekenaar",
    Role.IND_LIAISON: "IND-liaison",
    Role.IND_INSPECTOR: "IND-inzagemedewerker",
    Role.ADMIN: "Functioneel beheerder",
}


def validate_role_set(roles: Iterable[Role]) -> frozenset[Role]:
    """A person may hold several roles, but the administrator's need-to-know separation means
    the admin role is never combined with a role that sees report content, and no account
    holds roles of both services."""
    role_set = frozenset(roles)
    if not role_set:
        raise InvalidInput("Een gebruiker heeft ten minste één rol.", field="role")
    if Role.ADMIN in role_set and len(role_set) > 1:
        raise InvalidInput(
            "De rol functioneel beheerder kan niet worden gecombineerd met een andere rol "
            "(need-to-know).",
            field="role",
        )
    if role_set & AIVD_ROLES and role_set & IND_ROLES:
        raise InvalidInput(ROLE_CONFLICT, field="role")
    return role_set


# The workstation's own upkeep (accounts, calendar, settings, back-ups): the administrator's.
ADMIN_ONLY = frozenset({Role.ADMIN})
AIVD_ROLES = frozenset({Role.AIVD_OFFICER, Role.AIVD_SIGNER})
# Art. 2.5 gives inspection only to staff designated by the Hoofddirecteur of the IND, and the
# liaison's review is the IND's own: neither can be done by someone who also writes or signs
# for the AIVD.
IND_ROLES = frozenset({Role.IND_LIAISON, Role.IND_INSPECTOR})
# The covenant's governance (art. 3-5: consultations, implementation plans, amendments, the
# register and its annex) is the heads' business; in the workstation each service is represented
# by the people who already answer for the covenant's daily work towards their head: the AIVD's
# signer and the IND's liaison. The administrator holds no content role (need-to-know) and sees
# the register's public facts only.
GOVERNANCE_ROLES = frozenset({Role.AIVD_SIGNER, Role.IND_LIAISON})
ROLE_CONFLICT = (
    "Eén account kan niet zowel een AIVD-rol (behandelaar, ondertekenaar) als een IND-rol "
    "(liaison, inzagemedewerker) hebben: de beoordeling en de inzage zijn van de IND "
    "(art. 2.5)."
)


def role_conflict(roles: Iterable[Role]) -> str | None:
    """Why a stored role set breaks the separation rules, or None: accounts made before the
    rules existed may hold such a set; they are reported, never silently changed."""
    try:
        validate_role_set(roles)
    except InvalidInput as exc:
        return exc.message
    return None


def require_any_role(held: Iterable[Role], allowed: Iterable[Role], action: str) -> None:
    held_set = set(held)
    allowed_set = set(allowed)
    if not held_set & allowed_set:
        names = ", ".join(sorted(r.label_nl for r in allowed_set))
        raise Forbidden(f"U mag '{action}' niet uitvoeren; daarvoor is de rol {names} nodig.")

"""Translatable display names for domain values (the domain's Dutch labels are the source)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.accounts import Location
from desktop_app.domain.classification import Classification
from desktop_app.domain.roles import Role
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP

_ROLE = {
    Role.AIVD_OFFICER: QT_TRANSLATE_NOOP("labels", "AIVD-behandelaar"),
    Role.AIVD_SIGNER: QT_TRANSLATE_NOOP("labels", "AIVD-ondertekenaar"),
    Role.IND_LIAISON: QT_TRANSLATE_NOOP("labels", "IND-liaison"),
    Role.IND_INSPECTOR: QT_TRANSLATE_NOOP("labels", "IND-inzagemedewerker"),
    Role.ADMIN: QT_TRANSLATE_NOOP("labels", "Functioneel beheerder"),
}

_LOCATION = {
    Location.AIVD: QT_TRANSLATE_NOOP("labels", "AIVD-kantoor"),
    Location.IND: QT_TRANSLATE_NOOP("labels", "IND"),
    Location.OTHER: QT_TRANSLATE_NOOP("labels", "elders"),
}

# Official markings (VIR-BI) stay as they are in every language.
ROLE_ORDER = (Role.AIVD_OFFICER, Role.AIVD_SIGNER, Role.IND_LIAISON, Role.IND_INSPECTOR, Role.ADMIN)


def tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def role_label(role: Role) -> str:
    return tr(_ROLE[role])


def roles_label(roles: Iterable[Role]) -> str:
    held = set(roles)
    return ", ".join(role_label(r) for r in ROLE_ORDER if r in held)


def location_label(value: str) -> str:
    try:
        return tr(_LOCATION[Location(value)])
    except ValueError:
        return value


def clearance_label(level: Classification) -> str:
    return level.marking

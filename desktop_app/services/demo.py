"""The demo workspace of ``make run``: a throwaway folder with a few accounts, no real data.

Qt-free, built only from the services, so later issues can add demo requests and reports here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.classification import Classification
from desktop_app.domain.roles import Role
from desktop_app.services import users
from desktop_app.services.session import Environment
from desktop_app.services.workspace import init_workspace, open_session

BANNER = "DEMO — oefenwerkplek, geen echte gegevens"


@dataclass(frozen=True)
class DemoAccount:
    name: str
    full_name: str
    password: str
    roles: frozenset[Role]
    clearance: Classification


# The README lists these passwords: the demo holds nothing worth protecting.
DEMO_ADMIN = DemoAccount("beheer", "Bas de Beheerder", "demo-beheer",
                         frozenset({Role.ADMIN}), Classification.ONGERUBRICEERD)
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DEMO_ADMIN,
    DemoAccount("officier", "Olga Officier", "demo-officier",
                frozenset({Role.AIVD_OFFICER}), Classification.STG_GEHEIM),
    DemoAccount("tekenaar", "Teun Tekenaar", "demo-tekenaar",
                frozenset({Role.AIVD_SIGNER}), Classification.STG_ZEER_GEHEIM),
    DemoAccount("liaison", "Lotte Liaison", "demo-liaison",
                frozenset({Role.IND_LIAISON}), Classification.STG_GEHEIM),
    DemoAccount("inspecteur", "Ivo Inspecteur", "demo-inspecteur",
                frozenset({Role.IND_INSPECTOR}), Classification.STG_GEHEIM),
)
DEMO_DECISION = "HDIND-DEMO/0001"


def create_demo_workspace(
    env: Environment, root: Path, *, kdf_profile: str = "interactive"
) -> dict[str, str]:
    """Initialise a workspace in the empty folder ``root`` with the demo accounts; returns
    name -> password. The inspector gets a designation that is current today."""
    init_workspace(env, root, admin_name=DEMO_ADMIN.name, admin_password=DEMO_ADMIN.password,
                   full_name=DEMO_ADMIN.full_name, location="aivd", kdf_profile=kdf_profile)
    with open_session(env, root, DEMO_ADMIN.name, DEMO_ADMIN.password) as session:
        for account in DEMO_ACCOUNTS:
            if account is DEMO_ADMIN:
                continue
            users.add_user(session, name=account.name, password=account.password,
                           roles=account.roles, full_name=account.full_name,
                           clearance=account.clearance)
        today = env.clock.today()
        users.designate(session, name="inspecteur", decision_ref=DEMO_DECISION,
                        valid_from=today - dt.timedelta(days=30),
                        valid_until=today + dt.timedelta(days=365))
    return {account.name: account.password for account in DEMO_ACCOUNTS}

"""init and rebind: making a workspace and binding it to this workstation's keyring again."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.services.workspace import init_workspace, rebind_workstation

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_init(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    password = ctx.secret(f"Nieuw wachtwoord voor {ns.admin}", confirm=True)
    result = init_workspace(
        ctx.env,
        ctx.data_dir,
        admin_name=ns.admin,
        admin_password=password,
        full_name=ns.full_name,
        location=ns.location,
        kdf_profile=ns.kdf_profile,
    )
    ctx.say(f"Werkplek aangemaakt in {result.data_dir}.")
    ctx.say("HERSTELSLEUTEL (wordt maar één keer getoond; schrijf hem op en bewaar hem veilig):")
    ctx.say(f"    {result.recovery_key}")
    return {"data_dir": str(result.data_dir), "recovery_key": result.recovery_key}


def cmd_rebind(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    recovery_key = ctx.secret("Herstelsleutel")
    count = rebind_workstation(ctx.env, ctx.data_dir, recovery_key)
    return {"ok": True, "users": count}


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    p = sub.add_parser("init", help="een nieuwe werkplek aanmaken")
    p.add_argument("--admin", required=True)
    p.add_argument("--full-name")
    p.add_argument("--location", default="aivd", choices=["aivd", "ind", "other"])
    p.add_argument("--kdf-profile", default="interactive", choices=["interactive", "test"])
    handlers["init"] = cmd_init

    sub.add_parser("rebind", help="werkplek opnieuw aan de sleutelring koppelen (herstelsleutel)")
    handlers["rebind"] = cmd_rebind

"""init and rebind: making a workspace and binding it to this workstation's keyring again; and
(an extension) ``workspace rekey`` and ``workspace new-recovery-key``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.cli.context import Commands
from desktop_app.services.workspace import (
    init_workspace,
    new_recovery_key,
    rebind_workstation,
    rotate_database_key,
)

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


def _say_need_new_password(ctx: Context, names: tuple[str, ...]) -> None:
    """The accounts a new database key left without a usable password (rekey, a new recovery
    key: both replace the key)."""
    if names:
        ctx.say(
            "Deze accounts hebben zich sinds de vorige versie niet aangemeld en hebben een nieuw "
            "wachtwoord nodig (werkplek user reset-password): " + ", ".join(names)
        )


def cmd_rekey(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        result = rotate_database_key(session, session.sign_in_proof())
    ctx.say(
        f"De databasesleutel is vervangen ({result.users} accounts, "
        f"{result.signing_keys} ondertekeningssleutels opnieuw verpakt). De herstelsleutel "
        "blijft dezelfde."
    )
    _say_need_new_password(ctx, result.need_new_password)
    return result.as_dict()


def cmd_new_recovery_key(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        result = new_recovery_key(session, session.sign_in_proof())
    ctx.say("NIEUWE HERSTELSLEUTEL (wordt maar één keer getoond; de vorige werkt niet meer):")
    ctx.say(f"    {result.recovery_key}")
    ctx.say(
        "De databasesleutel is tegelijk vervangen, zodat de vorige herstelsleutel niets van de "
        "huidige werkplek meer opent. Back-ups die eerder zijn gemaakt openen alleen met de "
        "herstelsleutel van toen: bewaar die zolang u die back-ups bewaart."
    )
    _say_need_new_password(ctx, result.rekey.need_new_password)
    return result.as_dict()


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    top = Commands(sub, handlers)
    p = top.add("init", cmd_init, help="een nieuwe werkplek aanmaken")
    p.add_argument("--admin", required=True)
    p.add_argument("--full-name")
    p.add_argument("--location", default="aivd", choices=["aivd", "ind", "other"])
    p.add_argument("--kdf-profile", default="interactive", choices=["interactive", "test"])

    top.add(
        "rebind", cmd_rebind, help="werkplek opnieuw aan de sleutelring koppelen (herstelsleutel)"
    )

    ws = Commands(sub, handlers, "workspace")
    ws.add("rekey", cmd_rekey, help="de databasesleutel vervangen (PRAGMA rekey)")
    ws.add("new-recovery-key", cmd_new_recovery_key, help="een nieuwe herstelsleutel uitgeven")

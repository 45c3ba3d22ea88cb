"""user add|list|unlock, passwd, designate."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import optional_date
from desktop_app.cli.context import UsageError
from desktop_app.domain.classification import Classification
from desktop_app.domain.roles import Role
from desktop_app.services import users
from desktop_app.services.workspace import open_session

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_user_add(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        password = ctx.secret(f"Wachtwoord voor de nieuwe gebruiker {ns.name}", confirm=True)
        record = users.add_user(
            session,
            name=ns.name,
            password=password,
            roles=[Role.parse(r) for r in ns.role],
            full_name=ns.full_name,
            clearance=Classification.parse(ns.clearance),
        )
    return {
        "id": int(record.id),
        "name": record.name,
        "roles": sorted(r.value for r in record.roles),
        "clearance": record.clearance.code,
    }


def cmd_user_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        items = [view.as_dict() for view in users.list_users(session)]
    return {"items": items}


def cmd_user_unlock(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        was_locked = users.unlock_user(session, ns.name)
    return {"name": ns.name, "unlocked": True, "was_locked": was_locked}


def cmd_passwd(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    if not ctx.user:
        raise UsageError("Geef met --user aan wiens wachtwoord u wijzigt.")
    current = ctx.secret(f"Wachtwoord van {ctx.user}")
    with open_session(ctx.env, ctx.data_dir, ctx.user, current) as session:
        new = ctx.secret("Nieuw wachtwoord", confirm=True)
        users.change_password(session, current, new)
    return {"ok": True}


def cmd_designate(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    valid_from = optional_date(ns.valid_from, "from")
    valid_until = optional_date(ns.valid_until, "until")
    with ctx.open_session() as session:
        d = users.designate(
            session,
            name=ns.name,
            decision_ref=ns.decision,
            valid_from=valid_from,
            valid_until=valid_until,
        )
    return {
        "id": int(d.id),
        "user": d.user_name,
        "decision": d.decision_ref,
        "from": d.valid_from.isoformat(),
        "until": None if d.valid_until is None else d.valid_until.isoformat(),
    }


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    user = sub.add_parser("user", help="gebruikers beheren")
    user_sub = user.add_subparsers(dest="subcommand", required=True)
    p = user_sub.add_parser("add")
    p.add_argument("name")
    p.add_argument("--role", action="append", required=True)
    p.add_argument("--full-name")
    p.add_argument("--clearance", default="ongerubriceerd")
    handlers["user add"] = cmd_user_add
    user_sub.add_parser("list")
    handlers["user list"] = cmd_user_list
    p = user_sub.add_parser("unlock")
    p.add_argument("name")
    handlers["user unlock"] = cmd_user_unlock

    sub.add_parser("passwd", help="eigen wachtwoord wijzigen")
    handlers["passwd"] = cmd_passwd

    p = sub.add_parser("designate", help="aanwijzing door de Hoofddirecteur IND vastleggen")
    p.add_argument("name")
    p.add_argument("--decision", required=True)
    p.add_argument("--from", dest="valid_from")
    p.add_argument("--until", dest="valid_until")
    handlers["designate"] = cmd_designate

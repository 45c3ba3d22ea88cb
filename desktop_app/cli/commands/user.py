"""user add|list|unlock|edit|deactivate|activate|reset-password, passwd, designate,
designation end|revoke|history."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import optional_classification, optional_date, record_id
from desktop_app.cli.context import Commands, UsageError
from desktop_app.cli.payloads import listed
from desktop_app.domain.accounts import password_rules
from desktop_app.domain.classification import Classification
from desktop_app.domain.roles import Role
from desktop_app.services import users
from desktop_app.services.workspace import open_session

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_user_add(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        password = ctx.secret(
            f"Wachtwoord voor de nieuwe gebruiker {ns.name} ({password_rules()})", confirm=True
        )
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
        found = users.list_users(session)
    return listed(ctx, found)


def cmd_user_unlock(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        was_locked = users.unlock_user(session, ns.name)
    return {"name": ns.name, "unlocked": True, "was_locked": was_locked}


def cmd_passwd(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    if not ctx.user:
        raise UsageError("Geef met --user aan wiens wachtwoord u wijzigt.")
    current = ctx.secret(f"Wachtwoord van {ctx.user}")
    with open_session(ctx.env, ctx.data_dir, ctx.user, current) as session:
        new = ctx.secret(f"Nieuw wachtwoord ({password_rules()})", confirm=True)
        users.change_password(session, current, new)
    return {"ok": True}


def _user_out(record: Any) -> dict[str, Any]:
    return {
        "id": int(record.id),
        "name": record.name,
        "full_name": record.full_name,
        "roles": sorted(r.value for r in record.roles),
        "clearance": record.clearance.code,
        "active": record.active,
    }


def cmd_user_edit(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    if ns.full_name is None and ns.role is None and ns.clearance is None:
        raise UsageError("Geef --full-name, --role of --clearance: wat moet er veranderen?")
    roles = None if ns.role is None else [Role.parse(r) for r in ns.role]
    clearance = optional_classification(ns.clearance)
    with ctx.open_session() as session:
        record = users.edit_user(
            session, ns.name, full_name=ns.full_name, roles=roles, clearance=clearance
        )
    return _user_out(record)


def cmd_user_deactivate(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        record = users.deactivate_user(session, ns.name)
    return _user_out(record)


def _initial_password(ctx: Context, name: str) -> str:
    """The initial password the administrator sets for ``name`` (activate, reset-password);
    the user chooses their own at the next sign-in."""
    return ctx.secret(f"Nieuw beginwachtwoord voor {name} ({password_rules()})", confirm=True)


def cmd_user_activate(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        record = users.activate_user(session, ns.name, _initial_password(ctx, ns.name))
    return {**_user_out(record), "initial_password": True}


def cmd_user_reset_password(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        users.reset_password(session, ns.name, _initial_password(ctx, ns.name))
    return {"name": ns.name, "initial_password": True}


def cmd_designation_end(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    until = optional_date(ns.until, "until")
    with ctx.open_session() as session:
        d = users.end_designation(
            session, ns.name, decision_ref=ns.decision, until=until, designation_id=ns.id
        )
    return {**users.designation_dict(d), "ended_by": " ".join(ns.decision.split())}


def cmd_designation_revoke(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        d = users.revoke_designation(
            session, ns.name, decision_ref=ns.decision, designation_id=ns.id
        )
    return {**users.designation_dict(d), "revoked_by": " ".join(ns.decision.split())}


def cmd_designation_history(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        items = [h.as_dict() for h in users.designation_history(session, ns.name)]
    return {"name": ns.name, "items": items}


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
    return users.designation_dict(d)


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    user_sub = Commands(sub, handlers, "user")
    p = user_sub.add("add", cmd_user_add)
    p.add_argument("name")
    p.add_argument("--role", action="append", required=True)
    p.add_argument("--full-name")
    p.add_argument("--clearance", default="ongerubriceerd")
    user_sub.add("list", cmd_user_list)
    p = user_sub.add("unlock", cmd_user_unlock)
    p.add_argument("name")

    p = user_sub.add("edit", cmd_user_edit)
    p.add_argument("name")
    p.add_argument("--full-name")
    p.add_argument("--role", action="append", help="de nieuwe rollen (vervangt alle rollen)")
    p.add_argument("--clearance")
    for name, handler in (
        ("deactivate", cmd_user_deactivate),
        ("activate", cmd_user_activate),
        ("reset-password", cmd_user_reset_password),
    ):
        user_sub.add(name, handler).add_argument("name")

    top = Commands(sub, handlers)
    top.add("passwd", cmd_passwd, help="eigen wachtwoord wijzigen")

    p = top.add("designate", cmd_designate, help="aanwijzing door de Hoofddirecteur IND vastleggen")
    p.add_argument("name")
    p.add_argument("--decision", required=True)
    p.add_argument("--from", dest="valid_from")
    p.add_argument("--until", dest="valid_until")

    group_sub = Commands(sub, handlers, "designation")
    p = group_sub.add("end", cmd_designation_end)
    p.add_argument("name")
    p.add_argument("--decision", required=True)
    p.add_argument("--until")
    p.add_argument("--id", type=record_id)
    p = group_sub.add("revoke", cmd_designation_revoke)
    p.add_argument("name")
    p.add_argument("--decision", required=True)
    p.add_argument("--id", type=record_id)
    p = group_sub.add("history", cmd_designation_history)
    p.add_argument("name")

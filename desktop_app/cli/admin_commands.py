"""init, version, user, passwd, designate, audit, backup, restore, rebind."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app import __version__
from desktop_app.cli.args import optional_date
from desktop_app.domain.classification import Classification
from desktop_app.domain.roles import Role
from desktop_app.services import admin, audit, users
from desktop_app.services.workspace import init_workspace, rebind_workstation

if TYPE_CHECKING:
    from desktop_app.cli.main import Context


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


def cmd_version(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    return {"version": __version__}


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
        from desktop_app.cli.main import UsageError

        raise UsageError("Geef met --user aan wiens wachtwoord u wijzigt.")
    current = ctx.secret(f"Wachtwoord van {ctx.user}")
    from desktop_app.services.workspace import open_session

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


def cmd_audit_verify(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        report = audit.verify_audit(session, ns.anchor)
    chain = report.chain
    if report.ok:
        ctx.say(f"OK {chain.entries} vermeldingen; kop {chain.head}")
        return {"ok": True, "entries": chain.entries, "head": chain.head}
    if not chain.ok:
        message = f"Audittrail ongeldig bij vermelding {chain.bad_seq}: {chain.reason}."
    else:
        message = "De database is beschadigd: " + "; ".join(report.storage_problems[:3])
    ctx.say(f"FOUT: {message}")
    return {
        "_exit": 4,
        "ok": False,
        "entries": chain.entries,
        "head": chain.head,
        "first_bad": chain.bad_seq,
        "reason": message,
        "error": {"code": "integrity", "message": message},
    }


def cmd_audit_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        entries = audit.list_audit(session, ns.limit)
    return {"items": [e.as_dict() for e in entries]}


def cmd_backup(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        return admin.make_backup(session, ns.out)


def cmd_restore(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    recovery_key = ctx.secret("Herstelsleutel")
    password = ctx.secret(f"Nieuw wachtwoord voor {ns.admin}", confirm=True)
    result = admin.restore_workspace(
        ctx.env,
        ns.file,
        ctx.data_dir,
        admin_name=ns.admin,
        recovery_key=recovery_key,
        new_password=password,
    )
    return {"ok": True, **result}


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

    sub.add_parser("version", help="versie tonen")
    handlers["version"] = cmd_version

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

    aud = sub.add_parser("audit", help="audittrail")
    aud_sub = aud.add_subparsers(dest="subcommand", required=True)
    p = aud_sub.add_parser("verify")
    p.add_argument("--anchor")
    handlers["audit verify"] = cmd_audit_verify
    p = aud_sub.add_parser("list")
    p.add_argument("--limit", type=int, default=100)
    handlers["audit list"] = cmd_audit_list

    p = sub.add_parser("backup", help="versleutelde back-up maken")
    p.add_argument("--out", type=Path, required=True)
    handlers["backup"] = cmd_backup

    p = sub.add_parser("restore", help="back-up terugzetten met de herstelsleutel")
    p.add_argument("file", type=Path)
    p.add_argument("--admin", required=True)
    handlers["restore"] = cmd_restore

    sub.add_parser("rebind", help="werkplek opnieuw aan de sleutelring koppelen (herstelsleutel)")
    handlers["rebind"] = cmd_rebind

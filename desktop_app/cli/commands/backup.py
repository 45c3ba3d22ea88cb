"""backup and restore; and (an extension) ``backup verify FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import writing
from desktop_app.cli.context import Commands, UsageError
from desktop_app.domain import timefmt
from desktop_app.services import admin

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_backup(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    if ns.out is None:
        raise UsageError("Geef met --out aan waar de back-up komt (of: backup verify BESTAND).")
    with ctx.open_session() as session, writing(ns.out, "--out"):
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


def cmd_backup_verify(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    if ns.recovery_key:
        recovery_key = ctx.secret("Herstelsleutel van de back-up")
        data_dir = ctx.data_dir if ctx.data_dir.is_dir() else None
        check = admin.verify_backup_with_recovery_key(ns.file, recovery_key, data_dir)
    else:
        with ctx.open_session() as session:
            check = admin.verify_backup(session, ns.file)
    # Shown time (Amsterdam) for people; the JSON keeps the stored ISO moments.
    ctx.say(
        f"Back-up in orde: {check.users} accounts, schemaversie {check.schema_version}, gemaakt "
        f"{timefmt.stored_table_datetime(check.created) or 'onbekend'}."
    )
    if check.this_workspace:
        ctx.say("Hij hoort bij deze werkplek.")
    if check.recorded_at:
        ctx.say(
            "De audittrail van deze werkplek vermeldt hem "
            f"({timefmt.stored_table_datetime(check.recorded_at)})."
        )
    return check.as_dict()


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    top = Commands(sub, handlers)
    p = top.add("backup", cmd_backup, help="versleutelde back-up maken")
    # Not required by argparse: ``backup verify FILE`` has no --out (checked in cmd_backup).
    p.add_argument("--out", type=Path)
    bs = p.add_subparsers(dest="subcommand")
    v = bs.add_parser("verify", help="een back-upbestand volledig controleren, zonder terugzetten")
    v.add_argument("file", type=Path)
    v.add_argument(
        "--recovery-key",
        action="store_true",
        help="zonder aanmelden, met de herstelsleutel van de back-up (van standaardinvoer)",
    )
    handlers["backup verify"] = cmd_backup_verify

    p = top.add("restore", cmd_restore, help="back-up terugzetten met de herstelsleutel")
    p.add_argument("file", type=Path)
    p.add_argument("--admin", required=True)

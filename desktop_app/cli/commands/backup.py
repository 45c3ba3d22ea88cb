"""backup and restore."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import writing
from desktop_app.services import admin

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_backup(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
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


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    p = sub.add_parser("backup", help="versleutelde back-up maken")
    p.add_argument("--out", type=Path, required=True)
    handlers["backup"] = cmd_backup

    p = sub.add_parser("restore", help="back-up terugzetten met de herstelsleutel")
    p.add_argument("file", type=Path)
    p.add_argument("--admin", required=True)
    handlers["restore"] = cmd_restore

"""audit verify|list."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import anchor, count
from desktop_app.services import audit

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_audit_verify(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        report = audit.verify_audit(session, ns.anchor)
    chain = report.chain
    anchors = {
        "keyring_head": None if report.keyring_head is None else report.keyring_head.text,
        "printed_heads": report.printed_heads,
    }
    if report.ok:
        ctx.say(f"OK {chain.entries} vermeldingen; kop {chain.head}")
        return {"ok": True, "entries": chain.entries, "head": chain.head, **anchors}
    message = report.problem or "De audittrail is niet in orde."
    ctx.say(f"FOUT: {message}")
    return {
        "_exit": 4,
        "ok": False,
        "entries": chain.entries,
        "head": chain.head,
        "first_bad": chain.bad_seq,
        "reason": message,
        "content_problems": list(report.content_problems),
        **anchors,
        "error": {"code": "integrity", "message": message},
    }


def cmd_audit_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        entries = audit.list_audit(session, ns.limit)
    return {"items": [e.as_dict() for e in entries]}


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    aud = sub.add_parser("audit", help="audittrail")
    aud_sub = aud.add_subparsers(dest="subcommand", required=True)
    p = aud_sub.add_parser("verify")
    p.add_argument("--anchor", type=anchor)
    handlers["audit verify"] = cmd_audit_verify
    p = aud_sub.add_parser("list")
    p.add_argument("--limit", type=count, default=100)
    handlers["audit list"] = cmd_audit_list

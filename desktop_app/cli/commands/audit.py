"""audit verify|list|export."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import anchor, count, optional_date, output_file, writing
from desktop_app.cli.context import Commands
from desktop_app.services import audit

if TYPE_CHECKING:
    from desktop_app.cli.context import Context
    from desktop_app.services.session import Session


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


def _query(ns: argparse.Namespace) -> audit.AuditQuery:
    return audit.AuditQuery(
        actor=ns.actor,
        action=ns.action,
        date_from=optional_date(ns.date_from, "from"),
        date_to=optional_date(ns.date_to, "to"),
    )


def cmd_audit_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    query = _query(ns)
    with ctx.open_session() as session:
        lines = audit.audit_lines(session, query, ns.limit)
    # People read the trail in plain Dutch and Amsterdam time; the JSON keeps the contract's
    # stored fields exactly.
    for line in lines:
        ctx.say(
            f"{line.entry.seq:>6}  {line.shown_time}  {line.actor_text}  {line.label}"
            f"  {line.object_text}  {line.result_text}"
        )
        if line.details:
            ctx.say(f"        {line.details}")
    if not lines:
        ctx.say("Geen vermeldingen die aan de filters voldoen.")
    return {"items": [line.entry.as_dict() for line in lines]}


def cmd_audit_export(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    query = _query(ns)
    output_file(ns.out, "--out")
    with ctx.open_session() as session:
        result = _export(session, ns, query)
    ctx.say(f"{result.rows} vermeldingen geëxporteerd naar {result.path} ({result.bytes} bytes).")
    ctx.say(f"SHA-256: {result.sha256}")
    return {
        "file": str(result.path),
        "rows": result.rows,
        "bytes": result.bytes,
        "sha256": result.sha256,
    }


def _export(session: Session, ns: argparse.Namespace, query: audit.AuditQuery) -> audit.AuditExport:
    # Only the writing: a failure to open the workspace is not the output file's fault.
    with writing(ns.out, "--out"):
        return audit.export_audit_csv(session, ns.out, query, ns.limit)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--actor", help="alleen dit account (gebruikersnaam)")
    p.add_argument(
        "--action",
        help="een handeling (user.add), een groep (user) of een label (Account toegevoegd)",
    )
    p.add_argument("--from", dest="date_from", help="vanaf deze dag (JJJJ-MM-DD, Amsterdam)")
    p.add_argument("--to", dest="date_to", help="tot en met deze dag (JJJJ-MM-DD)")


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    aud_sub = Commands(sub, handlers, "audit")
    p = aud_sub.add("verify", cmd_audit_verify)
    p.add_argument("--anchor", type=anchor)
    p = aud_sub.add("list", cmd_audit_list)
    p.add_argument("--limit", type=count, default=100)
    _filters(p)
    p = aud_sub.add("export", cmd_audit_export, help="de audittrail als CSV-bestand (voor Excel)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--limit", type=count, default=audit.MAX_LIMIT)
    _filters(p)

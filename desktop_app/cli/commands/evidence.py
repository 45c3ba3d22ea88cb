"""evidence add|list (shared/spec/cli.md), art. 2.5.

Extensions beyond the contract: ``evidence add --source/--date/--correction`` and
``evidence list``. No command shows the content of an item: that is shown in the inspection
window alone.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli import marking_options
from desktop_app.cli.args import optional_classification, optional_date, record_id
from desktop_app.cli.context import Commands
from desktop_app.cli.payloads import listed
from desktop_app.services import evidence

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_evidence_add(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    level = optional_classification(ns.classification)
    data_date = optional_date(ns.date, "date")
    with ctx.open_session() as session:
        item = evidence.add_evidence(
            session,
            ns.report,
            source=ns.file,
            title=ns.title,
            classification=level,
            source_note=ns.source or "",
            data_date=data_date,
            correction_id=ns.correction,
            duration=marking_options.duration_from(session, ns),
        )
    ctx.say(
        f"Item {item.id} toegevoegd aan ambtsbericht {ns.report} "
        f"({item.kind_label}, {item.classification.marking})."
    )
    if not item.displayable:
        ctx.say("Let op: dit bestand kan bij inzage niet worden weergegeven.")
    return {
        "id": int(item.id),
        "kind": item.kind.value,
        "displayable": item.displayable,
        "classification": item.classification.code,
        "size_bytes": item.size_bytes,
        "classification_duration_text": item.duration_label,
    }


def cmd_evidence_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        items = evidence.list_evidence(session, ns.report)
    return listed(
        ctx, items, lambda i: f"  {i.id}  {i.classification.code}  {i.kind_label}  {i.title}"
    )


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    ev_sub = Commands(sub, handlers, "evidence")
    p = ev_sub.add("add", cmd_evidence_add, help="een item (notitie, PDF, afbeelding) toevoegen")
    p.add_argument("--report", type=record_id, required=True)
    p.add_argument("--file", type=Path, required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--classification", help="rubricering (standaard die van het ambtsbericht)")
    marking_options.add_duration_options(p)
    p.add_argument("--source", help="bronvermelding")
    p.add_argument("--date", help="datum van de gegevens (JJJJ-MM-DD)")
    p.add_argument(
        "--correction",
        type=record_id,
        help="de correctie waarbij het hoort (na uitbrengen verplicht)",
    )
    p = ev_sub.add("list", cmd_evidence_list, help="de items van een ambtsbericht (zonder inhoud)")
    p.add_argument("--report", type=record_id, required=True)

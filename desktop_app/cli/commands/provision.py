"""provision add|list (the filters of ``list`` are extensions)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import optional_date
from desktop_app.cli.context import Commands
from desktop_app.cli.payloads import listed
from desktop_app.services import provisions as provision_service

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_provision_add(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    day = optional_date(ns.date, "date")
    with ctx.open_session() as session:
        record = provision_service.add_provision(
            session,
            direction=ns.direction,
            description=ns.description,
            date=day,
            legal_basis=ns.legal_basis,
            provided_by=ns.provided_by,
            received_by=ns.received_by,
            request_reference=ns.request,
        )
    return record.as_dict()


def cmd_provision_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    date_from = optional_date(ns.date_from, "from")
    date_to = optional_date(ns.date_to, "to")
    with ctx.open_session() as session:
        records = provision_service.list_provisions(
            session, direction=ns.direction, date_from=date_from, date_to=date_to
        )
    return listed(ctx, records)


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    ps = Commands(sub, handlers, "provision")
    p = ps.add("add", cmd_provision_add)
    p.add_argument("--direction", required=True)
    p.add_argument("--description", required=True)
    p.add_argument("--date")
    p.add_argument("--legal-basis")
    p.add_argument("--provided-by")
    p.add_argument("--received-by")
    p.add_argument("--request", help="kenmerk van het verzoek (NV-JJJJ-NNNNNN)")
    p = ps.add("list", cmd_provision_list)
    p.add_argument("--direction")
    p.add_argument("--from", dest="date_from")
    p.add_argument("--to", dest="date_to")

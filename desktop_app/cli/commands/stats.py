"""stats (``--csv`` is an extension)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import output_file, parse_date, writing
from desktop_app.services import stats as stats_service
from desktop_app.services.files import atomic_write

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_stats(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    period_from = parse_date(ns.date_from, "from")
    period_to = parse_date(ns.date_to, "to")
    if ns.pdf is not None:
        output_file(ns.pdf, "--pdf")
    if ns.csv is not None:
        output_file(ns.csv, "--csv")
    with ctx.open_session() as session:
        # The contract's figures, plus (additive) the closings apart and what each counts.
        figures = stats_service.statistics(session, period_from, period_to).as_extended_dict()
        if ns.pdf is not None:
            data = stats_service.pdf_bytes(session, period_from, period_to)
            with writing(ns.pdf, "--pdf"):
                atomic_write(ns.pdf, data)
        if ns.csv is not None:
            with writing(ns.csv, "--csv"):
                stats_service.export_csv(session, period_from, period_to, ns.csv)
    return figures


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    p = sub.add_parser("stats", help="cijfers voor het periodiek overleg")
    p.add_argument("--from", dest="date_from", required=True)
    p.add_argument("--to", dest="date_to", required=True)
    p.add_argument("--pdf", type=Path)
    p.add_argument("--csv", type=Path)
    handlers["stats"] = cmd_stats

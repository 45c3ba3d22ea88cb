"""stats (``--csv`` and ``--as-of`` are extensions)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import output_file, parse_as_of, parse_date, writing
from desktop_app.cli.context import Commands
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
    as_of = parse_as_of(ns.as_of, ctx.env.clock.now())
    with ctx.open_session() as session:
        # One moment for the figures and the files, so they cannot disagree.
        moment = stats_service.resolve_as_of(session, as_of)
        # The contract's figures, plus (additive) the closings apart, what each counts and the
        # moment they are as of.
        figures = stats_service.statistics(
            session, period_from, period_to, as_of=moment
        ).as_extended_dict()
        if ns.pdf is not None:
            data = stats_service.pdf_bytes(session, period_from, period_to, as_of=moment)
            # args.write_output's steps, spelled out: tests replace this module's atomic_write.
            with writing(ns.pdf, "--pdf"):
                atomic_write(ns.pdf, data)
        if ns.csv is not None:
            with writing(ns.csv, "--csv"):
                stats_service.export_csv(session, period_from, period_to, ns.csv, as_of=moment)
    return figures


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    p = Commands(sub, handlers).add("stats", cmd_stats, help="cijfers voor het periodiek overleg")
    p.add_argument("--from", dest="date_from", required=True)
    p.add_argument("--to", dest="date_to", required=True)
    p.add_argument("--pdf", type=Path)
    p.add_argument("--csv", type=Path)
    p.add_argument(
        "--as-of",
        dest="as_of",
        help="peilmoment: datum (einde van die dag) of moment met tijdzone; standaard nu",
    )

"""stats (``--csv`` and ``--as-of`` are extensions)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import output_file, parse_date, writing
from desktop_app.domain.clock import LOCAL_TZ
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.statistics import end_of_day
from desktop_app.domain.text import shown
from desktop_app.services import stats as stats_service
from desktop_app.services.files import atomic_write

if TYPE_CHECKING:
    from desktop_app.cli.context import Context

_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}")


def parse_as_of(value: str | None, now: dt.datetime, field: str = "as-of") -> dt.datetime | None:
    """``--as-of``: a date (the end of that day, or now while it lasts) or a moment in ISO
    8601 with its offset (``2026-10-01T17:00+02:00``, ``…Z``)."""
    if value is None:
        return None
    text = value.strip()
    if len(text) == 10:
        day = parse_date(text, field)
        if day > now.astimezone(LOCAL_TZ).date():
            raise InvalidInput(
                f"De datum bij --{field} ligt in de toekomst.", field=field.replace("-", "_")
            )
        return end_of_day(day, now)
    if _MOMENT.match(text):
        with contextlib.suppress(ValueError):
            moment = dt.datetime.fromisoformat(text)
            if moment.tzinfo is not None:
                return moment
    raise InvalidInput(
        f"'{shown(value)}' is geen datum (JJJJ-MM-DD) of moment met tijdzone "
        f"(JJJJ-MM-DDTUU:MM+01:00) voor --{field}.",
        field=field.replace("-", "_"),
    )


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
            with writing(ns.pdf, "--pdf"):
                atomic_write(ns.pdf, data)
        if ns.csv is not None:
            with writing(ns.csv, "--csv"):
                stats_service.export_csv(session, period_from, period_to, ns.csv, as_of=moment)
    return figures


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    p = sub.add_parser("stats", help="cijfers voor het periodiek overleg")
    p.add_argument("--from", dest="date_from", required=True)
    p.add_argument("--to", dest="date_to", required=True)
    p.add_argument("--pdf", type=Path)
    p.add_argument("--csv", type=Path)
    p.add_argument(
        "--as-of",
        dest="as_of",
        help="peilmoment: datum (einde van die dag) of moment met tijdzone; standaard nu",
    )
    handlers["stats"] = cmd_stats

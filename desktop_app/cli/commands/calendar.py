"""calendar list|add|remove (an extension: decree days and closure days)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import parse_date
from desktop_app.cli.context import Commands
from desktop_app.services import calendar as calendar_service

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_calendar_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        days = calendar_service.list_days(session)
        missing = calendar_service.missing_decree_years(days, session.clock.today())
    # Extension: the years without a decree day, so a missing decree is noticed.
    return {"items": [d.as_dict() for d in days], "years_without_decree_days": list(missing)}


def cmd_calendar_add(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    day = parse_date(ns.date, "date")
    with ctx.open_session() as session:
        change = calendar_service.add_day(session, day, kind=ns.kind, description=ns.description)
    return change.as_dict()


def cmd_calendar_remove(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    day = parse_date(ns.date, "date")
    with ctx.open_session() as session:
        change = calendar_service.remove_day(session, day)
    return change.as_dict()


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    cs = Commands(sub, handlers, "calendar")
    cs.add("list", cmd_calendar_list)
    p = cs.add("add", cmd_calendar_add)
    p.add_argument("date")
    p.add_argument("--kind", required=True, choices=["decree", "closure"])
    p.add_argument("--description", required=True)
    p = cs.add("remove", cmd_calendar_remove)
    p.add_argument("date")

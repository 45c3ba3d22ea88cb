"""consultation add|list|show|print|action-done (extensions of shared/spec/cli.md): the periodic
consultation of the heads (art. 3.2) with its frozen figures."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import (
    count,
    optional_date,
    output_file,
    parse_as_of,
    parse_date,
    read_text_file,
    record_id,
    write_output,
)
from desktop_app.cli.context import Commands
from desktop_app.domain.consultations import DECISIONS_MAX_LENGTH, Service
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.text import shown
from desktop_app.services import consultations as service

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def _participants(ns: argparse.Namespace) -> list[tuple[Service, str, str | None]]:
    """``--aivd "NAAM[|FUNCTIE]"`` and ``--ind …``, each repeatable."""
    people: list[tuple[Service, str, str | None]] = []
    for svc, values in ((Service.AIVD, ns.aivd or []), (Service.IND, ns.ind or [])):
        for value in values:
            name, sep, function = value.partition("|")
            people.append((svc, name, function if sep else None))
    return people


def _actions(values: list[str] | None) -> list[tuple[str, str, dt.date]]:
    """``--action "OMSCHRIJVING|EIGENAAR|JJJJ-MM-DD"``, repeatable."""
    result = []
    for value in values or []:
        parts = value.rsplit("|", 2)
        if len(parts) != 3:
            raise InvalidInput(
                f"--action '{shown(value)}' heeft niet de vorm OMSCHRIJVING|EIGENAAR|JJJJ-MM-DD.",
                field="action",
            )
        description, owner, due = parts
        result.append((description, owner, parse_date(due.strip(), "action")))
    return result


def cmd_add(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    held_on = parse_date(ns.held_on, "held-on")
    period_from = parse_date(ns.date_from, "from")
    period_to = parse_date(ns.date_to, "to")
    as_of = parse_as_of(ns.as_of, ctx.env.clock.now())
    decisions = "\n".join(ns.decision or [])
    if ns.decisions_file is not None:
        if decisions:
            raise InvalidInput(
                "Geef de besluiten met --decision of met --decisions-file, niet met beide.",
                field="decisions",
            )
        decisions = read_text_file(
            ns.decisions_file,
            option="--decisions-file",
            max_bytes=DECISIONS_MAX_LENGTH * 4,
            too_big="Het bestand met besluiten is te groot.",
        )
    people = _participants(ns)
    actions = _actions(ns.action)
    with ctx.open_session() as session:
        return service.record_consultation(
            session,
            held_on=held_on,
            period_from=period_from,
            period_to=period_to,
            participants=people,
            decisions=decisions,
            actions=actions,
            as_of=as_of,
        ).as_dict()


def cmd_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        found, total = service.list_consultations(session, limit=ns.limit)
    return {"items": [c.summary_dict() for c in found], "total": total}


def cmd_show(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        return service.show_consultation(session, ns.id).as_dict()


def cmd_print(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    output_file(ns.out, "--out")
    with ctx.open_session() as session:
        data = service.pdf_bytes(session, ns.id)
    write_output(ns.out, "--out", data)
    return {"id": ns.id, "file": str(ns.out), "bytes": len(data)}


def cmd_action_done(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    day = optional_date(ns.date, "date")
    with ctx.open_session() as session:
        consultation, action = service.mark_action_done(session, ns.id, on=day)
    return {"consultation": consultation.id, "action": action.as_dict()}


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    cs = Commands(sub, handlers, "consultation")
    p = cs.add("add", cmd_add, help="een gehouden overleg vastleggen, met bevroren cijfers")
    p.add_argument("--held-on", dest="held_on", required=True, help="datum van het overleg")
    p.add_argument("--from", dest="date_from", required=True, help="begin van de periode")
    p.add_argument("--to", dest="date_to", required=True, help="einde van de periode")
    p.add_argument(
        "--as-of",
        dest="as_of",
        help="peilmoment van de cijfers (datum of moment met tijdzone); standaard het einde "
        "van de dag van het overleg",
    )
    p.add_argument("--aivd", action="append", help="deelnemer AIVD: NAAM of NAAM|FUNCTIE")
    p.add_argument("--ind", action="append", help="deelnemer IND: NAAM of NAAM|FUNCTIE")
    p.add_argument("--decision", action="append", help="een besluit (herhaalbaar)")
    p.add_argument("--decisions-file", dest="decisions_file", type=Path)
    p.add_argument("--action", action="append", help="OMSCHRIJVING|EIGENAAR|JJJJ-MM-DD")
    p = cs.add("list", cmd_list, help="de vastgelegde overleggen, nieuwste eerst")
    p.add_argument("--limit", type=count)
    p = cs.add("show", cmd_show, help="één overleg met cijfers, besluiten en actiepunten")
    p.add_argument("id", type=record_id)
    p = cs.add("print", cmd_print, help="het verslag als gemarkeerde PDF")
    p.add_argument("id", type=record_id)
    p.add_argument("--out", type=Path, required=True)
    p = cs.add("action-done", cmd_action_done, help="een actiepunt afronden (nummer uit 'show')")
    p.add_argument("id", type=record_id)
    p.add_argument("--date")

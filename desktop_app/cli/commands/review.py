"""review annotate|verdict|edit|withdraw|handle (``annotate --start`` is an extension: which
occurrence of a quote that occurs more than once; ``edit``, ``withdraw`` and ``handle`` are
extensions too: the liaison rewords or takes back their own remark until the verdict, the
officer marks a remark handled with a note the liaison sees)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import position, record_id
from desktop_app.cli.context import Commands
from desktop_app.cli.payloads import report_step
from desktop_app.services import reports

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_annotate(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        record = reports.annotate(
            session, ns.id, quote=ns.quote, comment=ns.comment, start=ns.start
        )
    ctx.say(
        f"Annotatie {record.id} vastgelegd op versie {record.version} "
        f"({record.start}-{record.end})."
    )
    return record.as_dict()


def cmd_verdict(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        r = reports.give_verdict(session, ns.id, usable=ns.usable, comment=ns.comment)
    ctx.say(f"Oordeel vastgelegd: {r.status.label_nl}.")
    return {**report_step(r), "verdict": "usable" if ns.usable else "changes_wanted"}


def _remark(ctx: Context, record: reports.AnnotationRecord, what: str) -> dict[str, Any]:
    ctx.say(f"Opmerking {record.id} {what}.")
    return record.as_dict()


def cmd_edit(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        record = reports.edit_remark(session, ns.id, ns.annotation, comment=ns.comment)
    return _remark(ctx, record, "gewijzigd")


def cmd_withdraw(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        record = reports.withdraw_remark(session, ns.id, ns.annotation)
    return _remark(ctx, record, "ingetrokken")


def cmd_handle(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        record = reports.handle_remark(session, ns.id, ns.annotation, note=ns.note)
    return _remark(ctx, record, "als afgehandeld gemarkeerd")


def _annotation_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--annotation", type=record_id, required=True, help="nummer van de opmerking")


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    rev_sub = Commands(sub, handlers, "review")
    p = rev_sub.add("annotate", cmd_annotate, help="een passage van de voorgelegde tekst annoteren")
    p.add_argument("id", type=record_id)
    p.add_argument("--quote", required=True)
    p.add_argument("--comment", required=True)
    p.add_argument("--start", type=position, help="positie van het citaat als het vaker voorkomt")

    p = rev_sub.add("verdict", cmd_verdict, help="oordeel: bruikbaar of aanpassing wenselijk")
    p.add_argument("id", type=record_id)
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--usable", action="store_true")
    choice.add_argument("--changes-wanted", action="store_true")
    p.add_argument("--comment")

    p = rev_sub.add("edit", cmd_edit, help="uw eigen opmerking wijzigen (tot het oordeel)")
    p.add_argument("id", type=record_id)
    _annotation_option(p)
    p.add_argument("--comment", required=True)

    p = rev_sub.add("withdraw", cmd_withdraw, help="uw eigen opmerking intrekken (tot het oordeel)")
    p.add_argument("id", type=record_id)
    _annotation_option(p)

    p = rev_sub.add("handle", cmd_handle, help="een opmerking als afgehandeld markeren (AIVD)")
    p.add_argument("id", type=record_id)
    _annotation_option(p)
    p.add_argument("--note", required=True, help="toelichting voor de IND-liaison")

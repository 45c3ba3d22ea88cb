"""report marking|subject (extensions): how long a report's classification holds, and the
subject of a spontaneous report. The options themselves are in ``cli.marking_options`` (``report
draft`` and ``evidence add`` take them too)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import record_id
from desktop_app.cli.context import Commands
from desktop_app.cli.marking_options import (
    add_duration_options,
    add_subject_options,
    duration_from,
    subject_from,
)
from desktop_app.domain.errors import InvalidInput
from desktop_app.services import marking

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def _output(ctx: Context, report_id: int, view: marking.MarkingView) -> dict[str, Any]:
    reference = f"Ambtsbericht {report_id}"
    ctx.say(f"{reference}: rubriceringsduur {view.duration_label}")
    if view.subject is not None:
        ctx.say(f"Betrokkene: {view.subject.name} (V-nummer {view.subject.v_number})")
    return {"id": report_id, **view.as_dict()}


def cmd_marking(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        duration = duration_from(session, ns)
        if duration is None:
            raise InvalidInput(
                "Geef --classification-until DATUM of --classification-event TEKST.",
                field="classification_until",
            )
        view = marking.record_duration(session, ns.id, duration)
    return _output(ctx, ns.id, view)


def cmd_subject(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        subject = subject_from(session, ns)
        if subject is None:
            raise InvalidInput(
                "Geef --subject-name, --birth-date en --v-number.", field="subject_name"
            )
        view = marking.set_subject(session, ns.id, subject)
    return _output(ctx, ns.id, view)


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    rep_sub = Commands(sub, handlers, "report")

    # Both record one marking of the report ID, with marking_options' options for it.
    for name, handler, add_options, what in (
        (
            "marking",
            cmd_marking,
            add_duration_options,
            "vastleggen tot wanneer de rubricering geldt (datum of gebeurtenis)",
        ),
        (
            "subject",
            cmd_subject,
            add_subject_options,
            "betrokkene van een spontaan ambtsbericht (naam, geboortedatum, V-nummer)",
        ),
    ):
        p = rep_sub.add(name, handler, help=what)
        p.add_argument("id", type=record_id)
        add_options(p)

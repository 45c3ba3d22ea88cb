"""report marking|subject (extensions): how long a report's classification holds, and the
subject of a spontaneous report. Also the options ``report draft`` and ``report revise`` take for
them (``add_duration_options``, ``add_subject_options``), so the same words mean the same in
every command."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import record_id
from desktop_app.cli.context import group_commands
from desktop_app.domain.classification import ClassificationDuration
from desktop_app.domain.errors import InvalidInput
from desktop_app.services import marking

if TYPE_CHECKING:
    from desktop_app.cli.context import Context
    from desktop_app.services.session import Session


def add_duration_options(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--classification-until",
        metavar="DATUM",
        help="de rubricering vervalt na deze datum (JJJJ-MM-DD)",
    )
    group.add_argument(
        "--classification-event",
        metavar="TEKST",
        help="de rubricering vervalt bij deze gebeurtenis",
    )


def add_subject_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--subject-name", help="betrokkene van een spontaan ambtsbericht: naam")
    p.add_argument("--birth-date", help="betrokkene: geboortedatum (JJJJ-MM-DD)")
    p.add_argument("--v-number", help="betrokkene: V-nummer (10 cijfers)")


def duration_from(session: Session, ns: argparse.Namespace) -> ClassificationDuration | None:
    return marking.duration_entered(
        session,
        until=getattr(ns, "classification_until", None),
        event=getattr(ns, "classification_event", None),
    )


def subject_from(session: Session, ns: argparse.Namespace) -> marking.SubjectEntry | None:
    return marking.subject_entered(
        session,
        name=getattr(ns, "subject_name", None),
        birth_date=getattr(ns, "birth_date", None),
        v_number=getattr(ns, "v_number", None),
    )


def _output(ctx: Context, reference: str, view: marking.MarkingView) -> dict[str, Any]:
    ctx.say(f"{reference}: rubriceringsduur {view.duration_label}")
    if view.subject is not None:
        ctx.say(f"Betrokkene: {view.subject.name} (V-nummer {view.subject.v_number})")
    return view.as_dict()


def cmd_marking(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        duration = duration_from(session, ns)
        if duration is None:
            raise InvalidInput(
                "Geef --classification-until DATUM of --classification-event TEKST.",
                field="classification_until",
            )
        view = marking.record_duration(session, ns.id, duration)
    return {"id": ns.id, **_output(ctx, f"Ambtsbericht {ns.id}", view)}


def cmd_subject(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        subject = subject_from(session, ns)
        if subject is None:
            raise InvalidInput(
                "Geef --subject-name, --birth-date en --v-number.", field="subject_name"
            )
        view = marking.set_subject(session, ns.id, subject)
    return {"id": ns.id, **_output(ctx, f"Ambtsbericht {ns.id}", view)}


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    rep_sub = group_commands(sub, "report")

    p = rep_sub.add_parser(
        "marking", help="vastleggen tot wanneer de rubricering geldt (datum of gebeurtenis)"
    )
    p.add_argument("id", type=record_id)
    add_duration_options(p)
    handlers["report marking"] = cmd_marking

    p = rep_sub.add_parser(
        "subject", help="betrokkene van een spontaan ambtsbericht (naam, geboortedatum, V-nummer)"
    )
    p.add_argument("id", type=record_id)
    add_subject_options(p)
    handlers["report subject"] = cmd_subject

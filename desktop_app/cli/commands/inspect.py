"""inspect start|end (shared/spec/cli.md), art. 2.5.

Extensions beyond the contract: ``inspect record SESSION [--pdf FILE]`` (the "verslag van
inzage"), ``inspect list --report`` (the history of a report's inspections, for AIVD staff) and
``inspect reports`` (which issued reports the inspector may inspect now). No command shows the
content of an item: that is shown in the inspection window alone.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import output_file, read_text_file, record_id, write_output
from desktop_app.cli.context import Commands
from desktop_app.cli.payloads import listed
from desktop_app.domain import timefmt
from desktop_app.domain.inspection import NOTES_MAX_LENGTH
from desktop_app.services import inspections

if TYPE_CHECKING:
    from desktop_app.cli.context import Context

# Notes of at most NOTES_MAX_LENGTH characters take at most four bytes each in UTF-8.
_MAX_NOTES_BYTES = NOTES_MAX_LENGTH * 4


def _read_notes(path: Path | None) -> str:
    if path is None:
        return ""
    return read_text_file(
        path,
        option="--notes-file",
        max_bytes=_MAX_NOTES_BYTES,
        too_big=f"De aantekeningen zijn te lang (maximaal {NOTES_MAX_LENGTH} tekens).",
    )


def _duration(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


def _say_record(ctx: Context, record: inspections.InspectionRecordView) -> None:
    ctx.say(
        f"Inzagesessie {record.id} — {record.report_reference} — "
        f"{record.inspector_full_name} ({record.inspector_name})"
    )
    if record.ended_at is None:
        ctx.say("Nog niet beëindigd.")
    if not record.viewed:
        ctx.say("Er is geen item bekeken.")
    for v in record.viewed:
        ctx.say(f"  [{v.item_id}] {v.title}: {_duration(v.seconds)} ({v.times_opened}× geopend)")


def cmd_start(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        started = inspections.start_inspection(session, ns.report)
    ctx.say(
        f"Inzagesessie {started.id} gestart voor {started.report_reference}; de inhoud is "
        "alleen in het inzagevenster te zien."
    )
    for i in started.items:
        ctx.say(f"  {i.id}  {i.classification.code}  {i.title}")
    return started.as_dict()


def cmd_end(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    notes = _read_notes(ns.notes_file)
    with ctx.open_session() as session:
        record = inspections.end_inspection(session, ns.session, notes)
    _say_record(ctx, record)
    return {
        "session": int(record.id),
        "viewed": [v.as_dict() for v in record.viewed],
        "end_reason": None if record.end_reason is None else record.end_reason.value,
    }


def cmd_record(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    if ns.pdf is not None:
        output_file(ns.pdf, "--pdf")
    with ctx.open_session() as session:
        record = inspections.get_record(session, ns.session)
        pdf = None if ns.pdf is None else inspections.record_pdf(session, ns.session)
    out = record.as_dict()
    if pdf is not None:
        write_output(ns.pdf, "--pdf", pdf)
        out["pdf"] = str(ns.pdf)
    _say_record(ctx, record)
    return out


def cmd_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        records = inspections.list_inspections(session, ns.report)
    return listed(ctx, records, _history_line)


def _history_line(r: inspections.InspectionRecordView) -> str:
    return (
        f"  {r.id}  {timefmt.table_datetime(r.started_at)}  {r.inspector_full_name}  "
        f"{len(r.viewed)} item(s)"
    )


def cmd_reports(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        found = inspections.inspectable_reports(session)
    return listed(
        ctx, found, lambda r: f"  {r.id}  {r.reference}  {'ja' if r.allowed else 'nee'}  {r.title}"
    )


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    ins_sub = Commands(sub, handlers, "inspect")
    p = ins_sub.add("start", cmd_start, help="een inzagesessie starten (alleen titels)")
    p.add_argument("--report", type=record_id, required=True)
    p = ins_sub.add("end", cmd_end, help="een inzagesessie beëindigen")
    p.add_argument("session", type=record_id)
    p.add_argument("--notes-file", type=Path, help="uw aantekeningen (UTF-8-tekst)")
    p = ins_sub.add("record", cmd_record, help="het verslag van inzage (optioneel als PDF)")
    p.add_argument("session", type=record_id)
    p.add_argument("--pdf", type=Path, help="schrijf het verslag als PDF naar dit bestand")
    p = ins_sub.add("list", cmd_list, help="de inzagegeschiedenis van een ambtsbericht")
    p.add_argument("--report", type=record_id, required=True)
    p = ins_sub.add("reports", cmd_reports, help="uitgebrachte ambtsberichten en of inzage kan")

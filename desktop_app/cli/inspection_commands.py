"""evidence add, inspect start|end (shared/spec/cli.md), art. 2.5.

Extensions beyond the contract: ``evidence add --source/--date/--correction``, ``evidence list``,
``inspect record SESSION [--pdf FILE]`` (the "verslag van inzage"), ``inspect list --report``
(the history of a report's inspections, for AIVD staff) and ``inspect reports`` (which issued
reports the inspector may inspect now). No command shows the content of an item: that is shown
in the inspection window alone.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import optional_date
from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import InvalidInput, NotFound
from desktop_app.domain.inspection import NOTES_MAX_LENGTH
from desktop_app.services import evidence, inspections
from desktop_app.storage.files import atomic_write

if TYPE_CHECKING:
    from desktop_app.cli.main import Context

# Notes of at most NOTES_MAX_LENGTH characters take at most four bytes each in UTF-8.
_MAX_NOTES_BYTES = NOTES_MAX_LENGTH * 4


def _read_notes(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        if path.stat().st_size > _MAX_NOTES_BYTES:
            raise InvalidInput(
                f"De aantekeningen zijn te lang (maximaal {NOTES_MAX_LENGTH} tekens).",
                field="notes_file",
            )
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise NotFound(f"Het bestand '{path.name}' bestaat niet.") from None
    except IsADirectoryError:
        raise InvalidInput(
            f"'{path.name}' is een map, geen tekstbestand.", field="notes_file"
        ) from None
    except UnicodeDecodeError:
        raise InvalidInput(
            "Het bestand met aantekeningen is geen UTF-8-tekst.", field="notes_file"
        ) from None
    except PermissionError:
        raise InvalidInput(
            f"Het bestand '{path.name}' kan niet worden gelezen.", field="notes_file"
        ) from None


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


def cmd_evidence_add(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    level = None if ns.classification is None else Classification.parse(ns.classification)
    data_date = optional_date(ns.date, "date")
    with ctx.open_session() as session:
        item = evidence.add_evidence(
            session,
            ns.report,
            source=ns.file,
            title=ns.title,
            classification=level,
            source_note=ns.source or "",
            data_date=data_date,
            correction_id=ns.correction,
        )
    ctx.say(
        f"Item {item.id} toegevoegd aan ambtsbericht {ns.report} "
        f"({item.kind_label}, {item.classification.marking})."
    )
    if not item.displayable:
        ctx.say("Let op: dit bestand kan bij inzage niet worden weergegeven.")
    return {
        "id": int(item.id),
        "kind": item.kind.value,
        "displayable": item.displayable,
        "classification": item.classification.code,
        "size_bytes": item.size_bytes,
    }


def cmd_evidence_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        items = evidence.list_evidence(session, ns.report)
    for i in items:
        ctx.say(f"  {i.id}  {i.classification.code}  {i.kind_label}  {i.title}")
    return {"items": [i.as_dict() for i in items]}


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
    with ctx.open_session() as session:
        record = inspections.get_record(session, ns.session)
        pdf = None if ns.pdf is None else inspections.record_pdf(session, ns.session)
    out = record.as_dict()
    if pdf is not None:
        try:
            atomic_write(ns.pdf, pdf)
        except OSError:
            raise InvalidInput(
                f"Het PDF-bestand '{ns.pdf.name}' kan niet worden geschreven.", field="pdf"
            ) from None
        out["pdf"] = str(ns.pdf)
    _say_record(ctx, record)
    return out


def cmd_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        records = inspections.list_inspections(session, ns.report)
    for r in records:
        ctx.say(
            f"  {r.id}  {r.started_at:%Y-%m-%d %H:%M}  {r.inspector_full_name}  "
            f"{len(r.viewed)} item(s)"
        )
    return {"items": [r.as_dict() for r in records]}


def cmd_reports(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        found = inspections.inspectable_reports(session)
    for r in found:
        ctx.say(f"  {r.id}  {r.reference}  {'ja' if r.allowed else 'nee'}  {r.title}")
    return {"items": [r.as_dict() for r in found]}


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    ev = sub.add_parser("evidence", help="onderliggende gegevens bij een ambtsbericht")
    ev_sub = ev.add_subparsers(dest="subcommand", required=True)
    p = ev_sub.add_parser("add", help="een item (notitie, PDF, afbeelding) toevoegen")
    p.add_argument("--report", type=int, required=True)
    p.add_argument("--file", type=Path, required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--classification", help="rubricering (standaard die van het ambtsbericht)")
    p.add_argument("--source", help="bronvermelding")
    p.add_argument("--date", help="datum van de gegevens (JJJJ-MM-DD)")
    p.add_argument(
        "--correction", type=int, help="de correctie waarbij het hoort (na uitbrengen verplicht)"
    )
    handlers["evidence add"] = cmd_evidence_add
    p = ev_sub.add_parser("list", help="de items van een ambtsbericht (zonder inhoud)")
    p.add_argument("--report", type=int, required=True)
    handlers["evidence list"] = cmd_evidence_list

    ins = sub.add_parser("inspect", help="inzage in onderliggende gegevens (art. 2.5)")
    ins_sub = ins.add_subparsers(dest="subcommand", required=True)
    p = ins_sub.add_parser("start", help="een inzagesessie starten (alleen titels)")
    p.add_argument("--report", type=int, required=True)
    handlers["inspect start"] = cmd_start
    p = ins_sub.add_parser("end", help="een inzagesessie beëindigen")
    p.add_argument("session", type=int)
    p.add_argument("--notes-file", type=Path, help="uw aantekeningen (UTF-8-tekst)")
    handlers["inspect end"] = cmd_end
    p = ins_sub.add_parser("record", help="het verslag van inzage (optioneel als PDF)")
    p.add_argument("session", type=int)
    p.add_argument("--pdf", type=Path, help="schrijf het verslag als PDF naar dit bestand")
    handlers["inspect record"] = cmd_record
    p = ins_sub.add_parser("list", help="de inzagegeschiedenis van een ambtsbericht")
    p.add_argument("--report", type=int, required=True)
    handlers["inspect list"] = cmd_list
    p = ins_sub.add_parser("reports", help="uitgebrachte ambtsberichten en of inzage kan")
    handlers["inspect reports"] = cmd_reports

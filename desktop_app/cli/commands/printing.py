"""report print|verify|prints (shared/spec/cli.md; ``prints``, the print register of a report,
is an extension). Sub-commands of the ``report`` group that ``commands.report`` makes; kept in
their own module because they need the PDF and signature stack and the other report commands
do not."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import count, read_text_file, record_id, writing
from desktop_app.cli.context import Commands
from desktop_app.cli.payloads import listed
from desktop_app.domain import timefmt
from desktop_app.domain.clock import Clock, SystemClock
from desktop_app.domain.errors import AppError, InvalidInput
from desktop_app.reporting import Verdict
from desktop_app.services import printing, verification

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_print(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    out_dir: Path = ns.out
    if out_dir.exists() and not out_dir.is_dir():
        raise InvalidInput(
            f"--out: '{out_dir.name}' is geen map; geef de map voor de PDF-bestanden.",
            field="out",
        )
    recipients = _recipients(ns)
    with ctx.open_session() as session, writing(out_dir, "--out"):
        job = printing.print_report(
            session, ns.id, copies=ns.copies, out_dir=out_dir, recipients=recipients
        )
    if job.draft:
        ctx.say(
            f"{job.reference} is nog niet ondertekend: één conceptafdruk (zonder "
            "handtekening) gemaakt."
        )
    else:
        ctx.say(
            f"{job.reference}: {len(job.copies)} ondertekende exemplaren gemaakt en in het "
            "afdrukregister vastgelegd."
        )
    for copy in job.copies:
        if copy.recipient:
            ctx.say(f"  exemplaar {copy.number} van {copy.total} — voor: {copy.recipient}")
    for path in job.files:
        ctx.say(f"  {path}")
    return job.as_dict()


def _recipients(ns: argparse.Namespace) -> list[str]:
    """The distribution list: ``--recipient`` once per copy, or ``--recipients-file`` with one
    recipient per line (blank lines and lines starting with # are skipped)."""
    listed: list[str] = list(ns.recipient or [])
    if ns.recipients_file is not None:
        if listed:
            raise InvalidInput(
                "Geef de ontvangers met --recipient óf met --recipients-file, niet allebei.",
                field="recipient",
            )
        text = read_text_file(
            ns.recipients_file,
            option="--recipients-file",
            max_bytes=64 * 1024,
            too_big="De verzendlijst is te groot (meer dan 64 KiB).",
        )
        listed = [
            line.strip()
            for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        ]
        if not listed:
            raise InvalidInput(
                f"'{ns.recipients_file.name}' noemt geen ontvangers.", field="recipients_file"
            )
    return listed


def _clock(ctx: Context) -> Clock:
    """The environment's clock (tests fix it). Verifying needs no keyring: on a machine
    without a usable one the system clock does, and the keyring's complaint (logged when the
    environment is made) is not shown, so standard error stays clean."""
    keyring_log = logging.getLogger("desktop_app.security.workstation")
    before = keyring_log.level
    if not keyring_log.isEnabledFor(logging.DEBUG):
        keyring_log.setLevel(logging.ERROR)
    try:
        return ctx.env.clock
    except AppError:
        return SystemClock()
    finally:
        keyring_log.setLevel(before)


def _verdict_output(ctx: Context, verdict: Verdict) -> dict[str, Any]:
    data = verdict.as_dict()
    ctx.say(f"{'GELDIG' if verdict.valid else 'NIET GELDIG'}: {verdict.reason}")
    if verdict.signer:
        ctx.say(f"Ondertekend door: {verdict.signer}")
    if verdict.reference:
        ctx.say(f"Kenmerk: {verdict.reference}")
    if verdict.copy is not None:
        ctx.say(f"Exemplaar: {verdict.copy.number} van {verdict.copy.total}")
        if verdict.copy.recipient:
            ctx.say(f"Voor: {verdict.copy.recipient}")
    if verdict.registered is not None:
        ctx.say(f"In het afdrukregister: {'ja' if verdict.registered else 'nee'}")
    if not verdict.valid:
        data["_exit"] = 4
    return data


def cmd_verify(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    path: Path = ns.file
    if not ctx.user:
        verdict = verification.verify_file(
            path, ctx.data_dir, now=_clock(ctx).now(), provider=lambda: ctx.env.provider
        )
        return _verdict_output(ctx, verdict)
    data = verification.read_for_verify(path)
    if isinstance(data, Verdict):
        return _verdict_output(ctx, data)
    with ctx.open_session() as session:
        verdict = verification.verify_registered(session, data)
    return _verdict_output(ctx, verdict)


def cmd_prints(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        records = printing.print_register(session, ns.id)
    return listed(ctx, records, _print_line)


def _print_line(r: printing.PrintRecord) -> str:
    what = f"exemplaar {r.copy_number} van {r.copy_total}" if not r.draft else "concept"
    return (
        f"{timefmt.stored_table_datetime(r.printed_at)}  {r.reference} v{r.version}  {what}  "
        f"{r.printed_by}  "
        f"{r.destination}  voor: {r.recipient or 'niet vastgelegd'}  {r.sha256[:16]}…"
    )


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    rep_sub = Commands(sub, handlers, "report")

    p = rep_sub.add("print", cmd_print, help="ondertekende exemplaren (of een concept) afdrukken")
    p.add_argument("id", type=record_id)
    p.add_argument(
        "--copies",
        type=count,
        default=None,
        help="aantal exemplaren (standaard de instelling default_copies, of het aantal ontvangers)",
    )
    p.add_argument("--out", type=Path, required=True, help="map voor de PDF-bestanden")
    p.add_argument(
        "--recipient",
        action="append",
        metavar="ONTVANGER",
        help="voor wie een exemplaar is; één keer per exemplaar, in volgorde (verzendlijst)",
    )
    p.add_argument(
        "--recipients-file",
        type=Path,
        metavar="BESTAND",
        help="de verzendlijst: één ontvanger per regel",
    )

    p = rep_sub.add(
        "verify",
        cmd_verify,
        help="de handtekening van een afgedrukt exemplaar "
        "controleren (zonder aanmelding; met --user ook het "
        "afdrukregister)",
    )
    p.add_argument("file", type=Path)

    p = rep_sub.add("prints", cmd_prints, help="het afdrukregister van een ambtsbericht")
    p.add_argument("id", type=record_id)

"""report print|verify|prints and signing show|create|import|function (shared/spec/cli.md).

``print`` and ``verify`` (and the extension ``prints``, the print register of a report) are
sub-commands of the ``report`` group, which ``report_commands`` owns: ``register`` looks that
group up in the parser (``sub.choices["report"]``) and adds to its sub-parsers, so it must run
after ``report_commands.register`` (it makes the group itself when it is not there).

Extensions beyond the contract: ``signing show`` (the signing certificate; administrator and
AIVD roles), ``signing create`` (make the workstation key now instead of at the first print),
``signing import FILE`` (the organisation's PKCS#12; the passphrase is the second secret on
standard input; administrator only), ``signing function NAME --function TEXT`` (the function
printed under a signer's name; administrator only).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.domain.clock import Clock, SystemClock
from desktop_app.domain.errors import AppError, InvalidInput, NotFound
from desktop_app.reporting import Verdict
from desktop_app.services import printing

if TYPE_CHECKING:
    from desktop_app.cli.main import Context


def cmd_print(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    out_dir: Path = ns.out
    with ctx.open_session() as session:
        job = printing.print_report(session, ns.id, copies=ns.copies, out_dir=out_dir)
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
    for path in job.files:
        ctx.say(f"  {path}")
    return job.as_dict()


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
    if verdict.registered is not None:
        ctx.say(f"In het afdrukregister: {'ja' if verdict.registered else 'nee'}")
    if not verdict.valid:
        data["_exit"] = 4
    return data


def cmd_verify(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    path: Path = ns.file
    if not ctx.user:
        verdict = printing.verify_file(path, ctx.data_dir, now=_clock(ctx).now())
        return _verdict_output(ctx, verdict)
    data = printing.read_for_verify(path)
    if isinstance(data, Verdict):
        return _verdict_output(ctx, data)
    with ctx.open_session() as session:
        verdict = printing.verify_registered(session, data)
    return _verdict_output(ctx, verdict)


def cmd_prints(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        records = printing.print_register(session, ns.id)
    for r in records:
        what = f"exemplaar {r.copy_number} van {r.copy_total}" if not r.draft else "concept"
        ctx.say(
            f"{r.printed_at}  {r.reference} v{r.version}  {what}  {r.printed_by}  "
            f"{r.destination}  {r.sha256[:16]}…"
        )
    return {"items": [r.as_dict() for r in records]}


def _key_output(ctx: Context, info: printing.SigningKeyInfo) -> dict[str, Any]:
    ctx.say(f"Certificaat: {info.common_name} ({info.origin})")
    ctx.say(f"Uitgever: {info.issuer}")
    ctx.say(f"Geldig van {info.not_before:%Y-%m-%d} tot {info.not_after:%Y-%m-%d}")
    ctx.say(f"SHA-256: {info.fingerprint}")
    for root in info.trust_roots:
        ctx.say(f"Vertrouwd: {root.label} ({root.fingerprint[:16]}…)")
    return info.as_dict()


def cmd_signing_show(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        info = printing.signing_info(session)
    if info is None:
        ctx.say("Er is nog geen ondertekeningssleutel; die wordt bij de eerste afdruk gemaakt.")
        return {"key": None}
    return {"key": _key_output(ctx, info)}


def cmd_signing_create(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        info = printing.ensure_signing_key(session)
    return {"key": _key_output(ctx, info)}


def cmd_signing_import(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    path: Path = ns.file
    try:
        if path.stat().st_size > printing.MAX_PKCS12_BYTES:
            raise InvalidInput("Het PKCS#12-bestand is te groot.", field="file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotFound(f"Het bestand '{path.name}' bestaat niet.") from None
    except OSError:
        raise InvalidInput(
            f"Het bestand '{path.name}' kan niet worden gelezen.", field="file"
        ) from None
    with ctx.open_session() as session:
        passphrase = ctx.secret("Wachtwoord van het PKCS#12-bestand")
        info = printing.import_signing_key(session, data, passphrase.encode("utf-8"))
    return {"key": _key_output(ctx, info)}


def cmd_signing_function(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        function = printing.set_signer_function(session, ns.name, ns.function)
    return {"name": ns.name, "function": function}


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction[Any]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest="subcommand", required=True)


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    report = sub.choices.get("report")
    if report is None:
        report = sub.add_parser("report", help="ambtsberichten")
    rep_sub = _subparsers(report)

    p = rep_sub.add_parser("print", help="ondertekende exemplaren (of een concept) afdrukken")
    p.add_argument("id", type=int)
    p.add_argument("--copies", type=int, default=1, help="aantal exemplaren (standaard 1)")
    p.add_argument("--out", type=Path, required=True, help="map voor de PDF-bestanden")
    handlers["report print"] = cmd_print

    p = rep_sub.add_parser(
        "verify",
        help="de handtekening van een afgedrukt exemplaar "
        "controleren (zonder aanmelding; met --user ook het "
        "afdrukregister)",
    )
    p.add_argument("file", type=Path)
    handlers["report verify"] = cmd_verify

    p = rep_sub.add_parser("prints", help="het afdrukregister van een ambtsbericht")
    p.add_argument("id", type=int)
    handlers["report prints"] = cmd_prints

    signing = sub.add_parser("signing", help="het ondertekeningscertificaat van de werkplek")
    sig_sub = signing.add_subparsers(dest="subcommand", required=True)
    sig_sub.add_parser("show", help="het certificaat en de vertrouwde uitgevers tonen")
    handlers["signing show"] = cmd_signing_show
    sig_sub.add_parser("create", help="de werkplek-sleutel nu aanmaken")
    handlers["signing create"] = cmd_signing_create
    p = sig_sub.add_parser("import", help="het certificaat van de organisatie importeren (PKCS#12)")
    p.add_argument("file", type=Path)
    handlers["signing import"] = cmd_signing_import
    p = sig_sub.add_parser("function", help="de functie onder de naam van een ondertekenaar")
    p.add_argument("name")
    p.add_argument("--function", required=True)
    handlers["signing function"] = cmd_signing_function

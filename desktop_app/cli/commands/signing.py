"""signing show|create|import|function (extensions beyond the contract).

``signing show`` (the signing certificate; administrator and AIVD roles), ``signing create``
(make the workstation key now instead of at the first print), ``signing import FILE`` (the
organisation's PKCS#12; the passphrase is the second secret on standard input; administrator
only), ``signing function NAME --function TEXT`` (the function printed under a signer's name;
administrator only).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.context import Commands
from desktop_app.services import printing, signing_keys
from desktop_app.services.files import read_regular

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def _key_output(ctx: Context, info: signing_keys.SigningKeyInfo) -> dict[str, Any]:
    ctx.say(f"Certificaat: {info.common_name} ({info.origin})")
    ctx.say(f"Uitgever: {info.issuer}")
    ctx.say(f"Geldig van {info.not_before:%Y-%m-%d} tot {info.not_after:%Y-%m-%d}")
    ctx.say(f"SHA-256: {info.fingerprint}")
    for root in info.trust_roots:
        ctx.say(f"Vertrouwd: {root.label} ({root.fingerprint[:16]}…)")
    return info.as_dict()


def cmd_signing_show(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        info = signing_keys.signing_info(session)
    if info is None:
        ctx.say("Er is nog geen ondertekeningssleutel; die wordt bij de eerste afdruk gemaakt.")
        return {"key": None}
    return {"key": _key_output(ctx, info)}


def cmd_signing_create(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        info = signing_keys.ensure_signing_key(session)
    return {"key": _key_output(ctx, info)}


def cmd_signing_import(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    path: Path = ns.file
    data = read_regular(
        path,
        limit=signing_keys.MAX_PKCS12_BYTES,
        field="file",
        too_big="Het PKCS#12-bestand is te groot.",
    )
    with ctx.open_session() as session:
        passphrase = ctx.secret("Wachtwoord van het PKCS#12-bestand")
        info = signing_keys.import_signing_key(session, data, passphrase.encode("utf-8"))
    return {"key": _key_output(ctx, info)}


def cmd_signing_function(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        function = printing.set_signer_function(session, ns.name, ns.function)
    return {"name": ns.name, "function": function}


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    sig_sub = Commands(sub, handlers, "signing")
    sig_sub.add("show", cmd_signing_show, help="het certificaat en de vertrouwde uitgevers tonen")
    sig_sub.add("create", cmd_signing_create, help="de werkplek-sleutel nu aanmaken")
    p = sig_sub.add(
        "import", cmd_signing_import, help="het certificaat van de organisatie importeren (PKCS#12)"
    )
    p.add_argument("file", type=Path)
    p = sig_sub.add(
        "function", cmd_signing_function, help="de functie onder de naam van een ondertekenaar"
    )
    p.add_argument("name")
    p.add_argument("--function", required=True)

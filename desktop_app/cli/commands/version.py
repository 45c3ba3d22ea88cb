"""version: nothing but the version (and so nothing heavy to import)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app import __version__

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_version(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    return {"version": __version__}


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    sub.add_parser("version", help="versie tonen")
    handlers["version"] = cmd_version

"""Entry point of ``werkplek``: no command (or ``gui``, or ``--demo``) opens the window."""

from __future__ import annotations

import sys

_VALUED = {"--data-dir", "--user", "--lang"}


def _first_command(args: list[str]) -> str | None:
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in _VALUED:
            skip = True
            continue
        if not arg.startswith("-"):
            return arg
    return None


def wants_gui(args: list[str]) -> bool:
    command = _first_command(args)
    return command in (None, "gui") and "--help" not in args and "-h" not in args


def run() -> None:
    args = sys.argv[1:]
    from desktop_app.security.process import harden_process

    harden_process()
    if wants_gui(args):
        from desktop_app.gui.app import run_gui  # type: ignore[import-not-found,unused-ignore]

        sys.exit(run_gui(args))
    from desktop_app.cli.main import run as run_cli

    run_cli()

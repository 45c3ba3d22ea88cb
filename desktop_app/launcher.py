"""Entry point of ``werkplek``: no command (or ``gui``, or ``--demo``) opens the window."""

from __future__ import annotations

import sys

_VALUED = {"--data-dir", "--user", "--lang"}
# Options only a script gives: with them the window never opens (a script waiting on a window
# would hang); a missing or unknown command is then a usage error on the command line.
_SCRIPT_ONLY = {"--json", "--password-stdin"}


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
    if command not in (None, "gui") or "--help" in args or "-h" in args:
        return False
    return not any(arg.partition("=")[0] in _SCRIPT_ONLY for arg in args)


def run() -> None:
    args = sys.argv[1:]
    from desktop_app.security.process import harden_process

    harden_process()
    if args == ["--selftest-window"]:
        # The build's check (make bundle): demo workspace, sign in, quit (gui/selftest.py).
        from desktop_app.gui.selftest import run_selftest  # type: ignore[import-not-found,unused-ignore]

        sys.exit(run_selftest())
    if wants_gui(args):
        from desktop_app.gui.app import run_gui  # type: ignore[import-not-found,unused-ignore]

        sys.exit(run_gui(args))
    from desktop_app.cli.main import run as run_cli

    run_cli()

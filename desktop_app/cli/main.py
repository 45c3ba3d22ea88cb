"""The ``werkplek`` command line (shared/spec/cli.md): same services as the window."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TextIO

from desktop_app.domain.clock import SystemClock
from desktop_app.domain.errors import AppError, InvalidInput
from desktop_app.paths import default_data_dir
from desktop_app.services.session import Environment, Session
from desktop_app.services.workspace import open_session

log = logging.getLogger(__name__)

Handler = Callable[["Context", argparse.Namespace], dict[str, Any]]


class UsageError(InvalidInput):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"Onjuist gebruik: {message}. Zie 'werkplek --help'.")


@dataclass
class Context:
    """What a command handler gets: parsed globals, secrets, the environment factory."""

    data_dir: Path
    user: str | None
    json: bool
    stdin: TextIO
    stdout: TextIO
    password_stdin: bool
    make_env: Callable[[], Environment]
    _env: Environment | None = None
    _secrets_read: int = 0
    _human: list[str] = field(default_factory=list)

    @property
    def env(self) -> Environment:
        if self._env is None:
            self._env = self.make_env()
        return self._env

    def secret(self, prompt: str, *, confirm: bool = False) -> str:
        """The next secret: a line of stdin with --password-stdin, else a no-echo prompt."""
        self._secrets_read += 1
        if self.password_stdin:
            line = self.stdin.readline()
            if not line:
                raise InvalidInput(
                    f"Geheim nummer {self._secrets_read} ontbreekt op standaardinvoer ({prompt}).",
                    field="stdin",
                )
            return line.rstrip("\r\n")
        value = getpass.getpass(f"{prompt}: ")
        if confirm and getpass.getpass(f"{prompt} (nogmaals): ") != value:
            raise InvalidInput("De twee invoeren verschillen.", field="password")
        return value

    def open_session(self) -> Session:
        if not self.user:
            raise UsageError("Geef met --user aan wie deze opdracht uitvoert.")
        password = self.secret(f"Wachtwoord van {self.user}")
        return open_session(self.env, self.data_dir, self.user, password)

    def say(self, line: str) -> None:
        """Human-readable output line (ignored with --json)."""
        self._human.append(line)


def _default_env() -> Environment:
    from desktop_app.security.workstation import KeyringSecretProvider

    return Environment(provider=KeyringSecretProvider(), clock=SystemClock(), origin="cli")


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    from desktop_app.cli import commands

    parser = _Parser(prog="werkplek", description="Convenantwerkplek AIVD–IND (command line)")
    parser.add_argument("--data-dir", type=Path, default=None, help="de werkplekmap")
    parser.add_argument("--user", default=None, help="wie de opdracht uitvoert")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="geheimen van standaardinvoer lezen, één per regel",
    )
    parser.add_argument("--json", action="store_true", help="precies één JSON-object als uitvoer")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    handlers: dict[str, Handler] = {}
    commands.register(sub, handlers)
    return parser, handlers


def _emit_json(out: TextIO, payload: dict[str, Any]) -> None:
    out.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")


def _emit_human(out: TextIO, ctx: Context | None, payload: dict[str, Any]) -> None:
    if ctx is not None and ctx._human:
        for line in ctx._human:
            out.write(line + "\n")
        return
    for key, value in payload.items():
        if isinstance(value, list):
            out.write(f"{key}:\n")
            for item in value:
                if isinstance(item, dict):
                    out.write("  " + "  ".join(f"{k}={v}" for k, v in item.items()) + "\n")
                else:
                    out.write(f"  {item}\n")
        else:
            out.write(f"{key}: {value}\n")


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    make_env: Callable[[], Environment] | None = None,
) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    want_json = "--json" in args_list
    os.umask(0o077)
    ctx: Context | None = None
    try:
        parser, handlers = build_parser()
        try:
            ns = parser.parse_args(args_list)
        except SystemExit as exc:  # --help / --version printing
            return int(exc.code or 0)
        if not ns.command:
            raise UsageError("Geef een opdracht; zie 'werkplek --help'.")
        key = ns.command if not getattr(ns, "subcommand", None) else f"{ns.command} {ns.subcommand}"
        handler = handlers.get(key) or handlers.get(ns.command)
        if handler is None:
            raise UsageError(f"Onbekende opdracht '{key}'.")
        ctx = Context(
            data_dir=ns.data_dir or default_data_dir(),
            user=ns.user,
            json=ns.json,
            stdin=stdin,
            stdout=stdout,
            password_stdin=ns.password_stdin,
            make_env=make_env or _default_env,
        )
        payload = handler(ctx, ns)
    except AppError as exc:
        if want_json:
            _emit_json(stdout, {"error": {"code": exc.code, "message": exc.message}})
        else:
            stderr.write(f"werkplek: {exc.message}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        stderr.write("werkplek: afgebroken.\n")
        return 2
    except Exception as exc:  # a sentence for people; details only in a debug log (CFG-4)
        # The exception text may carry SQL or paths and the traceback is no message for people:
        # by default only the type is logged; WERKPLEK_LOG=DEBUG adds the traceback.
        log.error("unexpected error (%s)", type(exc).__name__)
        log.debug("unexpected error details", exc_info=True)
        # Unforeseen failures here are almost always storage trouble (a damaged file, a full
        # disk): report them as integrity problems, the closest code the contract has.
        message = "Er ging onverwacht iets mis; de wijziging is niet opgeslagen. Zie het logboek."
        if want_json:
            _emit_json(stdout, {"error": {"code": "integrity", "message": message}})
        else:
            stderr.write(f"werkplek: {message}\n")
        return 4
    exit_code = int(payload.pop("_exit", 0))
    if want_json:
        _emit_json(stdout, payload)
    else:
        _emit_human(stdout, ctx, payload)
    return exit_code


def run() -> None:
    logging.basicConfig(
        level=os.environ.get("WERKPLEK_LOG", "WARNING"),
        format="%(levelname)s %(name)s: %(message)s",
    )
    sys.exit(main())

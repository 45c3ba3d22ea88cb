"""The ``werkplek`` command line (shared/spec/cli.md): same services as the window.

Start-up is kept short by importing only what the invoked command needs (issue 11): a first
parse against the light table in ``registry`` finds the command, then its module is imported
and the real parse runs. ``--help`` is served from the table alone.

Errors: an AppError is its own code and exit status; anything unforeseen is ``internal_error``
(exit 1) with its traceback in the log file only, so exit 4 means integrity and nothing else.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop_app.cli import registry
from desktop_app.cli.context import (
    CliParser,
    Context,
    Handler,
    UsageError,
    bad_text,
    emit_error,
    emit_human,
    emit_json,
)
from desktop_app.domain.errors import AppError, Cancelled, InvalidInput
from desktop_app.domain.messages import LANGUAGES, language_from_environment, set_language

if TYPE_CHECKING:
    from desktop_app.services.session import Environment

__all__ = ["Context", "UsageError", "build_parser", "main", "run"]


def _default_env() -> Environment:
    from desktop_app.domain.clock import SystemClock
    from desktop_app.security.workstation import KeyringSecretProvider
    from desktop_app.services.session import Environment

    return Environment(provider=KeyringSecretProvider(), clock=SystemClock(), origin="cli")


def _folder(value: str) -> Path:
    if not value.strip():
        # Path("") would silently mean the current folder.
        raise argparse.ArgumentTypeError("geef een map op (de waarde is leeg)")
    return Path(value)


def _top_parser() -> tuple[CliParser, argparse._SubParsersAction[Any]]:
    parser = CliParser(prog="werkplek", description="Convenantwerkplek AIVD–IND (command line)")
    parser.add_argument("--data-dir", type=_folder, default=None, help="de werkplekmap")
    parser.add_argument("--user", default=None, help="wie de opdracht uitvoert")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="geheimen van standaardinvoer lezen, één per regel",
    )
    parser.add_argument("--json", action="store_true", help="precies één JSON-object als uitvoer")
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="taal van de meldingen (nl of en)"
    )
    sub = parser.add_subparsers(dest="command", parser_class=CliParser)
    return parser, sub


def build_parser(
    modules: Sequence[str] = (),
) -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    """The parser with the given command modules loaded; every other command is a placeholder
    that carries only its name and help text (enough for ``--help`` and for finding the command).
    """
    parser, sub = _top_parser()
    handlers: dict[str, Handler] = {}
    for name in modules:
        importlib.import_module(name).register(sub, handlers)
    for command in registry.COMMANDS:
        if command.name in sub.choices:
            continue
        placeholder = sub.add_parser(command.name, help=command.help, add_help=False)
        if command.sub_modules:
            placeholder.add_argument("subcommand", nargs="?")
    return parser, handlers


def _invoked(args: list[str]) -> tuple[str | None, str | None]:
    """The command (and sub-command, where the table needs it) as argparse itself reads them."""
    parser, _ = build_parser()
    ns, _rest = parser.parse_known_args(args)
    return ns.command, getattr(ns, "subcommand", None)


def _check_arguments(args: list[str]) -> None:
    """Every argument must be text we can store and print: a non-UTF-8 byte (which Python hands
    over as a lone surrogate) or a NUL byte is refused naming the argument."""
    for i, arg in enumerate(args):
        if not bad_text(arg):
            continue
        if arg.startswith("--"):
            what = f"Het argument {arg.partition('=')[0]}"
        elif i > 0 and args[i - 1].startswith("--") and "=" not in args[i - 1]:
            what = f"De waarde van {args[i - 1]}"
        else:
            what = f"Argument {i + 1}"
        raise UsageError(
            f"{what.encode('utf-8', 'replace').decode('utf-8')} is geen geldige tekst "
            "(ongeldige UTF-8 of een NUL-teken).",
            field="argv",
        )


def _data_dir(path: Path | None) -> Path | None:
    """``--data-dir`` must name a folder, or a place where ``init``/``restore`` can make one:
    a file, pipe, device or symlink loop there is bad input, not an unforeseen error."""
    if path is None:
        return None
    shown = str(path).encode("utf-8", "replace").decode("utf-8")
    try:
        info = path.stat()
    except FileNotFoundError:
        return path
    except (OSError, ValueError) as exc:
        if getattr(exc, "errno", None) == errno.ELOOP:
            why = "een kring van symbolische koppelingen"
        else:
            why = "niet bereikbaar (een deel van het pad is geen map, of er is geen toegang)"
        raise UsageError(f"--data-dir: '{shown}' is {why}.", field="data_dir") from None
    if not stat.S_ISDIR(info.st_mode):
        raise UsageError(f"--data-dir: '{shown}' is geen map.", field="data_dir")
    return path


def _dispatch(
    args: list[str],
    stdin: TextIO,
    stdout: TextIO,
    make_env: Callable[[], Environment],
) -> tuple[Context, dict[str, Any]]:
    command, subcommand = _invoked(args)
    if command is None:
        # No command: the full (light) parse reports unknown options first, like before.
        parser, _ = build_parser()
        parser.parse_args(args)
        raise UsageError("Geef een opdracht; zie 'werkplek --help'.")
    modules = registry.modules_for(command, subcommand)
    parser, handlers = build_parser(modules)
    try:
        ns = parser.parse_args(args)
    except UsageError:
        complete = registry.all_modules(command)
        if complete == modules:
            raise
        # An unknown sub-command: say it with every sub-command of the group listed.
        parser, handlers = build_parser(complete)
        ns = parser.parse_args(args)
    key = ns.command if not getattr(ns, "subcommand", None) else f"{ns.command} {ns.subcommand}"
    handler = handlers.get(key) or handlers.get(ns.command)
    if handler is None:
        raise UsageError(f"Onbekende opdracht '{key}'.")
    from desktop_app.paths import default_data_dir

    ctx = Context(
        data_dir=_data_dir(ns.data_dir) or default_data_dir(),
        user=ns.user,
        json=ns.json,
        stdin=stdin,
        stdout=stdout,
        password_stdin=ns.password_stdin,
        make_env=make_env,
    )
    return ctx, handler(ctx, ns)


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
    # Before parsing: an error in the arguments is told in the chosen language too.
    set_language(language_from_environment(_lang_flag(args_list)))
    os.umask(0o077)
    ctx: Context | None = None
    try:
        _check_arguments(args_list)
        try:
            ctx, payload = _dispatch(args_list, stdin, stdout, make_env or _default_env)
        except SystemExit as exc:  # --help printing
            return int(exc.code or 0)
        except EOFError:
            raise InvalidInput(
                "De standaardinvoer is leeg of gesloten; er ontbreekt invoer.", field="stdin"
            ) from None
    except AppError as exc:
        emit_error(stdout, stderr, want_json=want_json, code=exc.code, message=exc.message)
        return exc.exit_code
    except KeyboardInterrupt:
        # Ctrl+C: whatever transaction was open rolled back; a script still gets its one object.
        stopped = Cancelled(
            "De opdracht is afgebroken (Ctrl+C); wat nog niet was vastgelegd, is niet opgeslagen."
        )
        emit_error(stdout, stderr, want_json=want_json, code=stopped.code, message=stopped.message)
        return stopped.exit_code
    except Exception as exc:  # a sentence for people; the traceback only in the log file
        from desktop_app.cli.crashlog import record

        error = record(exc)
        emit_error(stdout, stderr, want_json=want_json, code=error.code, message=error.message)
        return error.exit_code
    exit_code = int(payload.pop("_exit", 0))
    if want_json:
        emit_json(stdout, payload)
    else:
        emit_human(stdout, ctx, payload)
    return exit_code


def _lang_flag(args: list[str]) -> str | None:
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


class _NoTracebackFormatter(logging.Formatter):
    """Log lines on stderr name an exception's type, never its traceback: people and the
    programs reading stderr get sentences. WERKPLEK_LOG=DEBUG shows tracebacks to developers."""

    def format(self, record: logging.LogRecord) -> str:
        if not record.exc_info:
            return super().format(record)
        kind = record.exc_info[0]
        saved = record.exc_info, record.exc_text
        record.exc_info, record.exc_text = None, None
        try:
            line = super().format(record)
        finally:
            record.exc_info, record.exc_text = saved
        return f"{line} ({kind.__name__ if kind else 'Exception'})"


def run() -> None:
    level = os.environ.get("WERKPLEK_LOG", "WARNING").upper()
    handler = logging.StreamHandler()
    fmt = "%(levelname)s %(name)s: %(message)s"
    handler.setFormatter(logging.Formatter(fmt) if level == "DEBUG" else _NoTracebackFormatter(fmt))
    logging.basicConfig(
        level=level if isinstance(logging.getLevelName(level), int) else "WARNING",
        handlers=[handler],
    )
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`werkplek … | head`): nothing more to tell it, and no traceback
        # from the interpreter's own flush at exit either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    sys.exit(code)

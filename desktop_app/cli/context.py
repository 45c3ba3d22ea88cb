"""What every command shares: the parser class, how a module adds its commands (``Commands``),
the Context handed to handlers, reading secrets, and writing the one output (JSON or lines for
people).

Kept light on purpose: ``werkplek version`` and ``--help`` import this module and the registry
and nothing of the services, storage or PDF stack (issue 11).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from desktop_app.cli import registry
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.messages import translate

if TYPE_CHECKING:
    from desktop_app.services.session import Environment, Session

Handler = Callable[["Context", argparse.Namespace], dict[str, Any]]


class UsageError(InvalidInput):
    pass


# argparse's own messages, in the language of every other message (Python 3.11's wording).
_ARGPARSE_NL = (
    (re.compile(r"^unrecognized arguments: (.*)$"), r"onbekende argumenten: \1"),
    (re.compile(r"^the following arguments are required: (.*)$"), r"verplicht: \1"),
    (re.compile(r"^argument (.*?): expected one argument$"), r"\1 verwacht een waarde"),
    (re.compile(r"^argument (.*?): not allowed with argument (.*)$"), r"\1 gaat niet samen met \2"),
    (re.compile(r"^one of the arguments (.*) is required$"), r"geef een van: \1"),
    (
        re.compile(r"^argument (.*?): invalid choice: (.*?) \(choose from (.*)\)$", re.S),
        r"\1: ongeldige keuze \2 (kies uit \3)",
    ),
    (re.compile(r"^argument (.*?): ignored explicit argument (.*)$"), r"\1: geen waarde \2"),
    (re.compile(r"^argument (.*?): (.*)$", re.S), r"\1: \2"),
)


def _dutch(message: str) -> str:
    for pattern, replacement in _ARGPARSE_NL:
        if pattern.match(message):
            message = pattern.sub(replacement, message)
            break
    # The parsers' internal names for the command positions.
    return re.sub(r"\bsubcommand\b", "subopdracht", re.sub(r"^command\b", "opdracht", message))


class CliParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        text = printable(_dutch(message))
        raise UsageError(f"Onjuist gebruik: {text}. Zie 'werkplek --help'.")


def group_commands(
    sub: argparse._SubParsersAction[Any], name: str
) -> argparse._SubParsersAction[Any]:
    """The sub-commands of the group ``name``, made (with the registry's help text) when no
    module has made the group yet: a group's sub-commands can live in several modules
    (registry.py), each adding its own."""
    group: argparse.ArgumentParser | None = sub.choices.get(name)
    if group is None:
        group = sub.add_parser(name, help=registry.BY_NAME[name].help)
    for action in group._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return group.add_subparsers(dest="subcommand", required=True)


class Commands:
    """Where a module's ``register`` adds its commands: each parser is made together with the
    handler it runs, under the key ``main`` looks it up by (``"group sub-command"``, or the
    command alone when ``group`` is None)."""

    def __init__(
        self,
        sub: argparse._SubParsersAction[Any],
        handlers: dict[str, Any],
        group: str | None = None,
    ) -> None:
        self._handlers = handlers
        self._prefix = "" if group is None else f"{group} "
        self._sub = sub if group is None else group_commands(sub, group)

    def add(self, name: str, handler: Handler, **kwargs: Any) -> argparse.ArgumentParser:
        """The parser of ``name`` (``kwargs`` as ``add_parser`` takes them: a help text given
        as None would still list the command, so leave it out instead)."""
        parser: argparse.ArgumentParser = self._sub.add_parser(name, **kwargs)
        self._handlers[f"{self._prefix}{name}"] = handler
        return parser


def bad_text(value: str) -> bool:
    """A NUL byte or a lone surrogate (a non-UTF-8 byte that ``surrogateescape`` smuggled into a
    str): nothing we store, print or hash can carry it."""
    return "\x00" in value or any("\ud800" <= c <= "\udfff" for c in value)


def printable(text: str) -> str:
    """``text`` as it can be written to a UTF-8 stream whatever it holds."""
    return text.encode("utf-8", "replace").decode("utf-8")


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
        missing = InvalidInput(
            f"Geheim nummer {self._secrets_read} ontbreekt op standaardinvoer ({prompt}).",
            field="stdin",
        )
        if self.password_stdin:
            try:
                line = self.stdin.readline()
            except (UnicodeDecodeError, ValueError, OSError):
                raise InvalidInput(
                    f"Geheim nummer {self._secrets_read} op standaardinvoer is geen "
                    "leesbare UTF-8-tekst.",
                    field="stdin",
                ) from None
            if not line:
                raise missing
            value = line.rstrip("\r\n")
        else:
            import getpass

            try:
                value = getpass.getpass(f"{prompt}: ")
                if confirm and getpass.getpass(f"{prompt} (nogmaals): ") != value:
                    raise InvalidInput("De twee invoeren verschillen.", field="password")
            except EOFError:
                raise missing from None
        if bad_text(value):
            raise InvalidInput(
                f"Geheim nummer {self._secrets_read} bevat een teken dat niet kan "
                "(een NUL-teken of ongeldige UTF-8).",
                field="stdin",
            )
        return value

    def open_session(self) -> Session:
        if not self.user:
            raise UsageError("Geef met --user aan wie deze opdracht uitvoert.")
        from desktop_app.services.workspace import open_session

        password = self.secret(f"Wachtwoord van {self.user}")
        return open_session(self.env, self.data_dir, self.user, password)

    def say(self, line: str) -> None:
        """Human-readable output line (ignored with --json)."""
        self._human.append(line)


def emit_json(out: TextIO, payload: dict[str, Any]) -> None:
    out.write(printable(json.dumps(payload, ensure_ascii=False, default=str)) + "\n")


def emit_human(out: TextIO, ctx: Context | None, payload: dict[str, Any]) -> None:
    if ctx is not None and ctx._human:
        for line in ctx._human:
            out.write(printable(translate(line)) + "\n")
        return
    for key, value in payload.items():
        if isinstance(value, list):
            out.write(f"{key}:\n")
            for item in value:
                if isinstance(item, dict):
                    line = "  " + "  ".join(f"{k}={_human_value(v)}" for k, v in item.items())
                else:
                    line = f"  {_human_value(item)}"
                out.write(printable(line) + "\n")
        else:
            out.write(printable(f"{key}: {_human_value(value)}") + "\n")


def _human_value(value: Any) -> str:
    """A JSON value for people: a list as its items ("admin, aivd_officer", not Python's
    ``['admin', 'aivd_officer']``), an object as its ``key=value`` pairs, nothing as a dash."""
    if isinstance(value, dict):
        return ", ".join(f"{k}={_human_value(v)}" for k, v in value.items()) or "–"
    if isinstance(value, list | tuple):
        return ", ".join(_human_value(v) for v in value) or "–"
    if value is None:
        return "–"
    return str(value)


def emit_error(stdout: TextIO, stderr: TextIO, *, want_json: bool, code: str, message: str) -> None:
    message = translate(message)
    if want_json:
        emit_json(stdout, {"error": {"code": code, "message": message}})
    else:
        stderr.write(printable(f"werkplek: {message}") + "\n")

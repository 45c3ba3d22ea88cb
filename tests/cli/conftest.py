"""CLI fixtures: run a command against the fixture workspace as a given user."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from desktop_app.cli.main import main as cli_main
from desktop_app.services.session import Environment


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli_on() -> Callable[[Environment], Callable[..., Result]]:
    """A CLI runner for another machine (its own environment and keyring)."""

    def bind(env: Environment) -> Callable[..., Result]:
        def run(*args: str, stdin: str = "") -> Result:
            out, err = io.StringIO(), io.StringIO()
            code = cli_main(
                list(args), stdin=io.StringIO(stdin), stdout=out, stderr=err, make_env=lambda: env
            )
            return Result(code, out.getvalue(), err.getvalue())

        return run

    return bind


@pytest.fixture
def as_user(cli: Any, workspace: Any) -> Any:
    """``as_user("beheer", "user", "list", secrets=[...])`` with --json and --password-stdin."""

    def run(
        user: str | None, *args: str, secrets: list[str] | None = None, json_mode: bool = True
    ) -> Any:
        argv = ["--data-dir", str(workspace.root), "--password-stdin"]
        if json_mode:
            argv.insert(0, "--json")
        if user is not None:
            argv += ["--user", user]
        stdin = "".join(f"{s}\n" for s in (secrets or []))
        result = cli(*argv, *args, stdin=stdin)
        if json_mode:
            # Exactly one JSON object on stdout, nothing else.
            assert result.out.count("\n") == 1 and result.out.endswith("\n"), result.out
            json.loads(result.out)
        return result

    return run

"""Suite-wide fixtures. Sockets are blocked for the whole run (CFG-3, SIG-8)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.umask(0o077)

from support.helpers import ADMIN_PW, PASSWORDS, STAFF, os_zone  # noqa: E402

from desktop_app.cli.main import main as cli_main  # noqa: E402
from desktop_app.domain.classification import Classification  # noqa: E402
from desktop_app.domain.clock import FixedClock  # noqa: E402
from desktop_app.domain.roles import Role  # noqa: E402
from desktop_app.security.workstation import MemorySecretProvider  # noqa: E402
from desktop_app.services import users  # noqa: E402
from desktop_app.services.session import Environment  # noqa: E402
from desktop_app.services.workspace import init_workspace, open_session  # noqa: E402


class NetworkBlocked(AssertionError):
    pass


_real_socket = socket.socket
SOCKET_ATTEMPTS: list[tuple[Any, ...]] = []


class _GuardedSocket(_real_socket):
    def __init__(
        self, family: int = -1, type: int = -1, proto: int = -1, fileno: int | None = None
    ) -> None:
        # AF_UNIX is local IPC (Qt, D-Bus); anything that can reach a network is refused.
        if family in (socket.AF_INET, socket.AF_INET6):
            SOCKET_ATTEMPTS.append((family, type))
            raise NetworkBlocked("the application must never open a network connection")
        super().__init__(family, type, proto, fileno)


def _blocked(*args: Any, **kwargs: Any) -> Any:
    SOCKET_ATTEMPTS.append(args)
    raise NetworkBlocked("the application must never open a network connection")


@pytest.fixture(autouse=True, scope="session")
def _block_network() -> Iterator[None]:
    mp = pytest.MonkeyPatch()
    mp.setattr(socket, "socket", _GuardedSocket)
    mp.setattr(socket, "create_connection", _blocked)
    mp.setattr(socket, "getaddrinfo", _blocked)
    yield
    mp.undo()


START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)  # a Monday
# ADMIN_PW and PASSWORDS are support.helpers' (test modules import them from here too).
# The one role each of the staff accounts has in ``Workspace.add_staff``.
STAFF_ROLES: dict[str, Role] = {name: roles[0] for name, (_pw, roles, _level) in STAFF.items()}


@pytest.fixture
def new_york() -> Iterator[None]:
    """The process's own zone is New York: what is shown and printed must still be Amsterdam
    time (domain/timefmt)."""
    with os_zone("America/New_York"):
        yield


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def provider() -> MemorySecretProvider:
    return MemorySecretProvider()


@pytest.fixture
def env(provider: MemorySecretProvider, clock: FixedClock) -> Environment:
    return Environment(provider=provider, clock=clock, origin="test")


@dataclass
class Workspace:
    root: Path
    env: Environment
    recovery_key: str

    def session(self, name: str = "beheer", password: str | None = None) -> Any:
        return open_session(self.env, self.root, name, password or PASSWORDS[name])

    def add_staff(self, *names: str, clearance: Classification = Classification.STG_GEHEIM) -> None:
        """Accounts for ``names`` (with their STAFF_ROLES role and PASSWORDS password), added by
        the administrator in one session."""
        with self.session() as admin:
            for name in names:
                users.add_user(
                    admin,
                    name=name,
                    password=PASSWORDS[name],
                    roles=[STAFF_ROLES[name]],
                    clearance=clearance,
                )


@pytest.fixture
def workspace(tmp_path: Path, env: Environment) -> Workspace:
    root = tmp_path / "ws"
    result = init_workspace(
        env,
        root,
        admin_name="beheer",
        admin_password=ADMIN_PW,
        full_name="B. Beheerder",
        location="aivd",
        kdf_profile="test",
    )
    return Workspace(root, env, result.recovery_key)


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


def cli_runner(env: Environment) -> Callable[..., CliResult]:
    """``run(*args, stdin="")``: the CLI in-process on ``env``, its exit code and output."""

    def run(*args: str, stdin: str = "") -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        code = cli_main(
            list(args), stdin=io.StringIO(stdin), stdout=out, stderr=err, make_env=lambda: env
        )
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def cli(env: Environment) -> Callable[..., CliResult]:
    return cli_runner(env)


@pytest.fixture
def cli_on() -> Callable[[Environment], Callable[..., CliResult]]:
    """A CLI runner for another machine (its own environment and keyring)."""
    return cli_runner

"""The parent's side of the kill tests: a workspace whose keyring (``file_keyring``) outlives a
killed child, and starting a child script and SIGKILLing it where it stalls
(``children.stall``)."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from support.file_keyring import FileSecretProvider
from support.helpers import ADMIN_PW, REPO, populate

from desktop_app.domain.clock import FixedClock
from desktop_app.services.session import Environment
from desktop_app.services.workspace import init_workspace, open_session

CLOCK_AT = dt.datetime(2026, 11, 3, 9, 0, tzinfo=dt.UTC)


@dataclass
class FileWorkspace:
    root: Path
    env: Environment
    recovery_key: str

    @property
    def provider(self) -> FileSecretProvider:
        provider = self.env.provider
        assert isinstance(provider, FileSecretProvider)
        return provider

    def session(self, name: str = "beheer", password: str | None = None) -> Any:
        return open_session(self.env, self.root, name, password or ADMIN_PW)


def file_workspace(folder: Path) -> FileWorkspace:
    """A workspace in ``folder/ws`` with the administrator and the four STAFF accounts, its
    keyring in ``folder/keyring``, on a fixed clock."""
    env = Environment(provider=FileSecretProvider(folder / "keyring"), clock=FixedClock(CLOCK_AT))
    root = folder / "ws"
    made = init_workspace(
        env, root, admin_name="beheer", admin_password=ADMIN_PW, kdf_profile="test"
    )
    ws = FileWorkspace(root, env, made.recovery_key)
    populate(ws)
    return ws


def start_child(child: Path, *args: str, stdin: str) -> subprocess.Popen[str]:
    """``python child ARGS`` with ``stdin`` written and closed; its stdout a text pipe."""
    proc = subprocess.Popen(
        [sys.executable, str(child), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert proc.stdin is not None
    proc.stdin.write(stdin)
    proc.stdin.close()
    return proc


def kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def kill_when_stalled(child: Path, *args: str, stdin: str) -> None:
    """Start the child, wait until its first line reports the stall point, then SIGKILL it
    there; a child that says anything else first fails the test with what it wrote."""
    proc = start_child(child, *args, stdin=stdin)
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if line != "STALLED":
        proc.kill()
        proc.wait(timeout=30)
        err = proc.stderr.read() if proc.stderr else ""
        kill(proc)
        raise AssertionError(f"child did not stall: {line!r} {err}")
    kill(proc)
    assert proc.returncode == -signal.SIGKILL

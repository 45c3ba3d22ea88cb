"""A signed-in workspace handed to a fault-injection child process (test only).

The parent's keyring is in memory, so ``spawn`` passes the workstation secret, its keyring entry
name and the password in the child's environment, as ``<PREFIX>_BINDING``, ``<PREFIX>_SECRET``
and ``<PREFIX>_PASSWORD``; the child's ``open_handed_session`` stores the secret in its own
in-memory keyring and signs in on a fixed clock. The parent imports this as
``support.handover``, a child script (run with the repo root on ``sys.path``) as
``tests.support.handover``.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from desktop_app.domain.clock import FixedClock
from desktop_app.security.keyfile import KeyFile
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services.session import Environment, Session
from desktop_app.services.workspace import KEYS_NAME, open_session

REPO = Path(__file__).resolve().parents[2]


def spawn(child: Path, prefix: str, ws: Any, password: str, *args: str) -> subprocess.Popen[str]:
    """``child ws.root *args`` with the workspace's keyring entry and ``password`` handed over;
    its stdout is a text pipe the test reads the child's progress lines from."""
    binding = KeyFile.load(ws.root / KEYS_NAME).binding_id
    secret = ws.env.provider.load(binding)
    assert secret is not None
    env = {
        **os.environ,
        f"{prefix}_BINDING": binding,
        f"{prefix}_SECRET": secret.hex(),
        f"{prefix}_PASSWORD": password,
    }
    return subprocess.Popen(
        [sys.executable, str(child), str(ws.root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=REPO,
        env=env,
    )


def open_handed_session(prefix: str, root: Path, user: str, at: dt.datetime) -> Session:
    """In the child: ``user``'s session on the handed-over keyring entry, the clock fixed at
    ``at``."""
    provider = MemorySecretProvider()
    provider.store(os.environ[f"{prefix}_BINDING"], bytes.fromhex(os.environ[f"{prefix}_SECRET"]))
    env = Environment(provider=provider, clock=FixedClock(at), origin="child")
    return open_session(env, root, user, os.environ[f"{prefix}_PASSWORD"])

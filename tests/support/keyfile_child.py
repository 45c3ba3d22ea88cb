"""Child process for the key-file concurrency tests (issue 15 §1): waits for a start signal (a
file appearing), then runs one operation through the real services against a workspace whose
workstation secret is shared through tests/support/file_keyring.py. Prints one JSON line per
attempt.

usage: keyfile_child.py ROOT KEYRING_FOLDER GO OP ARGS...
  signin NAME PASSWORD COUNT     COUNT sign-ins (each opened and closed again)
  adduser NEW_NAME NEW_PASSWORD  as beheer (password on stdin)
  passwd NAME OLD NEW
  unlock NAME                    as beheer (password on stdin)
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.file_keyring import FileSecretProvider

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import AppError
from desktop_app.domain.roles import Role
from desktop_app.services import users
from desktop_app.services.session import Environment
from desktop_app.services.workspace import open_session


def _say(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def main() -> None:
    root, secrets, go, op, *args = sys.argv[1:]
    env = Environment(
        provider=FileSecretProvider(Path(secrets)),
        clock=FixedClock(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)),
        origin="child",
    )
    admin_pw = sys.stdin.readline().rstrip("\n") if op in {"adduser", "unlock"} else ""
    while not Path(go).exists():
        time.sleep(0.002)
    try:
        if op == "signin":
            name, password, count = args
            for _ in range(int(count)):
                try:
                    open_session(env, Path(root), name, password).close()
                    _say(result="ok")
                except AppError as exc:
                    _say(result=exc.code)
        elif op == "adduser":
            name, password = args
            with open_session(env, Path(root), "beheer", admin_pw) as s:
                users.add_user(s, name=name, password=password, roles=[Role.AIVD_OFFICER])
            _say(result="ok")
        elif op == "passwd":
            name, old, new = args
            with open_session(env, Path(root), name, old) as s:
                users.change_password(s, old, new)
            _say(result="ok")
        elif op == "unlock":
            (name,) = args
            with open_session(env, Path(root), "beheer", admin_pw) as s:
                _say(result="ok", was_locked=users.unlock_user(s, name))
        else:
            raise SystemExit(f"unknown op {op}")
    except AppError as exc:
        _say(result=exc.code, message=exc.message)


if __name__ == "__main__":
    main()

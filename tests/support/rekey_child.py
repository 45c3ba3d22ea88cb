"""Kill-test child for the key rotation: signs in, rotates the DEK through the real service and
is killed by the parent with SIGKILL, either at a chosen point (it prints ``STALLED`` there and
waits) or at whatever moment the parent's timer hits (STALL ``none``; it prints ``STARTED``).

usage: rekey_child.py ROOT KEYRING_DIR STALL [recovery]    (the administrator's password on
stdin; with ``recovery`` the rotation is that of a new recovery key, whose key it prints as
``KEY <key>`` when it finishes)
STALL: write    - inside the copy's transaction (copy re-keyed, nothing committed in it)
       copied   - the re-keyed copy complete, the key file not yet staged
       staged   - the key file holds both DEKs, the database not yet replaced
       replaced - the copy renamed into place, the key file still staged
       promoted - the key file folded in, the session not yet told
       none     - no stall
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.children import stall as _stall
from support.children import stall_after
from support.file_keyring import FileSecretProvider

from desktop_app.domain.clock import FixedClock
from desktop_app.security.keyfile import KeyFile
from desktop_app.services import workspace
from desktop_app.services.session import Environment, Session
from desktop_app.storage import rekey


def main() -> None:
    root, keyring, stall = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    clock = FixedClock(dt.datetime(2026, 11, 3, 9, 0, tzinfo=dt.UTC))
    env = Environment(provider=FileSecretProvider(keyring), clock=clock, origin="child")
    session = workspace.open_session(env, root, "beheer", sys.stdin.readline().rstrip("\n"))
    if stall == "write":
        real_append = workspace.audit.append

        def append(*args: Any, **kwargs: Any) -> Any:
            result = real_append(*args, **kwargs)
            if kwargs.get("action") == "workspace.rekey":
                _stall()
            return result

        workspace.audit.append = append  # type: ignore[assignment]
    elif stall == "copied":
        stall_after(rekey, "rekeyed_copy")
    elif stall in ("staged", "promoted"):
        stall_after(KeyFile, "save", 1 if stall == "staged" else 2)
    elif stall == "replaced":
        stall_after(rekey, "replace_with_copy")
    else:
        print("STARTED", flush=True)
    if stall == "promoted":
        Session.replace_dek = lambda self, dek: _stall()  # type: ignore[method-assign]
    if sys.argv[4:] == ["recovery"]:
        issued = workspace.new_recovery_key(session, session.sign_in_proof())
        print(f"KEY {issued.recovery_key}", flush=True)
    else:
        workspace.rotate_database_key(session, session.sign_in_proof())
    print("FINISHED", flush=True)
    session.close()


if __name__ == "__main__":
    main()

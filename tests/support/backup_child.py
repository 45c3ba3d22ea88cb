"""Kill-test child for backup and restore: runs one through the real service, stops at a chosen
point (prints ``STALLED`` and waits) and is killed there by the parent with SIGKILL.

usage: backup_child.py backup ROOT KEYRING_DIR TARGET STALL     (password on stdin)
       backup_child.py restore BACKUP TARGET KEYRING_DIR STALL  (recovery key, password on stdin)
STALL for backup:  chunk  - the backup file half written (snapshot and temp file on disk)
                   commit - its audit entry committed, the file not yet under its name
STALL for restore: stream - the database half written into the temp folder
                   stored - the keyring entry stored, the transaction not yet committed
                   move   - everything done except renaming the folder into place
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.children import stall as _stall
from support.children import stall_after
from support.file_keyring import FileSecretProvider

from desktop_app.domain.clock import FixedClock
from desktop_app.services import admin
from desktop_app.services.session import Environment
from desktop_app.services.workspace import open_session
from desktop_app.storage import backup
from desktop_app.storage.files import AtomicStreamWriter


def main() -> None:
    mode = sys.argv[1]
    clock = FixedClock(dt.datetime(2026, 11, 3, 9, 0, tzinfo=dt.UTC))
    if mode == "backup":
        root, keyring, target, stall = (
            Path(sys.argv[2]),
            Path(sys.argv[3]),
            Path(sys.argv[4]),
            sys.argv[5],
        )
        env = Environment(provider=FileSecretProvider(keyring), clock=clock, origin="child")
        session = open_session(env, root, "beheer", sys.stdin.readline().rstrip("\n"))
        if stall == "chunk":
            stall_after(backup, "_emit")
        else:
            backup.PendingBackup.publish = lambda self: _stall()  # type: ignore[method-assign]
        admin.make_backup(session, target)
    else:
        source, target, keyring, stall = (
            Path(sys.argv[2]),
            Path(sys.argv[3]),
            Path(sys.argv[4]),
            sys.argv[5],
        )
        provider = FileSecretProvider(keyring)
        env = Environment(provider=provider, clock=clock, origin="child")
        recovery_key = sys.stdin.readline().rstrip("\n")
        password = sys.stdin.readline().rstrip("\n")
        if stall == "stream":
            stall_after(AtomicStreamWriter, "write")
        elif stall == "stored":
            stall_after(provider, "store")
        else:
            admin._move_into_place = lambda work, target: _stall()
        admin.restore_workspace(
            env,
            source,
            target,
            admin_name="beheer",
            recovery_key=recovery_key,
            new_password=password,
        )
    print("FINISHED", flush=True)


if __name__ == "__main__":
    main()

"""Unforeseen errors: a sentence on screen, the traceback in the log file only.

The file is created 0600 in a 0700 folder. It holds tracebacks (code locations and exception
texts), never secrets the CLI reads: passwords and keys are not part of exception messages, and
no local variables are written. It is kept small: past ``MAX_BYTES`` the old file is replaced.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import traceback
from pathlib import Path

from desktop_app.domain.errors import InternalError

log = logging.getLogger("desktop_app.cli")

MAX_BYTES = 1024 * 1024


def _append(path: Path, text: str) -> bool:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_size > MAX_BYTES:
                os.replace(path, path.with_name(path.name + ".1"))
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace") as fh:
            os.fchmod(fd, 0o600)
            fh.write(text)
    except OSError:
        return False
    return True


def record(exc: BaseException) -> InternalError:
    """Log ``exc`` with its traceback to the log file; the error to show instead."""
    from desktop_app.paths import default_log_file

    path = default_log_file()
    when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    written = _append(path, f"--- {when} unforeseen error in werkplek (pid {os.getpid()})\n")
    written = written and _append(path, "".join(lines))
    # The terminal (and any handler the caller set up) gets the type only: its text may carry
    # SQL or paths, and a traceback is no message for people.
    log.error("unexpected error (%s)", type(exc).__name__)
    where = f" Details staan in het logboek {path}." if written else ""
    return InternalError(
        "Er ging onverwacht iets mis; de opdracht is niet (volledig) uitgevoerd." + where
    )

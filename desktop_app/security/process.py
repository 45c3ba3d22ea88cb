"""LOCK-10: keep this process's memory off the disk and out of reach of the user's other
processes.

A core dump would write decrypted names and texts (and possibly the database key) to disk in
the clear; a debugger or ``/proc/<pid>/mem`` reader running as the same user could read them
live. So every entry point first sets the core-file limit to 0 and marks the process
non-dumpable (Linux ``prctl(PR_SET_DUMPABLE, 0)``, which also refuses ``ptrace`` attach by
processes of the same user). Elsewhere only the core limit is set.
"""

from __future__ import annotations

import ctypes
import logging
import resource
import sys
from dataclasses import dataclass

log = logging.getLogger(__name__)

_PR_GET_DUMPABLE = 3
_PR_SET_DUMPABLE = 4


@dataclass(frozen=True)
class Hardening:
    core_limit: tuple[int, int]
    dumpable: int | None  # None where the platform has no prctl


def _prctl(option: int, arg: int = 0) -> int:
    libc = ctypes.CDLL(None, use_errno=True)
    return int(libc.prctl(option, arg, 0, 0, 0))


def harden_process() -> Hardening:
    """Refuse core dumps and (Linux) become non-dumpable. Never raises: a workstation whose
    kernel refuses is logged, and the state is returned for the caller to check."""
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        log.warning("could not set the core-file limit to 0")
    if sys.platform.startswith("linux") and _prctl(_PR_SET_DUMPABLE, 0) != 0:
        log.warning("could not mark the process non-dumpable (errno %d)", ctypes.get_errno())
    return hardening_state()


def hardening_state() -> Hardening:
    dumpable = _prctl(_PR_GET_DUMPABLE) if sys.platform.startswith("linux") else None
    return Hardening(core_limit=resource.getrlimit(resource.RLIMIT_CORE), dumpable=dumpable)

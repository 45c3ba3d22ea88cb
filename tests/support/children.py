"""What the child processes of the kill tests share (imported after their ``sys.path`` lines)."""

from __future__ import annotations

import time
from typing import Any


def stall() -> None:
    """Tell the parent that the child stands where it is to be killed, and wait there."""
    print("STALLED", flush=True)
    time.sleep(600)


def stall_after(owner: Any, name: str, call: int = 1) -> None:
    """Replace ``owner.name`` (a module's function, a class's method, an object's bound method)
    by one that does its work and then, on its ``call``-th call, stalls."""
    real = getattr(owner, name)
    calls = [0]

    def stalling(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        calls[0] += 1
        if calls[0] == call:
            stall()
        return result

    setattr(owner, name, stalling)

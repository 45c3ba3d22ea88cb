"""What the child processes of the kill tests share (imported after their ``sys.path`` lines)."""

from __future__ import annotations

import time


def stall() -> None:
    """Tell the parent that the child stands where it is to be killed, and wait there."""
    print("STALLED", flush=True)
    time.sleep(600)

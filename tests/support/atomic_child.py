"""Crash-harness child for atomic_write (KEY-5, CRASH-4): rewrite one file forever, alternating
between two versions, until the parent kills it with SIGKILL.

usage: atomic_child.py TARGET VERSION_A VERSION_B
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.storage.files import atomic_write


def main() -> None:
    target = Path(sys.argv[1])
    versions = [Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()]
    print("READY", flush=True)
    i = 0
    while True:
        atomic_write(target, versions[i % 2])
        i += 1


if __name__ == "__main__":
    main()

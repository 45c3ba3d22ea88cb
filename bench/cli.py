"""Issue 11 figures: start-up of the ``werkplek`` command line, each against ``python -c pass``
measured in the same run (the ratio is what the targets are about; the machine varies)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.common import Figure, median, timed

REPO = Path(__file__).resolve().parent.parent
RUNS = 15


def _process_ms(args: list[str]) -> float:
    def once() -> None:
        subprocess.run(
            [sys.executable, *args],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )

    once()  # warm the file cache and the bytecode
    return median(timed(once, repeat=RUNS))


def run() -> list[Figure]:
    plain = _process_ms(["-c", "pass"])
    version = _process_ms(["-m", "desktop_app", "--json", "version"])
    help_ms = _process_ms(["-m", "desktop_app", "--help"])
    return [
        Figure("cli_python_pass_ms", plain, "ms"),
        Figure(
            "cli_version_ms",
            version,
            "ms",
            ratio_vs_plain=version / plain,
            target="<= 150 ms",
        ),
        Figure(
            "cli_help_ms",
            help_ms,
            "ms",
            ratio_vs_plain=help_ms / plain,
            target="<= 300 ms",
        ),
    ]

"""Run every bench module and print one table; write bench/results.json."""

from __future__ import annotations

import importlib
import sys

from bench.common import Figure, print_table, write

MODULES = [
    "bench.cli",
    "bench.foundation",
    "bench.reports",
    "bench.printing",
    "bench.requests",
    "bench.window",
]


def main(argv: list[str]) -> int:
    only = set(argv)
    figures: list[Figure] = []
    for name in MODULES:
        if only and name.split(".")[-1] not in only:
            continue
        module = importlib.import_module(name)
        print(f"… {name}", file=sys.stderr, flush=True)
        figures.extend(module.run())
    print_table(figures)
    write(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

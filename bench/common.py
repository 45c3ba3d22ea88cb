"""Shared bench helpers: timing, percentiles, the results table."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results.json"


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    ratio_vs_plain: float | None = None
    target: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "value": round(self.value, 3),
            "unit": self.unit,
            "ratio_vs_plain": None
            if self.ratio_vs_plain is None
            else round(self.ratio_vs_plain, 2),
        }


def timed(fn: Callable[[], object], repeat: int = 1) -> list[float]:
    """Wall-clock milliseconds of each call."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def write(figures: list[Figure]) -> None:
    # Merge: running one module (`python -m bench printing`) keeps the others' last figures.
    existing: dict[str, Any] = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    RESULTS.write_text(
        json.dumps({**existing, **{f.name: f.as_json() for f in figures}}, indent=2, sort_keys=True)
        + "\n"
    )


def print_table(figures: list[Figure]) -> None:
    width = max(len(f.name) for f in figures) + 2
    print(f"{'figure':<{width}}{'value':>12} {'unit':<8}{'vs plain':>10}  target")
    for f in figures:
        ratio = "" if f.ratio_vs_plain is None else f"{f.ratio_vs_plain:.2f}x"
        print(f"{f.name:<{width}}{f.value:>12.2f} {f.unit:<8}{ratio:>10}  {f.target}")

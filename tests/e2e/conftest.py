"""End-to-end fixtures (tests/e2e/harness.py has the machinery): each test gets fresh
workstations, each a private D-Bus session with its own unlocked GNOME Keyring."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.harness import Workstation, start_workstation, stop_workstation


@pytest.fixture
def workstations(tmp_path: Path) -> Iterator[Callable[[str], Workstation]]:
    """``workstations("ws1")`` starts a workstation; all are stopped after the test."""
    started: list[Workstation] = []

    def start(name: str) -> Workstation:
        ws = start_workstation(name, tmp_path / name)
        started.append(ws)
        return ws

    yield start
    for ws in started:
        stop_workstation(ws)


@pytest.fixture
def workstation(workstations: Callable[[str], Workstation]) -> Workstation:
    return workstations("werkplek-1")

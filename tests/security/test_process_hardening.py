"""LOCK-10: no core dumps and a non-dumpable process, set by every entry point."""

from __future__ import annotations

import json
import sys

import pytest
from support.helpers import run_python

from desktop_app import launcher
from desktop_app.security import process

_PROBE = """
import json
from pathlib import Path
from desktop_app.security.process import harden_process
state = harden_process()
[limits] = [l for l in Path("/proc/self/limits").read_text().splitlines()
            if l.startswith("Max core file size")]
print(json.dumps({"limit": state.core_limit, "dumpable": state.dumpable,
                  "proc": limits.split()[4:6]}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl and /proc are Linux")
def test_lock10_hardened_process_has_no_core_and_is_not_dumpable() -> None:
    out = json.loads(run_python("-c", _PROBE, check=True).stdout)
    assert out == {"limit": [0, 0], "dumpable": 0, "proc": ["0", "0"]}


def test_lock10_a_fresh_interpreter_is_not_hardened_by_import_alone() -> None:
    """The hardening is an explicit start-up step (tests and tools importing the package keep
    their debuggers), so the probe above proves the function, not a side effect of import."""
    out = run_python(
        "-c",
        "import desktop_app.security.process as p; print(p.hardening_state().dumpable)",
        check=True,
    ).stdout.strip()
    assert out == ("1" if sys.platform.startswith("linux") else "None")


def test_lock10_every_entry_point_hardens_first(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(process, "harden_process", lambda: calls.append("harden"))
    monkeypatch.setattr(sys, "argv", ["werkplek", "version"])
    with pytest.raises(SystemExit) as exited:
        launcher.run()
    assert exited.value.code == 0
    assert calls == ["harden"]

"""Kill-harness child (``make soak``, tests/storage/test_soak.py): random operations through the
real command line (``desktop_app.cli.main.main``, in this process) on one workspace, until the
parent sends SIGKILL.

usage: soak_child.py STATE_JSON

The state (written by the parent before every round) names the workspace, the file keyring,
the folders, the current passwords and the operation the parent means to kill. Protocol on
stdout, one line each, flushed:

    READY
    BEGIN <seq> <op> <json: what is about to be done>
    ACK <seq> <op> <seconds> <json: the command's JSON output>   (exit 0: acknowledged)
    FAIL <seq> <op> <json: exit code and output>                  (never expected)
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.file_keyring import FileSecretProvider

from desktop_app.cli.main import main as cli_main
from desktop_app.domain.clock import FixedClock
from desktop_app.services.session import Environment

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
OPS = ("import", "print", "evidence", "backup", "restore", "passwd")
PASSWD_USERS = ("officier", "liaison", "inspecteur")
RESTORE_PW = "hersteld-soak-ww"
MAX_OPS = 1000  # far more than fit in one kill window: the child never ends by itself


class Child:
    def __init__(self, state: dict[str, Any]) -> None:
        self.state = state
        self.root = state["root"]
        self.work = Path(state["work"])
        self.passwords: dict[str, str] = dict(state["passwords"])
        self.rng = random.Random(state["seed"])
        self.env = Environment(
            provider=FileSecretProvider(Path(state["keyring"])),
            clock=FixedClock(START),
            origin="soak",
        )
        self.seq = 0

    def cli(
        self, args: list[str], secrets: list[str], *, data_dir: str | None = None
    ) -> tuple[int, Any]:
        out = io.StringIO()
        code = cli_main(
            ["--json", "--password-stdin", "--data-dir", data_dir or self.root, *args],
            stdin=io.StringIO("".join(f"{s}\n" for s in secrets)),
            stdout=out,
            stderr=io.StringIO(),
            make_env=lambda: self.env,
        )
        text = out.getvalue().strip()
        return code, json.loads(text) if text else None

    def as_user(
        self, user: str, args: list[str], extra: list[str] | None = None
    ) -> tuple[int, Any]:
        return self.cli(["--user", user, *args], [self.passwords[user], *(extra or [])])

    def run(self, op: str, **forced: Any) -> None:
        self.seq += 1
        tag = f"r{self.state['round']}s{self.seq}"
        plan, action = getattr(self, f"plan_{op}")(tag, **forced)
        print(f"BEGIN {self.seq} {op} {json.dumps(plan)}", flush=True)
        started = time.monotonic()
        code, output = action()
        elapsed = time.monotonic() - started
        if code == 0:
            if op == "passwd":
                self.passwords[plan["user"]] = plan["new"]
            if op == "print":  # out of the way of the next print into the same folder
                done = self.work / "printed" / tag
                done.mkdir(parents=True)
                for name in output["files"]:
                    os.rename(name, done / Path(name).name)
                output["files"] = [str(done / Path(n).name) for n in output["files"]]
            print(f"ACK {self.seq} {op} {elapsed:.3f} {json.dumps(output)}", flush=True)
        else:
            print(
                f"FAIL {self.seq} {op} {json.dumps({'code': code, 'output': output})}", flush=True
            )

    # --- the operations: (what is about to happen, the call doing it) ----------------------

    def plan_import(self, tag: str) -> tuple[dict[str, Any], Any]:
        rows = self.rng.randint(200, 3000)
        marker = f"Soak{tag}"
        path = self.work / "inputs" / f"{tag}.csv"
        lines = ["subject_name,v_number,purpose,received"]
        lines += [f"{marker} Persoon{i},{1000000000 + i},asylum,2026-10-01" for i in range(rows)]
        path.write_text("\n".join(lines) + "\n")
        user = self.rng.choice(("officier", "liaison"))
        return {"marker": marker, "rows": rows}, lambda: self.as_user(
            user, ["request", "import", str(path)]
        )

    def plan_print(self, tag: str) -> tuple[dict[str, Any], Any]:
        copies = self.rng.choice((1, 5, 20, 50))
        out = self.work / "prints"  # one folder: a print must clean up after a killed one
        user = self.rng.choice(("officier", "tekenaar"))
        args = ["report", "print", str(self.state["signed_report"]), "--copies", str(copies)]
        return {"out": str(out), "copies": copies}, lambda: self.as_user(
            user, [*args, "--out", str(out)]
        )

    def plan_evidence(self, tag: str) -> tuple[dict[str, Any], Any]:
        size = self.rng.randint(10_000, 600_000)
        path = self.work / "inputs" / f"{tag}.bin"
        path.write_bytes(os.urandom(size))
        report = str(self.state["draft_report"])
        return {"size": size, "file": str(path)}, lambda: self.as_user(
            "officier",
            ["evidence", "add", "--report", report, "--file", str(path), "--title", f"Item {tag}"],
        )

    def plan_backup(self, tag: str) -> tuple[dict[str, Any], Any]:
        target = self.work / "backups" / f"{tag}.backup"
        return {"file": str(target)}, lambda: self.as_user(
            "beheer", ["backup", "--out", str(target)]
        )

    def plan_restore(self, tag: str, target: str | None = None) -> tuple[dict[str, Any], Any]:
        source = self.state["latest_backup"]
        folder = target or str(self.work / "restores" / tag)
        return {"target": folder, "source": source}, lambda: self.cli(
            ["restore", source, "--admin", "beheer"],
            [self.state["recovery_key"], RESTORE_PW],
            data_dir=folder,
        )

    def plan_passwd(self, tag: str) -> tuple[dict[str, Any], Any]:
        user = self.rng.choice(PASSWD_USERS)
        new = f"soak-{tag}-wachtwoord"
        return {"user": user, "old": self.passwords[user], "new": new}, lambda: self.as_user(
            user, ["passwd"], [new]
        )


def main() -> None:
    state = json.loads(Path(sys.argv[1]).read_text())
    child = Child(state)
    print("READY", flush=True)
    if state.get("retry_restore"):
        child.run("restore", target=state["retry_restore"])
    for _ in range(child.rng.randrange(0, 2)):
        child.run(child.rng.choice(_available(state)))
    child.run(state["target"])
    for _ in range(MAX_OPS):
        child.run(child.rng.choice(_available(state)))
    print("DONE", flush=True)


def _available(state: dict[str, Any]) -> list[str]:
    return [op for op in OPS if op != "restore" or state.get("latest_backup")]


if __name__ == "__main__":
    main()

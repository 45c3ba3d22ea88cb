"""The kill harness: SIGKILL at random moments of import, print, evidence add, backup, restore and
passwd (tests/support/soak_child.py drives the real command line), and after every kill:

* the workspace opens and ``audit verify`` is ok;
* no acknowledged write is lost: imported rows (all of an import or none), evidence items,
  backups (file and audit entry with its SHA-256), restored workspaces (they open), printed
  copies (files and register), new passwords;
* no signed PDF exists without a print-register entry, no backup file without its audit entry;
* no stray file: the workspace folder holds only its own files, and the hidden leftovers of the
  one killed operation (temp file, snapshot, restore folder) are gone after its next run;
* a killed restore can be retried into the same folder; no keyring entry is left that no
  workspace (or a killed restore's temp folder, removed by the next restore) names.

Rounds: SOAK_ROUNDS (default 18 here; ``make soak`` runs 240). Operations are killed in turn,
each at a random moment within the time it took when it last ran to the end (half of them near
that end).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from support.file_keyring import FileSecretProvider
from support.helpers import ADMIN_PW, REPO

from desktop_app.domain.clock import FixedClock
from desktop_app.security.keyfile import KeyFile
from desktop_app.services import audit as audit_service
from desktop_app.services.admin import RESTORE_PREFIX
from desktop_app.services.session import Environment
from desktop_app.services.workspace import KEYS_NAME, init_workspace, open_session
from tests.services.test_printing_support import add_staff, make_report, password

CHILD = REPO / "tests" / "support" / "soak_child.py"
ROUNDS = int(os.environ.get("SOAK_ROUNDS", "18"))
OPS = ("import", "print", "evidence", "backup", "restore", "passwd")
START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
RESTORE_PW = "hersteld-soak-ww"
# What a workspace folder may hold (the database with its WAL files and its disk-full reserve,
# the key file and its lock, the public trust roots).
WORKSPACE_FILES = {
    "workspace.db",
    "workspace.db-wal",
    "workspace.db-shm",
    "workspace.db-reserve",
    "keys.json",
    "keys.json.lock",
    "trust-roots.pem",
}
FIRST_GUESS = {
    "import": 0.5,
    "print": 3.0,
    "evidence": 0.3,
    "backup": 0.8,
    "restore": 0.8,
    "passwd": 0.3,
}
_HIDDEN_TEMP = re.compile(r"^\..+\.tmp$")


@dataclass
class _Ws:
    """What tests/services/test_printing_support's builders expect of a workspace."""

    root: Path
    env: Environment

    def session(self, name: str = "beheer", pw: str | None = None) -> Any:
        return open_session(self.env, self.root, name, pw or password(name))


@dataclass
class Line:
    kind: str
    seq: int
    op: str
    data: Any
    elapsed: float = 0.0


@dataclass
class Soak:
    base: Path
    provider: FileSecretProvider
    env: Environment
    recovery_key: str
    signed_report: int
    draft_report: int
    passwords: dict[str, str]
    latest_backup: str
    estimate: dict[str, float] = field(default_factory=lambda: dict(FIRST_GUESS))
    retry_restore: str | None = None  # a killed restore's folder, retried by the next child
    retried: str | None = None  # the folder this round's child retried
    seconds: float = 0.0
    kills: Counter[str] = field(default_factory=Counter)
    acked: Counter[str] = field(default_factory=Counter)
    checked: Counter[str] = field(default_factory=Counter)
    leftovers: Counter[str] = field(default_factory=Counter)
    cleaned: Counter[str] = field(default_factory=Counter)
    hidden: dict[str, set[str]] = field(default_factory=dict)  # kind -> hidden leftovers
    failures: list[str] = field(default_factory=list)
    retries: int = 0
    imports: dict[str, int] = field(default_factory=dict)  # marker -> rows, acknowledged
    evidence: dict[int, int] = field(default_factory=dict)  # id -> size, acknowledged
    backups: dict[str, str] = field(default_factory=dict)  # file -> sha256, acknowledged

    @property
    def root(self) -> Path:
        return self.base / "ws"

    @property
    def work(self) -> Path:
        return self.base / "work"


def _setup(base: Path) -> Soak:
    provider = FileSecretProvider(base / "keyring")
    env = Environment(provider=provider, clock=FixedClock(START), origin="soak")
    root = base / "ws"
    created = init_workspace(
        env, root, admin_name="beheer", admin_password=ADMIN_PW, kdf_profile="test"
    )
    ws = _Ws(root, env)
    add_staff(ws)
    signed = make_report(ws, upto="signed")
    draft = make_report(ws, upto="draft")
    for sub in ("inputs", "prints", "printed", "backups", "restores"):
        (base / "work" / sub).mkdir(parents=True)
    first = base / "work" / "backups" / "begin.backup"
    from desktop_app.services import admin

    with ws.session("beheer") as s:
        result = admin.make_backup(s, first)
    soak = Soak(
        base=base,
        provider=provider,
        env=env,
        recovery_key=created.recovery_key,
        signed_report=signed,
        draft_report=draft,
        passwords={
            n: password(n) for n in ("beheer", "officier", "tekenaar", "liaison", "inspecteur")
        },
        latest_backup=str(first),
    )
    soak.backups[str(first)] = result["sha256"]
    return soak


def _run_child(soak: Soak, round_no: int, target: str, rng: random.Random) -> list[Line]:
    state = {
        "root": str(soak.root),
        "work": str(soak.work),
        "keyring": str(soak.provider.folder),
        "passwords": soak.passwords,
        "recovery_key": soak.recovery_key,
        "signed_report": soak.signed_report,
        "draft_report": soak.draft_report,
        "latest_backup": soak.latest_backup,
        "retry_restore": soak.retry_restore,
        "round": round_no,
        "target": target,
        "seed": rng.randrange(1 << 30),
    }
    state_file = soak.base / "state.json"
    state_file.write_text(json.dumps(state))
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(state_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert proc.stdout is not None and proc.stderr is not None
    stream = proc.stdout
    lines: list[Line] = []
    begun = threading.Event()
    ended = threading.Event()

    def reader() -> None:
        for raw in stream:
            if not raw.endswith("\n"):
                break  # cut off by the kill: not acknowledged
            parts = raw.rstrip("\n").split(" ", 4)
            if parts[0] in ("BEGIN", "FAIL"):
                parts = raw.rstrip("\n").split(" ", 3)
                lines.append(Line(parts[0], int(parts[1]), parts[2], json.loads(parts[3])))
                if parts[0] == "BEGIN" and parts[2] == target:
                    begun.set()
            elif parts[0] == "ACK":
                lines.append(
                    Line("ACK", int(parts[1]), parts[2], json.loads(parts[4]), float(parts[3]))
                )
        ended.set()
        begun.set()

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    if not begun.wait(120):
        proc.kill()
        raise AssertionError(f"round {round_no}: the child never began {target}")
    if not ended.is_set():
        # Half the kills anywhere in the operation, half near its end, where the commit and the
        # renames after it happen (the windows the invariants are about).
        share = rng.uniform(0.0, 1.0) if rng.random() < 0.5 else rng.uniform(0.85, 1.05)
        time.sleep(soak.estimate[target] * share)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    thread.join(timeout=60)
    stream.close()
    err = proc.stderr.read()
    proc.stderr.close()
    if proc.returncode != -signal.SIGKILL:
        raise AssertionError(f"round {round_no}: child ended by itself ({proc.returncode}): {err}")
    return lines


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check_round(soak: Soak, round_no: int, lines: list[Line]) -> None:
    where = f"round {round_no}"
    acks = {ln.seq: ln for ln in lines if ln.kind == "ACK"}
    begins = [ln for ln in lines if ln.kind == "BEGIN"]
    for ln in lines:
        if ln.kind == "FAIL":
            soak.failures.append(f"{where}: {ln.op} failed: {ln.data}")
    killed = next((b for b in begins if b.seq not in acks), None)
    soak.kills[killed.op if killed else "between"] += 1
    for ack in acks.values():
        soak.acked[ack.op] += 1
        soak.estimate[ack.op] = ack.elapsed

    # Passwords: acknowledged ones hold; of a killed change either the old or the new one.
    for b in begins:
        if b.op == "passwd" and b.seq in acks:
            soak.passwords[b.data["user"]] = b.data["new"]
    if killed is not None and killed.op == "passwd":
        soak.passwords[killed.data["user"]] = _which_password(soak, killed.data)

    # Restores: acknowledged and completed-but-unacknowledged ones open; a killed one that did
    # not complete is retried by the next child into the same folder.
    soak.retry_restore = None
    for b in begins:
        if b.op != "restore":
            continue
        target = Path(b.data["target"])
        if b.seq in acks or target.exists():
            assert (target / KEYS_NAME).is_file(), f"{where}: restored {target} has no key file"
            with open_session(soak.env, target, "beheer", RESTORE_PW) as s:
                assert audit_service.verify_audit(s).ok, f"{where}: restored audit"
            soak.checked["restore"] += 1
            if b.data["target"] == soak.retried:
                soak.retries += 1
        else:
            assert b is killed, f"{where}: an unacknowledged restore that was not killed"
            soak.retry_restore = b.data["target"]

    # The workspace opens (and removes what killed processes left in its folder), its audit
    # trail verifies, and what was acknowledged is there.
    soak.cleaned["workspace"] += sum(
        1 for p in soak.root.iterdir() if p.name not in WORKSPACE_FILES
    )
    with open_session(soak.env, soak.root, "beheer", soak.passwords["beheer"]) as s:
        report = audit_service.verify_audit(s)
        assert report.ok, f"{where}: audit verify: {report}"
        with s.reading() as conn:
            for b in begins:
                if b.op == "import":
                    n = conn.execute(
                        "SELECT count(*) FROM requests WHERE subject_name LIKE ?",
                        (b.data["marker"] + " %",),
                    ).fetchone()[0]
                    if b.seq in acks:
                        assert n == b.data["rows"], f"{where}: acknowledged import lost ({n})"
                        soak.imports[b.data["marker"]] = n
                    else:
                        assert n in (0, b.data["rows"]), f"{where}: partial import ({n})"
            for marker, rows in soak.imports.items():
                n = conn.execute(
                    "SELECT count(*) FROM requests WHERE subject_name LIKE ?", (marker + " %",)
                ).fetchone()[0]
                assert n == rows, f"{where}: import {marker} changed"
            for b in begins:
                if b.op == "evidence" and b.seq in acks:
                    soak.evidence[int(acks[b.seq].data["id"])] = b.data["size"]
            for item_id, size in soak.evidence.items():
                row = conn.execute(
                    "SELECT size_bytes FROM evidence_items WHERE id = ?", (item_id,)
                ).fetchone()
                assert row is not None and row[0] == size, f"{where}: evidence {item_id} lost"
            backup_entries = {
                json.loads(d)["sha256"]
                for (d,) in conn.execute(
                    "SELECT details FROM audit WHERE action = 'workspace.backup' AND result = 'ok'"
                )
            }
            registered = {r[0] for r in conn.execute("SELECT sha256 FROM print_copies")}
    soak.checked["workspace"] += 1

    # Backups: acknowledged ones exist with their digest; no backup file without its entry.
    for b in begins:
        if b.op == "backup" and b.seq in acks:
            soak.backups[b.data["file"]] = acks[b.seq].data["sha256"]
    for name, digest in soak.backups.items():
        path = Path(name)
        if path.exists():  # older ones are removed below to save room
            assert _sha(path) == digest, f"{where}: backup {path.name} changed"
    backups_dir = soak.work / "backups"
    for path in backups_dir.iterdir():
        if path.name.startswith("."):
            continue
        assert _sha(path) in backup_entries, f"{where}: backup {path.name} has no audit entry"
        soak.checked["backup"] += 1

    # Prints: every signed copy on disk is in the register; acknowledged copies all exist.
    for b in begins:
        if b.op == "print" and b.seq in acks:
            files = acks[b.seq].data["files"]
            assert len(files) == b.data["copies"], f"{where}: print lost copies"
            assert all(Path(f).is_file() for f in files), f"{where}: printed copy missing"
    for pdf in [*(soak.work / "prints").iterdir(), *(soak.work / "printed").rglob("*.pdf")]:
        if pdf.name.startswith("."):
            continue
        assert _sha(pdf) in registered, f"{where}: {pdf.name} is a signed copy nobody registered"
        soak.checked["print"] += 1

    _check_leftovers(soak, where, {a.op for a in acks.values()})
    _check_keyring(soak, where)
    _housekeeping(soak)


def _which_password(soak: Soak, plan: dict[str, str]) -> str:
    keyfile = KeyFile.load(soak.root / KEYS_NAME)
    secret = keyfile.check(soak.provider.load(keyfile.binding_id))
    for candidate in (plan["new"], plan["old"]):
        if keyfile.verify_password(secret, plan["user"], candidate):
            return candidate
    raise AssertionError(f"neither password of {plan['user']} works after a killed passwd")


def _check_leftovers(soak: Soak, where: str, completed: set[str]) -> None:
    """The workspace folder holds only its own files (opening removed what killed processes
    left). An output folder may hold hidden leftovers of a killed operation, recognisable as
    such, and the next run of that operation that completes removes them."""
    stray = sorted(p.name for p in soak.root.iterdir() if p.name not in WORKSPACE_FILES)
    assert not stray, f"{where}: stray files in the workspace: {stray}"
    for kind, folder, shape in (
        ("backup", "backups", _HIDDEN_TEMP),
        ("print", "prints", _HIDDEN_TEMP),
        ("restore", "restores", re.compile(re.escape(RESTORE_PREFIX) + r"[0-9]+-[0-9a-f]{12}$")),
    ):
        now = {p.name for p in (soak.work / folder).iterdir() if p.name.startswith(".")}
        assert all(shape.match(n) for n in now), f"{where}: unexpected {kind} files: {now}"
        before = soak.hidden.get(kind, set())
        if kind in completed:
            kept = before & now
            assert not kept, f"{where}: a completed {kind} left earlier leftovers: {kept}"
            soak.cleaned[kind] += len(before)
        soak.leftovers[kind] += len(now - before)
        soak.hidden[kind] = now


def _bindings_in(folder: Path) -> set[str]:
    found = set()
    for name in (KEYS_NAME, "keys.json.pending"):
        with contextlib.suppress(OSError, ValueError, KeyError):
            found.add(json.loads((folder / name).read_text())["binding_id"])
    return found


def _check_keyring(soak: Soak, where: str) -> None:
    named = _bindings_in(soak.root)
    for folder in (soak.work / "restores").iterdir():
        named |= _bindings_in(folder)
    orphans = soak.provider.entries() - named
    assert not orphans, f"{where}: keyring entries no workspace names: {sorted(orphans)}"


def _housekeeping(soak: Soak) -> None:
    """Keep the disk use flat: checked restores and all but the two newest backups go."""
    for folder in (soak.work / "restores").iterdir():
        if folder.name.startswith("."):
            continue
        for binding in _bindings_in(folder):
            soak.provider.delete(binding)
        shutil.rmtree(folder)
    backups = sorted(
        (p for p in (soak.work / "backups").iterdir() if not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime_ns,
    )
    if backups:
        soak.latest_backup = str(backups[-1])
    for old in backups[:-2]:
        old.unlink()
    # Checked copies go, so the next print can use the same folder (and must clean it).
    for pdf in (soak.work / "prints").iterdir():
        if not pdf.name.startswith("."):
            pdf.unlink()
    for done in (soak.work / "printed").iterdir():
        shutil.rmtree(done)
    for item in (soak.work / "inputs").iterdir():
        item.unlink()


def run_soak(base: Path, rounds: int, seed: int | None = None) -> Soak:
    rng = random.Random(seed)
    soak = _setup(base)
    started = time.monotonic()
    for round_no in range(1, rounds + 1):
        target = OPS[(round_no - 1) % len(OPS)]
        soak.retried = soak.retry_restore
        lines = _run_child(soak, round_no, target, rng)
        _check_round(soak, round_no, lines)
        if round_no % 20 == 0:
            print(f"  {round_no} kills, {time.monotonic() - started:.0f} s: all checks passed")
    soak.seconds = time.monotonic() - started
    return soak


def summary(soak: Soak, rounds: int) -> str:
    return (
        f"SOAK: {rounds} SIGKILLs in {soak.seconds:.0f} s; killed during {dict(soak.kills)}; "
        f"acknowledged {dict(soak.acked)}, all present; checked {dict(soak.checked)}; "
        f"hidden leftovers of killed runs {dict(soak.leftovers)}, removed by the next run "
        f"{dict(soak.cleaned)}; killed restores retried {soak.retries}; "
        f"failures {len(soak.failures)}"
    )


@pytest.mark.slow
def test_soak_random_sigkills(tmp_path: Path) -> None:
    soak = run_soak(tmp_path, ROUNDS)
    print("\n" + summary(soak, ROUNDS))
    assert not soak.failures, soak.failures[:5]
    assert sum(soak.kills.values()) == ROUNDS
    assert sum(soak.acked.values()) > 0

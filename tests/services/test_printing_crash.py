"""A print killed with SIGKILL (issue 15 §2): signed copies appear under their final names only
after the register and the audit entry are committed. A kill before the COMMIT leaves no copy
under a final name and nothing registered; a kill after it leaves registered copies without
their files (the safe direction). The next print into the folder removes the hidden leftovers;
a print that is still running keeps its own."""

from __future__ import annotations

import hashlib
import signal
import subprocess
from pathlib import Path
from typing import Any

import pytest
from support import handover
from support.helpers import REPO

from desktop_app.domain.errors import InvalidState
from desktop_app.services import printing
from desktop_app.storage import staged_files
from desktop_app.storage.staged_files import StagedFiles, remove_stale_temps
from tests.services.test_printing_support import (
    audit_entries,
    make_report,
    password,
    raw_rows,
    ws_with_print_staff,  # noqa: F401
)

CHILD = REPO / "tests" / "support" / "print_child.py"
COPIES = 50


def _spawn(ws: Any, report_id: int, out: Path, mode: str) -> subprocess.Popen[str]:
    args = ("tekenaar", str(report_id), str(out), str(COPIES), mode)
    return handover.spawn(CHILD, "PRINT_CHILD", ws, password("tekenaar"), *args)


def _kill_when_stalled(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    lines = []
    try:
        for line in proc.stdout:
            lines.append(line.strip())
            if line.strip() == "STALLED":
                break
        else:
            raise AssertionError(f"the child ended before stalling: {lines}")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()


def _final_pdfs(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.name.endswith(".pdf"))


def _hidden(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.name.startswith("."))


def _registered_hashes(ws: Any) -> set[str]:
    return {r[0] for r in raw_rows(ws, "SELECT sha256 FROM print_copies")}


def _assert_every_final_file_is_registered(ws: Any, out: Path) -> None:
    registered = _registered_hashes(ws)
    for path in _final_pdfs(out):
        assert hashlib.sha256(path.read_bytes()).hexdigest() in registered, path.name


@pytest.mark.slow
def test_kill_before_commit_leaves_no_copy_under_a_final_name(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    out = tmp_path / "afdrukken"
    _kill_when_stalled(_spawn(ws, rid, out, "before_commit"))
    # Every copy was rendered, signed and written when the kill came, yet none is visible.
    assert _final_pdfs(out) == []
    assert len(_hidden(out)) == COPIES
    assert all(p.stat().st_mode & 0o077 == 0 for p in _hidden(out))
    assert raw_rows(ws, "SELECT id FROM print_copies") == []
    assert audit_entries(ws, "report.print") == []
    # The next print into the folder removes the leftovers.
    with ws.session("tekenaar", password("tekenaar")) as s:
        job = printing.print_report(s, rid, copies=2, out_dir=out)
    assert _hidden(out) == []
    assert _final_pdfs(out) == sorted(Path(f) for f in job.files)
    _assert_every_final_file_is_registered(ws, out)


@pytest.mark.slow
def test_kill_after_commit_leaves_registered_copies_without_files(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    out = tmp_path / "afdrukken"
    _kill_when_stalled(_spawn(ws, rid, out, "after_commit"))
    rows = raw_rows(ws, "SELECT copy_number, file_name FROM print_copies ORDER BY copy_number")
    assert [r[0] for r in rows] == list(range(1, COPIES + 1))
    assert all(r[1] and r[1].endswith(f"-van-{COPIES}.pdf") for r in rows)
    (entry,) = audit_entries(ws, "report.print")
    assert entry["details"]["copies"] == COPIES
    # The safe direction: registered, but no file under its name.
    assert _final_pdfs(out) == []
    assert len(_hidden(out)) == COPIES
    with ws.session("officier", password("officier")) as s:
        records = printing.print_register(s, rid)
    assert len(records) == COPIES and records[0].file_name == rows[0][1]
    with ws.session("tekenaar", password("tekenaar")) as s:
        printing.print_report(s, rid, copies=1, out_dir=out)
    assert _hidden(out) == []
    _assert_every_final_file_is_registered(ws, out)


def test_a_running_print_keeps_its_temporaries(tmp_path: Path) -> None:
    staged = StagedFiles(tmp_path)
    staged.stage("AB-1-exemplaar-1-van-1.pdf", b"%PDF-1.7 pending")
    leftover = tmp_path / ".AB-1-exemplaar-1-van-2.pdf.0123456789ab.tmp"
    leftover.write_bytes(b"%PDF-1.7 killed")
    unrelated = tmp_path / ".notities.txt.0123456789ab.tmp"
    unrelated.write_bytes(b"not ours")
    assert remove_stale_temps(tmp_path) == ["AB-1-exemplaar-1-van-2.pdf"]
    assert not leftover.exists() and unrelated.exists()
    assert len(list(tmp_path.glob(".AB-1-exemplaar-1-van-1.pdf.*.tmp"))) == 1  # still held
    placed, failed = staged.publish()
    assert failed == [] and [p.name for p in placed] == ["AB-1-exemplaar-1-van-1.pdf"]
    assert placed[0].read_bytes() == b"%PDF-1.7 pending"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".notities.txt.0123456789ab.tmp",
        "AB-1-exemplaar-1-van-1.pdf",
    ]


def test_a_name_taken_after_the_commit_is_not_overwritten(
    ws: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rid = make_report(ws, upto="signed")
    ((reference,),) = raw_rows(ws, f"SELECT reference FROM reports WHERE id = {rid}")
    out = tmp_path / "o"
    taken = out / printing.copy_file_name(reference, 2, 3, 1)
    real = StagedFiles.publish

    def racing(self: StagedFiles) -> Any:
        taken.write_bytes(b"van iemand anders")  # appears between the COMMIT and the rename
        return real(self)

    monkeypatch.setattr(staged_files.StagedFiles, "publish", racing)
    with ws.session("tekenaar", password("tekenaar")) as s, pytest.raises(InvalidState) as info:
        printing.print_report(s, rid, copies=3, out_dir=out)
    assert "afdrukregister vastgelegd" in info.value.args[0]
    assert taken.read_bytes() == b"van iemand anders"
    assert len(_final_pdfs(out)) == 3 and _hidden(out) == []
    assert len(raw_rows(ws, "SELECT id FROM print_copies")) == 3

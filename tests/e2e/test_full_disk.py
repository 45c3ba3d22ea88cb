"""A full disk (a small tmpfs, filled to the last byte): people still sign in and read, and
every one of those reads is still audited; a change is refused with a sentence, not reported as
damage; a wrong password is still counted. Room that comes back lifts the refusal."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.sample_text import REPORT_TEXT

from tests.e2e.harness import Workstation
from tests.e2e.support import WRONG, add_request, add_user, as_user, init_workspace

TMPFS_SIZE = "12m"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.fail(
            "the full-disk test mounts a small tmpfs and needs root (as `make test` runs in CI)",
            pytrace=False,
        )
    mount_point = tmp_path / "kleine-schijf"
    mount_point.mkdir(mode=0o700)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE},mode=0700", "tmpfs", str(mount_point)],
        check=True,
        capture_output=True,
    )
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False, capture_output=True)


def fill(folder: Path, name: str = "vulling") -> Path:
    """A file that takes every free byte of ``folder``'s file system."""
    filler = folder / name
    with open(filler, "wb", buffering=0) as fh:
        for size in (1 << 20, 1 << 12, 1):
            with contextlib.suppress(OSError):
                while True:
                    fh.write(b"\0" * size)
    assert shutil.disk_usage(folder).free == 0
    return filler


def test_a_full_disk_still_signs_in_and_reads_and_refuses_changes_with_a_sentence(
    workstation: Workstation, small_disk: Path, tmp_path: Path
) -> None:
    ws, root = workstation, small_disk / "werkplek"
    init_workspace(ws, root)
    add_user(ws, root, "officier")
    add_user(ws, root, "liaison")
    request = add_request(ws, root).ok()
    text_file = tmp_path / "bericht.txt"
    text_file.write_text(REPORT_TEXT, encoding="utf-8")
    report = as_user(
        ws, root, "officier", "report", "draft", "--spontaneous", "--text-file", str(text_file)
    ).ok()
    entries_before = as_user(ws, root, "beheer", "audit", "verify").ok()["entries"]

    out = small_disk / "afdrukken"
    out.mkdir(mode=0o700)
    filler = fill(small_disk)

    # A wrong password is still counted (its record fits in the room the reserve gives up).
    as_user(ws, root, "liaison", "request", "list", password=WRONG).error("auth_failed", 3)
    # Signing in and reading work, each read with its audit entry.
    listed = as_user(ws, root, "officier", "request", "list").ok()
    assert [r["id"] for r in listed["items"]] == [request["id"]]
    shown = as_user(ws, root, "officier", "request", "show", str(request["id"])).ok()
    assert shown["reference"] == request["reference"]
    text = as_user(ws, root, "officier", "report", "show", str(report["id"])).ok()
    assert "buitenland" in text["text"]
    as_user(ws, root, "liaison", "request", "list").ok()

    # A change: refused with a sentence (not 'integrity', no traceback), nothing stored.
    refused = add_request(ws, root)
    message = refused.error("storage_full", 1)
    assert "schijf" in message and "vol" in message
    printed = as_user(
        ws,
        root,
        "officier",
        "report",
        "print",
        str(report["id"]),
        "--copies",
        "1",
        "--out",
        str(out),
    )
    assert "vol" in printed.error("storage_full", 1)
    assert list(out.iterdir()) == []
    still = as_user(ws, root, "officier", "request", "list").ok()
    assert still["total"] == 1

    # Every sign-in and read above is in the chain, which is intact.
    verified = as_user(ws, root, "beheer", "audit", "verify").ok()
    assert verified["ok"] is True and verified["entries"] > entries_before
    audit = as_user(ws, root, "beheer", "audit", "list", "--limit", "1000").ok()["items"]
    recent = [e for e in audit if e["seq"] > entries_before]
    done = {(e["actor"], e["action"], e["result"]) for e in recent}
    for expected in [
        ("officier", "request.list", "ok"),
        ("officier", "request.view", "ok"),
        ("officier", "report.view", "ok"),
        ("liaison", "session.signin", "failed"),
    ]:
        assert expected in done, (expected, sorted(done))
    assert not any(e["action"] == "request.add" for e in recent)

    # When even the reserve is taken (by another program), a view that cannot be audited is
    # refused, with a sentence: never shown unaudited.
    greedy = fill(small_disk, "nog-meer")
    message = as_user(ws, root, "officier", "report", "show", str(report["id"])).error(
        "storage_full", 1
    )
    assert "vol" in message and "buitenland" not in message
    greedy.unlink()

    # Room again: changes are accepted again.
    filler.unlink()
    add_request(ws, root).ok()
    assert as_user(ws, root, "officier", "request", "list").ok()["total"] == 2

"""A full disk, in process (tests/e2e/test_full_disk.py does it on a real, filled tmpfs): the
reserve is given up and taken back, a connection opened on a full disk appends audit entries
only, SQLITE_FULL is StorageFull (not 'damaged'), and a key-file write gets one more try."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from support.helpers import db_path, keys_path, populate

from desktop_app.domain.errors import StorageFull
from desktop_app.domain.queries import RequestQuery
from desktop_app.services import requests
from desktop_app.storage import files, reserve
from desktop_app.storage.audit import recent

OFFICER_PW = "officier-wachtwoord"


def _add(session: Any) -> Any:
    return requests.add_request(
        session, subject_name="Jan Janssen", v_number="1234567890", purpose="asylum"
    )


def _disk(monkeypatch: pytest.MonkeyPatch, free: int) -> None:
    monkeypatch.setattr(reserve, "free_bytes", lambda folder: free)


def test_the_first_open_takes_the_reserve_private_and_whole(workspace: Any) -> None:
    path = reserve.reserve_path(db_path(workspace.root))
    assert not path.exists()  # init makes none; the first sign-in does
    with workspace.session():
        pass
    assert path.stat().st_size == reserve.RESERVE_BYTES
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.stat().st_blocks * 512 >= reserve.RESERVE_BYTES  # allocated, not sparse


def test_a_full_disk_allows_audited_reads_and_refuses_changes(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(workspace)
    with workspace.session("officier", OFFICER_PW) as s:
        _add(s)
    path = reserve.reserve_path(db_path(workspace.root))
    _disk(monkeypatch, 0)
    with workspace.session("officier", OFFICER_PW) as s:
        assert path.stat().st_size == 0  # given up for this
        assert s.db.storage_full
        records, total = requests.list_requests(s, RequestQuery())
        assert total == 1 and records[0].subject_name == "Jan Janssen"
        with pytest.raises(StorageFull) as info:
            _add(s)
        assert "vol" in info.value.message and info.value.exit_code == 1
        with s.reading() as conn:
            last = recent(conn, 3)
            count = conn.execute("SELECT count(*) FROM requests").fetchone()[0]
        assert count == 1
        assert [e.action for e in last][:2] == ["request.list", "session.signin"]
    # Room again (for the reserve and to spare): the next open takes the reserve back.
    _disk(monkeypatch, 10 * reserve.RESERVE_BYTES)
    with workspace.session("officier", OFFICER_PW) as s:
        assert not s.db.storage_full
        _add(s)
    assert path.stat().st_size == reserve.RESERVE_BYTES


def test_room_that_comes_back_lifts_the_refusal_in_an_open_session(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(workspace)
    _disk(monkeypatch, 0)
    with workspace.session("officier", OFFICER_PW) as s:
        with pytest.raises(StorageFull):
            _add(s)
        _disk(monkeypatch, 10 * reserve.RESERVE_BYTES)
        assert _add(s).subject_name == "Jan Janssen"


def test_sqlite_full_is_storage_full_not_damage(workspace: Any) -> None:
    populate(workspace)
    with workspace.session("officier", OFFICER_PW) as s:
        with s.reading() as conn:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            # SQLite's own SQLITE_FULL, without filling a disk: no page may be added.
            conn.execute(f"PRAGMA max_page_count = {int(pages)}")
        with pytest.raises(StorageFull):
            for n in range(2000):
                requests.add_request(
                    s,
                    subject_name=f"Naam {n} " + "x" * 150,
                    v_number=f"{1000000000 + n}",
                    purpose="asylum",
                )


def test_a_key_file_write_on_a_full_disk_gives_up_the_reserve_for_one_more_try(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with workspace.session():
        pass
    path = reserve.reserve_path(db_path(workspace.root))
    target = keys_path(workspace.root)
    real_write = os.write
    failures = {"left": 1}

    def write(fd: int, data: Any) -> int:
        if failures["left"]:
            failures["left"] -= 1
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    files.atomic_write(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert path.stat().st_size == 0
    # With no reserve left to give: a sentence, and the old content stays.
    other = tmp_path / "elders.json"
    other.write_bytes(b"oud")
    failures["left"] = 2
    with pytest.raises(StorageFull) as info:
        files.atomic_write(other, b"nieuw")
    assert "elders.json" in info.value.message and other.read_bytes() == b"oud"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_reserve_that_cannot_be_made_does_not_stop_the_open(workspace: Any) -> None:
    path = reserve.reserve_path(db_path(workspace.root))
    path.mkdir()  # anything in the way that is not a full disk (EISDIR here)
    with workspace.session() as s:
        assert not s.db.storage_full

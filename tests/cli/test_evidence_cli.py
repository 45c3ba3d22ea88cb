"""``werkplek evidence add|list``: JSON shapes and exit codes (cli.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.helpers import cli_error

from desktop_app.domain import evidence as domain_evidence
from tests.services.test_inspection_service_support import (
    PASSWORDS,
    PNG_1X1,
    make_report,
    setup_staff,
)


@pytest.fixture
def draft(workspace: Any) -> int:
    setup_staff(workspace)
    return int(make_report(workspace, until="draft"))


def run(as_user: Any, name: str, *args: str) -> Any:
    return as_user(name, *args, secrets=[PASSWORDS[name]])


def add(
    as_user: Any, report: int | str, file: Path, title: str, *extra: str, name: str = "officier"
) -> Any:
    """``evidence add --report REPORT --file FILE --title TITLE EXTRA`` as ``name``."""
    args = ("--report", str(report), "--file", str(file), "--title", title, *extra)
    return run(as_user, name, "evidence", "add", *args)


def test_add_returns_the_id(draft: int, as_user: Any, tmp_path: Path) -> None:
    photo = tmp_path / "foto.png"
    photo.write_bytes(PNG_1X1)
    result = add(
        as_user,
        draft,
        photo,
        "Foto van de woning",
        *("--classification", "stg_geheim", "--source", "Observatie", "--date", "2026-10-01"),
    )
    assert result.code == 0
    assert isinstance(result.json["id"], int)
    assert result.json["kind"] == "image" and result.json["classification"] == "stg_geheim"
    listed = run(as_user, "officier", "evidence", "list", "--report", str(draft))
    [item] = listed.json["items"]
    assert (item["id"], item["title"], item["source_note"], item["data_date"]) == (
        result.json["id"],
        "Foto van de woning",
        "Observatie",
        "2026-10-01",
    )


def test_unknown_type_is_stored_but_flagged(draft: int, as_user: Any, tmp_path: Path) -> None:
    blob = tmp_path / "export.dat"
    blob.write_bytes(b"\x00\x01binary\xfe\xff")
    result = add(as_user, draft, blob, "Export")
    assert result.code == 0 and result.json["displayable"] is False


def test_errors(draft: int, as_user: Any, tmp_path: Path, monkeypatch: Any) -> None:
    note = tmp_path / "notitie.txt"
    note.write_text("Notitie", encoding="utf-8")
    cli_error(add(as_user, "999", note, "Notitie"), "not_found", 2)
    cli_error(add(as_user, draft, note, "Notitie", name="liaison"), "forbidden", 1)
    cli_error(
        add(as_user, draft, note, "Notitie", "--classification", "stg_zeer_geheim"), "forbidden", 1
    )
    cli_error(
        add(as_user, draft, note, "Notitie", "--classification", "supergeheim"), "invalid_input", 2
    )
    cli_error(add(as_user, draft, tmp_path / "weg.pdf", "Weg"), "not_found", 2)
    cli_error(add(as_user, draft, note, "Notitie", "--date", "morgen"), "invalid_input", 2)
    cli_error(
        run(as_user, "officier", "evidence", "add", "--report", str(draft)), "invalid_input", 2
    )
    monkeypatch.setattr(domain_evidence, "MAX_ITEM_BYTES", 4)
    too_big = add(as_user, draft, note, "Notitie")
    cli_error(too_big, "invalid_input", 2)
    assert "100 MB" in too_big.json["error"]["message"]
    assert run(as_user, "officier", "evidence", "list", "--report", str(draft)).json == {
        "items": []
    }


def test_issued_report_needs_a_correction(workspace: Any, as_user: Any, tmp_path: Path) -> None:
    setup_staff(workspace)
    rid = make_report(workspace)
    note = tmp_path / "n.txt"
    note.write_text("Aanvulling", encoding="utf-8")
    base = ("evidence", "add", "--report", str(rid), "--file", str(note), "--title", "Later")
    cli_error(run(as_user, "officier", *base), "invalid_state", 1)
    correction = run(
        as_user, "officier", "report", "correct", str(rid), "--text", "Bevinding 1 was onjuist."
    )
    assert correction.code == 0, correction.out
    cid = correction.json["id"]
    ok = run(as_user, "officier", *base, "--correction", str(cid))
    assert ok.code == 0, ok.out

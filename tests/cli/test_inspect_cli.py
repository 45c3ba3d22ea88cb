"""``werkplek inspect start|end|record|list|reports``: JSON shapes and exit codes (cli.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from support.helpers import cli_error

from desktop_app.domain.classification import Classification
from desktop_app.services import evidence, reports
from tests.services.test_inspection_service_support import (
    PASSWORDS,
    PNG_1X1,
    make_report,
    set_location,
    setup_staff,
)
from tests.services.test_inspection_service_support import as_user as session_as


@pytest.fixture
def issued(workspace: Any) -> tuple[Any, int, dict[str, int]]:
    setup_staff(workspace)
    rid = make_report(workspace, until="signed")
    with session_as(workspace, "officier") as s:
        note = evidence.add_evidence(s, rid, source=b"Notitie over bron A", title="Notitie A")
        photo = evidence.add_evidence(
            s, rid, source=PNG_1X1, title="Foto", classification=Classification.STG_GEHEIM
        )
    with session_as(workspace, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    return workspace, int(rid), {"note": int(note.id), "photo": int(photo.id)}


def run(as_user: Any, name: str, *args: str) -> Any:
    return as_user(name, *args, secrets=[PASSWORDS[name]])


def test_start_prints_titles_only(issued: Any, as_user: Any) -> None:
    _ws, rid, items = issued
    result = run(as_user, "inspecteur", "inspect", "start", "--report", str(rid))
    assert result.code == 0
    out = result.json
    assert set(out) == {"session", "items"}
    assert isinstance(out["session"], int)
    # Titles only, and only what the clearance covers (the geheim photo is not listed).
    assert out["items"] == [
        {"id": items["note"], "title": "Notitie A", "classification": "stg_confidentieel"}
    ]
    assert "Notitie over bron A" not in result.out


def test_end_returns_what_was_viewed_and_keeps_the_notes(
    issued: Any, as_user: Any, tmp_path: Path, clock: Any
) -> None:
    _ws, rid, _items = issued
    session_id = run(as_user, "inspecteur", "inspect", "start", "--report", str(rid)).json[
        "session"
    ]
    clock.advance(dt.timedelta(minutes=2))
    notes = tmp_path / "notities.txt"
    notes.write_text("Gezien: notitie A.\n", encoding="utf-8")
    result = run(
        as_user, "inspecteur", "inspect", "end", str(session_id), "--notes-file", str(notes)
    )
    assert result.code == 0
    assert result.json["session"] == session_id
    assert result.json["viewed"] == []  # nothing was opened (content only in the window)
    assert set(result.json) >= {"session", "viewed"}
    again = run(as_user, "inspecteur", "inspect", "end", str(session_id))
    cli_error(again, "invalid_state", 1)
    record = run(
        as_user,
        "officier",
        "inspect",
        "record",
        str(session_id),
        "--pdf",
        str(tmp_path / "verslag.pdf"),
    )
    assert record.code == 0
    assert record.json["notes"] == "Gezien: notitie A."
    assert (tmp_path / "verslag.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "verslag.pdf").stat().st_mode & 0o077 == 0
    history = run(as_user, "officier", "inspect", "list", "--report", str(rid))
    assert [h["session"] for h in history.json["items"]] == [session_id]


def test_viewed_items_and_durations_in_end(issued: Any, as_user: Any, clock: Any) -> None:
    ws, rid, items = issued
    from desktop_app.services import inspections

    session_id = run(as_user, "inspecteur", "inspect", "start", "--report", str(rid)).json[
        "session"
    ]
    with session_as(ws, "inspecteur") as s:  # what the window does
        inspections.open_item(s, session_id, items["note"])
        clock.advance(dt.timedelta(seconds=95))
    result = run(as_user, "inspecteur", "inspect", "end", str(session_id))
    assert result.code == 0
    [viewed] = result.json["viewed"]
    assert (viewed["id"], viewed["title"], viewed["seconds"]) == (items["note"], "Notitie A", 95)


def test_refusals_have_their_codes(issued: Any, as_user: Any, workspace: Any) -> None:
    _ws, rid, _items = issued
    cli_error(run(as_user, "lezer", "inspect", "start", "--report", str(rid)), "not_designated", 1)
    cli_error(run(as_user, "liaison", "inspect", "start", "--report", str(rid)), "involved", 1)
    cli_error(run(as_user, "officier", "inspect", "start", "--report", str(rid)), "forbidden", 1)
    cli_error(run(as_user, "inspecteur", "inspect", "start", "--report", "999"), "not_found", 2)
    draft = make_report(workspace, liaison="tweede", until="draft")
    cli_error(
        run(as_user, "inspecteur", "inspect", "start", "--report", str(draft)), "invalid_state", 1
    )
    cli_error(run(as_user, "inspecteur", "inspect", "end", "4242"), "not_found", 2)
    cli_error(run(as_user, "inspecteur", "inspect", "start"), "invalid_input", 2)
    set_location(workspace, "other")
    cli_error(
        run(as_user, "inspecteur", "inspect", "start", "--report", str(rid)), "wrong_location", 1
    )


def test_notes_file_problems(issued: Any, as_user: Any, tmp_path: Path) -> None:
    _ws, rid, _items = issued
    session_id = run(as_user, "inspecteur", "inspect", "start", "--report", str(rid)).json[
        "session"
    ]
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    for notes, code in (("weg.txt", "not_found"), ("latin1.txt", "invalid_input")):
        end = ("inspect", "end", str(session_id), "--notes-file", str(tmp_path / notes))
        cli_error(run(as_user, "inspecteur", *end), code, 2)


def test_reports_overview(issued: Any, as_user: Any) -> None:
    _ws, rid, _items = issued
    result = run(as_user, "liaison", "inspect", "reports")
    assert result.code == 0
    [entry] = result.json["items"]
    assert entry["id"] == rid and entry["allowed"] is False and "betrokken" in entry["reason"]

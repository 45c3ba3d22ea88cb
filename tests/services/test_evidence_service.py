"""Underlying data: adding items (kinds, limits, rights, the issued rule), all-or-nothing
storage in encrypted chunks, and no content on disk in clear."""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import uuid
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain import evidence as domain_evidence
from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import Forbidden, InvalidInput, InvalidState, NotFound
from desktop_app.domain.evidence import CHUNK_SIZE, MAX_ITEM_BYTES, EvidenceKind
from desktop_app.domain.roles import Role
from desktop_app.services import evidence, inspections, reports, users
from desktop_app.services import evidence as evidence_service
from desktop_app.storage import evidence as evidence_repo
from tests.services.test_inspection_service_support import (
    PNG_1X1,
    as_user,
    audit_rows,
    count_rows,
    make_report,
    minimal_pdf,
    setup_staff,
)

C = Classification


@pytest.fixture
def draft(workspace: Any) -> tuple[Any, int]:
    setup_staff(workspace)
    return workspace, int(make_report(workspace, until="draft"))


def _nothing_stored(session: Any) -> None:
    assert count_rows(session, "evidence_items") == 0
    assert count_rows(session, "evidence_chunks") == 0
    assert [r for r in audit_rows(session, "evidence.add") if r[2] == "ok"] == []


def test_kinds_are_detected_from_content_and_listed(draft: Any, tmp_path: Path) -> None:
    ws, rid = draft
    files = {
        "notitie.txt": ("Een notitie met é en ü.\n".encode(), EvidenceKind.TEXT),
        "stuk.bin": (minimal_pdf(), EvidenceKind.PDF),  # the name does not decide
        "foto.png": (PNG_1X1, EvidenceKind.IMAGE),
        "export.exe": (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xff", EvidenceKind.OTHER),
        "kapot.pdf": (b"%PDF-1.7\n1 0 obj <<\ngarbage", EvidenceKind.PDF),  # corrupt: stored
    }
    with as_user(ws, "officier") as s:
        for name, (data, _kind) in files.items():
            (tmp_path / name).write_bytes(data)
            evidence.add_evidence(
                s, rid, source=tmp_path / name, title=name, source_note="Bron: eigen onderzoek"
            )
        listed = evidence.list_evidence(s, rid)
    assert [(i.title, i.kind) for i in listed] == [(n, k) for n, (_d, k) in files.items()]
    other = next(i for i in listed if i.kind is EvidenceKind.OTHER)
    assert not other.displayable
    assert other.as_dict()["note"] == "Dit bestand kan niet worden weergegeven."
    assert all(i.displayable for i in listed if i is not other)
    assert all(i.classification is C.STG_CONFIDENTIEEL for i in listed)  # the report's level
    assert listed[0].source_note == "Bron: eigen onderzoek"


def test_large_item_is_stored_in_chunks_and_read_back_exactly(draft: Any, tmp_path: Path) -> None:
    ws, rid = draft
    data = PNG_1X1[:16] + secrets.token_bytes(2 * CHUNK_SIZE + 12345)
    (tmp_path / "groot.png").write_bytes(data)
    with as_user(ws, "officier") as s:
        item = evidence.add_evidence(s, rid, source=tmp_path / "groot.png", title="Groot")
        assert item.size_bytes == len(data)
        with s.reading() as conn:
            sizes = [
                r[0]
                for r in conn.execute(
                    "SELECT length(data) FROM evidence_chunks WHERE item_id = ? ORDER BY seq",
                    (item.id,),
                )
            ]
            record = evidence_repo.get(conn, item.id)
            assert record is not None
            assert evidence_repo.read_content(conn, record) == data
    assert sizes == [CHUNK_SIZE, CHUNK_SIZE, 12345 + 16]


def test_oversized_file_is_refused_with_the_limit_and_nothing_is_stored(
    draft: Any, tmp_path: Path
) -> None:
    ws, rid = draft
    big = tmp_path / "te-groot.pdf"
    with big.open("wb") as fh:  # sparse: costs no disk space and no time
        fh.write(b"%PDF-1.7\n")
        fh.truncate(MAX_ITEM_BYTES + 1)
    with as_user(ws, "officier") as s:
        with pytest.raises(InvalidInput, match="maximaal 100 MB") as caught:
            evidence.add_evidence(s, rid, source=big, title="Te groot")
        assert caught.value.field == "file"
        _nothing_stored(s)


def test_exactly_the_limit_is_accepted(draft: Any, tmp_path: Path, monkeypatch: Any) -> None:
    ws, rid = draft
    monkeypatch.setattr(domain_evidence, "MAX_ITEM_BYTES", 3 * CHUNK_SIZE)
    ok = tmp_path / "precies.txt"
    ok.write_bytes(b"a" * (3 * CHUNK_SIZE))
    too_big = tmp_path / "een-te-veel.txt"
    too_big.write_bytes(b"a" * (3 * CHUNK_SIZE + 1))
    with as_user(ws, "officier") as s:
        stored = evidence.add_evidence(s, rid, source=ok, title="Precies")
        assert stored.size_bytes == 3 * CHUNK_SIZE
        with pytest.raises(InvalidInput, match="te groot"):
            evidence.add_evidence(s, rid, source=too_big, title="Te groot")
        assert count_rows(s, "evidence_items") == 1
        assert count_rows(s, "evidence_chunks") == 3


def test_a_failure_halfway_leaves_nothing_half_stored(
    draft: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    ws, rid = draft
    source = tmp_path / "stuk.txt"
    source.write_bytes(b"x" * (3 * CHUNK_SIZE))
    real_chunks = evidence_service._FileSource.chunks

    def failing(self: Any) -> Any:
        for n, chunk in enumerate(real_chunks(self)):
            if n == 2:
                raise OSError("disk read error")
            yield chunk

    monkeypatch.setattr(evidence_service._FileSource, "chunks", failing)
    with as_user(ws, "officier") as s:
        with pytest.raises(OSError):
            evidence.add_evidence(s, rid, source=source, title="Halverwege")
        _nothing_stored(s)


def test_a_file_that_changes_size_while_stored_is_refused(
    draft: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    ws, rid = draft
    source = tmp_path / "groeit.txt"
    source.write_bytes(b"y" * (CHUNK_SIZE + 10))
    real_head = evidence_service._FileSource.read_head

    def grow_after_sniffing(self: Any) -> None:
        real_head(self)
        with source.open("ab") as fh:
            fh.write(b"z" * 100)

    monkeypatch.setattr(evidence_service._FileSource, "read_head", grow_after_sniffing)
    with as_user(ws, "officier") as s:
        with pytest.raises(InvalidInput, match="veranderde"):
            evidence.add_evidence(s, rid, source=source, title="Groeit")
        _nothing_stored(s)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "Twee\nregels"}, "title"),
        ({"source_note": "x" * 2001}, "source"),
    ],
)
def test_bad_metadata(draft: Any, kwargs: dict[str, Any], field: str) -> None:
    ws, rid = draft
    args = {"title": "Titel", **kwargs}
    with as_user(ws, "officier") as s:
        with pytest.raises(InvalidInput) as caught:
            evidence.add_evidence(s, rid, source=b"inhoud", **args)
        assert caught.value.field == field
        _nothing_stored(s)


def test_empty_missing_and_non_regular_files(draft: Any, tmp_path: Path) -> None:
    ws, rid = draft
    (tmp_path / "leeg.txt").write_bytes(b"")
    special = [tmp_path]  # a folder
    if hasattr(os, "mkfifo"):  # a pipe would block a naive open() for ever
        os.mkfifo(tmp_path / "pijp")
        special.append(tmp_path / "pijp")
    with as_user(ws, "officier") as s:
        with pytest.raises(InvalidInput, match="leeg"):
            evidence.add_evidence(s, rid, source=tmp_path / "leeg.txt", title="Leeg")
        with pytest.raises(NotFound):
            evidence.add_evidence(s, rid, source=tmp_path / "weg.txt", title="Weg")
        for path in special:
            with pytest.raises(InvalidInput, match="geen gewoon bestand"):
                evidence.add_evidence(s, rid, source=path, title="Bijzonder")
        _nothing_stored(s)


def test_unknown_report_and_rights(draft: Any) -> None:
    ws, rid = draft
    with as_user(ws, "officier") as s:
        with pytest.raises(NotFound):
            evidence.add_evidence(s, 999, source=b"x", title="Nergens")
        # Above the officer's own clearance (stg_geheim).
        with pytest.raises(Forbidden, match="machtiging"):
            evidence.add_evidence(
                s, rid, source=b"x", title="Te hoog", classification=C.STG_ZEER_GEHEIM
            )
        _nothing_stored(s)
    for name in ("tekenaar", "liaison", "inspecteur", "beheer"):
        with as_user(ws, name) as s:
            with pytest.raises(Forbidden):
                evidence.add_evidence(s, rid, source=b"x", title="Niet van mij")
            assert [r[2] for r in audit_rows(s, "evidence.add")][-1] == "denied"
    with as_user(ws, "tekenaar") as s:  # signers may list (metadata only)
        assert evidence.list_evidence(s, rid) == ()
    with as_user(ws, "inspecteur") as s, pytest.raises(Forbidden):
        evidence.list_evidence(s, rid)


def test_list_hides_items_above_the_readers_clearance(workspace: Any) -> None:
    setup_staff(workspace)
    rid = make_report(workspace, until="draft", classification=C.ONGERUBRICEERD)
    with as_user(workspace, "officier") as s:
        evidence.add_evidence(s, rid, source=b"laag", title="Laag")
        evidence.add_evidence(s, rid, source=b"hoog", title="Hoog", classification=C.STG_GEHEIM)
    with as_user(workspace, "officier") as s:
        assert [i.title for i in evidence.list_evidence(s, rid)] == ["Laag", "Hoog"]
    with as_user(workspace, "beheer") as s:
        users.add_user(
            s,
            name="junior",
            password="junior-wachtwoord",
            full_name="J. Junior",
            roles=[Role.AIVD_OFFICER],
            clearance=C.DEP_VERTROUWELIJK,
        )
    with workspace.session("junior", "junior-wachtwoord") as s:
        assert [i.title for i in evidence.list_evidence(s, rid)] == ["Laag"]


def test_after_issuing_additions_are_corrections(workspace: Any) -> None:
    setup_staff(workspace)
    rid = make_report(workspace)  # issued
    with as_user(workspace, "officier") as s:
        with pytest.raises(InvalidState, match="correctie"):
            evidence.add_evidence(s, rid, source=b"later", title="Later")
        with pytest.raises(NotFound):
            evidence.add_evidence(s, rid, source=b"later", title="Later", correction_id=77)
        correction = reports.record_correction(s, rid, "Bevinding 1 bleek onjuist.")
        item = evidence.add_evidence(
            s, rid, source=b"later", title="Later", correction_id=correction.id
        )
        assert item.correction_id == correction.id
        added = [json.loads(d) for _a, _o, r, d in audit_rows(s, "evidence.add") if r == "ok"]
        assert added[-1]["correction_id"] == correction.id


def test_items_are_immutable(draft: Any) -> None:
    ws, rid = draft
    with as_user(ws, "officier") as s:
        item = evidence.add_evidence(s, rid, source=b"vast", title="Vast")
        for sql in (
            "UPDATE evidence_items SET title = 'anders' WHERE id = ?",
            "UPDATE evidence_items SET sha256 = 'x' WHERE id = ?",
            "DELETE FROM evidence_items WHERE id = ?",
            "UPDATE evidence_chunks SET data = x'00' WHERE item_id = ?",
            "DELETE FROM evidence_chunks WHERE item_id = ?",
            "INSERT INTO evidence_chunks (item_id, seq, data) VALUES (?, 9, x'00')",
        ):
            with (
                pytest.raises(Exception, match=r"immutable|never deleted"),
                s.db.transaction() as conn,
            ):
                conn.execute(sql, (item.id,))


def test_content_never_on_disk_in_clear_and_no_temp_files(
    workspace: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    setup_staff(workspace)
    rid = make_report(workspace, until="signed")
    canary = f"ZZ-CANARY-{uuid.uuid4()}"
    source = tmp_path / "bron" / "notitie.txt"
    source.parent.mkdir()
    source.write_text(f"Onderliggende notitie {canary}\n" * 50, encoding="utf-8")

    def no_temp(*_a: Any, **_k: Any) -> Any:
        raise AssertionError("decrypted content must never land in a temporary file")

    for name in (
        "NamedTemporaryFile",
        "TemporaryFile",
        "SpooledTemporaryFile",
        "mkstemp",
        "mkdtemp",
    ):
        monkeypatch.setattr(tempfile, name, no_temp)
    with as_user(workspace, "officier") as s:
        item = evidence.add_evidence(s, rid, source=source, title="Kanarie")
    with as_user(workspace, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    with as_user(workspace, "inspecteur") as s:
        sid = inspections.start_inspection(s, rid).id
        assert canary.encode() in inspections.open_item(s, sid, item.id)
        # While the session is open the WAL holds recent pages: scan it too.
        assert Path(f"{workspace.root}/workspace.db-wal").exists()
        _assert_absent(workspace.root, canary)
    _assert_absent(workspace.root, canary)


def _assert_absent(root: Path, canary: str) -> None:
    patterns = [canary.encode("ascii"), canary.encode("utf-16-le"), canary.encode("utf-16-be")]
    files = [p for p in root.rglob("*") if p.is_file()]
    assert any(p.name == "workspace.db" for p in files)
    for path in files:
        data = path.read_bytes()
        assert not any(pattern in data for pattern in patterns), path.name

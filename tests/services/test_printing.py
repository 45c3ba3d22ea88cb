"""Signed printing through the service: the print register, the one audit entry, roles and
clearance (refusals audited), drafts as one CONCEPT print, the signing key (made lazily, kept
wrapped, imported, renewed) and verification with and without the register."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.serialization import load_der_private_key

from desktop_app.domain.errors import Forbidden, InvalidInput, NotFound
from desktop_app.security import pki
from desktop_app.security.keyfile import KeyFile
from desktop_app.services import printing, signing_keys, verification
from desktop_app.services.workspace import KEYS_NAME
from desktop_app.storage import audit, staged_files
from tests.services.test_printing_support import (
    ARABIC,
    CYRILLIC,
    SIGNER_FULL_NAME,
    audit_entries,
    details_text,
    make_report,
    nfkc,
    page_texts,
    raw_rows,
    report_text,
    sha256,
    signed_in,
    tamper_one_byte,
    ws_with_print_staff,  # noqa: F401
)


def _trusted_roots(ws: Any) -> tuple[bytes, ...]:
    """The certificates of the workspace folder's trust-roots.pem, authenticated with W."""
    keyfile = KeyFile.load(ws.root / KEYS_NAME)
    secret = keyfile.check(ws.env.provider.load(keyfile.binding_id))
    trust = signing_keys.load_trust_file(ws.root, secret, keyfile.workspace_id)
    assert trust.authentic
    return trust.certificates


def _register(ws: Any) -> list[tuple[Any, ...]]:
    return raw_rows(
        ws,
        "SELECT j.report_id, c.copy_number, j.copies, j.draft, c.sha256,"
        " u.name, j.printed_at, j.destination, c.file_name FROM print_copies c"
        " JOIN print_jobs j ON j.id = c.job_id JOIN users u ON u.id = j.printed_by"
        " ORDER BY c.id",
    )


# -- printing a signed report ------------------------------------------------------------------


def test_print_signed_copies_registers_each_copy_and_audits_once(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    out = tmp_path / "afdrukken" / "nieuw"
    with signed_in(ws, "tekenaar") as s:
        with s.reading() as conn:
            head_before = audit.head(conn)
        job = printing.print_report(s, rid, copies=3, out_dir=out)
    assert not job.draft and len(job.copies) == 3
    assert [c.number for c in job.copies] == [1, 2, 3]
    # Files: 0600 in a folder made 0700, content as registered.
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for copy in job.copies:
        assert copy.path is not None and copy.path.parent == out
        assert stat.S_IMODE(copy.path.stat().st_mode) == 0o600
        assert sha256(copy.path.read_bytes()) == copy.sha256
    rows = _register(ws)
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [(rid, n, 3, 0) for n in (1, 2, 3)]
    assert [r[4] for r in rows] == [c.sha256 for c in job.copies]
    assert {r[5] for r in rows} == {"tekenaar"} and {r[7] for r in rows} == {"file"}
    # One audit entry, with the copies and hashes and the head it printed, and no text.
    entries = audit_entries(ws, "report.print")
    assert len(entries) == 1
    details = entries[0]["details"]
    assert details["copies"] == 3 and details["sha256"] == [c.sha256 for c in job.copies]
    assert details["audit_head"] == f"{head_before[0]}:{head_before[1]}" == job.audit_head
    assert details["signing_key"] == "created"
    assert "Bevinding" not in details_text(entries) and CYRILLIC not in details_text(entries)
    # The audit head at print time is in every page's footer.
    for copy in job.copies:
        for text in page_texts(copy.pdf):
            assert f"audit {head_before[0]}:{head_before[1][:12]}" in text


def test_printed_copy_carries_number_marking_signer_and_names(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="issued")
    with signed_in(ws, "beheer") as s:
        printing.set_signer_function(s, "tekenaar", "directeur Inlichtingen")
    with signed_in(ws, "officier") as s:
        job = printing.print_report(s, rid, copies=3, out_dir=tmp_path / "o")
    texts = page_texts(job.copies[1].pdf)
    assert len(texts) >= 1
    assert "exemplaar 2 van 3" in texts[0]
    for text in texts:
        assert text.count("STG. GEHEIM") >= 2  # top and bottom of every page
    whole = nfkc("\n".join(texts))
    assert SIGNER_FULL_NAME in whole and "directeur Inlichtingen" in whole
    assert CYRILLIC in whole and ARABIC in whole


def test_second_print_reuses_the_key_and_does_not_overwrite(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    out = tmp_path / "o"
    with signed_in(ws, "tekenaar") as s:
        first = printing.print_report(s, rid, copies=2, out_dir=out)
        # Numbers continue (copies 3 and 4 next), so another file takes the name of copy 4.
        taken = printing.copy_file_name(first.reference, 4, 4, first.version)
        (out / taken).write_bytes(b"iets anders")
        before = sorted(p.name for p in out.iterdir())
        contents = {p.name: p.read_bytes() for p in out.iterdir()}
        with pytest.raises(InvalidInput) as info:
            printing.print_report(s, rid, copies=2, out_dir=out)
        assert info.value.field == "out"
        printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o2")
    assert sorted(p.name for p in out.iterdir()) == before
    assert {p.name: p.read_bytes() for p in out.iterdir()} == contents
    assert len(_register(ws)) == 3  # 2 + 1: the refused print left no trace in the register
    assert len(raw_rows(ws, "SELECT id FROM signing_keys")) == 1
    assert [e["result"] for e in audit_entries(ws, "report.print")] == ["ok", "ok"]


def test_a_failed_write_rolls_everything_back(
    ws: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rid = make_report(ws, upto="signed")
    out = tmp_path / "o"
    real = staged_files.StagedFiles.stage
    calls: list[str] = []

    def flaky(self: staged_files.StagedFiles, name: str, data: bytes) -> None:
        calls.append(name)
        if len(calls) == 2:
            raise OSError("disk full")
        real(self, name, data)

    monkeypatch.setattr(staged_files.StagedFiles, "stage", flaky)
    with signed_in(ws, "tekenaar") as s, pytest.raises(OSError):
        printing.print_report(s, rid, copies=3, out_dir=out)
    assert list(out.iterdir()) == []
    assert _register(ws) == []
    assert audit_entries(ws, "report.print") == []


def test_copies_out_of_range_are_refused(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        for bad in (0, printing.MAX_COPIES + 1):
            with pytest.raises(InvalidInput) as info:
                printing.print_report(s, rid, copies=bad, out_dir=tmp_path / "o")
            assert info.value.field == "copies"
    assert not (tmp_path / "o").exists()


# -- drafts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("upto", ["draft", "usable"])
def test_unsigned_report_prints_one_concept_without_signature(
    ws: Any, tmp_path: Path, upto: str
) -> None:
    rid = make_report(ws, upto=upto)
    with signed_in(ws, "officier") as s:
        job = printing.print_report(s, rid, copies=3, out_dir=tmp_path / "c")
    assert job.draft and len(job.copies) == 1 and job.copies[0].number is None
    assert [p.name for p in (tmp_path / "c").iterdir()] == [job.copies[0].path.name]  # type: ignore[union-attr]
    texts = page_texts(job.copies[0].pdf)
    assert all("CONCEPT" in t for t in texts)
    assert "exemplaar" not in "\n".join(texts)
    assert b"/ByteRange" not in job.copies[0].pdf
    rows = _register(ws)
    assert [(r[1], r[2], r[3]) for r in rows] == [(None, 1, 1)]
    (entry,) = audit_entries(ws, "report.print")
    assert entry["details"]["draft"] is True and entry["details"]["copies_requested"] == 3
    assert raw_rows(ws, "SELECT id FROM signing_keys") == []  # no key needed for a concept
    with signed_in(ws, "officier") as s:
        verdict = verification.verify_registered(s, job.copies[0].pdf)
    assert not verdict.valid and verdict.registered is True
    assert "conceptafdruk" in verdict.reason


# -- who may print -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["liaison", "inspecteur", "beheer", "laag"])
def test_others_may_not_print_and_the_refusal_is_audited(
    ws: Any, tmp_path: Path, name: str
) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, name) as s, pytest.raises(Forbidden):
        printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
    assert not (tmp_path / "o").exists()
    assert _register(ws) == []
    entries = audit_entries(ws, "report.print")
    assert [(e["actor"], e["result"], e["object"]) for e in entries] == [
        (name, "denied", f"report:{rid}")
    ]


def test_unknown_report_is_not_found(ws: Any, tmp_path: Path) -> None:
    with signed_in(ws, "officier") as s, pytest.raises(NotFound):
        printing.print_report(s, 999, copies=1, out_dir=tmp_path / "o")


# -- preview -----------------------------------------------------------------------------------


def test_preview_is_an_audited_unsigned_view_and_registers_nothing(ws: Any) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        preview = printing.preview_report(s, rid, copies=4)
    assert not preview.draft and preview.copies == 4
    assert "exemplaar 1 van 4" in page_texts(preview.pdf)[0]
    assert b"/ByteRange" not in preview.pdf
    assert _register(ws) == []
    (entry,) = audit_entries(ws, "report.preview")
    assert entry["details"]["copies"] == 4 and entry["result"] == "ok"
    with signed_in(ws, "liaison") as s, pytest.raises(Forbidden):
        printing.preview_report(s, rid)
    assert [e["result"] for e in audit_entries(ws, "report.preview")] == ["ok", "denied"]


# -- the signing key ---------------------------------------------------------------------------


def test_signing_key_is_kept_wrapped_and_its_root_is_published(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        job = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
        info = signing_keys.signing_info(s)
    assert info is not None and info.origin == "workstation"
    ((wrapped, cert, fingerprint),) = raw_rows(
        ws, "SELECT wrapped_key, certificate, fingerprint FROM signing_keys"
    )
    assert bytes(wrapped).startswith(b"CWK1")
    with pytest.raises((ValueError, TypeError)):
        load_der_private_key(bytes(wrapped), None)
    assert fingerprint == info.fingerprint == sha256(bytes(cert))
    trust = ws.root / signing_keys.TRUST_FILE_NAME
    assert stat.S_IMODE(trust.stat().st_mode) == 0o600
    roots = _trusted_roots(ws)
    assert [sha256(r) for r in roots] == [r.fingerprint for r in info.trust_roots]
    verdict = verification.verify_document(job.copies[0].pdf, roots, now=ws.env.clock.now())
    assert verdict.valid and verdict.signer == SIGNER_FULL_NAME


def test_a_deleted_trust_file_is_written_again(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "beheer") as s:
        signing_keys.ensure_signing_key(s)
    trust = ws.root / signing_keys.TRUST_FILE_NAME
    content = trust.read_bytes()
    trust.unlink()
    with signed_in(ws, "officier") as s:
        assert signing_keys.signing_info(s) is not None
    assert trust.read_bytes() == content
    trust.unlink()  # e.g. after a restore: the file is not in the backup
    with signed_in(ws, "officier") as s:
        printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
    assert trust.read_bytes() == content


def _org_pkcs12(now: dt.datetime, passphrase: bytes) -> tuple[bytes, bytes]:
    org = pki.create_workstation_pki("Organisatie", now - dt.timedelta(days=1))
    return pki.export_pkcs12(org.signing, passphrase), org.ca.certificate


def test_admin_imports_the_organisation_certificate(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    now = ws.env.clock.now()
    with signed_in(ws, "tekenaar") as s:
        old = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "a")
    data, org_root = _org_pkcs12(now, b"pkcs12-geheim")
    with signed_in(ws, "beheer") as s:
        with pytest.raises(InvalidInput):
            signing_keys.import_signing_key(s, data, b"verkeerd")
        info = signing_keys.import_signing_key(s, data, b"pkcs12-geheim")
    assert info.origin == "organisation"
    assert sha256(org_root) in {r.fingerprint for r in info.trust_roots}
    with signed_in(ws, "tekenaar") as s:
        new = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "b")
        # Both the old (workstation) and the new (organisation) copies verify.
        assert verification.verify_registered(s, old.copies[0].pdf).valid
        assert verification.verify_registered(s, new.copies[0].pdf).valid
        with pytest.raises(Forbidden):
            signing_keys.import_signing_key(s, data, b"pkcs12-geheim")
    roots = _trusted_roots(ws)
    assert verification.verify_document(new.copies[0].pdf, roots, now=now).valid
    imports = audit_entries(ws, "signing.import")
    assert [e["result"] for e in imports] == ["ok", "denied"]
    assert "pkcs12-geheim" not in details_text(imports)


def test_expired_workstation_certificate_is_renewed_from_the_ca(
    ws: Any, clock: Any, tmp_path: Path
) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        printing.print_report(s, rid, copies=1, out_dir=tmp_path / "a")
    clock.advance(dt.timedelta(days=6 * 366))
    with signed_in(ws, "tekenaar") as s:
        job = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "b")
        assert verification.verify_registered(s, job.copies[0].pdf).valid
    keys = raw_rows(ws, "SELECT origin, active FROM signing_keys ORDER BY id")
    assert keys == [("workstation", 0), ("workstation", 1)]
    assert audit_entries(ws, "report.print")[-1]["details"]["signing_key"] == "renewed"


def test_signer_function_is_admin_only(ws: Any) -> None:
    with signed_in(ws, "tekenaar") as s, pytest.raises(Forbidden):
        printing.set_signer_function(s, "tekenaar", "directeur")
    with signed_in(ws, "beheer") as s:
        with pytest.raises(NotFound):
            printing.set_signer_function(s, "niemand", "directeur")
        with pytest.raises(InvalidInput):
            printing.set_signer_function(s, "tekenaar", "x" * 121)


# -- verification ------------------------------------------------------------------------------


def test_verify_registered_and_unregistered_and_tampered(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        job = printing.print_report(s, rid, copies=2, out_dir=tmp_path / "o")
    good = job.copies[1].pdf
    with signed_in(ws, "beheer") as s:  # anyone signed in may check a copy
        verdict = verification.verify_registered(s, good)
        tampered = verification.verify_registered(s, tamper_one_byte(good))
    assert verdict.valid and verdict.registered is True and verdict.intact
    assert verdict.copy is not None and (verdict.copy.number, verdict.copy.total) == (2, 2)
    assert "afdrukregister" in verdict.reason
    assert not tampered.valid and tampered.registered is False
    entries = audit_entries(ws, "report.verify")
    assert [e["details"]["registered"] for e in entries] == [True, False]


def test_a_copy_signed_elsewhere_is_not_trusted(ws: Any) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        preview = printing.preview_report(s, rid, copies=1)
        signing_keys.ensure_signing_key(s)
    foreign = pki.create_workstation_pki("Elders", ws.env.clock.now() - dt.timedelta(hours=1))
    from desktop_app.reporting import sign_pdf

    signed = sign_pdf(preview.pdf, foreign.signing, ws.env.clock.now())
    with signed_in(ws, "officier") as s:
        verdict = verification.verify_registered(s, signed)
    assert not verdict.valid and verdict.intact and verdict.registered is False
    assert "onbekende uitgever" in verdict.reason


@pytest.mark.parametrize("data", [b"", b"geen pdf", b"%PDF-1.7\n%trunc"])
def test_verify_never_raises_on_garbage(ws: Any, data: bytes) -> None:
    verdict = verification.verify_document(data, [], now=ws.env.clock.now())
    assert not verdict.valid and verdict.reason


def test_verify_file_reports_missing_and_directories(tmp_path: Path) -> None:
    now = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    missing = verification.verify_file(tmp_path / "weg.pdf", tmp_path, now=now)
    assert not missing.valid and "bestaat niet" in missing.reason
    folder = verification.verify_file(tmp_path, tmp_path, now=now)
    assert not folder.valid and "map" in folder.reason


def test_register_listing_is_audited(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        printing.print_report(s, rid, copies=2, out_dir=tmp_path / "o")
    with signed_in(ws, "officier") as s:
        records = printing.print_register(s, rid)
    assert [(r.copy_number, r.copy_total, r.printed_by) for r in records] == [
        (1, 2, "tekenaar"),
        (2, 2, "tekenaar"),
    ]
    assert len(audit_entries(ws, "report.prints")) == 1


def test_register_is_append_only(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
        for sql in ("UPDATE print_copies SET sha256 = 'x'", "DELETE FROM print_jobs"):
            with pytest.raises(Exception, match="append-only"), s.db.transaction() as conn:
                conn.execute(sql)


def test_report_text_fixture_is_structured() -> None:
    from desktop_app.domain.report_content import parse

    assert parse(report_text()) is not None
    assert os.sep not in printing.copy_file_name("AB/../x", 1, 2, 1)

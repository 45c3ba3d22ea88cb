"""Verification that cannot be fooled and that lasts (issue 15 §5): trust-roots.pem is used only
with a valid HMAC keyed from the workstation secret (a CA appended to it makes nothing valid),
a registered copy verifies at the print time the register proves (also six years on, when the
5-year workstation certificate has expired), and the verdict names the report's signing apart
from the copy's printing, and which trust it used."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.errors import WrongWorkstation
from desktop_app.reporting import sign_pdf
from desktop_app.security import pki
from desktop_app.security.keyfile import KeyFile
from desktop_app.security.trust_roots import TrustFileState, read_trust_file, render_trust_file
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services import printing, signing_keys, verification
from desktop_app.services.signing_keys import _material
from desktop_app.services.workspace import KEYS_NAME
from desktop_app.storage import printing as repo
from tests.services.test_printing_support import (
    SIGNER_FULL_NAME,
    audit_entries,
    make_report,
    raw_rows,
    signed_in,
    ws_with_print_staff,  # noqa: F401
)

SIX_YEARS = dt.timedelta(days=6 * 366)


def _printed(ws: Any, tmp_path: Path, copies: int = 2) -> tuple[int, Any]:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        job = printing.print_report(s, rid, copies=copies, out_dir=tmp_path / "o")
    return rid, job


def _forgery(ws: Any, tmp_path: Path, rid: int) -> tuple[Path, bytes]:
    """A copy of the report signed with a home-made CA that carries the workstation's own
    names, and that CA's certificate (PEM)."""
    with signed_in(ws, "tekenaar") as s:
        preview = printing.preview_report(s, rid, copies=2)
        workstation = s.workstation_id
    own = pki.create_workstation_pki(workstation, ws.env.clock.now() - dt.timedelta(hours=1))
    forged = tmp_path / "vervalst.pdf"
    forged.write_bytes(sign_pdf(preview.pdf, own.signing, ws.env.clock.now()))
    return forged, pki.der_to_pem(own.ca.certificate)


# -- trust-roots.pem ---------------------------------------------------------------------------


def test_same_name_forgery_with_an_appended_ca_is_not_valid(ws: Any, tmp_path: Path) -> None:
    rid, job = _printed(ws, tmp_path)
    good = Path(job.files[0])
    now = ws.env.clock.now()
    before = verification.verify_file(good, ws.root, now=now, provider=ws.env.provider)
    assert before.valid and before.trust == "workstation"
    forged, own_ca = _forgery(ws, tmp_path, rid)
    # The forger's CA has the very name of the workstation CA in the list.
    trust_path = ws.root / signing_keys.TRUST_FILE_NAME
    with trust_path.open("ab") as fh:
        fh.write(b"# Convenantwerkplek werkstation-CA\n" + own_ca)

    verdict = verification.verify_file(forged, ws.root, now=now, provider=ws.env.provider)
    assert not verdict.valid and verdict.intact
    assert verdict.trust == "none"
    assert "gewijzigd" in verdict.reason and signing_keys.TRUST_FILE_NAME in verdict.reason
    # An altered list is not trusted at all, so the genuine copy is not "geldig" through it
    # either; signed in, the database's roots still give the right answer for both.
    assert not verification.verify_file(good, ws.root, now=now, provider=ws.env.provider).valid
    with signed_in(ws, "officier") as s:
        assert not verification.verify_registered(s, forged.read_bytes()).valid
        real = verification.verify_registered(s, good.read_bytes())
    assert real.valid and real.trust == "database"
    # The next refresh by the workstation writes the authentic list again.
    with signed_in(ws, "officier") as s:
        signing_keys.signing_info(s)
    assert verification.verify_file(good, ws.root, now=now, provider=ws.env.provider).valid
    assert not verification.verify_file(forged, ws.root, now=now, provider=ws.env.provider).valid


def test_forged_list_with_its_mac_line_copied_is_refused(ws: Any, tmp_path: Path) -> None:
    rid, _job = _printed(ws, tmp_path)
    forged, own_ca = _forgery(ws, tmp_path, rid)
    trust_path = ws.root / signing_keys.TRUST_FILE_NAME
    original = trust_path.read_bytes()
    mac_line = next(line for line in original.splitlines() if line.startswith(b"# hmac-sha256:"))
    # Only the forger's CA, under the genuine MAC line.
    trust_path.write_bytes(mac_line + b"\n" + own_ca)
    now = ws.env.clock.now()
    verdict = verification.verify_file(forged, ws.root, now=now, provider=ws.env.provider)
    assert not verdict.valid and verdict.trust == "none"
    # No MAC line at all (a forger's list, or the plain file of an older version): the same.
    trust_path.write_bytes(own_ca)
    verdict = verification.verify_file(forged, ws.root, now=now, provider=ws.env.provider)
    assert not verdict.valid and verdict.trust == "none"
    assert "geen beveiligingscode" in verdict.reason


def test_without_the_keyring_nothing_is_trusted_and_the_verdict_says_why(
    ws: Any, tmp_path: Path
) -> None:
    _rid, job = _printed(ws, tmp_path)
    good = Path(job.files[0])
    now = ws.env.clock.now()
    for provider in (None, MemorySecretProvider()):  # no keyring; a keyring of another machine
        verdict = verification.verify_file(good, ws.root, now=now, provider=provider)
        assert not verdict.valid and verdict.intact and verdict.trust == "none"
        assert "werkplekgeheim" in verdict.reason and "--user" in verdict.reason

    # A function that cannot give a keyring (the CLI's environment on such a machine).
    def no_keyring() -> Any:
        raise WrongWorkstation("geen sleutelring")

    verdict = verification.verify_file(good, ws.root, now=now, provider=no_keyring)
    assert not verdict.valid and verdict.trust == "none"
    # The keyring's own function form works like the provider itself.
    verdict = verification.verify_file(good, ws.root, now=now, provider=lambda: ws.env.provider)
    assert verdict.valid and verdict.trust == "workstation"
    (ws.root / signing_keys.TRUST_FILE_NAME).unlink()
    verdict = verification.verify_file(good, ws.root, now=now, provider=ws.env.provider)
    assert not verdict.valid and "bevat geen" in verdict.reason


def test_trust_file_mac_is_bound_to_secret_workspace_and_certificates() -> None:
    now = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    a = pki.create_workstation_pki("A", now).ca.certificate
    b = pki.create_workstation_pki("B", now).ca.certificate
    w, other_w = b"w" * 32, b"x" * 32
    data = render_trust_file([("A", a), ("B", b)], w, "ws-1")
    ok = read_trust_file(data, w, "ws-1")
    assert ok.state is TrustFileState.AUTHENTIC and ok.certificates == (a, b)
    assert read_trust_file(data, other_w, "ws-1").state is TrustFileState.UNAUTHENTICATED
    assert read_trust_file(data, w, "ws-2").state is TrustFileState.UNAUTHENTICATED
    assert read_trust_file(data, None, None).state is TrustFileState.UNAUTHENTICATED
    dropped = data.replace(pki.der_to_pem(b), b"")
    assert read_trust_file(dropped, w, "ws-1").state is TrustFileState.UNAUTHENTICATED
    relabelled = data.replace(b"# A (", b"# Iets anders (")
    assert read_trust_file(relabelled, w, "ws-1").authentic  # comments are for people
    assert read_trust_file(None, w, "ws-1").state is TrustFileState.MISSING
    assert read_trust_file(b"-----BEGIN CERTIFICATE-----\nxx", w, "ws-1").state in (
        TrustFileState.UNREADABLE,
        TrustFileState.UNAUTHENTICATED,
    )


def test_the_trust_file_is_written_with_the_workstation_mac(ws: Any, tmp_path: Path) -> None:
    _printed(ws, tmp_path, copies=1)
    keyfile = KeyFile.load(ws.root / KEYS_NAME)
    secret = keyfile.check(ws.env.provider.load(keyfile.binding_id))
    trust = signing_keys.load_trust_file(ws.root, secret, keyfile.workspace_id)
    assert trust.authentic
    fingerprints = {r[0] for r in raw_rows(ws, "SELECT fingerprint FROM trust_roots")}
    assert {hashlib.sha256(c).hexdigest() for c in trust.certificates} == fingerprints


# -- long-term validity ------------------------------------------------------------------------


def test_a_registered_copy_still_verifies_six_years_on(ws: Any, clock: Any, tmp_path: Path) -> None:
    _rid, job = _printed(ws, tmp_path)
    good = Path(job.files[1])
    printed_at = ws.env.clock.now()
    with signed_in(ws, "tekenaar") as s:
        info = signing_keys.signing_info(s)
    assert info is not None and info.not_after < printed_at + SIX_YEARS  # 5-year certificate
    clock.advance(SIX_YEARS)
    now = ws.env.clock.now()

    with signed_in(ws, "officier") as s:
        verdict = verification.verify_registered(s, good.read_bytes())
    assert verdict.valid and verdict.registered is True
    assert verdict.checked_at_source == "register"
    assert verdict.checked_at == printed_at.isoformat(timespec="seconds")
    assert "tijdstip van afdrukken" in verdict.reason
    (entry,) = [e for e in audit_entries(ws, "report.verify")]
    assert entry["details"]["checked_at_source"] == "register"

    # Without the register there is no proof of the moment: the certificate has expired.
    alone = verification.verify_file(good, ws.root, now=now, provider=ws.env.provider)
    assert not alone.valid and alone.intact and alone.trust == "workstation"
    assert "verlopen" in alone.reason and "--user" in alone.reason
    assert alone.checked_at_source == "clock"


def test_an_unregistered_copy_six_years_on_fails_on_the_expired_certificate(
    ws: Any, clock: Any, tmp_path: Path
) -> None:
    rid, _job = _printed(ws, tmp_path, copies=1)
    # Signed with the workstation's own key material, but never printed (not in the register).
    with signed_in(ws, "tekenaar") as s:
        preview = printing.preview_report(s, rid, copies=1)
        with s.reading() as conn:
            row = repo.active_key(conn)
            assert row is not None
            material = _material(s, row)
    unregistered = sign_pdf(preview.pdf, material, ws.env.clock.now())
    with signed_in(ws, "officier") as s:
        today = verification.verify_registered(s, unregistered)
    assert today.valid and today.registered is False and today.checked_at_source == "clock"
    clock.advance(SIX_YEARS)
    with signed_in(ws, "officier") as s:
        later = verification.verify_registered(s, unregistered)
    assert not later.valid and later.intact and later.registered is False
    assert "verlopen" in later.reason
    assert later.checked_at_source == "clock"


def test_a_register_entry_the_audit_log_does_not_confirm_is_checked_now(
    ws: Any, clock: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _rid, job = _printed(ws, tmp_path, copies=1)
    good = Path(job.files[0]).read_bytes()
    clock.advance(SIX_YEARS)
    monkeypatch.setattr(repo, "print_audit_entry", lambda conn, report_id, job_id: None)
    with signed_in(ws, "officier") as s:
        verdict = verification.verify_registered(s, good)
    assert not verdict.valid and verdict.registered is True
    assert verdict.checked_at_source == "clock"
    assert "bevestigt deze afdruk niet" in verdict.reason


# -- the verdict: the report's signing apart from the copy's printing --------------------------


def test_verdict_separates_signing_of_the_report_from_printing_of_the_copy(
    ws: Any, clock: Any, tmp_path: Path
) -> None:
    rid = make_report(ws, upto="signed")
    (signed_at,) = [r[0] for r in raw_rows(ws, f"SELECT signed_at FROM reports WHERE id = {rid}")]
    clock.advance(dt.timedelta(days=3, hours=2))
    printed_at = ws.env.clock.now()
    with signed_in(ws, "officier") as s:  # an officer prints what the signer signed
        job = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
    path = Path(job.files[0])
    expected_signed = dt.datetime.fromisoformat(signed_at).isoformat(timespec="seconds")

    alone = verification.verify_file(
        path, ws.root, now=ws.env.clock.now(), provider=ws.env.provider
    ).as_dict()
    with signed_in(ws, "liaison") as s:
        registered = verification.verify_registered(s, path.read_bytes()).as_dict()
    for verdict in (alone, registered):
        assert verdict["valid"] is True
        assert verdict["signed_by"] == SIGNER_FULL_NAME == verdict["signer"]
        assert verdict["signed_at"] == expected_signed
        assert verdict["printed_by"] == "officier"
        assert verdict["printed_at"] == printed_at.isoformat(timespec="seconds")
        assert verdict["signed_at"] != verdict["printed_at"]
    assert alone["trust"] == "workstation" and registered["trust"] == "database"
    assert alone["registered"] is None and registered["registered"] is True


def test_after_a_rebind_copies_still_verify_without_a_sign_in(ws: Any, tmp_path: Path) -> None:
    """A rebind binds the workspace to a new workstation secret; the public trust file is
    rewritten under the new secret's MAC at once (it used to be untrusted until the next
    print)."""
    from desktop_app.services.workspace import rebind_workstation

    _rid, job = _printed(ws, tmp_path)
    copy = Path(job.copies[0].path)
    now = ws.env.clock.now()
    assert verification.verify_file(copy, ws.root, now=now, provider=ws.env.provider).valid
    rebind_workstation(ws.env, ws.root, ws.recovery_key)
    verdict = verification.verify_file(copy, ws.root, now=now, provider=ws.env.provider)
    assert verdict.valid and verdict.trust == "workstation", verdict


def test_a_restored_workspace_verifies_its_copies_without_a_sign_in(
    ws: Any, tmp_path: Path
) -> None:
    from desktop_app.services import admin

    _rid, job = _printed(ws, tmp_path)
    copy = Path(job.copies[0].path)
    backup_file = tmp_path / "werkplek.backup"
    with signed_in(ws, "beheer") as s:
        admin.make_backup(s, backup_file)
    target = tmp_path / "hersteld"
    admin.restore_workspace(
        ws.env,
        backup_file,
        target,
        admin_name="beheer",
        recovery_key=ws.recovery_key,
        new_password="nieuw-beheer-wachtwoord-1",
    )
    verdict = verification.verify_file(
        copy, target, now=ws.env.clock.now(), provider=ws.env.provider
    )
    assert verdict.valid and verdict.trust == "workstation", verdict

"""desktop_app.security.pki: the workstation CA, its signing certificate, PKCS#12 imports."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from desktop_app.domain.errors import InvalidInput, InvalidState
from desktop_app.reporting import CopyInfo, render_report_pdf, sign_pdf, verify_pdf
from desktop_app.security import pki
from tests.reporting.helpers import CTX, NOW, report


def test_workstation_pki_shape() -> None:
    material = pki.create_workstation_pki("WS-07", NOW)
    ca = x509.load_der_x509_certificate(material.ca.certificate)
    leaf = x509.load_der_x509_certificate(material.signing.certificate)
    assert "Convenantwerkplek werkstation-CA WS-07" in ca.subject.rfc4514_string()
    assert ca.issuer == ca.subject
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert leaf.issuer == ca.subject
    leaf.verify_directly_issued_by(ca)
    usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert not leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert material.signing.chain == (material.ca.certificate,)
    assert material.signing.root_certificate == material.ca.certificate
    assert leaf.not_valid_after_utc <= ca.not_valid_after_utc
    # The key is PKCS#8 DER and belongs to the certificate.
    key = serialization.load_der_private_key(material.signing.private_key, None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    assert key.public_key() == leaf.public_key()
    assert material.signing.certificate_pem.startswith(b"-----BEGIN CERTIFICATE-----")


def test_encrypted_keys_need_the_passphrase() -> None:
    material = pki.create_workstation_pki("WS-08", NOW, passphrase=b"wachtwoord")
    assert material.signing.encrypted and material.ca.encrypted
    with pytest.raises(TypeError):
        serialization.load_der_private_key(material.signing.private_key, None)
    assert pki.load_private_key(material.signing, b"wachtwoord") is not None
    with pytest.raises(InvalidInput):
        pki.load_private_key(material.signing, None)
    with pytest.raises(InvalidInput):
        pki.load_private_key(material.signing, b"fout")


def test_renewal_under_the_same_ca() -> None:
    material = pki.create_workstation_pki("WS-09", NOW)
    later = NOW + dt.timedelta(days=365 * 4)
    renewed = pki.issue_signing_certificate(material.ca, "Convenantwerkplek ondertekening 2", later)
    info = pki.certificate_info(renewed.certificate)
    assert info.valid_at(later + dt.timedelta(days=365 * 4))
    pki.ensure_usable_for_signing(renewed, later)


def test_ensure_usable_refuses_expired_and_future() -> None:
    material = pki.create_workstation_pki("WS-10", NOW, signing_years=1)
    pki.ensure_usable_for_signing(material.signing, NOW)
    with pytest.raises(InvalidState, match="verlopen"):
        pki.ensure_usable_for_signing(material.signing, NOW + dt.timedelta(days=400))
    with pytest.raises(InvalidState):
        pki.ensure_usable_for_signing(material.signing, NOW - dt.timedelta(days=1))


def test_naive_datetimes_are_rejected() -> None:
    with pytest.raises(ValueError):
        pki.create_workstation_pki("WS", NOW.replace(tzinfo=None))


def test_empty_workstation_label_is_rejected() -> None:
    with pytest.raises(InvalidInput):
        pki.create_workstation_pki("  ", NOW)


# -- PKCS#12 ----------------------------------------------------------------------------------


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Organisatie-CA"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _organisation_p12(
    *,
    not_before: dt.datetime,
    not_after: dt.datetime,
    digital_signature: bool = True,
    passphrase: bytes = b"p12-wachtwoord",
) -> tuple[bytes, bytes]:
    """An RSA organisation chain (root → intermediate → leaf) as PKCS#12, plus the root (DER)."""
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    inter_key = ec.generate_private_key(ec.SECP256R1())
    leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def ca(subject: str, issuer: str, key: object, signer: object) -> x509.Certificate:
        return (
            x509.CertificateBuilder()
            .subject_name(_name(subject))
            .issuer_name(_name(issuer))
            .public_key(key.public_key())  # type: ignore[attr-defined]
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(days=3650))
            .not_valid_after(NOW + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                critical=True,
            )
            .sign(signer, hashes.SHA256())  # type: ignore[arg-type]
        )

    root = ca("Org Root", "Org Root", root_key, root_key)
    inter = ca("Org Intermediate", "Org Root", inter_key, root_key)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(_name("Medewerker Ondertekening"))
        .issuer_name(inter.subject)
        .public_key(leaf_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(
            x509.KeyUsage(
                digital_signature, digital_signature, True, False, False, False, False, False, False
            ),
            critical=True,
        )
        .sign(inter_key, hashes.SHA256())
    )
    # The chain deliberately out of order, with an unrelated certificate in between.
    stray = ca("Unrelated", "Unrelated", inter_key, inter_key)
    data = pkcs12.serialize_key_and_certificates(
        b"org",
        leaf_key,
        leaf,
        [root, stray, inter],
        serialization.BestAvailableEncryption(passphrase),
    )
    return data, root.public_bytes(serialization.Encoding.DER)


def test_pkcs12_import_round_trip_and_signing() -> None:
    data, root = _organisation_p12(
        not_before=NOW - dt.timedelta(days=10), not_after=NOW + dt.timedelta(days=365)
    )
    material = pki.import_pkcs12(data, b"p12-wachtwoord", NOW, key_passphrase=b"werkplek")
    assert material.encrypted
    assert len(material.chain) == 2  # intermediate then root; the stray one dropped
    assert x509.load_der_x509_certificate(material.chain[-1]).subject == _name("Org Root")
    assert material.root_certificate == root

    # Export and import again: same certificate and chain.
    again = pki.import_pkcs12(
        pki.export_pkcs12(material, b"nieuw", key_passphrase=b"werkplek"), b"nieuw", NOW
    )
    assert again.certificate == material.certificate
    assert again.chain == material.chain
    assert not again.encrypted

    pdf = render_report_pdf(report(findings=1), CopyInfo(1, 1), CTX)
    signed = sign_pdf(pdf, material, NOW, passphrase=b"werkplek")
    verdict = verify_pdf(signed, [root], now=NOW)
    assert verdict.valid, verdict.reason
    assert not verify_pdf(signed, [], now=NOW).valid


def test_pkcs12_wrong_passphrase() -> None:
    data, _ = _organisation_p12(
        not_before=NOW - dt.timedelta(days=10), not_after=NOW + dt.timedelta(days=365)
    )
    with pytest.raises(InvalidInput, match="wachtwoord"):
        pki.import_pkcs12(data, b"fout", NOW)


def test_pkcs12_garbage() -> None:
    with pytest.raises(InvalidInput):
        pki.import_pkcs12(b"geen pkcs12", b"x", NOW)


def test_pkcs12_expired_certificate_is_refused() -> None:
    data, _ = _organisation_p12(
        not_before=NOW - dt.timedelta(days=400), not_after=NOW - dt.timedelta(days=1)
    )
    with pytest.raises(InvalidInput, match="niet geldig"):
        pki.import_pkcs12(data, b"p12-wachtwoord", NOW)


def test_pkcs12_without_digital_signature_usage_is_refused() -> None:
    data, _ = _organisation_p12(
        not_before=NOW - dt.timedelta(days=10),
        not_after=NOW + dt.timedelta(days=365),
        digital_signature=False,
    )
    with pytest.raises(InvalidInput, match="digitale handtekeningen"):
        pki.import_pkcs12(data, b"p12-wachtwoord", NOW)

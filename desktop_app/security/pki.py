"""PDF signing keys: the workstation CA, its signing certificate, and organisation PKCS#12 imports.

Everything works on bytes: the storage layer keeps the results encrypted in the workspace.
Keys are ECDSA P-256 (fast to make and to sign with, accepted by PAdES and current PDF readers).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from desktop_app.domain.errors import InvalidInput, InvalidState

ORGANISATION = "Algemene Inlichtingen- en Veiligheidsdienst"
CA_NAME_PREFIX = "Convenantwerkplek werkstation-CA"
SIGNING_NAME_PREFIX = "Convenantwerkplek ondertekening"

# Slack for the workstation clock when a fresh certificate is used right away.
_BACKDATE = dt.timedelta(minutes=5)

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


@dataclass(frozen=True)
class SigningMaterial:
    """A signing key with its certificate and the issuers above it, all as bytes.

    ``private_key`` is PKCS#8 DER, encrypted with a passphrase when ``encrypted`` is true.
    ``chain`` holds the issuer certificates (DER), the direct issuer first, the root last.
    """

    private_key: bytes
    certificate: bytes
    chain: tuple[bytes, ...]
    encrypted: bool

    @property
    def certificate_pem(self) -> bytes:
        return der_to_pem(self.certificate)

    @property
    def root_certificate(self) -> bytes:
        """The last certificate of the chain (the leaf itself when it came alone)."""
        return self.chain[-1] if self.chain else self.certificate


@dataclass(frozen=True)
class CaMaterial:
    """The workstation CA: kept only to issue a new signing certificate when the old one ends."""

    private_key: bytes
    certificate: bytes
    encrypted: bool


@dataclass(frozen=True)
class WorkstationPki:
    ca: CaMaterial
    signing: SigningMaterial


@dataclass(frozen=True)
class CertificateInfo:
    subject: str
    common_name: str
    issuer: str
    serial: int
    not_before: dt.datetime
    not_after: dt.datetime
    sha256_fingerprint: str
    digital_signature: bool

    def valid_at(self, when: dt.datetime) -> bool:
        return self.not_before <= when <= self.not_after


# -- creation -------------------------------------------------------------------------------


def create_workstation_pki(
    workstation_id: str,
    now: dt.datetime,
    *,
    passphrase: bytes | None = None,
    ca_years: int = 20,
    signing_years: int = 5,
) -> WorkstationPki:
    """A self-signed workstation CA and a signing certificate issued by it."""
    _require_aware(now)
    label = workstation_id.strip()
    if not label:
        raise InvalidInput("Geef de werkplek een naam of nummer.", field="workstation_id")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(f"{CA_NAME_PREFIX} {label}")
    start = now - _BACKDATE
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(_add_years(now, ca_years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            _key_usage(key_cert_sign=True, crl_sign=True),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    ca = CaMaterial(
        private_key=_pkcs8(ca_key, passphrase),
        certificate=ca_cert.public_bytes(serialization.Encoding.DER),
        encrypted=passphrase is not None,
    )
    signing = issue_signing_certificate(
        ca,
        f"{SIGNING_NAME_PREFIX} {label}",
        now,
        ca_passphrase=passphrase,
        passphrase=passphrase,
        years=signing_years,
    )
    return WorkstationPki(ca=ca, signing=signing)


def _key_usage(
    *,
    digital_signature: bool = False,
    content_commitment: bool = False,
    key_cert_sign: bool = False,
    crl_sign: bool = False,
) -> x509.KeyUsage:
    """The usages named and no other (the CA signs certificates, the signing key documents);
    x509 wants every flag spelled out."""
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=content_commitment,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=key_cert_sign,
        crl_sign=crl_sign,
        encipher_only=False,
        decipher_only=False,
    )


def issue_signing_certificate(
    ca: CaMaterial,
    common_name: str,
    now: dt.datetime,
    *,
    ca_passphrase: bytes | None = None,
    passphrase: bytes | None = None,
    years: int = 5,
) -> SigningMaterial:
    """A new signing key and certificate under the workstation CA (also used to renew)."""
    _require_aware(now)
    ca_cert = x509.load_der_x509_certificate(ca.certificate)
    ca_key = _load_key(ca.private_key, ca_passphrase)
    not_after = min(_add_years(now, years), ca_cert.not_valid_after_utc)
    if not_after <= now:
        raise InvalidState("De werkplek-CA is verlopen; maak een nieuwe aan.")
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _BACKDATE)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            _key_usage(digital_signature=True, content_commitment=True),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return SigningMaterial(
        private_key=_pkcs8(key, passphrase),
        certificate=cert.public_bytes(serialization.Encoding.DER),
        chain=(ca.certificate,),
        encrypted=passphrase is not None,
    )


# -- import ---------------------------------------------------------------------------------


def import_pkcs12(
    data: bytes,
    passphrase: bytes,
    now: dt.datetime,
    *,
    key_passphrase: bytes | None = None,
) -> SigningMaterial:
    """An organisation certificate from a PKCS#12 file, re-wrapped as :class:`SigningMaterial`.

    Refuses a file that cannot be opened, has no key or certificate, an expired (or not yet
    valid) certificate, or a certificate not meant for digital signatures.
    """
    _require_aware(now)
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase)
    except (ValueError, TypeError):
        raise InvalidInput(
            "Het PKCS#12-bestand kan niet worden geopend: het wachtwoord klopt niet of het "
            "bestand is beschadigd.",
            field="pkcs12",
        ) from None
    if key is None or cert is None:
        raise InvalidInput(
            "Het PKCS#12-bestand bevat geen sleutel met certificaat.", field="pkcs12"
        )
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise InvalidInput(
            "Alleen RSA- en ECDSA-sleutels kunnen worden gebruikt om te ondertekenen.",
            field="pkcs12",
        )
    if _spki(key.public_key()) != _spki(cert.public_key()):
        raise InvalidInput(
            "De sleutel in het PKCS#12-bestand hoort niet bij het certificaat.", field="pkcs12"
        )
    info = certificate_info(cert.public_bytes(serialization.Encoding.DER))
    if not info.valid_at(now):
        raise InvalidInput(
            f"Het certificaat '{info.common_name}' is niet geldig op dit moment "
            f"(geldig van {_fmt(info.not_before)} tot {_fmt(info.not_after)}).",
            field="pkcs12",
        )
    if not info.digital_signature:
        raise InvalidInput(
            f"Het certificaat '{info.common_name}' is niet bedoeld voor digitale handtekeningen.",
            field="pkcs12",
        )
    return SigningMaterial(
        private_key=_pkcs8(key, key_passphrase),
        certificate=cert.public_bytes(serialization.Encoding.DER),
        chain=_order_chain(cert, list(extra or [])),
        encrypted=key_passphrase is not None,
    )


def export_pkcs12(
    material: SigningMaterial, passphrase: bytes, *, key_passphrase: bytes | None = None
) -> bytes:
    """The signing material as a passphrase-protected PKCS#12 (for a backup or another tool)."""
    key = load_private_key(material, key_passphrase)
    cert = x509.load_der_x509_certificate(material.certificate)
    cas = [x509.load_der_x509_certificate(c) for c in material.chain]
    return pkcs12.serialize_key_and_certificates(
        b"ondertekening", key, cert, cas, serialization.BestAvailableEncryption(passphrase)
    )


# -- use --------------------------------------------------------------------------------------


def load_private_key(material: SigningMaterial, passphrase: bytes | None = None) -> PrivateKey:
    if material.encrypted and passphrase is None:
        raise InvalidInput("De ondertekeningssleutel is versleuteld; geef het wachtwoord.")
    return _load_key(material.private_key, passphrase if material.encrypted else None)


def unencrypted_pkcs8(material: SigningMaterial, passphrase: bytes | None = None) -> bytes:
    """The key as plain PKCS#8 DER, in memory only (the PDF signer needs it in that form)."""
    return load_private_key(material, passphrase).private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def ensure_usable_for_signing(material: SigningMaterial, now: dt.datetime) -> CertificateInfo:
    """Refuse a certificate that is expired, not yet valid, or not for signatures."""
    _require_aware(now)
    info = certificate_info(material.certificate)
    if now > info.not_after:
        raise InvalidState(
            f"Het ondertekeningscertificaat '{info.common_name}' is verlopen op "
            f"{_fmt(info.not_after)}; ondertekenen is niet mogelijk."
        )
    if now < info.not_before:
        raise InvalidState(
            f"Het ondertekeningscertificaat '{info.common_name}' is pas geldig vanaf "
            f"{_fmt(info.not_before)}; controleer de klok van de werkplek."
        )
    if not info.digital_signature:
        raise InvalidState(
            f"Het certificaat '{info.common_name}' is niet bedoeld voor digitale handtekeningen."
        )
    return info


def certificate_info(der: bytes) -> CertificateInfo:
    cert = x509.load_der_x509_certificate(der)
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        digital_signature = usage.digital_signature or usage.content_commitment
    except x509.ExtensionNotFound:
        # Without the extension the key may be used for anything (RFC 5280).
        digital_signature = True
    cns = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    common_name = str(cns[0].value) if cns else cert.subject.rfc4514_string()
    return CertificateInfo(
        subject=cert.subject.rfc4514_string(),
        common_name=common_name,
        issuer=cert.issuer.rfc4514_string(),
        serial=cert.serial_number,
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        sha256_fingerprint=hashlib.sha256(der).hexdigest(),
        digital_signature=digital_signature,
    )


def der_to_pem(der: bytes) -> bytes:
    return x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)


def certificate_to_der(data: bytes) -> bytes:
    """DER from either PEM or DER input."""
    if data.lstrip().startswith(b"-----BEGIN"):
        cert = x509.load_pem_x509_certificate(data)
    else:
        cert = x509.load_der_x509_certificate(data)
    return cert.public_bytes(serialization.Encoding.DER)


# -- helpers ----------------------------------------------------------------------------------


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _pkcs8(key: PrivateKey, passphrase: bytes | None) -> bytes:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase is not None
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, encryption
    )


def _spki(public_key: object) -> bytes:
    if not isinstance(public_key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey):
        return b""
    return public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _load_key(data: bytes, passphrase: bytes | None) -> PrivateKey:
    try:
        key = serialization.load_der_private_key(data, passphrase)
    except (ValueError, TypeError):
        raise InvalidInput(
            "De ondertekeningssleutel kan niet worden geopend (verkeerd wachtwoord?).",
            field="passphrase",
        ) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise InvalidInput("Alleen RSA- en ECDSA-sleutels kunnen worden gebruikt.")
    return key


def _order_chain(leaf: x509.Certificate, others: list[x509.Certificate]) -> tuple[bytes, ...]:
    """Issuers from the leaf upwards; certificates that are not on the path are dropped."""
    chain: list[bytes] = []
    current = leaf
    remaining = list(others)
    while current.issuer != current.subject:
        issuer = next((c for c in remaining if _issued_by(current, c)), None)
        if issuer is None:
            break
        remaining.remove(issuer)
        chain.append(issuer.public_bytes(serialization.Encoding.DER))
        current = issuer
    return tuple(chain)


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    if cert.issuer != issuer.subject:
        return False
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _add_years(when: dt.datetime, years: int) -> dt.datetime:
    try:
        return when.replace(year=when.year + years)
    except ValueError:  # 29 February
        return when.replace(year=when.year + years, day=28)


def _require_aware(now: dt.datetime) -> None:
    if now.tzinfo is None:
        raise ValueError("an aware datetime is required")


def _fmt(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%d-%m-%Y %H:%M UTC")

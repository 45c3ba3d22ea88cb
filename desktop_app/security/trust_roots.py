"""``trust-roots.pem``: the public copy of the trust roots, authenticated by the workstation.

``werkplek report verify`` without a sign-in cannot read the database, so the roots it trusts
(the workstation CA, the organisation's root) are also kept as PEM in the workspace folder. A
plain file anyone with write access to the folder can extend is no trust anchor: appending
one's own CA would make a forgery under the same name read "geldig". So the file carries an
HMAC-SHA256 over its certificates, keyed by HKDF from the workstation secret W (the keyring),
like ``keys.json``; a file whose MAC is missing or wrong is not trusted at all (not even the
certificates that would check out), and verification says so.

The MAC covers the certificates (DER, in file order) and the workspace id, not the comment
lines: labels are for people reading the file.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import load_pem_x509_certificates

from desktop_app.security import pki

__all__ = ["TrustFile", "TrustFileState", "read_trust_file", "render_trust_file"]

_MAC_INFO = b"trust-roots-mac"
_DOMAIN = b"convenantwerkplek/trust-roots/v1\x00"
_MAC_LINE = re.compile(rb"^# hmac-sha256: ([0-9a-f]{64})[ \t]*\r?$", re.MULTILINE)


class TrustFileState(StrEnum):
    AUTHENTIC = "authentic"
    MISSING = "missing"  # no file (yet): nothing was ever printed, or it was deleted
    UNREADABLE = "unreadable"
    UNAUTHENTICATED = "unauthenticated"  # no MAC, a wrong one, or no W to check it with


@dataclass(frozen=True)
class TrustFile:
    state: TrustFileState
    certificates: tuple[bytes, ...]
    """DER, in file order; only to be trusted when ``state`` is AUTHENTIC."""
    has_mac: bool = False
    """Whether the file carries a MAC line at all (files of older versions have none)."""

    @property
    def authentic(self) -> bool:
        return self.state is TrustFileState.AUTHENTIC


def _key(workstation_secret: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_MAC_INFO).derive(
        workstation_secret
    )


def _mac(workstation_secret: bytes, workspace_id: str, certificates: Sequence[bytes]) -> str:
    body = bytearray(_DOMAIN + workspace_id.encode() + b"\x00")
    for der in certificates:
        body += len(der).to_bytes(4, "big") + der
    return hmac.new(_key(workstation_secret), bytes(body), hashlib.sha256).hexdigest()


def render_trust_file(
    roots: Sequence[tuple[str, bytes]], workstation_secret: bytes, workspace_id: str
) -> bytes:
    """The file's bytes for ``(label, DER certificate)`` pairs."""
    ders = [pki.certificate_to_der(der) for _label, der in roots]
    lines = [
        b"# Convenantwerkplek: vertrouwde uitgevers voor 'werkplek report verify'.\n",
        b"# Beveiligd met een HMAC uit het werkplekgeheim: een gewijzigde lijst wordt niet\n",
        b"# vertrouwd. Alleen de werkplek zelf schrijft dit bestand.\n",
        f"# hmac-sha256: {_mac(workstation_secret, workspace_id, ders)}\n".encode(),
    ]
    for (label, _raw), der in zip(roots, ders, strict=True):
        clean = " ".join(label.split())
        fingerprint = hashlib.sha256(der).hexdigest()
        lines.append(f"# {clean} (SHA-256 {fingerprint})\n".encode())
        lines.append(pki.der_to_pem(der))
    return b"".join(lines)


def read_trust_file(
    data: bytes | None, workstation_secret: bytes | None, workspace_id: str | None
) -> TrustFile:
    """Parse and authenticate the file's bytes (None: there is no file)."""
    if data is None:
        return TrustFile(TrustFileState.MISSING, ())
    try:
        certs = tuple(c.public_bytes(Encoding.DER) for c in load_pem_x509_certificates(data))
    except ValueError:
        return TrustFile(TrustFileState.UNREADABLE, ())
    macs = _MAC_LINE.findall(data)
    has_mac = bool(macs)
    if workstation_secret is None or workspace_id is None or len(macs) != 1:
        return TrustFile(TrustFileState.UNAUTHENTICATED, certs, has_mac)
    expected = _mac(workstation_secret, workspace_id, certs)
    if not hmac.compare_digest(macs[0].decode("ascii"), expected):
        return TrustFile(TrustFileState.UNAUTHENTICATED, certs, has_mac)
    return TrustFile(TrustFileState.AUTHENTIC, certs, has_mac)

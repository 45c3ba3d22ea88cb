"""Private keys at rest inside the workspace: AES-GCM under a key derived from the DEK.

A signing key (and the workstation CA's key) is stored wrapped, with the certificate's SHA-256
fingerprint as associated data: never as plain PKCS#8, not even inside the encrypted database
pages, and a wrapped key moved to another certificate's row does not open. The format
(``CWK1`` | nonce | ciphertext+tag) and the HKDF label are stored data: never change them.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.domain.errors import IntegrityFailure

__all__ = ["unwrap_key", "wrap_key"]

_MAGIC = b"CWK1"
_INFO = b"convenantwerkplek/signing-key-wrap/v1"
_NONCE = 12
_TAG = 16


def _aead(dek: bytes | bytearray) -> AESGCM:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(dek)
    return AESGCM(key)


def wrap_key(dek: bytes | bytearray, plain: bytes, fingerprint: str) -> bytes:
    nonce = os.urandom(_NONCE)
    return _MAGIC + nonce + _aead(dek).encrypt(nonce, plain, fingerprint.encode())


def unwrap_key(dek: bytes | bytearray, blob: bytes, fingerprint: str) -> bytes:
    if not blob.startswith(_MAGIC) or len(blob) < len(_MAGIC) + _NONCE + _TAG:
        raise IntegrityFailure("De ondertekeningssleutel in de werkplek is beschadigd.")
    nonce = blob[len(_MAGIC) : len(_MAGIC) + _NONCE]
    try:
        return _aead(dek).decrypt(nonce, blob[len(_MAGIC) + _NONCE :], fingerprint.encode())
    except InvalidTag:
        raise IntegrityFailure(
            "De ondertekeningssleutel in de werkplek is beschadigd of hoort bij een ander "
            "certificaat."
        ) from None

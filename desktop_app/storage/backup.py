"""The backup file: self-checking, encrypted, opened only with the recovery key.

Layout::

    MAGIC | u32 header length | header JSON | chunk*
    chunk = u32 length | AES-GCM(K_b, nonce = prefix || u64 index, aad = H(header) || index || last)

The header carries the recovery slot (DEK under the recovery key); K_b = HKDF(DEK, salt). The
plaintext stream is: u32 length | meta JSON (escrowed user slots, settings) | the database
snapshot (itself SQLCipher-encrypted). The ``last`` flag in the final chunk's AAD makes a cut-off
file fail verification instead of restoring a partial database (CRASH-3).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.domain.errors import IntegrityFailure
from desktop_app.storage.files import AtomicStreamWriter

MAGIC = b"CWPBACKUP1\n"
CHUNK = 1 << 20
_DAMAGED = "Het back-upbestand is beschadigd, onvolledig of geen back-up van deze toepassing."


def _backup_key(dek: bytes | bytearray, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"backup").derive(bytes(dek))


def _aad(header_hash: bytes, index: int, last: bool) -> bytes:
    return header_hash + struct.pack(">QB", index, 1 if last else 0)


def write_backup(
    target: Path,
    *,
    header: dict[str, Any],
    dek: bytes | bytearray,
    meta: dict[str, Any],
    snapshot: Path,
) -> None:
    salt = secrets.token_bytes(16)
    prefix = secrets.token_bytes(4)
    header = {**header, "format": 1, "salt": salt.hex(), "nonce_prefix": prefix.hex()}
    header_bytes = json.dumps(header, sort_keys=True).encode()
    header_hash = hashlib.sha256(header_bytes).digest()
    aead = AESGCM(_backup_key(dek, salt))
    meta_bytes = json.dumps(meta, sort_keys=True).encode()

    def plaintext() -> Iterator[bytes]:
        yield struct.pack(">I", len(meta_bytes)) + meta_bytes
        with open(snapshot, "rb") as fh:
            while block := fh.read(CHUNK):
                yield block

    with AtomicStreamWriter(target) as out:
        out.write(MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes)
        blocks = _rechunk(plaintext())
        current = next(blocks, b"")
        index = 0
        # One block of look-ahead: only the true last block is sealed with last=True.
        for following in blocks:
            _emit(out, aead, prefix, header_hash, index, current, last=False)
            index += 1
            current = following
        _emit(out, aead, prefix, header_hash, index, current, last=True)


def _rechunk(pieces: Iterator[bytes]) -> Iterator[bytes]:
    buffer = b""
    for piece in pieces:
        buffer += piece
        while len(buffer) >= CHUNK:
            yield buffer[:CHUNK]
            buffer = buffer[CHUNK:]
    if buffer:
        yield buffer


def _emit(
    out: AtomicStreamWriter,
    aead: AESGCM,
    prefix: bytes,
    header_hash: bytes,
    index: int,
    data: bytes,
    *,
    last: bool,
) -> None:
    nonce = prefix + struct.pack(">Q", index)
    sealed = aead.encrypt(nonce, data, _aad(header_hash, index, last))
    out.write(struct.pack(">I", len(sealed)) + sealed)


def read_header(source: BinaryIO) -> tuple[dict[str, Any], bytes]:
    magic = source.read(len(MAGIC))
    if magic != MAGIC:
        raise IntegrityFailure(_DAMAGED)
    raw_len = source.read(4)
    if len(raw_len) != 4:
        raise IntegrityFailure(_DAMAGED)
    (length,) = struct.unpack(">I", raw_len)
    if length > 1 << 20:
        raise IntegrityFailure(_DAMAGED)
    header_bytes = source.read(length)
    try:
        header = json.loads(header_bytes)
    except ValueError:
        raise IntegrityFailure(_DAMAGED) from None
    if not isinstance(header, dict) or header.get("format") != 1:
        raise IntegrityFailure(_DAMAGED)
    return header, hashlib.sha256(header_bytes).digest()


def open_backup(path: Path) -> dict[str, Any]:
    with open(path, "rb") as fh:
        header, _ = read_header(fh)
    return header


def restore_stream(
    source_path: Path, dek: bytes | bytearray, snapshot_target: Path
) -> dict[str, Any]:
    """Decrypt and check every chunk; write the (still encrypted) snapshot; return the meta.
    Nothing is left at ``snapshot_target`` unless the whole file verified."""
    with open(source_path, "rb") as fh:
        header, header_hash = read_header(fh)
        try:
            salt = bytes.fromhex(header["salt"])
            prefix = bytes.fromhex(header["nonce_prefix"])
        except (KeyError, ValueError, TypeError):
            raise IntegrityFailure(_DAMAGED) from None
        aead = AESGCM(_backup_key(dek, salt))
        writer = AtomicStreamWriter(snapshot_target)
        try:
            meta: dict[str, Any] | None = None
            pending = b""
            index = 0
            finished = False
            while True:
                raw_len = fh.read(4)
                if not raw_len:
                    break
                if finished or len(raw_len) != 4:
                    raise IntegrityFailure(_DAMAGED)
                (length,) = struct.unpack(">I", raw_len)
                sealed = fh.read(length)
                if len(sealed) != length or length > CHUNK + 64:
                    raise IntegrityFailure(_DAMAGED)
                nonce = prefix + struct.pack(">Q", index)
                try:
                    data = aead.decrypt(nonce, sealed, _aad(header_hash, index, False))
                except InvalidTag:
                    try:
                        data = aead.decrypt(nonce, sealed, _aad(header_hash, index, True))
                    except InvalidTag:
                        raise IntegrityFailure(_DAMAGED) from None
                    finished = True
                index += 1
                if meta is None:
                    pending += data
                    if len(pending) >= 4:
                        (meta_len,) = struct.unpack(">I", pending[:4])
                        if len(pending) >= 4 + meta_len:
                            meta = json.loads(pending[4 : 4 + meta_len])
                            writer.write(pending[4 + meta_len :])
                            pending = b""
                else:
                    writer.write(data)
            if not finished or meta is None:
                raise IntegrityFailure(_DAMAGED)
            writer.commit()
        except BaseException:
            writer.abort()
            raise
    os.chmod(snapshot_target, 0o600)
    return meta

"""The backup file: self-checking, encrypted, opened only with the recovery key.

Layout::

    MAGIC | u32 header length | header JSON | chunk*
    chunk = u32 length | AES-GCM(K_b, nonce = prefix || u64 index, aad = H(header) || index || last)

The header carries the recovery slot (DEK under the recovery key); K_b = HKDF(DEK, salt). The
plaintext stream is: u32 length | meta JSON (escrowed user slots, settings) | the database
snapshot (itself SQLCipher-encrypted). The ``last`` flag in the final chunk's AAD makes a cut-off
file fail verification instead of restoring a partial database (CRASH-3).

Nothing a killed backup leaves behind lingers: the snapshot is written under
``.snapshot-<pid>-<hex>.db`` in the workspace folder and the backup under a hidden temp name
next to its target; both carry the writer's process id, so the next backup (and opening the
workspace, for snapshots) removes those whose process is gone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import sqlcipher3
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.domain.errors import IntegrityFailure
from desktop_app.storage.files import (
    AtomicStreamWriter,
    process_alive,
    remove_file,
    remove_stale_temps,
    stale_temps,
)

MAGIC = b"CWPBACKUP1\n"
CHUNK = 1 << 20
DAMAGED = "Het back-upbestand is beschadigd, onvolledig of geen back-up van deze toepassing."
# The snapshot and the journal/WAL files SQLite may keep next to it while exporting. The form
# without a process id is what earlier versions wrote (always stale by now).
_SNAPSHOT = re.compile(
    r"^\.snapshot-(?:(?P<pid>[0-9]{1,10})-)?[0-9a-f]{12}\.db(?:-journal|-wal|-shm)?$"
)


# Temp files of the workspace's own small files as versions before the process id in the name
# wrote them: only such a version can have left one, so it is stale.
_LEGACY_TEMP = re.compile(r"^\.(?:keys\.json|trust-roots\.pem)\.[0-9a-f]{12}\.tmp$")


def snapshot_path(root: Path) -> Path:
    return root / f".snapshot-{os.getpid()}-{secrets.token_hex(6)}.db"


def remove_stale_snapshots(root: Path) -> int:
    """Delete snapshots (and their SQLite side files) of backups whose process was killed."""
    removed = 0
    try:
        names = os.listdir(root)
    except OSError:
        return 0
    for name in names:
        match = _SNAPSHOT.match(name)
        if match is None:
            continue
        pid = match.group("pid")
        if pid is not None and process_alive(int(pid)):
            continue
        removed += remove_file(root / name)
    return removed


def remove_snapshot(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def remove_stale_workspace_files(root: Path) -> int:
    """What killed processes left in a workspace folder: backup snapshots and the temp files of
    atomic writes (keys.json, trust-roots.pem). Cheap (one directory listing): run at open."""
    removed = remove_stale_snapshots(root) + remove_stale_temps(root)
    with contextlib.suppress(OSError):
        for name in os.listdir(root):
            if _LEGACY_TEMP.match(name):
                removed += remove_file(root / name)
    return removed


def remove_stale_backup_temps(directory: Path) -> int:
    """Delete half-written or unpublished backups that a killed backup left in ``directory``:
    temp names with a dead process id whose content is (the start of) a backup. Other files in
    a folder the user chose are never touched."""
    removed = 0
    for path in stale_temps(directory):
        try:
            with open(path, "rb") as fh:
                head = fh.read(len(MAGIC))
        except OSError:
            continue
        if head != MAGIC[: len(head)]:
            continue
        removed += remove_file(path)
    return removed


@dataclass
class PendingBackup:
    """A complete backup, durable under its hidden temp name: ``publish`` renames it to the
    target, ``discard`` deletes it."""

    writer: AtomicStreamWriter
    sha256: str
    size: int

    @property
    def target(self) -> Path:
        return self.writer.path

    def publish(self) -> None:
        self.writer.commit()

    def discard(self) -> None:
        self.writer.abort()


def _backup_key(dek: bytes | bytearray, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"backup").derive(bytes(dek))


def key_check(dek: bytes | bytearray) -> str:
    """Names the DEK a backup was made under without revealing it: a verification with
    today's DEK tells "made before a key rotation" apart from "damaged"."""
    return (
        HKDF(algorithm=hashes.SHA256(), length=16, salt=None, info=b"backup-key-check")
        .derive(bytes(dek))
        .hex()
    )


def _aad(header_hash: bytes, index: int, last: bool) -> bytes:
    return header_hash + struct.pack(">QB", index, 1 if last else 0)


def write_backup(
    target: Path,
    *,
    header: dict[str, Any],
    dek: bytes | bytearray,
    meta: dict[str, Any],
    snapshot: Path,
) -> PendingBackup:
    """Write the backup for ``target`` under a hidden temp name and return it unpublished."""
    salt = secrets.token_bytes(16)
    prefix = secrets.token_bytes(4)
    header = {
        **header,
        "format": 1,
        "salt": salt.hex(),
        "nonce_prefix": prefix.hex(),
        "key_check": key_check(dek),
    }
    header_bytes = json.dumps(header, sort_keys=True).encode()
    header_hash = hashlib.sha256(header_bytes).digest()
    aead = AESGCM(_backup_key(dek, salt))
    meta_bytes = json.dumps(meta, sort_keys=True).encode()

    def plaintext() -> Iterator[bytes]:
        yield struct.pack(">I", len(meta_bytes)) + meta_bytes
        with open(snapshot, "rb") as fh:
            while block := fh.read(CHUNK):
                yield block

    out = _HashingWriter(AtomicStreamWriter(target))
    try:
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
        out.inner.finish()
    except BaseException:
        out.inner.abort()
        raise
    return PendingBackup(out.inner, out.digest.hexdigest(), out.size)


class _HashingWriter:
    """The digest and size as the bytes go out: no second pass over a large file."""

    def __init__(self, inner: AtomicStreamWriter) -> None:
        self.inner = inner
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.inner.write(data)
        self.digest.update(data)
        self.size += len(data)


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
    out: _HashingWriter,
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
        raise IntegrityFailure(DAMAGED)
    raw_len = source.read(4)
    if len(raw_len) != 4:
        raise IntegrityFailure(DAMAGED)
    (length,) = struct.unpack(">I", raw_len)
    if length > 1 << 20:
        raise IntegrityFailure(DAMAGED)
    header_bytes = source.read(length)
    try:
        header = json.loads(header_bytes)
    except ValueError:
        raise IntegrityFailure(DAMAGED) from None
    if not isinstance(header, dict) or header.get("format") != 1:
        raise IntegrityFailure(DAMAGED)
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
            raise IntegrityFailure(DAMAGED) from None
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
                    raise IntegrityFailure(DAMAGED)
                (length,) = struct.unpack(">I", raw_len)
                sealed = fh.read(length)
                if len(sealed) != length or length > CHUNK + 64:
                    raise IntegrityFailure(DAMAGED)
                nonce = prefix + struct.pack(">Q", index)
                try:
                    data = aead.decrypt(nonce, sealed, _aad(header_hash, index, False))
                except InvalidTag:
                    try:
                        data = aead.decrypt(nonce, sealed, _aad(header_hash, index, True))
                    except InvalidTag:
                        raise IntegrityFailure(DAMAGED) from None
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
                raise IntegrityFailure(DAMAGED)
            writer.commit()
        except BaseException:
            writer.abort()
            raise
    os.chmod(snapshot_target, 0o600)
    return meta


@dataclass(frozen=True)
class BackupContents:
    """What a complete check of a backup found (nothing of the content itself)."""

    header: dict[str, Any]
    schema_version: int
    users: int
    workspace_id_inside: str | None


def check_backup(source_path: Path, dek: bytes | bytearray, scratch: Path) -> BackupContents:
    """Decrypt and authenticate every chunk (truncation and reordering included), then open the
    database inside it and run SQLite's and SQLCipher's integrity checks. The snapshot goes to
    ``scratch`` (still SQLCipher-encrypted; a killed check leaves it under a snapshot name that
    the next sign-in removes) and is deleted before returning."""
    from desktop_app.storage.db import (
        WrongKeyOrDamaged,
        _connect,
        passes_integrity_checks,
        self_check,
    )

    with open(source_path, "rb") as fh:
        header, _ = read_header(fh)
    try:
        restore_stream(source_path, dek, scratch)
        try:
            conn = _connect(scratch, dek)
        except WrongKeyOrDamaged:
            raise IntegrityFailure(DAMAGED) from None
        try:
            self_check(conn)
            if not passes_integrity_checks(conn):
                raise IntegrityFailure("De database in het back-upbestand is beschadigd.")
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            users = int(conn.execute("SELECT count(*) FROM users").fetchone()[0])
            row = conn.execute("SELECT value FROM settings WHERE key = 'workspace_id'").fetchone()
        except sqlcipher3.DatabaseError:
            raise IntegrityFailure("De database in het back-upbestand is beschadigd.") from None
        finally:
            conn.close()
    finally:
        remove_snapshot(scratch)
    return BackupContents(header, version, users, None if row is None else str(row[0]))


def former_key_checks(conn: Any) -> set[str]:
    """The ``key_check`` of every DEK this workspace rotated away from, as its trail recorded
    them (``previous_key_check`` of a rotation's entry; rotations before that field name
    none): the earlier keys a backup may truthfully say it was made under."""
    found: set[str] = set()
    for (details,) in conn.execute(
        "SELECT details FROM audit WHERE action IN ('workspace.rekey', 'workspace.recovery_key')"
        " AND result = 'ok'"
    ):
        try:
            check = json.loads(details).get("previous_key_check")
        except (ValueError, AttributeError, TypeError):
            continue
        if isinstance(check, str):
            found.add(check)
    return found


def recorded_backup(conn: Any, sha256: str) -> str | None:
    """When this workspace's audit trail recorded making a backup with this SHA-256."""
    for ts, details in conn.execute(
        "SELECT ts_utc, details FROM audit WHERE action = 'workspace.backup' AND result = 'ok'"
        " ORDER BY seq"
    ):
        try:
            if json.loads(details).get("sha256") == sha256:
                return str(ts)
        except (ValueError, AttributeError):
            continue
    return None

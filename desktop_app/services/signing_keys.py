"""The workstation's signing key and the trust roots verification accepts.

Use cases: ``ensure_signing_key`` (``signing.create``), ``import_signing_key``
(``signing.import``), ``signing_info``; printing takes the active key through
``active_signing_key`` inside its own transaction.

Decisions:
- The signing key is made on first use (the first print, or ``werkplek signing create``) from a
  workstation CA, or imported from the organisation's PKCS#12 by the administrator. Its PKCS#8
  is stored wrapped (``security/key_wrap.py``: AES-GCM under a key derived from the DEK, the
  certificate's fingerprint as associated data). An expired workstation certificate is renewed
  from the stored workstation CA on the next print; an expired organisation certificate stops
  printing until a new import. Old certificates stay in the database and their roots stay
  trusted: copies signed with them must keep verifying.
- Trust roots (the workstation CA, the organisation's root) are kept in the database, and also
  written as ``trust-roots.pem`` into the workspace folder, authenticated with an HMAC keyed
  from the workstation secret (``security/trust_roots.py``), so ``report verify`` works without
  a password but not with a list someone extended. A verification with a signed-in user trusts
  only the roots in the database: the file is a convenience, the database is the authority.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.errors import AppError, InvalidInput
from desktop_app.domain.roles import ADMIN_ONLY, Role
from desktop_app.security import pki
from desktop_app.security.key_wrap import unwrap_key, wrap_key
from desktop_app.security.trust_roots import TrustFile, read_trust_file, render_trust_file
from desktop_app.services.session import Session
from desktop_app.storage import printing as repo
from desktop_app.storage.db import Connection
from desktop_app.storage.files import atomic_write

__all__ = [
    "MAX_PKCS12_BYTES",
    "TRUST_FILE_NAME",
    "SigningKeyInfo",
    "TrustRootInfo",
    "active_signing_key",
    "ensure_signing_key",
    "import_signing_key",
    "load_trust_file",
    "signing_info",
    "sync_trust_file",
    "trust_file",
]

log = logging.getLogger(__name__)

TRUST_FILE_NAME = "trust-roots.pem"
MAX_PKCS12_BYTES = 1024 * 1024
MAX_TRUST_FILE_BYTES = 1024 * 1024

_KEY_VIEWERS = (Role.ADMIN, Role.AIVD_OFFICER, Role.AIVD_SIGNER)


@dataclass(frozen=True)
class TrustRootInfo:
    label: str
    fingerprint: str
    added_at: str

    def as_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "sha256_fingerprint": self.fingerprint,
            "added_at": self.added_at,
        }


@dataclass(frozen=True)
class SigningKeyInfo:
    origin: str  # "workstation" | "organisation"
    common_name: str
    subject: str
    issuer: str
    serial: int
    not_before: dt.datetime
    not_after: dt.datetime
    fingerprint: str
    created_by: str
    created_at: str
    trust_roots: tuple[TrustRootInfo, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "origin": self.origin,
            "common_name": self.common_name,
            "subject": self.subject,
            "issuer": self.issuer,
            "serial": f"{self.serial:x}",
            "not_before": self.not_before.isoformat(),
            "not_after": self.not_after.isoformat(),
            "sha256_fingerprint": self.fingerprint,
            "created_by": self.created_by,
            "created_at": self.created_at,
            "trust_roots": [r.as_dict() for r in self.trust_roots],
        }


# ---------------------------------------------------------------------------------------------
# The key itself


def _material(session: Session, row: repo.SigningKeyRow) -> pki.SigningMaterial:
    return pki.SigningMaterial(
        private_key=unwrap_key(session.dek, row.wrapped_key, row.fingerprint),
        certificate=row.certificate,
        chain=row.chain,
        encrypted=False,
    )


def _store_key(
    session: Session,
    conn: Connection,
    material: pki.SigningMaterial,
    *,
    origin: str,
    ca: pki.CaMaterial | None,
    now: dt.datetime,
) -> repo.SigningKeyRow:
    info = pki.certificate_info(material.certificate)
    plain = pki.unencrypted_pkcs8(material)
    ca_wrapped = None
    if ca is not None:
        ca_fp = hashlib.sha256(ca.certificate).hexdigest()
        ca_wrapped = wrap_key(session.dek, ca.private_key, ca_fp)
    repo.insert_key(
        conn,
        origin=origin,
        certificate=material.certificate,
        chain=material.chain,
        wrapped_key=wrap_key(session.dek, plain, info.sha256_fingerprint),
        ca_certificate=None if ca is None else ca.certificate,
        ca_wrapped_key=ca_wrapped,
        fingerprint=info.sha256_fingerprint,
        common_name=info.common_name,
        not_after=info.not_after,
        created_by=session.user.name,
        at=now,
    )
    root = material.root_certificate
    root_info = pki.certificate_info(root)
    repo.add_trust_root(
        conn,
        fingerprint=root_info.sha256_fingerprint,
        certificate=root,
        label=root_info.common_name,
        at=now,
    )
    row = repo.active_key(conn)
    assert row is not None
    return row


def active_signing_key(
    session: Session, conn: Connection, now: dt.datetime
) -> tuple[repo.SigningKeyRow, pki.SigningMaterial, str | None]:
    """The active key, usable now: made (or renewed from the workstation CA) when needed.
    The third value says what was done: "created", "renewed" or None. Call inside the
    transaction that uses the key (its audit entry records what was done)."""
    row = repo.active_key(conn)
    if row is None:
        made = pki.create_workstation_pki(session.workstation_id, now)
        row = _store_key(session, conn, made.signing, origin="workstation", ca=made.ca, now=now)
        return row, made.signing, "created"
    material = _material(session, row)
    info = pki.certificate_info(row.certificate)
    if (
        not info.valid_at(now)
        and row.origin == "workstation"
        and row.ca_certificate is not None
        and row.ca_wrapped_key is not None
    ):
        ca_fp = hashlib.sha256(row.ca_certificate).hexdigest()
        ca = pki.CaMaterial(
            private_key=unwrap_key(session.dek, row.ca_wrapped_key, ca_fp),
            certificate=row.ca_certificate,
            encrypted=False,
        )
        renewed = pki.issue_signing_certificate(ca, row.common_name, now)
        row = _store_key(session, conn, renewed, origin="workstation", ca=ca, now=now)
        return row, renewed, "renewed"
    pki.ensure_usable_for_signing(material, now)
    return row, material, None


def _key_info(conn: Connection, row: repo.SigningKeyRow) -> SigningKeyInfo:
    info = pki.certificate_info(row.certificate)
    roots = tuple(TrustRootInfo(r.label, r.fingerprint, r.added_at) for r in repo.trust_roots(conn))
    return SigningKeyInfo(
        origin=row.origin,
        common_name=info.common_name,
        subject=info.subject,
        issuer=info.issuer,
        serial=info.serial,
        not_before=info.not_before,
        not_after=info.not_after,
        fingerprint=info.sha256_fingerprint,
        created_by=row.created_by,
        created_at=row.created_at,
        trust_roots=roots,
    )


# ---------------------------------------------------------------------------------------------
# trust-roots.pem: the public, authenticated copy of the trust roots


def trust_file(root: Path) -> Path:
    return root / TRUST_FILE_NAME


def load_trust_file(
    root: Path, workstation_secret: bytes | None, workspace_id: str | None
) -> TrustFile:
    """The workspace folder's ``trust-roots.pem``, authenticated with W when given. Only an
    AUTHENTIC result may be trusted; anything else is reported, never used."""
    path = trust_file(root)
    try:
        with path.open("rb") as fh:
            data: bytes | None = fh.read(MAX_TRUST_FILE_BYTES + 1)
    except FileNotFoundError:
        data = None
    except OSError:
        data = b""  # present but unreadable: reads as a damaged file
    if data is not None and len(data) > MAX_TRUST_FILE_BYTES:
        data = b""
    return read_trust_file(data, workstation_secret, workspace_id)


def sync_trust_file(session: Session) -> None:
    """Write the database's roots to the public file when it differs (after a commit). Also
    re-signs it after a re-binding to a new workstation secret (the old MAC no longer fits)."""
    try:
        secret = session.workstation_secret()
        workspace_id = session.keyfile.workspace_id
    except AppError:
        log.warning("no workstation secret: %s not written", TRUST_FILE_NAME)
        return
    with session.reading() as conn:
        write_trust_file(conn, session.root, secret, workspace_id)


def write_trust_file(conn: Connection, root: Path, secret: bytes, workspace_id: str) -> None:
    """The roots of the database behind ``conn`` into ``root``'s public file, MAC'd with the
    workstation secret ``secret``: also where no session exists yet (a rebind or a restore
    binds the workspace to a new secret, and the file under the old MAC would not be trusted)."""
    roots = repo.trust_roots(conn)
    if not roots:
        return
    text = render_trust_file([(r.label, r.certificate) for r in roots], secret, workspace_id)
    path = trust_file(root)
    try:
        if path.is_file() and path.read_bytes() == text:
            return
        atomic_write(path, text)
    except OSError:
        log.warning("could not write %s", TRUST_FILE_NAME)


# ---------------------------------------------------------------------------------------------
# Use cases


def signing_info(session: Session) -> SigningKeyInfo | None:
    """The active signing certificate (None before the first print); refreshes the public
    ``trust-roots.pem``. Certificates are not classified: no audit entry."""
    session.require(_KEY_VIEWERS, "het ondertekeningscertificaat bekijken")
    with session.reading() as conn:
        row = repo.active_key(conn)
        info = None if row is None else _key_info(conn, row)
    if info is not None:
        sync_trust_file(session)
    return info


def ensure_signing_key(session: Session) -> SigningKeyInfo:
    """Make the workstation key now rather than at the first print (``signing.create``)."""
    with session.transaction("signing.create", "signing") as tx:
        session.require(_KEY_VIEWERS, "een ondertekeningssleutel aanmaken")
        row, _material, done = active_signing_key(session, tx.conn, session.clock.now())
        info = _key_info(tx.conn, row)
        tx.details = {"created": done, "fingerprint": info.fingerprint}
    sync_trust_file(session)
    return info


def import_signing_key(session: Session, data: bytes, passphrase: bytes) -> SigningKeyInfo:
    """The organisation's signing certificate from a PKCS#12 file (administrator only). It
    replaces the active key for new prints; its root joins the trust roots."""
    with session.transaction("signing.import", "signing") as tx:
        session.require(ADMIN_ONLY, "het ondertekeningscertificaat importeren")
        if len(data) > MAX_PKCS12_BYTES:
            raise InvalidInput("Het PKCS#12-bestand is te groot.", field="pkcs12")
        now = session.clock.now()
        material = pki.import_pkcs12(data, passphrase, now)
        row = _store_key(session, tx.conn, material, origin="organisation", ca=None, now=now)
        info = _key_info(tx.conn, row)
        tx.details = {
            "fingerprint": info.fingerprint,
            "subject": info.subject,
            "not_after": info.not_after.isoformat(),
        }
    sync_trust_file(session)
    return info

"""Signed printing (issue 5): ambtsberichten as marked, numbered, digitally signed PDFs, the
print register, the workstation's signing key, and verification of a printed copy.

Use cases, each one transaction with one audit entry:
- ``preview_report``: the copy as it will print, in memory and unsigned (``report.preview``);
- ``print_report``: N signed copies ("exemplaar n van N") or, for a report that is not signed
  yet, one CONCEPT print without signature; registered per copy with its SHA-256 and audited
  (``report.print``) in the same transaction; files, when asked for, are written inside it;
- ``verify_registered``: a copy's signature and its entry in the print register
  (``report.verify``); ``verify_document``/``verify_file`` check the signature alone and need
  no sign-in (they read the public ``trust-roots.pem`` of the workspace folder);
- ``ensure_signing_key``, ``import_signing_key``, ``signing_info``, ``set_signer_function``.

Decisions:
- The signing key is made on first use (the first print, or ``werkplek signing create``) from a
  workstation CA, or imported from the organisation's PKCS#12 by the administrator. Its PKCS#8
  is stored AES-GCM-wrapped under a key derived (HKDF-SHA256) from the workspace DEK, with the
  certificate's fingerprint as associated data: never plain, not even inside the encrypted
  database pages. An expired workstation certificate is renewed from the stored workstation CA
  on the next print; an expired organisation certificate stops printing until a new import.
- Trust roots (the workstation CA, the organisation's root) are kept in the database, and also
  written as ``trust-roots.pem`` into the workspace folder (public certificates; 0600 anyway),
  so ``report verify`` works without a password. A verification with a signed-in user trusts
  only the roots in the database: the file is a convenience, the database is the authority.
- A report that is not signed (draft … usable) prints as ONE copy of its current version with
  the CONCEPT watermark and no signature; it is registered too (a draft print, no copy number):
  every paper with classified content on it is traceable. Asking for more copies of a draft
  still gives one.
- A signed or issued report prints the signed version, after checking its text against the
  recorded hash. The letter is dated on the day of signing; the signer's name is their full
  name, their function the ``signer_function`` setting (``set_signer_function``), else their
  role's label.
- Output files are never overwritten: if a copy's file name exists already, nothing is printed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import load_pem_x509_certificates

from desktop_app.domain import report_content
from desktop_app.domain.clock import LOCAL_TZ
from desktop_app.domain.errors import (
    Forbidden,
    IntegrityFailure,
    InvalidInput,
    NotFound,
)
from desktop_app.domain.ids import ReportId
from desktop_app.domain.reports import (
    ALLOWED_ROLES,
    ReportAction,
    ReportStatus,
    decide,
    status_from_history,
    text_sha256,
)
from desktop_app.domain.roles import Role, require_any_role
from desktop_app.reporting import (
    MAX_COPIES,
    CopyInfo,
    Finding,
    PreparedSigner,
    PrintContext,
    ReportDocument,
    Verdict,
    render_report_pdf,
    render_signed_copies,
    verify_pdf,
)
from desktop_app.security import pki
from desktop_app.services.session import Session
from desktop_app.storage import audit
from desktop_app.storage import printing as repo
from desktop_app.storage import reports as report_repo
from desktop_app.storage import users as user_repo
from desktop_app.storage.db import Connection
from desktop_app.storage.files import atomic_write, ensure_private_dir

__all__ = [
    "MAX_COPIES",
    "TRUST_FILE_NAME",
    "PrintJob",
    "PrintPreview",
    "PrintRecord",
    "PrintedCopy",
    "SigningKeyInfo",
    "TrustRootInfo",
    "ensure_signing_key",
    "import_signing_key",
    "load_trust_file",
    "preview_report",
    "print_register",
    "print_report",
    "set_signer_function",
    "signing_info",
    "verify_document",
    "verify_file",
    "verify_registered",
]

log = logging.getLogger(__name__)

TRUST_FILE_NAME = "trust-roots.pem"
FUNCTION_SETTING = "signer_function:{user_id}"
MAX_VERIFY_BYTES = 64 * 1024 * 1024
MAX_PKCS12_BYTES = 1024 * 1024
FUNCTION_MAX_LENGTH = 120

_A = ReportAction
_SIGNED = (ReportStatus.SIGNED, ReportStatus.ISSUED)
_ADMIN = (Role.ADMIN,)
_KEY_VIEWERS = (Role.ADMIN, Role.AIVD_OFFICER, Role.AIVD_SIGNER)

# pyHanko reports every broken or unsigned file at WARNING level on its own loggers: a verdict
# is our answer, so those lines only clutter standard error (the CLI contract keeps it clean).
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.ERROR)


# ---------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class PrintPreview:
    """What the print preview shows: copy 1 of N as it will print, but without the signature
    (that is set per copy when printing). Only ever in memory."""

    report_id: ReportId
    reference: str
    title: str
    status: ReportStatus
    version: int
    draft: bool
    copies: int
    pdf: bytes = field(repr=False)


@dataclass(frozen=True)
class PrintedCopy:
    number: int | None  # None: the one draft print
    total: int
    sha256: str
    pdf: bytes = field(repr=False)
    path: Path | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "copy": self.number,
            "total": self.total,
            "sha256": self.sha256,
            "file": None if self.path is None else str(self.path),
        }


@dataclass(frozen=True)
class PrintJob:
    job_id: int
    report_id: ReportId
    reference: str
    version: int
    draft: bool
    destination: str  # "file" | "printer"
    audit_head: str
    printed_at: dt.datetime
    copies: tuple[PrintedCopy, ...]

    @property
    def files(self) -> list[str]:
        return [str(c.path) for c in self.copies if c.path is not None]

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "job": self.job_id,
            "report_id": int(self.report_id),
            "reference": self.reference,
            "version": self.version,
            "draft": self.draft,
            "signed": not self.draft,
            "audit_head": self.audit_head,
            "copies": [c.as_dict() for c in self.copies],
        }


@dataclass(frozen=True)
class PrintRecord:
    """A line of the print register."""

    job_id: int
    reference: str
    version: int
    draft: bool
    copy_number: int | None
    copy_total: int
    sha256: str
    file_name: str | None
    destination: str
    printed_by: str
    printed_at: str
    audit_head: str

    def as_dict(self) -> dict[str, object]:
        return {
            "job": self.job_id,
            "reference": self.reference,
            "version": self.version,
            "draft": self.draft,
            "copy": self.copy_number,
            "total": self.copy_total,
            "sha256": self.sha256,
            "file": self.file_name,
            "destination": self.destination,
            "printed_by": self.printed_by,
            "printed_at": self.printed_at,
            "audit_head": self.audit_head,
        }


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
# The signing key: wrapped under a key derived from the DEK

_WRAP_MAGIC = b"CWK1"
_WRAP_INFO = b"convenantwerkplek/signing-key-wrap/v1"


def _wrapper(dek: bytearray) -> AESGCM:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_WRAP_INFO).derive(dek)
    return AESGCM(key)


def _wrap(dek: bytearray, plain: bytes, fingerprint: str) -> bytes:
    nonce = os.urandom(12)
    return _WRAP_MAGIC + nonce + _wrapper(dek).encrypt(nonce, plain, fingerprint.encode())


def _unwrap(dek: bytearray, blob: bytes, fingerprint: str) -> bytes:
    if not blob.startswith(_WRAP_MAGIC) or len(blob) < len(_WRAP_MAGIC) + 12 + 16:
        raise IntegrityFailure("De ondertekeningssleutel in de werkplek is beschadigd.")
    nonce = blob[len(_WRAP_MAGIC) : len(_WRAP_MAGIC) + 12]
    try:
        return _wrapper(dek).decrypt(nonce, blob[len(_WRAP_MAGIC) + 12 :], fingerprint.encode())
    except InvalidTag:
        raise IntegrityFailure(
            "De ondertekeningssleutel in de werkplek is beschadigd of hoort bij een ander "
            "certificaat."
        ) from None


def _material(session: Session, row: repo.SigningKeyRow) -> pki.SigningMaterial:
    return pki.SigningMaterial(
        private_key=_unwrap(session.dek, row.wrapped_key, row.fingerprint),
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
        ca_wrapped = _wrap(session.dek, ca.private_key, ca_fp)
    repo.insert_key(
        conn,
        origin=origin,
        certificate=material.certificate,
        chain=material.chain,
        wrapped_key=_wrap(session.dek, plain, info.sha256_fingerprint),
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


def _signing_key(
    session: Session, conn: Connection, now: dt.datetime
) -> tuple[repo.SigningKeyRow, pki.SigningMaterial, str | None]:
    """The active key, usable now: made (or renewed from the workstation CA) when needed.
    The third value says what was done: "created", "renewed" or None."""
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
            private_key=_unwrap(session.dek, row.ca_wrapped_key, ca_fp),
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
# trust-roots.pem: the public copy of the trust roots, for verification without a sign-in


def trust_file(root: Path) -> Path:
    return root / TRUST_FILE_NAME


def load_trust_file(root: Path) -> list[bytes]:
    """The certificates (DER) in the workspace folder's ``trust-roots.pem``; none when absent
    or unreadable (verification then finds no trusted issuer and says so)."""
    try:
        data = trust_file(root).read_bytes()
    except OSError:
        return []
    try:
        certs = load_pem_x509_certificates(data)
    except ValueError:
        log.warning("%s cannot be read; ignoring it", TRUST_FILE_NAME)
        return []
    return [pki.certificate_to_der(c.public_bytes(Encoding.PEM)) for c in certs]


def _sync_trust_file(session: Session) -> None:
    """Write the database's roots to the public file when it differs (after a commit)."""
    with session.reading() as conn:
        roots = repo.trust_roots(conn)
    if not roots:
        return
    text = b"".join(
        f"# {r.label} (SHA-256 {r.fingerprint})\n".encode() + pki.der_to_pem(r.certificate)
        for r in roots
    )
    path = trust_file(session.root)
    try:
        if path.is_file() and path.read_bytes() == text:
            return
        atomic_write(path, text)
    except OSError:
        log.warning("could not write %s", TRUST_FILE_NAME)


# ---------------------------------------------------------------------------------------------
# The report as a printed letter


def _obj(report_id: int) -> str:
    return f"report:{int(report_id)}"


def _load_for_print(
    session: Session, conn: Connection, report_id: int
) -> tuple[report_repo.ReportRow, bool]:
    """The report after the checks (exists, role, clearance, consistent history), and whether
    it prints as a draft."""
    row = report_repo.get(conn, report_id)
    if row is None:
        raise NotFound(f"Ambtsbericht {int(report_id)} bestaat niet.")
    require_any_role(session.user.roles, ALLOWED_ROLES[_A.PRINT], _A.PRINT.label_nl)
    if not row.classification.covered_by(session.user.clearance):
        raise Forbidden("U bent niet gemachtigd voor de rubricering van dit ambtsbericht.")
    events = report_repo.history(conn, row.id)
    if status_from_history(events) is not row.status:
        raise IntegrityFailure(
            "De status van het ambtsbericht klopt niet met de vastgelegde geschiedenis."
        )
    decide(
        row.status,
        _A.PRINT,
        actor_id=session.user.id,
        actor_roles=session.user.roles,
        history=events,
    )
    return row, row.status not in _SIGNED


def _print_text(conn: Connection, row: report_repo.ReportRow, draft: bool) -> tuple[int, str]:
    version = row.current_version if draft else (row.signed_version or 0)
    text = report_repo.version_text(conn, row.id, version)
    if text is None:
        raise IntegrityFailure("Een versie van het ambtsbericht ontbreekt.")
    if not draft and text_sha256(text) != row.text_sha256:
        raise IntegrityFailure(
            "De ondertekende tekst klopt niet meer met de vastgelegde hash; er wordt niet "
            "afgedrukt."
        )
    return version, text


def _signer_function(conn: Connection, user_id: int) -> str:
    value = user_repo.get_setting(conn, FUNCTION_SETTING.format(user_id=int(user_id)))
    if value and value.strip():
        return value.strip()
    return Role.AIVD_SIGNER.label_nl


def _local_date(iso: str | None, fallback: dt.date) -> dt.date:
    if not iso:
        return fallback
    try:
        return dt.datetime.fromisoformat(iso).astimezone(LOCAL_TZ).date()
    except ValueError:
        return fallback


def _document(
    session: Session, conn: Connection, row: report_repo.ReportRow, text: str, draft: bool
) -> ReportDocument:
    content = report_content.parse(text)
    person, your_reference = "", ""
    if row.request_id is not None:
        details = repo.request_details(conn, row.request_id)
        if details is not None:
            person, your_reference = details
    signer_name, signer_function = "", ""
    if not draft and row.signed_by is not None:
        signer_name = repo.user_full_name(conn, row.signed_by) or ""
        signer_function = _signer_function(conn, row.signed_by)
    today = session.clock.today()
    date = today if draft else _local_date(row.signed_at, today)
    if content is None:
        return ReportDocument(
            reference=row.reference,
            date=date,
            subject=row.title,
            classification=row.classification,
            signer_name=signer_name,
            signer_function=signer_function,
            subject_person_name=person,
            your_reference=your_reference,
            body_text=text,
        )
    findings = tuple(
        Finding(
            text=f.text,
            reliability=f.reliability.label_nl if f.reliability is not None else "",
            source=f.source_reference or "",
            dated=f.data_date,
        )
        for f in content.findings
    )
    return ReportDocument(
        reference=row.reference,
        date=date,
        subject=content.subject or row.title,
        classification=row.classification,
        signer_name=signer_name,
        signer_function=signer_function,
        subject_person_name=person,
        your_reference=your_reference,
        occasion=content.occasion,
        findings=findings,
        conclusion=content.conclusion,
    )


def _context(conn: Connection, now: dt.datetime) -> PrintContext:
    seq, digest = audit.head(conn)
    return PrintContext(audit_head=f"{seq}:{digest}", printed_at=now)


def _check_copies(copies: int) -> None:
    if not 1 <= copies <= MAX_COPIES:
        raise InvalidInput(
            f"Het aantal exemplaren moet tussen 1 en {MAX_COPIES} liggen.", field="copies"
        )


# ---------------------------------------------------------------------------------------------
# Preview and print


def preview_report(session: Session, report_id: int, *, copies: int = 1) -> PrintPreview:
    """Copy 1 of ``copies`` (or the CONCEPT print of a draft) as PDF bytes, unsigned. A view of
    classified content, so audited (``report.preview``)."""
    _check_copies(copies)
    with session.transaction("report.preview", _obj(report_id)) as tx:
        row, draft = _load_for_print(session, tx.conn, report_id)
        version, text = _print_text(tx.conn, row, draft)
        doc = _document(session, tx.conn, row, text, draft)
        ctx = _context(tx.conn, session.clock.now())
        pdf = render_report_pdf(doc, None if draft else CopyInfo(1, copies), ctx, draft=draft)
        tx.details = {
            "reference": row.reference,
            "version": version,
            "draft": draft,
            "copies": 1 if draft else copies,
        }
    return PrintPreview(
        row.id, row.reference, row.title, row.status, version, draft, 1 if draft else copies, pdf
    )


def _safe_name(reference: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", reference).strip("._") or "ambtsbericht"


def copy_file_name(reference: str, number: int | None, total: int, version: int) -> str:
    """``AB-2026-000001-exemplaar-2-van-3.pdf``; a draft: ``AB-2026-000001-concept-v4.pdf``."""
    base = _safe_name(reference)
    if number is None:
        return f"{base}-concept-v{version}.pdf"
    return f"{base}-exemplaar-{number}-van-{total}.pdf"


def _prepare_out_dir(out_dir: Path, names: Sequence[str]) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InvalidInput(f"'{out_dir.name}' is geen map.", field="out")
    taken = [n for n in names if (out_dir / n).exists()]
    if taken:
        raise InvalidInput(
            f"In de doelmap staat al '{taken[0]}'; afdrukken overschrijft geen bestanden. "
            "Kies een andere map.",
            field="out",
        )
    try:
        ensure_private_dir(out_dir)
    except OSError:
        raise InvalidInput("De doelmap kan niet worden aangemaakt.", field="out") from None


def print_report(
    session: Session, report_id: int, *, copies: int = 1, out_dir: Path | None = None
) -> PrintJob:
    """Print a report: signed copies 1..N of a signed or issued report, or one CONCEPT print of
    a report that is not signed. With ``out_dir`` the PDFs are written there (0600, atomically,
    never over an existing file); without, they are only returned (the window sends them to a
    printer). Registered and audited (``report.print``) in one transaction."""
    _check_copies(copies)
    written: list[Path] = []
    created_key: str | None = None
    try:
        with session.transaction("report.print", _obj(report_id)) as tx:
            row, draft = _load_for_print(session, tx.conn, report_id)
            version, text = _print_text(tx.conn, row, draft)
            total = 1 if draft else copies
            numbers: list[int | None] = [None] if draft else list(range(1, total + 1))
            names = [copy_file_name(row.reference, n, total, version) for n in numbers]
            if out_dir is not None:
                _prepare_out_dir(out_dir, names)
            now = session.clock.now()
            doc = _document(session, tx.conn, row, text, draft)
            ctx = _context(tx.conn, now)
            key_id: int | None = None
            if draft:
                pdfs = [render_report_pdf(doc, None, ctx, draft=True)]
            else:
                key_row, material, created_key = _signing_key(session, tx.conn, now)
                key_id = key_row.id
                pdfs = render_signed_copies(doc, total, ctx, PreparedSigner(material), now)
            destination = "printer" if out_dir is None else "file"
            job_id = repo.insert_job(
                tx.conn,
                report_id=row.id,
                reference=row.reference,
                version=version,
                draft=draft,
                copies=total,
                destination=destination,
                printed_by=session.user.id,
                at=now,
                audit_head=ctx.audit_head,
                signing_key_id=key_id,
            )
            printed: list[PrintedCopy] = []
            for number, name, pdf in zip(numbers, names, pdfs, strict=True):
                digest = hashlib.sha256(pdf).hexdigest()
                repo.insert_copy(
                    tx.conn,
                    job_id,
                    copy_number=number,
                    sha256=digest,
                    file_name=name if out_dir is not None else None,
                )
                printed.append(PrintedCopy(number, total, digest, pdf))
            if out_dir is not None:
                for i, (name, pdf) in enumerate(zip(names, pdfs, strict=True)):
                    path = out_dir / name
                    if path.exists():  # appeared while rendering
                        raise InvalidInput(
                            f"In de doelmap staat al '{name}'; afdrukken overschrijft geen "
                            "bestanden.",
                            field="out",
                        )
                    atomic_write(path, pdf)
                    written.append(path)
                    printed[i] = PrintedCopy(printed[i].number, total, printed[i].sha256, pdf, path)
            tx.details = {
                "reference": row.reference,
                "version": version,
                "draft": draft,
                "copies": total,
                "copies_requested": copies,
                "destination": destination,
                "job": job_id,
                "audit_head": ctx.audit_head,
                "sha256": [c.sha256 for c in printed],
            }
            if created_key is not None:
                tx.details["signing_key"] = created_key
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    if not draft:
        # Also after a restore (the file is not in a backup): keep the public copy current.
        _sync_trust_file(session)
    return PrintJob(
        job_id,
        row.id,
        row.reference,
        version,
        draft,
        destination,
        ctx.audit_head,
        now,
        tuple(printed),
    )


def print_register(session: Session, report_id: int) -> tuple[PrintRecord, ...]:
    """Every print of a report, copy by copy (``report.prints``)."""
    with session.transaction("report.prints", _obj(report_id)) as tx:
        row, _draft = _load_for_print(session, tx.conn, report_id)
        rows = repo.copies_for_report(tx.conn, row.id)
        tx.details = {"reference": row.reference, "entries": len(rows)}
    return tuple(
        PrintRecord(
            r.job_id,
            r.reference,
            r.version,
            r.draft,
            r.copy_number,
            r.copy_total,
            r.sha256,
            r.file_name,
            r.destination,
            r.printed_by_name,
            r.printed_at,
            r.audit_head,
        )
        for r in rows
    )


# ---------------------------------------------------------------------------------------------
# Verification


@contextlib.contextmanager
def _quiet_verifier() -> Iterator[None]:
    """The reporting layer logs an unexpected parse failure with its traceback at WARNING; for
    a damaged file the verdict says it all, so that goes only to a DEBUG log."""
    logger = logging.getLogger("desktop_app.reporting.signing")
    if logger.isEnabledFor(logging.DEBUG):
        yield
        return
    before = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(before)


def _unreadable(reason: str) -> Verdict:
    return Verdict(
        valid=False,
        intact=False,
        signer=None,
        reference=None,
        copy=None,
        registered=None,
        reason=reason,
    )


def verify_document(data: bytes, trust_roots: Sequence[bytes], *, now: dt.datetime) -> Verdict:
    """The signature alone (no register). Never raises."""
    with _quiet_verifier():
        return verify_pdf(data, trust_roots, now=now)


def read_for_verify(path: Path) -> bytes | Verdict:
    """The file's bytes, or a verdict saying why it cannot be checked."""
    try:
        if path.is_dir():
            return _unreadable(f"'{path.name}' is een map, geen PDF-bestand.")
        if path.stat().st_size > MAX_VERIFY_BYTES:
            return _unreadable("Het bestand is te groot voor een afgedrukt ambtsbericht.")
        return path.read_bytes()
    except FileNotFoundError:
        return _unreadable(f"Het bestand '{path.name}' bestaat niet.")
    except OSError:
        return _unreadable(f"Het bestand '{path.name}' kan niet worden gelezen.")


def verify_file(path: Path, data_dir: Path, *, now: dt.datetime) -> Verdict:
    """Without a sign-in: the signature against the workspace folder's ``trust-roots.pem``."""
    data = read_for_verify(path)
    if isinstance(data, Verdict):
        return data
    return verify_document(data, load_trust_file(data_dir), now=now)


def verify_registered(session: Session, data: bytes) -> Verdict:
    """The signature against the trust roots in the database, and whether this very file (by
    its SHA-256) is in the print register. Anyone signed in may ask (``report.verify``)."""
    digest = hashlib.sha256(data).hexdigest()
    with session.transaction("report.verify", f"file:{digest[:16]}") as tx:
        roots = [r.certificate for r in repo.trust_roots(tx.conn)]
        verdict = verify_document(data, roots, now=session.clock.now())
        entries = repo.copies_with_hash(tx.conn, digest)
        registered = bool(entries)
        reason = verdict.reason
        if entries:
            e = entries[0]
            when = _local_text(e.printed_at)
            what = (
                f"exemplaar {e.copy_number} van {e.copy_total}"
                if e.copy_number is not None
                else "conceptafdruk"
            )
            reason += (
                f" Het bestand staat in het afdrukregister: {e.reference}, {what}, "
                f"afgedrukt door {e.printed_by_name} op {when}."
            )
        elif verdict.valid:
            reason += " Dit bestand staat niet in het afdrukregister van deze werkplek."
        tx.details = {
            "sha256": digest,
            "valid": verdict.valid,
            "registered": registered,
            "reference": verdict.reference,
        }
    return Verdict(
        valid=verdict.valid,
        intact=verdict.intact,
        signer=verdict.signer,
        reference=verdict.reference,
        copy=verdict.copy,
        registered=registered,
        reason=reason,
    )


def _local_text(iso: str) -> str:
    try:
        when = dt.datetime.fromisoformat(iso).astimezone(LOCAL_TZ)
    except ValueError:
        return iso
    return when.strftime("%d-%m-%Y %H:%M")


# ---------------------------------------------------------------------------------------------
# Managing the signing key


def signing_info(session: Session) -> SigningKeyInfo | None:
    """The active signing certificate (None before the first print); refreshes the public
    ``trust-roots.pem``. Certificates are not classified: no audit entry."""
    session.require(_KEY_VIEWERS, "het ondertekeningscertificaat bekijken")
    with session.reading() as conn:
        row = repo.active_key(conn)
        info = None if row is None else _key_info(conn, row)
    if info is not None:
        _sync_trust_file(session)
    return info


def ensure_signing_key(session: Session) -> SigningKeyInfo:
    """Make the workstation key now rather than at the first print (``signing.create``)."""
    with session.transaction("signing.create", "signing") as tx:
        session.require(_KEY_VIEWERS, "een ondertekeningssleutel aanmaken")
        row, _material, done = _signing_key(session, tx.conn, session.clock.now())
        info = _key_info(tx.conn, row)
        tx.details = {"created": done, "fingerprint": info.fingerprint}
    _sync_trust_file(session)
    return info


def import_signing_key(session: Session, data: bytes, passphrase: bytes) -> SigningKeyInfo:
    """The organisation's signing certificate from a PKCS#12 file (administrator only). It
    replaces the active key for new prints; its root joins the trust roots."""
    with session.transaction("signing.import", "signing") as tx:
        session.require(_ADMIN, "het ondertekeningscertificaat importeren")
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
    _sync_trust_file(session)
    return info


def set_signer_function(session: Session, user_name: str, function: str) -> str:
    """The function printed under a signer's name ("directeur Inlichtingen"); administrator
    only (``user.function``). An empty text falls back to the role's label."""
    cleaned = " ".join(function.split())
    if len(cleaned) > FUNCTION_MAX_LENGTH:
        raise InvalidInput(
            f"De functie is te lang (meer dan {FUNCTION_MAX_LENGTH} tekens).", field="function"
        )
    with session.transaction("user.function", f"user:{user_name}") as tx:
        session.require(_ADMIN, "de functie van een ondertekenaar vastleggen")
        user = user_repo.by_name(tx.conn, user_name)
        if user is None:
            raise NotFound(f"Gebruiker '{user_name}' bestaat niet.")
        user_repo.set_setting(tx.conn, FUNCTION_SETTING.format(user_id=int(user.id)), cleaned)
        tx.details = {"function": cleaned}
    return cleaned

"""Signed printing (issue 5): ambtsberichten as marked, numbered, digitally signed PDFs, and
the print register.

Use cases, each one transaction with one audit entry:
- ``preview_report``: the copy as it will print, in memory and unsigned (``report.preview``);
- ``print_report``: signed copies ("exemplaar n van N"; the numbers continue over a report's
  jobs) or, for a report that is not signed yet, one CONCEPT print without signature;
  registered per copy with its SHA-256 and audited (``report.print``) in the same transaction;
- ``print_register``: the register of a report, copy by copy (``report.prints``);
- ``set_signer_function``: the function printed under a signer's name (``user.function``).
The signing key lives in ``signing_keys``, the check of a printed copy in ``verification``.

Decisions:
- A report that is not signed (draft … usable) prints as ONE copy of its current version with
  the CONCEPT watermark and no signature; it is registered too (a draft print, no copy number):
  every paper with classified content on it is traceable. Asking for more copies of a draft
  still gives one.
- A signed or issued report prints the signed version, after checking its text against the
  recorded hash. The letter is dated on the day of signing; the signer's name is their full
  name, their function the ``signer_function`` setting (``set_signer_function``); without
  one nothing is printed under the name (a role label is not a function).
- Files appear only after the register has them. Each copy is rendered, signed and written to
  a hidden, locked temporary file in the output folder (``storage/staged_files.py``); the
  copies and the audit entry are committed in one transaction; only then is each temporary
  renamed to its final name. A kill before the COMMIT leaves no file under a final name and
  nothing in the register (the next print into that folder removes the leftovers); a kill
  after it leaves registered copies whose files are missing: the safe direction. The register
  therefore records the file name a copy was *meant* to get; it does not claim the file exists.
- Output files are never overwritten: if a copy's file name exists already, nothing is printed;
  a name that appears while printing (after the COMMIT) keeps its file, and the print reports
  the copies it could not place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from desktop_app.domain import report_content, timefmt
from desktop_app.domain.classification import duration_required
from desktop_app.domain.clock import LOCAL_TZ
from desktop_app.domain.errors import (
    IntegrityFailure,
    InvalidInput,
    InvalidState,
)
from desktop_app.domain.ids import ReportId
from desktop_app.domain.reports import (
    ReportAction,
    ReportStatus,
    SpecialCase,
    audit_object,
    decide,
    text_sha256,
)
from desktop_app.domain.settings import (
    DEFAULT_COPIES,
    IND_ADDRESSEE,
    MAX_COPIES,
    SENDER_BLOCK,
    SIGNER_FUNCTION,
)
from desktop_app.domain.text import check_name, collapse
from desktop_app.reporting import (
    CopyInfo,
    Finding,
    PreparedSigner,
    PrintContext,
    ReportDocument,
    render_report_pdf,
    render_signed_copies,
)
from desktop_app.services import settings
from desktop_app.services.audit import record_head
from desktop_app.services.report_access import checked_report
from desktop_app.services.session import Session
from desktop_app.services.signing_keys import active_signing_key, sync_trust_file
from desktop_app.storage import audit
from desktop_app.storage import marking as marking_repo
from desktop_app.storage import printing as repo
from desktop_app.storage import reports as report_repo
from desktop_app.storage.db import Connection
from desktop_app.storage.files import ensure_private_dir
from desktop_app.storage.staged_files import StagedFiles, remove_stale_temps

__all__ = [
    "MAX_COPIES",
    "PrintJob",
    "PrintPreview",
    "PrintRecord",
    "PrintedCopy",
    "copy_file_name",
    "default_copies",
    "preview_report",
    "print_register",
    "print_report",
    "set_signer_function",
]

log = logging.getLogger(__name__)

RECIPIENT_MAX_LENGTH = 120

_A = ReportAction
_SIGNED = (ReportStatus.SIGNED, ReportStatus.ISSUED)

# pyHanko reports every broken or unsigned file at WARNING level on its own loggers: a verdict
# is our answer, so those lines only clutter standard error (the CLI contract keeps it clean).
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.ERROR)


# ---------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class PrintPreview:
    """What the print preview shows: the next copy as it will print (its number continues
    after the copies printed before), but without the signature (that is set per copy when
    printing). Only ever in memory."""

    report_id: ReportId
    reference: str
    title: str
    status: ReportStatus
    version: int
    draft: bool
    copies: int
    pdf: bytes = field(repr=False)
    first_copy: int = 1  # the number the job's first copy will get (numbers continue)


@dataclass(frozen=True)
class PrintedCopy:
    number: int | None  # None: the one draft print
    total: int
    sha256: str
    pdf: bytes = field(repr=False)
    path: Path | None = None
    recipient: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "copy": self.number,
            "total": self.total,
            "sha256": self.sha256,
            "file": None if self.path is None else str(self.path),
            "recipient": self.recipient,
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
    """A line of the print register. ``file_name`` is the name the copy's file was to get:
    files are put in place only after the register has the copies, so after a crash a
    registered copy may have no file (never a file without a registered copy)."""

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
    recipient: str | None = None  # None: not recorded (a draft, or printed before lists)
    # The person, for prose and the window; ``printed_by`` is the account (the JSON's).
    printed_by_full_name: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "recipient": self.recipient,
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


# ---------------------------------------------------------------------------------------------
# The report as a printed letter


def _load_for_print(
    session: Session, conn: Connection, report_id: int
) -> tuple[report_repo.ReportRow, bool]:
    """The report after the checks (exists, role, clearance, consistent history), and whether
    it prints as a draft."""
    row, events = checked_report(session, conn, report_id, _A.PRINT)
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
    # The signer's own function, or nothing: a role label ("ondertekenaar") is not a function
    # a letter can be signed in (the per-signer setting ``signer_function``).
    return settings.read_text(conn, SIGNER_FUNCTION, user_id)


def _local_date(iso: str | None, fallback: dt.date) -> dt.date:
    if not iso:
        return fallback
    try:
        return dt.datetime.fromisoformat(iso).astimezone(LOCAL_TZ).date()
    except ValueError:
        return fallback


def _special_case(conn: Connection, report_id: int) -> str:
    """The signer's special-case decision, printed with the report (issue 14)."""
    decision = report_repo.special_case(conn, report_id)
    if decision is None:
        return ""
    return SpecialCase(decision.findings, (), decision.reason).summary_nl


def _document(
    session: Session, conn: Connection, row: report_repo.ReportRow, text: str, draft: bool
) -> ReportDocument:
    content = report_content.parse(text)
    details = None if row.request_id is None else repo.request_details(conn, row.request_id)
    person = "" if details is None else details.subject_name
    your_reference = "" if details is None else details.ind_reference
    v_number = "" if details is None else details.v_number
    born: dt.date | None = None
    if details is not None and details.birth_date:
        try:
            born = dt.date.fromisoformat(details.birth_date)
        except ValueError:  # a malformed date is left out rather than printed wrong
            born = None
    own = marking_repo.report_subject(conn, row.id) if row.request_id is None else None
    if own is not None:  # a spontaneous report names its own subject
        person, born, v_number = own.name, own.birth_date, own.v_number
    signer_name, signer_function = "", ""
    if not draft and row.signed_by is not None:
        signer_name = repo.user_full_name(conn, row.signed_by) or ""
        signer_function = _signer_function(conn, row.signed_by)
    today = session.clock.today()
    date = today if draft else _local_date(row.signed_at, today)
    signed_at = None if draft or row.signed_at is None else timefmt.parse_stored(row.signed_at)
    # The older free-text form prints the text as it is; the structured form its parts.
    document = ReportDocument(
        reference=row.reference,
        date=date,
        subject=row.title,
        classification=row.classification,
        signer_name=signer_name,
        signer_function=signer_function,
        signed_at=signed_at,
        subject_person_name=person,
        your_reference=your_reference,
        body_text=text,
        subject_birth_date=born,
        subject_v_number=v_number,
        classification_duration=marking_repo.report_duration(conn, row.id),
        special_case=_special_case(conn, row.id),
        sender_address=SENDER_BLOCK.lines(settings.read_text(conn, SENDER_BLOCK)),
        addressee=IND_ADDRESSEE.lines(settings.read_text(conn, IND_ADDRESSEE)),
    )
    if content is None:
        return document
    findings = tuple(
        Finding(
            text=f.text,
            reliability=f.reliability.label_nl if f.reliability is not None else "",
            source=f.source_reference or "",
            dated=f.data_date,
        )
        for f in content.findings
    )
    return replace(
        document,
        subject=content.subject or row.title,
        occasion=content.occasion,
        findings=findings,
        conclusion=content.conclusion,
        body_text="",
    )


def _context(conn: Connection, now: dt.datetime, printed_by: str) -> PrintContext:
    seq, digest = audit.head(conn)
    return PrintContext(audit_head=f"{seq}:{digest}", printed_at=now, printed_by=printed_by)


def _check_copies(copies: int) -> None:
    if not 1 <= copies <= MAX_COPIES:
        raise InvalidInput(
            f"Het aantal exemplaren moet tussen 1 en {MAX_COPIES} liggen.", field="copies"
        )


def default_copies(session: Session) -> int:
    """How many copies the print dialog and ``report print`` offer when none is given."""
    return settings.value(session, DEFAULT_COPIES)


def clean_recipients(recipients: Sequence[str]) -> list[str]:
    """A distribution list as entered: one recipient per copy, each one line of at most
    ``RECIPIENT_MAX_LENGTH`` characters, held to the rules of a name (it is printed)."""
    out: list[str] = []
    for number, entered in enumerate(recipients, start=1):
        name = collapse(entered)
        if not name:
            raise InvalidInput(
                f"Ontvanger {number} is leeg; geef voor elk exemplaar een ontvanger.",
                field="recipient",
            )
        if len(name) > RECIPIENT_MAX_LENGTH:
            raise InvalidInput(
                f"Ontvanger {number} is langer dan {RECIPIENT_MAX_LENGTH} tekens.",
                field="recipient",
            )
        check_name(name, field="recipient", label=f"Ontvanger {number}")
        out.append(name)
    return out


def _job_size(
    session: Session, copies: int | None, recipients: Sequence[str]
) -> tuple[int, list[str]]:
    """The number of copies and their recipients: a list gives the number (a different
    ``copies`` is refused); without either the setting ``default_copies`` does."""
    names = clean_recipients(recipients)
    if names and copies is not None and copies != len(names):
        raise InvalidInput(
            f"U vraagt {copies} exemplaren maar geeft {len(names)} ontvangers; geef één "
            "ontvanger per exemplaar.",
            field="recipient",
        )
    count = len(names) if names else (default_copies(session) if copies is None else copies)
    _check_copies(count)
    return count, names


def _check_marking(conn: Connection, row: report_repo.ReportRow) -> None:
    """A final copy carries a complete marking: level and duration (VIR-BI), and names its
    subject. The duration is the classifier's decision, so a report without one is not printed
    rather than given a default (docs/marking.md)."""
    if duration_required(row.classification) and marking_repo.report_duration(conn, row.id) is None:
        raise InvalidState(
            f"Voor {row.reference} is geen rubriceringsduur vastgelegd (tot een datum of tot "
            "een gebeurtenis). Een definitief exemplaar wordt niet zonder afgedrukt: leg de "
            "duur eerst vast (Rubriceringsduur vastleggen; werkplek report marking)."
        )
    if row.request_id is None and marking_repo.report_subject(conn, row.id) is None:
        # The printed report identifies the person (name, date of birth, V-number); a report on
        # a request takes them from the request, a spontaneous one must have its own.
        raise InvalidState(
            f"{row.reference} is een spontaan ambtsbericht zonder betrokkene. Een definitief "
            "exemplaar noemt betrokkene met naam, geboortedatum en V-nummer: leg die eerst vast "
            "(Betrokkene vastleggen; werkplek report subject)."
        )


# ---------------------------------------------------------------------------------------------
# Preview and print


def preview_report(
    session: Session, report_id: int, *, copies: int | None = None, recipient: str = ""
) -> PrintPreview:
    """The first copy of a job of ``copies`` (default: the setting; or the CONCEPT print of a
    draft) as PDF bytes, unsigned, for ``recipient`` (the first on the list). A view of
    classified content, so audited (``report.preview``)."""
    copies = default_copies(session) if copies is None else copies
    _check_copies(copies)
    first_recipient = clean_recipients([recipient])[0] if recipient.strip() else ""
    with session.transaction("report.preview", audit_object(report_id)) as tx:
        row, draft = _load_for_print(session, tx.conn, report_id)
        version, text = _print_text(tx.conn, row, draft)
        doc = _document(session, tx.conn, row, text, draft)
        ctx = _context(tx.conn, session.clock.now(), session.user.name)
        before = repo.highest_copy_number(tx.conn, row.id)
        copy = None if draft else CopyInfo(before + 1, before + copies, first_recipient)
        pdf = render_report_pdf(doc, copy, ctx, draft=draft)
        tx.details = {
            "reference": row.reference,
            "version": version,
            "draft": draft,
            "copies": 1 if draft else copies,
        }
    return PrintPreview(
        row.id,
        row.reference,
        row.title,
        row.status,
        version,
        draft,
        1 if draft else copies,
        pdf,
        first_copy=before + 1,
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
    stale = remove_stale_temps(out_dir)
    if stale:
        # Left by a print that was killed: before its COMMIT (nothing registered) or after it
        # (registered, the file never put in place). Never shown under a final name.
        log.warning("removed %d unfinished print file(s) of an interrupted print", len(stale))


def print_report(
    session: Session,
    report_id: int,
    *,
    copies: int | None = None,
    out_dir: Path | None = None,
    recipients: Sequence[str] = (),
) -> PrintJob:
    """Print a report: signed copies 1..N of a signed or issued report, or one CONCEPT print of
    a report that is not signed. With ``out_dir`` the PDFs are written there (0600, never over
    an existing file, under their final names only after the register has them); without, they
    are only returned (the window sends them to a printer). Registered and audited
    (``report.print``) in one transaction. ``recipients``: the distribution list, one per copy
    (its length is the number of copies), recorded in the register and printed on each copy;
    a CONCEPT print takes at most one. Without ``copies`` and a list: ``default_copies``."""
    copies, names_for = _job_size(session, copies, recipients)
    created_key: str | None = None
    staged: StagedFiles | None = None
    try:
        with session.transaction("report.print", audit_object(report_id)) as tx:
            row, draft = _load_for_print(session, tx.conn, report_id)
            if draft and len(names_for) > 1:
                raise InvalidInput(
                    "Een concept wordt in één exemplaar afgedrukt; geef hoogstens één ontvanger.",
                    field="recipient",
                )
            if not draft:
                _check_marking(tx.conn, row)
            version, text = _print_text(tx.conn, row, draft)
            # Copy numbers continue over the report's print jobs (2 copies, later 1 more: 1, 2,
            # 3); "van N" is the number printed so far, this job included. The transaction holds
            # the write lock, so two jobs cannot take the same numbers.
            before = 0 if draft else repo.highest_copy_number(tx.conn, row.id)
            total = 1 if draft else before + copies
            numbers: list[int | None] = [None] if draft else list(range(before + 1, total + 1))
            names = [copy_file_name(row.reference, n, total, version) for n in numbers]
            if out_dir is not None:
                _prepare_out_dir(out_dir, names)
            now = session.clock.now()
            doc = _document(session, tx.conn, row, text, draft)
            ctx = _context(tx.conn, now, session.user.name)
            key_id: int | None = None
            if draft:
                pdfs = [render_report_pdf(doc, None, ctx, draft=True)]
            else:
                key_row, material, created_key = active_signing_key(session, tx.conn, now)
                key_id = key_row.id
                pdfs = render_signed_copies(
                    doc,
                    copies,
                    ctx,
                    PreparedSigner(material),
                    now,
                    first=before + 1,
                    recipients=names_for,
                )
            if out_dir is not None:
                staged = StagedFiles(out_dir)
                for name, pdf in zip(names, pdfs, strict=True):
                    staged.stage(name, pdf)
            destination = "printer" if out_dir is None else "file"
            job_id = repo.insert_job(
                tx.conn,
                report_id=row.id,
                reference=row.reference,
                version=version,
                draft=draft,
                copies=len(numbers),
                destination=destination,
                printed_by=session.user.id,
                at=now,
                audit_head=ctx.audit_head,
                signing_key_id=key_id,
            )
            digests = [hashlib.sha256(pdf).hexdigest() for pdf in pdfs]
            copy_recipients: list[str | None] = list(names_for) or [None] * len(numbers)
            for number, name, digest, recipient in zip(
                numbers, names, digests, copy_recipients, strict=True
            ):
                repo.insert_copy(
                    tx.conn,
                    job_id,
                    copy_number=number,
                    sha256=digest,
                    file_name=name if out_dir is not None else None,
                    recipient=recipient,
                )
            tx.details = {
                "reference": row.reference,
                "version": version,
                "draft": draft,
                "copies": len(numbers),
                "copies_requested": copies,
                "copy_numbers": numbers,
                "destination": destination,
                "job": job_id,
                "audit_head": ctx.audit_head,
                "sha256": digests,
                # How many copies have a recipient: the names are in the register, not here.
                "recipients": len(names_for),
            }
            if created_key is not None:
                tx.details["signing_key"] = created_key
    except BaseException:
        if staged is not None:
            staged.discard()
        raise
    # Committed: the register has every copy. Only now do the files get their names.
    record_head(session)  # the head outside the database too
    placed: dict[str, Path] = {}
    failed: list[tuple[str, str]] = []
    if staged is not None:
        done, failed = staged.publish()
        placed = {p.name: p for p in done}
    printed = tuple(
        PrintedCopy(number, total, digest, pdf, placed.get(name), recipient)
        for number, name, digest, pdf, recipient in zip(
            numbers, names, digests, pdfs, copy_recipients, strict=True
        )
    )
    if not draft:
        # Also after a restore (the file is not in a backup): keep the public copy current.
        sync_trust_file(session)
    if failed:
        log.warning("print job %d: %d copies registered but not placed", job_id, len(failed))
        first = failed[0][0]
        raise InvalidState(
            f"De exemplaren zijn in het afdrukregister vastgelegd, maar {len(failed)} bestand(en) "
            f"kon(den) niet in de doelmap worden geplaatst (eerste: '{first}'; die naam is "
            "intussen bezet of de map is niet beschrijfbaar). Het register vermeldt deze "
            "exemplaren zonder bestand; druk zo nodig opnieuw af in een andere map."
        )
    return PrintJob(
        job_id,
        row.id,
        row.reference,
        version,
        draft,
        destination,
        ctx.audit_head,
        now,
        printed,
    )


def print_register(session: Session, report_id: int) -> tuple[PrintRecord, ...]:
    """Every print of a report, copy by copy (``report.prints``)."""
    with session.transaction("report.prints", audit_object(report_id)) as tx:
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
            r.recipient,
            r.printed_by_full_name,
        )
        for r in rows
    )


def set_signer_function(session: Session, user_name: str, function: str) -> str:
    """The function printed under a signer's name ("directeur Inlichtingen"); administrator
    only. The per-signer setting ``signer_function`` (domain.settings), so ``signing function``
    and ``settings set signer_function:NAME`` are one use case. An empty text prints none."""
    cleaned = collapse(function)
    # The command's own field name (``--function``) in a refusal of the text itself.
    if len(cleaned) > SIGNER_FUNCTION.max_length:
        raise InvalidInput(
            f"De functie is te lang (meer dan {SIGNER_FUNCTION.max_length} tekens).",
            field="function",
        )
    check_name(cleaned, field="function", label="De functie")
    return str(settings.change(session, f"{SIGNER_FUNCTION.key}:{user_name}", cleaned).value)

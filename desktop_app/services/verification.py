"""Checking a printed copy: its signature, the trust it rests on, and the print register.

- ``verify_file``: without a sign-in. The signature is checked against the workspace folder's
  ``trust-roots.pem``, and only when that file's HMAC (keyed from the workstation secret in the
  keyring) is right: a list someone extended with their own CA is not trusted at all. Without
  the keyring or with a wrong MAC nothing is trusted and the verdict says why (``trust`` is
  "workstation" or "none"). Certificates must be valid now: without the register there is no
  proof of an earlier moment.
- ``verify_registered``: signed in (``report.verify``, anyone). The trust roots come from the
  database (``trust`` "database"). When this very file (by its SHA-256) is a registered signed
  copy, and the ``report.print`` audit entry of its job confirms it, the certificate is checked
  at the moment of printing the register records, so copies keep verifying after the
  workstation certificate (5 years) expires. Long-term validation data embedded in the PDF
  (PAdES B-LT) would not help here: without a trusted timestamp (no network, no TSA) nothing
  in the file proves when it was signed; the hash-chained register does.
- ``verify_document``: the signature alone, against given roots, at a given moment.

The verdict names the report's signing (who signed the text, when) apart from the copy's
printing (who printed it, when): from the file's signed metadata, and with a sign-in from the
database and the register.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from desktop_app.domain import timefmt
from desktop_app.domain.errors import AppError
from desktop_app.reporting import Verdict, verify_pdf
from desktop_app.security.keyfile import KeyFile
from desktop_app.security.trust_roots import TrustFile, TrustFileState
from desktop_app.security.workstation import WorkstationSecretProvider
from desktop_app.services.session import Session
from desktop_app.services.signing_keys import TRUST_FILE_NAME, load_trust_file
from desktop_app.services.workspace import KEYS_NAME
from desktop_app.storage import audit
from desktop_app.storage import printing as repo
from desktop_app.storage.db import Connection
from desktop_app.storage.files import read_regular

__all__ = [
    "MAX_VERIFY_BYTES",
    "TRUST_DATABASE",
    "TRUST_NONE",
    "TRUST_WORKSTATION",
    "read_for_verify",
    "verify_document",
    "verify_file",
    "verify_registered",
]

log = logging.getLogger(__name__)

MAX_VERIFY_BYTES = 64 * 1024 * 1024

TRUST_WORKSTATION = "workstation"
TRUST_DATABASE = "database"
TRUST_NONE = "none"

ProviderSource = WorkstationSecretProvider | Callable[[], WorkstationSecretProvider] | None


@contextlib.contextmanager
def _quiet(*names: str) -> Iterator[None]:
    """Loggers that would put a line on standard error for something the verdict already says
    (a damaged file, a missing keyring); kept at DEBUG when someone asks for that."""
    loggers = [logging.getLogger(n) for n in names]
    saved = [(lg, lg.level) for lg in loggers if not lg.isEnabledFor(logging.DEBUG)]
    for lg, _level in saved:
        lg.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for lg, level in saved:
            lg.setLevel(level)


def verify_document(data: bytes, trust_roots: Sequence[bytes], *, now: dt.datetime) -> Verdict:
    """The signature alone (no register), certificates valid at ``now``. Never raises."""
    with _quiet("desktop_app.reporting.signing"):
        return verify_pdf(data, trust_roots, now=now)


def read_for_verify(path: Path) -> bytes | Verdict:
    """The file's bytes, or a verdict saying why it cannot be checked (a folder, pipe or device
    is refused without waiting on it; the size is enforced while reading)."""
    try:
        return read_regular(
            path,
            limit=MAX_VERIFY_BYTES,
            field="file",
            too_big="Het bestand is te groot voor een afgedrukt ambtsbericht.",
        )
    except AppError as exc:
        return Verdict.unreadable(exc.message)


# ---------------------------------------------------------------------------------------------
# Without a sign-in: the authenticated trust-roots.pem


def _workstation_secret(
    data_dir: Path, provider: ProviderSource
) -> tuple[bytes | None, str | None]:
    """W and the workspace id, when the keyring holds the secret that fits this folder's key
    file; (None, None) otherwise (no keyring, another machine, no workspace)."""
    if provider is None:
        return None, None
    with _quiet("desktop_app.security.workstation", "desktop_app.security.keyfile"):
        try:
            source = provider if hasattr(provider, "load") else provider()  # type: ignore[operator]
            keyfile = KeyFile.load(data_dir / KEYS_NAME)
            secret = keyfile.check(source.load(keyfile.binding_id))
        except AppError:
            return None, None
    return secret, keyfile.workspace_id


def _no_trust_reason(trust: TrustFile, have_secret: bool) -> str:
    if trust.state is TrustFileState.MISSING:
        why = f"de werkplekmap bevat geen {TRUST_FILE_NAME}"
    elif trust.state is TrustFileState.UNREADABLE:
        why = f"{TRUST_FILE_NAME} in de werkplekmap is beschadigd"
    elif not have_secret:
        why = (
            f"het werkplekgeheim van deze map is niet beschikbaar (sleutelring), dus "
            f"{TRUST_FILE_NAME} kan niet op echtheid worden gecontroleerd en wordt niet gebruikt"
        )
    elif not trust.has_mac:
        why = (
            f"{TRUST_FILE_NAME} heeft geen beveiligingscode (een bestand van een oudere versie "
            "of niet door de werkplek geschreven) en wordt daarom niet vertrouwd; "
            "'werkplek signing show' of de volgende afdruk schrijft het opnieuw"
        )
    else:
        why = (
            f"{TRUST_FILE_NAME} is gewijzigd of niet door deze werkplek geschreven (de "
            "beveiligingscode klopt niet) en wordt daarom niet vertrouwd"
        )
    return (
        f"De handtekening is niet getoetst aan een vertrouwde uitgever: {why}. Controleer het "
        "exemplaar aangemeld (--user) tegen de werkplek zelf."
    )


def verify_file(
    path: Path, data_dir: Path, *, now: dt.datetime, provider: ProviderSource = None
) -> Verdict:
    """Without a sign-in: the signature against the workspace folder's ``trust-roots.pem``,
    used only when its HMAC checks out with the workstation secret from ``provider`` (the
    environment's keyring, or a function that gives it; None: nothing is trusted)."""
    secret, workspace_id = _workstation_secret(data_dir, provider)
    trust = load_trust_file(data_dir, secret, workspace_id)
    data = read_for_verify(path)
    if isinstance(data, Verdict):
        return dataclasses.replace(data, trust=TRUST_WORKSTATION if trust.authentic else TRUST_NONE)
    if trust.authentic:
        verdict = verify_document(data, trust.certificates, now=now)
        return dataclasses.replace(verdict, trust=TRUST_WORKSTATION, checked_at_source="clock")
    verdict = verify_document(data, [], now=now)
    if trust.state is TrustFileState.UNAUTHENTICATED and secret is not None:
        # The verdict tells the person; standard error stays clean (the CLI contract).
        log.info("%s does not match its MAC; not trusting it", TRUST_FILE_NAME)
    reason = verdict.reason
    if verdict.intact:  # only the trust failed: say why there was none
        reason = _no_trust_reason(trust, secret is not None)
    return dataclasses.replace(verdict, trust=TRUST_NONE, reason=reason, checked_at_source="clock")


# ---------------------------------------------------------------------------------------------
# Signed in: the database's roots and the print register


def _register_moment(
    conn: Connection, entry: repo.PrintedCopyRow, digest: str
) -> dt.datetime | None:
    """The print time of a registered copy, when the hash-chained audit entry of its job
    confirms it (the entry recomputes to its own hash and lists this copy's hash)."""
    logged = repo.print_audit_entry(conn, entry.report_id, entry.job_id)
    if logged is None:
        return None
    recomputed = audit.entry_hash(
        logged.seq,
        logged.ts_utc,
        logged.actor,
        logged.action,
        logged.object,
        logged.result,
        logged.origin,
        logged.details,
        logged.prev_hash,
    )
    try:
        details = json.loads(logged.details)
        printed = dt.datetime.fromisoformat(entry.printed_at)
        logged_at = dt.datetime.fromisoformat(logged.ts_utc)
    except ValueError:
        return None
    if (
        recomputed != logged.hash
        or digest not in (details.get("sha256") or [])
        # The audit time is the print time, or later when the clock had stepped back.
        or logged_at < printed
    ):
        return None
    return printed


def _local_text(iso: str) -> str:
    return timefmt.stored_table_datetime(iso)


def _utc_text(iso: str | None) -> str | None:
    if not iso:
        return None
    when = timefmt.parse_stored(iso)
    return iso if when is None else when.astimezone(dt.UTC).isoformat(timespec="seconds")


def verify_registered(session: Session, data: bytes) -> Verdict:
    """The signature against the trust roots in the database, and whether this very file (by
    its SHA-256) is in the print register; a registered copy is checked at its print time.
    Anyone signed in may ask (``report.verify``)."""
    digest = hashlib.sha256(data).hexdigest()
    with session.transaction("report.verify", f"file:{digest[:16]}") as tx:
        roots = [r.certificate for r in repo.trust_roots(tx.conn)]
        entries = repo.copies_with_hash(tx.conn, digest)
        signed_copy = next((e for e in entries if not e.draft), None)
        moment, source = session.clock.now(), "clock"
        confirmed = None if signed_copy is None else _register_moment(tx.conn, signed_copy, digest)
        if confirmed is not None:
            moment, source = confirmed, "register"
        verdict = verify_document(data, roots, now=moment)
        registered = bool(entries)
        reason = verdict.reason
        signed_by, signed_at = verdict.signed_by, verdict.signed_at
        printed_by, printed_at = verdict.printed_by, verdict.printed_at
        if entries:
            e = signed_copy or entries[0]
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
            if source == "register":
                reason += (
                    " Het certificaat is getoetst op dat tijdstip van afdrukken, zoals het "
                    "afdrukregister en het auditlogboek het vastleggen."
                )
            elif signed_copy is not None:
                reason += (
                    " Het auditlogboek bevestigt deze afdruk niet; het certificaat is daarom "
                    "getoetst op het huidige tijdstip."
                )
            printed_by, printed_at = e.printed_by_name, _utc_text(e.printed_at)
            signing = repo.report_signing(tx.conn, e.report_id)
            if signing is not None:
                signed_by, signed_at = signing[0], _utc_text(signing[1])
        elif verdict.valid:
            reason += " Dit bestand staat niet in het afdrukregister van deze werkplek."
        tx.details = {
            "sha256": digest,
            "valid": verdict.valid,
            "registered": registered,
            "reference": verdict.reference,
            "checked_at_source": source,
        }
    return dataclasses.replace(
        verdict,
        registered=registered,
        reason=reason,
        trust=TRUST_DATABASE,
        checked_at_source=source,
        signed_by=signed_by,
        signed_at=signed_at,
        printed_by=printed_by,
        printed_at=printed_at,
    )

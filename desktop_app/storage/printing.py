"""Printing: the workstation's signing keys, the trust roots that verification accepts, and the
print register (every printed copy: which report, which copy, who, when, and the file's hash).

Rows in, frozen records out. Private keys arrive here already wrapped by the service (AES-GCM
under a key derived from the workspace DEK), so even inside the encrypted database pages they
are never plain PKCS#8.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.ids import ReportId, UserId
from desktop_app.storage.audit import AuditEntry, format_ts
from desktop_app.storage.db import (
    Connection,
    cells,
    first_value,
    optional,
    optional_str,
    table_exists,
)

# ---------------------------------------------------------------------------------------------
# Signing keys


@dataclass(frozen=True, slots=True)
class SigningKeyRow:
    id: int
    origin: str  # "workstation" | "organisation"
    certificate: bytes
    chain: tuple[bytes, ...]
    wrapped_key: bytes
    ca_certificate: bytes | None
    ca_wrapped_key: bytes | None
    fingerprint: str
    common_name: str
    not_after: str
    created_by: str
    created_at: str
    active: bool


def _pack_chain(chain: Sequence[bytes]) -> bytes:
    """DER certificates, each prefixed with its length (4 bytes, big-endian)."""
    return b"".join(len(c).to_bytes(4, "big") + c for c in chain)


def _unpack_chain(blob: bytes) -> tuple[bytes, ...]:
    out: list[bytes] = []
    pos = 0
    while pos + 4 <= len(blob):
        size = int.from_bytes(blob[pos : pos + 4], "big")
        out.append(blob[pos + 4 : pos + 4 + size])
        pos += 4 + size
    return tuple(out)


_KEY_COLUMNS = (
    "id, origin, certificate, chain_der, wrapped_key, ca_certificate, ca_wrapped_key,"
    " fingerprint, common_name, not_after, created_by, created_at, active"
)


def _key(row: Any) -> SigningKeyRow:
    (
        kid,
        origin,
        cert,
        chain,
        wrapped,
        ca_cert,
        ca_wrapped,
        fingerprint,
        cn,
        not_after,
        created_by,
        created_at,
        active,
    ) = row
    return SigningKeyRow(
        id=int(kid),
        origin=str(origin),
        certificate=bytes(cert),
        chain=_unpack_chain(bytes(chain)),
        wrapped_key=bytes(wrapped),
        ca_certificate=None if ca_cert is None else bytes(ca_cert),
        ca_wrapped_key=None if ca_wrapped is None else bytes(ca_wrapped),
        fingerprint=str(fingerprint),
        common_name=str(cn),
        not_after=str(not_after),
        created_by=str(created_by),
        created_at=str(created_at),
        active=bool(active),
    )


def active_key(conn: Connection) -> SigningKeyRow | None:
    row = conn.execute(f"SELECT {_KEY_COLUMNS} FROM signing_keys WHERE active = 1").fetchone()
    return None if row is None else _key(row)


def all_keys(conn: Connection) -> list[SigningKeyRow]:
    rows = conn.execute(f"SELECT {_KEY_COLUMNS} FROM signing_keys ORDER BY id").fetchall()
    return [_key(r) for r in rows]


def insert_key(
    conn: Connection,
    *,
    origin: str,
    certificate: bytes,
    chain: Sequence[bytes],
    wrapped_key: bytes,
    ca_certificate: bytes | None,
    ca_wrapped_key: bytes | None,
    fingerprint: str,
    common_name: str,
    not_after: dt.datetime,
    created_by: str,
    at: dt.datetime,
) -> int:
    """A new active key; the previous active key (if any) is retired in the same step."""
    conn.execute("UPDATE signing_keys SET active = 0 WHERE active = 1")
    cur = conn.execute(
        "INSERT INTO signing_keys (origin, certificate, chain_der, wrapped_key, ca_certificate,"
        " ca_wrapped_key, fingerprint, common_name, not_after, created_by, created_at, active)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,1)",
        (
            origin,
            certificate,
            _pack_chain(chain),
            wrapped_key,
            ca_certificate,
            ca_wrapped_key,
            fingerprint,
            common_name,
            format_ts(not_after),
            created_by,
            format_ts(at),
        ),
    )
    return int(cur.lastrowid)


# ---------------------------------------------------------------------------------------------
# Trust roots


@dataclass(frozen=True, slots=True)
class TrustRootRow:
    fingerprint: str
    certificate: bytes
    label: str
    added_at: str


def add_trust_root(
    conn: Connection, *, fingerprint: str, certificate: bytes, label: str, at: dt.datetime
) -> bool:
    """Whether the root was new. Roots are never removed: old copies must keep verifying."""
    cur = conn.execute(
        "INSERT INTO trust_roots (fingerprint, certificate, label, added_at) VALUES (?,?,?,?)"
        " ON CONFLICT(fingerprint) DO NOTHING",
        (fingerprint, certificate, label, format_ts(at)),
    )
    return bool(cur.rowcount)


def trust_roots(conn: Connection) -> list[TrustRootRow]:
    rows = conn.execute(
        "SELECT fingerprint, certificate, label, added_at FROM trust_roots ORDER BY added_at,"
        " fingerprint"
    ).fetchall()
    return [TrustRootRow(str(r[0]), bytes(r[1]), str(r[2]), str(r[3])) for r in rows]


# ---------------------------------------------------------------------------------------------
# The print register


@dataclass(frozen=True, slots=True)
class PrintedCopyRow:
    """One register line: a copy (or the one draft print) of a print job. ``file_name`` is the
    name the copy's file was to get: it is put in place only after the register has the copy,
    so a crash in between leaves a registered copy without its file (never the reverse)."""

    job_id: int
    report_id: ReportId
    reference: str
    version: int
    draft: bool
    copy_number: int | None
    copy_total: int
    sha256: str
    file_name: str | None
    destination: str
    printed_by: UserId
    printed_by_name: str
    printed_at: str
    audit_head: str
    signing_key_id: int | None
    recipient: str | None = None
    printed_by_full_name: str = ""
    """Who the copy is for (the job's distribution list); None: printed before it was
    recorded, or a draft print."""


def insert_job(
    conn: Connection,
    *,
    report_id: ReportId,
    reference: str,
    version: int,
    draft: bool,
    copies: int,
    destination: str,
    printed_by: UserId,
    at: dt.datetime,
    audit_head: str,
    signing_key_id: int | None,
) -> int:
    cur = conn.execute(
        "INSERT INTO print_jobs (report_id, reference, version, draft, copies, destination,"
        " printed_by, printed_at, audit_head, signing_key_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            report_id,
            reference,
            version,
            int(draft),
            copies,
            destination,
            printed_by,
            format_ts(at),
            audit_head,
            signing_key_id,
        ),
    )
    return int(cur.lastrowid)


def insert_copy(
    conn: Connection,
    job_id: int,
    *,
    copy_number: int | None,
    sha256: str,
    file_name: str | None,
    recipient: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO print_copies (job_id, copy_number, sha256, file_name, recipient)"
        " VALUES (?,?,?,?,?)",
        (job_id, copy_number, sha256, file_name, recipient),
    )


def highest_copy_number(conn: Connection, report_id: int) -> int:
    """The highest copy number registered for the report over all its print jobs (0: none). A
    new job numbers its copies on from here, so no two sheets carry the same number."""
    row = conn.execute(
        "SELECT MAX(c.copy_number) FROM print_copies c JOIN print_jobs j ON j.id = c.job_id"
        " WHERE j.report_id = ?",
        (report_id,),
    ).fetchone()
    return 0 if row is None or row[0] is None else int(row[0])


# A copy's total ("van N") is the highest number of its job: the copies printed of the report
# up to and including that job. Before numbers continued over jobs every job started at 1, and
# its highest number was its count, so older registers read as they always did.
_COPY_QUERY = (
    "SELECT j.id, j.report_id, j.reference, j.version, j.draft, c.copy_number,"
    " COALESCE((SELECT MAX(n.copy_number) FROM print_copies n WHERE n.job_id = j.id), j.copies),"
    " c.sha256, c.file_name, j.destination, j.printed_by, COALESCE(u.name, ''), j.printed_at,"
    " j.audit_head, j.signing_key_id, c.recipient, COALESCE(u.full_name, '')"
    " FROM print_copies c JOIN print_jobs j ON j.id = c.job_id"
    " LEFT JOIN users u ON u.id = j.printed_by"
)


def _copy(row: Any) -> PrintedCopyRow:
    """A row of ``_COPY_QUERY``, whose columns are the record's fields in their order."""
    job = (int, int, str, int, bool)  # job_id .. draft
    copy = (optional(int), int, str, optional_str)  # copy_number .. file_name
    printed = (str, int, str, str, str)  # destination .. audit_head
    rest = (optional(int), optional_str, str)  # signing_key_id, recipient, full name
    return PrintedCopyRow(*cells(row, *job, *copy, *printed, *rest))


def copies_for_report(conn: Connection, report_id: int) -> list[PrintedCopyRow]:
    rows = conn.execute(
        _COPY_QUERY + " WHERE j.report_id = ? ORDER BY j.id, c.copy_number", (report_id,)
    ).fetchall()
    return [_copy(r) for r in rows]


def copies_with_hash(conn: Connection, sha256: str) -> list[PrintedCopyRow]:
    rows = conn.execute(_COPY_QUERY + " WHERE c.sha256 = ? ORDER BY c.id", (sha256,)).fetchall()
    return [_copy(r) for r in rows]


def print_audit_entry(conn: Connection, report_id: int, job_id: int) -> AuditEntry | None:
    """The audit entry (``report.print``) that recorded print job ``job_id``: the hash-chained
    proof of when the job's copies were made, and of their hashes."""
    row = conn.execute(
        "SELECT seq, ts_utc, actor, action, object, result, origin, details, prev_hash, hash"
        " FROM audit WHERE action = 'report.print' AND result = 'ok' AND object = ?"
        " AND json_extract(details, '$.job') = ? ORDER BY seq LIMIT 1",
        (f"report:{int(report_id)}", int(job_id)),
    ).fetchone()
    if row is None:
        return None
    return AuditEntry(
        int(row[0]),
        str(row[1]),
        str(row[2]),
        str(row[3]),
        str(row[4]),
        str(row[5]),
        str(row[6]),
        str(row[7]),
        str(row[8]),
        str(row[9]),
    )


# ---------------------------------------------------------------------------------------------
# What the printed letter needs from other parts of the workspace


def user_full_name(conn: Connection, user_id: int) -> str | None:
    return first_value(conn, "SELECT full_name FROM users WHERE id = ?", (user_id,), str)


def report_signing(conn: Connection, report_id: int) -> tuple[str | None, str | None] | None:
    """(signer's full name, signed_at) of a report: the report's signing, for a verdict."""
    row = conn.execute(
        "SELECT u.full_name, r.signed_at FROM reports r LEFT JOIN users u ON u.id = r.signed_by"
        " WHERE r.id = ?",
        (report_id,),
    ).fetchone()
    if row is None:
        return None
    return (None if row[0] is None else str(row[0]), None if row[1] is None else str(row[1]))


@dataclass(frozen=True, slots=True)
class RequestDetails:
    """What a printed report says of the person and the request it answers."""

    subject_name: str
    ind_reference: str
    v_number: str = ""
    birth_date: str = ""  # ISO date, or empty when unknown


def request_details(conn: Connection, request_id: int) -> RequestDetails | None:
    """The subject (name, V-number, date of birth) and the IND's reference of a linked request,
    when the requests table has them.

    The requests feature owns that table; this only reads a few columns and copes with a
    workspace (or schema) where they are not there.
    """
    if not table_exists(conn, "requests"):
        return None
    columns = {str(r[1]) for r in conn.execute("PRAGMA table_info(requests)").fetchall()}
    if not {"subject_name", "ind_reference"} <= columns:
        return None
    extra = [c for c in ("v_number", "birth_date") if c in columns]
    row = conn.execute(
        f"SELECT {', '.join(['subject_name', 'ind_reference', *extra])} FROM requests WHERE id = ?",
        (request_id,),
    ).fetchone()
    if row is None:
        return None
    values = ["" if v is None else str(v) for v in row]
    found = dict(zip(extra, values[2:], strict=True))
    return RequestDetails(
        values[0], values[1], found.get("v_number", ""), found.get("birth_date", "")
    )

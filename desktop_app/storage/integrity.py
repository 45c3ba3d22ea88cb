"""The content check of ``audit verify``: every stored report text and every underlying-data
item against the hash recorded when it was written, and that hash against the audit chain;
and the print register (each copy's file hash, the head on its paper) against the chain.
What a verified ``retention.destroy`` entry names as destroyed is gone by right, not missing.

Three layers, each catching a stronger edit made with the database key:
1. the content against its own hash column (a text or a chunk changed in place);
2. a signed report's text against the hash frozen at signing (``reports.text_sha256``);
3. those hash columns against what the (verified) audit entries recorded at signing, at
   drafting and at adding the item: an attacker who rewrites a text *and* every hash beside it
   must also rewrite the chain, which the anchors kept outside the database then catch.

Only metadata appears in a problem (reference, version, item number), never content: the
administrator who runs the check has no need to know.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from desktop_app.domain.classification import Classification
from desktop_app.domain.reports import text_sha256
from desktop_app.storage.audit import RecordedHashes
from desktop_app.storage.db import Connection

SIGNED_STATUSES = ("signed", "issued")


@dataclass(frozen=True)
class ContentProblem:
    object: str  # "report:5", "evidence:3": as in the audit log
    reason: str  # a Dutch sentence


def _level(value: object) -> str | None:
    """The code of a stored level (None for a value no level has: reported as different)."""
    try:
        return Classification(int(str(value))).code
    except ValueError:
        return None


def _tables(conn: Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(r[0]) for r in rows}


def check_contents(
    conn: Connection, recorded: RecordedHashes, *, chain_complete: bool
) -> Iterator[ContentProblem]:
    """Every mismatch, reports first, then items, in id order. ``chain_complete``: the whole
    chain verified, so something it does not mention was never written through the
    application (after a break only the mismatches are reported)."""
    tables = _tables(conn)
    if {"reports", "report_versions"} <= tables:
        yield from _check_reports(conn, recorded, chain_complete=chain_complete)
    if {"evidence_items", "evidence_chunks"} <= tables:
        yield from _check_evidence(conn, recorded, chain_complete=chain_complete)
    if {"print_jobs", "print_copies"} <= tables:
        yield from _check_prints(conn, recorded, chain_complete=chain_complete)
    if {"implementation_plan_versions", "covenant_annex_versions"} <= tables:
        yield from _check_covenant(conn)


# The versioned texts of schema step 7b: (query of owner, version, text, hash; the object as
# the audit log names it; what the text is, for the sentence).
_COVENANT_TEXTS = (
    (
        "SELECT plan_id, version, text, sha256 FROM implementation_plan_versions"
        " ORDER BY plan_id, version",
        "plan:{}",
        "uitvoeringsplan {}",
    ),
    (
        "SELECT covenant_id, version, content, sha256 FROM covenant_annex_versions"
        " ORDER BY covenant_id, version",
        "covenant:{}",
        "niet-openbare bijlage",
    ),
)


def _check_covenant(conn: Connection) -> Iterator[ContentProblem]:
    """Each plan version and annex version against its own hash column (schema step 7b)."""
    for sql, obj, what in _COVENANT_TEXTS:
        for owner, version, text, stored in conn.execute(sql):
            if hashlib.sha256(str(text).encode("utf-8")).hexdigest() != stored:
                yield ContentProblem(
                    obj.format(int(owner)),
                    f"{what.format(int(owner))}, versie {int(version)}: de tekst klopt niet met"
                    " de vastgelegde hash",
                )


def _check_reports(
    conn: Connection, recorded: RecordedHashes, *, chain_complete: bool
) -> Iterator[ContentProblem]:
    reports = {
        int(r[0]): (str(r[1]), str(r[2]), r[3], r[4], _level(r[5]))
        for r in conn.execute(
            "SELECT id, reference, status, signed_version, text_sha256, classification FROM reports"
        ).fetchall()
    }
    # The version hash columns, kept for the signed-text check below (texts are streamed).
    stored_hashes: dict[tuple[int, int], str] = {}
    cursor = conn.execute(
        "SELECT report_id, version, text, text_sha256 FROM report_versions"
        " ORDER BY report_id, version"
    )
    while rows := cursor.fetchmany(200):
        for report_id, version, text, stored in rows:
            rid, v = int(report_id), int(version)
            obj = f"report:{rid}"
            name = f"ambtsbericht {reports[rid][0] if rid in reports else rid}, versie {v}"
            stored_hashes[(rid, v)] = str(stored)
            if text_sha256(str(text)) != stored:
                yield ContentProblem(obj, f"{name}: de tekst klopt niet met de vastgelegde hash")
            written = recorded.versions.get((rid, v))
            if written is not None and written != stored:
                yield ContentProblem(
                    obj, f"{name}: de hash wijkt af van wat de audittrail vastlegde"
                )
    for rid, (reference, status, signed_version, signed_sha, level) in sorted(reports.items()):
        obj = f"report:{rid}"
        name = f"ambtsbericht {reference}"
        signed = status in SIGNED_STATUSES
        at_signing = recorded.signed.get(rid)
        if signed and (signed_version is None or signed_sha is None):
            yield ContentProblem(obj, f"{name} is ondertekend maar heeft geen vastgelegde hash")
            continue
        if signed_version is not None:
            version_sha = stored_hashes.get((rid, int(signed_version)))
            if version_sha is None:
                yield ContentProblem(obj, f"{name}: de ondertekende versie ontbreekt")
            elif version_sha != signed_sha:
                yield ContentProblem(
                    obj,
                    f"{name}: de ondertekende tekst klopt niet met de hash die bij het "
                    "ondertekenen is vastgelegd",
                )
        if at_signing is not None:
            if signed_version is None or (int(signed_version), signed_sha) != (
                at_signing.version,
                at_signing.sha256,
            ):
                yield ContentProblem(
                    obj,
                    f"{name}: de ondertekening wijkt af van wat de audittrail vastlegde",
                )
            elif at_signing.classification not in (None, level):
                # Signing fixes the level; a lower one would open the text to more readers.
                yield ContentProblem(
                    obj,
                    f"{name}: de rubricering wijkt af van die bij het ondertekenen ("
                    f"{at_signing.classification})",
                )
        elif signed and chain_complete:
            yield ContentProblem(obj, f"{name}: de ondertekening staat niet in de audittrail")
    for rid in sorted(
        set(recorded.signed) - set(reports) - recorded.destroyed.get("report", set())
    ):
        yield ContentProblem(
            f"report:{rid}", f"ambtsbericht {rid} staat ondertekend in de audittrail maar ontbreekt"
        )


def _check_evidence(
    conn: Connection, recorded: RecordedHashes, *, chain_complete: bool
) -> Iterator[ContentProblem]:
    items = conn.execute(
        "SELECT e.id, COALESCE(r.reference, e.report_id), e.size_bytes, e.chunk_count, e.sha256,"
        " e.classification FROM evidence_items e LEFT JOIN reports r ON r.id = e.report_id"
        " ORDER BY e.id"
    ).fetchall()
    seen: set[int] = set()
    for item_id, reference, size, chunk_count, sha, classification in items:
        iid = int(item_id)
        seen.add(iid)
        obj = f"evidence:{iid}"
        name = f"onderliggend gegeven {iid} bij ambtsbericht {reference}"
        if sha is None or chunk_count is None:
            yield ContentProblem(obj, f"{name} is nooit verzegeld")
            continue
        if not _content_matches(conn, iid, int(size), int(chunk_count), str(sha)):
            yield ContentProblem(obj, f"{name}: de inhoud klopt niet met de vastgelegde hash")
        written = recorded.evidence.get(iid)
        if written is not None:
            if (written.sha256, written.size) != (str(sha), int(size)):
                yield ContentProblem(
                    obj, f"{name}: de hash wijkt af van wat de audittrail vastlegde"
                )
            elif written.classification not in (None, _level(classification)):
                yield ContentProblem(
                    obj,
                    f"{name}: de rubricering wijkt af van die bij het toevoegen ("
                    f"{written.classification})",
                )
        elif chain_complete:
            yield ContentProblem(obj, f"{name}: de toevoeging staat niet in de audittrail")
    for iid in sorted(set(recorded.evidence) - seen - recorded.destroyed.get("evidence", set())):
        yield ContentProblem(
            f"evidence:{iid}",
            f"onderliggend gegeven {iid} staat in de audittrail maar ontbreekt",
        )


def _check_prints(
    conn: Connection, recorded: RecordedHashes, *, chain_complete: bool
) -> Iterator[ContentProblem]:
    """The print register against the ``report.print`` entries: a copy added to the register
    (so that a forged file reads as "registered") or a changed head or file hash is named."""
    jobs: dict[int, tuple[int, str, str, list[str]]] = {
        int(r[0]): (int(r[1]), str(r[2]), str(r[3]), [])
        for r in conn.execute(
            "SELECT id, report_id, reference, audit_head FROM print_jobs ORDER BY id"
        ).fetchall()
    }
    for job_id, sha in conn.execute(
        "SELECT job_id, sha256 FROM print_copies ORDER BY job_id, copy_number, id"
    ).fetchall():
        if int(job_id) in jobs:
            jobs[int(job_id)][3].append(str(sha))
    for job_id, (report_id, reference, head, copies) in jobs.items():
        obj = f"report:{report_id}"
        name = f"afdruk {job_id} van ambtsbericht {reference}"
        written = recorded.prints.get(job_id)
        if written is None:
            if chain_complete:
                yield ContentProblem(obj, f"{name} staat niet in de audittrail")
        elif written != (head, tuple(copies)):
            yield ContentProblem(
                obj, f"{name}: het afdrukregister wijkt af van wat de audittrail vastlegde"
            )
    for job_id in sorted(
        set(recorded.prints) - set(jobs) - recorded.destroyed.get("print_job", set())
    ):
        yield ContentProblem(
            "print", f"afdruk {job_id} staat in de audittrail maar ontbreekt in het register"
        )


def _content_matches(conn: Connection, item_id: int, size: int, chunk_count: int, sha: str) -> bool:
    """Streamed (an item may be large): chunks in order, their count, size and SHA-256."""
    digest = hashlib.sha256()
    total = 0
    expected = 0
    cursor = conn.execute(
        "SELECT seq, data FROM evidence_chunks WHERE item_id = ? ORDER BY seq", (item_id,)
    )
    while rows := cursor.fetchmany(8):
        for seq, data in rows:
            if int(seq) != expected:
                return False
            chunk = bytes(data)
            digest.update(chunk)
            total += len(chunk)
            expected += 1
    return expected == chunk_count and total == size and digest.hexdigest() == sha

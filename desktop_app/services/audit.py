"""Administrator use cases on the audit trail: list it and verify it; and the audit head kept
outside the database, in the OS keyring beside the workstation secret.

``verify_audit`` checks, in one transaction:
- the chain itself (every entry's hash and link, AUD-3/4/6);
- the chain against every head kept outside it: an anchor given by hand (``--anchor``, from a
  printed copy), the head anchored in the keyring (sign-out, backup, print and every good
  verification move it forward), and the head each print job put on its paper as recorded in
  the print register: a log cut back, or rewritten before any of these, fails (AUD-5);
- every report version and every underlying-data item against its recorded hash, and those
  hashes against what the chain recorded (storage.integrity);
- both storage integrity checks (``integrity_check``, ``cipher_integrity_check``).

``record_head`` moves the keyring head forward, after COMMIT (a crash leaves the old head,
never one the database does not have), and only when the chain still contains the head stored
before: a database that was cut back or rewritten does not get its new head anchored over the
evidence.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.domain.errors import AppError, InvalidInput
from desktop_app.domain.roles import Role
from desktop_app.security.workstation import (
    AnchoredHead,
    HeadDamaged,
    open_head,
    seal_head,
)
from desktop_app.storage import audit, integrity
from desktop_app.storage.audit import Anchor, AuditEntry, ChainVerdict, RecordedHashes

if TYPE_CHECKING:  # the session imports record_head from here
    from desktop_app.services.session import Session

log = logging.getLogger(__name__)

ADMIN_ONLY = (Role.ADMIN,)
KEYRING_SOURCE = "de kop in de sleutelring"
# The report names at most this many content mismatches (the first one matters most).
MAX_CONTENT_PROBLEMS = 20


@dataclass(frozen=True)
class AuditReport:
    chain: ChainVerdict
    storage_problems: tuple[str, ...]
    # Stored texts and items that no longer match their recorded hash (Dutch sentences).
    content_problems: tuple[str, ...] = ()
    # The head anchored in the keyring that the chain was checked against (None: none yet).
    keyring_head: AnchoredHead | None = None
    # Why the keyring head could not be used: forged, damaged or another workspace's.
    keyring_problem: str | None = None
    # How many heads from the print register were checked.
    printed_heads: int = 0

    @property
    def ok(self) -> bool:
        return (
            self.chain.ok
            and not self.storage_problems
            and not self.content_problems
            and self.keyring_problem is None
        )

    @property
    def problem(self) -> str | None:
        """The first thing wrong, as a sentence (None when all is well)."""
        if self.keyring_problem is not None:
            return self.keyring_problem
        if not self.chain.ok:
            return f"Audittrail ongeldig bij vermelding {self.chain.bad_seq}: {self.chain.reason}."
        if self.content_problems:
            return f"Gewijzigde inhoud: {self.content_problems[0]}."
        if self.storage_problems:
            return "De database is beschadigd: " + "; ".join(self.storage_problems[:3])
        return None


def verify_audit(session: Session, anchor: str | None = None) -> AuditReport:
    """Walk the chain, check it against every anchor kept outside it and every stored text
    and item against its hash, and run both integrity checks."""
    parsed: tuple[int, str] | None = None
    if anchor is not None:
        try:
            parsed = audit.parse_anchor(anchor)
        except ValueError:
            raise InvalidInput("Een anker heeft de vorm VOLGNUMMER:HASH.", field="anchor") from None
    # Read before the transaction: a head is only ever written after its COMMIT, so one read
    # now is never newer than what the transaction below will see.
    keyring_head, keyring_problem = _load_head(session)
    with session.transaction("audit.verify", "audit") as tx:
        session.require(ADMIN_ONLY, "audittrail controleren")
        anchors: list[Anchor] = []
        if keyring_head is not None:
            anchors.append(Anchor(keyring_head.seq, keyring_head.hash, KEYRING_SOURCE))
        content: list[str] = []
        printed = audit.printed_heads(tx.conn)
        for p in printed:
            try:
                seq, digest = audit.parse_anchor(p.audit_head)
            except ValueError:
                content.append(f"afdruk {p.job_id} van {p.reference} heeft een onleesbaar anker")
                continue
            anchors.append(Anchor(seq, digest, f"het anker op afdruk {p.job_id} ({p.reference})"))
        recorded = RecordedHashes()
        verdict = audit.verify(tx.conn, parsed, anchors=anchors, recorded=recorded)
        for problem in integrity.check_contents(tx.conn, recorded, chain_complete=verdict.ok):
            content.append(problem.reason)
            if len(content) >= MAX_CONTENT_PROBLEMS:
                break
        tx.details = {
            "ok": verdict.ok and not content and keyring_problem is None,
            "entries": verdict.entries,
            "anchor": anchor,
            "keyring_head": None if keyring_head is None else keyring_head.text,
            "printed_heads": len(printed),
            "content_problems": len(content),
        }
    problems = tuple(session.db.integrity_problems())
    report = AuditReport(
        verdict,
        problems,
        tuple(content),
        keyring_head,
        keyring_problem,
        len(printed),
    )
    if report.ok:
        record_head(session)
    return report


def list_audit(session: Session, limit: int = 100) -> list[AuditEntry]:
    if limit < 1 or limit > 100_000:
        raise InvalidInput("De limiet ligt tussen 1 en 100000.", field="limit")
    session.require_audited(ADMIN_ONLY, "audittrail bekijken", "audit.list", "audit")
    with session.reading() as conn:
        return audit.recent(conn, limit)


# ---------------------------------------------------------------------------------------------
# The head in the keyring


def _load_head(session: Session) -> tuple[AnchoredHead | None, str | None]:
    keyfile, secret = session.checked_keyfile()
    text = session.env.provider.load_head(keyfile.binding_id)
    if text is None:
        return None, None
    try:
        head = open_head(
            secret, text, workspace_id=keyfile.workspace_id, binding_id=keyfile.binding_id
        )
    except HeadDamaged:
        log.warning("the audit head in the keyring does not verify")
        return None, (
            "De kop van de audittrail in de sleutelring is vervalst of beschadigd; de audittrail "
            "kan er niet tegen worden gecontroleerd."
        )
    return head, None


def record_head(session: Session) -> AnchoredHead | None:
    """Anchor the chain's current head in the keyring. Call after COMMIT (sign-out, backup,
    print, a good verification). Never raises: a head that cannot be written now is written
    at the next occasion. Returns the head now anchored, or None when nothing was written
    because the chain no longer contains the stored head (then that head is kept: it is the
    evidence)."""
    provider = session.env.provider
    try:
        keyfile, secret = session.checked_keyfile()
        binding, workspace_id = keyfile.binding_id, keyfile.workspace_id
        # The write lock: no other program commits (or moves the head) until the new head is
        # in the keyring, so two programs on one workspace cannot move it backwards.
        with session.db.transaction() as conn:
            seq, digest = audit.head(conn)
            stored_text = provider.load_head(binding)
            if stored_text is not None:
                try:
                    stored = open_head(
                        secret, stored_text, workspace_id=workspace_id, binding_id=binding
                    )
                except HeadDamaged:
                    log.warning("the audit head in the keyring does not verify; left as it is")
                    return None
                if stored.seq > seq or audit.hash_at(conn, stored.seq) != stored.hash:
                    log.warning(
                        "the audit log no longer contains the head anchored in the keyring "
                        "(%d); that head is kept",
                        stored.seq,
                    )
                    return None
                if stored.seq == seq:
                    return stored
            head = AnchoredHead(seq, digest, audit.format_ts(session.clock.now()))
            provider.store_head(
                binding,
                seal_head(secret, workspace_id=workspace_id, binding_id=binding, head=head),
            )
        return head
    except (AppError, OSError) as exc:
        log.warning("could not anchor the audit head in the keyring: %s", type(exc).__name__)
        return None
    except Exception:
        # Called from the sign-out, which must go on to close the database and wipe the key
        # whatever happens here.
        log.exception("unexpected failure anchoring the audit head")
        return None

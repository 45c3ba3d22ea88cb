"""Administrator use cases on the audit trail: list it and verify it."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.roles import Role
from desktop_app.services.session import Session
from desktop_app.storage import audit
from desktop_app.storage.audit import AuditEntry, ChainVerdict

ADMIN_ONLY = (Role.ADMIN,)


@dataclass(frozen=True)
class AuditReport:
    chain: ChainVerdict
    storage_problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.storage_problems


def verify_audit(session: Session, anchor: str | None = None) -> AuditReport:
    """Walk the chain, check it against an anchor taken earlier, and run both integrity checks."""
    parsed: tuple[int, str] | None = None
    if anchor is not None:
        try:
            parsed = audit.parse_anchor(anchor)
        except ValueError:
            raise InvalidInput("Een anker heeft de vorm VOLGNUMMER:HASH.", field="anchor") from None
    with session.transaction("audit.verify", "audit") as tx:
        session.require(ADMIN_ONLY, "audittrail controleren")
        verdict = audit.verify(tx.conn, parsed)
        tx.details = {"ok": verdict.ok, "entries": verdict.entries, "anchor": anchor}
    problems = tuple(session.db.integrity_problems())
    return AuditReport(verdict, problems)


def list_audit(session: Session, limit: int = 100) -> list[AuditEntry]:
    if limit < 1 or limit > 100_000:
        raise InvalidInput("De limiet ligt tussen 1 en 100000.", field="limit")
    session.require_audited(ADMIN_ONLY, "audittrail bekijken", "audit.list", "audit")
    with session.reading() as conn:
        return audit.recent(conn, limit)

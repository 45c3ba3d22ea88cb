"""Record types the services hand to the front ends unchanged from storage (an audit entry, a
designation), named here so the CLI and the window need not import ``storage`` to annotate
what they display."""

from __future__ import annotations

from desktop_app.storage.audit import AuditEntry
from desktop_app.storage.users import DesignationRecord

__all__ = ["AuditEntry", "DesignationRecord"]

"""The audit trail outlives every destruction, so it must never hold what destruction removes:
after a whole round (request with a name, report, review, sign, issue, print, underlying data,
inspection, provision) no entry's details contain the subject's name, date of birth, V-number
or the report's text (issue 14, Archiefwet)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.domain.search_text import fold
from tests.services.retention_support import (
    BIRTH_DATE,
    SUBJECT,
    V_NUMBER,
    audit_details,
    personal_markers,
    run_round,
)


def test_no_audit_entry_holds_personal_data_or_report_text(workspace: Any, tmp_path: Path) -> None:
    r = run_round(workspace, tmp_path / "afdrukken")
    entries = audit_details(workspace)
    actions = {a for a, _, _ in entries}
    # The round really ran: every step left its entry.
    assert {
        "request.add",
        "report.draft",
        "evidence.add",
        "report.annotate",
        "report.verdict",
        "report.sign",
        "report.issue",
        "report.print",
        "inspection.start",
        "inspection.end",
        "provision.add",
    } <= actions, sorted(actions)
    # The markers are really in the data (so their absence below means something).
    stored = f"{r.text} {SUBJECT} {V_NUMBER} {BIRTH_DATE.isoformat()}".casefold()
    folded = fold(SUBJECT)
    for marker in personal_markers(r):
        assert marker.casefold() in stored or marker.casefold() in folded, marker
    leaks = [
        (action, obj, marker)
        for action, obj, details in entries
        for marker in personal_markers(r)
        if marker.casefold() in details.casefold() or marker.casefold() in obj.casefold()
    ]
    assert leaks == []

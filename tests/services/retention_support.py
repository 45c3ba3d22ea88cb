"""A whole art. 2 round with a named subject, for the retention tests (services, CLI, GUI). No
tests here: import it.

Request with a name, date of birth and V-number; a report on it (the name in its title and
text) with underlying data, a submission withdrawn and offered again, an annotation edited and
handled and a verdict, signed, issued and printed; an
inspection of it; and a spontaneous provision.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from support.helpers import fresh_proof, report_text

from desktop_app.domain.classification import Classification, ClassificationDuration
from desktop_app.services import evidence, inspections, printing, provisions, reports, requests
from desktop_app.storage import audit
from tests.services.test_inspection_service_support import as_user, setup_staff

SUBJECT = "Ayşe Çelik"
V_NUMBER = "4455667788"
BIRTH_DATE = dt.date(1987, 3, 14)
FINDING = "Betrokkene onderhield in Rotterdam contacten met een netwerk van ronselaars"
EVIDENCE_NOTE = b"Proces-verbaal: verklaring van betrokkene over de ronselaars, 12 pagina's.\n"
PROVISION_TEXT = "Reisgegevens van Ayşe Çelik"
INSPECTION_NOTES = "Ingezien: verklaring van Ayşe Çelik"


@dataclass(frozen=True)
class Round:
    request_id: int
    reference: str
    report_id: int
    item_id: int
    inspection_id: int
    provision_id: int
    text: str


def run_round(ws: Any, out_dir: Path) -> Round:
    setup_staff(ws)
    text = report_text(f"Ambtsbericht inzake {SUBJECT}", FINDING + ".")
    with as_user(ws, "officier") as s:
        req = requests.add_request(
            s,
            subject_name=SUBJECT,
            v_number=V_NUMBER,
            purpose="asylum",
            birth_date=BIRTH_DATE,
            nationality="TUR",
        )
        requests.start_request(s, req.id)
        rid = int(
            reports.draft_report(
                s,
                text=text,
                request_id=req.id,
                title=f"Ambtsbericht {SUBJECT}",
                classification=Classification.STG_CONFIDENTIEEL,
                duration=ClassificationDuration(until=dt.date(2040, 1, 1)),
            ).report.id
        )
        item = evidence.add_evidence(
            s, rid, source=EVIDENCE_NOTE, title=f"Verklaring {SUBJECT}", source_note="politie"
        )
        reports.submit_report(s, rid)
        # Taken back and offered again: the reason is kept with the history (schema 7d).
        reports.withdraw_submission(s, rid, reason=f"Nog een bron over {SUBJECT}")
        reports.submit_report(s, rid)
    with as_user(ws, "tweede") as s:
        note = reports.annotate(s, rid, quote=FINDING[:40], comment=f"Bron bij {SUBJECT}?")
        reports.edit_remark(s, rid, note.id, comment=f"Welke bron bij {SUBJECT}?")
        reports.give_verdict(s, rid, usable=True, comment=f"Bruikbaar voor {SUBJECT}")
    with as_user(ws, "officier") as s:
        reports.handle_remark(s, rid, note.id, note=f"Bron over {SUBJECT} genoemd")
    with as_user(ws, "tekenaar") as s:
        reports.sign_report(s, rid, proof=fresh_proof(s))
        reports.issue_report(s, rid, proof=fresh_proof(s))
        printing.print_report(s, rid, copies=2, out_dir=out_dir)
    with as_user(ws, "inspecteur") as s:
        started = inspections.start_inspection(s, rid)
        iid = int(started.id)
        inspections.open_item(s, iid, int(item.id))
        inspections.close_item(s, iid, int(item.id))
        inspections.end_inspection(s, iid, notes=INSPECTION_NOTES)
    with as_user(ws, "tweede") as s:
        prov = provisions.add_provision(s, direction="ind_to_aivd", description=PROVISION_TEXT)
    return Round(req.id, req.reference, rid, int(item.id), iid, int(prov.id), text)


def audit_details(ws: Any) -> list[tuple[str, str, str]]:
    """(action, object, details as readable text) of every entry."""
    with ws.session("beheer") as s, s.reading() as conn:
        entries = list(reversed(audit.recent(conn, 100_000)))
    return [
        (e.action, e.object, json.dumps(json.loads(e.details), ensure_ascii=False)) for e in entries
    ]


def personal_markers(r: Round) -> list[str]:
    """What must never be in an audit entry: the subject's name (also as typed without
    diacritics or folded), date of birth, V-number, and the report's text."""
    return [
        SUBJECT,
        "Çelik",
        "celik",
        "Celik",
        BIRTH_DATE.isoformat(),
        V_NUMBER,
        FINDING[:30],
        "ronselaars",
        "Rotterdam",
    ]

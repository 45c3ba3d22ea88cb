"""Builders shared by the printing tests (services, CLI, GUI). No tests here: import them.

Staff with the clearances a ``stg_geheim`` report needs, a report text with findings (and names
in Cyrillic and Arabic, each ending its line so text extraction keeps it whole), and a report
taken through the workflow up to draft, signed or issued.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

import pytest
from support.helpers import report_at

from desktop_app.domain import report_content as rc
from desktop_app.domain.classification import Classification, ClassificationDuration
from desktop_app.domain.roles import Role
from desktop_app.services import marking, users
from desktop_app.storage import audit

# The reporting tests' PDF text helpers: the printing tests take them from here.
from tests.reporting.helpers import nfkc as nfkc
from tests.reporting.helpers import page_texts as page_texts

CYRILLIC = "Иванов"
ARABIC = "محمد العلي"
SIGNER_FULL_NAME = "mr. J. de Vries"
UNTIL = ClassificationDuration(until=dt.date(2040, 12, 31))
SUBJECT = marking.SubjectEntry("Olga Иванова", dt.date(1984, 6, 12), "1234567890")

STAFF: dict[str, tuple[str, tuple[Role, ...], Classification, str]] = {
    "officier": (
        "officier-wachtwoord",
        (Role.AIVD_OFFICER,),
        Classification.STG_GEHEIM,
        "O. Officier",
    ),
    "tekenaar": (
        "tekenaar-wachtwoord",
        (Role.AIVD_SIGNER,),
        Classification.STG_ZEER_GEHEIM,
        SIGNER_FULL_NAME,
    ),
    "liaison": ("liaison-wachtwoord", (Role.IND_LIAISON,), Classification.STG_GEHEIM, "L. Liaison"),
    "inspecteur": (
        "inspecteur-wachtwoord",
        (Role.IND_INSPECTOR,),
        Classification.STG_GEHEIM,
        "I. Inspecteur",
    ),
    # An officer cleared below the report: may not print it.
    "laag": ("laag-wachtwoord1", (Role.AIVD_OFFICER,), Classification.DEP_VERTROUWELIJK, "L. Laag"),
}


def password(name: str) -> str:
    return "beheer-wachtwoord-1" if name == "beheer" else STAFF[name][0]


def report_text(findings: int = 2, repeat: int = 2) -> str:
    """A text in the editor's rendered form (so it prints as numbered findings)."""
    content = rc.ReportContent(
        subject=f"Ambtsbericht inzake {CYRILLIC}",
        occasion="Naar aanleiding van het verzoek van de IND.",
        findings=tuple(
            rc.Finding(
                text=f"Bevinding {n}: betrokkene verbleef in kringen die aanleiding geven tot "
                "zorg." + " Nadere gegevens over de periode en de contacten." * repeat,
                reliability=rc.Reliability.RELIABLE,
                source_reference=f"DOC-{n:03d}",
                data_date=dt.date(2022, 3, 1),
            )
            for n in range(1, findings + 1)
        ),
        conclusion=f"Betrokkene {ARABIC}",
    )
    return rc.render(content)


def add_staff(ws: Any) -> None:
    with ws.session("beheer") as s:
        for name, (pw, roles, clearance, full_name) in STAFF.items():
            users.add_user(
                s, name=name, password=pw, roles=roles, full_name=full_name, clearance=clearance
            )


@pytest.fixture(name="ws")
def ws_with_print_staff(workspace: Any) -> Any:
    """The ``ws`` of the printing tests: the workspace with the staff above. A module takes it
    by importing ``ws_with_print_staff``."""
    add_staff(workspace)
    return workspace


def signed_in(ws: Any, name: str) -> Any:
    """A session of one of the staff above, with its own password."""
    return ws.session(name, password(name))


def make_report(
    ws: Any,
    *,
    upto: str = "signed",
    text: str | None = None,
    classification: Classification = Classification.STG_GEHEIM,
    duration: ClassificationDuration | None = UNTIL,
    subject: marking.SubjectEntry | None = SUBJECT,
) -> int:
    """A report in status ``draft``, ``usable``, ``signed`` or ``issued`` (spontaneous, with
    ``subject``; classified until ``duration``, None: not recorded)."""
    return report_at(
        ws,
        upto,
        text=text or report_text(),
        classification=classification,
        duration=duration if classification is not Classification.ONGERUBRICEERD else None,
        subject=subject,
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def audit_entries(ws: Any, action: str | None = None) -> list[dict[str, Any]]:
    with ws.session("beheer") as s, s.reading() as conn:
        entries = [e.as_dict() for e in reversed(audit.recent(conn, 10_000))]
    return [e for e in entries if action is None or e["action"] == action]


def raw_rows(ws: Any, sql: str) -> list[tuple[Any, ...]]:
    with ws.session("beheer") as s, s.reading() as conn:
        return [tuple(r) for r in conn.execute(sql).fetchall()]


def tamper_one_byte(data: bytes) -> bytes:
    """Flip a byte of the page content (inside the signed range, outside the signature)."""
    index = data.index(b"stream") + 40
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


def details_text(entries: list[dict[str, Any]]) -> str:
    return json.dumps([e["details"] for e in entries], ensure_ascii=False)


Advance = Callable[[dt.timedelta], None]

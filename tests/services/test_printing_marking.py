"""Issue 14, marking and printing (VIR-BI): copy numbers unique per report over all print
jobs, the subject identified by name, date of birth and V-number, the signer's own function
under the signature (never a role label), "Ons kenmerk", and the signature kept with the last
paragraph. Every check reads the printed PDF back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.roles import Role
from desktop_app.services import printing, reports, verification
from desktop_app.services import requests as request_service
from tests.services.test_printing_support import (
    SIGNER_FULL_NAME,
    add_staff,
    make_report,
    nfkc,
    page_texts,
    raw_rows,
    report_text,
    signed_in,
)


@pytest.fixture
def ws(workspace: Any) -> Any:
    add_staff(workspace)
    return workspace


def test_copy_numbers_continue_over_print_jobs(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        first = printing.print_report(s, rid, copies=2, out_dir=tmp_path / "a")
        preview = printing.preview_report(s, rid, copies=1)
        later = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "b")
        register = printing.print_register(s, rid)
        verdicts = [
            verification.verify_registered(s, c.pdf) for c in (*first.copies, *later.copies)
        ]
    assert [(c.number, c.total) for c in first.copies] == [(1, 2), (2, 2)]
    assert [(c.number, c.total) for c in later.copies] == [(3, 3)]
    printed = [page_texts(c.pdf)[0] for c in (*first.copies, *later.copies)]
    assert "exemplaar 1 van 2" in printed[0] and "exemplaar 2 van 2" in printed[1]
    assert "exemplaar 3 van 3" in printed[2] and "exemplaar 1 " not in printed[2]
    # The preview shows the number the next copy will get.
    assert "exemplaar 3 van 3" in page_texts(preview.pdf)[0]
    assert [c.path.name for c in later.copies if c.path] == [
        printing.copy_file_name(later.reference, 3, 3, later.version)
    ]
    # The register and `report verify` say the same of every copy.
    assert [(r.copy_number, r.copy_total) for r in register] == [(1, 2), (2, 2), (3, 3)]
    assert all(v.valid for v in verdicts)
    assert [(v.copy.number, v.copy.total) for v in verdicts if v.copy] == [(1, 2), (2, 2), (3, 3)]
    numbers = raw_rows(
        ws,
        "SELECT c.copy_number FROM print_copies c JOIN print_jobs j ON j.id = c.job_id"
        f" WHERE j.report_id = {int(rid)} ORDER BY c.copy_number",
    )
    assert [n for (n,) in numbers] == [1, 2, 3]
    # The job's own count stays the number of sheets it made.
    assert raw_rows(ws, "SELECT copies FROM print_jobs ORDER BY id") == [(2,), (1,)]


def test_a_draft_print_takes_no_copy_number(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="usable")
    with signed_in(ws, "officier") as s:
        concept = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "c")
    assert [c.number for c in concept.copies] == [None]
    with signed_in(ws, "tekenaar") as s:
        reports.sign_report(s, rid, proof=s.sign_in_proof())
        job = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "d")
    assert [(c.number, c.total) for c in job.copies] == [(1, 1)]


def _report_on_a_request(ws: Any) -> int:
    with signed_in(ws, "liaison") as s:
        request = request_service.add_request(
            s,
            subject_name="Ayşe Çelik",
            v_number="1234567890",
            purpose="asylum",
            birth_date=dt.date(1990, 2, 3),
            ind_reference="IND-2026-0042",
        )
    with signed_in(ws, "officier") as s:
        rid = int(
            reports.draft_report(
                s, text=report_text(findings=1), request_id=int(request.id)
            ).report.id
        )
        reports.submit_report(s, rid)
    with signed_in(ws, "liaison") as s:
        reports.give_verdict(s, rid, usable=True)
    with signed_in(ws, "tekenaar") as s:
        reports.sign_report(s, rid, proof=s.sign_in_proof())
    return rid


def test_printed_report_identifies_subject_signer_and_kenmerk(ws: Any, tmp_path: Path) -> None:
    rid = _report_on_a_request(ws)
    with signed_in(ws, "beheer") as s:
        printing.set_signer_function(s, "tekenaar", "directeur Inlichtingen")
    with signed_in(ws, "tekenaar") as s:
        job = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
    texts = [nfkc(t) for t in page_texts(job.copies[0].pdf)]
    whole = "\n".join(texts)
    assert "Ons kenmerk" in texts[0] and job.reference in texts[0]
    assert "Uw kenmerk" in texts[0] and "IND-2026-0042" in texts[0]
    assert "referentie" not in whole.lower()
    assert "Ayşe Çelik" in whole
    assert "Geboortedatum: 3 februari 1990" in whole and "V-nummer: 1234567890" in whole
    # The function sits under the signer's name on the last page.
    last = texts[-1]
    assert last.index(SIGNER_FULL_NAME) < last.index("directeur Inlichtingen")
    assert Role.AIVD_SIGNER.label_nl not in whole


def test_without_a_function_no_role_label_is_printed(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        job = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
    whole = nfkc("\n".join(page_texts(job.copies[0].pdf)))
    assert SIGNER_FULL_NAME in whole and Role.AIVD_SIGNER.label_nl not in whole


@pytest.mark.parametrize("findings", range(1, 9))
def test_the_signature_never_stands_alone_on_a_page(ws: Any, tmp_path: Path, findings: int) -> None:
    """Whatever the length, the page with the signer's name also has text of the report
    (the last finding or the conclusion), not only the signature formula."""
    rid = make_report(ws, upto="signed", text=report_text(findings=findings, repeat=9))
    with signed_in(ws, "tekenaar") as s:
        job = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
    texts = [nfkc(t) for t in page_texts(job.copies[0].pdf)]
    signed_page = next(t for t in texts if SIGNER_FULL_NAME in t)
    before_signature = signed_page.split("De minister van Binnenlandse Zaken")[0]
    assert "Nadere gegevens" in before_signature or "Conclusie" in before_signature

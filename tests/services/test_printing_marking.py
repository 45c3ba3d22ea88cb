"""Issue 14, marking and printing (VIR-BI): copy numbers unique per report over all print
jobs, the subject identified by name, date of birth and V-number, the signer's own function
under the signature (never a role label), "Ons kenmerk", and the signature kept with the last
paragraph. Every check reads the printed PDF back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from support.helpers import report_at

from desktop_app.domain.classification import ClassificationDuration
from desktop_app.domain.errors import Forbidden, InvalidInput, InvalidState
from desktop_app.domain.reports import ReportStatus
from desktop_app.domain.roles import Role
from desktop_app.services import marking, printing, reports, settings, verification
from desktop_app.services import requests as request_service
from desktop_app.storage import audit
from tests.services.test_printing_support import (
    SIGNER_FULL_NAME,
    SUBJECT,
    UNTIL,
    make_report,
    nfkc,
    page_texts,
    raw_rows,
    report_text,
    signed_in,
    ws_with_print_staff,  # noqa: F401
)


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
    return report_at(
        ws,
        ReportStatus.SIGNED,
        text=report_text(findings=1),
        request_id=int(request.id),
        duration=UNTIL,
    )


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


# -- issue 14: marking and printing ---------------------------------------------------------


def test_the_duration_prints_with_the_marking_on_every_page(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed", text=report_text(findings=6, repeat=9))
    with signed_in(ws, "tekenaar") as s:
        job = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
    texts = [nfkc(t) for t in page_texts(job.copies[0].pdf)]
    assert len(texts) >= 2
    for text in texts:
        # Top and bottom of every page: the level and, under it, how long it holds.
        assert text.count("STG. GEHEIM") >= 2
        assert text.count("Rubricering tot en met 31 december 2040") == 2
    assert "Rubriceringsduur" in texts[0]


def test_a_final_copy_without_a_duration_is_refused_until_one_is_recorded(
    ws: Any, tmp_path: Path
) -> None:
    rid = make_report(ws, upto="signed", duration=None)
    with signed_in(ws, "tekenaar") as s:
        # The concept view says so; a final copy is not made (nothing registered, audited).
        preview = printing.preview_report(s, rid, copies=1)
        assert "Rubriceringsduur: niet vastgelegd" in nfkc(page_texts(preview.pdf)[0])
        with pytest.raises(InvalidState, match="geen rubriceringsduur"):
            printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
        with s.reading() as conn:
            last = audit.recent(conn, 1)[0]
        # A workflow refusal: nothing is written, not even an audit entry.
        assert (last.action, last.result) == ("report.preview", "ok")
        assert printing.print_register(s, rid) == ()
        assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())
        # Filled in at the signed stage (the text is untouched), then it prints.
        view = marking.record_duration(s, rid, ClassificationDuration(event="einde onderzoek"))
        assert view.duration_label == "tot: einde onderzoek"
        job = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
    assert "Rubricering tot: einde onderzoek" in nfkc(page_texts(job.copies[0].pdf)[0])
    with signed_in(ws, "tekenaar") as s:
        # Once recorded, a signed report's duration is fixed like its level.
        with pytest.raises(InvalidState):
            marking.record_duration(s, rid, ClassificationDuration(event="iets anders"))
        assert reports.get_report(s, rid).as_dict()["classification_duration"] == {
            "kind": "event",
            "until": None,
            "event": "einde onderzoek",
            "text": "tot: einde onderzoek",
        }


def test_the_officer_saves_the_duration_with_a_version(ws: Any) -> None:
    rid = make_report(ws, upto="draft", duration=None)
    with signed_in(ws, "officier") as s:
        assert reports.get_report(s, rid).as_dict()["classification_duration_text"] == (
            "niet vastgelegd"
        )
        text = reports.get_report(s, rid).text
        # Only the duration changes: one entry, report.classify, like a level change.
        reports.save_version(s, rid, text=text, duration=UNTIL)
        with s.reading() as conn:
            entry = audit.recent(conn, 1)[0]
        assert entry.action == "report.classify" and "2040-12-31" in entry.details
        with pytest.raises(InvalidInput, match="niets herzien"):
            reports.save_version(s, rid, text=text, duration=UNTIL)
        view = reports.get_report(s, rid).as_dict()
        assert view["classification_duration_text"] == "tot en met 31 december 2040"


def test_a_spontaneous_report_prints_its_own_subject(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed", subject=SUBJECT)
    with signed_in(ws, "tekenaar") as s:
        job = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
        shown = reports.get_report(s, rid).as_dict()["subject"]
    whole = nfkc("\n".join(page_texts(job.copies[0].pdf)))
    assert "Olga Иванова" in whole
    assert "Geboortedatum: 12 juni 1984" in whole and "V-nummer: 1234567890" in whole
    assert shown == {
        "name": "Olga Иванова",
        "birth_date": "1984-06-12",
        "v_number": "1234567890",
        "source": "report",
    }


def test_the_subject_of_a_spontaneous_report_is_set_while_it_is_editable(ws: Any) -> None:
    rid = make_report(ws, upto="draft", subject=None)
    with signed_in(ws, "officier") as s:
        with pytest.raises(InvalidInput, match="V-nummer"):
            marking.validate_subject(
                name="Olga", birth_date="1984-06-12", v_number="12", today=s.clock.today()
            )
        with pytest.raises(InvalidInput, match="geboortedatum"):
            marking.validate_subject(
                name="Olga", birth_date=None, v_number="1234567890", today=s.clock.today()
            )
        view = marking.set_subject(s, rid, SUBJECT)
        assert view.subject is not None and view.subject.source == "report"
        with s.reading() as conn:
            entry = audit.recent(conn, 1)[0]
        # The audit names the report, never the person.
        assert entry.action == "report.subject" and "Olga" not in entry.details
        reports.submit_report(s, rid)
        with pytest.raises(InvalidState):
            marking.set_subject(s, rid, SUBJECT)


def test_a_recipient_per_copy_in_the_register_on_the_copy_and_in_the_verdict(
    ws: Any, tmp_path: Path
) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        first = printing.print_report(
            s,
            rid,
            recipients=["Hoofddirecteur IND", "IND, afdeling Veiligheid"],
            out_dir=tmp_path / "a",
        )
        later = printing.print_report(s, rid, recipients=["Archief AIVD"], out_dir=tmp_path / "b")
        register = printing.print_register(s, rid)
        verdict = verification.verify_registered(s, later.copies[0].pdf)
        with s.reading() as conn:
            job_entry = audit.recent(conn, 3)
    assert [(c.number, c.recipient) for c in (*first.copies, *later.copies)] == [
        (1, "Hoofddirecteur IND"),
        (2, "IND, afdeling Veiligheid"),
        (3, "Archief AIVD"),
    ]
    second = nfkc(page_texts(first.copies[1].pdf)[0])
    assert "voor: IND, afdeling Veiligheid" in second and "exemplaar 2 van 2" in second
    assert [r.recipient for r in register] == [
        "Hoofddirecteur IND",
        "IND, afdeling Veiligheid",
        "Archief AIVD",
    ]
    assert register[2].as_dict()["recipient"] == "Archief AIVD"
    assert verdict.valid and verdict.copy is not None and verdict.copy.recipient == "Archief AIVD"
    assert verdict.as_dict()["copy"] == {"number": 3, "total": 3}
    assert verdict.as_dict()["recipient"] == "Archief AIVD"
    # The audit counts recipients; the names are in the register only.
    assert all("Archief" not in e.details for e in job_entry)


def test_bad_distribution_lists_are_refused_and_nothing_is_printed(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "tekenaar") as s:
        for recipients, copies in (
            (["Hoofddirecteur IND", ""], None),
            (["x" * 121], None),
            (["IND\u202eDNI"], None),
            (["IND", "AIVD"], 3),
        ):
            with pytest.raises(InvalidInput):
                printing.print_report(
                    s, rid, copies=copies, recipients=recipients, out_dir=tmp_path / "o"
                )
        assert printing.print_register(s, rid) == ()


def test_the_default_number_of_copies_and_the_addresses_come_from_the_settings(
    ws: Any, tmp_path: Path
) -> None:
    rid = make_report(ws, upto="signed")
    with signed_in(ws, "beheer") as s:
        settings.change(s, "default_copies", 2)
        settings.change(s, "sender_block", "Postbus 99999|2509 ZZ Den Haag")
        settings.change(s, "ind_addressee", "IND|t.a.v. mr. B. Bakker|Postbus 5")
    with signed_in(ws, "tekenaar") as s:
        assert printing.default_copies(s) == 2
        job = printing.print_report(s, rid, out_dir=tmp_path / "o")
    assert [c.number for c in job.copies] == [1, 2]
    first = nfkc(page_texts(job.copies[0].pdf)[0])
    assert "Postbus 99999" in first and "2509 ZZ Den Haag" in first
    assert "t.a.v. mr. B. Bakker" in first and "Ter Apel" not in first


def test_a_final_copy_of_a_spontaneous_report_names_its_subject(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed", subject=None)
    with signed_in(ws, "tekenaar") as s:
        with pytest.raises(InvalidState, match="zonder betrokkene"):
            printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
        assert printing.print_register(s, rid) == ()
        assert reports.get_report(s, rid).marking.may_set_subject  # type: ignore[union-attr]
        # Missing: the signer fills it in after signing; the text is untouched.
        marking.set_subject(s, rid, SUBJECT)
        job = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
        # Recorded: fixed once the text is.
        with pytest.raises(Forbidden):
            marking.set_subject(s, rid, SUBJECT)
    assert "Olga Иванова" in nfkc("\n".join(page_texts(job.copies[0].pdf)))

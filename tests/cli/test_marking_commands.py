"""CLI extensions of issue 14: ``report draft`` with a classification duration and a
spontaneous report's subject, ``report marking``, ``report subject``, and ``report print`` with a
distribution list (``--recipient``, ``--recipients-file``) shown by ``report prints`` and
``report verify``."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pypdf

from tests.services.test_printing_support import make_report, nfkc, report_text

# The subject options both report draft and report subject take.
OLGA = ("--subject-name", "Olga Иванова", "--birth-date", "1984-06-12", "--v-number", "1234567890")


def _first_page(path: Path) -> str:
    return nfkc(pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages[0].extract_text())


def test_draft_with_duration_and_subject_then_show(as_print_staff: Any, tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text(report_text(), encoding="utf-8")

    def draft(*options: str) -> Any:
        return as_print_staff(
            "officier", "report", "draft", "--spontaneous", "--text-file", str(text), *options
        )

    made = draft("--classification", "stg_geheim", "--classification-until", "2040-12-31", *OLGA)
    assert made.code == 0, made.out
    shown = as_print_staff("officier", "report", "show", str(made.json["id"]))
    assert shown.json["classification_duration"]["until"] == "2040-12-31"
    assert shown.json["classification_duration_text"] == "tot en met 31 december 2040"
    assert shown.json["subject"]["name"] == "Olga Иванова"
    # Without a duration: recorded as not decided; refused when both are given or in the past.
    bare = draft()
    assert bare.code == 0
    again = as_print_staff("officier", "report", "show", str(bare.json["id"]))
    assert again.json["classification_duration"] is None
    assert again.json["classification_duration_text"] == "niet vastgelegd"
    both = draft("--classification-until", "2040-12-31", "--classification-event", "einde")
    assert both.code == 2 and both.json["error"]["code"] == "invalid_input"
    past = draft("--classification-until", "2001-01-01")
    assert past.code == 2 and "na vandaag" in past.json["error"]["message"]
    half = draft("--subject-name", "Olga")
    assert half.code == 2 and half.json["error"]["code"] == "invalid_input"
    # The refusals stored nothing: no third report.
    third = as_print_staff("officier", "report", "show", str(int(bare.json["id"]) + 1))
    assert third.json["error"]["code"] == "not_found"


def test_marking_and_subject_commands(as_print_staff: Any, workspace: Any) -> None:
    rid = make_report(workspace, upto="draft", duration=None, subject=None)
    marked = as_print_staff(
        "officier", "report", "marking", str(rid), "--classification-event", "einde onderzoek"
    )
    assert marked.code == 0, marked.out
    assert marked.json["classification_duration_text"] == "tot: einde onderzoek"
    subject = as_print_staff("officier", "report", "subject", str(rid), *OLGA)
    assert subject.code == 0 and subject.json["subject"]["source"] == "report"
    empty = as_print_staff("officier", "report", "marking", str(rid))
    assert empty.code == 2 and empty.json["error"]["code"] == "invalid_input"
    bad = as_print_staff(
        "officier", "report", "subject", str(rid), "--subject-name", "X", "--v-number", "1"
    )
    assert bad.code == 2
    liaison = as_print_staff(
        "liaison",
        "report",
        "subject",
        str(rid),
        "--subject-name",
        "Olga",
        "--birth-date",
        "1984-06-12",
        "--v-number",
        "1234567890",
    )
    assert liaison.code == 1 and liaison.json["error"]["code"] == "forbidden"


def test_print_with_a_distribution_list(
    as_print_staff: Any, workspace: Any, tmp_path: Path
) -> None:
    rid = make_report(workspace, upto="signed")
    result = as_print_staff(
        "tekenaar",
        "report",
        "print",
        str(rid),
        "--recipient",
        "Hoofddirecteur IND",
        "--recipient",
        "Archief AIVD",
        "--out",
        str(tmp_path / "a"),
    )
    assert result.code == 0, result.out
    assert [c["recipient"] for c in result.json["copies"]] == ["Hoofddirecteur IND", "Archief AIVD"]
    files = [Path(f) for f in result.json["files"]]
    assert "voor: Archief AIVD" in _first_page(files[1])
    listing = tmp_path / "lijst.txt"
    listing.write_text("# verzendlijst\nIND, afdeling Veiligheid\n\n", encoding="utf-8")
    more = as_print_staff(
        "tekenaar",
        "report",
        "print",
        str(rid),
        "--recipients-file",
        str(listing),
        "--out",
        str(tmp_path / "b"),
    )
    assert more.code == 0 and [c["copy"] for c in more.json["copies"]] == [3]
    prints = as_print_staff("tekenaar", "report", "prints", str(rid))
    assert [i["recipient"] for i in prints.json["items"]] == [
        "Hoofddirecteur IND",
        "Archief AIVD",
        "IND, afdeling Veiligheid",
    ]
    human = as_print_staff("tekenaar", "report", "prints", str(rid), json_mode=False)
    assert "voor: Archief AIVD" in human.out
    verdict = as_print_staff("tekenaar", "report", "verify", str(files[1]))
    assert verdict.code == 0 and verdict.json["recipient"] == "Archief AIVD"
    assert verdict.json["copy"] == {"number": 2, "total": 2}
    # A list of another length than --copies, or both list forms: refused, nothing printed.
    mismatch = as_print_staff(
        "tekenaar",
        "report",
        "print",
        str(rid),
        "--copies",
        "3",
        "--recipient",
        "IND",
        "--out",
        str(tmp_path / "c"),
    )
    assert mismatch.code == 2 and mismatch.json["error"]["code"] == "invalid_input"
    both = as_print_staff(
        "tekenaar",
        "report",
        "print",
        str(rid),
        "--recipient",
        "IND",
        "--recipients-file",
        str(listing),
        "--out",
        str(tmp_path / "d"),
    )
    assert both.code == 2
    assert len(as_print_staff("tekenaar", "report", "prints", str(rid)).json["items"]) == 3


def test_final_print_without_a_duration_is_refused(
    as_print_staff: Any, workspace: Any, tmp_path: Path
) -> None:
    rid = make_report(workspace, upto="signed", duration=None)
    refused = as_print_staff("tekenaar", "report", "print", str(rid), "--out", str(tmp_path / "o"))
    assert refused.code == 1 and refused.json["error"]["code"] == "invalid_state"
    assert "rubriceringsduur" in refused.json["error"]["message"]
    fixed = as_print_staff(
        "tekenaar", "report", "marking", str(rid), "--classification-until", "2040-01-01"
    )
    assert fixed.code == 0
    printed = as_print_staff("tekenaar", "report", "print", str(rid), "--out", str(tmp_path / "o"))
    assert printed.code == 0 and len(printed.json["files"]) == 1  # default_copies: 1


def test_evidence_carries_its_own_duration(workspace: Any, as_user: Any, tmp_path: Path) -> None:
    from tests.services.test_inspection_service_support import PASSWORDS, setup_staff
    from tests.services.test_inspection_service_support import make_report as make_inspected

    setup_staff(workspace)
    rid = int(make_inspected(workspace, until="draft"))
    note = tmp_path / "notitie.txt"
    note.write_text("Proces-verbaal 2026/17.", encoding="utf-8")

    def add(*extra: str) -> Any:
        return as_user(
            "officier",
            "evidence",
            "add",
            "--report",
            str(rid),
            "--file",
            str(note),
            "--title",
            "Proces-verbaal",
            *extra,
            secrets=[PASSWORDS["officier"]],
        )

    dated = add("--classification-event", "sluiting van het dossier")
    assert dated.code == 0, dated.out
    assert dated.json["classification_duration_text"] == "tot: sluiting van het dossier"
    bare = add()
    assert bare.code == 0 and bare.json["classification_duration_text"] == "niet vastgelegd"
    refused = add("--classification", "ongerubriceerd", "--classification-until", "2040-01-01")
    assert refused.code == 2 and "ongerubriceerd" in refused.json["error"]["message"]
    listed = as_user(
        "officier", "evidence", "list", "--report", str(rid), secrets=[PASSWORDS["officier"]]
    )
    durations = [i["classification_duration"] for i in listed.json["items"]]
    assert durations == [
        {
            "kind": "event",
            "until": None,
            "event": "sluiting van het dossier",
            "text": "tot: sluiting van het dossier",
        },
        None,
    ]

"""--lang en and a report's dates: the line for people names the classification duration in
English ("up to and including 31 December 2040"), the JSON keeps the contract's Dutch text, and
the PDF printed from an English command line is Dutch."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pypdf
import pytest

from tests.services.test_printing_support import make_report, nfkc

pytestmark = pytest.mark.usefixtures("back_to_dutch")


def test_the_duration_line_in_english_and_the_json_in_dutch(
    as_print_staff: Any, workspace: Any
) -> None:
    rid = str(make_report(workspace, upto="draft", duration=None))
    until = ("report", "marking", rid, "--classification-until", "2040-12-31")
    human = as_print_staff("officier", "--lang", "en", *until, json_mode=False)
    assert human.code == 0, human.err
    assert ": classification duration up to and including 31 December 2040\n" in human.out
    assert "december" not in human.out
    shown = as_print_staff("officier", "--lang", "en", "report", "show", rid)
    dutch = as_print_staff("officier", "report", "show", rid)
    assert shown.json == dutch.json
    assert shown.json["classification_duration_text"] == "tot en met 31 december 2040"


def test_a_copy_printed_in_english_mode_is_dutch(
    as_print_staff: Any, workspace: Any, tmp_path: Path
) -> None:
    rid = str(make_report(workspace, upto="signed"))
    result = as_print_staff(
        "tekenaar", "--lang", "en", "report", "print", rid, "--out", str(tmp_path / "a")
    )
    assert result.code == 0, result.out
    (file,) = result.json["files"]
    reader = pypdf.PdfReader(io.BytesIO(Path(file).read_bytes()))
    text = "\n".join(nfkc(page.extract_text()) for page in reader.pages)
    assert "Rubricering tot en met 31 december 2040" in text
    assert "afgedrukt 2 november 2026, 10:00" in text
    assert "December" not in text and "November" not in text

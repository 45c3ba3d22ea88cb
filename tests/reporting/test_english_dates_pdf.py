"""Printed documents stay Dutch whatever the language a person chose: in English mode the window
and the CLI name dates in English ("2 November 2026"), but the ambtsbericht, the consultation's
report and the statistics print "2 november 2026" (dates in the body, the marking's duration,
the footer "afgedrukt …"). Every check reads the PDF back."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from desktop_app.domain import timefmt
from desktop_app.domain.classification import Classification
from desktop_app.reporting.consultation import render_consultation_pdf
from desktop_app.services import printing, stats
from tests.domain import test_messages
from tests.reporting.helpers import NOW, nfkc, page_texts
from tests.reporting.test_consultation_pdf import consultation
from tests.services.test_printing_support import add_staff, make_report, signed_in

# messages.set_language("en") for the test, Dutch again after it.
english = test_messages.english

ENGLISH_MONTH = re.compile(r"\b\d{1,2} (" + "|".join(timefmt.MONTHS_EN) + r") \d{4}\b")


def _text(pdf: bytes) -> str:
    return "\n".join(nfkc(page) for page in page_texts(pdf))


def _dutch_only(text: str) -> None:
    assert ENGLISH_MONTH.search(text) is None, ENGLISH_MONTH.search(text)


def test_the_ambtsbericht_prints_dutch_dates_in_english_mode(
    workspace: Any, tmp_path: Path, english: None
) -> None:
    add_staff(workspace)
    rid = make_report(workspace, upto="signed")
    with signed_in(workspace, "tekenaar") as s:
        assert timefmt.shown_prose_date(s.clock.today()) == "2 November 2026"  # English mode
        job = printing.print_report(s, rid, copies=1, out_dir=tmp_path / "o")
    text = _text(job.copies[0].pdf)
    assert "Rubricering tot en met 31 december 2040" in text  # the marking's duration
    assert "2 november 2026" in text  # the date and the footer (tests' clock)
    assert "afgedrukt 2 november 2026, 10:00" in text
    _dutch_only(text)


def test_the_statistics_print_dutch_dates_in_english_mode(workspace: Any, english: None) -> None:
    add_staff(workspace)
    with signed_in(workspace, "tekenaar") as s:
        pdf = stats.pdf_bytes(s, dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    text = _text(pdf)
    assert "1 juli 2026 t/m 30 september 2026" in text
    _dutch_only(text)


def test_the_consultation_report_prints_dutch_dates_in_english_mode(english: None) -> None:
    pdf = render_consultation_pdf(
        consultation(),
        Classification.DEP_VERTROUWELIJK,
        NOW,
        audit_head="12:" + "a" * 64,
        full_names={},
    )
    text = _text(pdf)
    assert "30 oktober 2026" in text and "1 juli 2026 t/m 30 september 2026" in text
    assert "30 oktober 2026, 23:59" in text
    _dutch_only(text)

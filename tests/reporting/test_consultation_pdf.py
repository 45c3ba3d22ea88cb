"""The consultation's report for the heads (art. 3.2) and the statistics' "stand per": read back
from the PDF, marked on every page, the frozen figures in a table and bar charts."""

from __future__ import annotations

import datetime as dt
import io

import pypdf

from desktop_app.domain.classification import Classification
from desktop_app.domain.consultations import ActionPoint, Consultation, Participant, Service
from desktop_app.domain.statistics import DEFINITIONS
from desktop_app.reporting import render_statistics_pdf
from desktop_app.reporting.consultation import render_consultation_pdf
from tests.reporting.helpers import NOW, page_texts

AS_OF = dt.datetime(2026, 10, 30, 22, 59, 59, tzinfo=dt.UTC)
FIGURES = {
    "period_from": "2026-07-01",
    "period_to": "2026-09-30",
    "requests_received": 412,
    "requests_closed": 398,
    "on_time": 371,
    "late_with_notice": 20,
    "late_without_notice": 7,
    "overdue_open": 3,
    "median_working_days": 6.5,
    "reports_issued": 64,
    "inspections": 5,
    "provisions_aivd_to_ind": 70,
    "provisions_ind_to_aivd": 12,
    "late_with_notice_recorded_afterwards": 4,
    "as_of": AS_OF.isoformat(),
    "definitions": dict(DEFINITIONS),
}


def consultation() -> Consultation:
    return Consultation(
        id=7,
        held_on=dt.date(2026, 10, 30),
        period_from=dt.date(2026, 7, 1),
        period_to=dt.date(2026, 9, 30),
        as_of=AS_OF,
        figures=FIGURES,
        participants=(
            Participant(Service.IND, "A. Bakker", "hoofddirecteur"),
            Participant(Service.AIVD, "J. de Vries", "directeur-generaal"),
        ),
        decisions="Uitstelberichten voortaan met de liaison erbij.\nVolgend overleg in januari.",
        actions=(
            ActionPoint("Werkinstructie bijwerken", "M. Jansen", dt.date(2026, 12, 1), 1, 1),
            ActionPoint(
                "Cijfers Q4 voorbereiden",
                "A. Bakker",
                dt.date(2027, 1, 15),
                2,
                2,
                done_on=dt.date(2026, 11, 2),
                done_by="tekenaar",
            ),
        ),
        recorded_by="tekenaar",
        recorded_at=NOW,
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_consultation_report_reads_back_with_marking_figures_and_actions() -> None:
    pdf = render_consultation_pdf(
        consultation(),
        Classification.DEP_VERTROUWELIJK,
        NOW,
        audit_head="12:" + "a" * 64,
        full_names={"tekenaar": "mr. T. Ekenaar"},
    )
    texts = page_texts(pdf)
    text = "\n".join(texts)
    for number, page in enumerate(texts, start=1):
        assert _lines(page).count("DEPARTEMENTAAL VERTROUWELIJK") >= 2, page
        assert f"pagina {number} van {len(texts)}" in page
    assert "Verslag periodiek overleg" in text and "30 oktober 2026" in text
    assert "1 juli 2026 t/m 30 september 2026" in text
    assert "Stand per" in text and "30 oktober 2026, 23:59" in text  # Amsterdam time
    # AIVD first, then IND, whatever the order given.
    assert text.index("J. de Vries") < text.index("A. Bakker")
    assert "Volgend overleg in januari." in text
    assert "Werkinstructie bijwerken" in text and "01-12-2026" in text and "open" in text
    assert "afgerond 02-11-2026" in text
    # Who recorded it by full name, as every other record names people; not the login name.
    assert "door mr. T. Ekenaar" in text and "tekenaar" not in text
    assert "Verzoeken ontvangen" in text and "412" in text and "6,5" in text
    assert "Waarvan uitstelbericht achteraf vastgelegd" in text
    assert "Wat de cijfers tellen" in text
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    content = b"".join(page.get_contents().get_data() for page in reader.pages)  # type: ignore[union-attr]
    # A filled bar per count (11 counts; the median is not charted).
    assert content.count(b" re f") >= 11
    assert reader.metadata is not None and "art. 3.2" in str(reader.metadata.subject)


def test_a_login_name_without_a_full_name_is_printed_as_it_is() -> None:
    pdf = render_consultation_pdf(
        consultation(), Classification.DEP_VERTROUWELIJK, NOW, full_names={}
    )
    assert "door tekenaar" in "\n".join(page_texts(pdf))


def test_statistics_pdf_says_as_of_when() -> None:
    numbers = {k: v for k, v in FIGURES.items() if isinstance(v, int | float)}
    pdf = render_statistics_pdf(
        numbers,  # type: ignore[arg-type]
        dt.date(2026, 7, 1),
        dt.date(2026, 9, 30),
        Classification.DEP_VERTROUWELIJK,
        NOW,
        as_of=AS_OF,
    )
    text = "\n".join(page_texts(pdf))
    assert "Stand per" in text and "30 oktober 2026, 23:59" in text
    without = "\n".join(
        page_texts(
            render_statistics_pdf(
                numbers,  # type: ignore[arg-type]
                dt.date(2026, 7, 1),
                dt.date(2026, 9, 30),
                Classification.DEP_VERTROUWELIJK,
                NOW,
            )
        )
    )
    assert "Stand per" not in without

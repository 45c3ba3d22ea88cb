from __future__ import annotations

import datetime as dt
import io

import pypdf

from desktop_app.domain.classification import Classification
from desktop_app.reporting import (
    InspectionItem,
    InspectionRecord,
    render_inspection_record_pdf,
    render_statistics_pdf,
    sign_pdf,
    verify_pdf,
)
from desktop_app.reporting.layout import duration_text
from tests.reporting.helpers import CTX, CYRILLIC, NOW, nfkc, page_texts, workstation_pki

FIGURES: dict[str, int | float | None] = {
    "requests_received": 412,
    "requests_closed": 398,
    "on_time": 371,
    "late_with_notice": 20,
    "late_without_notice": 7,
    "median_working_days": 23.5,
    "reports_issued": 64,
    "inspections": 5,
    "provisions_aivd_to_ind": 70,
    "provisions_ind_to_aivd": None,
}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _statistics(figures: dict[str, int | float | None] = FIGURES) -> bytes:
    return render_statistics_pdf(
        figures,
        dt.date(2025, 1, 1),
        dt.date(2025, 3, 31),
        Classification.STG_CONFIDENTIEEL,
        NOW,
        audit_head="77:" + "f" * 64,
    )


def test_statistics_table_and_marking() -> None:
    texts = page_texts(_statistics())
    text = "\n".join(texts)
    assert "Verzoeken ontvangen" in text and "412" in text
    assert "Mediane behandelduur (werkdagen)" in text and "23,5" in text
    assert "Verstrekkingen IND aan AIVD" in text
    assert "1 januari 2025 t/m 31 maart 2025" in text
    for number, page in enumerate(texts, start=1):
        assert _lines(page).count("STG. CONFIDENTIEEL") >= 2
        assert f"pagina {number} van {len(texts)}" in page


def test_statistics_has_a_bar_chart() -> None:
    pdf = _statistics()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    content = b"".join(page.get_contents().get_data() for page in reader.pages)  # type: ignore[union-attr]
    # One filled bar per count (9 numbers; the median and the missing figure are not charted).
    assert content.count(b" re f") >= 9
    assert "Aantallen in beeld" in "\n".join(page_texts(pdf))


def test_statistics_with_many_unknown_figures_spans_pages_with_markings() -> None:
    figures: dict[str, int | float | None] = {f"cijfer_{i}": i for i in range(70)}
    texts = page_texts(_statistics(figures))
    assert len(texts) >= 2
    for page in texts:
        assert _lines(page).count("STG. CONFIDENTIEEL") >= 2
    assert "Cijfer 69" in "\n".join(texts)


def test_statistics_without_figures_still_renders() -> None:
    texts = page_texts(_statistics({}))
    assert _lines(texts[0]).count("STG. CONFIDENTIEEL") >= 2


def _record(items: int = 3, notes: str = "Geen bijzonderheden.") -> InspectionRecord:
    start = dt.datetime(2025, 4, 2, 8, 0, tzinfo=dt.UTC)
    return InspectionRecord(
        inspector_name=f"drs. A. {CYRILLIC}",
        report_reference="AIVD-2025-0042",
        started_at=start,
        ended_at=start + dt.timedelta(minutes=47),
        classification=Classification.STG_GEHEIM,
        items=tuple(
            InspectionItem(
                title=f"Onderliggend stuk {i}",
                classification=Classification.STG_CONFIDENTIEEL,
                viewed_seconds=125 * i,
                opened_at=start + dt.timedelta(minutes=5 * i),
                source_note="eigen bron",
            )
            for i in range(1, items + 1)
        ),
        notes=notes,
        designation_reference="HD-IND 2025/12",
        workstation="AIVD-WP-07",
        report_subject="Ambtsbericht inzake betrokkene",
    )


def test_inspection_record_contents_and_markings() -> None:
    pdf = render_inspection_record_pdf(_record(), CTX)
    texts = page_texts(pdf)
    text = "\n".join(texts)
    for expected in (
        "Verslag van inzage",
        f"drs. A. {CYRILLIC}",
        "HD-IND 2025/12",
        "AIVD-2025-0042",
        "AIVD-WP-07",
        "2 april 2025, 10:00",  # 08:00 UTC in Den Haag (summer time)
        "Onderliggend stuk 3",
        "STG. CONFIDENTIEEL",
        duration_text(375),
        "Geen bijzonderheden.",
    ):
        assert expected in text, expected
    for number, page in enumerate(texts, start=1):
        assert _lines(page).count("STG. GEHEIM") >= 2
        assert f"pagina {number} van {len(texts)}" in page


def test_long_inspection_record_marks_every_page() -> None:
    notes = "\n\n".join(f"Aantekening {i}: " + "tekst " * 60 for i in range(12))
    texts = page_texts(render_inspection_record_pdf(_record(items=25, notes=notes), CTX))
    assert len(texts) >= 3
    for page in texts:
        assert _lines(page).count("STG. GEHEIM") >= 2
    assert "Aantekening 11" in nfkc("\n".join(texts))


def test_open_inspection_is_marked_as_not_closed() -> None:
    record = _record()
    unfinished = InspectionRecord(
        inspector_name=record.inspector_name,
        report_reference=record.report_reference,
        started_at=record.started_at,
        ended_at=None,
        classification=record.classification,
    )
    text = "\n".join(page_texts(render_inspection_record_pdf(unfinished, CTX)))
    assert "niet afgesloten" in text
    assert "Er zijn geen stukken geopend." in text


def test_other_documents_can_be_signed_invisibly() -> None:
    material = workstation_pki()
    signed = sign_pdf(_statistics(), material.signing, NOW)
    verdict = verify_pdf(signed, [material.ca.certificate], now=NOW)
    assert verdict.valid
    assert verdict.copy is None


def test_duration_text() -> None:
    assert duration_text(0) == "0 s"
    assert duration_text(59) == "59 s"
    assert duration_text(61) == "1 min 01 s"
    assert duration_text(120) == "2 min"
    assert duration_text(3600 + 120) == "1 u 02 min"
    assert duration_text(-5) == "0 s"


def test_every_statistics_figure_has_a_dutch_label() -> None:
    from desktop_app.domain.statistics import STATISTICS_KEYS
    from desktop_app.reporting import STATISTICS_LABELS

    figures = [k for k in STATISTICS_KEYS if not k.startswith("period_")]
    assert [k for k in figures if k not in STATISTICS_LABELS] == []

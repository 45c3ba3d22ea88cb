from __future__ import annotations

import io
import re

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import InvalidInput
from desktop_app.reporting import CopyInfo, render_report_pdf
from desktop_app.reporting.fonts import visual
from desktop_app.reporting.layout import read_xmp_properties
from tests.reporting.helpers import (
    ARABIC,
    AUDIT_HEAD,
    CTX,
    CYRILLIC,
    GREEK,
    LATIN,
    nfkc,
    page_texts,
    report,
)


@pytest.fixture(scope="module")
def long_copy() -> bytes:
    return render_report_pdf(report(findings=12), CopyInfo(2, 3), CTX)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_marking_copy_and_page_numbers_on_every_page(long_copy: bytes) -> None:
    texts = page_texts(long_copy)
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        lines = _lines(text)
        # Top and bottom marking: two separate lines that are exactly the marking.
        assert lines.count("STG. GEHEIM") >= 2, f"page {number}: {lines}"
        assert f"pagina {number} van {len(texts)}" in text
        assert "exemplaar 2 van 3" in text
        assert "AIVD-2025-0042" in text
        assert f"audit {AUDIT_HEAD[:17]}…" in text


def test_marking_sits_at_top_and_bottom_of_each_page(long_copy: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(long_copy))
    for page in reader.pages:
        heights = _marking_heights(page)
        height = float(page.mediabox.height)
        assert any(y > height - 40 for y in heights), heights
        assert any(y < 40 for y in heights), heights


def _marking_heights(page: pypdf.PageObject) -> list[float]:
    heights: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip() == "STG. GEHEIM":
            heights.append(cm[5] + tm[5] * cm[3])

    page.extract_text(visitor_text=visit)
    return heights


def test_other_classifications_use_their_marking() -> None:
    pdf = render_report_pdf(
        report(classification=Classification.DEP_VERTROUWELIJK), CopyInfo(1, 1), CTX
    )
    for text in page_texts(pdf):
        assert _lines(text).count("DEPARTEMENTAAL VERTROUWELIJK") >= 2


def test_letter_parts_are_printed() -> None:
    text = "\n".join(page_texts(render_report_pdf(report(), CopyInfo(1, 2), CTX)))
    for expected in (
        "Algemene Inlichtingen- en Veiligheidsdienst",
        "Immigratie- en Naturalisatiedienst",
        "12 maart 2025",
        "Ambtsbericht inzake betrokkene",
        "IND-2025-117",
        "Betrouwbaarheid: betrouwbaar",
        "Bron: eigen onderzoek, document 2023-001",
        "namens deze,",
        "het hoofd van de Algemene Inlichtingen- en Veiligheidsdienst,",
        "mr. J. de Vries",
        "directeur Inlichtingen",
        "Conclusie",
    ):
        assert expected in text, expected
    # Numbered findings in order.
    assert re.search(r"1\.\s*Bevinding 1", text)
    assert re.search(r"2\.\s*Bevinding 2", text)


@pytest.mark.parametrize("name", [LATIN, CYRILLIC, GREEK, f"{LATIN} {CYRILLIC} {GREEK}"])
def test_names_in_latin_cyrillic_greek_extract_exactly(name: str) -> None:
    pdf = render_report_pdf(report(person=name), CopyInfo(1, 1), CTX)
    assert name in page_texts(pdf)[0]


def test_arabic_name_is_shaped_and_extracts_in_logical_order() -> None:
    pdf = render_report_pdf(report(person=ARABIC), CopyInfo(1, 1), CTX)
    text = page_texts(pdf)[0]
    # pypdf returns the presentation forms the shaping produced (proof of shaping), in logical
    # order (pypdf reverses right-to-left runs, so the glyphs were drawn in visual order).
    assert any("\ufe70" <= ch <= "\ufeff" for ch in text)
    assert ARABIC in nfkc(text)


def test_arabic_name_is_not_split_over_lines() -> None:
    long_name = "محمد عبد الرحمن بن عبد العزيز العلي"
    pdf = render_report_pdf(report(person=long_name), CopyInfo(1, 1), CTX)
    assert long_name in nfkc(page_texts(pdf)[0])


def test_visual_leaves_left_to_right_text_alone() -> None:
    for text in (LATIN, CYRILLIC, GREEK, "a < b & c"):
        assert visual(text) == text


_NAME_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzÇçŞşĞğİıÖöÜüéèëàäßñøåæ")
    + list("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯабвгдежзийклмнопрстуфхцчшщыэюя")
    + list("ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψωάέήίόύώ")
)
_NAMES = st.lists(st.text(_NAME_ALPHABET, min_size=2, max_size=12), min_size=1, max_size=3).map(
    " ".join
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_NAMES)
def test_any_name_in_these_scripts_round_trips(name: str) -> None:
    pdf = render_report_pdf(report(person=name, findings=0), CopyInfo(1, 1), CTX)
    assert name in page_texts(pdf)[0]


_ARABIC_LETTERS = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.text(_ARABIC_LETTERS, min_size=2, max_size=8), min_size=1, max_size=3))
def test_any_arabic_name_round_trips_after_normalisation(words: list[str]) -> None:
    name = " ".join(words)
    pdf = render_report_pdf(report(person=name, findings=0), CopyInfo(1, 1), CTX)
    assert name in nfkc(page_texts(pdf)[0])


def test_draft_has_watermark_on_every_page_and_no_signature_field() -> None:
    pdf = render_report_pdf(report(findings=8), None, CTX, draft=True)
    texts = page_texts(pdf)
    assert len(texts) >= 2
    for text in texts:
        assert "CONCEPT" in text
        assert _lines(text).count("STG. GEHEIM") >= 2
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert "/AcroForm" not in reader.trailer["/Root"]
    props = read_xmp_properties(reader.trailer["/Root"]["/Metadata"].get_object().get_data())
    assert props["draft"] == "true"
    assert "signatureBox" not in props


def test_final_copy_has_no_watermark(long_copy: bytes) -> None:
    assert all("CONCEPT" not in text for text in page_texts(long_copy))


def test_reference_and_copy_are_in_the_metadata(long_copy: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(long_copy))
    info = reader.metadata
    assert info is not None
    assert info.title == "Ambtsbericht AIVD-2025-0042"
    assert "exemplaar=2/3" in str(info["/Keywords"])
    props = read_xmp_properties(reader.trailer["/Root"]["/Metadata"].get_object().get_data())
    assert props["reference"] == "AIVD-2025-0042"
    assert (props["copyNumber"], props["copyTotal"]) == ("2", "3")
    page, x1, y1, x2, y2 = props["signatureBox"].split()
    assert int(page) == len(reader.pages)
    assert float(x2) > float(x1) and float(y2) > float(y1)


def test_personal_name_stays_out_of_the_metadata() -> None:
    pdf = render_report_pdf(report(person=CYRILLIC), CopyInfo(1, 1), CTX)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert CYRILLIC not in " ".join(str(v) for v in reader.metadata.values())
    packet = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert CYRILLIC not in packet


def test_final_copy_needs_a_copy_number() -> None:
    with pytest.raises(InvalidInput):
        render_report_pdf(report(), None, CTX)


def test_signature_image_is_drawn() -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), (20, 40, 120)).save(buffer, format="PNG")
    with_image = render_report_pdf(report(signature_png=buffer.getvalue()), CopyInfo(1, 1), CTX)
    reader = pypdf.PdfReader(io.BytesIO(with_image))
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 1
    # A draft never shows the signature image.
    draft = render_report_pdf(report(signature_png=buffer.getvalue()), None, CTX, draft=True)
    assert not [i for p in pypdf.PdfReader(io.BytesIO(draft)).pages for i in p.images]


def test_broken_signature_image_does_not_stop_printing() -> None:
    pdf = render_report_pdf(report(signature_png=b"not a png"), CopyInfo(1, 1), CTX)
    assert "mr. J. de Vries" in "\n".join(page_texts(pdf))


def test_fonts_are_embedded() -> None:
    pdf = render_report_pdf(report(person=ARABIC), CopyInfo(1, 1), CTX)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        if "/DescendantFonts" in font:
            font = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]

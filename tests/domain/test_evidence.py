from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from PIL import Image

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.evidence import (
    CHUNK_SIZE,
    MAX_ITEM_BYTES,
    SNIFF_BYTES,
    EvidenceKind,
    check_size,
    chunk_count,
    chunk_ranges,
    detect_type,
    validate_evidence,
)

TODAY = dt.date(2026, 3, 2)


def _image(fmt: str, **params: object) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(buf, format=fmt, **params)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("fmt", "params", "media_type"),
    [
        ("PNG", {}, "image/png"),
        ("JPEG", {}, "image/jpeg"),
        ("GIF", {}, "image/gif"),
        ("WEBP", {}, "image/webp"),
        ("BMP", {}, "image/bmp"),
        ("TIFF", {}, "image/tiff"),
    ],
)
def test_real_images_are_detected(fmt: str, params: dict[str, object], media_type: str) -> None:
    detected = detect_type(_image(fmt, **params))
    assert detected.kind is EvidenceKind.IMAGE
    assert detected.media_type == media_type


def test_big_endian_tiff_and_gif87a() -> None:
    assert detect_type(b"MM\x00*\x00\x00\x00\x08" + b"\x00" * 20).media_type == "image/tiff"
    assert detect_type(b"GIF87a" + b"\x01\x00\x01\x00" + b"\x00" * 10).media_type == "image/gif"


def test_pdf_is_detected_at_start_and_after_junk() -> None:
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
    assert detect_type(pdf).kind is EvidenceKind.PDF
    assert detect_type(pdf).media_type == "application/pdf"
    assert detect_type(b"\x00\x01\xfe" * 10 + pdf).kind is EvidenceKind.PDF
    # Beyond the first 1024 bytes a PDF reader would not find the header either.
    assert detect_type(b"\x00\xff" * 600 + pdf).kind is EvidenceKind.OTHER


@pytest.mark.parametrize(
    "text",
    [
        "Notitie bij het ambtsbericht.\r\nTweede regel\tmet tab.\n",
        "Çelik, Ömer — geboren te İzmir",
        "محمد عبد الله",  # Arabic script
        "BMW gezien op 3 maart.",  # starts with the BMP magic "BM"
        "Het bestand begint met %PDF-1.4 maar dit is een notitie.",
        "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
    ],
)
def test_text_notes_are_text(text: str) -> None:
    assert detect_type(text.encode("utf-8")).kind is EvidenceKind.TEXT
    assert detect_type(b"\xef\xbb\xbf" + text.encode("utf-8")).kind is EvidenceKind.TEXT


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",  # a Windows executable, whatever its name
        b"PK\x03\x04\x14\x00\x06\x00",  # zip / docx
        b"plain text with a NUL\x00 in it",
        b"caf\xe9 latin-1",  # not UTF-8
        b"\x1b[31m terminal escape",
        b"",
    ],
)
def test_other_content_is_other(content: bytes) -> None:
    detected = detect_type(content)
    assert detected.kind is EvidenceKind.OTHER
    assert not detected.kind.displayable
    assert detected.media_type == "application/octet-stream"


def test_kind_comes_from_content_not_name() -> None:
    # validate_evidence has no file name at all: only bytes decide.
    meta = validate_evidence(
        title="foto.pdf",
        classification=Classification.STG_GEHEIM,
        size_bytes=len(png := _image("PNG")),
        head=png,
        today=TODAY,
    )
    assert meta.kind is EvidenceKind.IMAGE


def test_multibyte_char_cut_at_sniff_limit() -> None:
    content = ("a" * (SNIFF_BYTES - 1) + "é" + "rest").encode("utf-8")
    head = content[:SNIFF_BYTES]  # ends in the middle of "é"
    assert detect_type(head, size_bytes=len(content)).kind is EvidenceKind.TEXT
    assert detect_type(content).kind is EvidenceKind.TEXT
    # When the head is the whole content, a cut-off character means it is not valid text.
    assert detect_type(head, size_bytes=len(head)).kind is EvidenceKind.OTHER


def test_size_limit() -> None:
    check_size(1)
    check_size(MAX_ITEM_BYTES)
    with pytest.raises(InvalidInput) as info:
        check_size(MAX_ITEM_BYTES + 1)
    assert info.value.field == "file"
    assert "100 MB" in info.value.message
    assert "te groot" in info.value.message
    with pytest.raises(InvalidInput) as info:
        check_size(0)
    assert info.value.field == "file"


def test_oversize_is_refused_before_anything_else() -> None:
    with pytest.raises(InvalidInput) as info:
        validate_evidence(
            title="",
            classification=Classification.ONGERUBRICEERD,
            size_bytes=250 * 1024 * 1024,
            head=b"x",
            today=TODAY,
        )
    assert info.value.field == "file"
    assert "250,0 MB" in info.value.message


def test_validate_evidence_fields() -> None:
    meta = validate_evidence(
        title="  Tapverslag 12 ",
        classification=Classification.STG_CONFIDENTIEEL,
        size_bytes=5,
        head=b"hallo",
        today=TODAY,
        source_note=" bron: dossier 7\r\nregel 2 ",
        data_date=TODAY,
    )
    assert meta.title == "Tapverslag 12"
    assert meta.source_note == "bron: dossier 7\nregel 2"
    assert meta.data_date == TODAY
    assert meta.kind is EvidenceKind.TEXT and meta.displayable
    assert meta.size_bytes == 5
    assert meta.classification is Classification.STG_CONFIDENTIEEL


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "a\nb"}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"source_note": "y" * 2001}, "source"),
        ({"source_note": "bel\x07"}, "source"),
        ({"data_date": TODAY + dt.timedelta(days=1)}, "data_date"),
    ],
)
def test_validate_evidence_rejects(overrides: dict[str, object], field: str) -> None:
    kwargs: dict[str, object] = {
        "title": "Titel",
        "classification": Classification.ONGERUBRICEERD,
        "size_bytes": 3,
        "head": b"abc",
        "today": TODAY,
    }
    kwargs.update(overrides)
    with pytest.raises(InvalidInput) as info:
        validate_evidence(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_chunk_ranges_examples() -> None:
    assert chunk_ranges(0) == ()
    assert [(c.start, c.end) for c in chunk_ranges(10, 4)] == [(0, 4), (4, 8), (8, 10)]
    assert [(c.start, c.end) for c in chunk_ranges(8, 4)] == [(0, 4), (4, 8)]
    assert chunk_count(MAX_ITEM_BYTES) == 100
    assert chunk_ranges(CHUNK_SIZE + 1)[-1].length == 1
    with pytest.raises(ValueError):
        chunk_ranges(-1)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_chunk_ranges_cover_contiguously(size: int, chunk: int) -> None:
    assume(size // chunk <= 2000)
    ranges = chunk_ranges(size, chunk)
    assert len(ranges) == chunk_count(size, chunk) == -(-size // chunk)
    position = 0
    for index, r in enumerate(ranges):
        assert r.index == index
        assert r.start == position
        assert 0 < r.length <= chunk
        position = r.end
    assert position == size

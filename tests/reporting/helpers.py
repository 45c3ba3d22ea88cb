"""Shared builders for the reporting tests (no conftest: import what you need)."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from functools import cache

import pypdf
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from desktop_app.domain.classification import Classification
from desktop_app.reporting.models import Finding, PrintContext, ReportDocument
from desktop_app.security import pki

NOW = dt.datetime(2025, 3, 12, 13, 5, tzinfo=dt.UTC)
AUDIT_HEAD = "1234:ab12cd34ef56" + "0" * 52
CTX = PrintContext(audit_head=AUDIT_HEAD, printed_at=NOW)

LATIN = "Çelik"
CYRILLIC = "Иванов"
GREEK = "Παπαδόπουλος"
ARABIC = "محمد العلي"


def finding(number: int, repeat: int = 3) -> Finding:
    text = (
        f"Bevinding {number}: betrokkene verbleef in de periode 2019–2023 in kringen die "
        "aanleiding geven tot zorg over de nationale veiligheid. "
    ) * repeat
    return Finding(
        text=text,
        reliability="betrouwbaar" if number % 2 else "niet vast te stellen",
        source=f"eigen onderzoek, document 2023-{number:03d}",
        dated=dt.date(2021, 5, 1),
    )


def report(
    *,
    findings: int = 2,
    person: str = f"{LATIN} {CYRILLIC}",
    classification: Classification = Classification.STG_GEHEIM,
    signature_png: bytes | None = None,
    repeat: int = 3,
) -> ReportDocument:
    return ReportDocument(
        reference="AIVD-2025-0042",
        date=dt.date(2025, 3, 12),
        subject="Ambtsbericht inzake betrokkene",
        classification=classification,
        signer_name="mr. J. de Vries",
        signer_function="directeur Inlichtingen",
        subject_person_name=person,
        your_reference="IND-2025-117",
        occasion="Naar aanleiding van uw verzoek van 3 februari 2025 deel ik u het volgende mee.",
        findings=tuple(finding(i, repeat) for i in range(1, findings + 1)),
        conclusion="Op grond van het bovenstaande is betrokkene een gevaar voor de nationale "
        "veiligheid.",
        signature_png=signature_png,
    )


@cache
def workstation_pki(label: str = "WS-01") -> pki.WorkstationPki:
    return pki.create_workstation_pki(label, NOW - dt.timedelta(days=1))


def page_texts(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.extract_text() for page in reader.pages]


def nfkc(text: str) -> str:
    """Arabic presentation forms back to letters, no-break spaces to spaces."""
    return unicodedata.normalize("NFKC", text)


def signature_appearance_text(pdf: bytes) -> str:
    """The text drawn in the signature field's appearance (pypdf only reads page content, so
    the appearance is painted on a scratch page and read from there)."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/FT") != "/Sig":
                continue
            resources = DictionaryObject(
                {
                    NameObject("/XObject"): DictionaryObject(
                        {NameObject("/SigAP"): annot["/AP"].raw_get("/N")}
                    )
                }
            )
            stream = DecodedStreamObject()
            stream.set_data(b"q /SigAP Do Q")
            page[NameObject("/Resources")] = resources
            page[NameObject("/Contents")] = writer._add_object(stream)
            return page.extract_text()
    return ""


def signature_rect(pdf: bytes) -> tuple[int, tuple[float, float, float, float]] | None:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    for index, page in enumerate(reader.pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/FT") == "/Sig":
                x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
                return index, (x1, y1, x2, y2)
    return None

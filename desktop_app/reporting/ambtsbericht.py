"""The ambtsbericht: a letter from the AIVD to the IND in the style of a government letter."""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop_app.domain.classification import duration_text, marking_lines
from desktop_app.domain.clock import dutch_date
from desktop_app.domain.errors import InvalidInput
from desktop_app.reporting.fonts import REGULAR, visual
from desktop_app.reporting.layout import (
    GREY,
    LEFT,
    PAGE_HEIGHT,
    DocumentSetup,
    Furniture,
    SignatureSlot,
    Styles,
    build_pdf,
    make_styles,
    para,
    paragraphs,
    table_style,
)
from desktop_app.reporting.models import AIVD, CopyInfo, Finding, PrintContext, ReportDocument

MAIN_WIDTH = 340.0
COLOFON_X = 452.0
COLOFON_WIDTH = 100.0
FIRST_PAGE_TOP = PAGE_HEIGHT - 262.0

SIGNATURE_FORMULA = (
    "De minister van Binnenlandse Zaken en Koninkrijksrelaties,\n"
    "namens deze,\n"
    "het hoofd van de Algemene Inlichtingen- en Veiligheidsdienst,"
)


def render_report_pdf(
    doc: ReportDocument, copy: CopyInfo | None, ctx: PrintContext, *, draft: bool = False
) -> bytes:
    """One printed copy (or the draft) of an ambtsbericht as PDF bytes, not yet signed.

    A final copy reserves a signature field next to the signature block; a draft carries the
    CONCEPT watermark and no signature (image or field).
    """
    if not draft and copy is None:
        raise InvalidInput("Een definitief exemplaar heeft een exemplaarnummer nodig.")
    if not doc.reference.strip():
        raise InvalidInput("Het ambtsbericht heeft geen kenmerk.", field="reference")
    styles = make_styles()
    marking, marking_note = marking_lines(doc.classification, doc.classification_duration)
    furniture = Furniture(
        marking=marking,
        marking_note=marking_note,
        reference=doc.reference,
        printed_at=ctx.printed_at,
        copy=copy,
        audit_head=ctx.audit_head,
        draft=draft,
    )
    xmp = {
        "documentType": "ambtsbericht",
        "reference": doc.reference,
        "classification": doc.classification.code,
        "draft": "true" if draft else "false",
        "classificationDuration": duration_text(doc.classification_duration),
    }
    if copy is not None:
        xmp["copyNumber"] = str(copy.number)
        xmp["copyTotal"] = str(copy.total)
        if copy.recipient:
            xmp["copyRecipient"] = copy.recipient
        xmp["signerName"] = doc.signer_name
        if doc.signed_at is not None:
            xmp["signedAt"] = doc.signed_at.astimezone(dt.UTC).isoformat(timespec="seconds")
        xmp["printedAt"] = ctx.printed_at.astimezone(dt.UTC).isoformat(timespec="seconds")
        if ctx.printed_by:
            xmp["printedBy"] = ctx.printed_by
    copy_text = f" · {copy.label}" if copy is not None else ""
    setup = DocumentSetup(
        furniture=furniture,
        title=f"Ambtsbericht {doc.reference}",
        subject=f"Ambtsbericht{copy_text}{' (concept)' if draft else ''}",
        keywords=(
            f"kenmerk={doc.reference}; "
            + (f"exemplaar={copy.number}/{copy.total}; " if copy is not None else "")
            + f"rubricering={doc.classification.marking}"
        ),
        xmp=xmp,
        first_page_top=FIRST_PAGE_TOP,
        frame_width=MAIN_WIDTH,
        first_page_extras=lambda canvas: _first_page(canvas, doc, copy, styles),
        later_page_extras=lambda canvas: _later_page(canvas, doc, styles),
    )
    story = _story(doc, styles, setup, draft)
    return build_pdf(setup, story)


def _story(doc: ReportDocument, s: Styles, setup: DocumentSetup, draft: bool) -> list[Flowable]:
    story: list[Flowable] = []
    head_rows = [
        [Paragraph("Datum", s.label), para(dutch_date(doc.date), s.body)],
        [Paragraph("Betreft", s.label), para(doc.subject, s.body)],
    ]
    head = Table(head_rows, colWidths=[52, MAIN_WIDTH - 52], hAlign="LEFT")
    head.setStyle(_plain_table())
    story += [head, Spacer(1, 16)]

    if doc.occasion.strip():
        story.append(Paragraph("Aanleiding", s.heading))
        story += paragraphs(doc.occasion, s.body)
    if doc.subject_person_name.strip():
        story.append(Paragraph("Betrokkene", s.heading))
        # The name ends its line: text extraction then keeps right-to-left names whole. Name,
        # date of birth and V-number together identify the person to the IND.
        story.append(para(doc.subject_person_name, s.body))
        identity = []
        if doc.subject_birth_date is not None:
            identity.append(f"Geboortedatum: {dutch_date(doc.subject_birth_date)}")
        if doc.subject_v_number.strip():
            identity.append(f"V-nummer: {doc.subject_v_number.strip()}")
        if identity:
            story.append(para("\n".join(identity), s.body))
    if doc.findings:
        story.append(Paragraph("Bevindingen", s.heading))
        for number, finding in enumerate(doc.findings, start=1):
            story += _finding(number, finding, s)
    elif doc.body_text.strip():
        story += paragraphs(doc.body_text, s.body)
    if doc.conclusion.strip():
        story.append(Paragraph("Conclusie", s.heading))
        story += paragraphs(doc.conclusion, s.body)
    if doc.special_case.strip():  # the signer's decision on old or unverifiable data (Wiv)
        story.append(Paragraph("Bijzonder geval", s.heading))
        story += paragraphs(doc.special_case, s.body)

    # The signature never stands alone on a page: it goes with the last paragraph (and that
    # paragraph's heading, or the finding its note belongs to).
    tail = _last_block(story, s)
    story.append(KeepTogether([*tail, Spacer(1, 14), *_signature_block(doc, s, setup, draft)]))
    return story


def _last_block(story: list[Flowable], s: Styles) -> list[Flowable]:
    """Take the last paragraph off ``story`` with what must stay with it."""
    if len(story) <= 2:  # only the head table and its spacer: nothing to keep with
        return []
    tail = [story.pop()]
    note_or_gap = isinstance(tail[0], Spacer) or (
        isinstance(tail[0], Paragraph) and tail[0].style.name == s.finding_note.name
    )
    if note_or_gap and len(story) > 2:
        tail.insert(0, story.pop())
    last = story[-1]
    if len(story) > 2 and isinstance(last, Paragraph) and last.style.name == s.heading.name:
        tail.insert(0, story.pop())
    return tail


def _finding(number: int, finding: Finding, s: Styles) -> list[Flowable]:
    notes = []
    if finding.reliability.strip():
        notes.append(f"Betrouwbaarheid: {finding.reliability.strip()}")
    if finding.source.strip():
        notes.append(f"Bron: {finding.source.strip()}")
    if finding.dated is not None:
        notes.append(f"Datering: {dutch_date(finding.dated)}")
    out: list[Flowable] = [para(finding.text, s.finding, bulletText=f"{number}.")]
    if notes:
        out.append(para(" · ".join(notes), s.finding_note))
    else:
        out.append(Spacer(1, 6))
    return out


def _signature_block(
    doc: ReportDocument, s: Styles, setup: DocumentSetup, draft: bool
) -> list[Flowable]:
    image = None
    if doc.signature_png and not draft:
        image = _signature_image(doc.signature_png)
    slot = SignatureSlot(
        MAIN_WIDTH,
        64,
        setup.state,
        image=image,
        reserve_signature=not draft,
        placeholder="(concept – niet ondertekend)" if draft else "",
        placeholder_style=s.note,
    )
    return [
        para(SIGNATURE_FORMULA, s.body),
        Spacer(1, 4),
        slot,
        Spacer(1, 6),
        para(doc.signer_name, s.heading),
        *([para(doc.signer_function, s.body)] if doc.signer_function.strip() else []),
    ]


def _signature_image(png: bytes) -> Flowable:
    try:
        reader = ImageReader(io.BytesIO(png))
        width, height = reader.getSize()
    except Exception:  # a broken image must not stop printing: the PDF signature counts
        return Spacer(1, 1)
    scale = min(140.0 / width, 58.0 / height, 1.0)
    return Image(io.BytesIO(png), width=width * scale, height=height * scale)


def _plain_table() -> TableStyle:
    return table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    )


def _colofon(canvas: Canvas, blocks: list[Flowable], top: float) -> None:
    y = top
    for block in blocks:
        _, height = block.wrap(COLOFON_WIDTH, 200)
        y -= height
        block.drawOn(canvas, COLOFON_X, y)


def _first_page(canvas: Canvas, doc: ReportDocument, copy: CopyInfo | None, s: Styles) -> None:
    _, marking_note = marking_lines(doc.classification, doc.classification_duration)
    canvas.saveState()
    canvas.setFont(REGULAR, 6.5)
    canvas.setFillColor(GREY)
    canvas.drawString(
        LEFT, PAGE_HEIGHT - 165, visual("> Retouradres " + " ".join(doc.sender_address))
    )
    canvas.setFillColor(colors.black)
    canvas.setFont(REGULAR, 9.5)
    y = PAGE_HEIGHT - 182
    for line in doc.addressee:
        canvas.drawString(LEFT, y, visual(line))
        y -= 13
    canvas.restoreState()

    blocks: list[Flowable] = [para(AIVD, s.colofon_label)]
    blocks += [para(line, s.colofon) for line in doc.sender_address]
    blocks.append(Spacer(1, 9))
    blocks += _colofon_item("Ons kenmerk", doc.reference, s)
    if doc.your_reference.strip():
        blocks += _colofon_item("Uw kenmerk", doc.your_reference, s)
    blocks += _colofon_item("Rubricering", doc.classification.marking, s)
    if marking_note is not None:
        blocks += _colofon_item("Rubriceringsduur", duration_text(doc.classification_duration), s)
    if copy is not None:
        blocks += _colofon_item("Exemplaar", f"{copy.number} van {copy.total}", s)
        if copy.recipient:
            blocks += _colofon_item("Voor", copy.recipient, s)
    _colofon(canvas, blocks, PAGE_HEIGHT - 158)


def _later_page(canvas: Canvas, doc: ReportDocument, s: Styles) -> None:
    blocks: list[Flowable] = []
    blocks += _colofon_item("Datum", dutch_date(doc.date), s)
    blocks += _colofon_item("Ons kenmerk", doc.reference, s)
    _colofon(canvas, blocks, PAGE_HEIGHT - 58)


def _colofon_item(label: str, value: str, s: Styles) -> list[Flowable]:
    return [para(label, s.colofon_label), para(value, s.colofon), Spacer(1, 7)]

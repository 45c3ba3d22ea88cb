"""The house style shared by every printed document: A4, letterhead, markings, footer, watermark.

Page furniture that needs the page count ("pagina x van y") is drawn when the document is
saved: the canvas keeps each finished page's state and replays it once the total is known
(one layout pass instead of two).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html import unescape
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from desktop_app.domain import timefmt
from desktop_app.domain.classification import Classification
from desktop_app.reporting.fonts import BOLD, REGULAR, markup, register_fonts, visual
from desktop_app.reporting.models import AIVD, CopyInfo

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 70.0
RIGHT_EDGE = PAGE_WIDTH - 62.0
FRAME_BOTTOM = 70.0
LATER_TOP = PAGE_HEIGHT - 58.0
LETTERHEAD_BOTTOM = PAGE_HEIGHT - 122.0

RIJKSBLAUW = colors.HexColor("#154273")
GREY = colors.HexColor("#555555")
LIGHT_GREY = colors.HexColor("#888888")

MINISTRY_LINES = ("Ministerie van Binnenlandse Zaken en", "Koninkrijksrelaties")

XMP_NAMESPACE = "urn:convenantwerkplek:pdf:1.0/"

# -- formatting -------------------------------------------------------------------------------


def local_datetime(when: dt.datetime) -> str:
    """'12 maart 2025, 14:05' in Amsterdam civil time: the window shows the same moment
    through the same module (domain.timefmt)."""
    return timefmt.prose_datetime(when)


def short_audit_head(head: str) -> str:
    """'1234:ab12cd34ef56…' from 'SEQ:HASH' (the full hash does not fit a footer)."""
    seq, sep, digest = head.partition(":")
    if sep and len(digest) > 12:
        return f"{seq}:{digest[:12]}…"
    return head if len(head) <= 28 else head[:27] + "…"


def duration_text(seconds: int) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} u {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s" if secs else f"{minutes} min"
    return f"{secs} s"


# -- styles -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    label: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    finding: ParagraphStyle
    finding_note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_right_bold: ParagraphStyle
    colofon: ParagraphStyle
    colofon_label: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        bulletFontName=REGULAR,
        fontSize=9.5,
        leading=13.5,
        alignment=TA_LEFT,
        spaceAfter=6,
    )
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, spaceAfter=0),
        note=ParagraphStyle(
            "note", parent=body, fontSize=8, leading=10.5, textColor=GREY, spaceAfter=4
        ),
        label=ParagraphStyle(
            "label", parent=body, fontSize=7.5, leading=13.5, textColor=GREY, spaceAfter=0
        ),
        heading=ParagraphStyle(
            "heading", parent=body, fontName=BOLD, spaceBefore=8, spaceAfter=4, keepWithNext=1
        ),
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=13, leading=17, spaceAfter=10
        ),
        finding=ParagraphStyle("finding", parent=body, leftIndent=20, bulletIndent=0, spaceAfter=1),
        finding_note=ParagraphStyle(
            "finding_note",
            parent=body,
            leftIndent=20,
            fontSize=8,
            leading=10.5,
            textColor=GREY,
            spaceAfter=7,
        ),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        cell_bold=ParagraphStyle(
            "cell_bold", parent=body, fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0
        ),
        cell_right=ParagraphStyle(
            "cell_right", parent=body, fontSize=8.5, leading=11, spaceAfter=0, alignment=TA_RIGHT
        ),
        cell_right_bold=ParagraphStyle(
            "cell_right_bold",
            parent=body,
            fontName=BOLD,
            fontSize=8.5,
            leading=11,
            spaceAfter=0,
            alignment=TA_RIGHT,
        ),
        colofon=ParagraphStyle("colofon", parent=body, fontSize=7, leading=9.2, spaceAfter=0),
        colofon_label=ParagraphStyle(
            "colofon_label", parent=body, fontName=BOLD, fontSize=7, leading=9.2, spaceAfter=0
        ),
    )


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """Table styles start from our font: reportlab's default cell font is a bare Helvetica."""
    return TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 9.5), *commands])


# A table of rows (people, actions, figures, items inspected): a blue rule under the header
# row, thin grey rules between the rows.
ROW_RULES: tuple[tuple[Any, ...], ...] = (
    ("LINEBELOW", (0, 0), (-1, 0), 0.8, RIJKSBLAUW),
    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#cccccc")),
)


def grid_style() -> TableStyle:
    """A record's list of rows, each row's text starting at the top."""
    return table_style(
        *ROW_RULES,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    )


def grid_table(
    styles: Styles,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float | None],
) -> Table:
    """A record's list of rows (people, actions, items inspected) over the full width: a bold
    header row, repeated on every page, above one line of cells per row, in the
    ``grid_style``. The column whose width is None takes what the others leave."""
    rest = FULL_WIDTH
    for width in widths:
        rest -= width or 0
    cells: list[list[Flowable]] = [[Paragraph(text, styles.cell_bold) for text in header]]
    cells += [[para(text, styles.cell) for text in row] for row in rows]
    column_widths = [rest if width is None else width for width in widths]
    table = Table(cells, colWidths=column_widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(grid_style())
    return table


def meta_table(
    rows: Sequence[tuple[str, str]], *, label_width: float = 70, row_padding: float | None = None
) -> Table:
    """Label/value lines under a title (period, "stand per", drawn up; who inspected what,
    when). ``row_padding``: the cells' top and bottom padding, None for the table's own."""
    styles = make_styles()
    meta = Table(
        [[Paragraph(label, styles.label), para(value, styles.body)] for label, value in rows],
        colWidths=[label_width, FULL_WIDTH - label_width],
        hAlign="LEFT",
    )
    padding: tuple[tuple[Any, ...], ...] = ()
    if row_padding is not None:
        padding = (
            ("BOTTOMPADDING", (0, 0), (-1, -1), row_padding),
            ("TOPPADDING", (0, 0), (-1, -1), row_padding),
        )
    meta.setStyle(
        table_style(
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP"), *padding
        )
    )
    return meta


def para(text: str, style: ParagraphStyle, **kwargs: Any) -> Paragraph:
    return Paragraph(markup(text), style, **kwargs)


def opening(styles: Styles, title: str, intro: str) -> list[Flowable]:
    """How every record starts: its title and one paragraph saying what it is."""
    return [Paragraph(title, styles.title), para(intro, styles.body)]


def section(
    styles: Styles,
    heading: str,
    content: Sequence[Flowable],
    if_none: str,
    none_style: ParagraphStyle | None = None,
) -> list[Flowable]:
    """A record's part under its heading: ``content``, or when that is empty the sentence
    ``if_none`` saying there is nothing ("Geen besluiten vastgelegd."), in ``none_style`` (the
    note style unless given)."""
    body = list(content) or [para(if_none, none_style or styles.note)]
    return [Paragraph(heading, styles.heading), *body]


def paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Blank lines separate paragraphs; single newlines are kept as line breaks."""
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    return [para(b, style) for b in blocks if b.strip()]


# -- metadata -----------------------------------------------------------------------------------


def xmp_packet(title: str, properties: Mapping[str, str]) -> bytes:
    """A small XMP packet with the document's own properties (read back by verification)."""
    props = "".join(
        f"   <cwp:{name}>{escape(value)}</cwp:{name}>\n" for name, value in properties.items()
    )
    text = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        f'    xmlns:cwp="{XMP_NAMESPACE}">\n'
        f'   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li>'
        "</rdf:Alt></dc:title>\n"
        f"   <dc:creator><rdf:Seq><rdf:li>{escape(AIVD)}</rdf:li></rdf:Seq></dc:creator>\n"
        f"{props}"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="r"?>'
    )
    return text.encode("utf-8")


def read_xmp_properties(packet: bytes) -> dict[str, str]:
    """Our own properties from an XMP packet, as elements or as attributes (pyHanko writes
    simple values as attributes when it re-serialises the packet). Anything else is ignored."""
    text = packet.decode("utf-8", errors="replace")
    prefixes = re.findall(r'xmlns:([A-Za-z_][\w.-]*)="' + re.escape(XMP_NAMESPACE) + '"', text)
    found: dict[str, str] = {}
    for prefix in prefixes:
        p = re.escape(prefix)
        for m in re.finditer(rf"<{p}:([A-Za-z]+)>([^<]*)</{p}:\1>", text):
            found[m.group(1)] = unescape(m.group(2))
        for m in re.finditer(rf'\s{p}:([A-Za-z]+)="([^"]*)"', text):
            found[m.group(1)] = unescape(m.group(2))
    return found


# -- page furniture -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Furniture:
    """What every page carries."""

    marking: str
    reference: str
    printed_at: dt.datetime
    copy: CopyInfo | None = None
    audit_head: str | None = None
    draft: bool = False
    reference_label: str = "Ons kenmerk"
    marking_note: str | None = None
    """How long the marking holds, printed under it at the top and bottom of every page."""


@dataclass
class LayoutState:
    """Filled while the story is drawn (where the signature field goes)."""

    signature_box: tuple[int, float, float, float, float] | None = None


@dataclass(frozen=True)
class DocumentSetup:
    furniture: Furniture
    title: str
    subject: str
    keywords: str
    xmp: Mapping[str, str]
    first_page_top: float
    frame_width: float
    first_page_extras: Callable[[Canvas], None] | None = None
    later_page_extras: Callable[[Canvas], None] | None = None
    state: LayoutState = field(default_factory=LayoutState)


# The width of a page's text between the margins (records without the report's side column).
FULL_WIDTH = RIGHT_EDGE - LEFT


def record_setup(
    classification: Classification,
    *,
    reference: str,
    printed_at: dt.datetime,
    audit_head: str | None,
    title: str,
    subject: str,
    keywords: str,
    document_type: str,
    reference_label: str = "",
    more_xmp: Mapping[str, str] | None = None,
) -> DocumentSetup:
    """A record that is never a draft and never signed (the consultation report, the
    statistics, the record of an inspection): the text over the full width under the
    letterhead. ``more_xmp`` stands between the reference and the classification."""
    return DocumentSetup(
        furniture=Furniture(
            marking=classification.marking,
            reference=reference,
            printed_at=printed_at,
            audit_head=audit_head,
            reference_label=reference_label,
        ),
        title=title,
        subject=subject,
        keywords=keywords,
        xmp={
            "documentType": document_type,
            "reference": reference,
            **(more_xmp or {}),
            "classification": classification.code,
            "draft": "false",
        },
        first_page_top=LETTERHEAD_BOTTOM - 30,
        frame_width=FULL_WIDTH,
    )


def draw_marking(canvas: Canvas, marking: str, y: float, note: str | None = None) -> None:
    """The marking, and under it (smaller) how long it holds."""
    canvas.setFont(BOLD, 10)
    canvas.setFillColor(colors.black)
    canvas.drawCentredString(PAGE_WIDTH / 2, y, marking)
    if note:
        canvas.setFont(REGULAR, 7)
        canvas.drawCentredString(PAGE_WIDTH / 2, y - 9, visual(note))


def draw_letterhead(canvas: Canvas) -> None:
    """Rijkshuisstijl-like: the ribbon in the middle, the word mark to its right."""
    ribbon_width = 26.0
    ribbon_x = PAGE_WIDTH / 2 - ribbon_width / 2
    canvas.setFillColor(RIJKSBLAUW)
    canvas.rect(ribbon_x, PAGE_HEIGHT - 112, ribbon_width, 72, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    x = ribbon_x + ribbon_width + 9
    canvas.setFont(REGULAR, 8.5)
    canvas.drawString(x, PAGE_HEIGHT - 96, MINISTRY_LINES[0])
    canvas.drawString(x, PAGE_HEIGHT - 106.5, MINISTRY_LINES[1])
    canvas.setFont(BOLD, 8.5)
    canvas.drawString(x, PAGE_HEIGHT - 119, AIVD)


def _draw_watermark(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.28))
    canvas.setFont(BOLD, 112)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(52)
    canvas.drawCentredString(0, -40, "CONCEPT")
    canvas.restoreState()


def _draw_furniture(canvas: Canvas, furniture: Furniture, page: int, total: int) -> None:
    canvas.saveState()
    draw_marking(canvas, furniture.marking, PAGE_HEIGHT - 26, furniture.marking_note)
    draw_marking(canvas, furniture.marking, 22, furniture.marking_note)
    canvas.setStrokeColor(LIGHT_GREY)
    canvas.setLineWidth(0.4)
    canvas.line(LEFT, 56, RIGHT_EDGE, 56)
    canvas.setFillColor(GREY)
    canvas.setFont(REGULAR, 7)
    parts = [f"{furniture.reference_label} {furniture.reference}".strip()]
    if furniture.copy is not None:
        parts.append(furniture.copy.label)
    if furniture.draft:
        parts.append("CONCEPT – niet ondertekend")
    if furniture.audit_head:
        parts.append(f"audit {short_audit_head(furniture.audit_head)}")
    canvas.drawString(LEFT, 45, visual("   ·   ".join(parts)))
    canvas.drawRightString(RIGHT_EDGE, 45, f"pagina {page} van {total}")
    second = f"afgedrukt {local_datetime(furniture.printed_at)}"
    if furniture.copy is not None and furniture.copy.recipient:
        second += f"   ·   voor: {furniture.copy.recipient}"
    canvas.drawString(LEFT, 36, visual(second))
    canvas.restoreState()


class SignatureSlot(Flowable):  # type: ignore[misc]
    """Reserves room for the visible signature and records where it ended up."""

    def __init__(
        self,
        width: float,
        height: float,
        state: LayoutState,
        image: Flowable | None = None,
        reserve_signature: bool = True,
        placeholder: str = "",
        placeholder_style: ParagraphStyle | None = None,
    ) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self._state = state
        self._image = image
        self._reserve = reserve_signature
        self._placeholder = placeholder
        self._placeholder_style = placeholder_style

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x_offset = 0.0
        if self._image is not None:
            w, h = self._image.wrap(self.width, self.height)
            self._image.drawOn(self.canv, 0, (self.height - h) / 2)
            x_offset = w + 12
        if self._placeholder and self._placeholder_style is not None:
            p = para(self._placeholder, self._placeholder_style)
            _, h = p.wrap(self.width - x_offset, self.height)
            p.drawOn(self.canv, x_offset, (self.height - h) / 2)
        if self._reserve:
            box_width = min(205.0, self.width - x_offset)
            x1, y1 = self.canv.absolutePosition(x_offset, 0)
            x2, y2 = self.canv.absolutePosition(x_offset + box_width, self.height)
            self._state.signature_box = (self.canv.getPageNumber(), x1, y1, x2, y2)


def _furniture_canvas(
    furniture: Furniture, on_save: Callable[[Canvas], None]
) -> Callable[..., Canvas]:
    class FurnitureCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._finished_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._finished_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._finished_pages)
            for number, page_state in enumerate(self._finished_pages, start=1):
                self.__dict__.update(page_state)
                _draw_furniture(self, furniture, number, total)
                Canvas.showPage(self)
            on_save(self)
            Canvas.save(self)

    return FurnitureCanvas


def build_pdf(setup: DocumentSetup, story: Sequence[Flowable]) -> bytes:
    """Lay out ``story`` in the house style and return the PDF bytes."""
    register_fonts()
    furniture = setup.furniture
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=PAGE_WIDTH - RIGHT_EDGE,
        topMargin=PAGE_HEIGHT - LATER_TOP,
        bottomMargin=FRAME_BOTTOM,
        title=setup.title,
        author=AIVD,
        subject=setup.subject,
        keywords=setup.keywords,
        creator="Convenantwerkplek",
        producer="Convenantwerkplek (ReportLab)",
        invariant=1,
        lang="nl-NL",
        # Otherwise every page lists a non-embedded Helvetica.
        initialFontName=REGULAR,
        initialFontSize=9.5,
    )
    first_frame = Frame(
        LEFT,
        FRAME_BOTTOM,
        setup.frame_width,
        setup.first_page_top - FRAME_BOTTOM,
        id="first",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    later_frame = Frame(
        LEFT,
        FRAME_BOTTOM,
        setup.frame_width,
        LATER_TOP - FRAME_BOTTOM,
        id="later",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def on_first(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if furniture.draft:
            _draw_watermark(canvas)
        draw_letterhead(canvas)
        if setup.first_page_extras is not None:
            setup.first_page_extras(canvas)

    def on_later(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if furniture.draft:
            _draw_watermark(canvas)
        if setup.later_page_extras is not None:
            setup.later_page_extras(canvas)

    doc.addPageTemplates(
        [
            PageTemplate(
                id="First", frames=[first_frame], onPage=on_first, autoNextPageTemplate="Later"
            ),
            PageTemplate(id="Later", frames=[later_frame], onPage=on_later),
        ]
    )

    def on_save(canvas: Canvas) -> None:
        stamp = furniture.printed_at.astimezone(dt.UTC)
        canvas.setDateFormatter(lambda *_: stamp.strftime("D:%Y%m%d%H%M%S+00'00'"))
        properties = dict(setup.xmp)
        box = setup.state.signature_box
        if box is not None:
            page, x1, y1, x2, y2 = box
            properties["signatureBox"] = f"{page} {x1:.2f} {y1:.2f} {x2:.2f} {y2:.2f}"
        stream = PDFStream(
            dictionary=PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
            content=xmp_packet(setup.title, properties),
            filters=[],
        )
        canvas.setCatalogEntry("Metadata", stream)

    doc.build(list(story), canvasmaker=_furniture_canvas(furniture, on_save))
    return buffer.getvalue()

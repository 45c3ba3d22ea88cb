"""'Verslag van inzage': the record of an inspection of underlying data (art. 2.5)."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from desktop_app.reporting.layout import (
    build_pdf,
    duration_text,
    grid_table,
    local_datetime,
    make_styles,
    meta_table,
    opening,
    para,
    paragraphs,
    record_setup,
    section,
)
from desktop_app.reporting.models import InspectionRecord, PrintContext


def render_inspection_record_pdf(record: InspectionRecord, ctx: PrintContext) -> bytes:
    """Who inspected which items of which report, when and for how long, and their notes."""
    styles = make_styles()
    reference = record.record_reference or record.report_reference
    setup = record_setup(
        record.classification,
        reference=reference,
        printed_at=ctx.printed_at,
        audit_head=ctx.audit_head,
        reference_label="Kenmerk",
        title=f"Verslag van inzage {reference}",
        subject="Verslag van inzage van onderliggende gegevens (art. 2.5 convenant)",
        keywords=f"inzage; kenmerk={record.report_reference}",
        document_type="verslag-van-inzage",
        more_xmp={"reportReference": record.report_reference},
    )
    total_seconds = sum(item.viewed_seconds for item in record.items)
    if record.ended_at is not None:
        end_text = local_datetime(record.ended_at)
        span = int((record.ended_at - record.started_at).total_seconds())
        duration = f"{duration_text(span)} (waarvan {duration_text(total_seconds)} bekeken)"
    else:
        end_text = "niet afgesloten"
        duration = f"{duration_text(total_seconds)} bekeken"
    rows: list[tuple[str, str]] = [("Inzage door", record.inspector_name)]
    if record.designation_reference:
        rows.append(("Aanwijzingsbesluit", record.designation_reference))
    report = record.report_reference
    if record.report_subject:
        report = f"{record.report_reference} – {record.report_subject}"
    rows.append(("Ambtsbericht", report))
    if record.workstation:
        rows.append(("Werkplek", record.workstation))
    rows += [
        ("Begin", local_datetime(record.started_at)),
        ("Einde", end_text),
        ("Duur", duration),
    ]
    rows += list(record.extra_lines)
    head = meta_table(rows, label_width=95, row_padding=1)
    story: list[Flowable] = [
        *opening(
            styles,
            "Verslag van inzage",
            "Inzage ten kantore van de AIVD in de onderliggende gegevens van een uitgebracht "
            "ambtsbericht (artikel 2.5 van het convenant).",
        ),
        Spacer(1, 4),
        head,
        Spacer(1, 14),
    ]
    item_rows: list[tuple[str, ...]] = []
    for number, item in enumerate(record.items, start=1):
        title = item.title
        if item.source_note:
            title = f"{item.title}\nBron: {item.source_note}"
        item_rows.append(
            (
                str(number),
                title,
                item.classification.marking,
                local_datetime(item.opened_at) if item.opened_at is not None else "–",
                duration_text(item.viewed_seconds),
            )
        )
    header = ("Nr.", "Stuk", "Rubricering", "Geopend", "Duur")
    widths = (24, None, 112, 92, 60)
    items = [grid_table(styles, header, item_rows, widths)] if item_rows else []
    story += section(styles, "Ingezien", items, "Er zijn geen stukken geopend.", styles.body)
    notes = paragraphs(record.notes, styles.body)
    story += section(
        styles, "Aantekeningen van de inzager", notes, "Geen aantekeningen.", styles.body
    )
    story += [
        Spacer(1, 10),
        para(
            "Dit verslag is opgesteld door de Convenantwerkplek uit de vastgelegde "
            "inzagesessie. Tijdens de inzage kon niets worden gekopieerd, afgedrukt of "
            "opgeslagen.",
            styles.note,
        ),
    ]
    return build_pdf(setup, story)

"""The statistics report for the heads' periodic consultation (art. 3.2 of the covenant)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from desktop_app.domain.classification import Classification
from desktop_app.domain.clock import dutch_date
from desktop_app.reporting.fonts import REGULAR, visual
from desktop_app.reporting.layout import (
    FULL_WIDTH,
    RIJKSBLAUW,
    ROW_RULES,
    build_pdf,
    local_datetime,
    make_styles,
    meta_table,
    opening,
    para,
    record_setup,
    table_style,
)

# Labels for the figures of cli.md "Shapes" (domain.statistics.STATISTICS_KEYS); unknown keys
# are printed as they come.
STATISTICS_LABELS: Mapping[str, str] = {
    "requests_received": "Verzoeken ontvangen",
    "requests_closed": "Verzoeken afgehandeld",
    "on_time": "Binnen de termijn afgehandeld",
    "late_with_notice": "Te laat, met uitstelbericht",
    "late_without_notice": "Te laat, zonder uitstelbericht",
    "overdue_open": "Nog open na de termijn",
    "median_working_days": "Mediane behandelduur (werkdagen)",
    "reports_issued": "Ambtsberichten uitgebracht",
    "inspections": "Inzages gehouden",
    "provisions_aivd_to_ind": "Verstrekkingen AIVD aan IND",
    "provisions_ind_to_aivd": "Verstrekkingen IND aan AIVD",
    "closed_with_report": "Afgesloten met ambtsbericht",
    "closed_no_data": "Afgesloten zonder gegevens",
    "report_on_time": "Ambtsbericht binnen de termijn",
    "report_late_with_notice": "Ambtsbericht te laat, met uitstelbericht",
    "report_late_without_notice": "Ambtsbericht te laat, zonder uitstelbericht",
    "no_data_on_time": "Zonder gegevens, binnen de termijn",
    "no_data_late": "Zonder gegevens, na de termijn",
    "late_with_notice_recorded_afterwards": "Waarvan uitstelbericht achteraf vastgelegd",
    "as_of": "Stand per (peilmoment)",
}


def figure_label(key: str) -> str:
    return STATISTICS_LABELS.get(key, key.replace("_", " ").capitalize())


def _figure_text(value: int | float | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}".replace(".", ",")
    return f"{int(value):,}".replace(",", ".")


def render_statistics_pdf(
    figures: Mapping[str, int | float | None],
    period_from: dt.date,
    period_to: dt.date,
    classification: Classification,
    generated_at: dt.datetime,
    *,
    audit_head: str | None = None,
    definitions: Mapping[str, str] | None = None,
    as_of: dt.datetime | None = None,
) -> bytes:
    """Table and bar chart of the period's figures, marked like every printed document, and
    (``definitions``) what each figure counts; ``as_of``: the moment they were computed as of."""
    styles = make_styles()
    period = f"{dutch_date(period_from)} t/m {dutch_date(period_to)}"
    reference = f"Cijfers periodiek overleg {period_from:%d-%m-%Y} – {period_to:%d-%m-%Y}"
    setup = record_setup(
        classification,
        reference=reference,
        printed_at=generated_at,
        audit_head=audit_head,
        title=f"Cijfers periodiek overleg {period_from.isoformat()} – {period_to.isoformat()}",
        subject="Cijfers voor het periodiek overleg (art. 3.2 convenant)",
        keywords=f"statistiek; periode={period_from.isoformat()}/{period_to.isoformat()}",
        document_type="statistiek",
    )
    story: list[Flowable] = [
        *opening(
            styles,
            "Cijfers voor het periodiek overleg",
            "Overzicht voor het overleg van de hoofden van de AIVD en de IND "
            "(artikel 3.2 van het convenant).",
        ),
    ]
    rows = [("Periode", period)]
    if as_of is not None:
        rows.append(("Stand per", as_of_text(as_of)))
    rows.append(("Opgesteld", local_datetime(generated_at)))
    story += [meta_table(rows), Spacer(1, 12)]
    story += figure_story(figures, definitions)
    return build_pdf(setup, story)


def as_of_text(as_of: dt.datetime) -> str:
    return (
        f"{local_datetime(as_of)} (alleen wat op of vóór dit moment was vastgelegd; een "
        "afsluiting telt vanaf het begin van haar dag)"
    )


def figure_story(
    figures: Mapping[str, int | float | None],
    definitions: Mapping[str, str] | None = None,
    *,
    chart_heading: str = "Aantallen in beeld",
) -> list[Flowable]:
    """The figures' table, their bar charts and what each counts: the statistics report's
    body, reused by the consultation's report for its frozen figures."""
    styles = make_styles()
    story: list[Flowable] = []
    rows: list[list[Flowable]] = [
        [Paragraph("Onderwerp", styles.cell_bold), Paragraph("Aantal", styles.cell_right_bold)]
    ]
    for key, value in figures.items():
        rows.append(
            [para(figure_label(key), styles.cell), para(_figure_text(value), styles.cell_right)]
        )
    table = Table(rows, colWidths=[FULL_WIDTH - 110, 110], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        table_style(
            *ROW_RULES,
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        )
    )
    story += [table, Spacer(1, 18)]

    charts = _charts(figures)
    if charts:
        story.append(KeepTogether([Paragraph(chart_heading, styles.heading), charts[0]]))
        story += charts[1:]
        story.append(
            para(
                "De grafiek toont de aantallen; de mediane behandelduur en ontbrekende cijfers "
                "staan alleen in de tabel.",
                styles.note,
            )
        )
    if definitions:
        # A cohort figure and an event figure for the same period answer different questions;
        # the reader of the consultation's papers must see which is which.
        story.append(Paragraph("Wat de cijfers tellen", styles.heading))
        story += [
            para(f"{figure_label(key)}: {definitions[key]}", styles.note)
            for key in figures
            if key in definitions
        ]
    return story


def _charts(figures: Mapping[str, int | float | None]) -> list[Drawing]:
    """Bar charts of the counts, at most ``_BARS_PER_CHART`` bars each (one scale for all)."""
    # Counts only: a duration in days on the same axis would mislead.
    counts = [
        (figure_label(key), int(value))
        for key, value in figures.items()
        if isinstance(value, int) and not isinstance(value, bool) and not key.endswith("_days")
    ]
    if not counts:
        return []
    maximum = max(1, max(value for _, value in counts))
    return [
        _chart(counts[i : i + _BARS_PER_CHART], maximum)
        for i in range(0, len(counts), _BARS_PER_CHART)
    ]


_BARS_PER_CHART = 25


def _chart(counts: list[tuple[str, int]], maximum: int) -> Drawing:
    counts = list(counts)
    bar_height = 17
    label_width = 190
    height = bar_height * len(counts) + 30
    drawing = Drawing(FULL_WIDTH, height)
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 18
    chart.width = FULL_WIDTH - label_width - 20
    chart.height = bar_height * len(counts)
    # The first row at the top, as in the table.
    counts.reverse()
    chart.data = [[value for _, value in counts]]
    chart.categoryAxis.categoryNames = [visual(label) for label, _ in counts]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.forceZero = 1
    chart.bars[0].fillColor = RIJKSBLAUW
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 4
    chart.valueAxis.valueMax = maximum * 1.12
    drawing.add(chart)
    return drawing

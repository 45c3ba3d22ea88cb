"""The record of a periodic consultation (art. 3.2) for the heads of the AIVD and the IND:
participants, the period's figures as frozen at the stated moment (table and the statistics'
bar charts), decisions and action points, marked on every page like every printed document.
People who used the workstation are printed by their full name, as on every other record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop_app.domain.classification import Classification
from desktop_app.domain.clock import dutch_date
from desktop_app.domain.consultations import Consultation, Service
from desktop_app.domain.statistics import chart_figures
from desktop_app.reporting.layout import (
    build_pdf,
    grid_table,
    local_datetime,
    make_styles,
    meta_table,
    opening,
    para,
    record_setup,
    section,
)
from desktop_app.reporting.statistics import as_of_text, figure_story


def reference_of(consultation: Consultation) -> str:
    return f"Periodiek overleg {consultation.held_on:%d-%m-%Y} (nr. {consultation.id})"


def render_consultation_pdf(
    consultation: Consultation,
    classification: Classification,
    generated_at: dt.datetime,
    *,
    audit_head: str | None = None,
    full_names: Mapping[str, str],
) -> bytes:
    """``full_names``: login name -> full name for the accounts the record names (its
    ``recorded_by``); a login name missing from it is printed as it is."""
    styles = make_styles()
    c = consultation
    reference = reference_of(c)
    setup = record_setup(
        classification,
        reference=reference,
        printed_at=generated_at,
        audit_head=audit_head,
        title=f"Verslag periodiek overleg {c.held_on.isoformat()}",
        subject="Verslag van het periodiek overleg AIVD–IND (art. 3.2 convenant)",
        keywords=f"overleg; nummer={c.id}; periode={c.period_from}/{c.period_to}",
        document_type="overleg",
    )
    recorder = full_names.get(c.recorded_by, c.recorded_by)
    period = f"{dutch_date(c.period_from)} t/m {dutch_date(c.period_to)}"
    story: list[Flowable] = [
        *opening(
            styles,
            "Verslag periodiek overleg",
            "Overleg van de hoofden van de AIVD en de IND over de uitvoering van het convenant "
            "(artikel 3.2).",
        ),
        meta_table(
            [
                ("Datum", dutch_date(c.held_on)),
                ("Periode", period),
                ("Stand per", as_of_text(c.as_of)),
                ("Vastgelegd", f"{local_datetime(c.recorded_at)} door {recorder}"),
                ("Opgesteld", local_datetime(generated_at)),
            ]
        ),
        Spacer(1, 10),
        Paragraph("Deelnemers", styles.heading),
    ]
    people = grid_table(
        styles,
        ("Dienst", "Naam", "Functie"),
        [
            (service.label_nl, p.name, p.function or "")
            for service in Service
            for p in c.participants
            if p.service is service
        ],
        (60, 200, None),
    )
    story += [people, Spacer(1, 10)]

    decisions = [para(line, styles.body) for line in c.decisions.split("\n") if line.strip()]
    story += section(styles, "Besluiten", decisions, "Geen besluiten vastgelegd.")
    story.append(Spacer(1, 10))

    action_rows = [
        (
            str(a.position),
            a.description,
            a.owner,
            f"{a.due:%d-%m-%Y}",
            "open" if a.done_on is None else f"afgerond {a.done_on:%d-%m-%Y}",
        )
        for a in c.actions
    ]
    header = ("Nr.", "Actiepunt", "Eigenaar", "Streefdatum", "Stand")
    widths = (24, None, 110, 78, 104)
    actions = [grid_table(styles, header, action_rows, widths)] if action_rows else []
    story += section(styles, "Actiepunten", actions, "Geen actiepunten afgesproken.")
    story.append(Spacer(1, 12))

    story.append(Paragraph("Cijfers over de periode", styles.heading))
    story.append(
        para(
            "De cijfers zoals berekend op het peilmoment en bij het vastleggen van het overleg "
            "bewaard; latere registraties veranderen ze niet.",
            styles.note,
        )
    )
    definitions = c.figures.get("definitions")
    story += figure_story(
        chart_figures(c.figures),
        definitions if isinstance(definitions, dict) else None,
        chart_heading="Cijfers in beeld",
    )
    return build_pdf(setup, story)

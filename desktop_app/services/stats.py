"""Figures for the heads' periodic consultation (art. 3.2): on screen, as CSV and as PDF."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.roles import Role
from desktop_app.domain.statistics import (
    DEFINITIONS,
    EXTENDED_KEYS,
    STATISTICS_KEYS,
    Statistics,
    compute_statistics,
)
from desktop_app.services.session import Session
from desktop_app.storage import audit
from desktop_app.storage import calendar_days as calendar_repo
from desktop_app.storage import provisions as provision_repo
from desktop_app.storage import reports as report_repo
from desktop_app.storage import requests as request_repo
from desktop_app.storage.db import Connection
from desktop_app.storage.files import atomic_write

READERS = (Role.AIVD_SIGNER, Role.IND_LIAISON, Role.ADMIN)
# Aggregate figures about the cooperation, no personal data.
MARKING = Classification.DEP_VERTROUWELIJK


@dataclass(frozen=True)
class StatisticsExport:
    path: Path
    bytes: int


def _check_period(period_from: dt.date, period_to: dt.date) -> None:
    if period_to < period_from:
        raise InvalidInput("De einddatum ligt vóór de begindatum.", field="to")
    if (period_to - period_from).days > 366 * 20:
        raise InvalidInput("Kies een periode van hoogstens twintig jaar.", field="from")


def _reports_issued(conn: Connection, period_from: dt.date, period_to: dt.date) -> int:
    if not request_repo.table_exists(conn, "reports"):
        return 0
    return report_repo.count_issued_between(conn, period_from, period_to)


def _inspections(conn: Connection, period_from: dt.date, period_to: dt.date) -> int:
    if not request_repo.table_exists(conn, "inspections"):
        return 0
    from desktop_app.storage import inspections

    return inspections.count_between(conn, period_from, period_to)


def _compute(
    session: Session, conn: Connection, period_from: dt.date, period_to: dt.date
) -> Statistics:
    calendar = calendar_repo.load_calendar(conn)
    provisions = provision_repo.count_by_direction(conn, period_from, period_to)
    return compute_statistics(
        request_repo.statistics_facts(conn, period_from, period_to),
        period_from=period_from,
        period_to=period_to,
        today=session.clock.today(),
        calendar=calendar,
        reports_issued=_reports_issued(conn, period_from, period_to),
        inspections=_inspections(conn, period_from, period_to),
        provisions_aivd_to_ind=provisions["aivd_to_ind"],
        provisions_ind_to_aivd=provisions["ind_to_aivd"],
    )


def statistics(session: Session, period_from: dt.date, period_to: dt.date) -> Statistics:
    _check_period(period_from, period_to)
    with session.transaction("stats.view", "statistics") as tx:
        session.require(READERS, "statistiek bekijken")
        tx.details = {"from": period_from.isoformat(), "to": period_to.isoformat()}
        return _compute(session, tx.conn, period_from, period_to)


def csv_bytes(figures: dict[str, Any]) -> bytes:
    from desktop_app.reporting import STATISTICS_LABELS

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["kenmerk", "omschrijving", "waarde"])
    for key, value in figures.items():
        if isinstance(value, dict):  # ``definitions``: the descriptions, not a figure
            continue
        writer.writerow([key, STATISTICS_LABELS.get(key, key), "" if value is None else value])
    # A BOM so that Excel (Dutch locale, ';') opens it as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _write(target: Path, data: bytes) -> StatisticsExport:
    if not target.parent.is_dir():
        raise InvalidInput("De map voor het bestand bestaat niet.", field="file")
    atomic_write(target, data)
    return StatisticsExport(target, len(data))


def export_csv(session: Session, period_from: dt.date, period_to: dt.date, target: Path) -> Path:
    _check_period(period_from, period_to)
    with session.transaction("stats.export", f"file:{target.name}") as tx:
        session.require(READERS, "statistiek exporteren")
        figures = _compute(session, tx.conn, period_from, period_to).as_extended_dict()
        result = _write(target, csv_bytes(figures))
        tx.details = {
            "format": "csv",
            "bytes": result.bytes,
            "from": period_from.isoformat(),
            "to": period_to.isoformat(),
        }
    return target


def pdf_bytes(session: Session, period_from: dt.date, period_to: dt.date) -> bytes:
    from desktop_app.reporting import render_statistics_pdf

    with session.transaction("stats.export", "statistics") as tx:
        session.require(READERS, "statistiek exporteren")
        stats = _compute(session, tx.conn, period_from, period_to).as_extended_dict()
        shown = (*STATISTICS_KEYS, *EXTENDED_KEYS)
        figures: dict[str, int | float | None] = {
            k: v
            for k, v in stats.items()
            if k in shown and (v is None or isinstance(v, int | float))
        }
        seq, digest = audit.head(tx.conn)
        data = render_statistics_pdf(
            figures,
            period_from,
            period_to,
            MARKING,
            session.clock.now(),
            audit_head=f"{seq}:{digest[:16]}",
            definitions=DEFINITIONS,
        )
        tx.details = {
            "format": "pdf",
            "bytes": len(data),
            "from": period_from.isoformat(),
            "to": period_to.isoformat(),
        }
    return data


def export_pdf(session: Session, period_from: dt.date, period_to: dt.date, target: Path) -> Path:
    _check_period(period_from, period_to)
    if not target.parent.is_dir():
        raise InvalidInput("De map voor het bestand bestaat niet.", field="file")
    _write(target, pdf_bytes(session, period_from, period_to))
    return target

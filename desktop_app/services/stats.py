"""Figures for the heads' periodic consultation (art. 3.2): on screen, as CSV and as PDF.

Every use case takes ``as_of`` (an aware moment, default: now by the session's clock): the
figures as the records stood then (``domain.statistics.known_as_of``), so a past period's
figures can be reproduced and frozen for a consultation."""

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
    Statistics,
    chart_figures,
    compute_statistics,
)
from desktop_app.services.files import require_folder
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


def _reports_issued(conn: Connection, period_from: dt.date, period_to: dt.date, as_of: str) -> int:
    if not request_repo.table_exists(conn, "reports"):
        return 0
    return report_repo.count_issued_between(conn, period_from, period_to, recorded_by=as_of)


def _inspections(conn: Connection, period_from: dt.date, period_to: dt.date, as_of: str) -> int:
    if not request_repo.table_exists(conn, "inspections"):
        return 0
    from desktop_app.storage import inspections

    return inspections.count_between(conn, period_from, period_to, recorded_by=as_of)


def resolve_as_of(session: Session, as_of: dt.datetime | None) -> dt.datetime:
    """``as_of`` checked (aware, not in the future), or now."""
    now = session.clock.now()
    if as_of is None:
        return now
    if as_of.tzinfo is None:
        raise InvalidInput("Het peilmoment heeft geen tijdzone.", field="as_of")
    if as_of > now:
        raise InvalidInput("Het peilmoment ligt in de toekomst.", field="as_of")
    return as_of


def compute(
    conn: Connection,
    period_from: dt.date,
    period_to: dt.date,
    as_of: dt.datetime,
) -> Statistics:
    """The figures as of ``as_of`` inside the caller's transaction (the consultation freezes
    them in its own)."""
    stamp = audit.format_ts(as_of)
    calendar = calendar_repo.load_calendar(conn)
    provisions = provision_repo.count_by_direction(conn, period_from, period_to, recorded_by=stamp)
    return compute_statistics(
        request_repo.statistics_facts(conn, period_from, period_to, stamp),
        period_from=period_from,
        period_to=period_to,
        as_of=as_of.astimezone(dt.UTC),
        calendar=calendar,
        reports_issued=_reports_issued(conn, period_from, period_to, stamp),
        inspections=_inspections(conn, period_from, period_to, stamp),
        provisions_aivd_to_ind=provisions["aivd_to_ind"],
        provisions_ind_to_aivd=provisions["ind_to_aivd"],
    )


def _compute(
    session: Session,
    conn: Connection,
    period_from: dt.date,
    period_to: dt.date,
    as_of: dt.datetime | None = None,
) -> Statistics:
    return compute(conn, period_from, period_to, resolve_as_of(session, as_of))


def _details(period_from: dt.date, period_to: dt.date, as_of: dt.datetime | None) -> dict[str, Any]:
    details: dict[str, Any] = {"from": period_from.isoformat(), "to": period_to.isoformat()}
    if as_of is not None:
        details["as_of"] = audit.format_ts(as_of)
    return details


def statistics(
    session: Session,
    period_from: dt.date,
    period_to: dt.date,
    *,
    as_of: dt.datetime | None = None,
) -> Statistics:
    _check_period(period_from, period_to)
    with session.transaction("stats.view", "statistics") as tx:
        session.require(READERS, "statistiek bekijken")
        tx.details = _details(period_from, period_to, as_of)
        return _compute(session, tx.conn, period_from, period_to, as_of)


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
    require_folder(target)
    atomic_write(target, data)
    return StatisticsExport(target, len(data))


def export_csv(
    session: Session,
    period_from: dt.date,
    period_to: dt.date,
    target: Path,
    *,
    as_of: dt.datetime | None = None,
) -> Path:
    _check_period(period_from, period_to)
    with session.transaction("stats.export", f"file:{target.name}") as tx:
        session.require(READERS, "statistiek exporteren")
        stats = _compute(session, tx.conn, period_from, period_to, as_of)
        result = _write(target, csv_bytes(stats.as_extended_dict()))
        tx.details = {
            "format": "csv",
            "bytes": result.bytes,
            **_details(period_from, period_to, stats.as_of),
        }
    return target


def pdf_bytes(
    session: Session,
    period_from: dt.date,
    period_to: dt.date,
    *,
    as_of: dt.datetime | None = None,
) -> bytes:
    from desktop_app.reporting import render_statistics_pdf

    with session.transaction("stats.export", "statistics") as tx:
        session.require(READERS, "statistiek exporteren")
        computed = _compute(session, tx.conn, period_from, period_to, as_of)
        seq, digest = audit.head(tx.conn)
        data = render_statistics_pdf(
            chart_figures(computed.as_extended_dict()),
            period_from,
            period_to,
            MARKING,
            session.clock.now(),
            audit_head=f"{seq}:{digest[:16]}",
            definitions=DEFINITIONS,
            as_of=computed.as_of,
        )
        tx.details = {
            "format": "pdf",
            "bytes": len(data),
            **_details(period_from, period_to, computed.as_of),
        }
    return data


def export_pdf(
    session: Session,
    period_from: dt.date,
    period_to: dt.date,
    target: Path,
    *,
    as_of: dt.datetime | None = None,
) -> Path:
    _check_period(period_from, period_to)
    require_folder(target)
    _write(target, pdf_bytes(session, period_from, period_to, as_of=as_of))
    return target

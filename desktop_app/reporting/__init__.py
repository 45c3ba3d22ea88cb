"""Printed documents: ambtsberichten, statistics and inspection records as marked PDFs,
PAdES signing of printed copies and their verification. Bytes in, bytes out: nothing here
touches the disk (decrypted content never lands in a temporary file)."""

from __future__ import annotations

# First: keeps pyHanko's HTTP client out of the process (see the module).
from desktop_app.reporting import _offline  # noqa: F401
from desktop_app.reporting.ambtsbericht import render_report_pdf
from desktop_app.reporting.inspection import render_inspection_record_pdf
from desktop_app.reporting.models import (
    CopyInfo,
    Finding,
    InspectionItem,
    InspectionRecord,
    PrintContext,
    ReportDocument,
)
from desktop_app.reporting.printing import MAX_COPIES, render_signed_copies
from desktop_app.reporting.signing import PreparedSigner, Verdict, sign_pdf, verify_pdf
from desktop_app.reporting.statistics import STATISTICS_LABELS, render_statistics_pdf

__all__ = [
    "MAX_COPIES",
    "STATISTICS_LABELS",
    "CopyInfo",
    "Finding",
    "InspectionItem",
    "InspectionRecord",
    "PreparedSigner",
    "PrintContext",
    "ReportDocument",
    "Verdict",
    "render_inspection_record_pdf",
    "render_report_pdf",
    "render_signed_copies",
    "render_statistics_pdf",
    "sign_pdf",
    "verify_pdf",
]

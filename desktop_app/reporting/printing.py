"""A print job: every copy rendered with its own number and signed with one loaded key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.settings import MAX_COPIES
from desktop_app.reporting.ambtsbericht import render_report_pdf
from desktop_app.reporting.models import CopyInfo, PrintContext, ReportDocument
from desktop_app.reporting.signing import PreparedSigner, sign_pdf
from desktop_app.security import pki

__all__ = ["MAX_COPIES", "render_signed_copies"]


def render_signed_copies(
    doc: ReportDocument,
    copies: int,
    ctx: PrintContext,
    signing: pki.SigningMaterial | PreparedSigner,
    now: dt.datetime,
    *,
    passphrase: bytes | None = None,
    first: int = 1,
    recipients: Sequence[str] = (),
) -> list[bytes]:
    """``copies`` signed PDFs, in order, numbered from ``first`` ("exemplaar n van N" with N the
    last number of this job: the copies printed of the report so far, this job included).
    ``recipients``: who each copy is for, in order (empty: none recorded).
    Checks the certificate before rendering anything."""
    if not 1 <= copies <= MAX_COPIES:
        raise InvalidInput(
            f"Het aantal exemplaren moet tussen 1 en {MAX_COPIES} liggen.", field="copies"
        )
    if first < 1:
        raise ValueError("copy numbers start at 1")
    if recipients and len(recipients) != copies:
        raise ValueError("one recipient per copy")
    names = list(recipients) or [""] * copies
    prepared = (
        signing if isinstance(signing, PreparedSigner) else PreparedSigner(signing, passphrase)
    )
    pki.ensure_usable_for_signing(prepared.material, now)
    last = first + copies - 1
    return [
        sign_pdf(render_report_pdf(doc, CopyInfo(number, last, name), ctx), prepared, now)
        for number, name in zip(range(first, last + 1), names, strict=True)
    ]

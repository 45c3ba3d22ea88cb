"""Plain inputs for the PDF layouts. Services fill them from the workspace; no I/O here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.domain.classification import Classification, ClassificationDuration

AIVD = "Algemene Inlichtingen- en Veiligheidsdienst"
IND = "Immigratie- en Naturalisatiedienst"

# Placeholder postal addresses: the real ones come from the workstation settings.
DEFAULT_SENDER_ADDRESS: tuple[str, ...] = ("Postbus 20010", "2500 EA Den Haag")
DEFAULT_ADDRESSEE_LINES: tuple[str, ...] = (
    IND,
    "t.a.v. de Hoofddirecteur",
    "Postbus 17",
    "9560 AA Ter Apel",
)


@dataclass(frozen=True)
class Finding:
    """One numbered finding with its reliability and/or source note (Wiv 2017)."""

    text: str
    reliability: str = ""
    source: str = ""
    dated: dt.date | None = None
    """When the underlying data date from; printed so the reader can judge their age."""


@dataclass(frozen=True)
class ReportDocument:
    reference: str
    date: dt.date
    subject: str
    """The 'Betreft' line, e.g. 'Ambtsbericht inzake ...'."""
    classification: Classification
    signer_name: str
    signer_function: str
    subject_person_name: str = ""
    """The person the report is about, in any script; printed in the subject block."""
    subject_birth_date: dt.date | None = None
    subject_v_number: str = ""
    """With the name, what identifies the person to the IND (the request's V-number)."""
    addressee: tuple[str, ...] = DEFAULT_ADDRESSEE_LINES
    your_reference: str = ""
    """The IND's kenmerk of the request, when there was one."""
    occasion: str = ""
    """Why this report is written (the request or the reason for a spontaneous report)."""
    findings: tuple[Finding, ...] = ()
    conclusion: str = ""
    body_text: str = ""
    """Free text printed when there are no structured findings (older reports)."""
    signature_png: bytes | None = None
    sender_address: tuple[str, ...] = DEFAULT_SENDER_ADDRESS
    signed_at: dt.datetime | None = None
    """When the text was signed (the report's signing, not the copy's); kept in the metadata
    so a verdict can name both."""
    classification_duration: ClassificationDuration | None = None
    """How long the classification holds; printed with the marking (None: not recorded, only
    a draft prints so, with 'niet vastgelegd')."""
    special_case: str = ""
    """The signer's decision to provide old or unverifiable data (Wiv; issue 14), one sentence
    with its reason, printed before the signature; empty when the report needed none."""


@dataclass(frozen=True)
class CopyInfo:
    number: int
    total: int
    recipient: str = ""
    """Who this copy is for (the distribution list of the print job); empty: not recorded."""

    def __post_init__(self) -> None:
        if self.total < 1 or not 1 <= self.number <= self.total:
            raise ValueError(f"invalid copy {self.number} of {self.total}")

    @property
    def label(self) -> str:
        return f"exemplaar {self.number} van {self.total}"

    @property
    def label_for(self) -> str:
        """'Exemplaar 2 van 3 — voor: Hoofddirecteur IND' (without recipient: the number)."""
        text = f"Exemplaar {self.number} van {self.total}"
        return f"{text} — voor: {self.recipient}" if self.recipient else text


@dataclass(frozen=True)
class PrintContext:
    audit_head: str
    """The audit chain's head as 'SEQ:HASH' (shortened in print)."""
    printed_at: dt.datetime
    printed_by: str = ""
    """The account that prints (kept in the copy's metadata for the verdict)."""


@dataclass(frozen=True)
class InspectionItem:
    title: str
    classification: Classification
    viewed_seconds: int
    opened_at: dt.datetime | None = None
    source_note: str = ""


@dataclass(frozen=True)
class InspectionRecord:
    """'Verslag van inzage': who inspected which underlying data, when and for how long."""

    inspector_name: str
    report_reference: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    classification: Classification
    items: tuple[InspectionItem, ...] = ()
    notes: str = ""
    designation_reference: str = ""
    workstation: str = ""
    report_subject: str = ""
    record_reference: str = ""
    """The record's own number, printed in the footer; defaults to the report's reference."""
    extra_lines: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    """More (label, value) rows for the header table."""

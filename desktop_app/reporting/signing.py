"""PAdES B-B signatures on printed copies, and their verification. Bytes in, bytes out.

Verification trusts only the roots it is given (the workstation CA, an organisation CA),
never the operating system's store, and never fetches anything.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils import content as ph_content
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata import model as xmp_model
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop_app.domain.errors import InvalidInput, InvalidState
from desktop_app.reporting.fonts import REGULAR, register_fonts, visual
from desktop_app.reporting.layout import (
    RIJKSBLAUW,
    XMP_NAMESPACE,
    local_datetime,
    read_xmp_properties,
)
from desktop_app.reporting.models import AIVD, CopyInfo
from desktop_app.security import pki

log = logging.getLogger(__name__)

FIELD_NAME = "Ondertekening"
DEFAULT_REASON = "Ambtsbericht, ondertekend namens de minister door het hoofd van de AIVD"
DEFAULT_LOCATION = "Den Haag"


# -- signing ------------------------------------------------------------------------------------


class PreparedSigner:
    """A loaded signing key; make one per print job and reuse it for every copy."""

    def __init__(self, material: pki.SigningMaterial, passphrase: bytes | None = None) -> None:
        key_der = pki.unencrypted_pkcs8(material, passphrase)
        cert = asn1_x509.Certificate.load(material.certificate)
        chain = [asn1_x509.Certificate.load(c) for c in material.chain]
        self.material = material
        self.info = pki.certificate_info(material.certificate)
        self._signer = signers.SimpleSigner(
            signing_cert=cert,
            signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
            cert_registry=_certificate_store([cert, *chain]),
        )
        # Hex digits for /Contents: the CMS object holds the certificates, some attributes and
        # the signature value. A fixed size saves pyHanko's trial signature.
        der_size = 3072 + len(material.certificate) + sum(len(c) for c in material.chain)
        self.bytes_reserved = 2 * der_size

    @property
    def pyhanko_signer(self) -> signers.SimpleSigner:
        return self._signer


def _certificate_store(certs: list[asn1_x509.Certificate]) -> SimpleCertificateStore:
    store = SimpleCertificateStore()  # type: ignore[no-untyped-call]
    store.register_multiple(certs)
    return store


class _ClockedPdfSigner(signers.PdfSigner):  # type: ignore[misc]
    """pyHanko reads the wall clock for the signing time; the workstation's clock is injected."""

    def __init__(self, *args: Any, now: dt.datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._now = now

    def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self._now
        return session


class _InMemoryPage(ph_content.PdfContent):  # type: ignore[misc]
    """Like pyHanko's ImportedPdfPage, but from bytes instead of a file."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data

    def render(self) -> bytes:
        writer = self._ensure_writer
        xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self._data)), page_ix=0)
        name = "/CWStamp"
        self.resources.xobject[name] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name.encode("ascii") + b" Do"


def stamp_lines(signer_name: str, certificate_name: str, now: dt.datetime) -> tuple[str, ...]:
    return (
        "Digitaal ondertekend door",
        signer_name,
        f"op {local_datetime(now)}",
        f"certificaat: {certificate_name}",
    )


@lru_cache(maxsize=8)
def _stamp_pdf(width: float, height: float, lines: tuple[str, ...]) -> bytes:
    """The visible stamp as a one-page PDF (same for every copy of a print job, so cached)."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1, initialFontName=REGULAR)
    canvas.setFillColor(RIJKSBLAUW)
    canvas.rect(0, 0, 3, height, stroke=0, fill=1)
    canvas.setStrokeColor(colors.HexColor("#9aa9bf"))
    canvas.setLineWidth(0.6)
    canvas.rect(0.3, 0.3, width - 0.6, height - 0.6, stroke=1, fill=0)
    canvas.setFillColor(colors.black)
    # One font keeps the stamp small: importing it into each copy is the slow part.
    rows: list[tuple[str, float]] = []
    for index, line in enumerate(lines):
        size = 8.5 if index == 1 else 7.0
        rows += [(text, size) for text in _wrap(line, size, width - 14)]
    rows = rows[:5]
    step = 10.5
    y = height / 2 - 2.5 + step * (len(rows) - 1) / 2  # the block of lines centred vertically
    for text, size in rows:
        canvas.setFont(REGULAR, size)
        canvas.drawString(9, y, visual(text))
        y -= step
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _wrap(text: str, size: float, width: float) -> list[str]:
    """Word-wrap for the stamp; a word longer than the line is cut with an ellipsis."""
    out: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, REGULAR, size) <= width or not current:
            current = candidate
        else:
            out.append(current)
            current = word
    out.append(current)
    fitted = []
    for line in out:
        while len(line) > 2 and stringWidth(line, REGULAR, size) > width:
            line = line[:-2] + "…"
        fitted.append(line)
    return fitted


def sign_pdf(
    pdf: bytes,
    signing: pki.SigningMaterial | PreparedSigner,
    now: dt.datetime,
    *,
    passphrase: bytes | None = None,
    signer_name: str | None = None,
    reason: str = DEFAULT_REASON,
    location: str = DEFAULT_LOCATION,
) -> bytes:
    """Sign a rendered copy (PAdES B-B), with a visible field where the layout reserved one.

    Refuses drafts, an expired or not yet valid certificate, and PDFs that already carry a
    signature field of ours.
    """
    if now.tzinfo is None:
        raise ValueError("an aware datetime is required")
    prepared = (
        signing if isinstance(signing, PreparedSigner) else PreparedSigner(signing, passphrase)
    )
    pki.ensure_usable_for_signing(prepared.material, now)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except Exception:
        raise InvalidInput("Het te ondertekenen bestand is geen bruikbaar PDF-document.") from None
    properties = _xmp_properties(writer.prev)
    if properties.get("draft") == "true":
        raise InvalidState("Een concept wordt niet ondertekend.")
    _keep_metadata(writer, properties)
    name = signer_name or properties.get("signerName") or prepared.info.common_name

    field_spec = fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=-1)
    stamp_style: StaticStampStyle | None = None
    box = _signature_box(properties.get("signatureBox", ""), writer.prev)
    if box is not None:
        page_index, x1, y1, x2, y2 = box
        field_spec = fields.SigFieldSpec(
            sig_field_name=FIELD_NAME, on_page=page_index, box=(x1, y1, x2, y2)
        )
        lines = stamp_lines(name, prepared.info.common_name, now)
        stamp_style = StaticStampStyle(
            background=_InMemoryPage(_stamp_pdf(x2 - x1, y2 - y1, lines)),
            border_width=0,
            background_opacity=1.0,
            background_layout=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MIN,
                y_align=layout.AxisAlignment.ALIGN_MIN,
                margins=layout.Margins(),
                inner_content_scaling=layout.InnerScaling.NO_SCALING,
            ),
        )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=name,
        reason=reason,
        location=location,
    )
    pdf_signer = _ClockedPdfSigner(
        meta,
        signer=prepared.pyhanko_signer,
        stamp_style=stamp_style,
        new_field_spec=field_spec,
        now=now,
    )
    try:
        out = pdf_signer.sign_pdf(writer, bytes_reserved=prepared.bytes_reserved)
    except SigningError:
        raise InvalidState(
            "Dit document is al ondertekend of kan niet worden ondertekend."
        ) from None
    result: bytes = out.getvalue()
    return result


def _keep_metadata(writer: IncrementalPdfFileWriter, properties: dict[str, str]) -> None:
    """pyHanko rewrites the XMP packet when it signs: carry our properties (and title) over."""
    meta = writer.document_meta
    info = writer.prev.trailer_view.get("/Info")
    if info is not None:
        title = info.get_object().get("/Title")
        meta.title = str(title) if title else None
        meta.author = AIVD
    if properties:
        meta.xmp_extra = [
            xmp_model.XmpStructure(
                {
                    xmp_model.ExpandedName(ns=XMP_NAMESPACE, local_name=name): xmp_model.XmpValue(
                        value
                    )
                    for name, value in properties.items()
                }
            )
        ]


def _signature_box(spec: str, reader: PdfFileReader) -> tuple[int, int, int, int, int] | None:
    match = re.fullmatch(r"(\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)", spec.strip())
    if match is None:
        return None
    page = int(match.group(1)) - 1
    if not 0 <= page < int(reader.root["/Pages"]["/Count"]):
        return None
    x1, y1, x2, y2 = (round(float(match.group(i))) for i in range(2, 6))
    return page, x1, y1, x2, y2


def _xmp_properties(reader: PdfFileReader) -> dict[str, str]:
    try:
        stream = reader.root.get("/Metadata")
        if stream is None:
            return {}
        return read_xmp_properties(stream.get_object().data)
    except Exception:  # metadata are a convenience; a broken packet reads as empty
        return {}


# -- verification ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """What ``werkplek report verify`` prints.

    The report's signing (``signed_by``, ``signed_at``: who signed the text of the ambtsbericht,
    and when) is kept apart from the copy's printing (``printed_by``, ``printed_at``: who made
    this copy, and when; the digital signature on the file is set at that moment, with the
    workstation's certificate). ``trust`` says which trust roots were used, ``checked_at`` the
    moment at which the certificate had to be valid and ``checked_at_source`` where that moment
    came from ("register": the print time the register proves; "clock": now).
    """

    valid: bool
    intact: bool
    signer: str | None
    reference: str | None
    copy: CopyInfo | None
    registered: bool | None
    """Left None here: the service fills it in from the print register."""
    reason: str
    trust: str | None = None
    """"workstation" (authenticated trust-roots.pem), "database" (signed in) or "none";
    left None here: the service fills it in."""
    signed_by: str | None = None
    signed_at: str | None = None
    printed_by: str | None = None
    printed_at: str | None = None
    checked_at: str | None = None
    checked_at_source: str | None = None

    @classmethod
    def unreadable(cls, reason: str) -> Verdict:
        """A file that could not be read far enough to say anything about its signature."""
        return cls(
            valid=False,
            intact=False,
            signer=None,
            reference=None,
            copy=None,
            registered=None,
            reason=reason,
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "valid": self.valid,
            "intact": self.intact,
            "signer": self.signer,
            "reference": self.reference,
            "copy": None
            if self.copy is None
            else {"number": self.copy.number, "total": self.copy.total},
            # An extension: who the copy is for (signed into the file; with --user the register
            # says it too). None: not recorded.
            "recipient": None
            if self.copy is None or not self.copy.recipient
            else self.copy.recipient,
            "registered": self.registered,
            "reason": self.reason,
            "trust": self.trust,
            "signed_by": self.signed_by,
            "signed_at": self.signed_at,
            "printed_by": self.printed_by,
            "printed_at": self.printed_at,
            "checked_at": self.checked_at,
            "checked_at_source": self.checked_at_source,
        }


def verify_pdf(
    data: bytes, trust_roots: Sequence[bytes], *, now: dt.datetime | None = None
) -> Verdict:
    """Check a printed copy. Never raises: anything wrong yields ``valid=False`` and a reason.

    ``now`` is the moment at which certificates must be valid (default: the current time); the
    caller may pass an earlier moment it can prove (the print register's time of the copy).
    """
    try:
        return _verify(data, trust_roots, now)
    except Exception:
        log.warning("signature verification failed unexpectedly", exc_info=True)
        return Verdict.unreadable(
            "De handtekening kan niet worden gecontroleerd: het bestand is beschadigd."
        )


def _iso(when: dt.datetime | None) -> str | None:
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).isoformat(timespec="seconds")


def _verify(data: bytes, trust_roots: Sequence[bytes], now: dt.datetime | None) -> Verdict:
    moment = now or dt.datetime.now(dt.UTC)
    signed_time: list[dt.datetime | None] = [None]

    def verdict(
        reason: str,
        *,
        valid: bool = False,
        intact: bool = False,
        signer: str | None = None,
        props: dict[str, str] | None = None,
    ) -> Verdict:
        props = props or {}
        return Verdict(
            valid=valid,
            intact=intact,
            signer=signer,
            reference=props.get("reference") or None,
            copy=_copy_from(props),
            registered=None,
            reason=reason,
            signed_by=props.get("signerName") or signer,
            signed_at=props.get("signedAt") or None,
            printed_by=props.get("printedBy") or None,
            printed_at=props.get("printedAt") or _iso(signed_time[0]),
            checked_at=_iso(moment),
        )

    if b"%PDF-" not in data[:1024]:
        return verdict("Het bestand is geen PDF-document.")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_regular_signatures)
    except Exception:
        return verdict(
            "Het PDF-bestand is beschadigd of onvolledig en kan niet worden gecontroleerd."
        )
    props = _xmp_properties(reader)
    if not signatures:
        return verdict("Het document is niet digitaal ondertekend.", props=props)
    if len(signatures) > 1:
        return verdict(
            "Het document bevat meer dan één handtekening; het is niet een exemplaar zoals de "
            "werkplek het afdrukt.",
            props=props,
        )
    embedded = signatures[0]
    signer = _signer_name(embedded)
    roots = _load_roots(trust_roots)
    context = ValidationContext(
        trust_roots=roots,
        allow_fetching=False,
        moment=moment,
        revocation_mode="soft-fail",
    )
    status = validate_pdf_signature(
        embedded,
        signer_validation_context=context,
        key_usage_settings=KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}),
        skip_diff=True,
    )
    signed_time[0] = status.signer_reported_dt
    if not status.intact:
        return verdict(
            "Het document is na de ondertekening gewijzigd: de handtekening past niet meer bij "
            "de inhoud.",
            signer=signer,
            props=props,
        )
    if not status.valid:
        return verdict(
            "De handtekening zelf is ongeldig (de cryptografische controle faalt).",
            signer=signer,
            props=props,
        )
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return verdict(
            "Na de ondertekening is iets aan het bestand toegevoegd; dit is niet het "
            "ondertekende origineel.",
            signer=signer,
            props=props,
        )
    if not status.trusted:
        # An unknown issuer outweighs an expired certificate: a forgery is not "expired".
        indication = str(getattr(status, "trust_problem_indic", "") or "")
        expired = None if "NO_CERTIFICATE_CHAIN" in indication else _expiry_reason(embedded, moment)
        reason = expired or _trust_reason(status)
        return verdict(reason, intact=True, signer=signer, props=props)
    when = status.signer_reported_dt
    when_text = f" op {local_datetime(when)}" if when is not None else ""
    return verdict(
        f"De handtekening is geldig: het document is ongewijzigd sinds de ondertekening door "
        f"{signer or 'onbekend'}{when_text}.",
        valid=True,
        intact=True,
        signer=signer,
        props=props,
    )


def _expiry_reason(embedded: Any, moment: dt.datetime) -> str | None:
    """A sentence when the signing certificate was outside its validity at ``moment``: the
    usual case years after printing, and not the same as an unknown issuer."""
    try:
        validity = embedded.signer_cert["tbs_certificate"]["validity"]
        not_before = validity["not_before"].native
        not_after = validity["not_after"].native
    except Exception:
        return None
    if moment > not_after:
        return (
            f"Het certificaat waarmee is ondertekend is verlopen op {local_datetime(not_after)}; "
            f"op het controlemoment ({local_datetime(moment)}) was het niet meer geldig. Een "
            "aangemelde controle (--user) bevestigt een geregistreerd exemplaar op het tijdstip "
            "van afdrukken dat het afdrukregister vastlegt."
        )
    if moment < not_before:
        return (
            f"Het certificaat waarmee is ondertekend is pas geldig vanaf "
            f"{local_datetime(not_before)}; op het controlemoment was het nog niet geldig."
        )
    return None


def _trust_reason(status: Any) -> str:
    indication = str(getattr(status, "trust_problem_indic", "") or "")
    if "OUT_OF_BOUNDS" in indication or "EXPIRED" in indication:
        return (
            "Het certificaat waarmee is ondertekend was op het controlemoment niet (meer) geldig."
        )
    if "REVOKED" in indication:
        return "Het certificaat waarmee is ondertekend is ingetrokken."
    return (
        "De handtekening is gezet met een certificaat van een onbekende uitgever: het leidt "
        "niet naar een vertrouwd werkplek- of organisatiecertificaat."
    )


def _signer_name(embedded: Any) -> str | None:
    name = embedded.sig_object.get("/Name")
    if name:
        return str(name)
    try:
        cert = embedded.signer_cert
        return str(cert.subject.native.get("common_name")) or None
    except Exception:
        return None


def _load_roots(trust_roots: Sequence[bytes]) -> list[asn1_x509.Certificate]:
    roots = []
    for raw in trust_roots:
        try:
            roots.append(asn1_x509.Certificate.load(pki.certificate_to_der(raw)))
        except Exception:
            log.warning("ignoring a trust root that is not a certificate")
    return roots


def _copy_from(props: dict[str, str]) -> CopyInfo | None:
    try:
        return CopyInfo(
            int(props["copyNumber"]), int(props["copyTotal"]), props.get("copyRecipient", "")
        )
    except (KeyError, ValueError):
        return None

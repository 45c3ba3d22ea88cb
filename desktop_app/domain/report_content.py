"""The structure of an ambtsbericht and its plain-text form.

An ambtsbericht has a subject, an occasion (aanleiding), numbered findings (bevindingen) — each
with an indication of its reliability or a reference to its source document, and optionally the
date of the data it rests on — and a conclusion.

Decision: the plain text is the single source of truth. The editor renders the structure to
text deterministically (``render``); that text is the version that is stored, compared,
annotated and signed (so the signed hash is over exactly what was rendered). ``parse`` turns a
rendered text back into the structure, so no separate JSON is kept; a text that is not in the
rendered form (free text, e.g. from ``werkplek report draft --text-file``) parses to ``None``
and is edited as free text. To keep the round trip exact, ``validate`` refuses the few lines
that would read as structure (a line "Bevindingen" in the occasion, a finding line starting
with "Betrouwbaarheid:" …).

The rendered form::

    Onderwerp: <subject>

    Aanleiding
    <occasion, free lines>

    Bevindingen
    1. <finding text>
       <further lines of it, indented by three spaces>
       Betrouwbaarheid: <label>
       Bronverwijzing: <reference>
       Datum gegevens: <YYYY-MM-DD>

    2. …

    Conclusie
    <conclusion, free lines>
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import unicodedata
from dataclasses import dataclass, replace

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.timefmt import prose_date

__all__ = [
    "OLD_DATA_YEARS",
    "ContentWarning",
    "Finding",
    "Reliability",
    "ReportContent",
    "WarningKind",
    "compose",
    "missing_for_issue",
    "normalise",
    "parse",
    "render",
    "validate",
    "warnings_for_text",
]

OLD_DATA_YEARS = 10


class Reliability(enum.StrEnum):
    """How far a finding can be relied on, stated in the report (art. 2.4 content rules)."""

    VERY_RELIABLE = "very_reliable"
    RELIABLE = "reliable"
    FAIRLY_RELIABLE = "fairly_reliable"
    UNKNOWN = "unknown"

    @property
    def label_nl(self) -> str:
        return _RELIABILITY_LABELS[self]

    @classmethod
    def parse(cls, value: str) -> Reliability:
        """From its code or its Dutch label (case-insensitive)."""
        wanted = value.strip().lower()
        for r in cls:
            if wanted in (r.value, r.label_nl.lower()):
                return r
        allowed = ", ".join(r.label_nl for r in cls)
        raise InvalidInput(
            f"Onbekende betrouwbaarheid '{value}'. Kies uit: {allowed}.", field="reliability"
        )


_RELIABILITY_LABELS = {
    Reliability.VERY_RELIABLE: "zeer betrouwbaar",
    Reliability.RELIABLE: "betrouwbaar",
    Reliability.FAIRLY_RELIABLE: "redelijk betrouwbaar",
    Reliability.UNKNOWN: "onbekend (juistheid niet vast te stellen)",
}


@dataclass(frozen=True, slots=True)
class Finding:
    text: str
    reliability: Reliability | None = None
    source_reference: str | None = None
    data_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ReportContent:
    subject: str
    occasion: str
    findings: tuple[Finding, ...]
    conclusion: str


class WarningKind(enum.StrEnum):
    OLD_DATA = "old_data"
    UNKNOWN_RELIABILITY = "unknown_reliability"


@dataclass(frozen=True, slots=True)
class ContentWarning:
    """Not an error: the author may go on, but must see it. ``finding`` is 1-based."""

    kind: WarningKind
    finding: int
    message: str


# Rendering vocabulary. Changing any of these changes every future text (not stored ones).
_SUBJECT = "Onderwerp: "
_OCCASION = "Aanleiding"
_FINDINGS = "Bevindingen"
_CONCLUSION = "Conclusie"
_INDENT = "   "
_META = (
    ("reliability", "Betrouwbaarheid: "),
    ("source_reference", "Bronverwijzing: "),
    ("data_date", "Datum gegevens: "),
)
_NUMBERED = re.compile(r"(\d+)\. (.*)\Z", re.DOTALL)


def _clean_block(text: str) -> str:
    """NFC, ``\\n`` line breaks, no trailing blanks on lines, no blank lines or blanks at either
    end (indentation of later lines is kept)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines).lstrip()


def _clean_line(text: str | None) -> str | None:
    if text is None:
        return None
    cleaned = _clean_block(text).strip()
    return cleaned or None


def normalise(content: ReportContent) -> ReportContent:
    """The form ``render`` writes and ``parse`` reads: trimmed fields, NFC, ``\\n`` breaks;
    inside a finding blank lines are dropped (a blank line separates findings)."""
    findings = tuple(
        replace(
            f,
            text="\n".join(line for line in _clean_block(f.text).split("\n") if line),
            source_reference=_clean_line(f.source_reference),
        )
        for f in content.findings
    )
    return ReportContent(
        subject=_clean_block(content.subject).strip(),
        occasion=_clean_block(content.occasion),
        findings=findings,
        conclusion=_clean_block(content.conclusion),
    )


def _ten_years_before(today: dt.date) -> dt.date:
    try:
        return today.replace(year=today.year - OLD_DATA_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - OLD_DATA_YEARS, day=28)


def validate(content: ReportContent, *, today: dt.date) -> tuple[ContentWarning, ...]:
    """Check the (normalised) content. Errors raise InvalidInput naming the field
    (``subject``, ``occasion``, ``findings``, ``findings.<n>.<attribute>``); what the author
    may consciously keep comes back as warnings, in finding order."""
    c = normalise(content)
    if not c.subject:
        raise InvalidInput("Vul het onderwerp van het ambtsbericht in.", field="subject")
    if "\n" in c.subject:
        raise InvalidInput("Het onderwerp moet op één regel passen.", field="subject")
    for line in c.occasion.split("\n"):
        if line.strip() == _FINDINGS:
            raise InvalidInput(
                f"Een regel van de aanleiding mag niet alleen '{line.strip()}' zijn: dat is een "
                "kopje van het ambtsbericht.",
                field="occasion",
            )
    if not c.findings:
        raise InvalidInput("Een ambtsbericht bevat ten minste één bevinding.", field="findings")
    warnings: list[ContentWarning] = []
    cutoff = _ten_years_before(today)
    for n, f in enumerate(c.findings, start=1):
        where = f"findings.{n}"
        if not f.text:
            raise InvalidInput(f"Bevinding {n} is leeg.", field=f"{where}.text")
        for line in f.text.split("\n"):
            for _attr, label in _META:
                if line.lstrip().startswith(label.strip()):
                    raise InvalidInput(
                        f"Bevinding {n}: een regel van de tekst mag niet beginnen met "
                        f"'{label.strip()}'; vul dat in het veld ervoor in.",
                        field=f"{where}.text",
                    )
        if f.reliability is None and f.source_reference is None:
            raise InvalidInput(
                f"Bevinding {n} vermeldt geen betrouwbaarheid en geen bronverwijzing; "
                "geef ten minste één van beide.",
                field=f"{where}.reliability",
            )
        if f.source_reference is not None and "\n" in f.source_reference:
            raise InvalidInput(
                f"De bronverwijzing van bevinding {n} moet op één regel passen.",
                field=f"{where}.source_reference",
            )
        if f.data_date is not None and f.data_date > today:
            raise InvalidInput(
                f"De datum van de gegevens van bevinding {n} ligt in de toekomst.",
                field=f"{where}.data_date",
            )
        if f.data_date is not None and f.data_date < cutoff:
            warnings.append(
                ContentWarning(
                    WarningKind.OLD_DATA,
                    n,
                    f"Bevinding {n} berust op gegevens van {prose_date(f.data_date)}, ouder dan "
                    f"{OLD_DATA_YEARS} jaar. Zulke gegevens worden alleen verstrekt met "
                    "vermelding van hun ouderdom en betrouwbaarheid.",
                )
            )
        if f.reliability is Reliability.UNKNOWN:
            warnings.append(
                ContentWarning(
                    WarningKind.UNKNOWN_RELIABILITY,
                    n,
                    f"De juistheid van bevinding {n} is niet vast te stellen. Zulke gegevens "
                    "worden alleen verstrekt met vermelding daarvan.",
                )
            )
    return tuple(warnings)


def _render_finding(n: int, f: Finding) -> str:
    lines = f.text.split("\n")
    out = [f"{n}. {lines[0]}", *(_INDENT + line for line in lines[1:])]
    if f.reliability is not None:
        out.append(f"{_INDENT}{_META[0][1]}{f.reliability.label_nl}")
    if f.source_reference is not None:
        out.append(f"{_INDENT}{_META[1][1]}{f.source_reference}")
    if f.data_date is not None:
        out.append(f"{_INDENT}{_META[2][1]}{f.data_date.isoformat()}")
    return "\n".join(out)


def _section(heading: str, body: str) -> str:
    return f"{heading}\n{body}" if body else heading


def render(content: ReportContent) -> str:
    """The version text for this content (normalised first). Deterministic: equal content
    gives an identical text, so an unchanged save gives an identical hash."""
    c = normalise(content)
    findings = "\n\n".join(_render_finding(n, f) for n, f in enumerate(c.findings, start=1))
    parts = [
        _SUBJECT + c.subject,
        _section(_OCCASION, c.occasion),
        _section(_FINDINGS, findings),
        _section(_CONCLUSION, c.conclusion),
    ]
    return "\n\n".join(parts) + "\n"


def compose(content: ReportContent, *, today: dt.date) -> tuple[str, tuple[ContentWarning, ...]]:
    """Validate and render: the text to store as the next version, with the warnings to show."""
    warnings = validate(content, today=today)
    return render(content), warnings


def _parse_finding(n: int, lines: list[str]) -> Finding | None:
    m = _NUMBERED.match(lines[0])
    if m is None or int(m.group(1)) != n:
        return None
    body = [m.group(2)]
    for line in lines[1:]:
        if not line.startswith(_INDENT):
            return None
        body.append(line[len(_INDENT) :])
    # Metadata are the trailing lines, in their fixed order.
    meta: dict[str, str] = {}
    for attr, label in reversed(_META):
        if len(body) > 1 and body[-1].startswith(label):
            meta[attr] = body.pop()[len(label) :]
    try:
        reliability = Reliability.parse(meta["reliability"]) if "reliability" in meta else None
        data_date = dt.date.fromisoformat(meta["data_date"]) if "data_date" in meta else None
    except (InvalidInput, ValueError):
        return None
    return Finding(
        text="\n".join(body),
        reliability=reliability,
        source_reference=meta.get("source_reference"),
        data_date=data_date,
    )


def _split_findings(block: list[str]) -> list[list[str]] | None:
    """Findings are separated by exactly one blank line."""
    if not block:
        return None
    groups: list[list[str]] = [[]]
    for line in block:
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
        else:
            return None
    return groups if groups[-1] else None


@functools.lru_cache(maxsize=16)
def parse(text: str) -> ReportContent | None:
    """The content a rendered text was made from, or ``None`` when the text is not exactly in
    the rendered form (free text). ``parse(render(c)) == normalise(c)`` for valid content.

    Cached (the result is immutable): one report view asks for it several times — the editor,
    the permissions of each step, the content rules — on a text of up to ~70,000 characters."""
    if not text.endswith("\n"):
        return None
    lines = text[:-1].split("\n")
    if len(lines) < 5 or not lines[0].startswith(_SUBJECT) or lines[1] or lines[2] != _OCCASION:
        return None
    subject = lines[0][len(_SUBJECT) :]
    try:
        f_at = next(i for i in range(3, len(lines)) if lines[i] == _FINDINGS and not lines[i - 1])
        c_at = next(
            i for i in range(f_at + 1, len(lines)) if lines[i] == _CONCLUSION and not lines[i - 1]
        )
    except StopIteration:
        return None
    occasion = "\n".join(lines[3 : f_at - 1])
    conclusion_lines = lines[c_at + 1 :]
    if conclusion_lines and not conclusion_lines[0]:
        return None
    groups = _split_findings(lines[f_at + 1 : c_at - 1])
    if groups is None:
        return None
    findings: list[Finding] = []
    for n, group in enumerate(groups, start=1):
        finding = _parse_finding(n, group)
        if finding is None:
            return None
        findings.append(finding)
    content = ReportContent(subject, occasion, tuple(findings), "\n".join(conclusion_lines))
    # Only a text that renders back to itself is a rendered text (rules out near misses).
    return content if render(content) == text else None


_HEADINGS = (
    (_SUBJECT.strip(), "de regel 'Onderwerp: …'"),
    (_OCCASION, "het kopje 'Aanleiding'"),
    (_FINDINGS, "het kopje 'Bevindingen'"),
    (_CONCLUSION, "het kopje 'Conclusie'"),
)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


def missing_for_issue(text: str) -> str | None:
    """What keeps ``text`` from going to review or signature (art. 2.4 content rules), as the
    end of a sentence, or ``None`` when it is complete: the text must be in the rendered form
    and every finding must state its reliability or a reference to its source. A free text
    cannot show per finding whether it does, so it is refused as a whole (it may still be
    drafted, revised and printed as CONCEPT)."""
    content = parse(canonical_form(text))
    if content is None:
        lines = canonical_form(text).split("\n")
        absent = [
            what
            for heading, what in _HEADINGS
            if not any(
                line.startswith(heading) if heading.endswith(":") else line == heading
                for line in lines
            )
        ]
        detail = f"; {_and(absent)} ontbreekt" if absent else ""
        if len(absent) > 1:
            detail = f"; {_and(absent)} ontbreken"
        return (
            "de tekst staat niet in de vaste vorm van een ambtsbericht (Onderwerp, Aanleiding, "
            "genummerde Bevindingen met per bevinding de betrouwbaarheid of een bronverwijzing, "
            f"Conclusie){detail}. Zet de tekst om in de gestructureerde editor of volg "
            "docs/report-text-format.md"
        )
    bare = [
        str(n)
        for n, f in enumerate(content.findings, start=1)
        if f.reliability is None and f.source_reference is None
    ]
    if bare:
        which = (
            f"bevinding {bare[0]} vermeldt"
            if len(bare) == 1
            else (f"de bevindingen {_and(bare)} vermelden")
        )
        return f"{which} geen betrouwbaarheid en geen bronverwijzing"
    try:
        # The date check against the future belongs to saving (which knows today); here only
        # the structure counts, so no date is ever "in the future".
        validate(content, today=dt.date.max)
    except InvalidInput as exc:
        message = str(exc).rstrip(".")
        return message[:1].lower() + message[1:]
    return None


def canonical_form(text: str) -> str:
    """NFC and ``\n`` line breaks: the form a stored version text is in."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def warnings_for_text(text: str, *, today: dt.date) -> tuple[ContentWarning, ...]:
    """Warnings for a version text: those of its content when it is in the rendered form,
    none for free text (whose structure the application cannot see)."""
    content = parse(text)
    if content is None:
        return ()
    try:
        return validate(content, today=today)
    except InvalidInput:
        return ()

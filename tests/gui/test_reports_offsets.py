"""The offset map the officer's editor uses to show a liaison's remark in the field it quotes
(pure Python in gui/reports/offsets.py; here because importing the gui package needs Qt)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.report_content import Finding, Reliability, ReportContent, parse, render
from desktop_app.gui.reports.offsets import locate_in_fields

_LINE = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x1F600, blacklist_categories=("Cs", "Cc")),
    min_size=1,
    max_size=20,
).map(lambda s: s.strip() or "x")


@given(
    subject=_LINE,
    lines=st.lists(_LINE, min_size=1, max_size=3),
    source=st.one_of(st.none(), _LINE),
    data=st.data(),
)
def test_every_character_of_a_field_maps_back_to_itself(
    subject: str, lines: list[str], source: str | None, data: st.DataObject
) -> None:
    finding = Finding("\n".join(lines), Reliability.RELIABLE, source)
    content = ReportContent(subject, "Verzoek.", (finding,), "Geen bezwaar.")
    text = render(content)
    stored = parse(text)  # the normalised form the editor is filled with
    assert stored is not None
    fields = {
        "subject": stored.subject,
        "findings.1.text": stored.findings[0].text,
        "findings.1.source_reference": stored.findings[0].source_reference,
    }
    name = data.draw(st.sampled_from([k for k, v in fields.items() if v]))
    value = fields[name]
    assert value is not None
    # Where the field's first character stands in the rendered text: find it through the map.
    for pos in range(len(text)):
        span = locate_in_fields(text, pos, pos + 1)
        if span is not None and span.field == name:
            assert text[pos] == value[span.start]
            assert span.end == span.start + 1

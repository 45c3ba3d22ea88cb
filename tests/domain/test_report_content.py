"""The structure of an ambtsbericht: validation, warnings, rendering and parsing back."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.report_content import (
    Finding,
    Reliability,
    ReportContent,
    WarningKind,
    compose,
    normalise,
    parse,
    render,
    validate,
    warnings_for_text,
)

TODAY = dt.date(2026, 3, 2)


def content(
    *findings: Finding,
    occasion: str = "Verzoek van de IND.",
    conclusion: str = "Geen.",
    subject: str = "Betrokkene X",
) -> ReportContent:
    return ReportContent(subject, occasion, findings, conclusion)


def ok(text: str = "Betrokkene reisde naar Y.") -> Finding:
    return Finding(text, Reliability.RELIABLE)


def test_rendering_has_the_fixed_structure() -> None:
    c = ReportContent(
        "Betrokkene A. Çelik",
        "Verzoek van de IND van 1 maart.\n\nTweede alinea.",
        (
            Finding(
                "Betrokkene is lid van X.\nHij reisde naar Y.",
                Reliability.RELIABLE,
                "AIVD-doc 123",
                dt.date(2012, 3, 4),
            ),
            Finding("Gerucht.", None, "Open bron 7"),
        ),
        "Betrokkene vormt een risico.",
    )
    assert render(c) == (
        "Onderwerp: Betrokkene A. Çelik\n"
        "\n"
        "Aanleiding\n"
        "Verzoek van de IND van 1 maart.\n"
        "\n"
        "Tweede alinea.\n"
        "\n"
        "Bevindingen\n"
        "1. Betrokkene is lid van X.\n"
        "   Hij reisde naar Y.\n"
        "   Betrouwbaarheid: betrouwbaar\n"
        "   Bronverwijzing: AIVD-doc 123\n"
        "   Datum gegevens: 2012-03-04\n"
        "\n"
        "2. Gerucht.\n"
        "   Bronverwijzing: Open bron 7\n"
        "\n"
        "Conclusie\n"
        "Betrokkene vormt een risico.\n"
    )
    assert parse(render(c)) == c


def test_render_normalises_and_is_deterministic() -> None:
    messy = content(
        Finding("  Eerste regel.  \r\n\r\n  tweede  ", Reliability.UNKNOWN, "  ref  "),
        subject="  Onderwerp met e\u0301  ",
        occasion="\n\nAanleiding tekst\r\n",
    )
    text = render(messy)
    assert text == render(messy)
    assert "\r" not in text and "e\u0301" not in text and "é" in text
    parsed = parse(text)
    assert parsed == normalise(messy)
    assert parsed is not None
    assert parsed.findings[0].text == "Eerste regel.\n  tweede"
    assert parsed.findings[0].source_reference == "ref"
    assert parsed.subject == "Onderwerp met é"


def test_empty_occasion_and_conclusion_round_trip() -> None:
    c = content(ok(), occasion="", conclusion="")
    assert parse(render(c)) == c


def test_each_finding_needs_reliability_or_source() -> None:
    with pytest.raises(InvalidInput) as err:
        validate(content(ok(), Finding("Zonder bron.")), today=TODAY)
    assert err.value.field == "findings.2.reliability"
    assert "Bevinding 2" in err.value.message
    assert validate(content(Finding("Met bron.", source_reference="Doc 9")), today=TODAY) == ()
    # A blank source reference is no source reference.
    with pytest.raises(InvalidInput):
        validate(content(Finding("Leeg.", source_reference="   ")), today=TODAY)


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (content(ok(), subject="  "), "subject"),
        (content(ok(), subject="twee\nregels"), "subject"),
        (content(), "findings"),
        (content(Finding("   ", Reliability.RELIABLE)), "findings.1.text"),
        (content(Finding("a\n   Betrouwbaarheid: hoog", Reliability.RELIABLE)), "findings.1.text"),
        (content(ok(), Finding("b", source_reference="x\ny")), "findings.2.source_reference"),
        (
            content(Finding("c", Reliability.RELIABLE, data_date=dt.date(2026, 3, 3))),
            "findings.1.data_date",
        ),
        (content(ok(), occasion="Tekst\n\nBevindingen\nmeer"), "occasion"),
    ],
)
def test_invalid_content_names_the_field(bad: ReportContent, field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        compose(bad, today=TODAY)
    assert err.value.field == field


def test_old_data_warns_from_the_day_after_ten_years() -> None:
    exactly_ten = Finding("a", Reliability.RELIABLE, data_date=dt.date(2016, 3, 2))
    one_day_more = Finding("b", Reliability.RELIABLE, data_date=dt.date(2016, 3, 1))
    warnings = validate(content(exactly_ten, one_day_more), today=TODAY)
    assert [(w.kind, w.finding) for w in warnings] == [(WarningKind.OLD_DATA, 2)]
    assert "1 maart 2016" in warnings[0].message and "ouder dan 10 jaar" in warnings[0].message


def test_old_data_on_a_leap_day() -> None:
    leap = dt.date(2028, 2, 29)
    on_cutoff = Finding("a", Reliability.RELIABLE, data_date=dt.date(2018, 2, 28))
    before = Finding("b", Reliability.RELIABLE, data_date=dt.date(2018, 2, 27))
    assert [w.finding for w in validate(content(on_cutoff, before), today=leap)] == [2]


def test_unknown_reliability_warns() -> None:
    warnings = validate(
        content(ok(), Finding("Onzeker.", Reliability.UNKNOWN, data_date=dt.date(2001, 1, 1))),
        today=TODAY,
    )
    assert [(w.kind, w.finding) for w in warnings] == [
        (WarningKind.OLD_DATA, 2),
        (WarningKind.UNKNOWN_RELIABILITY, 2),
    ]
    assert all(w.message.endswith(".") for w in warnings)


def test_compose_returns_text_and_warnings() -> None:
    c = content(Finding("Oud.", Reliability.FAIRLY_RELIABLE, data_date=dt.date(2000, 5, 5)))
    text, warnings = compose(c, today=TODAY)
    assert text == render(c)
    assert [w.kind for w in warnings] == [WarningKind.OLD_DATA]
    assert warnings_for_text(text, today=TODAY) == warnings


def test_free_text_is_not_structured() -> None:
    for free in (
        "Betrokkene is bekend bij de AIVD.\n",
        "",
        "Onderwerp: x\n\nAanleiding\n\nBevindingen\n\nConclusie\n",  # no findings
        render(content(ok())).replace("1. ", "2. "),  # numbering off
        render(content(ok())).rstrip("\n"),  # not as rendered
        render(content(ok())).replace("betrouwbaar", "heel betrouwbaar"),
    ):
        assert parse(free) is None
        assert warnings_for_text(free, today=TODAY) == ()


def test_reliability_parse_accepts_code_and_label() -> None:
    assert Reliability.parse("redelijk betrouwbaar") is Reliability.FAIRLY_RELIABLE
    assert Reliability.parse(" VERY_RELIABLE ") is Reliability.VERY_RELIABLE
    with pytest.raises(InvalidInput) as err:
        Reliability.parse("misschien")
    assert err.value.field == "reliability"


# ---------------------------------------------------------------------------------------------
# Round trip, for any valid content

_pieces = [
    *list("abé Ç.:-1 "),
    "\n",
    "\r\n",
    "Bevindingen",
    "Conclusie",
    "Aanleiding",
    "Betrouwbaarheid",
    "1. ",
    "   ",
    "\n\n",
]
_block = st.lists(st.sampled_from(_pieces), max_size=10).map("".join)
_word = st.text(st.sampled_from(list("abéÇ1")), min_size=1, max_size=6)
_line = st.lists(st.sampled_from([*_pieces, "x"]), max_size=8).map(
    lambda parts: "".join(parts).replace("\r", " ").replace("\n", " ")
)
_finding = st.builds(
    Finding,
    text=st.tuples(_word, _block).map("".join),
    reliability=st.sampled_from([None, *Reliability]),
    source_reference=st.none() | st.tuples(_word, _line).map("".join),
    data_date=st.none() | st.dates(dt.date(1990, 1, 1), TODAY),
)
_content = st.builds(
    ReportContent,
    subject=st.tuples(_word, _line).map("".join),
    occasion=_block,
    findings=st.lists(_finding, min_size=1, max_size=3).map(tuple),
    conclusion=_block,
)


@settings(max_examples=120, deadline=None)
@given(_content)
def test_parse_inverts_render_for_valid_content(c: ReportContent) -> None:
    try:
        validate(c, today=TODAY)
    except InvalidInput:
        assume(False)
    text = render(c)
    assert parse(text) == normalise(c)
    assert render(normalise(c)) == text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *list("ab .:\n1"),
                "Onderwerp: ",
                "Aanleiding",
                "Bevindingen",
                "Conclusie",
                "   ",
                "Bronverwijzing: ",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_whatever_parses_renders_back_to_itself(text: str) -> None:
    parsed = parse(text)
    if parsed is not None:
        assert render(parsed) == text

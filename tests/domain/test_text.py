"""The text rules every name and free text goes through (domain/text.py)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.text import check_name, check_text, collapse, shown, strip_invisible


def refused_name(text: str) -> InvalidInput:
    with pytest.raises(InvalidInput) as info:
        check_name(text, field="subject_name", label="De naam")
    assert info.value.field == "subject_name"
    assert info.value.message.startswith("De naam ")
    return info.value


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Jan\x00Jansen", "U+0000"),
        ("Jan \x1b[31mJansen", "U+001B"),  # a terminal escape sequence
        ("Jan\x7fJansen", "U+007F"),
        ("Jan\x85Jansen", "U+0085"),  # C1 (NEL)
        ("Jan\ud800Jansen", "U+D800"),  # from a JSON "\ud800"
        ("Jan\udcffJansen", "U+DCFF"),  # a non-UTF-8 argv byte under surrogateescape
        ("Jan\u202eJansen", "U+202E"),  # right-to-left override
        ("Jan\u202aJansen", "U+202A"),  # embedding
        ("Jan\u2066Jansen\u2069", "U+2066"),  # isolate
        ("Jan\u200fJansen", "U+200F"),  # right-to-left mark
        ("Jan\u200bJansen", "U+200B"),  # zero-width space
        ("Jan\u2060Jansen", "U+2060"),  # word joiner
        ("\ufeffJan Jansen", "U+FEFF"),  # BOM / zero-width no-break space
        ("Jan\u00adsen", "U+00AD"),  # soft hyphen: invisible
        ("Ja\u200dn", "U+200D"),  # ZWJ between Latin letters
        ("Ja\u200cn", "U+200C"),  # ZWNJ between Latin letters
        ("\u200dمحمد", "U+200D"),  # nothing before it
        ("Jan\u200dمحمد", "U+200D"),  # a Latin letter before it
        ("مح\u200d\u200dمد", "U+200D"),  # two in a row
        ("Jan\nJansen", None),
    ],
)
def test_names_refuse_controls_surrogates_and_invisible_characters(
    text: str, code: str | None
) -> None:
    err = refused_name(text)
    if code is not None:
        assert code in err.message
    else:
        assert "regel" in err.message


@pytest.mark.parametrize(
    "text",
    [
        "می\u200cخواهم",  # Persian: ZWNJ between Arabic-script letters
        "عبدالله\u200cزاده",
        "क्\u200dष",  # Devanagari: virama, ZWJ, consonant
        "क्\u200cष",
        "ന്\u200d",  # Malayalam chillu at the end of a word
        "ന്\u200d നായർ",  # ... followed by a space
        "শ্\u200dর",  # Bengali
        "Ayşe Çelik-O'Brien",
        "王小明",
        "Ιωάννης Παπαδόπουλος",
        "Иван Петров",
        "محمد الحسن",
        "HDIND-2026/0042",
    ],
)
def test_names_accept_what_scripts_need(text: str) -> None:
    assert check_name(text, field="f", label="De naam") == text


def test_free_text_allows_lines_tabs_and_bidi_but_not_controls() -> None:
    text = "Regel 1\n\tRegel 2 \u202bعربي\u202c en \u200d"
    assert check_text(text, field="reason", label="De reden", multiline=True) == text
    for bad, code in (("a\x00b", "U+0000"), ("a\x1b[2Jb", "U+001B"), ("a\ud800b", "U+D800")):
        with pytest.raises(InvalidInput) as info:
            check_text(bad, field="reason", label="De reden", multiline=True)
        assert info.value.field == "reason"
        assert code in info.value.message
    with pytest.raises(InvalidInput) as info:
        check_text("a\nb", field="basis", label="De grondslag")
    assert "regel" in info.value.message


def test_collapse_is_nfc_and_single_spaced() -> None:
    assert collapse("  C\u0327elik \t\n Ayse ") == "Çelik Ayse"
    assert unicodedata.is_normalized("NFC", collapse("e\u0301" * 3))


def test_shown_makes_input_safe_to_quote() -> None:
    assert shown("abc") == "abc"
    assert shown("a\x1b[31mb") == "a\\x1b[31mb"
    assert shown("a\ud800b") == "a\\ud800b"
    assert shown("a\u202eb") == "a\\u202eb"
    assert len(shown("x" * 500)) == 40
    assert shown("\udcff").encode("utf-8")


def test_strip_invisible_keeps_what_a_name_may_hold() -> None:
    assert strip_invisible("Over\u202e de\u200b zaak\x00") == "Over de zaak"
    assert strip_invisible("می\u200cخواهم") == "می\u200cخواهم"


# -- properties --------------------------------------------------------------------------------

_LETTERS = {
    "latin": st.characters(min_codepoint=0x41, max_codepoint=0x24F, categories=("Lu", "Ll")),
    "cyrillic": st.characters(min_codepoint=0x400, max_codepoint=0x4FF, categories=("Lu", "Ll")),
    "greek": st.characters(min_codepoint=0x370, max_codepoint=0x3FF, categories=("Lu", "Ll")),
    "arabic": st.characters(min_codepoint=0x620, max_codepoint=0x6FF, categories=("Lo",)),
    "cjk": st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF, categories=("Lo",)),
}
_word = st.one_of(
    *(st.text(alphabet=letters, min_size=1, max_size=8) for letters in _LETTERS.values())
)
_separator = st.sampled_from([" ", "-", "'", "’", "  ", "\t"])


@st.composite
def _names(draw: st.DrawFn) -> str:
    words = draw(st.lists(_word, min_size=1, max_size=5))
    out = words[0]
    for word in words[1:]:
        out += draw(_separator) + word
    return out


@given(name=_names())
@settings(max_examples=300)
def test_every_letter_name_is_accepted(name: str) -> None:
    cleaned = collapse(name)
    assert check_name(cleaned, field="f", label="De naam") == cleaned
    assert unicodedata.is_normalized("NFC", cleaned)


@given(
    text=st.text(
        alphabet=st.characters(codec=None)
        | st.sampled_from(["\u200d", "\u200c", "\u202e", "\x00", "\ud800", "\x1b", "\n"]),
        max_size=30,
    )
)
@settings(max_examples=500)
def test_checks_raise_nothing_but_invalid_input(text: str) -> None:
    for check in (
        lambda t: check_name(t, field="f", label="De naam"),
        lambda t: check_text(t, field="f", label="De tekst"),
        lambda t: check_text(t, field="f", label="De tekst", multiline=True),
    ):
        try:
            assert check(text) == text
        except InvalidInput as exc:
            assert exc.field == "f"
            exc.message.encode("utf-8")  # a message never carries what it refuses
    stripped = strip_invisible(text)
    assert check_name(stripped, field="f", label="De naam") == stripped
    assert shown(text).isprintable()


@given(text=st.text(max_size=30))
def test_a_name_passes_only_without_controls_or_format_characters_out_of_place(text: str) -> None:
    try:
        check_name(text, field="f", label="De naam")
    except InvalidInput:
        accepted = False
    else:
        accepted = True
    bad = {"Cc", "Cs", "Zl", "Zp"}
    if accepted:
        assert not any(unicodedata.category(ch) in bad for ch in text)
        assert all(ch in "\u200c\u200d" for ch in text if unicodedata.category(ch) == "Cf")
    if text.isprintable():
        assert accepted

"""ICAO Doc 9303 Latin spellings and the Arabic consonant skeleton used by the name search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.search_text import fold
from desktop_app.domain.transliteration import consonant_skeleton, has_other_script, to_latin


@pytest.mark.parametrize(
    ("name", "latin"),
    [
        # Russian, as in the machine-readable zone of a Russian passport.
        ("Петрова", "petrova"),
        ("Иванов", "ivanov"),
        ("Жуков", "zhukov"),
        ("Хрущёв", "khrushchev"),
        ("Цветаева", "tsvetaeva"),
        ("Щукин", "shchukin"),
        ("Юлия", "iuliia"),
        ("Яковлев", "iakovlev"),
        ("Сергей", "sergei"),  # й is и after folding, and ICAO gives I for both
        ("Подъячев", "podieiachev"),
        ("Рыбаков", "rybakov"),
        ("Эльвира", "elvira"),  # ь has no Latin letter
        # Ukrainian and Serbian letters of the same table.
        ("Євген", "ievgen"),
        ("Їжак", "izhak"),
        ("Љиљана", "ljiljana"),
        ("Ђоковић", "dokovic"),
        # Greek.
        ("Παπαδόπουλος", "papadopoulos"),
        ("Γιώργος", "giorgos"),
        ("Ευαγγέλου", "evangelou"),
        ("Θεοδωράκης", "theodorakis"),
        ("Ψαρρός", "psarros"),
        ("Χατζής", "chatzis"),
        ("Ξανθή", "xanthi"),
        # Arabic letter for letter (vowels are not written).
        ("محمد", "mhmd"),
        ("خالد", "khald"),
        ("شريف", "shryf"),
        ("أحمد", "ahmd"),  # alef with hamza folds to alef
    ],
)
def test_icao_latin_spelling(name: str, latin: str) -> None:
    assert to_latin(fold(name)) == latin


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("محمد", "Mohammed"),
        ("محمد", "Muhammad"),
        ("يوسف", "Youssef"),
        ("يوسف", "Yusuf"),
        ("عمر", "Omar"),
        ("خالد", "Khalid"),
        ("حسين", "Hussein"),
        ("إبراهيم", "Ibrahim"),
        ("فاطمة", "Fatima"),
        ("زينب", "Zainab"),
        ("قاسم", "Kassem"),
        ("مريم", "Maryam"),
    ],
)
def test_arabic_and_latin_spellings_share_a_skeleton(arabic: str, latin: str) -> None:
    assert consonant_skeleton(fold(arabic)) == consonant_skeleton(fold(latin))


def test_skeleton_only_for_arabic_and_plain_latin_words() -> None:
    assert consonant_skeleton("петрова") == ""
    assert consonant_skeleton("nv-2026") == ""
    assert consonant_skeleton("mohammed") == "mhmd"


def test_latin_and_unknown_scripts_pass_unchanged() -> None:
    for word in ("celik", "王小明", "김민준", "דוד", "nv-2026"):
        assert not has_other_script(word)
        assert to_latin(word) == word


@given(st.text(alphabet=st.characters(categories=("L",)), max_size=20))
def test_latin_spelling_leaves_no_cyrillic_greek_or_arabic(text: str) -> None:
    latin = to_latin(fold(text))
    assert not has_other_script(latin)

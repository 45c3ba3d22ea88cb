from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.search_text import (
    WordFolds,
    fold,
    fts_query,
    index_form,
    is_v_number_query,
    search_tokens,
    v_number_prefix,
)

TOKENIZER = "unicode61 remove_diacritics 2"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Çelik", "celik"),
        ("Müller", "muller"),
        ("ÇELİK", "celik"),  # Turkish capital dotted I
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("Sørensen", "sorensen"),
        ("Łukasz Wałęsa", "lukasz walesa"),
        ("Ærø", "aero"),
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("François-Noël", "francois-noel"),
        ("Иван Йорданов", "иван иорданов"),  # й is и + breve
        ("Ἀθηνᾶ", "αθηνα"),
        ("ΟΔΥΣΣΕΥΣ", "οδυσσευσ"),  # casefold makes final sigma plain
        ("مُحَمَّد", "محمد"),
        ("דָּוִד", "דוד"),
        ("王小明", "王小明"),
        ("김민준", "김민준"),  # Hangul stays syllables
        ("ﬁnn", "finn"),  # ligature (compatibility)
        ("مهر\u200cآرا", "مهرارا"),  # ZWNJ inside a Persian name
        ("Jan\u00adsen", "jansen"),  # soft hyphen from a pasted text
        ("\u200fČelik\u200e", "celik"),  # direction marks
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


@given(st.text())
def test_fold_leaves_no_combining_marks_or_capitals(text: str) -> None:
    folded = fold(text)
    assert not any(unicodedata.combining(ch) for ch in folded)
    assert folded == folded.casefold()


# Words of any script with combining marks, stroke letters, NBSP, U+00A8 (NFKD: space + mark)
# and Hangul jamo that NFC joins, separated by one or more spaces.
_WORDS = st.lists(
    st.text(
        alphabet=st.sampled_from("aÇçeéÉüÜßøŁłæĳﬁ\u0301\u0308\u00a8\u00a0\u1100\u1161ΆάИйمُحَ1 "),
        max_size=8,
    ),
    max_size=6,
)


@given(_WORDS)
@settings(max_examples=300)
def test_word_by_word_folding_is_exactly_the_index_form(texts: list[str]) -> None:
    folds = WordFolds()
    assert folds.fold_many(texts) == [index_form(t) for t in texts]
    assert folds.fold_many(texts) == [index_form(t) for t in texts]  # from the remembered words


@given(st.text(max_size=40))
def test_index_form_starts_with_the_folded_name(text: str) -> None:
    # Sorting on the index column sorts by the name itself.
    folded_words = fold(text).split(" ")
    indexed_words = index_form(text).split(" ")
    assert all(word in indexed_words for word in folded_words)
    assert indexed_words[0] == folded_words[0]


@given(st.text())
def test_fold_is_case_insensitive(text: str) -> None:
    assert fold(text.upper()) == fold(text) == fold(text.lower())


def test_v_number_queries() -> None:
    assert is_v_number_query("0123456789")
    assert is_v_number_query(" 01.23.45.67.89 ")
    assert is_v_number_query("01234-56789")
    assert not is_v_number_query("012345678")
    assert not is_v_number_query("01234567890")
    assert not is_v_number_query("Çelik")
    assert not is_v_number_query("")
    assert not is_v_number_query("١٢٣٤٥٦٧٨٩٠")
    assert v_number_prefix("0123") == "0123"
    assert v_number_prefix("01 23") == "0123"
    assert v_number_prefix("01234567890") is None
    assert v_number_prefix("celik") is None
    assert v_number_prefix("  ") is None


def test_fts_query_shapes() -> None:
    # Each Latin word may also meet an Arabic name's consonant skeleton (marked "0").
    assert fts_query("Çelik") == '("celik"* OR "0clk"*)'
    assert fts_query("  ayşe   ÇEL ") == '("ayse" OR "0s") AND ("cel"* OR "0cl"*)'
    assert fts_query('a"b OR c') == '"a""b" AND ("or" OR "0r") AND ("c"* OR "0c")'
    assert fts_query("Петрова") == '"petrova"*'  # spelled as ICAO does
    assert fts_query("") == ""
    assert fts_query(' " * ( ) ') == ""
    assert search_tokens("NEAR(a b) -c") == ["near(a", "b)", "-c"]


# -- against a real FTS5 table ------------------------------------------------------------------


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(f"CREATE VIRTUAL TABLE names USING fts5(name, tokenize='{TOKENIZER}')")
    except sqlite3.OperationalError:  # pragma: no cover - depends on the Python build
        pytest.skip("this sqlite3 build has no FTS5")
    people = [
        "Ayşe Çelik",
        "Hans Müller",
        "Jan de Vries",
        "Lars Sørensen",
        "Łukasz Wałęsa",
        "Иван Петров",
        "محمد عبد الله",
        "Γιώργος Παπαδόπουλος",
        "O'Brien",
        "Anna OR Bert",
        "Петрова Анна",
        "Anna Petrova",
        "يوسف",
        "Ολυμπία Ευαγγέλου",
    ]
    conn.executemany("INSERT INTO names(name) VALUES (?)", [(index_form(p),) for p in people])
    yield conn
    conn.close()


def search(conn: sqlite3.Connection, query: str) -> list[int]:
    expr = fts_query(query)
    if not expr:
        return []
    rows = conn.execute("SELECT rowid FROM names WHERE names MATCH ? ORDER BY rowid", (expr,))
    return [r[0] for r in rows]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("celik", [1]),
        ("ÇEL", [1]),
        ("ayse celik", [1]),
        ("muller", [2]),
        ("Müll", [2]),
        ("de vr", [3]),
        ("sorensen", [4]),
        ("lukasz walesa", [5]),
        ("петров", [6, 11, 12]),  # a prefix: Petrova too
        ("ИВАН", [6]),
        ("مُحَمَّد", [7]),
        ("γιωργος", [8]),
        ("Γιώργ", [8]),
        ("o'brien", [9]),
        ("brien", [9]),
        ("OR", [10]),
        ("anna OR jan", []),  # OR is a word, not an operator
        ('"', []),
        ("x NOT y", []),
        ("name:celik", []),  # no column filter injection
        ("cel\x00ik", []),  # NUL would end the C string
        ("\udcffcelik", [1]),  # a lone surrogate from a mis-decoded command line
        # Other scripts by their ICAO Latin spelling, and Latin by the other script.
        ("petrova", [11, 12]),
        ("Петрова", [11, 12]),
        ("petr", [6, 11, 12]),
        ("ivan petrov", [6]),
        ("papadopoulos", [8]),
        ("giorgos", [8]),
        ("olympia evangelou", [14]),
        ("mohammed", [7]),
        ("muhammad abdallah", [7]),
        ("abdullah", [7]),
        ("youssef", [13]),
        ("yusuf", [13]),
        ("يوسف", [13]),
        ("yves", []),  # a Latin word's skeleton never meets another Latin word
    ],
)
def test_search_examples(fts: sqlite3.Connection, query: str, expected: list[int]) -> None:
    assert search(fts, query) == expected


@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=30))
@settings(max_examples=300)
def test_any_user_input_is_a_valid_query(fts: sqlite3.Connection, query: str) -> None:
    # Must never raise "fts5: syntax error" whatever is typed.
    search(fts, query)


@given(st.text(alphabet=st.characters(categories=("L", "Nd")), min_size=1, max_size=15))
@settings(max_examples=200)
def test_every_indexed_word_finds_itself(fts: sqlite3.Connection, word: str) -> None:
    conn = fts
    cur = conn.execute("INSERT INTO names(name) VALUES (?)", (index_form(word),))
    rowid = cur.lastrowid
    try:
        assert rowid in search(conn, word)
        assert rowid in search(conn, word.upper())
    finally:
        conn.execute("DELETE FROM names WHERE rowid = ?", (rowid,))


def test_fold_agrees_with_the_tokenizer_for_latin_diacritics() -> None:
    """For every Latin letter that is an ASCII letter plus one diacritic, indexing the raw text
    with remove_diacritics 2 yields the same token as fold()."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZER}')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    checked = 0
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        decomposition = unicodedata.decomposition(ch).split()
        if not ch.isalpha() or len(decomposition) != 2 or decomposition[0].startswith("<"):
            continue
        if not chr(int(decomposition[0], 16)).isascii():
            continue  # base letter is itself special (two diacritics, Æ, Ʒ ...)
        word = f"x{ch}y"
        conn.execute("DELETE FROM t")
        conn.execute("INSERT INTO t(x) VALUES (?)", (word,))
        terms = [row[0] for row in conn.execute("SELECT term FROM v")]
        assert terms == [fold(word)], (hex(cp), ch, terms)
        checked += 1
    assert checked > 300
    conn.close()

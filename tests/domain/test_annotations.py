"""The liaison's annotations: anchoring a quote, and re-anchoring it on later versions."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.sample_text import sample_word, vocabulary

import desktop_app.domain.annotations as annotations_module
from desktop_app.domain.annotations import (
    Anchor,
    OffsetMap,
    Outdated,
    Reanchorer,
    anchor_quote,
    find_occurrences,
    reanchor,
    validate_comment,
)
from desktop_app.domain.errors import InvalidInput, NotFound

V1 = (
    "Betrokkene verbleef in 2014 in Syrië.\n"
    "Volgens een bron had betrokkene contact met de groep.\n"
    "Betrokkene keerde in 2016 terug.\n"
)


def test_anchor_quote_takes_the_first_occurrence() -> None:
    a = anchor_quote(V1, "Betrokkene", version=1)
    assert a == Anchor(1, 0, 10, "Betrokkene")


def test_anchor_quote_with_start_picks_the_occurrence() -> None:
    second = V1.index("Betrokkene keerde")
    a = anchor_quote(V1, "Betrokkene", version=1, start=second)
    assert (a.start, a.end) == (second, second + 10)
    with pytest.raises(InvalidInput) as err:
        anchor_quote(V1, "Betrokkene", version=1, start=3)
    assert err.value.field == "quote"


def test_anchor_quote_refuses_what_is_not_there() -> None:
    with pytest.raises(InvalidInput, match="komt niet voor in versie 1") as err:
        anchor_quote(V1, "Irak", version=1)
    assert err.value.field == "quote"
    for empty in ("", "   "):
        with pytest.raises(InvalidInput):
            anchor_quote(V1, empty, version=1)


def test_anchor_quote_normalises_the_quote_like_the_text() -> None:
    a = anchor_quote(V1, "Syrie\u0308", version=1)  # decomposed ë, as typed on some systems
    assert V1[a.start : a.end] == "Syrië"


def test_anchor_is_consistent() -> None:
    with pytest.raises(ValueError):
        Anchor(1, 0, 5, "abc")
    with pytest.raises(ValueError):
        Anchor(0, 0, 3, "abc")


def test_unchanged_and_shifted_passages_keep_their_anchor() -> None:
    a = anchor_quote(V1, "contact met de groep", version=1)
    assert reanchor(a, V1, V1, new_version=2) == Anchor(2, a.start, a.end, a.quote)
    v2 = "Inleiding toegevoegd.\n" + V1
    moved = reanchor(a, V1, v2, new_version=2)
    assert moved == Anchor(2, a.start + 22, a.end + 22, a.quote)
    assert reanchor(a, V1, V1, new_version=1) is a


def test_a_moved_paragraph_is_found_where_it_went() -> None:
    lines = V1.splitlines(keepends=True)
    v2 = lines[2] + lines[0] + lines[1]
    a = anchor_quote(V1, "keerde in 2016 terug", version=1)
    b = reanchor(a, V1, v2, new_version=2)
    assert isinstance(b, Anchor)
    assert v2[b.start : b.end] == a.quote and b.start < a.start


def test_deleted_or_edited_quotes_are_outdated() -> None:
    a = anchor_quote(V1, "contact met de groep", version=1)
    deleted = V1.replace("Volgens een bron had betrokkene contact met de groep.\n", "")
    edited = V1.replace("contact met de groep", "contact met een groep")
    for v2 in (deleted, edited):
        result = reanchor(a, V1, v2, new_version=2)
        assert result == Outdated(a, 2)
        assert isinstance(result, Outdated)
        assert "versie 1" in result.label_nl and "versie 2" in result.label_nl


def test_repeated_quote_follows_its_own_occurrence() -> None:
    text = "De AIVD meldt A.\nDe AIVD meldt B.\nDe AIVD meldt C.\n"
    second = anchor_quote(text, "De AIVD meldt", version=1, start=text.index("De AIVD meldt B"))
    # Edits before and inside the neighbouring lines do not move it to another occurrence.
    v2 = "Nieuw begin.\nDe AIVD meldt A, zeker.\nDe AIVD meldt B.\nDe AIVD meldt C.\n"
    b = reanchor(second, text, v2, new_version=2)
    assert isinstance(b, Anchor)
    assert b.start == v2.index("De AIVD meldt B")
    # An edit right after the quote, in its own line: it still stays with that line.
    v3 = text.replace("meldt B.", "meldt B en D.")
    c = reanchor(second, text, v3, new_version=3)
    assert isinstance(c, Anchor) and c.start == v3.index("De AIVD meldt B")


def test_repeated_quote_whose_occurrence_was_deleted_takes_the_nearest_remaining() -> None:
    lines = [f"Regel {n} zonder citaat.\n" for n in range(8)]
    lines[0] = "De AIVD meldt A.\n"
    lines[5] = "De AIVD meldt C.\n"
    lines[6] = "De AIVD meldt D.\n"
    text = "".join(lines)
    c = anchor_quote(text, "De AIVD meldt", version=1, start=text.index("De AIVD meldt C"))
    v2 = text.replace("De AIVD meldt C.\n", "Hier stond een veel langere andere zin.\n")
    b = reanchor(c, text, v2, new_version=2)
    assert isinstance(b, Anchor)
    assert b.start == v2.index("De AIVD meldt D")
    v3 = text.replace("De AIVD meldt C.\n", "")
    d = reanchor(c, text, v3, new_version=3)
    assert isinstance(d, Anchor) and d.start == v3.index("De AIVD meldt D")


def test_offset_map_points() -> None:
    m = OffsetMap.between("abc def ghi\n", "abc XYZ def ghi\n")
    assert m.map_span(0, 3) == (0, 3)
    assert m.map_span(4, 7) == (8, 11)
    assert m.map_span(2, 6) is None  # something was inserted inside it
    assert m.map_region(4, 7) == (8, 11)
    assert m.map_region(2, 6) == (2, 10)  # "c ", the insertion, "de"


def test_find_occurrences_includes_overlapping() -> None:
    assert find_occurrences("aaaa", "aa") == [0, 1, 2]
    assert find_occurrences("abc", "") == []


def test_validate_comment() -> None:
    assert validate_comment("  Graag bron noemen.  ") == "Graag bron noemen."
    with pytest.raises(InvalidInput) as err:
        validate_comment(" \n ")
    assert err.value.field == "comment"
    with pytest.raises(InvalidInput):
        validate_comment("x" * 10_001)


# ---------------------------------------------------------------------------------------------
# Properties

_piece = st.sampled_from(["de ", "AIVD ", "bron ", "is ", ".", "\n", " ", "x", "é"])
texts = st.lists(_piece, min_size=1, max_size=30).map("".join)


@st.composite
def annotated_edit(draw: st.DrawFn) -> tuple[str, Anchor, str]:
    old = draw(texts)
    start = draw(st.integers(0, len(old) - 1))
    end = draw(st.integers(start + 1, min(len(old), start + 10)))
    anchor = Anchor(1, start, end, old[start:end])
    i = draw(st.integers(0, len(old)))
    j = draw(st.integers(i, min(len(old), i + 6)))
    new = old[:i] + draw(st.lists(_piece, max_size=3).map("".join)) + old[j:]
    return old, anchor, new


@settings(max_examples=300, deadline=None)
@given(annotated_edit())
def test_reanchored_quote_is_really_there_or_outdated(case: tuple[str, Anchor, str]) -> None:
    old, anchor, new = case
    result = reanchor(anchor, old, new, new_version=2)
    if isinstance(result, Outdated):
        assert anchor.quote not in new
        assert result.original == anchor
    else:
        assert result.version == 2
        assert new[result.start : result.end] == anchor.quote
        # Overlapping occurrences count too ('..' occurs twice in '...'): str.count does not.
        places = [i for i in range(len(new)) if new.startswith(anchor.quote, i)]
        if len(places) == 1:
            assert result.start == places[0]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_edits_elsewhere_keep_the_exact_place_even_for_repeated_quotes(
    data: st.DataObject,
) -> None:
    # Distinct words around one repeated phrase: the only ambiguity is the quote itself.
    n = data.draw(st.integers(3, 8))
    parts = [f"Zin {k} zegt: de AIVD meldt iets.\n" for k in range(n)]
    old = "".join(parts)
    k = data.draw(st.integers(0, n - 1))
    start = old.index("de AIVD meldt", old.index(f"Zin {k} "))
    anchor = Anchor(1, start, start + len("de AIVD meldt"), "de AIVD meldt")
    # Change another sentence's own word (never the quote itself).
    other = data.draw(st.integers(0, n - 1).filter(lambda x: x != k))
    new_parts = list(parts)
    new_parts[other] = new_parts[other].replace("iets", "iets anders")
    if data.draw(st.booleans()):
        new_parts.insert(data.draw(st.integers(0, n)), "Een nieuwe zin.\n")
    new = "".join(new_parts)
    result = reanchor(anchor, old, new, new_version=2)
    assert isinstance(result, Anchor)
    assert result.start == new.index("de AIVD meldt", new.index(f"Zin {k} "))


# ---------------------------------------------------------------------------------------------
# Many annotations on many versions


def _versions(rng: random.Random, count: int, size: int) -> dict[int, str]:
    vocab = vocabulary(3000)

    def word() -> str:
        return sample_word(rng, vocab)

    paras: list[str] = []
    while sum(map(len, paras)) < size:
        paras.append(" ".join(word() for _ in range(rng.randint(10, 80))) + ".")
    texts = {1: "\n\n".join(paras) + "\n"}
    for v in range(2, count + 1):
        lines = texts[v - 1].split("\n")
        for _ in range(5):
            i = rng.randrange(len(lines))
            words = lines[i].split(" ")
            if len(words) > 3:
                words[rng.randrange(len(words))] = word()
                lines[i] = " ".join(words)
        texts[v] = "\n".join(lines)
    return texts


def _annotations(
    rng: random.Random, texts: dict[int, str], per_version: int, ambiguous_share: float
) -> dict[int, Anchor]:
    common = ["de", "het", "een", "van", "in", "is", "dat", "op", "te", "en"]
    anchors: dict[int, Anchor] = {}
    for v, text in texts.items():
        made = 0
        while made < per_version:
            if rng.random() < ambiguous_share:
                quote = f"{rng.choice(common)} {rng.choice(common)}"
                start = text.find(quote)
                if start == -1:
                    continue
            else:
                start = rng.randrange(len(text) - 60)
                quote = text[start : start + rng.randint(15, 50)]
            anchors[len(anchors)] = Anchor(v, start, start + len(quote), quote)
            made += 1
    return anchors


def _best_ms(
    texts: dict[int, str], anchors: dict[int, Anchor]
) -> tuple[float, dict[int, Anchor | Outdated]]:
    best: float = float("inf")
    result: dict[int, Anchor | Outdated] = {}
    for _ in range(3):
        t0 = time.perf_counter()
        placed = Reanchorer(texts).reanchor_all(anchors, max(texts))
        best = min(best, (time.perf_counter() - t0) * 1000)
        result = dict(placed)
    return best, result


def test_500_annotations_over_50_versions_within_200_ms() -> None:
    rng = random.Random(11)
    texts = _versions(rng, 50, 60_000)
    anchors = _annotations(rng, texts, per_version=10, ambiguous_share=0.1)
    assert len(anchors) == 500
    ms, placed = _best_ms(texts, anchors)
    print(f"re-anchoring 500 annotations over 50 versions of 60k characters: {ms:.1f} ms")
    last = texts[50]
    for key, where in placed.items():
        if isinstance(where, Anchor):
            assert last[where.start : where.end] == anchors[key].quote
        else:
            assert isinstance(where, Outdated) and anchors[key].quote not in last
    assert ms <= 200, ms


def test_diffs_are_made_once_per_version_pair_and_only_when_needed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[tuple[str, str]] = []
    real = OffsetMap.between.__func__  # type: ignore[attr-defined]

    def counting(cls: type[OffsetMap], old: str, new: str) -> OffsetMap:
        made.append((old, new))
        return real(cls, old, new)  # type: ignore[no-any-return]

    monkeypatch.setattr(annotations_module.OffsetMap, "between", classmethod(counting))
    plain = Reanchorer({1: "Eerste: AIVD.\nTweede: AIVD.\n", 2: "Nu: AIVD.\nTweede: AIVD.\n"})
    assert plain.reanchor(Anchor(1, 22, 26, "AIVD"), 2) == Anchor(2, 18, 22, "AIVD")
    assert made == []  # two occurrences, but the quote in its context settles it: no diff
    line = "de AIVD meldt.\n"
    texts = {1: line * 10, 2: "Nieuw.\n" + line * 10, 3: "Anders.\n" + line * 10 + "Slot.\n"}
    r = Reanchorer(texts)
    # In a text that repeats itself, the context does not help: the diff decides.
    fifth, sixth = (Anchor(1, k * len(line), k * len(line) + 13, "de AIVD meldt") for k in (4, 5))
    placed = r.reanchor_all({1: fifth, 2: sixth}, 3)
    assert len(made) == 1  # both annotations share the (1, 3) comparison
    assert placed[1] == Anchor(3, 8 + 4 * len(line), 8 + 4 * len(line) + 13, "de AIVD meldt")
    assert placed[2] == Anchor(3, 8 + 5 * len(line), 8 + 5 * len(line) + 13, "de AIVD meldt")
    r.reanchor(Anchor(2, 7 + 4 * len(line), 7 + 4 * len(line) + 13, "de AIVD meldt"), 3)
    assert len(made) == 2
    with pytest.raises(NotFound):
        r.reanchor(fifth, 9)

"""Random Dutch-looking report text for the speed and robustness tests of the text diff and the
annotation re-anchoring: half common short words (which repeat, as in real prose), half rare
ones, so both the ambiguous and the unique matches get exercised."""

from __future__ import annotations

import random

COMMON_WORDS = (
    "de",
    "het",
    "een",
    "van",
    "in",
    "is",
    "dat",
    "op",
    "te",
    "en",
    "voor",
    "met",
    "als",
    "zijn",
    "er",
    "aan",
    "niet",
    "door",
)


def vocabulary(size: int) -> list[str]:
    return [f"woord{n}" for n in range(size)]


def sample_word(rng: random.Random, vocab: list[str]) -> str:
    return rng.choice(COMMON_WORDS) if rng.random() < 0.5 else rng.choice(vocab)

"""Random Dutch-looking report text for the speed and robustness tests of the text diff and the
annotation re-anchoring: half common short words (which repeat, as in real prose), half rare
ones, so both the ambiguous and the unique matches get exercised."""

from __future__ import annotations

import random

# A whole report in the structured form, every finding marked reliable (what submit and sign
# accept): the services, window and end-to-end tests draft it where the wording does not matter.
REPORT_TEXT = (
    "Onderwerp: Ambtsbericht inzake betrokkene.\n\n"
    "Aanleiding\nVerzoek van de IND.\n\n"
    "Bevindingen\n"
    "1. Betrokkene verbleef in 2024 in het buitenland.\n"
    "   Betrouwbaarheid: betrouwbaar\n"
    "   Bronverwijzing: eigen onderzoek\n\n"
    "Conclusie\nGeen bezwaar bekend.\n"
)

# One finding, marked reliable: the smallest text submit accepts, for the tests that only need
# a report to remark on ("in het buitenland" is the quote they select).
ONE_FINDING_TEXT = (
    "Onderwerp: betrokkene A\n\n"
    "Aanleiding\nVerzoek van de IND.\n\n"
    "Bevindingen\n"
    "1. Betrokkene verbleef in 2019 in het buitenland.\n"
    "   Betrouwbaarheid: betrouwbaar\n\n"
    "Conclusie\nGeen bezwaar bekend.\n"
)

# Two findings, one marked reliable, one resting on a source reference: the reports workflow
# tests of the services draft it and change it in place.
TWO_FINDINGS_TEXT = (
    "Onderwerp: betrokkene A\n\n"
    "Aanleiding\nVerzoek van de IND.\n\n"
    "Bevindingen\n"
    "1. Betrokkene verbleef in 2019 in het buitenland.\n"
    "   Betrouwbaarheid: betrouwbaar\n\n"
    "2. Betrokkene onderhield contacten met een organisatie.\n"
    "   Bronverwijzing: DOC-17\n\n"
    "Conclusie\nGeen bezwaar bekend.\n"
)

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

"""Latin spellings of names written in Cyrillic, Greek or Arabic, for search.

A passport shows a name in its own script and, in the machine-readable zone, in Latin letters
transliterated by the tables of ICAO Doc 9303 part 3. The IND registers whichever spelling it
has, so ``petrova`` must find ``Петрова`` and ``Παπαδόπουλος`` must find ``Papadopoulos``.

Input is a word already folded by ``search_text.fold`` (lower case, no diacritics: ``й`` is
``и``, ``ё`` is ``е``, Greek tonos and Arabic harakat are gone). ICAO maps those letters the same
way as their bases, so folding first loses nothing.

Arabic is written without short vowels: ``محمد`` is ``mhmd`` letter for letter, while the IND
types ``Mohammed``. ``consonant_skeleton`` reduces both spellings to their consonants (the
long-vowel letters and ``ع``/``ء`` dropped, doubled letters once, ``q`` as ``k``), so the two meet;
this goes beyond ICAO (which only gives the letter table) and is deliberately loose: a search
offers candidates to a person who checks them against the date of birth and V-number.
"""

from __future__ import annotations

import re

# ICAO Doc 9303 part 3, Cyrillic (Russian values where languages differ; Serbian and
# Macedonian letters as their own tables give them). Ь has no Latin letter.
_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g",
    "д": "d",
    "ђ": "d",
    "е": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "ѕ": "dz",
    "и": "i",
    "і": "i",
    "ј": "j",
    "к": "k",
    "л": "l",
    "љ": "lj",
    "м": "m",
    "н": "n",
    "њ": "nj",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "ћ": "c",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "џ": "dz",
    "ш": "sh",
    "щ": "shch",
    "ъ": "ie",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}

# Greek, per letter as ICAO gives it, with the diphthongs Greek passports spell as pairs
# (ELOT 743, which Greece uses for its machine-readable zone): ου -> ou, αυ -> av, ευ -> ev,
# γγ -> ng (Ευαγγέλου is Evangelou).
_GREEK_PAIRS = {
    "ου": "ou",
    "αυ": "av",
    "ευ": "ev",
    "ηυ": "iv",
    "γγ": "ng",
    "γξ": "nx",
    "γχ": "nch",
}
_GREEK = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}

# Arabic (and the Persian/Urdu letters common in names). ICAO marks the letters without a
# plain Latin equivalent with a leading X (XKH, XSH) to keep the MRZ reversible; people type
# them without it, so these are the plain values. Letters with hamza or madda reach us already
# folded to their base (أ -> ا, ؤ -> و, ئ -> ي).
_ARABIC = {
    "ء": "",
    "ا": "a",
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "e",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ة": "h",
    "و": "w",
    "ي": "y",
    "ى": "a",
    "پ": "p",
    "چ": "ch",
    "ژ": "zh",
    "ک": "k",
    "گ": "g",
    "ی": "y",
    "ـ": "",  # tatweel, a stretching stroke
}
# In the skeleton the letters that carry vowels (or none people write) are left out.
_ARABIC_SILENT = frozenset("ءاعةوىيی")

_LETTERS: dict[str, str] = {**_CYRILLIC, **_GREEK, **_ARABIC}
_GREEK_PAIR = re.compile("|".join(_GREEK_PAIRS))
_LATIN_VOWELS = re.compile(r"[aeiouyw]")
_REPEATS = re.compile(r"(.)\1+")


def has_other_script(word: str) -> bool:
    """Whether the word has a letter of a script this module transliterates."""
    return any(ch in _LETTERS for ch in word)


def is_arabic(word: str) -> bool:
    return any(ch in _ARABIC for ch in word)


def to_latin(word: str) -> str:
    """The ICAO Latin spelling of a folded word; letters of other scripts are kept as they are."""
    if not has_other_script(word):
        return word
    word = _GREEK_PAIR.sub(lambda m: _GREEK_PAIRS[m.group(0)], word)
    return "".join(_LETTERS.get(ch, ch) for ch in word)


def _squeeze(consonants: str) -> str:
    return _REPEATS.sub(r"\1", consonants.replace("q", "k"))


def consonant_skeleton(word: str) -> str:
    """The consonants of a name, for matching vowel-less Arabic against a Latin spelling:
    ``محمد`` and ``mohammed`` both give ``mhmd``, ``يوسف`` and ``youssef`` both ``sf``.

    Arabic words lose their vowel-carrying letters; Latin words lose a, e, i, o, u, y and w.
    Other words give the empty string."""
    if is_arabic(word):
        return _squeeze("".join(_ARABIC.get(ch, "") for ch in word if ch not in _ARABIC_SILENT))
    if word.isascii() and word.isalpha():
        return _squeeze(_LATIN_VOWELS.sub("", word))
    return ""

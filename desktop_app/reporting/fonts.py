"""Embedded fonts and the text preparation every string goes through before it is drawn.

One family (DejaVu Sans, book and bold) covers Latin with diacritics, Greek, Cyrillic, Hebrew
and Arabic, so reportlab needs no per-script font switching. reportlab draws glyphs in the
order it is given, so right-to-left runs are shaped (arabic-reshaper: contextual presentation
forms) and put in visual order (python-bidi) here. HarfBuzz shaping in reportlab would need
uharfbuzz and rlbidi, and maps the glyphs it substitutes to private-use code points, which
breaks text extraction; presentation forms extract as real Arabic letters.
"""

from __future__ import annotations

import re
import sys
import threading
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import arabic_reshaper
from arabic_reshaper.ligatures import LIGATURES
from bidi import get_display
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "CWSans"
BOLD = "CWSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()

# Hebrew, Arabic, Syriac, Thaana, NKo ... and the Hebrew/Arabic presentation forms.
_RTL_CHARS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe"
_RTL_RUN = re.compile(f"[{_RTL_CHARS}]+(?:[ \t]+[{_RTL_CHARS}]+)*")
_HAS_RTL = re.compile(f"[{_RTL_CHARS}]")


def fonts_dir() -> Path:
    """resources/fonts in a source tree, or next to the executable in a PyInstaller build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources" / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


@cache
def _font_charset() -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(REGULAR)
    return frozenset(font.face.charToGlyph)


def register_fonts() -> None:
    """Register the family with reportlab once per process (parsing a TTF costs ~15 ms)."""
    with _lock:
        registered = pdfmetrics.getRegisteredFontNames()
        if REGULAR in registered and BOLD in registered:
            return
        directory = fonts_dir()
        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(directory / file_name)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)


@cache
def _reshaper() -> arabic_reshaper.ArabicReshaper:
    # Only ligatures the embedded font has glyphs for; others stay separate letters.
    charset = _font_charset()
    config: dict[str, bool] = {"delete_harakat": True, "support_ligatures": True}
    for name, (_match, forms) in LIGATURES:
        config[name] = all(ord(ch) in charset for form in forms for ch in form)
    return arabic_reshaper.ArabicReshaper(configuration=config)


def visual(text: str) -> str:
    """Logical order in, drawing order out; text without right-to-left script is unchanged.

    Spaces inside a right-to-left run become no-break spaces so that a name in Arabic script is
    never split over two lines (each line is reordered on its own).
    """
    if not _HAS_RTL.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        if _HAS_RTL.search(line):
            glued = _RTL_RUN.sub(lambda m: re.sub(r"[ \t]+", "\u00a0", m.group(0)), line)
            line = get_display(_reshaper().reshape(glued), base_dir="L")
        lines.append(line)
    return "\n".join(lines)


def markup(text: str) -> str:
    """Text for a reportlab Paragraph: reordered, escaped, newlines as line breaks."""
    return escape(visual(text)).replace("\n", "<br/>")


def has_rtl(text: str) -> bool:
    return _HAS_RTL.search(text) is not None

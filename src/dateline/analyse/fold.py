"""Diacritic folding that keeps every offset.

spaCy's English model was trained on text without Vietnamese diacritics: it misses
"Phan Văn Giang" but finds "Phan Van Giang". Folding character by character (never
merging or splitting characters) lets the model read the folded text while every
offset it returns still points into the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters whose stroke or bar is part of the letter, so Unicode does not decompose them.
_STROKES = {
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "Ð": "D",
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "ħ": "h",
    "Ħ": "H",
    "ı": "i",
}


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """The one-character folded form of ``char``, or ``char`` itself."""
    if char.isascii():
        return char
    if char in _STROKES:
        return _STROKES[char]
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 else char


def fold(text: str) -> str:
    """``text`` without diacritics, with exactly the same length, character for character."""
    if text.isascii():
        return text
    return "".join(map(fold_char, text))

"""Numbers written as words: cardinals, ordinals, multipliers and scales.

Keys are lower case. :func:`parse_number` reads a number written in digits or words.
"""

from __future__ import annotations

import math
import re
from typing import Final

UNIT_WORDS: Final[dict[str, int]] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEEN_WORDS: Final[dict[str, int]] = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: Final[dict[str, int]] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# One to ninety, in counting order.
NUMBER_WORDS: Final[dict[str, int]] = {**UNIT_WORDS, **TEEN_WORDS, **TENS_WORDS}
# Articles that stand for one before a unit or a scale ("a week", "an hour", "a million").
ARTICLES: Final[dict[str, int]] = {"a": 1, "an": 1}
# Words that multiply what precedes them ("two dozen", "three hundred", "a hundred").
MULTIPLIER_WORDS: Final[dict[str, int]] = {"dozen": 12, "hundred": 100}
_ORDINALS: Final = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
)
ORDINAL_WORDS: Final[dict[str, int]] = {word: i for i, word in enumerate(_ORDINALS, start=1)}

SCALE_WORDS: Final[dict[str, float]] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# Glued abbreviations ("€5m", "$2.5bn"). Ambiguous alone ("5m" may be five metres):
# read them only where the context says money.
SCALE_ABBREVIATIONS: Final[dict[str, float]] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}


def numbers_up_to(limit: int) -> dict[str, int]:
    """The cardinal words from one to ``limit``, in counting order."""
    return {word: n for word, n in NUMBER_WORDS.items() if n <= limit}


def scale_of(word: str | None) -> float:
    """The multiplier of a scale word or abbreviation, any case; 1 when there is none."""
    if not word:
        return 1.0
    lowered = word.lower()
    return SCALE_WORDS.get(lowered) or SCALE_ABBREVIATIONS.get(lowered) or 1.0


def scale_word(abbreviation: str) -> str | None:
    """The scale word an abbreviation stands for ("bn" -> "billion"), or None."""
    value = SCALE_ABBREVIATIONS.get(abbreviation.lower())
    return next((word for word, v in SCALE_WORDS.items() if v == value), None)


def parse_number(text: str) -> float | None:
    """The value of a written number ("1,250.5", "twenty-five", "two hundred", "a dozen").

    Returns None for anything else, or for a value too large to be finite.
    """
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if cleaned[0].isdigit():
        try:
            value = float(cleaned.replace(",", ""))
        except ValueError:
            return None
        return value if math.isfinite(value) else None
    return _parse_number_words(cleaned)


def _parse_number_words(text: str) -> float | None:
    current = 0
    for token in re.split(r"[\s-]+", text):
        if token == "and":
            continue
        if token in ("a", "an", "another"):
            current = max(current, 1)
        elif token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
        elif token in MULTIPLIER_WORDS:
            current = max(current, 1) * MULTIPLIER_WORDS[token]
        else:
            return None
    return float(current) if current else None

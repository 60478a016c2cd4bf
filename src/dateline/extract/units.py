"""Number words, scale words and currency tables for reading figures, as data.

Everything a figure pattern needs to know about how numbers and money are written lives
here, so adding a currency or a scale is a table edit, not a regex edit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

# --- Numbers written as words -------------------------------------------------------

UNIT_WORDS: dict[str, int] = {
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
TEEN_WORDS: dict[str, int] = {
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
TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS: dict[str, int] = {**UNIT_WORDS, **TEEN_WORDS, **TENS_WORDS}
# Words that multiply what precedes them ("two dozen", "three hundred", "a hundred").
MULTIPLIER_WORDS: dict[str, int] = {"dozen": 12, "hundred": 100}

# --- Scales -------------------------------------------------------------------------

SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# Glued abbreviations ("€5m", "$2.5bn"): only read after a currency, where "5m" cannot
# be five metres.
SCALE_ABBREVIATIONS: dict[str, float] = {
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

# --- Currencies ---------------------------------------------------------------------

# Written before the amount ("US$130 million", "€5m", "$ 2 billion").
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "US $": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₫": "VND",
    "₩": "KRW",
    "₹": "INR",
    "฿": "THB",
}
# ISO codes, written before ("VND 2.5 trillion") or after ("130 million USD").
CURRENCY_CODES: dict[str, str] = {
    code: code
    for code in (
        "USD",
        "VND",
        "EUR",
        "GBP",
        "JPY",
        "CNY",
        "AUD",
        "CAD",
        "CHF",
        "HKD",
        "INR",
        "KRW",
        "MYR",
        "NZD",
        "SGD",
        "THB",
        "IDR",
        "PHP",
    )
} | {"RMB": "CNY"}
# Written after the amount ("1.2 billion dollars"). Lower case only: "Dong" is a name.
# "pounds" alone is left out (as often a weight), and so is "won" (as often a verb).
CURRENCY_WORDS: dict[str, str] = {
    "US dollars": "USD",
    "U.S. dollars": "USD",
    "American dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "dong": "VND",
    "đồng": "VND",
    "baht": "THB",
    "ringgit": "MYR",
    "rupees": "INR",
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal ``words``, longest first so "US$" beats "$"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


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


def scale_of(word: str | None) -> float:
    """The multiplier of a scale word or abbreviation; 1 when there is none."""
    if not word:
        return 1.0
    lowered = word.lower()
    return SCALE_WORDS.get(lowered) or SCALE_ABBREVIATIONS.get(lowered) or 1.0


def currency_of(token: str) -> str | None:
    """The ISO code of a currency symbol, code or word, as written; None if unknown."""
    squeezed = re.sub(r"\s+", " ", token.strip())
    for table in (CURRENCY_SYMBOLS, CURRENCY_CODES, CURRENCY_WORDS):
        if squeezed in table:
            return table[squeezed]
    return None

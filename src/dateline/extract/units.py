"""Currency tables for reading figures, as data; number and scale words come from the
lexicon (:mod:`dateline.lexicon.numbers`) and are imported here for figure readers.

Everything a figure pattern needs to know about how money is written lives here, so
adding a currency is a table edit, not a regex edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dateline.lexicon.numbers import (
    MULTIPLIER_WORDS,
    NUMBER_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    TEEN_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    parse_number,
    scale_of,
)

__all__ = [
    "CURRENCY_CODES",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "MULTIPLIER_WORDS",
    "NUMBER_WORDS",
    "SCALE_ABBREVIATIONS",
    "SCALE_WORDS",
    "TEEN_WORDS",
    "TENS_WORDS",
    "UNIT_WORDS",
    "alternation",
    "currency_of",
    "parse_number",
    "scale_of",
]

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


def currency_of(token: str) -> str | None:
    """The ISO code of a currency symbol, code or word, as written; None if unknown."""
    squeezed = re.sub(r"\s+", " ", token.strip())
    for table in (CURRENCY_SYMBOLS, CURRENCY_CODES, CURRENCY_WORDS):
        if squeezed in table:
            return table[squeezed]
    return None

"""Words around people's names (ranks, honorifics, title abbreviations) and the folds
that make two spellings of a name compare equal.

Three folds, for three uses:

- :func:`fold` drops diacritics character by character, so every offset into the folded
  text still points into the original ("Phan Văn Giang" -> "Phan Van Giang");
- :func:`fold_ascii` transliterates to lower-case ASCII, for matching what a user typed;
- :func:`fold_name` also drops dots and extra spaces ("U.S." = "us"), for comparing names;
- :func:`name_key` further folds punctuation and British/American spellings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from unidecode import unidecode

from dateline.lexicon.words import word_set

# Military ranks and their abbreviations (lower case, no dot). Never a role, never a name.
RANKS: Final = word_set(
    "general gen lieutenant lieut lt senior sen major maj colonel col brigadier brig "
    "admiral adm rear vice captain capt cmdr marshal sergeant sgt corporal cpl "
    "private pvt"
)
# Courtesy titles as written before a name, abbreviated ("Mr. Name", "Dr Name").
COURTESY_ABBREVIATIONS: Final = ("Mr", "Mrs", "Ms", "Dr", "Prof")
# Courtesy words before a name (lower case, no dot).
HONORIFICS: Final = frozenset(a.lower() for a in COURTESY_ABBREVIATIONS) | word_set(
    "miss madam professor sir dame hon honourable honorable excellency"
)
# Abbreviations after which a name goes on in the same sentence ("Lt. Gen. Name",
# "Gov. Name", "St. Name"): ranks, courtesy titles and offices (lower case, no dot).
NAME_ABBREVIATIONS: Final = word_set(
    "gen lieut lt sen maj col brig adm capt cmdr sgt cpl pvt mr mrs ms dr prof hon gov rep "
    "amb pres supt insp det st mt"
)
# Offices one person holds at a time in a country, as title keys: two people of one
# surname who each hold one of these, and whom no article names together, are one person
# under two first names (a nickname). Titles with a complement ("president of the union")
# are left out: their key says whose office it is.
SOLE_OFFICES: Final = frozenset(
    {"president", "vice president", "prime minister", "premier", "chancellor", "king", "queen"}
)
# British and American spellings of one word, as name keys write it.
SPELLINGS: Final[dict[str, str]] = {
    "defense": "defence",
    "organization": "organisation",
    "center": "centre",
    "program": "programme",
}

# Letters whose stroke or bar is part of the letter, so Unicode does not decompose them.
_STROKES: Final = {
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


def fold_ascii(text: str) -> str:
    """Lower-case ASCII transliteration (lengths may change): "Hà Nội" -> "ha noi"."""
    return unidecode(text).lower()


def fold_name(text: str) -> str:
    """A name for comparison: ASCII, lower case, without dots, single-spaced
    ("U.S. Department" -> "us department")."""
    return " ".join(fold_ascii(text).replace(".", "").split())


_DOTS = re.compile(r"\.(?=\w|$)|(?<=\w)\.")
_NON_WORD = re.compile(r"[^\w\s'&+-]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # names repeat: resolution keys each mention several times
def name_key(text: str) -> str:
    """Folded, lower-case, dot-free and single-spaced form of a name, one spelling per
    word ("Ministry of Defense" = "ministry of defence")."""
    text = fold(text).lower().replace("’", "'")
    text = _DOTS.sub("", text)
    text = _NON_WORD.sub(" ", text)
    words = [SPELLINGS.get(w, w) for w in _SPACES.split(text.strip()) if w]
    return " ".join(words)


@lru_cache(maxsize=1 << 16)
def bare(word: str) -> str:
    """A token as a lexicon key: folded, lower case, without a final dot."""
    return fold(word).lower().rstrip(".")


def is_rank_or_honorific(word: str) -> bool:
    """A word that goes before a name, not in it: "Gen.", "Lieutenant", "Mrs", "sir"."""
    key = bare(word)
    return key in RANKS or key in HONORIFICS

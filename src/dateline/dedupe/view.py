"""The text as duplicate detection sees it: a house-style-neutral view.

Outlets re-edit a wire story to their own style before they print it: "per cent"
or "%", "U.S." or "US", defence or defense, "Mr. Ortberg" or "Ortberg", "on Sept.
23" or "on Monday", a dateline ("SEATTLE --", "New York:") added or dropped. Each
such edit breaks every word shingle that spans it, so two copies of one text look
less alike than they are. The view rewrites each variant to one form before
shingling. It is computed from the stored clean text when needed and never
replaces it; :data:`RULES` names the rewrites in the order they apply.

Two steps: :func:`view` rewrites the text (rules that need case, punctuation or
line starts) and keeps its line breaks, one line per paragraph, so that
:mod:`dateline.dedupe.shingles` can tell article paragraphs from page chrome;
:func:`view_words` splits a line of it into words and rewrites those (spelling,
numbers, dates), word by word through a cache, which costs far less than a regular
expression over the text per rule.
"""

from __future__ import annotations

import re

from unidecode import unidecode

from dateline.lexicon.calendar import MONTHS, WEEKDAY_NAMES
from dateline.lexicon.names import COURTESY_ABBREVIATIONS
from dateline.lexicon.numbers import numbers_up_to, scale_word

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# CJK characters inside Latin-script text are mojibake (UTF-8 quotes read as GBK)
# or a site's injected tag; folded, they would become made-up words.
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")

# A dateline: up to four capitalised words (a city, a country, an agency in
# brackets) opening a paragraph and closed by a dash (a hyphen after a space: not
# "Pro-Beijing") or a colon; or a paragraph
# that is only one to three upper-case words (a dateline or a kicker on its own).
_DATELINE = re.compile(
    r"^[ \t]*(?:(?:[A-Z][A-Za-z.'&-]*,?[ \t]+){0,3}[A-Z][A-Za-z.'&-]*,?"
    r"(?:[ \t]*\([A-Za-z .]{1,30}\))?(?:[ \t]+-{1,3}|[ \t]*(?:--|:))[ \t]*"
    r"|[A-Z][A-Z.'&-]*(?:[ \t,]+[A-Z][A-Z.'&-]*){0,2}[ \t]*$)",
    re.MULTILINE,
)
_HONORIFIC = re.compile(rf"\b(?:{'|'.join(COURTESY_ABBREVIATIONS)})\b\.?[ \t]*(?=[A-Z])")
# u.s. and u.k. lose their inner dots; a final dot may end a sentence, so it stays.
# (Each pattern opens with a literal character, which the engine scans for fast.)
_ABBREVIATION = re.compile(r"\.(?<=\b[a-z]\.)(?=[a-z]\b)")
_COUNTRY = re.compile(r"\bunited (?:states|kingdom)(?: of america)?\b")
_THOUSANDS = re.compile(r",(?<=\d,)(?=\d{3}\b)")
_TOKEN = re.compile(r"[a-z0-9]+|\n")  # words, and line breaks to keep lines apart

DATE_WORD = "qdateq"
_WEEKDAYS = tuple(w.lower() for w in WEEKDAY_NAMES)
_RELATIVE_DAYS = ("today", "yesterday", "tonight", "tomorrow")
_MONTHS = frozenset(MONTHS)
_NUMBER_NAMES = tuple(numbers_up_to(10))
_SCALED = re.compile(r"(\d+)(bn|m)")  # 500m, 1.5bn (the "1." is a word of its own)
_SCALES = {abbr: scale_word(abbr) or abbr for abbr in ("bn", "m")}

RULES = (
    "fold: ASCII transliteration, CJK mojibake in Latin text dropped",
    "dateline: a leading 'CITY --' / 'City:', or an all-capitals line of one to three words",
    "honorific: Mr / Mrs / Ms / Dr / Prof before a name",
    "case: lower case, apostrophes dropped",
    "abbreviation: dotted letters joined (U.S. -> us), United States -> us",
    "percent: % / per cent / pct -> percent",
    "numbers: thousands separators, 5m / 5bn -> 5 million / billion, one..ten -> digits",
    "date: weekday, today/yesterday, day-and-month phrases (with 'on') -> one word",
    "spelling: British -> American endings (defence, labour, organise, centre, travelled)",
)


def view(text: str) -> str:
    """``text`` rewritten by the text-level :data:`RULES`: lower-case ASCII, line
    breaks kept; split its lines with :func:`view_words`."""
    if not text.isascii():
        if len(_CJK.findall(text)) * 10 < len(text):  # a few runs: mojibake in Latin text
            text = _CJK.sub(" ", text)
        # unidecode walks a string char by char in Python once it meets a non-ASCII
        # char; news text is mostly ASCII, so fold only the non-ASCII runs.
        text = _NON_ASCII.sub(_fold_match, text)
    text = _DATELINE.sub("", text)
    if any(title in text for title in COURTESY_ABBREVIATIONS):
        text = _HONORIFIC.sub("", text)
    # Apostrophes go ("Vietnam's" -> "vietnams"); other punctuation separates words.
    text = text.lower().replace("'", "").replace("`", "")
    text = _ABBREVIATION.sub("", text)
    if "united " in text:
        text = _COUNTRY.sub(_country, text)
    text = text.replace("%", " percent ").replace("per cent", "percent")
    return _THOUSANDS.sub("", text)


def view_words(text: str) -> tuple[list[str], list[str]]:
    """The words of :func:`view` ``(text)``, rewritten by the word-level rules, and
    its lines; the words of a line end with a ``"\n"`` word (one per line break)."""
    text = view(text)
    found = _TOKEN.findall(text)  # one pass over the text, not one per line
    try:
        words = list(map(_WORDS.__getitem__, found))
    except KeyError:  # words met for the first time
        for word in set(found).difference(_WORDS):
            _learn(word)
        words = list(map(_WORDS.__getitem__, found))
    if not _SPLIT.isdisjoint(found):  # "500m" -> "500 million": one word became two
        words = " ".join(words).split(" ")  # line breaks stay words of their own
    if not _MONTHS.isdisjoint(found):
        words = _dates(words)
    if DATE_WORD in words:
        # "on Monday", "Monday, Sept. 23" and "Friday (Oct. 11)": one date word
        out: list[str] = []
        for w in words:
            if w == DATE_WORD and out and out[-1] in (DATE_WORD, "on"):
                out.pop()
            out.append(w)
        words = out
    return words, text.split("\n")


def _dates(words: list[str]) -> list[str]:
    """Month-and-day phrases ("sept 23", "23 october 2024") -> the date word."""
    # A phrase opens on a month or one or two words before it ("23 of october"): only
    # those places are read word by word, the words between are copied as they are.
    starts = sorted({s for at, w in enumerate(words) if w in _MONTHS for s in (at - 2, at - 1, at)})
    out: list[str] = []
    i = 0
    for start in starts:
        if start < i:  # inside a phrase already read, or before the text
            continue
        out += words[i:start]
        i = start
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in _MONTHS and _day(nxt):
            out.append(DATE_WORD)
            i += 2
            if i < len(words) and _year(words[i]):
                i += 1
            continue
        if _day(w) and (
            nxt in _MONTHS or (nxt == "of" and words[i + 2 : i + 3] and words[i + 2] in _MONTHS)
        ):
            out.append(DATE_WORD)
            i += 2 if nxt in _MONTHS else 3
            if i < len(words) and _year(words[i]):
                i += 1
            continue
        out.append(w)
        i += 1
    out += words[i:]
    return out


def _day(word: str) -> bool:
    digits = word.removesuffix("st").removesuffix("nd").removesuffix("rd").removesuffix("th")
    return digits.isdigit() and len(digits) <= 2


def _year(word: str) -> bool:
    return word.isdigit() and len(word) == 4


def _fold_match(match: re.Match[str]) -> str:
    return unidecode(match.group())


def _country(match: re.Match[str]) -> str:
    return "us" if "states" in match.group() else "uk"


# Each word's rewrite, learnt as words are met; cleared when it grows past a bound.
_WORDS: dict[str, str] = {}
_SPLIT: set[str] = set()  # the words learnt to become two ("500m")
_MAX_WORDS = 500_000
_FIXED = {
    **dict.fromkeys(_WEEKDAYS + _RELATIVE_DAYS, DATE_WORD),
    **{w: str(i) for i, w in enumerate(_NUMBER_NAMES, 1)},
    "pct": "percent",
    "grey": "gray",
    "\n": "\n",
}


def _learn(word: str) -> str:
    if len(_WORDS) >= _MAX_WORDS:
        _WORDS.clear()
        _SPLIT.clear()
    if word in _FIXED:
        found = _FIXED[word]
    elif word[0].isdigit() and (scaled := _SCALED.fullmatch(word)):
        found = f"{scaled.group(1)} {_SCALES[scaled.group(2)]}"
        _SPLIT.add(word)
    else:
        found = american(word)
    _WORDS[word] = found
    return found


# Endings whose British form maps to one American form. Words that merely end the
# same way ("four", "promise", "fence") are rewritten too, harmlessly: both copies
# of a text are rewritten alike, and a rewrite only merges spellings.
_ENDINGS = (
    (re.compile(r"(?<=[a-z]{2})is(e[sd]?|ing|ations?)$"), r"iz\1"),
    (re.compile(r"ys(e[sd]?|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3})([tb])re(s?)$"), r"\1er\2"),
    (re.compile(r"^(def|off|lic|pret)ence(s?)$"), r"\1ense\2"),
    (re.compile(r"(?<=[a-z]{4}[ae])ll(ed|ing|ers?)$"), r"l\1"),
    (re.compile(r"(?<=[a-z]{3})ogue(s?)$"), r"og\1"),
    (re.compile(r"(?<=[a-z]{4})amme(s?)$"), r"am\1"),
    (re.compile(r"(?<=dg)ement$"), "ment"),
)


def american(word: str) -> str:
    """The American spelling of ``word``, by its ending."""
    for pattern, replacement in _ENDINGS:
        word, count = pattern.subn(replacement, word)
        if count:
            break
    return word

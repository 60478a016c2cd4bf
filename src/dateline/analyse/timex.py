"""Find temporal expressions in news text and resolve them to calendar periods.

Every expression becomes a period ``value..end_value`` with a precision (``day``,
``month`` or ``year``) and a direction relative to the reference (publication)
date: ``past`` if the period ends before it, ``future`` if it starts after it,
``present`` if it contains it. Without a reference only expressions that carry
their own year are resolved, and their direction is ``present`` (unknown).

Design choices:

* Rules are precompiled regular expressions (tables below), tolerant of
  Penn-Treebank tokens (``Feb. 7 , 2025``, ``-LRB- 1995-2025 -RRB-``). Horizontal
  whitespace only: a sentence a line must not glue a month to the next line.
* Overlaps: every rule proposes candidates and the longest wins. A candidate
  that looks like a date but is impossible ("February 31") still claims its
  span, so no fragment of it ("31") is reported.
* Tense: the cue word nearest to the expression in its sentence (first looking
  back, then ahead) says ``future`` (will, 'll, would, may, is due to,
  scheduled, plans, expects, next...) or ``past`` (was, had, common irregular
  verbs, regular -ed verbs not after "is"/"be"/"not", since, ago...). Reporting
  verbs ("said") are no cue: they date the speech, not the event.
* Day and month without a year: a year written with the same day and month
  elsewhere in the text wins ("September 11, 2001 ... before September 11").
  Otherwise candidates in the neighbouring years: a future cue takes the first
  one not over, a past cue the last one begun (2 days of slack for publication
  lag); no cue, the nearest, the past preferred unless the future one is three
  times closer (news mostly reports what happened). A cue is overruled when its
  choice lies over 120 days away and another candidate within 14 days (the
  publication date is likelier a few days off than the event a year away), and
  a future cue found after the expression only reaches 120 days.
* Months without a year ("in September"): the month containing the reference,
  else the latest one before it, or the next one with a future cue.
* Weekdays: the reference day itself when it is that weekday, otherwise the
  most recent one before it, or the next one after it with a future cue.
  "last X" is strictly before, "next X" strictly after, "this X" in the same
  Monday-Sunday week.
* Approximations (precision month): early = Jan-Apr, mid = May-Aug, late =
  Sep-Dec, the end of = December, the beginning/start of = January, halves and
  quarters as their months. "early June", "the end of June" give all of June;
  "earlier this year" gives the whole year.
* A bare number 1900-2100 is a year ("UNCLOS 1982", "the 2011 Memorandum")
  unless its neighbours make it a count, a code or a clock time ("2000 people",
  "Resolution 1973", "1900 GMT"). Month names need a day, a year or a cue word
  ("in May"), so the modal "may" and "May God..." are no dates.
* Ranges of years ("1995-2025", "2008-09") are periods of precision ``year``;
  decades ("the 1990s"), weeks, weekends and seasons are skipped: they are not
  dates a timeline can use.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from calendar import monthrange
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final, Literal, NamedTuple

from dateline.lexicon.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES, WEEKDAYS
from dateline.lexicon.numbers import ARTICLES, numbers_up_to

__all__ = ["TimeExpression", "find_time_expressions"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One resolved temporal expression of a text."""

    start: int
    end: int
    text: str
    value: str
    end_value: str
    precision: str
    direction: str


# ------------------------------------------------------------------ vocabulary

_MONTHS: Final = MONTH_NAMES
_ABBR_ALL: Final = tuple(MONTH_ABBREVIATIONS)
_WEEKDAYS: Final = WEEKDAY_NAMES
_MONTH_INDEX: Final = {name[:3].lower(): i for i, name in enumerate(_MONTHS, start=1)}
_WEEKDAY_INDEX: Final = WEEKDAYS
# "a week", "two months", "twelve days".
_NUMBER_WORDS: Final = ARTICLES | numbers_up_to(12)
# Parts of a year, as (first month, last month); see the module notes.
_PARTS: Final[dict[str, tuple[int, int]]] = {
    "early": (1, 4),
    "beginning of": (1, 1),
    "start of": (1, 1),
    "mid": (5, 8),
    "middle of": (5, 8),
    "late": (9, 12),
    "end of": (12, 12),
    "first half of": (1, 6),
    "second half of": (7, 12),
    "first quarter of": (1, 3),
    "second quarter of": (4, 6),
    "third quarter of": (7, 9),
    "fourth quarter of": (10, 12),
}
_PART_OF_DAY: Final = r"(?:\s+(?:morning|afternoon|evening|night))?"


def _words(text: str) -> list[str]:
    return text.split()


# A bare 4-digit number after these words is a count, a code or a clock time.
_NOT_YEAR_BEFORE: Final = frozenset(
    _words(
        "resolution resolutions no no. nos number # flight route article section page pages p. pp. "
        "room suite highway interstate model code chapter paragraph item line bus platform gate "
        "unit lot box $ us$ a$ c$ hk$ £ € rs rs. at about nearly almost approximately roughly some "
        "least estimated total over vol. issue decree order serial seat row tel phone fax ext"
    )
)
_NOT_YEAR_AFTER: Final = frozenset(
    _words(
        "gmt utc et est edt bst cet cest pst pdt local hours hrs hr h people persons troops "
        "soldiers "
        "men women children cases deaths dead barrels gallons tons tonnes km kilometres kilometers "
        "miles metres meters feet ft points percent % per jobs workers residents protesters rebels "
        "civilians patients students refugees votes times flights staff members visitors euros "
        "dollars pounds yen acres hectares words shares units square sq mph"
    )
)
# Before a bare year these make it a year even when a plural noun follows.
_YEAR_DETERMINERS: Final = frozenset(
    _words(
        "the a an in of since by from until till to during for before after and or 's its his her "
        "their our this that early late mid -lrb- ( , : year"
    )
)
_WEEKDAY_NAME_BEFORE: Final = frozenset(
    _words("Bloody Black Super Good Ash Cyber Holy Maundy Palm Shrove Man Girl")
)
_WEEKDAY_NAME_AFTER: Final = frozenset(
    _words(
        "Times Telegraph Mirror Express Herald Post Mail Tribune Independent Sport People Star "
        "Business Football School Review Magazine Programme Program Show Club Night"
    )
)


# A trie node: a child node per next character; "" maps to the tail of a word ending here.
_Trie = dict[str, Any]


def _alt(words: Iterable[str], guard: str = "", tails: dict[str, str] | None = None) -> str:
    """A regex for any of ``words``, as a trie ("J(?:an(?:uary)?|u(?:ne|ly))").

    A trie fails at once where a flat alternation tries every word in turn, and
    it still prefers the longest word. ``tails`` gives a word what must follow
    it. With ``guard``, the first letter must not follow such a character: the
    check sits after that letter so the pattern starts with a plain character,
    which lets the regex engine skip ahead fast (a leading lookbehind makes it
    try every position).
    """
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = (tails or {}).get(word, "")
    return _trie(tree, f"(?<!{guard}.)" if guard else "")


def _trie(node: _Trie, after_first: str = "") -> str:
    branches = [
        (" " if char == " " else re.escape(char)) + after_first + _trie(child)
        for char, child in sorted(node.items())
        if char and isinstance(child, dict)
    ]
    tail = node.get("")
    if isinstance(tail, str):
        branches.append(tail)  # last: a longer word is tried first
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _both_cases(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(v for w in words for v in (w, w[0].upper() + w[1:]))


def _compile(pattern: str) -> re.Pattern[str]:
    # Horizontal whitespace only: one sentence a line must stay one sentence.
    return re.compile(pattern.replace(r"\s", r"[^\S\r\n]"))


# Characters a month, a weekday or a day number must not follow ("Mayfair", "3.5 May").
_DATE_GUARD = r"[\w.]"
_WORD_GUARD = r"\w"
_DAY_GUARD = r"[\w.,]"
_FULL_MONTHS = _MONTHS + tuple(m.upper() for m in _MONTHS)
_SHORT_MONTHS = _ABBR_ALL + tuple(a.upper() for a in _ABBR_ALL)
# Only an abbreviation takes a dot: in "on 2 November." the dot ends the sentence.
_MONTH_TAILS = {w: r"\b" for w in _FULL_MONTHS} | {w: r"\b\.?" for w in _SHORT_MONTHS}
_MON = _alt(_MONTH_TAILS, tails=_MONTH_TAILS)
_MON_G = _alt(_MONTH_TAILS, _DATE_GUARD, _MONTH_TAILS)
_MON_BARE = rf"(?:(?:{_alt(_MONTHS)})\b|(?:{_alt(_ABBR_ALL)})\.)"
_MON_POSSESSIVE = rf"(?:{_alt(m for m in _MONTHS if m != 'May')})\b"
_WEEKDAY_WORDS = _WEEKDAYS + tuple(w.upper() for w in _WEEKDAYS)
_WD = rf"(?:{_alt(_WEEKDAY_WORDS)})\b"
_WD_G = rf"(?:{_alt(_WEEKDAY_WORDS, _WORD_GUARD)})\b"
_YEAR = r"(?:1[0-9]|20)[0-9]{2}"
# A 4-digit number glued to these is a code, an amount or a clock time.
_YEAR_GUARD = r"[\w.,$£€#/:-]"
_SEP = r"(?:\s*,\s*|\s+)"
_YEAR_TAIL = rf"(?:{_SEP}(?P<y>{_YEAR})(?![0-9]))?"
_NUM_END = r"(?![0-9]|[.,][0-9])"
_TO = r"(?:\s*(?:-{1,2}|[–—‒−])\s*|\s+(?:to|through|thru|until|till)\s+)"
_PART_PHRASES = (
    "early",
    "late",
    "mid",
    "mid-",
    "end of",
    "the end of",
    "beginning of",
    "the beginning of",
    "start of",
    "the start of",
    "middle of",
    "the middle of",
    "the first half of",
    "the second half of",
    "the first quarter of",
    "the second quarter of",
    "the third quarter of",
    "the fourth quarter of",
)
_PART_MOD = rf"(?:{_alt(_both_cases(_PART_PHRASES))})".replace(" ", r"\s+") + r"\s*"
_REL_MOD = rf"(?:{_PART_MOD}|(?:{_alt(_both_cases(('earlier', 'later')))})\s+)"


def _day(name: str, guard: str = "") -> str:
    """A day number; ``guard`` lists characters it must not follow."""
    check = f"(?<!{guard}.)" if guard else ""
    return rf"(?P<{name}>[0-9]{check}[0-9]?)(?:st|nd|rd|th)?\b"


def _year_at(name: str) -> str:
    return rf"(?P<{name}>[12](?<!{_YEAR_GUARD}.)[0-9]{{3}})"


# ------------------------------------------------------------------ patterns
# Every pattern names the expression ``x``; text matched around it is context.

_P_ISO = _compile(
    r"(?P<x>(?P<y>[12](?<![0-9-].)[0-9]{3})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9]))(?![0-9])"
)
_P_NINE_ELEVEN = _compile(r"(?P<x>9(?<![0-9/].)/11)(?![0-9/])")
_P_MDY = _compile(rf"(?P<x>(?P<m>{_MON_G})\s*{_day('d')}{_YEAR_TAIL}){_NUM_END}")
_P_WD_MDY = _compile(
    rf"(?P<x>(?P<wd>{_WD_G}){_SEP}(?P<m>{_MON})\s*{_day('d')}{_YEAR_TAIL}){_NUM_END}"
)
_P_DMY = _compile(rf"(?P<x>{_day('d', _DAY_GUARD)}\s+(?:of\s+)?(?P<m>{_MON}){_YEAR_TAIL})(?![0-9])")
_P_WD_DMY = _compile(
    rf"(?P<x>(?P<wd>{_WD_G}){_SEP}{_day('d')}\s+(?:of\s+)?(?P<m>{_MON}){_YEAR_TAIL})(?![0-9])"
)
_P_MY = _compile(rf"(?P<x>(?P<m>{_MON_G}){_SEP}?(?:of\s+)?(?P<y>{_YEAR}))(?![0-9])")
_P_RANGE_MD = _compile(
    rf"(?P<x>(?P<m1>{_MON_G})\s*{_day('d1')}{_TO}(?:(?P<m2>{_MON})\s*)?{_day('d2')}"
    rf"{_YEAR_TAIL}){_NUM_END}"
)
_P_RANGE_DM = _compile(
    rf"(?P<x>{_day('d1', _DAY_GUARD)}(?:\s+(?:of\s+)?(?P<m1>{_MON}))?{_TO}{_day('d2')}\s+"
    rf"(?:of\s+)?(?P<m2>{_MON}){_YEAR_TAIL})(?![0-9])"
)
_P_RANGE_MD_AND = _compile(
    rf"\b[Bb]etween\s+(?P<x>(?P<m1>{_MON})\s*{_day('d1')}\s+and\s+(?:(?P<m2>{_MON})\s*)?"
    rf"{_day('d2')}{_YEAR_TAIL}){_NUM_END}"
)
_P_RANGE_DM_AND = _compile(
    rf"\b[Bb]etween\s+(?P<x>{_day('d1')}(?:\s+(?:of\s+)?(?P<m1>{_MON}))?\s+and\s+{_day('d2')}\s+"
    rf"(?:of\s+)?(?P<m2>{_MON}){_YEAR_TAIL})(?![0-9])"
)
_P_YEAR_RANGE = _compile(rf"(?P<x>{_year_at('y1')}{_TO}(?P<y2>[12][0-9]{{3}}))(?![0-9]|s\b)")
_P_YEAR_RANGE_AND = _compile(
    r"\b[Bb]etween\s+(?P<x>(?P<y1>[12][0-9]{3})\s+and\s+(?P<y2>[12][0-9]{3}))(?![0-9]|s\b)"
)
_P_YEAR_SHORT_RANGE = _compile(rf"(?P<x>{_year_at('y1')}[-–/](?P<y2s>[0-9]{{2}}))(?![0-9]|s\b)")
_P_BARE_YEAR = _compile(rf"(?P<x>{_year_at('y')})(?![0-9]|[.,:/][0-9]|s\b|%|-[0-9])")
_P_PART_OF_YEAR = _compile(
    rf"(?<![\w-])(?P<x>(?P<mod>{_PART_MOD})(?P<y>[12][0-9]{{3}}))(?![0-9]|s\b)"
)
_P_RELATIVE = _compile(
    r"(?<![\w-])(?P<x>(?P<rel>this|This|last|Last|next|Next)\s+(?P<u>year|month))\b"
)
_P_RELATIVE_PART = _compile(
    rf"(?<![\w-])(?P<x>(?P<mod>{_REL_MOD})(?P<rel>this|last|next|the)\s+(?P<u>year|month))\b"
)
_P_AGO = _compile(
    rf"\b(?P<x>(?P<n>{_alt(_both_cases(_NUMBER_WORDS))}|[0-9]{{1,3}})\s+"
    r"(?P<u>days?|months?|years?)\s+ago)\b"
)
_P_DEICTIC = _compile(
    rf"\b(?P<x>(?P<w>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow){_PART_OF_DAY}"
    r"|[Tt]his\s+(?:morning|afternoon|evening)|[Ll]ast\s+(?:night|evening)"
    r"|[Tt]he\s+day\s+(?:before\s+yesterday|after\s+tomorrow))\b"
)
_P_WEEKDAY = _compile(
    rf"\b(?P<x>(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?(?P<wd>{_WD}){_PART_OF_DAY})\b"
)
# "Monday to Friday" is a schedule, not a day: it only blocks its span.
_P_WEEKDAY_SPAN = _compile(rf"\b(?P<x>{_WD}\s*(?:-{{1,2}}|[–—]|to|through|till|until)\s*{_WD})")
_P_MONTH_CUED = _compile(
    r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Ff]rom|[Tt]hrough|[Tt]hroughout"
    rf"|[Bb]efore|[Aa]fter|of|to|for|between|around)\s+(?P<x>(?P<m>{_MON_BARE}))"
)
_P_MONTH_MODIFIED = _compile(
    rf"(?<![\w-])(?P<x>(?P<mod>{_PART_MOD}|(?:[Ll]ast|[Nn]ext|[Tt]his)\s+)(?P<m>{_MON_BARE}))"
)
_P_MONTH_LIST = _compile(
    rf"\b{_MON_BARE}(?:\s*,\s*|\s+)(?:and|or|to|through|until)\s+(?P<x>(?P<m>{_MON_BARE}))"
)
_P_MONTH_POSSESSIVE = _compile(rf"\b(?P<x>(?P<m>{_MON_POSSESSIVE}))(?=\s*'s\b)")
_P_MONTH_OF_YEAR = _compile(
    rf"\b(?P<x>(?P<m>{_MON_BARE})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year)\b"
)

# Anchors: rare rules only look at windows around these (see ``_RULES``).
_A_YEAR = _compile(r"[12](?<![0-9].)[0-9]{3}(?![0-9])")
# Plain words are found with str.find, faster than any regex over common letters.
_A_UNIT = ("year", "month")
_A_AGO = ("ago",)
_A_BETWEEN = ("etween",)
_A_DEICTIC = ("oday", "onight", "esterday", "omorrow", "morning", "afternoon", "evening", "night")
_A_WEEKDAY = _compile(_alt(_WEEKDAY_WORDS))
_A_MONTH = _compile(_alt(_MONTHS + _ABBR_ALL))

# Context probes.
# "the April 6 Youth Movement", "6 October Bridge": a date naming a group or a place.
_NAME_AFTER_DATE = _compile(
    r"\s+(?:[Yy]outh\s+)?(?:[Mm]ovement|[Cc]oalition|Bridge|Street|St\.|Avenue|Road|Square"
    r"|City|Stadium|University|Club|War|Airport)\b"
)
_ATTACKS_AFTER = _compile(
    r"\s*(?:attacks?|terror\w*|hijack\w*|Commission|commission|era|-style|victims)\b"
)
_MAIL_ON = _compile(r"Mail\s+on\s+$")
_PREV_WORD = re.compile(r"(\S+)\s*$")
_NEXT_WORD = re.compile(r"\s*(\S+)")
_CLOCK_BEFORE = re.compile(r"[0-9]:[0-9]{2}|\b[ap]\.m\.|\bam\b|\bpm\b")
# Tense cues, read token by token (a regex over every window was the slow part).
_FUTURE_WORDS: Final = frozenset(
    _words(
        "will wo won't shall 'll would may might should must can cannot upcoming next coming "
        "plan plans planned planning scheduled slated due expected expect expects hope hopes "
        "aim aims intend intends later postponed delayed"
    )
)
_MODALS: Final = frozenset(_words("would may might should must can could"))
# "to" after these is a future: "is to", "set to", "going to".
_BEFORE_TO_FUTURE: Final = frozenset(_words("is are was were set going about poised"))
_PAST_WORDS: Final = frozenset(
    _words(
        "was were had did went came took gave made met held began saw left fled fell rose won "
        "lost sent spoke wrote became found got brought ran struck hit shot led paid since ago "
        "earlier last"
    )
)
_NOT_PAST_ED: Final = frozenset(
    _words(
        "need indeed speed proceed succeed exceed feed seed bleed breed greed deed weed embed "
        "shed united armed based related detailed limited alleged supposed advanced concerned "
        "interested involved so-called"
    )
)
# A past form after these is a future ("will be held", "to be signed")...
_FUTURE_AUXILIARIES: Final = frozenset(_words("will wo shall 'll would may might should must to"))
# ... and after these no past at all ("is expected", "be stopped", "not finished").
_NOT_PAST_BEFORE: Final = frozenset(_words("be is are am not being 's 're"))
_TOKEN_STRIP: Final = '.,;:!?"`()[]'
_CUE_WORDS: Final = _FUTURE_WORDS | _PAST_WORDS | _MODALS | {"to"}
_STOP_ENDINGS: Final = ".!?;\"'`’”"
# Characters searched for a cue before an expression (half as many after it).
_CUE_WINDOW: Final = 160
# Past this many look-ups in one text (no article has that many dates: only junk or a
# table does) expressions are resolved without tense, to keep the time linear and low.
_MAX_TENSE_LOOKUPS: Final = 5000

# ------------------------------------------------------------------ periods

_Period = tuple[dt.date, dt.date, str]
_BLOCK: Final = "block"
_Result = _Period | Literal["block"] | None
_Tense = Literal["past", "future"] | None
# A tense and whether its cue comes after the expression (weaker evidence).
_Cue = tuple[_Tense, bool]
# A cue after the expression may not move a date further than this from the reference,
# nor any cue when a candidate lies within _CLOSE_DAYS of it (a publication date a few
# days off is likelier than a date a year away).
_FAR_DAYS: Final = 120
_CLOSE_DAYS: Final = 14
# Without a cue a day-month takes the coming date only when 3 times closer than the past
# one; a bare month is always the latest begun one ("in September": the past one).
_DAY_BIAS: Final = 3.0
_MONTH_BIAS: Final = float("inf")


def _date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (February 31, year 0)."""
    if not (1 <= year <= 9999 and 1 <= month <= 12 and day >= 1):
        return None
    if day > monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, monthrange(year, month)[1])


def _months_span(year: int, first: int, last: int) -> _Period:
    return _month_span(year, first)[0], _month_span(year, last)[1], "month"


def _year_span(first: int, last: int | None = None) -> _Period:
    return dt.date(first, 1, 1), dt.date(last or first, 12, 31), "year"


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _day_period(day: dt.date | None) -> _Result:
    return (day, day, "day") if day else _BLOCK


def _is_year(year: int) -> bool:
    """A bare 4-digit number is read as a year only in this range."""
    return 1900 <= year <= 2100


def _month_no(name: str) -> int:
    return _MONTH_INDEX[name.rstrip(".").lower()[:3]]


def _norm_mod(mod: str | None) -> str:
    """'The  End of ' -> 'end of', 'mid-' -> 'mid'."""
    words = (mod or "").lower().replace("-", " ").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _distance(span: tuple[dt.date, dt.date], ref: dt.date) -> int:
    """Days between a period and the reference (0 when it contains it)."""
    return max((span[0] - ref).days, (ref - span[1]).days, 0)


def _by_tense(
    spans: list[tuple[dt.date, dt.date]], ref: dt.date, tense: _Tense, slack: int
) -> tuple[dt.date, dt.date] | None:
    """Future: the first period not over; past: the last one begun (give or take slack)."""
    margin = dt.timedelta(days=slack)
    if tense == "future":
        return next((s for s in spans if s[1] >= ref - margin), None)
    if tense == "past":
        return next((s for s in reversed(spans) if s[0] <= ref + margin), None)
    return None


def _nearest(
    spans: list[tuple[dt.date, dt.date]], ref: dt.date, bias: float
) -> tuple[dt.date, dt.date]:
    """The period containing the reference, else the nearest: a future one only when
    ``bias`` times closer than the past one (news mostly reports what happened)."""
    for span in spans:
        if span[0] <= ref <= span[1]:
            return span
    past = [s for s in spans if s[1] < ref]
    future = [s for s in spans if s[0] > ref]
    if past and future:
        closer = _distance(future[0], ref) * bias < _distance(past[-1], ref)
        return future[0] if closer else past[-1]
    return past[-1] if past else future[0]


def _choose(
    spans: list[tuple[dt.date, dt.date]],
    ref: dt.date,
    cue: _Cue,
    slack: int = 0,
    bias: float = _DAY_BIAS,
) -> tuple[dt.date, dt.date] | None:
    """Pick among chronologically sorted candidate periods (see the module notes)."""
    if not spans:
        return None
    tense, weak = cue
    picked = _by_tense(spans, ref, tense, slack)
    nearest = _nearest(spans, ref, bias)
    if picked is None or _distance(picked, ref) <= _FAR_DAYS:
        return picked or nearest
    # A far future read from a cue after the expression ("July 1 ... will love this").
    if weak and tense == "future":
        return nearest
    return nearest if _distance(nearest, ref) <= _CLOSE_DAYS else picked


def _ends_sentence(raw: str) -> bool:
    """A final stop: '.', 'said.', but not 'Feb.', 'U.S.' or 'Mr.'."""
    word = raw.rstrip("\"'`’”")
    if word in (".", "!", "?", ";") or word.endswith(("!", "?", ";")):
        return True
    if not word.endswith(".") or len(word) < 2:
        return False
    stem = word[:-1]
    return not ("." in stem or (stem[0].isupper() and len(stem) <= 4))


def _cue_at(words: list[str], i: int) -> _Tense:
    """Tense said by ``words[i]`` (lower case, no punctuation) in its context, or None."""
    word = words[i]
    if word in _MODALS and i + 1 < len(words):
        if words[i + 1] == "have":
            return "past"  # "must have known"
        if word == "could" and words[i + 1] == "be":
            return "future"  # "could be ready by October"
    if word in _FUTURE_WORDS or word.endswith("'ll"):
        return "future"
    if word == "to":
        return "future" if i > 0 and words[i - 1] in _BEFORE_TO_FUTURE else None
    regular = word.endswith("ed") and len(word) > 3 and word.isalpha()
    if (regular and word not in _NOT_PAST_ED) or word in _PAST_WORDS:
        if _FUTURE_AUXILIARIES.intersection(words[max(0, i - 3) : i]):
            return "future"
        return None if i > 0 and words[i - 1] in _NOT_PAST_BEFORE else "past"
    return None


def _signals(raw: list[str]) -> tuple[list[str], list[int]]:
    """Normalised tokens and the indices worth a closer look (cues and stops).

    Plain comprehensions: this runs for every expression, a call per token was slow.
    """
    words = [w.lower().replace("’", "'").strip(_TOKEN_STRIP) for w in raw]
    hits = [
        i
        for i, (w, r) in enumerate(zip(words, raw, strict=True))
        if w in _CUE_WORDS or w.endswith(("ed", "'ll")) or r[-1] in _STOP_ENDINGS
    ]
    return words, hits


# ------------------------------------------------------------------ context


@dataclass(slots=True)
class _Ctx:
    text: str
    ref: dt.date | None
    anchors: dict[object, list[tuple[int, int]]] = field(default_factory=dict)
    known_years: dict[tuple[int, int], set[int]] | None = None
    tense_lookups: int = 0

    def prev_word(self, pos: int) -> str:
        found = _PREV_WORD.search(self.text, max(0, pos - 40), pos)
        return found.group(1) if found else ""

    def next_word(self, pos: int) -> str:
        """The next token, without trailing punctuation ("Times." -> "Times")."""
        found = _NEXT_WORD.match(self.text, pos, pos + 40)
        word = found.group(1) if found else ""
        return word.rstrip(".,;:!?)'\"") or word

    def at_sentence_start(self, pos: int) -> bool:
        before = self.text[max(0, pos - 10) : pos].rstrip()
        return not before or before[-1] in ".!?:;\"'`-\n"

    def tense(self, start: int, end: int) -> _Cue:
        """Tense of the cue nearest to ``[start, end)`` in its sentence, before it first."""
        self.tense_lookups += 1
        if self.tense_lookups > _MAX_TENSE_LOOKUPS:
            return None, False
        low = max(0, start - _CUE_WINDOW, self.text.rfind("\n", 0, start) + 1)
        raw = self.text[low:start].split()
        if raw and low > 0 and not self.text[low - 1].isspace():
            raw = raw[1:]  # a word cut by the window
        words, hits = _signals(raw)
        for i in reversed(hits):
            if _ends_sentence(raw[i]):
                break
            if tense := _cue_at(words, i):
                return tense, False
        high = self.text.find("\n", end, end + _CUE_WINDOW // 2)
        raw = self.text[end : high if high >= 0 else end + _CUE_WINDOW // 2].split()
        words, hits = _signals(raw)
        for i in hits:
            if tense := _cue_at(words, i):
                return tense, True
            if _ends_sentence(raw[i]):
                break
        return None, False

    def explicit_years(self) -> dict[tuple[int, int], set[int]]:
        """Years written with each (month, day) of the text, found once on demand.

        A text that says "September 11, 2001" means that year by a later bare
        "September 11" too.
        """
        if self.known_years is None:
            self.known_years = {}
            for pattern in (_P_MDY, _P_DMY):
                for m in pattern.finditer(self.text):
                    if m["y"]:
                        key = (_month_no(m["m"]), int(m["d"]))
                        self.known_years.setdefault(key, set()).add(int(m["y"]))
        return self.known_years


# ------------------------------------------------------------------ handlers


def _g(m: re.Match[str], name: str) -> str | None:
    """A group that a rule may not define, as None."""
    return m.groupdict().get(name)


def _iso(m: re.Match[str], ctx: _Ctx) -> _Result:
    return _day_period(_date(int(m["y"]), int(m["m"]), int(m["d"])))


def _nine_eleven(m: re.Match[str], ctx: _Ctx) -> _Result:
    return _day_period(dt.date(2001, 9, 11))


def _infer_day(ctx: _Ctx, month: int, day: int, m: re.Match[str]) -> _Result:
    """A day and month without a year: pick the year around the reference."""
    ref = ctx.ref
    if ref is None:
        return _BLOCK
    written = ctx.explicit_years().get((month, day), set())
    if len(written) == 1:
        return _day_period(_date(next(iter(written)), month, day))
    offsets = range(-4, 5) if (month, day) == (2, 29) else range(-1, 2)
    dates = [d for k in offsets if (d := _date(ref.year + k, month, day))]
    if wd := _g(m, "wd"):
        # "Tuesday, Feb. 7": the weekday tells the year when it can.
        weekday = _WEEKDAY_INDEX[wd.lower()]
        dates = [d for d in dates if d.weekday() == weekday] or dates
    chosen = _choose([(d, d) for d in dates], ref, ctx.tense(*m.span("x")), slack=2)
    return (chosen[0], chosen[1], "day") if chosen else _BLOCK


def _day_month(m: re.Match[str], ctx: _Ctx) -> _Result:
    month, day = _month_no(m["m"]), int(m["d"])
    if m["y"]:
        return _day_period(_date(int(m["y"]), month, day))
    if _date(2000, month, day) is None:
        return _BLOCK
    if _NAME_AFTER_DATE.match(ctx.text, m.end("x")):
        return None  # "the April 6 Youth Movement" names a group, not a day
    if (month, day) == (9, 11) and _ATTACKS_AFTER.match(ctx.text, m.end("x")):
        return _day_period(dt.date(2001, 9, 11))
    return _infer_day(ctx, month, day, m)


def _range_in(year: int, first: tuple[int, int], last: tuple[int, int]) -> _Period | None:
    """The range starting in ``year``; it may run into the next year (Dec 30-Jan 2)."""
    start = _date(year, *first)
    end = _date(year + (last < first), *last)
    if start is None or end is None or end <= start:
        return None
    return start, end, "day"


def _day_range(m: re.Match[str], ctx: _Ctx) -> _Result:
    m1 = _month_no(m["m1"] or m["m2"])
    m2 = _month_no(m["m2"] or m["m1"])
    first, last = (m1, int(m["d1"])), (m2, int(m["d2"]))
    if first == last or (m1 == m2 and last < first):
        return _BLOCK
    if m["y"]:
        # The year written after the range is the year of its last day.
        return _range_in(int(m["y"]) - (last < first), first, last) or _BLOCK
    if ctx.ref is None:
        return _BLOCK
    spans = [p for k in (-1, 0, 1) if (p := _range_in(ctx.ref.year + k, first, last))]
    chosen = _choose([(p[0], p[1]) for p in spans], ctx.ref, ctx.tense(*m.span("x")), 2)
    return (chosen[0], chosen[1], "day") if chosen else _BLOCK


def _month_year(m: re.Match[str], ctx: _Ctx) -> _Result:
    return (*_month_span(int(m["y"]), _month_no(m["m"])), "month")


def _year_range(m: re.Match[str], ctx: _Ctx) -> _Result:
    first, short = int(m["y1"]), _g(m, "y2s")
    last = first // 100 * 100 + int(short) if short else int(m["y2"])
    if not (_is_year(first) and _is_year(last)):
        return None
    if short and last != first + 1:
        return _BLOCK  # "2009-04" is a month, "2008-13" nothing: only "2008-09" is a span
    return _year_span(first, last) if first < last else _BLOCK


def _part_of_year(m: re.Match[str], ctx: _Ctx) -> _Result:
    first, last = _PARTS[_norm_mod(_g(m, "mod"))]
    return _months_span(int(m["y"]), first, last)


def _relative_period(m: re.Match[str], ctx: _Ctx) -> _Result:
    """this/last/next year or month, with an optional part ("late last year")."""
    ref, mod, rel = ctx.ref, _norm_mod(_g(m, "mod")), m["rel"].lower()
    if rel == "the" and not mod.endswith(" of"):
        return None  # "the year" alone is not anchored
    if not mod and ctx.prev_word(m.start("x")).lower() == "the":
        return None  # "the last year" is the past twelve months
    if ref is None:
        return _BLOCK
    offset = {"this": 0, "the": 0, "last": -1, "next": 1}[rel]
    if m["u"] == "month":
        return (*_month_span(*_shift_month(ref, offset)), "month")
    if mod in _PARTS:
        return _months_span(ref.year + offset, *_PARTS[mod])
    return _year_span(ref.year + offset)


def _ago(m: re.Match[str], ctx: _Ctx) -> _Result:
    ref = ctx.ref
    if ref is None:
        return _BLOCK
    word = m["n"].lower()
    count = _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word)
    if m["u"].startswith("day"):
        return _day_period(ref - dt.timedelta(days=count))
    if m["u"].startswith("month"):
        return (*_month_span(*_shift_month(ref, -count)), "month")
    return _year_span(ref.year - count)


def _deictic(m: re.Match[str], ctx: _Ctx) -> _Result:
    """today, tonight, yesterday, tomorrow, this morning, last night..."""
    word = _g(m, "w") or ""
    if word[:1].isupper() and not ctx.at_sentence_start(m.start("x")):
        return None  # "USA Today", "the Today programme"
    if ctx.ref is None:
        return _BLOCK
    text = " ".join(m["x"].lower().split())
    if text.endswith("before yesterday"):
        offset = -2
    elif text.endswith("after tomorrow"):
        offset = 2
    elif text.startswith(("yesterday", "last")):
        offset = -1
    else:
        offset = 1 if text.startswith("tomorrow") else 0
    return _day_period(ctx.ref + dt.timedelta(days=offset))


def _is_weekday_name(m: re.Match[str], ctx: _Ctx) -> bool:
    """'Bloody Sunday', 'the Sunday Times', 'the Mail on Sunday' are names."""
    start = m.start("x")
    if ctx.next_word(m.end("wd")) in _WEEKDAY_NAME_AFTER:
        return True
    if _MAIL_ON.search(ctx.text, max(0, start - 12), start):
        return True
    return not _g(m, "mod") and ctx.prev_word(start) in _WEEKDAY_NAME_BEFORE


def _weekday(m: re.Match[str], ctx: _Ctx) -> _Result:
    if _is_weekday_name(m, ctx):
        return None
    ref = ctx.ref
    if ref is None:
        return _BLOCK
    target = _WEEKDAY_INDEX[m["wd"].lower()]
    back = (ref.weekday() - target) % 7
    ahead = (target - ref.weekday()) % 7
    mod = (_g(m, "mod") or "").lower()
    if mod == "last":
        offset = -(back or 7)
    elif mod in ("next", "coming"):
        offset = ahead or 7
    elif mod == "this":
        offset = target - ref.weekday()
    elif back == 0:
        offset = 0
    else:
        offset = ahead if ctx.tense(*m.span("x"))[0] == "future" else -back
    return _day_period(ref + dt.timedelta(days=offset))


def _bare_month(m: re.Match[str], ctx: _Ctx) -> _Result:
    """A month without a year: 'in September', 'last June', 'early March'."""
    ref = ctx.ref
    if ref is None:
        return _BLOCK
    month = _month_no(m["m"])
    mod = _norm_mod(_g(m, "mod"))
    spans = [_month_span(ref.year + k, month) for k in (-1, 0, 1)]
    if mod == "last":
        chosen = next(s for s in reversed(spans) if s[1] < ref)
    elif mod == "next":
        chosen = next(s for s in spans if s[0] > ref)
    elif mod == "this":
        chosen = spans[1]
    else:
        chosen = _choose(spans, ref, ctx.tense(*m.span("x")), bias=_MONTH_BIAS) or spans[1]
    return chosen[0], chosen[1], "month"


def _month_of_year(m: re.Match[str], ctx: _Ctx) -> _Result:
    """'September this year', 'March of last year'."""
    if ctx.ref is None:
        return _BLOCK
    year = ctx.ref.year + {"this": 0, "last": -1, "next": 1}[m["rel"]]
    return (*_month_span(year, _month_no(m["m"])), "month")


def _looks_like_count(m: re.Match[str], ctx: _Ctx) -> bool:
    """'2000 people', 'Resolution 1973', '-LRB- 2039 in Cairo' after a clock time."""
    start, end = m.span("x")
    before = ctx.prev_word(start)
    after = ctx.next_word(end).lower()
    if before.lower() in _NOT_YEAR_BEFORE or after in _NOT_YEAR_AFTER:
        return True
    if _CLOCK_BEFORE.search(ctx.text, max(0, start - 16), start):
        return True
    plural = after.isalpha() and after.endswith("s") and not after.endswith("ss")
    return plural and before.lower() not in _YEAR_DETERMINERS


def _bare_year(m: re.Match[str], ctx: _Ctx) -> _Result:
    year = int(m["y"])
    if not _is_year(year) or _looks_like_count(m, ctx):
        return None
    return _year_span(year)


# ------------------------------------------------------------------ search

_Handler = Callable[[re.Match[str], _Ctx], _Result]
_Anchor = re.Pattern[str] | tuple[str, ...]


class _Rule(NamedTuple):
    """A pattern and its handler; with an anchor, only windows around it are searched.

    Frequent shapes start with a digit, a capitalised month or weekday and are
    scanned whole; rarer ones that start with common words ("this", "late")
    would make the regex engine try every position, so they are searched only
    ``back`` characters before to ``ahead`` characters after their anchor.
    """

    pattern: re.Pattern[str]
    handler: _Handler
    anchor: _Anchor | None = None
    back: int = 0
    ahead: int = 0


def _blocked(m: re.Match[str], ctx: _Ctx) -> _Result:
    return _BLOCK


# Rule order breaks ties between candidates of the same length.
_RULES: Final[tuple[_Rule, ...]] = (
    _Rule(_P_ISO, _iso),
    _Rule(_P_NINE_ELEVEN, _nine_eleven),
    _Rule(_P_RANGE_MD, _day_range),
    _Rule(_P_RANGE_MD_AND, _day_range, _A_BETWEEN, 1, 60),
    _Rule(_P_RANGE_DM, _day_range),
    _Rule(_P_RANGE_DM_AND, _day_range, _A_BETWEEN, 1, 60),
    _Rule(_P_WD_MDY, _day_month),
    _Rule(_P_WD_DMY, _day_month),
    _Rule(_P_MDY, _day_month),
    _Rule(_P_DMY, _day_month),
    _Rule(_P_MY, _month_year),
    _Rule(_P_YEAR_RANGE, _year_range),
    _Rule(_P_YEAR_RANGE_AND, _year_range, _A_BETWEEN, 1, 30),
    _Rule(_P_YEAR_SHORT_RANGE, _year_range),
    _Rule(_P_PART_OF_YEAR, _part_of_year, _A_YEAR, 32, 0),
    _Rule(_P_RELATIVE_PART, _relative_period, _A_UNIT, 40, 5),
    _Rule(_P_RELATIVE, _relative_period, _A_UNIT, 6, 5),
    _Rule(_P_AGO, _ago, _A_AGO, 24, 3),
    _Rule(_P_DEICTIC, _deictic, _A_DEICTIC, 25, 12),
    _Rule(_P_WEEKDAY_SPAN, _blocked, _A_WEEKDAY, 1, 22),
    _Rule(_P_WEEKDAY, _weekday, _A_WEEKDAY, 8, 20),
    _Rule(_P_MONTH_MODIFIED, _bare_month, _A_MONTH, 32, 12),
    _Rule(_P_MONTH_CUED, _bare_month, _A_MONTH, 12, 12),
    _Rule(_P_MONTH_LIST, _bare_month, _A_MONTH, 24, 12),
    _Rule(_P_MONTH_POSSESSIVE, _bare_month, _A_MONTH, 1, 12),
    _Rule(_P_MONTH_OF_YEAR, _month_of_year, _A_MONTH, 1, 25),
    _Rule(_P_BARE_YEAR, _bare_year),
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    rank: int
    result: _Period | Literal["block"]


def _resolve(handler: _Handler, m: re.Match[str], ctx: _Ctx) -> _Result:
    """Run a handler; arithmetic past the calendar's ends only blocks the span."""
    try:
        result = handler(m, ctx)
    except (ValueError, OverflowError, KeyError, StopIteration):
        return _BLOCK
    if isinstance(result, tuple) and result[0] > result[1]:
        return _BLOCK
    return result


def _anchor_spans(text: str, anchor: _Anchor) -> list[tuple[int, int]]:
    if isinstance(anchor, re.Pattern):
        return [a.span() for a in anchor.finditer(text)]
    spans = []
    for word in anchor:
        at = text.find(word)
        while at >= 0:
            spans.append((at, at + len(word)))
            at = text.find(word, at + 1)
    return sorted(spans)


def _windows(ctx: _Ctx, rule: _Rule) -> list[tuple[int, int]]:
    """Merged windows around the rule's anchors (the whole text without anchor)."""
    if rule.anchor is None:
        return [(0, len(ctx.text))]
    spans = ctx.anchors.get(rule.anchor)
    if spans is None:
        spans = ctx.anchors[rule.anchor] = _anchor_spans(ctx.text, rule.anchor)
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        # A few characters more so the pattern's lookaheads see real text ("1990s").
        low, high = max(0, start - rule.back), min(len(ctx.text), end + rule.ahead + 3)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], high))
        else:
            windows.append((low, high))
    return windows


_Match = tuple[int, _Rule, re.Match[str]]


def _matches(text: str) -> list[_Match]:
    """Every rule's matches in ``text`` with its rank, in rule order: where the patterns
    match depends on the text alone, not on the reference date."""
    ctx = _Ctx(text, None)
    return [
        (rank, rule, m)
        for rank, rule in enumerate(_RULES)
        for low, high in _windows(ctx, rule)
        for m in rule.pattern.finditer(text, low, high)
    ]


@lru_cache(maxsize=2)
def _scanned(text: str) -> tuple[_Match, ...]:
    """:func:`_matches`, kept for the last few texts: an undated article is read against
    several references, and a build reads each document's dates twice in a row."""
    return tuple(_matches(text))


def _candidates(ctx: _Ctx, matches: Iterable[_Match]) -> Iterator[_Candidate]:
    for rank, rule, m in matches:
        result = _resolve(rule.handler, m, ctx)
        if result is not None:
            yield _Candidate(m.start("x"), m.end("x"), rank, result)


def _select(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Longest first; a candidate overlapping one already kept is dropped."""
    starts: list[int] = []
    kept: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start, c.rank)):
        i = bisect_left(starts, cand.start)
        if i > 0 and kept[i - 1].end > cand.start:
            continue
        if i < len(kept) and kept[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        kept.insert(i, cand)
    return kept


def _direction(first: dt.date, last: dt.date, ref: dt.date | None) -> str:
    if ref is None or first <= ref <= last:
        return "present"
    return "past" if last < ref else "future"


def find_time_expressions(text: str, reference: dt.date | None) -> list[TimeExpression]:
    """Temporal expressions of ``text`` resolved against ``reference``, sorted by start.

    ``reference`` is the publication date; with None only expressions carrying
    their own year are returned. Never raises; impossible dates are skipped.
    """
    return read_time_expressions(text, (reference,))[0]


def read_time_expressions(
    text: str, references: Sequence[dt.date | None]
) -> list[list[TimeExpression]]:
    """:func:`find_time_expressions` of ``text`` against each of ``references``, in
    order, the text scanned once (an undated article is read against several)."""
    if not isinstance(text, str) or not text:
        return [[] for _ in references]
    return [list(_resolved(text, _reference_day(reference))) for reference in references]


def _reference_day(reference: object) -> dt.date | None:
    """The day a reference stands for (a datetime's own date; anything else is none):
    what the expressions are resolved against, so what they are kept under."""
    if isinstance(reference, dt.datetime):
        return reference.date()
    return reference if isinstance(reference, dt.date) else None


@lru_cache(maxsize=4)
def _resolved(text: str, reference: dt.date | None) -> tuple[TimeExpression, ...]:
    """The expressions of ``text`` against ``reference``, kept for the last few pairs: a
    build reads each document's dates twice in a row (its dated sentences, its events)."""
    return tuple(_expressions(text, reference, _scanned(text)))


def _expressions(
    text: str, reference: dt.date | None, matches: Sequence[_Match]
) -> list[TimeExpression]:
    ctx = _Ctx(text, reference)
    out: list[TimeExpression] = []
    for cand in _select(_candidates(ctx, matches)):
        if cand.result == _BLOCK or isinstance(cand.result, str):
            continue
        first, last, precision = cand.result
        direction = _direction(first, last, reference)
        out.append(
            TimeExpression(
                cand.start,
                cand.end,
                text[cand.start : cand.end],
                first.isoformat(),
                last.isoformat(),
                precision,
                direction,
            )
        )
    return out

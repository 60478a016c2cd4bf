"""Date patterns, as data: month and weekday names, and the regexes built from them.

Only full dates with a year are ever turned into a value. Everything tolerates
the spacing of tokenised text ("June 3 , 2010", "-LRB- Reuters -RRB-") as well as
ordinary prose, since scraped corpora come in both forms.
"""

from __future__ import annotations

import re

from dateline.lexicon import calendar

# Month (1-12) and weekday (Monday = 0) numbers of every written form, lower case.
MONTHS: dict[str, int] = calendar.MONTHS
WEEKDAYS: dict[str, int] = calendar.WEEKDAYS


def _names(table: dict[str, int]) -> str:
    # Longest first, so "sept" is tried before "sep"; a dot may follow an abbreviation.
    names = "|".join(sorted(table, key=len, reverse=True))
    return rf"(?i:{names})\b\.?"


MONTH = _names(MONTHS)
WEEKDAY = rf"(?P<weekday>{_names(WEEKDAYS)})"
_DAY = r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)?\b"
_YEAR = r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)"
_COMMA = r"\s*,?\s*"

# The three forms of a full date, with groups to read it back.
MDY = re.compile(rf"(?P<month>{MONTH})\s*(?P<day>{_DAY}){_COMMA}(?P<year>{_YEAR})")
DMY = re.compile(rf"(?P<day>{_DAY})\s*(?i:of\s+)?(?P<month>{MONTH}){_COMMA}(?P<year>{_YEAR})")
ISO = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)")

# Any full date, as one group, for use inside larger patterns.
DATE = (
    rf"(?P<date>{MONTH}\s*{_DAY}{_COMMA}{_YEAR}"
    rf"|{_DAY}\s*(?i:of\s+)?{MONTH}{_COMMA}{_YEAR}"
    r"|(?<!\d)\d{4}-\d\d-\d\d(?!\d))"
)

OPEN = r"(?:\(|-LRB-)"
CLOSE = r"(?:\)|-RRB-)"
DASH = r"(?:--?|–|—)"
_WEEKDAY_PREFIX = rf"(?:{WEEKDAY}{_COMMA})?"
# Zones a page stamp names, as hours from UTC, so a stamp can be read as a UTC date and
# copies stamped in different zones agree. "IST" is read as India's (news pages far
# more often mean it than Ireland's or Israel's).
ZONES: dict[str, float] = {
    "utc": 0, "gmt": 0, "uk time": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
    "msk": 3, "gst": 4, "pkt": 5, "ist": 5.5, "ict": 7, "wib": 7, "pht": 8, "pst": -8,
    "sgt": 8, "hkt": 8, "awst": 8, "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
    "nzst": 12, "nzdt": 13, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
    "mdt": -6, "pdt": -7, "et": -5, "phst": 8,
}  # fmt: skip
_ZONE = "|".join(sorted((z.replace(" ", r"\s") for z in ZONES), key=len, reverse=True))
_TIME = (
    r"\d{1,2}[:.]\d\d(?:\s*(?i:[ap])\.?(?i:m)\b\.?)?"
    rf"(?:\s+(?i:{_ZONE})\b)?"
)
# Reads back a clock time matched by _TIME.
TIME_PARTS = re.compile(
    r"(?P<clock>\d{1,2})[:.](?P<minute>\d\d)(?:\s*(?P<ampm>[ap])\.?m\b\.?)?"
    rf"(?:\s+(?P<zone>{_ZONE})\b)?",
    re.IGNORECASE,
)
# A day-month-year or month-day-year date in digits ("28-3-2025", "27/12/2024").
# Only page stamps are read this way (never running text, where such digits are scores,
# phone numbers or references); which number is the month is decided in code.
NUMERIC = r"(?<![\d/.-])\d{1,2}(?P<sep>[-/.])\d{1,2}(?P=sep)(?:19|20)\d\d(?![\d/.-])"
NUMERIC_PARTS = re.compile(r"(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})")
# A full date as a page stamp may write it: any form of DATE, or digits (NUMERIC).
STAMP_DATE = (
    rf"(?P<date>{MONTH}\s*{_DAY}{_COMMA}{_YEAR}"
    rf"|{_DAY}\s*(?i:of\s+)?{MONTH}{_COMMA}{_YEAR}"
    rf"|(?<!\d)\d{{4}}-\d\d-\d\d(?!\d)|{NUMERIC})"
)
# One to five words starting with a capital ("HANOI", "Ho Chi Minh City"),
# optionally followed by a region ("WASHINGTON, D.C."). Capitalisation is checked
# in code: the regex engine has no Unicode upper-case class.
_PLACE_WORD = r"[^\W\d_][\w.'’&-]*"
_NOT_WEEKDAY = rf"(?!(?i:{'|'.join(WEEKDAYS)})\b)"  # "PARIS, Tuesday, March 4": not a region
_PLACE = (
    rf"(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,4}}"
    rf"(?:\s*,\s*{_NOT_WEEKDAY}{_PLACE_WORD}){{0,1}})"
)

# "HANOI, Nov. 2, 2025 (VNA) –", "Hanoi, November 3, 2025 —": a place, a full date,
# then an agency in brackets and/or a dash. Without the closing agency or dash it
# is just a sentence that starts with a place and a date.
DATELINE = re.compile(
    rf"^\s*{_PLACE}\s*,\s*{_WEEKDAY_PREFIX}{STAMP_DATE}\s*"
    rf"(?:{OPEN}[^()\n]{{1,40}}?{CLOSE}\s*{DASH}?|{DASH})"
)

# A page timestamp that opens the text: "LONDON | Tue Mar 4 , 2025 6:09 pm GMT",
# "Tuesday 4 March 2025 09.30 GMT", "09:30 UK time , Tuesday , 4 March 2025".
# It counts only with a clock time or a "PLACE |" prefix next to the date.
TIMESTAMP = re.compile(
    rf"^\s*(?:(?P<stamp_place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,4}})\s*\|\s*)?"
    rf"(?:(?P<time_before>{_TIME}){_COMMA})?{_WEEKDAY_PREFIX}{STAMP_DATE}"
    rf"(?:{_COMMA}(?i:at\s+)?(?P<time_after>{_TIME}))?"
)

# Cues that the text itself gives its own date: "today (November 3, 2025)",
# "today, Monday, November 3, 2025", "November 3, 2025 (today)"...
TODAY = (
    re.compile(rf"\b(?i:today)\s*(?:{OPEN}\s*|,\s*){_WEEKDAY_PREFIX}{DATE}"),
    re.compile(rf"{_WEEKDAY_PREFIX}{DATE}\s*{OPEN}\s*(?i:today)\s*{CLOSE}"),
)
# What the second cue ends with: it tries a date at every place, this only where
# "(today)" is, and a text without it cannot match that cue.
TODAY_CLOSED = re.compile(rf"{OPEN}\s*(?i:today)\s*{CLOSE}")

# A full date in running text, with the weekday that may precede it ("on Monday,
# November 18, 2024"): what the weaker "reported" cue reads.
FULL_DATE = re.compile(rf"(?:{WEEKDAY}{_COMMA})?{DATE}")
# FULL_DATE with the weekday required: a FULL_DATE match with a weekday matches this at the
# same place, so a text where this finds nothing has no such match (and a search for this
# costs a third of reading every FULL_DATE).
WEEKDAY_DATE = re.compile(rf"{WEEKDAY}{_COMMA}{DATE}")

# A dateline of digits first: "28-3-2025 (MANILA) –", "27/12/2024 - ".
NUMERIC_DATELINE = re.compile(
    rf"^\s*{_WEEKDAY_PREFIX}(?P<date>{NUMERIC})\s*"
    rf"(?:{OPEN}\s*(?P<place>[^()\n]{{1,40}}?)\s*{CLOSE}\s*{DASH}?|{DASH})"
)

_STAMP_TIME = rf"(?:{_COMMA}(?i:at\s+)?(?P<time>{_TIME}))?"

# A line that is only a date, perhaps with a weekday and a clock time: "November 3, 2025",
# "27/12/2024", "Nov 3, 2025, 1:56 PM". A byline may run into it: "By Jane Roe November
# 3, 2025" (the space is often lost in scraping).
STAMP_LINE = re.compile(
    rf"\s*(?:(?i:by)\s+[^\n]{{1,60}}?\s*[,|–—-]?\s*)?{_WEEKDAY_PREFIX}{STAMP_DATE}"
    rf"{_STAMP_TIME}\s*[.|]?\s*"
)

# A labelled stamp opening a line: "Published: 3 November 2025", "Posted on Nov. 3,
# 2025", "Updated September 13, 2024 at 12:59 a.m. EDT", "Published - 12/10/2024 03:10
# IST", in English and in the other languages pages mix in ("Publicado el 28/03/2025",
# "Mis à jour le 3 novembre..." gives nothing: only English month names are read).
# Anywhere else "published on <date>" is usually about a report or a study.
PUBLISHED_WORDS = (
    "first published", "published", "posted", "publicado", "publicada", "publié", "publiée",
    "veröffentlicht", "pubblicato", "gepubliceerd", "diterbitkan", "dipublikasikan",
    "inilathala", "opublikowano",
)  # fmt: skip
UPDATED_WORDS = (
    "last updated", "updated", "last modified", "modified", "actualizado", "actualizada",
    "mis à jour", "aktualisiert", "aggiornato", "bijgewerkt", "diperbarui",
)  # fmt: skip
_LABELS = "|".join(
    sorted((w.replace(" ", r"\s+") for w in (*PUBLISHED_WORDS, *UPDATED_WORDS)), key=len)[::-1]
)
LABELLED = re.compile(
    rf"^\s*(?P<label>(?i:{_LABELS}))(?!\w)"
    rf"(?:\s*(?:(?i:on|at|el|le|am|il|em|op|pada|noong)\b|[:|,–—-]))*\s*"
    rf"{_WEEKDAY_PREFIX}{STAMP_DATE}{_STAMP_TIME}",
    re.MULTILINE,
)

# Dates in a URL: /2025/11/03/, /2025-11-03/, _20251103_ is too ambiguous to use.
URL_DATE = re.compile(
    r"(?<![\d])(?P<year>(?:19|20)\d\d)[/_-](?P<month>0?[1-9]|1[0-2])[/_-]"
    r"(?P<day>0?[1-9]|[12]\d|3[01])(?![\d])"
)

# A weekday and a month-day without a year ("on Saturday, October 19"): no date by
# itself, but a collection's dates can settle its year (see ``dating/stories.py``).
YEARLESS = re.compile(
    rf"{WEEKDAY}{_COMMA}(?P<month>{MONTH})\s*(?P<day>{_DAY})(?!{_COMMA}(?:{_YEAR}|\d))"
)

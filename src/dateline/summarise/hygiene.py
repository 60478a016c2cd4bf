"""Sentence hygiene: what of a line is news, and which lines are not news at all.

Scraped articles keep page furniture inside their lines: reader comments ("At 12:19 26th Apr
2009 , X wrote :", "March 21 , 2011 at 2:17 pm |"), photo credits, time stamps and bylines
glued before the first sentence, a headline and a caption glued before the lead. A comment's
time stamp is no news event, so its dates must not count; a glued prefix is cut so a summary
starts where the news does. Patterns accept plain and Penn-Treebank tokenised text.
"""

from __future__ import annotations

import itertools
import re

from dateline.lexicon.calendar import WEEKDAY_NAMES, month_words

_MONTH = rf"(?:{'|'.join(month_words())})\.?"
_WEEKDAY = rf"(?:{'|'.join(WEEKDAY_NAMES)})"
_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|[AP]M)?"
_ZONE = r"(?:GMT|BST|UTC|CET|ET|EST|EDT|PT|PST|PDT|local(?:\s+time)?)"
_OPEN, _CLOSE = r"(?:-LRB-|\()", r"(?:-RRB-|\))"

# Reader comments and their headers: never news, and their time stamps are no events.
_COMMENT = re.compile(
    r"\bwrote\s*:|Report abuse|Posted by\s*:|\bat\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|[AP]M)\s*\|"
    r"|\|\s*" + _MONTH + r"\s+\d{1,2}\s*,\s*\d{4}\s+" + _CLOCK
)

# Metadata that may precede the news in a line; each is cut, and its dates do not count.
# Each pattern comes with what it cannot match without (an opening bracket, a clock, a
# bar): a line lacking that skips it, as most lines lack all three, and the unanchored
# patterns would each try dozens of places in them.
_PREFIXES: tuple[tuple[re.Pattern[str], str | None], ...] = tuple(
    (re.compile(p), needs)
    for needs, p in (
        # wire-service dateline: "CAIRO , Egypt -LRB- CNN -RRB- -- ", "HANOI, Nov 2 (VNS) — "
        (
            "open",
            rf"^[^\n]{{0,80}}?{_OPEN}\s*(?:CNN|Reuters|AP|AFP|BBC|UPI)\s*{_CLOSE}"
            rf"\s*(?:--?|—|–|:)?\s*",
        ),
        ("open", rf"^[^\n]{{0,60}}?{_OPEN}\s*[A-Z]{{2,8}}\s*{_CLOSE}\s*(?:--?|—|–|:)\s*"),
        # city dateline in capitals: "HÀ NỘI — "
        (None, r"^[A-ZÀ-Ỹ][A-ZÀ-Ỹ .,'-]{1,30}\s+(?:—|–|--)\s+"),
        # photo credit: "Photograph : Jae C. Hong\/AP "
        (
            None,
            r"^(?:Photograph|Photo|Picture|Image)\s*:\s*[^/\n]{1,60}?(?:\\?/\s*"
            r"(?:(?i:getty\s+images)|Rex\s+Features|[A-Z][\w.-]*))+\s+",
        ),
        # time stamp, maybe after a glued headline and standfirst: "... Wednesday 24 August
        # 2005 00.44 BST "
        (
            "clock",
            rf"^[^\n]{{0,300}}?(?:{_WEEKDAY}\s*,?\s+)?\d{{1,2}}\s+{_MONTH}\s+\d{{4}}"
            rf"\s+{_CLOCK}\s*{_ZONE}\s+",
        ),
        ("clock", rf"^(?:{_WEEKDAY}\s*,?\s+)?\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\s+{_CLOCK}\s+"),
        # "Last updated : 1 may , 2009 - 17:54 GMT ", "24 June 2010 Last updated at 14:59 GMT Help "
        (
            None,
            rf"(?i:^(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\s+)?(?:page\s+)?last\s+updated\s*"
            rf"(?:at|:)?\s*(?:\d{{1,2}}\s+{_MONTH}\s*,?\s*\d{{4}}\s*-?\s*)?"
            rf"(?:{_CLOCK}\s*{_ZONE}?\s*)?(?:help\s+)?)",
        ),
        # live-blog clock: "-LRB- 9:49 a.m. Monday ET , 3:49 p.m. in Libya -RRB- "
        ("clock", rf"^{_OPEN}\s*(?:Updated?\s*:?\s*)?{_CLOCK}[^()\n]{{0,60}}?{_CLOSE}\s*"),
        # "LIBYA , 5:29 p.m. ET , 12:29 a.m. local : "
        ("clock", rf"^[A-Z][A-Z .,'-]{{1,40}},\s*{_CLOCK}[^\n]{{0,40}}?(?<!\d):(?!\d)\s*"),
        # blog header: "Mary Hockaday | 17:45 UK time , Wednesday , 29 April 2009 "
        (
            "bar",
            rf"^[^|\n]{{1,40}}\|\s*{_CLOCK}\s*(?:UK\s+time|{_ZONE})?\s*,?\s*"
            rf"(?:{_WEEKDAY}\s*,?\s*)?\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\s+",
        ),
        # bracketed byline: "-LRB- By Michael Fein -- Bloomberg News -RRB- "
        ("open", rf"^{_OPEN}\s*By\s+[^()\n]{{1,80}}?{_CLOSE}\s*"),
    )
)
_CLOCK_ANYWHERE = re.compile(r"\d[:.]\d\d")
# The patterns worth trying, by which of the three a line holds (open, clock, bar).
_TRIED = {
    held: tuple(
        pattern
        for pattern, needs in _PREFIXES
        if needs is None or held[("open", "clock", "bar").index(needs)]
    )
    for held in itertools.product((False, True), repeat=3)
}

# A chronology entry opens with its date and a dash or colon: "March 19 - The first air
# strikes...", "23 Dec 2011 - ...". Journalists list only the dates they think matter.
_CHRONOLOGY = re.compile(
    rf"^\s*(?:(?:\\?\*|•)\s*)?(?:{_WEEKDAY}\s*,?\s*)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:\s*,?\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2})\s*(?:--?|—|–|:)\s+(?=[A-Z0-9`\"])"
)

# An article's first line often glues headline and caption before the lead, with no stop
# between them: "BP boss expects new year dividend The incoming chief executive...".
_GLUE = re.compile(r"(?<=[a-z0-9%'] )(?:The|A|An|There)\s+(?=\S)")
_MIN_LEAD_WORDS = 8


def is_comment(text: str) -> bool:
    """Whether the line is (or carries) a reader comment."""
    # each alternative of the pattern holds one of these: a line with none is no comment
    if "|" not in text and "wrote" not in text and "Report abuse" not in text \
            and "Posted by" not in text:  # fmt: skip
        return False
    return bool(_COMMENT.search(text))


def chronology_start(text: str) -> int:
    """Length of a chronology entry's leading date and dash, or 0 if ``text`` is no such entry."""
    m = _CHRONOLOGY.match(text)
    return m.end() if m else 0


def is_chronology_entry(sentence: str) -> bool:
    """Whether ``sentence``, past any glued metadata, opens with a date and a dash."""
    return bool(chronology_start(sentence[metadata_end(sentence) :]))


def metadata_end(text: str) -> int:
    """Where the news starts after glued metadata (time stamps, credits, datelines)."""
    patterns = _TRIED[
        "(" in text or "-LRB-" in text, _CLOCK_ANYWHERE.search(text) is not None, "|" in text
    ]
    start = 0
    while True:
        for pattern in patterns:
            m = pattern.match(text, start)
            if m and m.end() > start and m.end() < len(text):
                start = m.end()
                break
        else:
            return start


def glued_lead(text: str) -> int:
    """Where the lead starts in a first line that glues headline and caption before it."""
    starts = [m.start() for m in _GLUE.finditer(text)]
    for start in reversed(starts):
        if len(text[start:].split()) >= _MIN_LEAD_WORDS:
            return start
    return 0

"""Find publication-date candidates: what the reader saw, then the text and the URL.

Candidates are not checked here (``validate.py`` does that) and not ranked
(``choose.py`` does that); a finder only reports what it saw and where.

The text is trusted in two ways only:

* a dateline or page timestamp opening one of the first lines, with a full date
  including the year (``"HANOI, Nov. 2, 2025 (VNA) –"``). A dateline without a
  year (``"Hanoi (VNA) –"``, ``"WASHINGTON, March 3 (Reuters) -"``) gives nothing:
  guessing the year is how a wrong date gets in.
* "inferred": a full date the text presents as its own, because a wrong date is
  worse than none. One cue only, in the first lines (where the dateline would
  be): "today" next to a full date ("today (November 3, 2025)", "today, Monday,
  November 3, 2025", "November 3, 2025 (today)"). If it gives two different dates
  the text is ambiguous and nothing is inferred. ("Published:" stamps are below.)

  Looser cues were measured on the 4,650 dated articles of the Timeline17
  benchmark and dropped: "on <weekday>, <full date>" in the lede matched 7
  articles and gave the publication date for none of them (it dates the event,
  often days before or after); "published on <date>" inside the text was right
  3 times out of 8 (it dates a report being cited); the one "today, <date>" found
  was deep in a reader-comment thread, quoting an older report. A date that is merely
  mentioned ("on October 31", "the 2011 memorandum", "in 1982") is never taken.

Scraped pages keep the page's own stamps as lines of their own, each its own ``how``:

* ``published-line`` / ``updated-line``: "Published - October 12, 2024 03:10 am IST",
  "Posted on 28/03/2025", "Updated September 13, 2024 at 12:59 a.m. EDT" opening one of
  the first lines (the labels in the page's other language count too). An update
  stamp ranks below everything but the URL: a page is updated after it is published.
* ``timestamp``: a first line that is nothing but a full date, perhaps with a clock
  time or a byline run into it ("November 3, 2025", "By Jane Roe Nov 3, 2025, 1:56 PM").
* ``end-stamp``: one such date line after the article (some pages print their date
  under the text). Only a lone one counts, and not one next to a headline: the dated
  lines of a related-headlines list date other articles.

Last and weakest, ``reported``: when nothing else dates the page, the latest full date
the article reports as past with its weekday ("the two ministers signed the agreement on
Monday, November 18, 2024"): a report is published on or after the day it reports, and
news writing names the weekday of recent days only (a bare "May 3, 2025" is as often a
file photo's date or history). "Past" is read from the
parse: the verb the date hangs from is in the past tense (or a perfect or past
passive). A date in a present-tense photo caption ("Members march to the hall on
Thursday, Sept. 12, 2024"), a participle ("a video uploaded on April 20, 2025"), a plan
or a bare mention gives nothing. It is only tried when no other cue exists, and it reads
the document's analysis: the build tries it once the document is analysed (ingest loads
no model).

Dates in digits are read only in stamps: ``28-3-2025`` is day-month-year because 28
cannot be a month, ``12/27/2024`` month-day-year; ``03/04/2025`` could be either and
gives nothing. A stamp with a clock time and a named zone is read as a UTC date, so
that copies of one story stamped in different zones agree.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from dateline.dating import patterns as p
from dateline.dating.validate import parse_value
from dateline.model import DateCandidate, RawDocument

if TYPE_CHECKING:  # the dating stage reads an analysis, never loads a model
    from dateline.analyse.convert import Analysis, Token

DATELINE_LINES = 6  # a title, a standfirst and photo captions can come before it
_EVIDENCE_CHARS = 80
_CONNECTORS = frozenset({"de", "da", "do", "del", "della", "di", "la", "le", "el", "al", "of"})


def find_date_candidates(raw: RawDocument, text: str) -> tuple[DateCandidate, ...]:
    """Every candidate for ``raw``: the reader's, then the clean ``text``'s stamps, then the
    URL's (:func:`reported_candidate` reads the analysis, later)."""
    found = list(raw.date_candidates)
    for candidate in (dateline_candidate(text), inferred_candidate(text)):
        if candidate is not None:
            found.append(candidate)
    found.extend(stamp_candidates(text))
    if raw.url:
        # The URL only: file paths of a corpus often carry a crawl date or a label.
        candidate = path_candidate(raw.url)
        if candidate is not None:
            found.append(candidate)
    return tuple(found)  # the date the text reports as past needs the parse: see the build


def read_date(written: str) -> str | None:
    """``YYYY-MM-DD`` for a full date in one of the forms of :data:`patterns.DATE`.

    The value is not checked: ``"February 30, 2025"`` gives ``"2025-02-30"``, which
    validation then rejects with a reason.
    """
    written = written.strip()
    numeric = p.NUMERIC_PARTS.fullmatch(written)
    if numeric is not None:
        return _read_numeric(numeric)
    for form in (p.ISO, p.MDY, p.DMY):
        m = form.fullmatch(written)
        if m is None:
            continue
        month = m["month"]
        number = int(month) if month.isdigit() else p.MONTHS[month.rstrip(".").lower()]
        day = int(re.sub(r"\D", "", m["day"]))  # "2nd" -> 2
        return f"{int(m['year']):04d}-{number:02d}-{day:02d}"
    return None


def dateline_candidate(text: str) -> DateCandidate | None:
    """A dateline or page timestamp with a full date, opening one of the first lines."""
    for line in _first_lines(text, DATELINE_LINES):
        m = p.DATELINE.match(line)
        if m is None or not _is_place(m["place"]):
            m = p.NUMERIC_DATELINE.match(line)
            if m is not None and m["place"] is not None and not _is_place(m["place"]):
                m = None
        time = None
        if m is None:
            m = p.TIMESTAMP.match(line)
            if m is None or not _is_timestamp(m):
                continue
            time = m["time_after"] or m["time_before"]
        value = _stamp_value(m, time)
        if value is not None:
            return DateCandidate(value, "dateline", _evidence(m.group()))
    return None


def stamp_candidates(text: str) -> list[DateCandidate]:
    """The page's own date stamps as lines of their own (see the module notes)."""
    lines = _first_lines(text, None)
    found: list[DateCandidate] = []
    bare: list[tuple[str | None, str]] = []
    seen: set[str] = set()
    for line in lines[:DATELINE_LINES]:
        m = p.LABELLED.match(line)
        if m is not None:
            label = " ".join(m["label"].lower().split())
            how = "updated-line" if label in p.UPDATED_WORDS else "published-line"
            value = _stamp_value(m, m["time"])
            if value is not None and how not in seen:
                seen.add(how)
                found.append(DateCandidate(value, how, _evidence(m.group())))
            continue
        m = p.STAMP_LINE.fullmatch(line)
        if m is not None:
            bare.append((_stamp_value(m, m["time"]), _evidence(m.group())))
    values = {value for value, _ in bare}
    only = values.pop() if len(values) == 1 else None
    if only is not None:  # two different (or unreadable) bare dates at the top: a list
        found.append(DateCandidate(only, "timestamp", bare[0][1]))
    end = _end_stamp(lines)
    if end is not None:
        found.append(end)
    return found


def reported_candidate(analysis: Analysis, today: date | None = None) -> DateCandidate | None:
    """The latest full date ``analysis``'s text reports in the past tense (see the module
    notes), read from the document's own parse: the build has it, ingest has no model."""
    text = analysis.text
    if p.WEEKDAY_DATE.search(text) is None:
        return None  # no full date with its weekday: nothing below could count
    tokens = analysis.tokens
    starts = [t.start for t in tokens]
    best: tuple[date, str] | None = None
    for m in p.FULL_DATE.finditer(text):
        value = read_date(m["date"])
        when = parse_value(value) if value is not None else None
        if value is None or when is None or m["weekday"] is None or not _weekday_agrees(m, value):
            continue  # a date without its weekday is as often a file photo's or history
        if today is not None and when > today:
            continue
        if best is not None and when <= best[0]:
            continue
        if _reported_as_past(tokens, starts, m.start(), m.end()):
            best = (when, _evidence(_sentence_around(analysis, m.start())))
    if best is None:
        return None
    if any(
        int(y) > best[0].year for y in _YEARS.findall(text) if today is None or int(y) <= today.year
    ):
        return None  # the text names a later year: the date is history, not the news
    return DateCandidate(best[0].isoformat(), "reported", best[1])


_YEARS = re.compile(r"(?<![\d.,$£€-])(?:19|20)\d\d(?![\d%])")


def _reported_as_past(tokens: Sequence[Token], starts: list[int], start: int, end: int) -> bool:
    """Whether the verb the date ``text[start:end]`` hangs from is in the past tense."""
    span = [
        i
        for i in range(max(bisect_right(starts, start) - 1, 0), bisect_left(starts, end))
        if tokens[i].end > start
    ]
    if not span:
        return False
    # the span's root as spaCy's Span.root finds it: of the tokens whose head lies outside
    # the span, the one nearest the sentence's root
    inside = set(span)
    tops = [i for i in span if tokens[i].head not in inside or tokens[i].head == i]
    v = min(tops or span, key=lambda i: len(_ancestors(tokens, i)))
    for head in [v, *_ancestors(tokens, v)]:
        v = head
        if tokens[v].pos in ("VERB", "AUX"):
            break
    verb = tokens[v]
    if verb.pos not in ("VERB", "AUX") or verb.dep in ("relcl", "acl", "amod"):
        return False  # a clause describing a noun is background: "the pact, signed on ..."
    children = [t for i, t in _sentence_tokens(tokens, v) if t.head == v and i != v]
    auxiliaries = [c for c in children if c.dep in ("aux", "auxpass")]
    if verb.tag == "VBD":
        return not auxiliaries  # "did not sign" aside, a simple past
    if verb.tag == "VBN":
        # "has signed", "had met", "was signed": a past participle needs a past or
        # perfect auxiliary; alone it is an attribute ("a video uploaded on ...").
        if any(a.tag == "VBD" or a.text.lower() in ("has", "have") for a in auxiliaries):
            return True
        # A sentence's main verb with an active subject is a simple past the tagger
        # read as a participle ("THE council approved ...").
        deps = {c.dep for c in children}
        return verb.dep == "ROOT" and not auxiliaries and "nsubj" in deps
    return False


def _ancestors(tokens: Sequence[Token], i: int) -> list[int]:
    """The heads above ``tokens[i]`` up to its sentence's root (cycles cut)."""
    found: list[int] = []
    while tokens[i].head != i and tokens[i].head not in found and len(found) < len(tokens):
        i = tokens[i].head
        found.append(i)
    return found


def _sentence_tokens(tokens: Sequence[Token], at: int) -> list[tuple[int, Token]]:
    """(index, token) of the sentence of ``tokens[at]`` (a token's head is in its sentence)."""
    sentence = tokens[at].sentence
    first, last = at, at
    while first > 0 and tokens[first - 1].sentence == sentence:
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].sentence == sentence:
        last += 1
    return list(enumerate(tokens[first : last + 1], first))


def _sentence_around(analysis: Analysis, offset: int) -> str:
    for sent in analysis.sentences:
        if sent.start <= offset < sent.end:
            return sent.text
    return analysis.text


def _end_stamp(lines: list[str]) -> DateCandidate | None:
    """The one date line after the opening, unless it belongs to a list of headlines."""
    rest = lines[DATELINE_LINES:]
    stamps = [(i, m) for i, line in enumerate(rest) if (m := p.STAMP_LINE.fullmatch(line))]
    if len(stamps) != 1:
        return None  # none, or a list of dated items
    i, m = stamps[0]
    neighbours = rest[max(i - 1, 0) : i] + rest[i + 1 : i + 2]
    if any(_is_headline(line) for line in neighbours):
        return None
    value = _stamp_value(m, m["time"])
    return None if value is None else DateCandidate(value, "end-stamp", _evidence(m.group()))


def _is_headline(line: str) -> bool:
    """A short line of several words, capitalised, with no closing punctuation."""
    words = line.split()
    return 4 <= len(words) <= 20 and line[0].isupper() and line.rstrip()[-1] not in '.!?:;,"”’)…'


def _stamp_value(m: re.Match[str], time: str | None) -> str | None:
    """The date of a stamp match, checked against its weekday and read in UTC when the
    stamp names a clock time and a zone."""
    value = read_date(m["date"])
    if value is None or not _weekday_agrees(m, value):
        return None
    return _in_utc(value, time) if time else value


def _in_utc(value: str, time: str) -> str:
    t = p.TIME_PARTS.fullmatch(time.strip())
    if t is None or t["zone"] is None:
        return value
    offset = p.ZONES.get(" ".join(t["zone"].lower().split()))
    hour, minute = int(t["clock"]), int(t["minute"])
    if t["ampm"]:
        hour = hour % 12 + (12 if t["ampm"].lower() == "p" else 0)
    try:
        local = datetime.fromisoformat(value).replace(hour=hour, minute=minute)
    except ValueError:
        return value  # an impossible date or hour: validation says so
    if offset is None:
        return value
    return (local - timedelta(hours=offset)).date().isoformat()


def _read_numeric(m: re.Match[str]) -> str | None:
    """Day and month of a date in digits, when only one reading is possible."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if (a > 12 and b <= 12) or a == b:
        day, month = a, b
    elif b > 12 and a <= 12:
        month, day = a, b
    else:
        return None  # 03/04/2025: either reading is a real date, so none is taken
    return f"{year:04d}-{month:02d}-{day:02d}"


def inferred_candidate(text: str) -> DateCandidate | None:
    """A full date the text gives as its own (see the module notes), or ``None``."""
    opening = "\n".join(_first_lines(text, DATELINE_LINES))
    lowered = opening.lower()
    # The cue words are rare; checking for them first skips the costly date patterns.
    cues = []
    if "today" in lowered:
        first, closed = p.TODAY
        cues = [first, closed] if p.TODAY_CLOSED.search(opening) else [first]
    found = _dates_found(cues, opening) if cues else {}
    if len(found) != 1:
        return None  # nothing, or two different dates: trust neither
    (value, evidence), *_ = found.items()
    return DateCandidate(value, "inferred", evidence)


def path_candidate(url: str) -> DateCandidate | None:
    """A ``/YYYY/MM/DD/`` (or ``-``, ``_`` separated) date in a URL."""
    m = p.URL_DATE.search(url)
    if m is None:
        return None
    value = f"{m['year']}-{int(m['month']):02d}-{int(m['day']):02d}"
    return DateCandidate(value, "path", _evidence(url))


# A path component that is, or starts with, an ISO date: ".../2011-01-25/138.htm.txt",
# ".../2011-01-25_talks.txt". Only whole components count, never digits inside a name.
_PATH_DATE = re.compile(r"(?:^|[/\\])(\d{4}-\d{2}-\d{2})(?=$|[/\\._ -])")


def file_path_candidate(path: str) -> DateCandidate | None:
    """The last ``YYYY-MM-DD`` folder or file-name component of a path, if any."""
    found = _PATH_DATE.findall(path)
    if not found:
        return None
    return DateCandidate(found[-1], "path", _evidence(path))


def _dates_found(cues: Iterable[re.Pattern[str]], text: str) -> dict[str, str]:
    """Distinct dates matched by ``cues`` (value -> evidence), weekday-consistent."""
    found: dict[str, str] = {}
    for cue in cues:
        for m in cue.finditer(text):
            value = read_date(m["date"])
            if value is not None and _weekday_agrees(m, value):
                found.setdefault(value, _evidence(m.group()))
    return found


def _weekday_agrees(m: re.Match[str], value: str) -> bool:
    """A weekday named next to the date must be that date's weekday."""
    named = m.groupdict().get("weekday")
    if named is None:
        return True
    try:
        actual = date.fromisoformat(value).weekday()
    except ValueError:
        return True  # not a real date: validation will say so
    return p.WEEKDAYS[named.rstrip(".").lower()] == actual


def _is_place(place: str) -> bool:
    """Capitalised words (connectors aside), none of them a weekday or month name."""
    words = place.replace(",", " ").split()
    if any(w.rstrip(".").lower() in p.WEEKDAYS or w.rstrip(".").lower() in p.MONTHS for w in words):
        return False  # "PARIS, Monday, March 4": the weekday is not part of the place
    return words[0][0].isupper() and all(w[0].isupper() or w in _CONNECTORS for w in words)


def _is_timestamp(m: re.Match[str]) -> bool:
    # A bare date opening a line may start an ordinary sentence; a clock time or a
    # "PLACE |" prefix next to it marks a page timestamp.
    if m["stamp_place"] is not None and not _is_place(m["stamp_place"]):
        return False
    return any(m[g] is not None for g in ("stamp_place", "time_before", "time_after"))


def _first_lines(text: str, count: int | None) -> list[str]:
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line][:count]


def _evidence(matched: str) -> str:
    matched = " ".join(matched.split())
    if len(matched) <= _EVIDENCE_CHARS:
        return matched
    return matched[: _EVIDENCE_CHARS - 1] + "…"

"""Dates for undated pages from the rest of their collection.

A page without any date of its own may still be dated by what the collection knows,
on two cues, each taken only when it settles one date (a wrong date is worse than none):

* ``story``: the page shares a passage of about two sentences word for word (what the
  copy check counts as a passage, :mod:`dateline.dedupe.passages`) with dated pages,
  too little of it to be a copy: a rewrite of the same report. It takes their date when
  they all agree on one. A quote alone is shorter than that, and a page quoting an older
  report shares it with pages of several dates, which settles nothing.
* ``collection-year``: the page reports a day in the past with its weekday but no year
  ("the union announced on Saturday, October 19 ..."), the weakest cue of
  ``dating/candidates.py`` less the year. The collection's dated pages span a window (a
  month before the first, to the last: an article reports the past); exactly one year
  must put that day inside it on that weekday. A window of more than a year can hold the
  day twice and then gives nothing.

A page neither cue dates may still take the date of its nearest page in the collection
when the weekday or "today" it reports fits it (``neighbour``,
:mod:`dateline.dating.neighbours`); that cue runs last, on what the first two left.

Measured on the realnews-dev pages (``bench/pubdates.py --stories``); a bare yearless
date without its weekday is never taken: on those pages the latest one named the news
day for one page in six.

The build runs this after analysis (the weekday cue reads the page's parse). The story cue
compares every undated page with every dated one, each build, so it runs only while the
collection holds at most :data:`STORY_DATED` dated pages and :data:`STORY_PAIRS` pairs; past
that, only the weekday cue runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from dateline.analyse.convert import Analysis
from dateline.dating import patterns as p
from dateline.dating.candidates import _evidence, _reported_as_past, _sentence_around
from dateline.dating.neighbours import neighbour_dates
from dateline.dedupe.passages import MIN_SHARED, covered
from dateline.dedupe.shingles import shingle_array
from dateline.model import PublicationDate

# How long before the collection's first date a page's news may lie.
MARGIN_DAYS = 31
# Most (undated page, dated page) pairs the story cue compares in one build (~1 s), and
# most dated pages it reads the shingles of (~0.2 ms each, on every build): the cue is for
# collections of hundreds or thousands of pages, and costs a large store nothing.
STORY_PAIRS = 200_000
STORY_DATED = 5_000
_YEARS = re.compile(r"(?<![\d.,$£€-])(?:19|20)\d\d(?![\d%])")
# dates that are not a page's own
_OWN = frozenset({"story", "collection-year", "duplicate", "neighbour"})


@dataclass(frozen=True, slots=True)
class Page:
    """What dating by the collection reads of one stored document."""

    id: str
    text: str
    published: str | None = None
    how: str | None = None
    duplicate_of: str | None = None
    analysis: Analysis | None = None  # the page's parse: the weekday cue needs it


def collection_dates(
    pages: Sequence[Page], shingles: Callable[[Page], np.ndarray] | None = None
) -> dict[str, PublicationDate]:
    """New dates for the undated ``pages`` that the collection settles, by page id.

    ``shingles`` gives a page's shingle hashes (sorted unique, with ``.order``, as
    :func:`~dateline.dedupe.shingles.shingle_array`); it defaults to computing them.
    """
    shingle = shingles or (lambda page: shingle_array(page.text))
    dated = [q for q in pages if q.published and q.how not in _OWN]
    undated = [q for q in pages if not q.published]
    if not dated or not undated:
        return {}
    window = _window(q.published for q in pages if q.published)
    stories = len(dated) <= STORY_DATED and len(dated) * len(undated) <= STORY_PAIRS
    sources = [(q, shingle(q)) for q in dated] if stories else []
    out: dict[str, PublicationDate] = {}
    for page in undated:
        found = _story_date(page, shingle(page), sources) if stories else None
        if found is None and window is not None and page.analysis is not None:
            found = _yearless_date(page.analysis, window)
        if found is not None:
            out[page.id] = found
    if neighbours_asked([q.published for q in pages]):
        out |= _by_neighbour(pages, out)
    return out


def neighbours_asked(published: Sequence[str | None]) -> bool:
    """Whether :func:`collection_dates` compares the undated pages of a collection whose
    pages have these ``published`` dates with every page for their nearest one
    (:mod:`dateline.dating.neighbours`): not past ``STORY_PAIRS`` pairs."""
    undated = sum(1 for d in published if not d)
    return len(published) * undated <= STORY_PAIRS


def _by_neighbour(
    pages: Sequence[Page], found: dict[str, PublicationDate]
) -> dict[str, PublicationDate]:
    """Dates :mod:`~dateline.dating.neighbours` gives the pages still undated."""
    analyses = {q.id: q.analysis for q in pages if q.analysis is not None}
    dates = {q.id: (q.published, q.how or "date") for q in pages if q.published}
    dates |= {i: (d.value, d.how or "date") for i, d in found.items() if d.value}
    undated = [q.id for q in pages if not q.published and q.id not in found]
    groups = {q.id: q.duplicate_of or q.id for q in pages}
    return neighbour_dates(analyses, dates, undated, groups)


def _window(published: Iterable[str | None]) -> tuple[date, date] | None:
    days = sorted(d for d in published if d)
    if not days:
        return None
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    return first - timedelta(days=MARGIN_DAYS), last


def _story_date(
    page: Page, own: np.ndarray, sources: Sequence[tuple[Page, np.ndarray]]
) -> PublicationDate | None:
    order = getattr(own, "order", own)
    shared = [
        (q, n)
        for q, theirs in sources
        if q.id != page.duplicate_of and (n := covered(order, theirs)) >= MIN_SHARED
    ]
    dates = {q.published for q, _ in shared}
    if len(dates) != 1:
        return None
    q, n = max(shared, key=lambda s: s[1])
    why = (
        f"no date of its own; shares a passage of {n} shingles (word-for-word text) with "
        f"{q.id}, dated {q.published} by its {q.how}, and with no page of another date"
    )
    return PublicationDate(q.published, "story", why)


def _yearless_date(analysis: Analysis, window: tuple[date, date]) -> PublicationDate | None:
    """The latest past day with its weekday and no year, dated in the window's one year."""
    text, tokens = analysis.text, analysis.tokens
    starts = [t.start for t in tokens]
    best: tuple[date, str] | None = None
    for m in p.YEARLESS.finditer(text):
        day = _in_window(m, window)
        if day is None or (best is not None and day <= best[0]):
            continue
        if _reported_as_past(tokens, starts, m.start(), m.end()):
            best = (day, _evidence(_sentence_around(analysis, m.start())))
    if best is None or any(int(y) > best[0].year for y in _YEARS.findall(text)):
        return None  # nothing, or the text names a later year: the day is history
    why = (
        f"latest day the article reports as past, with its weekday and no year "
        f"({best[1]!r}); {best[0].year} is the one year of the collection's dates "
        f"({window[0].isoformat()} to {window[1].isoformat()}) with that day on that weekday"
    )
    return PublicationDate(best[0].isoformat(), "collection-year", why)


def _in_window(m: re.Match[str], window: tuple[date, date]) -> date | None:
    month = p.MONTHS[m["month"].rstrip(".").lower()]
    number = int(re.sub(r"\D", "", m["day"]))
    weekday = p.WEEKDAYS[m["weekday"].rstrip(".").lower()]
    fits = []
    for year in range(window[0].year, window[1].year + 1):
        try:
            day = date(year, month, number)
        except ValueError:
            continue
        if window[0] <= day <= window[1] and day.weekday() == weekday:
            fits.append(day)
    return fits[0] if len(fits) == 1 else None

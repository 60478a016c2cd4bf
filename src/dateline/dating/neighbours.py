"""Dating an undated page by its nearest page in the collection, on the day both report.

A page without a date of its own often still says when its news happened, counted from
its own day: "the union voted on Monday", "the offer was withdrawn tonight". That alone
dates nothing; but a collection usually holds other reports of the same news, and the
page whose words are nearest to it is the likeliest one (TF-IDF over the content lemmas
of the parse: the topic's common words weigh little, the story's own names, figures and
actions most). When that page is dated and the two fit, the undated page takes its date:

* the page reports a bare weekday as past ("said Tuesday", "met on Friday": the parse
  puts it under a past-tense verb, as the ``reported`` cue reads it): counted back from
  the neighbour's date, that weekday is the neighbour's day or the day before. A report
  comes out on the day of its news or the next, so both pages are about the same days.
* the page reports its news as of "today" or "tonight" (in the past tense: the news is of
  its own day): the latest weekday the neighbour reports as past falls on its date, so it
  too was written on the day of its news. (Its own "today" would not do: nothing ties it
  to the date it is stored with.)

Guards, since a wrong date is worse than none: the neighbour is the nearest of *all* the
collection's analysed pages (if an undated page is nearer, the story's date is unknown),
near enough (:data:`NEAREST_MIN`), nearer by :data:`MARGIN` than any page of another date
or of none, and the page shares at least :data:`RARE_SHARED` words that hardly any other
page uses (the story's own names, places, figures) with it or with the other pages of its
date that are nearer than any rival (one story's reports each share a few): in a
collection that follows one story for months, the nearest page is as often last week's
report on the same people, and a weekday fits a wrong week two times in seven. Copies of
the page do not count, and a date found this way never dates another page.

Measured by hiding the dates of a third of the Timeline17 articles no other cue dates
(``bench/pubdates.py --t17``; the thresholds were chosen on six topics and checked on
five). Without the margin and the rare words the cue dated 103 of 611 pages: 41 exactly,
23 a day off and 39 wrong by more. On all 17 topics it now dates 36 of 974: 17 exactly,
16 a day off (a report out the day after its news, or its neighbour) and 3 wrong by more
(counting rare words with the neighbour alone: 33, with the same 3 wrong). On
realnews-dev it dates 5 of the 15 pages the other cues leave undated, none wrong.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateline.dating import patterns as p
from dateline.dating.candidates import _evidence, _reported_as_past, _sentence_around
from dateline.model import PublicationDate

if TYPE_CHECKING:
    from dateline.analyse.convert import Analysis

HOW = "neighbour"
# Least cosine similarity (TF-IDF over the collection) of a page and its nearest page for
# the two to be taken as reports of the same news: the realnews-dev pages and their
# nearest same-story page scored 0.15-0.35, pages of other stories up to 0.2.
NEAREST_MIN = 0.1
# How much nearer the neighbour must be than the nearest page of another date or none.
MARGIN = 1.1
# How many words the two must share that at most RARE_PAGES pages of the collection use
# (the story's own names, places and figures rather than the topic's).
RARE_SHARED = 5
RARE_PAGES = 3
# How many days after the weekday a page reports its neighbour may be dated.
MAX_LAG = 1
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_FULL_WEEKDAYS = tuple(name for name, n in p.WEEKDAYS.items() if len(name) >= 6)
_CALENDAR = frozenset(p.WEEKDAYS) | frozenset(p.MONTHS)
# A bare weekday: not the start of a full or yearless date ("Thursday, Sept. 12").
_WEEKDAY = re.compile(
    rf"\b(?P<weekday>(?i:{'|'.join(_FULL_WEEKDAYS)}))\b(?!\s*,?\s*(?:{p.MONTH}|\d))"
)
_TODAY = re.compile(r"\b(?i:today|tonight)\b(?!['’]s)")
# "last Friday", "next Tuesday", "this Monday": counted from another day than the page's.
_SHIFTED = frozenset({"last", "next", "this", "coming", "previous", "following", "every"})


@dataclass(frozen=True, slots=True)
class Anchor:
    """The days a page reports as past relative to its own: weekdays, and "today"."""

    weekdays: tuple[tuple[int, str], ...]  # (weekday number, sentence)
    today: str | None  # the sentence of a past "today"/"tonight", if any

    def day(self, published: date) -> tuple[date, str] | None:
        """The latest reported weekday counted back from ``published``, with its sentence."""
        if not self.weekdays:
            return None
        return max(
            ((published - timedelta(days=(published.weekday() - w) % 7), s))
            for w, s in self.weekdays
        )


def anchor(analysis: Analysis) -> Anchor:
    """What ``analysis``'s text reports as past relative to its own day."""
    text, tokens = analysis.text, analysis.tokens
    starts = [t.start for t in tokens]
    weekdays: dict[int, str] = {}
    for m in _WEEKDAY.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()].split()
        if before and before[-1].lower() in _SHIFTED:
            continue
        if _reported_as_past(tokens, starts, m.start(), m.end()):
            number = p.WEEKDAYS[m["weekday"].lower()]
            weekdays.setdefault(number, _evidence(_sentence_around(analysis, m.start())))
    today = None
    for m in _TODAY.finditer(text):
        if _reported_as_past(tokens, starts, m.start(), m.end()):
            today = _evidence(_sentence_around(analysis, m.start()))
            break
    return Anchor(tuple(sorted(weekdays.items())), today)


def terms(analysis: Analysis) -> Counter[str]:
    """The content lemmas of ``analysis`` (calendar words aside: the day is checked apart)."""
    found: Counter[str] = Counter()
    for t in analysis.tokens:
        lemma = t.lemma.lower()
        if t.pos in _CONTENT and len(t.text) > 1 and lemma not in _CALENDAR:
            found[lemma] += 1
    return found


def neighbour_dates(
    analyses: Mapping[str, Analysis],
    dates: Mapping[str, tuple[str, str]],
    undated: Sequence[str],
    groups: Mapping[str, str],
) -> dict[str, PublicationDate]:
    """Dates for the ``undated`` page ids from their nearest pages.

    ``analyses`` are the collection's analysed pages by id, ``dates`` the known
    (date, how) of the dated ones, ``groups`` each page's copy group (its root's id).
    """
    anchors = {u: anchor(analyses[u]) for u in undated if u in analyses}
    anchors = {u: a for u, a in anchors.items() if a.weekdays or a.today}
    if not anchors:
        return {}
    vectors = _vectors({i: terms(a) for i, a in analyses.items()})
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for i, vector in vectors.items():
        for term, weight in vector.items():
            postings[term].append((i, weight))
    out: dict[str, PublicationDate] = {}
    for u, own in anchors.items():
        scores: dict[str, float] = defaultdict(float)
        for term, weight in vectors[u].items():
            for i, theirs in postings[term]:
                scores[i] += weight * theirs
        group = groups.get(u, u)
        ranked = sorted(
            ((s, i) for i, s in scores.items() if groups.get(i, i) != group),
            key=lambda si: (-si[0], si[1]),
        )
        if not ranked or ranked[0][0] < NEAREST_MIN:
            continue
        best, near = ranked[0]
        if near not in dates:
            continue  # the nearest page is undated too: the story's date is unknown
        value = dates[near][0]
        rival = next((sc for sc, i in ranked[1:] if dates.get(i, ("",))[0] != value), 0.0)
        if best < MARGIN * rival:
            continue  # a page of another date (or none) is nearly as near
        # the pages of that date nearer than any other: several reports of the story may
        # each share a few of its rare words with the page
        peers = [near]
        for _, i in ranked[1:]:
            if dates.get(i, ("",))[0] != value:
                break
            peers.append(i)
        rare = [
            t
            for t in vectors[u]
            if len(postings[t]) <= RARE_PAGES and any(t in vectors[q] for q in peers)
        ]
        if len(rare) < RARE_SHARED:
            continue  # nothing they share sets them apart from the rest of the topic
        found = _fit(own, dates[near], analyses[near], near, best)
        if found is not None:
            out[u] = found
    return out


def _fit(
    own: Anchor, theirs: tuple[str, str], analysis: Analysis, near: str, score: float
) -> PublicationDate | None:
    value, how = theirs
    published = date.fromisoformat(value)
    head = f"no date of its own; its nearest page in the collection (similarity {score:.2f})"
    dated = f"{near}, dated {value} by its {how}"
    reported = own.day(published)
    if reported is not None:
        day, sentence = reported
        if (published - day).days > MAX_LAG:
            return None
        why = (
            f"{head} is {dated}; the page reports {day:%A} as past ({sentence!r}), which is "
            f"{'that day' if day == published else 'the day before'}"
        )
        return PublicationDate(value, HOW, why)
    if own.today is None:
        return None
    # the neighbour's own "today" says nothing of which day its date is: its weekday does
    theirs_day = anchor(analysis).day(published)
    if theirs_day is None or theirs_day[0] != published:
        return None
    evidence = theirs_day[1]
    why = (
        f"{head} is {dated}; both report their news as of their own day ({own.today!r}; "
        f"{evidence!r})"
    )
    return PublicationDate(value, HOW, why)


def _vectors(bags: Mapping[str, Counter[str]]) -> dict[str, dict[str, float]]:
    """Unit TF-IDF vectors (sublinear counts) of the pages' term ``bags``."""
    df: Counter[str] = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    n = len(bags)
    out: dict[str, dict[str, float]] = {}
    for i, bag in bags.items():
        vector = {t: (1 + math.log(c)) * math.log(n / df[t]) for t, c in bag.items() if df[t] < n}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        out[i] = {t: w / norm for t, w in vector.items()}
    return out

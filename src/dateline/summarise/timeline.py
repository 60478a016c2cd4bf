"""Timeline summarisation: the dates that matter, each with a short extractive summary.

Plain data in, plain data out (no store, no language model). The method:

1. Date selection (:mod:`dateline.summarise.dates`): every day-precision reference to a date
   counts once per independent document (a duplicate group counts once, with its strongest
   reference), references from later articles count more, references from a page telling
   another story (its first sentences far from the whole input's centroid) count less, and
   publication volume is a weaker signal; only dates within ``[since, until]`` compete.
2. Candidates per selected date: sentences that refer to the date, plus undated lead sentences
   published on it or the day after (news leads report the publication day or the day
   before); those sharing a word with the ``query`` are preferred.
3. Summary (:mod:`dateline.summarise.select`): the most central candidates by TF-IDF cosine to
   the pool's centroid, skipping redundant ones; bylines, headers and fragments never chosen.
4. Entries in date order.

Support counts reprints once per story (``groups`` maps a document to its duplicate-group root):
a wire story reprinted by ten sites is one report, not ten.
"""

from __future__ import annotations

import bisect
import dataclasses
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

import numpy as np

from dateline.analyse.timex import find_time_expressions
from dateline.model import Source
from dateline.summarise.columns import numbered
from dateline.summarise.dates import (
    DateSupport,
    Reference,
    collect,
    score_dates,
    select_dates,
    supporting_documents,
)
from dateline.summarise.features import (
    ANAPHORIC,
    CHRONOLOGY,
    QUOTED,
    WELL_FORMED,
    news_span,
    sentence_flags,
)
from dateline.summarise.hygiene import is_comment, metadata_end
from dateline.summarise.kept import KeptReading
from dateline.summarise.matrix import Stems, closeness, id_matrix, term_matrix
from dateline.summarise.select import Candidate, choose_rows
from dateline.summarise.text import Term, Vector, words
from dateline.summarise.tuning import Tuning

__all__ = [
    "DatedSentence",
    "SentenceTable",
    "Stems",
    "TimelineEntry",
    "TimelineOptions",
    "Tuning",
    "build_timeline",
    "build_timelines",
    "rank_days",
    "sentence_table",
    "sentences_for",
    "summarise_ranked",
]

_KEPT_PRECISIONS = ("day", "month", "year")
# Sentence indices by day: those naming the day, and undated leads likely reporting it.
_Pools = tuple[dict[date, list[int]], dict[date, list[int]]]
# The first and last day a timeline may show (None: any).
_Span = tuple[date, date] | None


@dataclass(frozen=True)
class DatedSentence:
    """A sentence of a document's clean text and the dates it refers to."""

    document_id: str
    start: int
    end: int
    text: str  # empty when a kept reading stands for it (see build_timelines)
    published: str | None  # YYYY-MM-DD
    dates: tuple[tuple[str, str], ...]  # (YYYY-MM-DD, precision) referred to in the sentence
    index: int | None = None  # the sentence's place in its document, when not all are given


@dataclass(frozen=True)
class TimelineOptions:
    dates: int | None = 10  # None: every date with support
    sentences: int = 2  # per date
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None
    query: str | None = None  # topic keywords


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    summary: tuple[Source, ...]
    texts: tuple[str, ...]
    score: float
    documents: int  # independent documents supporting the date
    # The share of the articles read: below 1 (a large corpus, read as an even sample) score
    # and documents are estimates scaled up from the sample.
    sample: float = 1.0


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def sentences_for(
    document_id: str,
    text: str,
    published: str | None,
    sentence_spans: Sequence[tuple[int, int]],
) -> list[DatedSentence]:
    """The document's sentences with the dates each refers to, resolved against ``published``.

    The resolver runs once on the whole text (a year written elsewhere in the article settles
    "May 3"), and each expression goes to the sentence that contains it. Dates of reader
    comments and of metadata glued before a sentence (time stamps, credits) are dropped.
    """
    expressions = find_time_expressions(text, _iso_date(published))
    starts = [e.start for e in expressions]
    out = []
    for start, end in sentence_spans:
        sentence = text[start:end]
        news = start + metadata_end(sentence)
        found: list[tuple[str, str]] = []
        for e in expressions[bisect.bisect_left(starts, news) :]:
            if e.start >= end:
                break
            pair = (e.value, e.precision)
            if e.end <= end and e.precision in _KEPT_PRECISIONS and pair not in found:
                found.append(pair)
        dates = () if is_comment(sentence) else tuple(found)
        out.append(DatedSentence(document_id, start, end, sentence, published, dates))
    return out


class SentenceTable(NamedTuple):
    """Sentences a timeline weighs, as columns, by document and within one by place: what
    :func:`build_timelines` makes of its sentences, and what a reader of a store may hand
    it instead, without a record per sentence.

    Per document: ``documents`` its id and ``roots`` its duplicate group's root. Per
    sentence: ``document`` its document's number, ``position`` its place there and
    ``published`` its day (YYYY-MM-DD). ``dates`` holds, by sentence number, the dates of
    those naming some; ``spans`` gives the (start, end) of the sentences asked for, and
    ``texts`` every sentence's text (None when a kept reading stands for them)."""

    documents: Sequence[str]
    roots: Sequence[str]
    document: np.ndarray
    position: np.ndarray
    published: Sequence[str | None]
    dates: Mapping[int, tuple[tuple[str, str], ...]]
    spans: Callable[[Sequence[int]], Sequence[tuple[int, int]]]
    texts: Sequence[str] | None = None


def sentence_table(
    sentences: Sequence[DatedSentence], groups: Mapping[str, str] | None = None
) -> SentenceTable:
    """``sentences`` as a table, sorted by document, start, end and text; a sentence's place
    is its ``index``, or when None its rank among its document's (``groups`` maps a
    document to its duplicate group's root)."""
    ordered = sorted(sentences, key=_ORDER)
    documents, document = numbered([s.document_id for s in ordered])
    # a sentence's rank among its document's: its place less that of the document's first
    first = np.zeros(len(documents), dtype=np.int64)
    first[document[::-1]] = np.arange(len(ordered) - 1, -1, -1, dtype=np.int64)
    rank = (np.arange(len(ordered), dtype=np.int64) - first[document]).tolist()
    position = [r if s.index is None else s.index for s, r in zip(ordered, rank, strict=True)]
    spans = [(s.start, s.end) for s in ordered]
    return SentenceTable(
        documents,
        [groups.get(d, d) for d in documents] if groups else documents,
        document,
        np.array(position, dtype=np.int64),
        [s.published for s in ordered],
        {i: s.dates for i, s in enumerate(ordered) if s.dates},
        lambda wanted: [spans[i] for i in wanted],
        [s.text for s in ordered],
    )


_ORDER = operator.attrgetter("document_id", "start", "end", "text")


class _Rows:
    """A table with what the method reads of each sentence worked out once: its
    publication day, and the distinct days and months it names (``named``, of the
    sentences naming any)."""

    def __init__(self, table: SentenceTable) -> None:
        self.table = table
        self.size = len(table.position)
        self.document: list[int] = table.document.tolist()
        self.position: list[int] = table.position.tolist()
        parsed: dict[str | None, date | None] = {}  # a document's sentences share its day
        for value in dict.fromkeys(table.published):
            parsed[value] = _iso_date(value)
        self.published: list[date | None] = [parsed[value] for value in table.published]
        # many sentences name the same dates
        found: dict[tuple[tuple[str, str], ...], tuple[tuple[date, ...], tuple[date, ...]]] = {}
        self.named: dict[int, tuple[tuple[date, ...], tuple[date, ...]]] = {}
        for i in sorted(table.dates):
            dates = table.dates[i]
            days = found.get(dates)
            if days is None:
                days = found[dates] = _named(dates)
            if days[0] or days[1]:
                self.named[i] = days

    def days(self, i: int) -> tuple[date, ...]:
        named = self.named.get(i)
        return named[0] if named else ()

    def document_id(self, i: int) -> str:
        return self.table.documents[self.document[i]]


def _named(dates: Sequence[tuple[str, str]]) -> tuple[tuple[date, ...], tuple[date, ...]]:
    """The distinct days and months of a sentence's ``dates``, in order."""
    days = tuple(dict.fromkeys(d for v, p in dates if p == "day" and (d := _iso_date(v))))
    months = tuple(dict.fromkeys(d for v, p in dates if p == "month" and (d := _iso_date(v))))
    return days, months


def _evidence(
    rows: _Rows, texts: _Texts, tuning: Tuning, span: _Span = None
) -> tuple[list[Reference], list[tuple[str, date]]]:
    """Every day or month reference, weighed by its article, and every (story, day) of
    publication: what :func:`collect` turns into support. Within ``span`` only: a day's
    score counts its own references and those to its month, never another day's."""
    strength = _article_strength(rows, texts, tuning)
    first, last = span or (date.min, date.max)
    month_from, month_to = (first.year, first.month), (last.year, last.month)
    roots = rows.table.roots
    references = []
    for i, (days, months) in rows.named.items():  # in the sentences' order
        document, published = rows.document[i], rows.published[i]
        root, strong = roots[document], strength[document]
        for day in days:
            if first <= day <= last:
                chronology = texts.opens_with(i, day)
                references.append(Reference(root, day, published, "day", chronology, strong))
        for month in months:
            if month_from <= (month.year, month.month) <= month_to:
                chronology = texts.opens_with(i, month)
                references.append(Reference(root, month, published, "month", chronology, strong))
    stories = {(roots[d], p) for d, p in zip(rows.document, rows.published, strict=True) if p}
    return references, sorted(stories)


def _article_strength(rows: _Rows, texts: _Texts, tuning: Tuning) -> list[float]:
    """Per document (by number), how much its references count: the closeness of its first
    sentences to the whole input, relative to the average sentence's, **
    ``tuning.article_topical``. A page that names a day in passing while telling another
    story counts less."""
    documents = len(rows.table.documents)
    if tuning.article_topical <= 0.0:
        return [1.0] * documents
    close = np.asarray(texts.closeness, dtype=np.float64)
    document = rows.table.document
    lead = rows.table.position < tuning.article_lead
    # np.bincount adds a document's sentences one by one, in order, as sum() does
    every = np.bincount(document, weights=close, minlength=documents).tolist()
    sentences = np.bincount(document, minlength=documents).tolist()
    opening = np.bincount(document[lead], weights=close[lead], minlength=documents).tolist()
    leads = np.bincount(document[lead], minlength=documents).tolist()
    power = tuning.article_topical
    return [
        (o / n if n else e / m) ** power
        for o, n, e, m in zip(opening, leads, every, sentences, strict=True)
    ]


def _on_topic(texts: _Texts, query: str | None) -> list[bool] | None:
    """Sentences that share a word with the query (None: no query)."""
    keywords = set(words(query or ""))
    if not keywords:
        return None
    texts.read(range(texts.rows.size))
    return [not keywords.isdisjoint(texts.whole_words(i)) for i in range(texts.rows.size)]


def _pools(rows: _Rows, tuning: Tuning, span: _Span = None) -> _Pools:
    """Sentences by the day they refer to, and undated leads by the day they likely report
    (the days within ``span`` only)."""
    first, last = span or (date.min, date.max)
    explicit: dict[date, list[int]] = defaultdict(list)
    implicit: dict[date, list[int]] = defaultdict(list)
    for i, (days, _) in rows.named.items():  # in the sentences' order
        for day in days:
            if first <= day <= last:
                explicit[day].append(i)
    for i in np.flatnonzero(rows.table.position < tuning.lead).tolist():
        published = rows.published[i]
        if published and not rows.days(i):
            for lag in range(tuning.lag + 1):
                day = published - timedelta(days=lag)
                if first <= day <= last:
                    implicit[day].append(i)
    return explicit, implicit


def _span(options: Sequence[TimelineOptions]) -> _Span:
    """The days any of ``options`` may show (None: no bound)."""
    since = [_iso_date(o.since) for o in options]
    until = [_iso_date(o.until) for o in options]
    if all(d is None for d in (*since, *until)):
        return None
    first = date.min if None in since else min(d for d in since if d is not None)
    last = date.max if None in until else max(d for d in until if d is not None)
    return first, last


class _Texts:
    """Per sentence: the summary span (metadata or chronology date cut), vector and quality.
    What only a candidate needs (its vector, quality and topicality) is worked out when a
    day's pool first asks for it: a range read whole holds tens of thousands of sentences
    and pools only a few of them. With ``kept`` (what the build kept of each sentence, see
    summarise.features), the sentences' texts are not read, save those a summary shows."""

    def __init__(
        self,
        rows: _Rows,
        tuning: Tuning,
        stems: Stems | None = None,
        kept: KeptReading | None = None,
    ) -> None:
        self.rows = rows
        self.tuning = tuning
        self.kept = kept
        self._documents: dict[str, str] = {}  # texts read for the sentences shown
        self._spans: dict[int, tuple[int, int]] = {}  # (start, end) of the sentences shown
        table = rows.table
        if kept is not None or table.texts is None:
            if kept is None:
                raise ValueError("sentences without their texts need a kept reading")
            places = kept.places_at(table.documents, table.document, table.position)
            if places is None:
                raise ValueError("a sentence read has no kept reading")
            records = kept.records[places]
            self.offsets: list[int] = records["offset"].tolist()
            # what features.sentence_flags found of each sentence, and its number of words
            self._flags: list[int | None] = records["flags"].tolist()
            self.chronology: list[bool] = ((records["flags"] & CHRONOLOGY) != 0).tolist()
            self.counts: list[int] = records["words"].tolist()
            self.texts: list[str] = []
            self.whole: Sequence[str] = ()  # each sentence's whole text, when at hand
            self.words: list[list[str]] = []
            self.matrix = id_matrix(*kept.terms_of(places), kept.width, tuning.idf_power)
        else:
            found = [news_span(t, p) for t, p in zip(table.texts, rows.position, strict=True)]
            self.offsets = [offset for offset, _ in found]
            self.chronology = [chronology for _, chronology in found]
            self.texts = [t[o:] for t, o in zip(table.texts, self.offsets, strict=True)]
            self.whole = table.texts
            # each text's words, found once for its terms, its length and the query
            self.words = [words(text) for text in self.texts]
            self.counts = [len(found) for found in self.words]
            # worked out for the sentences a pool reads, when it first reads them
            self._flags = [None] * rows.size
            self.matrix = term_matrix(self.words, tuning.idf_power, stems)
        self._vectors: dict[int, Vector] = {}
        self._wordings: dict[int, tuple[Term, ...]] = {}
        self._topical: list[float | None] = [None] * rows.size
        # closeness to the whole input, relative to the mean: what the dates' support and
        # the summaries' preference for on-topic sentences both weigh
        self.closeness = closeness(self.matrix)

    def vector(self, i: int) -> Vector:
        """Sentence ``i``'s TF-IDF vector (each term's idf ** ``idf_power``)."""
        found = self._vectors.get(i)
        if found is None:
            found = self._vectors[i] = self.matrix.vector(i)
        return found

    def _flag(self, i: int, flag: int) -> bool:
        """Whether sentence ``i`` has ``flag`` of features.sentence_flags."""
        found = self._flags[i]
        if found is None:
            found = self._flags[i] = sentence_flags(self.texts[i], self.chronology[i])
        return bool(found & flag)

    def eligible(self, i: int) -> bool:
        """Whether sentence ``i`` may stand in a summary."""
        tuning = self.tuning
        return self._flag(i, WELL_FORMED) and tuning.min_words <= self.counts[i] <= tuning.max_words

    def quoted(self, i: int) -> bool:
        return self._flag(i, QUOTED)

    def anaphoric(self, i: int) -> bool:
        return self._flag(i, ANAPHORIC)

    def topical(self, i: int) -> float:
        """Sentence ``i``'s closeness ** ``tuning.topical``: a summary's preference."""
        found = self._topical[i]
        if found is None:
            power = self.tuning.topical
            found = self._topical[i] = self.closeness[i] ** power if power > 0 else 1.0
        return found

    def wording(self, i: int) -> tuple[Term, ...]:
        """Sentence ``i``'s terms, in order: what tells a reprinted sentence (found once, as
        a sentence may stand in several days' pools)."""
        found = self._wordings.get(i)
        if found is None:
            found = self._wordings[i] = self.matrix.wording(i)
        return found

    def opens_with(self, i: int, day: date) -> bool:
        """Whether sentence ``i`` is a chronology entry for ``day``."""
        if not self.chronology[i]:
            return False
        days = self.rows.days(i)
        return bool(days) and days[0] == day

    def span(self, i: int) -> tuple[int, int]:
        """Sentence ``i``'s (start, end) in its document's text."""
        self.read([i], texts=False)
        return self._spans[i]

    def sentence(self, i: int) -> str:
        """Sentence ``i``'s whole text (see :meth:`read` for many at once)."""
        if self.kept is None:
            return self.whole[i]
        self.read([i])
        start, end = self._spans[i]
        return self._documents[self.rows.document_id(i)][start:end]

    def read(self, indices: Iterable[int], texts: bool = True) -> None:
        """Find the spans, and read the texts when ``texts``, of sentences ``indices`` at
        once, when they are not at hand."""
        indices = list(indices)
        wanted = [i for i in indices if i not in self._spans]
        if wanted:
            self._spans.update(zip(wanted, self.rows.table.spans(wanted), strict=True))
        if self.kept is None or not texts:
            return
        missing = {self.rows.document_id(i) for i in indices} - self._documents.keys()
        if missing:
            self._documents.update(self.kept.texts(missing))

    def whole_words(self, i: int) -> list[str]:
        """The words of sentence ``i``'s whole text, metadata included."""
        if self.kept is None and self.offsets[i] == 0:
            return self.words[i]
        return words(self.sentence(i))


def _weight(i: int, day: date, texts: _Texts, tuning: Tuning) -> float:
    """How directly sentence ``i`` tells what happened on ``day``, and how well it reads alone."""
    days, published = texts.rows.days(i), texts.rows.published[i]
    if day in days:
        weight = 1.0 / len(days)  # a sentence naming several dates is about each less
        if published and day > published:
            weight *= tuning.planned  # announced ahead: may not have happened so
        if texts.opens_with(i, day):
            weight *= tuning.chronology_summary
    else:
        weight = tuning.implicit
    if texts.quoted(i):
        weight *= tuning.quote
    if texts.anaphoric(i):
        weight *= tuning.anaphoric
    return weight


def _candidates(
    day: date, indices: Sequence[int], texts: _Texts, topic: Sequence[bool] | None, tuning: Tuning
) -> tuple[list[int], list[float], list[float]]:
    """The date's pool, each distinct text once (its sentences, weights and priors);
    on-topic sentences are preferred when some are, while the rest still shape what the
    day's reports have in common."""
    boost = topic is not None and any(topic[i] for i in indices)
    seen: set[tuple[Term, ...]] = set()
    keys, weights, priors = [], [], []
    for i in indices:
        key = texts.wording(i)
        if key in seen:  # a reprinted sentence counts once
            continue
        seen.add(key)
        prior = texts.topical(i)
        if boost and topic is not None and topic[i]:
            prior *= tuning.on_topic
        keys.append(i)
        weights.append(_weight(i, day, texts, tuning))
        priors.append(prior)
    return keys, weights, priors


def _entry(
    day: date,
    chosen: Sequence[Candidate],
    texts: _Texts,
    score: float,
    documents: int,
) -> TimelineEntry:
    sources, strings = [], []
    texts.read(c.key for c in chosen)
    published = texts.rows.table.published
    for c in sorted(chosen, key=lambda c: (published[c.key] or "", c.key)):
        start, end = texts.span(c.key)
        offset = texts.offsets[c.key]
        sources.append(Source(texts.rows.document_id(c.key), start + offset, end))
        strings.append(texts.sentence(c.key)[offset:].strip())
    return TimelineEntry(day.isoformat(), tuple(sources), tuple(strings), score, documents)


def _candidate_dates(
    scores: Mapping[date, float],
    pools: _Pools,
    texts: _Texts,
    options: TimelineOptions,
) -> dict[date, float]:
    """Dates within range with support and at least one readable candidate sentence."""
    since, until = _iso_date(options.since), _iso_date(options.until)
    return {
        d: v
        for d, v in scores.items()
        if v > 0
        and (since is None or d >= since)
        and (until is None or d <= until)
        and any(texts.eligible(i) for pool in pools for i in pool.get(d, ()))
    }


@dataclass
class _Summariser:
    """Summaries of dates in the order they are chosen, each saying something new."""

    texts: _Texts
    pools: _Pools
    topic: list[bool] | None
    tuning: Tuning
    count: int
    taken: list[Vector] = field(default_factory=list)

    def summary(self, day: date, *, fresh: bool = True) -> list[Candidate]:
        """The day's summary; with ``fresh``, nothing close to an earlier summary."""
        explicit, implicit = self.pools
        indices = [*explicit.get(day, ()), *implicit.get(day, ())]
        keys, weights, priors = _candidates(day, indices, self.texts, self.topic, self.tuning)
        taken = self.taken if fresh else ()
        # whether a candidate may stand in the summary is judged when the selection reaches it
        texts, redundancy = self.texts, self.tuning.redundancy
        chosen = choose_rows(texts.matrix, keys, weights, priors, self.count, redundancy,
                             taken, texts.eligible, texts.vector)  # fmt: skip
        self.taken.extend(c.vector for c in chosen)
        return chosen


def build_timeline(
    sentences: Sequence[DatedSentence],
    options: TimelineOptions,
    *,
    groups: Mapping[str, str] | None = None,
    event_dates: Mapping[str, float] | None = None,
    tuning: Tuning | None = None,
    floor: float = 0.0,
    stems: Stems | None = None,
) -> list[TimelineEntry]:
    """The ``options.dates`` most referred-to dates, each with its summary, in date order.

    ``event_dates`` adds a weight per date (YYYY-MM-DD) from extracted events; a date
    without one competes only with a score of at least ``floor``, a reference to its own
    publication day counting ``tuning.floor_same_day`` there. ``tuning`` overrides the
    method's parameters (see :class:`Tuning`). ``stems`` finds the stems of words this
    process has not stemmed yet, where they were kept (a store's); it never changes a result.
    """
    (entries,) = build_timelines(
        sentences,
        [options],
        groups=groups,
        event_dates=event_dates,
        tuning=tuning,
        floor=floor,
        stems=stems,
    )
    return entries


def build_timelines(
    sentences: Sequence[DatedSentence] | SentenceTable,
    options: Sequence[TimelineOptions],
    *,
    groups: Mapping[str, str] | None = None,
    event_dates: Mapping[str, float] | None = None,
    tuning: Tuning | None = None,
    floor: float = 0.0,
    stems: Stems | None = None,
    kept: KeptReading | None = None,
) -> list[list[TimelineEntry]]:
    """:func:`build_timeline` for each of ``options`` over the same sentences, which are
    read, vectorised and counted once for all of them. With ``kept``, what the build kept
    of each sentence (its document and ``index`` find it) stands for its text, which may
    then be empty: only the sentences shown are read, through ``kept``. ``sentences`` may
    be a :class:`SentenceTable` instead (which holds its roots: ``groups`` is not read)."""
    tuning = tuning or Tuning()
    rows = _prepared(sentences, groups)
    if not rows.size:
        return [[] for _ in options]
    texts = _Texts(rows, tuning, stems, kept)
    # only the days the options may show are ranked: the others' evidence is left unread
    span = _span(options)
    references, publications = _evidence(rows, texts, tuning, span)
    support = collect(references, publications, tuning)
    pools = _pools(rows, tuning, span)
    scores = score_dates(support, tuning, event_dates)
    if floor > 0.0:
        # the floor weighs a reference to its own publication day apart from the ranking
        judged = dataclasses.replace(tuning, same_day=tuning.floor_same_day)
        reached = score_dates(collect(references, publications, judged), tuning)
        events = {date.fromisoformat(d) for d in event_dates or ()}
        scores = {d: v for d, v in scores.items() if d in events or reached.get(d, 0.0) >= floor}
    return [_ranked(texts, support, pools, scores, asked, tuning) for asked in options]


def _prepared(
    sentences: Sequence[DatedSentence] | SentenceTable, groups: Mapping[str, str] | None
) -> _Rows:
    if isinstance(sentences, SentenceTable):
        return _Rows(sentences)
    return _Rows(sentence_table(sentences, groups))


def rank_days(
    scores: Mapping[str, float], options: TimelineOptions, tuning: Tuning | None = None
) -> list[str]:
    """The days of ``scores`` (YYYY-MM-DD) a timeline summarises, best first: those within
    the range with a positive score, picked as :func:`build_timeline` picks, a few times
    more than ``options.dates`` (some may have nothing new to say)."""
    tuning = tuning or Tuning()
    since, until = _iso_date(options.since), _iso_date(options.until)
    within = {
        d: v
        for day, v in scores.items()
        if v > 0
        and (d := _iso_date(day)) is not None
        and (since is None or d >= since)
        and (until is None or d <= until)
    }
    ranked = select_dates(within, _reserve(options.dates), tuning.spread, options.dates)
    return [d.isoformat() for d in ranked]


def summarise_ranked(
    sentences: Sequence[DatedSentence] | SentenceTable,
    options: TimelineOptions,
    ranked: Sequence[str],
    scores: Mapping[str, float],
    documents: Mapping[str, int],
    *,
    groups: Mapping[str, str] | None = None,
    tuning: Tuning | None = None,
    stems: Stems | None = None,
    kept: KeptReading | None = None,
) -> list[TimelineEntry]:
    """The timeline of days already ranked elsewhere (``ranked``, best first, with their
    ``scores`` and independent ``documents``): each day with a readable candidate among
    ``sentences`` is summarised in that order, as :func:`build_timeline` summarises the days
    it ranks itself, until ``options.dates`` have a summary. ``kept`` as for
    :func:`build_timelines`."""
    tuning = tuning or Tuning()
    rows = _prepared(sentences, groups)
    if not rows.size or options.dates == 0:
        return []
    texts = _Texts(rows, tuning, stems, kept)
    pools = _pools(rows, tuning)
    order = [date.fromisoformat(d) for d in ranked]
    readable = _candidate_dates(dict.fromkeys(order, 1.0), pools, texts, options)
    chosen = _summarised([d for d in order if d in readable], texts, pools, options, tuning)
    return [
        _entry(day, chosen[day], texts, scores[day.isoformat()], documents[day.isoformat()])
        for day in sorted(chosen)
    ]


def _ranked(
    texts: _Texts,
    support: DateSupport,
    pools: _Pools,
    every: Mapping[date, float],
    options: TimelineOptions,
    tuning: Tuning,
) -> list[TimelineEntry]:
    """One timeline from the prepared sentences: its dates chosen among ``every`` scored
    date, then summarised in the order chosen."""
    if options.dates == 0:
        return []
    scores = _candidate_dates(every, pools, texts, options)
    # A few times more dates than needed: some may have nothing new to say.
    ranked = select_dates(scores, _reserve(options.dates), tuning.spread, options.dates)
    chosen = _summarised(ranked, texts, pools, options, tuning)
    return [
        _entry(day, chosen[day], texts, scores[day], supporting_documents(support, day))
        for day in sorted(chosen)
    ]


def _summarised(
    ranked: Sequence[date], texts: _Texts, pools: _Pools, options: TimelineOptions, tuning: Tuning
) -> dict[date, list[Candidate]]:
    """Summaries of the first ``options.dates`` of ``ranked`` that have something new to
    say; when too few do, the best of those held back, repeating what was said."""
    summariser = _Summariser(
        texts, pools, _on_topic(texts, options.query), tuning, options.sentences
    )
    chosen: dict[date, list[Candidate]] = {}
    held_back: list[date] = []
    for day in ranked:
        if options.dates is not None and len(chosen) >= options.dates:
            break
        summary = summariser.summary(day)
        if summary:
            chosen[day] = summary
        else:  # everything readable about it was said for another date
            held_back.append(day)
    for day in held_back[: _missing(len(chosen), options.dates)]:
        chosen[day] = summariser.summary(day, fresh=False)
    return chosen


def _reserve(dates: int | None) -> int | None:
    return None if dates is None else 3 * dates


def _missing(found: int, wanted: int | None) -> int | None:
    """How many held-back dates to add: all of them when every date is wanted."""
    return None if wanted is None else max(0, wanted - found)

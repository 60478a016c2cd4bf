"""Planning one timeline over a store: what to read, how much of it, and which days compete.

:func:`plan_timeline` answers a :class:`~dateline.summarise.request.TimelineRequest` from the
store it is handed: it reads the candidate sentences (all of them, or an even sample past the
request's budget), counts the extracted events' days, hands both to :func:`build_timeline`,
and completes the ranking with event days no sentence summarised. The answer is kept in the
store until its next write, so a repeated question is one indexed read.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import logging
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from dateline import __version__
from dateline.collector import collector_paused
from dateline.errors import DatelineError
from dateline.evaluate.rouge import stemmer_identity
from dateline.lexicon.names import fold_name
from dateline.model import Entity, Event, Source
from dateline.stagecode import code_digest
from dateline.store.records import LAG_CLASSES, day_scope, sample_bound, shifted_days
from dateline.summarise.columns import numbered, runs
from dateline.summarise.dates import reference_weight
from dateline.summarise.features import features_identity
from dateline.summarise.kept import KeptReading
from dateline.summarise.request import TimelineRequest
from dateline.summarise.timeline import (
    SentenceTable,
    Stems,
    TimelineEntry,
    TimelineOptions,
    Tuning,
    build_timelines,
    rank_days,
    summarise_ranked,
)

if TYPE_CHECKING:
    from dateline.store import DaysPart, DossierPart, Store
    from dateline.store.days import SentenceRow

log = logging.getLogger(__name__)

__all__ = ["find_entity", "find_stored_entity", "plan_timeline", "plan_timelines", "timeline_key"]

# An article published up to this many days after an event day may report it in undated
# sentences, so those sentences compete for the day too.
_LEAD_LAG = 2
# References the shortlist of event days counts at most (an even sample beyond).
_REFERENCE_BUDGET = 50_000
# The share of the articles whose sentences estimate a large range's count.
_PROBE = 1 / 64
# Sentences read at most to summarise the days a ranking from the day counts chose.
_SUMMARY_BUDGET = 3_000
# An entity named in at most this many sentences has its own sentences read for a summary;
# past it, the chosen days' sentences are read (a sample of them) and kept to its.
_ENTITY_READ = 10 * _SUMMARY_BUDGET


def timeline_key(request: TimelineRequest) -> str:
    """The key a timeline is kept under: every field of the (validated) request, the
    release and a digest of the summariser's code, since other code may summarise
    differently (a store outlives an upgrade, and a development install changes without
    a new release)."""
    r = request
    return json.dumps(["timeline", __version__, _code(), r.dates, r.sentences, r.since,
                       r.until, r.query, r.entity, r.event_type, r.anchor, r.budget])  # fmt: skip


@functools.cache
def _code() -> str:
    return code_digest(__name__)[:16]


def plan_timeline(
    store: Store, request: TimelineRequest, speculative: Callable[[str], bool]
) -> list[TimelineEntry]:
    """The dates that matter for ``request``, each with a short extractive summary and its
    sources, read from ``store`` (see :meth:`dateline.service.Dossier.timeline`).

    ``speculative`` tells a self-declared speculative article by its text (the corroboration
    stage's test, handed in because that stage sits above this one): such articles never
    enter, nor do undated ones. A request naming an entity the store does not hold is refused.
    """
    (entries,) = plan_timelines(store, [request], speculative)
    return entries


def plan_timelines(
    store: Store, requests: Sequence[TimelineRequest], speculative: Callable[[str], bool]
) -> list[list[TimelineEntry]]:
    """:func:`plan_timeline` for each of ``requests``. Those that read the same sentences
    (they differ only in how many dates, how many sentences, or the query) share one read
    and one preparation of what was read."""
    asked = [request.validated() for request in requests]
    found: list[list[TimelineEntry] | None] = []
    shared: dict[tuple[object, ...], list[int]] = {}
    for i, r in enumerate(asked):
        hit = store.cached(timeline_key(r))
        found.append(None if hit is None else _entries_from_json(hit))
        if hit is None:
            shared.setdefault(_read_key(r), []).append(i)
    generation = store.generation()
    for indices in shared.values():
        # a range read whole makes hundreds of thousands of rows, words and vectors
        with collector_paused():
            planned = _plan(store, [asked[i] for i in indices], speculative)
        for i, entries in zip(indices, planned, strict=True):
            store.cache(timeline_key(asked[i]), _entries_to_json(entries), generation)
            found[i] = entries
    return [entries or [] for entries in found]


def _read_key(r: TimelineRequest) -> tuple[object, ...]:
    """What decides which sentences a request reads: anchored on events, the number of
    dates too (only the best-referenced event days are read)."""
    dates = r.dates if r.anchor == "events" else None
    return (r.since, r.until, r.entity, r.event_type, r.anchor, r.budget, dates)


def _plan(
    store: Store, requests: Sequence[TimelineRequest], speculative: Callable[[str], bool]
) -> list[list[TimelineEntry]]:
    """The timelines of ``requests``, which share their :func:`_read_key`."""
    r = requests[0]
    found = _entity_named(store, r.entity) if r.entity is not None else None
    # the events' days are counted in the store: only events of a day left without a
    # summary, and the reports of the asked-for type, are read as records
    kind = r.event_type.upper() if r.event_type else None
    anchored = r.anchor == "events"
    who = found.id if found else None
    reading: tuple[SentenceTable, KeptReading] | None = None
    if anchored:
        # event days outside the range may take the shortlist's places (see _best_days)
        weights = _event_weights(store.event_days(who, kind), Tuning())
        eventful = bool(weights)
    else:
        # only days within the range are ranked; whether the dossier has events at all
        # decides the floor a day without one must reach
        days = store.event_days(who, kind, since=r.since, until=r.until)
        weights = _event_weights(days, Tuning())
        eventful = bool(weights) or store.has_event_days(who, kind)
    lead = Tuning().lead
    if anchored:
        # Only the events' days compete, so sentences about other days cannot matter;
        # with a limit, only the best-referenced days need summarising at all. The day
        # index finds those days' sentences without reading the others, and of undated
        # sentences only the leads, the only ones that may report a day unnamed.
        weights = _best_days(store, weights, r.dates, r.since, r.until)
        reach = store.count_sentences_near
        share = _share(r.budget, lambda: reach(weights, _LEAD_LAG, lead))
        rows = store.sentences_near(weights, _LEAD_LAG, r.since, r.until, lead, share)
    else:
        # Past the budget, a ranking of every article or of an entity's reads the build's
        # day counts instead of a sample of sentences, then only the chosen days' sentences.
        counted = (
            (found is None or kind is None)
            and r.budget is not None
            and _later_counts_more()
            and store.days_counted()
        )
        share = _share(
            r.budget,
            (lambda: _counted_sentences(store, r.since, r.until))
            if counted
            else (lambda: _sentence_count(store, r.since, r.until, r.budget)),
        )
        if counted and share < 1.0:
            scope = day_scope(found.id if found else None, kind)
            return _from_day_counts(
                store, requests, weights, eventful, speculative, scope, found, kind
            )
        # a range of every article, without a query, reads the kept readings of its
        # articles and only the sentences naming a date
        plain = found is None and kind is None and not any(q.query for q in requests)
        reading = _range_reading(store, r.since, r.until, share) if plain else None
        if reading is None:
            rows = store.sentences(r.since, r.until, share)
    naming = store.sentences_naming(found.id) if found else None
    if reading is None:
        dated, kept = _dated(store, rows, naming, kind, speculative)
    else:
        dated, kept = reading
    options = [TimelineOptions(q.dates, q.sentences, q.since, q.until, q.query) for q in requests]
    # A sample's references weigh ``share`` of the whole corpus's against the events.
    sampled = {day: weight * share for day, weight in weights.items()}
    # An article's weight is how close its opening is to everything read: only a read of
    # whole articles (no entity or type filter, not only the event days' sentences) has
    # the openings and the centroid it was chosen on.
    whole = found is None and kind is None and not anchored
    tuning = Tuning() if whole else dataclasses.replace(Tuning(), article_topical=0.0)
    if not anchored:
        # When the dossier has events, a day without one needs at least one full
        # reference; the floor applies before the ranking, so the next qualifying day
        # takes a dropped day's place.
        floor = tuning.mention * share if eventful and r.anchor != "references" else 0.0
        built = build_timelines(
            dated,
            options,
            event_dates=sampled,
            tuning=tuning,
            floor=floor,
            stems=_stems(store),
            kept=kept,
        )
        out = []
        for asked, found_entries in zip(options, built, strict=True):
            scaled = [_scaled(e, share) for e in found_entries]
            if r.anchor != "references":
                scaled = _with_event_days(store, scaled, weights, asked, found, kind)
            out.append(scaled)
        return out
    every = build_timelines(
        dated,
        [dataclasses.replace(asked, dates=None) for asked in options],
        event_dates=sampled,
        tuning=tuning,
        stems=_stems(store),
        kept=kept,
    )
    return [
        _anchored(store, [_scaled(e, share) for e in entries], weights, asked, found, kind)
        for asked, entries in zip(options, every, strict=True)
    ]


def _from_day_counts(
    store: Store,
    requests: Sequence[TimelineRequest],
    weights: Mapping[str, float],
    eventful: bool,
    speculative: Callable[[str], bool],
    scope: str,
    found: Entity | None,
    kind: str | None,
) -> list[list[TimelineEntry]]:
    """The default ranking of a range too large to read whole, from the build's day counts
    (every article of the range, no sample; in ``scope``, the sentences naming ``found`` or
    reporting an event of type ``kind``): each day scores its distinct
    stories' strongest references and publications as the summariser weighs them, with
    every story's article counting in full (an article's closeness to the range's centroid
    needs its text), and its events' weight. Only the best days' sentences are read, an
    even sample of them past ``_SUMMARY_BUDGET``, to summarise them; a day without an event
    needs the floor when the dossier has events (``eventful``; ``weights`` holds the
    range's). A story counts where its latest reference to a day was published: one whose
    copies straddle the range's edge counts when that one is within."""
    r, tuning = requests[0], Tuning()
    floor = tuning.mention if eventful and r.anchor != "references" else 0.0
    counted = _counted_days(store, r.since, r.until, weights, tuning, floor, scope)
    naming = store.sentences_naming(found.id) if found else None
    options = [TimelineOptions(q.dates, q.sentences, q.since, q.until, q.query) for q in requests]
    ranked = [rank_days(counted.scores, asked, tuning) for asked in options]
    every = sorted({day for order in ranked for day in order})
    # The best days first, as many as asked for and half as many again, each read as deep
    # as when every ranked day is read; all of them only when those leave dates unfilled.
    first = sorted(
        {day for q, order in zip(options, ranked, strict=True) for day in order[: _head(q)]}
    )
    for days in [first, every] if len(first) < len(every) else [every]:
        budget = round(_SUMMARY_BUDGET * len(days) / max(1, len(every)))
        out = _summarised(store, options, ranked, days, counted, budget, speculative, naming, kind)
        if all(q.dates is None or len(e) >= q.dates for q, e in zip(options, out, strict=True)):
            break
    if r.anchor != "references":
        out = [
            _with_event_days(store, entries, weights, asked, found, kind)
            for asked, entries in zip(options, out, strict=True)
        ]
    return out


def _stems(store: DaysPart) -> Stems:
    """Where the summariser finds the stems the build kept of the words it reads."""
    return functools.partial(store.stems, stemmer=stemmer_identity())


def _head(options: TimelineOptions) -> int | None:
    """How many of the ranked days a first read covers."""
    return None if options.dates is None else options.dates + options.dates // 2


def _summarised(
    store: Store,
    options: Sequence[TimelineOptions],
    ranked: Sequence[Sequence[str]],
    days: Sequence[str],
    counted: _Counted,
    budget: int,
    speculative: Callable[[str], bool],
    naming: set[tuple[str, int]] | None,
    kind: str | None,
) -> list[list[TimelineEntry]]:
    """Each of ``options``' timeline of its ``ranked`` days among ``days``, summarised from
    their sentences (at most about ``budget``; only those of ``naming`` and reporting an
    event of type ``kind``, when given)."""
    tuning = Tuning()
    # the sentences of those days, estimated from the counts when they count every sentence
    estimate = _reach(counted, days, tuning.lead) if naming is None and kind is None else None
    since, until = options[0].since, options[0].until
    rows = _summarised_rows(store, days, since, until, naming, estimate, budget)
    dated, kept = _dated(store, rows, naming, kind, speculative)
    read = set(days)
    return [
        summarise_ranked(
            dated,
            asked,
            [day for day in order if day in read],
            counted.scores,
            counted.documents,
            tuning=tuning,
            stems=_stems(store),
            kept=kept,
        )
        for asked, order in zip(options, ranked, strict=True)
    ]


def _dated(
    store: Store,
    rows: Sequence[SentenceRow],
    naming: set[tuple[str, int]] | None,
    kind: str | None,
    speculative: Callable[[str], bool],
) -> tuple[SentenceTable, KeptReading | None]:
    """The sentences of ``rows`` a timeline weighs (among ``naming``, reporting an event of
    type ``kind``, of no speculative article) with their documents' stories. What the build
    kept of them stands for their texts while it holds (the texts are then not read, save
    those of the sentences shown); else each text is read."""
    documents = {row[0] for row in rows}
    keep = _sentence_filter(store, naming, kind, documents)
    roots = store.roots_of(documents)
    # the speculative articles the build found, while they hold; else each text is tested
    unwanted = store.speculative_among(documents)
    wanted = [
        row
        for row in rows
        if (keep is None or keep(row[0], row[1], row[2]))
        and (unwanted is None or row[0] not in unwanted)
    ]
    kept = _kept_reading(store, wanted) if unwanted is not None else None
    texts = None
    if kept is None:
        texts = store.texts(documents)
        if unwanted is None:
            unwanted = {doc for doc, text in texts.items() if speculative(text)}
            wanted = [row for row in wanted if row[0] not in unwanted]
    return _table(wanted, roots, texts), kept


def _table(
    rows: Sequence[SentenceRow], roots: Mapping[str, str], texts: Mapping[str, str] | None
) -> SentenceTable:
    """The sentences of ``rows`` as timeline.sentence_table orders them (by document, start
    and end; their texts from ``texts`` when given), without a record for each."""
    ordered = sorted(rows, key=_IN_ORDER)
    documents, document = numbered([row[0] for row in ordered])
    tupled = _tupled()
    return SentenceTable(
        documents,
        [roots.get(d, d) for d in documents],
        document,
        np.fromiter((row[1] for row in ordered), np.int64, len(ordered)),
        [row[4] for row in ordered],
        {i: tupled(row[5]) for i, row in enumerate(ordered) if row[5]},
        lambda wanted: [(ordered[i][2], ordered[i][3]) for i in wanted],
        None if texts is None else [texts[row[0]][row[2] : row[3]] for row in ordered],
    )


# document, start, end: the order of timeline.sentence_table, whose texts break no tie
_IN_ORDER = operator.itemgetter(0, 2, 3)


def _tupled() -> Callable[[list[list[str]]], tuple[tuple[str, str], ...]]:
    """A sentence row's dates as a tuple, made once for each list: the rows of one read
    share each distinct list (see store.records), and outlive this function's use."""
    made: dict[int, tuple[tuple[str, str], ...]] = {}

    def tupled(dates: list[list[str]]) -> tuple[tuple[str, str], ...]:
        found = made.get(id(dates))
        if found is None:
            found = made[id(dates)] = tuple((d, p) for d, p in dates)
        return found

    return tupled


def _range_reading(
    store: Store, since: str | None, until: str | None, share: float
) -> tuple[SentenceTable, KeptReading] | None:
    """What :func:`_dated` finds of every sentence of the articles published within
    ``[since, until]`` (``share`` of them), read from what the build kept of each article
    and the sentences naming a date alone (the others' spans are read when shown); None
    when the kept readings or speculative articles may no longer hold."""
    articles = store.range_readings(since, until, share, features_identity())
    unwanted = None if articles is None else store.speculative_among([a[0] for a in articles])
    if articles is None or unwanted is None:
        return None
    articles = sorted(a for a in articles if a[0] not in unwanted)
    kept = _readings(store, {a[0]: a[3] for a in articles})
    if kept is None:
        return None
    # the table's sentences are the readings' records, in the same order
    articles = [a for a in articles if kept.sentences[a[0]]]
    names = [a[0] for a in articles]
    counts = np.array([kept.sentences[name] for name in names], dtype=np.int64)
    document = np.repeat(np.arange(len(names), dtype=np.int64), counts)
    position = runs(np.zeros(len(names), dtype=np.int64), counts)
    published = list(itertools.chain.from_iterable(
        itertools.repeat(a[1], n) for a, n in zip(articles, counts.tolist(), strict=True)
    ))  # fmt: skip
    tupled = _tupled()
    dates, spans = {}, {}
    for doc, idx, start, end, _, ds in store.sentences(since, until, share, dated=True):
        if doc in unwanted:
            continue
        if not 0 <= idx < kept.sentences.get(doc, 0):
            return None  # a sentence the kept readings do not hold: they no longer fit
        dates[kept.first[doc] + idx] = tupled(ds)
        spans[kept.first[doc] + idx] = (start, end)

    def spans_of(wanted: Sequence[int]) -> list[tuple[int, int]]:
        places = [(names[document[i]], int(position[i])) for i in wanted if i not in spans]
        for doc, idx, start, end, *_ in store.sentences_at(places, since, until):
            spans[kept.first[doc] + idx] = (start, end)
        return [spans[i] for i in wanted]

    table = SentenceTable(
        names, [a[2] for a in articles], document, position, published, dates, spans_of
    )
    return table, kept


def _readings(store: Store, blobs: Mapping[str, bytes]) -> KeptReading | None:
    """The kept readings ``blobs`` as one; None, with a warning naming the damaged one,
    when one is damaged (the texts give the same answer; a build writes it again)."""
    try:
        return KeptReading.of(blobs, store.texts)
    except ValueError as exc:
        log.warning("%s: %s; the texts are read instead (dateline build)", store.location, exc)
        return None


def _kept_reading(store: Store, rows: Sequence[SentenceRow]) -> KeptReading | None:
    """What the build kept of the sentences of ``rows``, when it holds for every one."""
    blobs = store.sentence_features({row[0] for row in rows}, features_identity())
    kept = None if blobs is None else _readings(store, blobs)
    if kept is None or kept.places([(row[0], row[1]) for row in rows]) is None:
        return None
    return kept


def _summarised_rows(
    store: Store,
    days: Sequence[str],
    since: str | None,
    until: str | None,
    naming: set[tuple[str, int]] | None,
    estimate: int | None = None,
    budget: int = _SUMMARY_BUDGET,
) -> list[SentenceRow]:
    """The sentences that may summarise ``days``: those naming one of them and the leads of
    articles published up to ``_LEAD_LAG`` days after one, of articles published within
    ``[since, until]``; an even sample of the articles past ``budget`` (``estimate`` of how
    many there are, or counted from the indexes). Of an entity's timeline (``naming``: the
    sentences naming it), only those: when few enough, read one by one."""
    lead = Tuning().lead
    if naming is not None and not naming:
        return []  # an entity no sentence names
    if naming is None or len(naming) > _ENTITY_READ:
        count = store.count_sentences_near
        share = _share(
            budget,
            (lambda: estimate) if estimate is not None else (lambda: count(days, _LEAD_LAG, lead)),
        )
        return store.sentences_near(days, _LEAD_LAG, since, until, lead, share)
    wanted = set(days)
    reach = set(shifted_days(days, _LEAD_LAG))
    rows = [
        row
        for row in store.sentences_at(naming, since, until)
        if (
            any(value in wanted for value, _ in row[5])
            or (not row[5] and row[1] < lead and (row[4] or "")[:10] in reach)
        )
    ]
    if len(rows) <= budget:
        return rows
    bound = sample_bound(budget / len(rows))
    return [row for row in rows if bound is None or row[0] < bound]


def _reach(counted: _Counted, days: Sequence[str], lead: int) -> int:
    """About how many sentences name one of ``days`` or lead an article published in reach
    of one: a story's article names a day in about one sentence."""
    naming = sum(counted.naming.get(day, 0) for day in days)
    published = counted.published
    return naming + lead * sum(published.get(day, 0) for day in shifted_days(days, _LEAD_LAG))


class _Counted(NamedTuple):
    """What the day counts give a ranking: per day, its score and independent stories, the
    stories naming it and those published on it."""

    scores: dict[str, float]
    documents: dict[str, int]
    naming: dict[str, int]
    published: dict[str, int]


def _counted_days(
    store: DaysPart,
    since: str | None,
    until: str | None,
    weights: Mapping[str, float],
    tuning: Tuning,
    floor: float,
    scope: str = "",
) -> _Counted:
    """Per day, its score from the day counts of the articles published within ``[since,
    until]`` (of their sentences in ``scope``, see store.records.day_scope) and the events'
    ``weights``, and its independent stories (those naming it, or published on it when
    more). With ``floor``, a day without an event is dropped unless it reaches ``floor``, a
    reference to its own publication day counting ``tuning.floor_same_day`` there (as
    :func:`build_timeline` does)."""
    judged = dataclasses.replace(tuning, same_day=tuning.floor_same_day)
    scores: dict[str, float] = defaultdict(float)
    reached: dict[str, float] = defaultdict(float)
    naming: dict[str, int] = defaultdict(int)
    chronology = reference_weight(date.min, None, tuning, chronology=True)
    for day, lag, stories, listed in store.day_references(since, until, scope):
        try:
            when = date.fromisoformat(day)
        except ValueError:
            continue
        # a story's strongest reference: a chronology entry outweighs any other
        plain = stories - listed
        published = when + timedelta(days=lag)
        scores[day] += plain * reference_weight(when, published, tuning) + listed * chronology
        reached[day] += plain * reference_weight(when, published, judged) + listed * chronology
        naming[day] += stories
    published_on: dict[str, int] = {}
    for day, stories, _ in store.publication_days(since, until, scope):
        published_on[day] = stories
        scores[day] += tuning.published * stories
        reached[day] += tuning.published * stories
    for day, weight in weights.items():
        scores[day] += weight
    if floor > 0.0:
        scores = {d: v for d, v in scores.items() if d in weights or reached[d] >= floor}
    documents = {d: max(naming.get(d, 0), published_on.get(d, 0)) for d in scores}
    return _Counted(dict(scores), documents, dict(naming), published_on)


@functools.cache
def _later_counts_more() -> bool:
    """Whether the ranking weighs a reference at least as much the later its article came
    (in the ranking and towards the floor): the day counts keep each story's latest
    reference only, which is then its strongest."""
    tuning = Tuning()
    day = date(2000, 1, 10)
    for judged in (tuning, dataclasses.replace(tuning, same_day=tuning.floor_same_day)):
        weights = [reference_weight(day, day + timedelta(days=lag), judged) for lag in LAG_CLASSES]
        if any(a > b for a, b in itertools.pairwise(weights)):
            return False
    return True


def _counted_sentences(store: DaysPart, since: str | None, until: str | None) -> int:
    """How many sentences the articles published within ``[since, until]`` hold, from the
    day counts."""
    return sum(sentences for _, _, sentences in store.publication_days(since, until))


def _anchored(
    store: Store,
    summarised: list[TimelineEntry],
    weights: Mapping[str, float],
    options: TimelineOptions,
    found: Entity | None,
    kind: str | None,
) -> list[TimelineEntry]:
    """The event-anchored ranking: only event days compete; those no sentence summarised
    are summarised by their events' own reports."""
    entries = {e.date: e for e in summarised if e.date in weights}
    missing = [day for day in weights.keys() - entries.keys() if _within(day, options)]
    unsummarised = store.events(found.id if found else None, kind, missing)
    for day in missing:
        on_day = [e for e in _timeline_events(unsummarised, kind, found) if e.date == day]
        entries[day] = _event_entry(store, day, on_day, options.sentences, weights[day])
    best = sorted(entries.values(), key=lambda e: (-e.score, e.date))
    best = best[: options.dates] if options.dates is not None else best
    return sorted(best, key=lambda e: e.date)


def _event_weights(days: Mapping[str, tuple[int, int]], tuning: Tuning) -> dict[str, float]:
    """Per event day, what its events add to the day's score: each event two or more
    independent stories report counts in full, one only its own story tells counts
    ``tuning.single_story_event`` (every event day stays an event day)."""
    single = tuning.single_story_event
    return {day: told + single * (every - told) for day, (told, every) in days.items()}


def _with_event_days(
    store: Store,
    entries: list[TimelineEntry],
    weights: Mapping[str, float],
    options: TimelineOptions,
    found: Entity | None,
    kind: str | None,
) -> list[TimelineEntry]:
    """The default ranking: the days the articles refer to, each with its extracted
    events' weight already added, completed by event days no sentence summarised
    (their events' own reports summarise them) where they outrank a referred-to day.
    When the dossier has events, ``entries`` were ranked with a floor: a day without one
    needed at least one full reference (a later article naming it, or two reports of it
    on the day), since publication volume or a lone same-day mention does not make a date."""
    shown = {e.date for e in entries}
    full = options.dates is not None and len(entries) >= options.dates
    lowest = min((e.score for e in entries), default=0.0)
    missing = [
        day
        for day, weight in weights.items()
        if day not in shown and _within(day, options) and (not full or weight > lowest)
    ]
    if missing:
        unsummarised = store.events(found.id if found else None, kind, missing)
        events = _timeline_events(unsummarised, kind, found)
        for day in missing:
            on_day = [e for e in events if e.date == day]
            if on_day:
                entries.append(_event_entry(store, day, on_day, options.sentences, weights[day]))
    best = sorted(entries, key=lambda e: (-e.score, e.date))
    best = best[: options.dates] if options.dates is not None else best
    return sorted(best, key=lambda e: e.date)


def _within(day: str, options: TimelineOptions) -> bool:
    """Whether ``day`` (YYYY-MM-DD) lies in the range ``options`` asks for."""
    return (options.since is None or day >= options.since) and (
        options.until is None or day <= options.until
    )


def _best_days(
    store: DaysPart,
    weights: Mapping[str, float],
    count: int | None,
    since: str | None,
    until: str | None,
) -> dict[str, float]:
    """The ``count`` * 2 event days most referred to by distinct stories of the articles
    published within ``[since, until]`` (all of them when None or when fewer). Past
    ``_REFERENCE_BUDGET`` references the stories are counted in an even sample and
    scaled up: this only shortlists the days the summariser weighs exactly."""
    if count is None or len(weights) <= count:
        return dict(weights)
    share = _share(_REFERENCE_BUDGET, lambda: store.count_references(weights))
    stories = store.day_stories(weights, since, until, share)
    best = sorted(weights, key=lambda d: (-(stories[d] / share + weights[d]), d))[: count * 2]
    return {day: weights[day] for day in best}


def _entity_named(store: DossierPart, name: str) -> Entity:
    found = find_stored_entity(store, name)
    if found is None:
        raise DatelineError(f"no entity called {name!r}")
    return found


def _event_entry(
    store: Store, day: str, events: Sequence[Event], sentences: int, weight: float
) -> TimelineEntry:
    """An entry for an event day the summariser found no sentence for (its sentences are
    too long or too few to compete): the events' own first reports, shortest first."""
    sources = sorted({s for e in events for s in e.sources}, key=lambda s: s.end - s.start)
    texts = store.texts({s.document_id for s in sources})
    summary = tuple(sources[:sentences])
    return TimelineEntry(
        date=day,
        summary=summary,
        texts=tuple(texts[s.document_id][s.start : s.end] for s in summary),
        score=weight,
        documents=len({s.document_id for s in sources}),
    )


def _timeline_events(
    events: Iterable[Event], event_type: str | None, entity: Entity | None
) -> list[Event]:
    """Dated, non-background events, of one type and with one entity if asked."""
    return [
        e
        for e in events
        if e.date
        and e.precision == "day"
        and not e.background
        and (not event_type or e.type == event_type.upper())
        and (entity is None or entity.id in _ids(e))
    ]


def _sentence_filter(
    store: Store, naming: set[tuple[str, int]] | None, kind: str | None, documents: set[str]
) -> Callable[[str, int, int], bool] | None:
    """A test on (document, sentence index, start) of a sentence of ``documents``: it is
    among ``naming`` and reports an event of type ``kind``; each condition only when given."""
    if naming is None and kind is None:
        return None
    reporting = store.sentences_reporting(kind, documents) if kind else None

    def keep(document: str, index: int, start: int) -> bool:
        return (naming is None or (document, index) in naming) and (
            reporting is None or (document, start) in reporting
        )

    return keep


def _sentence_count(
    store: DaysPart, since: str | None, until: str | None, budget: int | None
) -> int:
    """How many sentences the articles published within ``[since, until]`` hold: exactly
    up to about twice ``budget``, and past that as an even ``_PROBE`` of the articles holds
    them, scaled up (only the rate of the sample read depends on it, and counting every
    sentence of a million articles takes seconds)."""
    probe = store.count_sentences(since, until, _PROBE) if budget is not None else 0
    if budget is None or probe / _PROBE <= 2 * budget:
        return store.count_sentences(since, until)
    return round(probe / _PROBE)


def _share(budget: int | None, count: Callable[[], int]) -> float:
    """The share of the articles to read so that about ``budget`` sentences come back."""
    if budget is None:
        return 1.0
    total = count()
    return 1.0 if total <= budget else budget / total


def _scaled(entry: TimelineEntry, share: float) -> TimelineEntry:
    """``entry`` as found in a sample of ``share`` of the articles, scaled up to the whole."""
    if share >= 1.0:
        return entry
    return dataclasses.replace(
        entry,
        score=entry.score / share,
        documents=max(1, round(entry.documents / share)),
        sample=share,
    )


def _entries_to_json(entries: Sequence[TimelineEntry]) -> str:
    return json.dumps([dataclasses.asdict(e) for e in entries])


def _entries_from_json(text: str) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            date=e["date"],
            summary=tuple(Source(**s) for s in e["summary"]),
            texts=tuple(e["texts"]),
            score=e["score"],
            documents=e["documents"],
            sample=e.get("sample", 1.0),
        )
        for e in json.loads(text)
    ]


def _ids(event: Event) -> set[str]:
    return {p.entity_id for p in event.participants}


def find_stored_entity(store: DossierPart, name: str) -> Entity | None:
    """:func:`find_entity` over the stored entities: an exact id or spelling from the
    store's name index, and only when none is exact, every name read for a partial match."""
    return store.entity_named(name) or find_entity(store.entities(roles=False), name)


def find_entity(entities: Iterable[Entity], name: str) -> Entity | None:
    """Exact id, name or alias first (case and diacritics aside), then a unique
    entity whose name contains every word asked for."""
    wanted = fold_name(name)
    candidates = list(entities)
    for entity in candidates:
        if entity.id == name or wanted in {fold_name(a) for a in (entity.name, *entity.aliases)}:
            return entity
    words = wanted.split()
    partial = [e for e in candidates if all(w in fold_name(e.name).split() for w in words)]
    return partial[0] if len(partial) == 1 else None

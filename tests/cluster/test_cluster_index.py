"""The indexed grouping of event reports gives exactly what comparing every report with
every event gives: the same events, reports in the same order, the same choice on ties.

The plain grouping below is the reference; it uses the module's own tests (``_fits``,
``_joins``, ``_nearest``) so that only the choice of candidates differs.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.analyse.nlp import Analyzer
from dateline.cluster import events as ev
from dateline.extract import ontology as onto
from dateline.extract.events import EventMention, find_event_mentions
from dateline.model import Participant, Source
from dateline.resolve.entities import resolve_entities
from dateline.service import Dossier
from tests.conftest import SEEDS_DIR, needs_seeds

# --- The reference: every report against every event so far ------------------------------


def _first_start(c: ev._Cluster) -> str:
    return ev._interval(c.mentions[0])[0] if c.mentions[0].date else ""


def _same_group(m: EventMention, c: ev._Cluster) -> bool:
    first = c.mentions[0]
    return (first.type, onto.KIND_FAMILY[first.kind]) == (m.type, onto.KIND_FAMILY[m.kind])


def plain_dated(mentions: Sequence[EventMention]) -> list[ev._Cluster]:
    clusters: list[ev._Cluster] = []
    texted = sorted((m for m in mentions if m.date and not m.from_published), key=ev._order)
    for m in texted:
        fitting = [c for c in clusters if ev._fits(m, c)]
        if fitting:
            max(fitting, key=lambda c: ev._score(m, c)).mentions.append(m)
        else:
            clusters.append(ev._Cluster([m]))
    by_article = (m for m in mentions if m.from_published)
    for m in sorted(by_article, key=lambda m: (m.date or "", m.document_id, m.trigger_start)):
        loose = replace(m, date=None, end=None, precision=None, span=None)
        assert m.date is not None
        first = (dt.date.fromisoformat(m.date) - dt.timedelta(days=ev.LEAD_DAYS)).isoformat()
        near = [
            c
            for c in clusters
            if _same_group(m, c)
            and ev._is_day(_first_start(c))
            and first <= _first_start(c) <= m.date
            and ev._fits(loose, c)
        ]
        near = [c for c in near if ev._shares_people(m, c)]
        if len(near) == 1:
            near[0].mentions.append(loose)
            continue
        fitting = [c for c in clusters if ev._fits(m, c)]
        if fitting:
            max(fitting, key=lambda c: ev._score(m, c)).mentions.append(m)
        else:
            clusters.append(ev._Cluster([m]))
    return clusters


def plain_undated(mentions: Sequence[EventMention], clusters: list[ev._Cluster]) -> None:
    dated = list(clusters)
    window = ev.collection_window((m.published for m in mentions), mentions)
    loose: list[ev._Cluster] = []
    for m in sorted(
        (m for m in mentions if not m.date), key=lambda m: (m.document_id, m.trigger_start)
    ):
        same_day = [
            c
            for c in dated
            if m.day
            and _same_group(m, c)
            and ev._is_day(_first_start(c))
            and _first_start(c)[5:] == m.day
            and c.narrowest is not None
            and c.narrowest.precision == "day"
            and ev._fits(m, c)
        ]
        if len(same_day) == 1:
            same_day[0].mentions.append(m)
            continue
        target = ev._nearest(m, ev._preferred(m, [c for c in dated if ev._joins(m, c)]))
        weekday = [
            c
            for c in dated
            if m.weekday is not None
            and not m.published
            and window is not None
            and _same_group(m, c)
            and ev._is_day(_first_start(c))
            and dt.date.fromisoformat(_first_start(c)).weekday() == m.weekday
            and window[0] <= dt.date.fromisoformat(_first_start(c)) <= window[1]
            and c.narrowest is not None
            and c.narrowest.precision == "day"
            and ev._fits(m, c)
        ]
        if target is None and len(weekday) == 1:
            target = weekday[0]
        target = target or next((c for c in loose if ev._joins(m, c)), None)
        if target is not None:
            target.mentions.append(m)
        elif m.published is None:
            loose.append(ev._Cluster([m]))
    clusters.extend(c for c in loose if c.people)


def plain_group(mentions: Sequence[EventMention]) -> list[ev._Cluster]:
    clusters = plain_dated(mentions)
    plain_undated(mentions, clusters)
    return clusters


def plain_visit_periods(clusters: Sequence[ev._Cluster]) -> dict[int, tuple[str, str]]:
    out: dict[int, tuple[str, str]] = {}
    for c in clusters:
        if c.dated or any(m.published for m in c.mentions):
            continue
        visits = [
            v
            for v in clusters
            if v.dated and "visit" in v.kinds and v.documents & c.documents and v.people & c.people
        ]
        if len(visits) == 1:
            days = [ev._interval(m) for m in visits[0].dated if m.kind == "visit" and not m.span]
            days = [d for d in days if d[0]] or [ev._interval(visits[0].dated[0])]
            out[id(c)] = (min(d[0] for d in days), max(d[1] for d in days))
    return out


def membership(clusters: Sequence[ev._Cluster]) -> list[list[tuple[str, int, str, str]]]:
    """Each cluster as the identities of its reports, in order."""
    # by what a report is, not by object: a report dated only by its article joins an
    # event as a copy without that date
    return [
        [(m.document_id, m.trigger_start, m.type, m.kind) for m in c.mentions] for c in clusters
    ]


def periods(clusters: Sequence[ev._Cluster], found: dict[int, tuple[str, str]]) -> list:
    return [found.get(id(c)) for c in clusters]


def assert_same_grouping(mentions: Sequence[EventMention]) -> list[ev._Cluster]:
    indexed, plain = ev._group(mentions), plain_group(mentions)
    assert membership(indexed) == membership(plain)
    assert periods(indexed, ev._visit_periods(indexed)) == periods(
        plain, plain_visit_periods(plain)
    )
    return indexed


# --- Random report sets ------------------------------------------------------------------

KINDS = {
    "CONSULT": ["talks", "meeting", "dialogue", "visit", "call", "reception"],
    "AGREE": ["signing", "talks"],
    "AID": ["funding"],
}
PEOPLE = ["p0", "p1", "p2", "p3", "p4"]
PARTIES = ["c0", "c1", "p0"]  # "p0" is a person in some reports and only named in others
BASE = dt.date(2024, 3, 1)


def day(offset: int) -> str:
    return (BASE + dt.timedelta(days=offset)).isoformat()


@st.composite
def dates(draw: st.DrawFn) -> dict[str, object]:
    """A date the way the extractor gives them: a day, a range, a month, a year, a bound."""
    how = draw(st.sampled_from(["day", "day", "range", "month", "year", "span", "none"]))
    first = draw(st.integers(0, 40))
    if how == "none":
        return {"date": None, "end": None, "precision": None}
    if how == "month":
        month = draw(st.sampled_from(["2024-03", "2024-04"]))
        last = "31" if month == "2024-03" else "30"
        return {"date": f"{month}-01", "end": f"{month}-{last}", "precision": "month"}
    if how == "year":
        return {"date": "2024-01-01", "end": "2024-12-31", "precision": "year"}
    if how == "range":
        return {"date": day(first), "end": day(first + draw(st.integers(1, 4))), "precision": "day"}
    if how == "span":
        width = draw(st.integers(1, 3))
        return {
            "date": day(first),
            "end": day(first),
            "precision": "day",
            "span": (day(first - width), day(first)),
        }
    return {"date": day(first), "end": day(first), "precision": "day"}


@st.composite
def reports(draw: st.DrawFn, at: int) -> EventMention:
    type_ = draw(st.sampled_from(sorted(KINDS)))
    kind = draw(st.sampled_from(KINDS[type_]))
    people = draw(st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True))
    parties = draw(st.lists(st.sampled_from(PARTIES), max_size=2, unique=True))
    named = list(dict.fromkeys(people + parties))
    hosts = draw(st.sampled_from([(), (), *((p,) for p in people)]))
    when = draw(dates())
    doc = draw(st.sampled_from(["a", "b", "c", "d", "e"]))
    published = draw(st.sampled_from([None, "2024-03-20", "2024-04-05"]))
    return EventMention(
        document_id=doc,
        type=type_,
        kind=kind,
        trigger=kind,
        trigger_start=at,
        trigger_end=at + 5,
        source=Source(doc, at, at + 30),
        participants=tuple(Participant(p, p.upper()) for p in named),
        published=published,
        key=draw(st.sampled_from([None, None, "5|meeting", "6|meeting"])),
        thing=draw(st.sampled_from([None, None, "memorandum", "statement"])),
        hosts=hosts,
        people=tuple(people),
        **when,  # type: ignore[arg-type]
    )


@st.composite
def report_sets(draw: st.DrawFn) -> list[EventMention]:
    n = draw(st.integers(0, 40))
    # positions repeat across documents, so ties in the processing order happen too
    return [draw(reports(at=draw(st.integers(0, n)))) for _ in range(n)]


@given(report_sets())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_indexed_grouping_equals_comparing_every_pair(mentions: list[EventMention]) -> None:
    assert_same_grouping(mentions)


@given(report_sets(), st.randoms(use_true_random=False))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_copies_of_one_report_set_group_the_same(
    mentions: list[EventMention], rnd: random.Random
) -> None:
    # many reports on the same days and people: big clusters and many ties
    copies = [m for m in mentions for _ in range(rnd.randint(1, 3))]
    rnd.shuffle(copies)
    assert_same_grouping(copies)


def _odd(m: EventMention, how: str) -> EventMention:
    if not m.date:
        return m
    if how == "reversed":  # an end before its start: garbage in, the same garbage out
        return replace(m, span=None, end=day(-5))
    compact = (m.date or "").replace("-", "")  # ISO basic form: parses, but compares otherwise
    return replace(m, span=None, date=compact, end=compact)


@given(report_sets(), st.lists(st.sampled_from(["reversed", "compact", "", "", ""])))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_intervals_outside_the_iso_form_group_the_same(
    mentions: list[EventMention], odd: list[str]
) -> None:
    changed = [_odd(m, how) if how else m for m, how in zip(mentions, odd, strict=False)]
    assert_same_grouping(changed + mentions[len(odd) :])


def test_an_undated_report_with_a_new_name_extends_what_the_index_knows() -> None:
    # the undated report joins by its people and brings the name key; the second one,
    # naming nobody, can join only by that key
    dated = EventMention(
        "a", "CONSULT", "dialogue", "dialogue", 0, 5, Source("a", 0, 30),
        participants=(Participant("p1", "P1"),), date="2024-03-02", end="2024-03-02",
        precision="day", published="2024-03-03", people=("p1",),
    )  # fmt: skip
    by_people = EventMention(
        "b", "CONSULT", "dialogue", "dialogue", 0, 5, Source("b", 0, 30),
        participants=(Participant("p1", "P1"),), key="5|meeting", people=("p1",),
    )  # fmt: skip
    by_key = EventMention(
        "c", "CONSULT", "dialogue", "dialogue", 0, 5, Source("c", 0, 30),
        participants=(Participant("c0", "C0"),), key="5|meeting",
    )  # fmt: skip
    (cluster,) = assert_same_grouping([dated, by_people, by_key])
    assert [m.document_id for m in cluster.mentions] == ["a", "b", "c"]


# --- The tests on an event, against reading all of its reports each time --------------------


def plain_fits(m: EventMention, reports: Sequence[EventMention]) -> bool:
    def interval(x: EventMention) -> tuple[str, str]:
        return x.span or (x.date or "", x.end or x.date or "")

    def contains(a: EventMention, b: EventMention) -> bool:
        (a0, a1), (b0, b1) = interval(a), interval(b)
        return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)

    def nested(a: set[str], b: set[str]) -> bool:
        return not a or not b or a <= b or b <= a

    if any(x.type != m.type for x in reports):
        return False
    family = onto.KIND_FAMILY[m.kind]
    if any(onto.KIND_FAMILY[x.kind] != family for x in reports):
        return False
    things = {x.thing for x in reports if x.thing}
    if m.thing and things and m.thing not in things:
        return False
    key = next((x.key for x in reports if x.key), None)
    if m.key and key and m.key != key:
        return False
    hosts = {h for x in reports for h in x.hosts}
    if m.hosts and hosts and not set(m.hosts) & hosts:
        return False
    if m.date and not all(contains(m, x) for x in reports if x.date):
        return False
    if m.key and m.key == key:
        return True
    people, theirs = set(m.people), {p for x in reports for p in x.people}
    named = {p.entity_id for x in reports for p in x.participants}
    parties = {p.entity_id for p in m.participants} - people
    if people and theirs and m.kind not in onto.GATHERING_KINDS:
        # a report giving no day joins a day-dated event only if its bodies agree too
        dated = sorted((x for x in reports if x.date), key=ev._order)
        vague = m.precision != "day" and not m.day and dated and dated[0].precision == "day"
        return nested(people, theirs) and not (vague and not nested(parties, named - theirs))
    return nested(parties, named - theirs)


def plain_joins(m: EventMention, reports: Sequence[EventMention]) -> bool:
    if not plain_fits(m, reports):
        return False
    key = next((x.key for x in reports if x.key), None)
    if m.key and m.key == key:
        return True
    people, theirs = set(m.people), {p for x in reports for p in x.people}
    return bool(people) and (people <= theirs or (bool(theirs) and theirs < people))


@given(report_sets(), report_sets())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_tests_on_a_growing_event_read_every_report(
    grown: list[EventMention], probes: list[EventMention]
) -> None:
    # reports are appended one by one and probed in between, so what the cluster has
    # folded in is brought up to date at every point of its growth
    if not grown:
        return
    cluster = ev._Cluster([grown[0]])
    for i, m in enumerate(grown[1:], start=1):
        for probe in probes[i % 3 :: 3]:
            reports = cluster.mentions
            assert ev._fits(probe, cluster) == plain_fits(probe, reports)
            assert ev._joins(probe, cluster) == plain_joins(probe, reports)
            shared = len(set(probe.people) & {p for x in reports for p in x.people})
            key = next((x.key for x in reports if x.key), None)
            kinds = {x.kind for x in reports}
            expected = (bool(probe.key) and probe.key == key, shared, probe.kind in kinds)
            assert ev._score(probe, cluster) == expected
        cluster.mentions.append(m)
    assert cluster.people == {p for x in grown for p in x.people}
    assert cluster.dated == [x for x in grown if x.date]
    dated = [x for x in grown if x.date]
    assert cluster.narrowest is (sorted(dated, key=ev._order)[0] if dated else None)
    assert cluster.documents == {x.document_id for x in grown}


# --- Real corpora ------------------------------------------------------------------------


def corpus_mentions(d: Dossier, analyzer: Analyzer) -> list[EventMention]:
    documents = list(d.documents())
    published = {doc.id: doc.published for doc in documents}
    analyses = list(analyzer.analyse([(doc.id, doc.text) for doc in documents]))
    resolution = resolve_entities(analyses, published)
    own = defaultdict(list)
    for mention in resolution.mentions:
        own[mention.document_id].append(mention)
    found: list[EventMention] = []
    for a in analyses:
        found += find_event_mentions(
            a, own[a.document_id], published[a.document_id], entities=resolution.entities
        )
    return found


def test_the_sample_corpus_groups_the_same(sample_dossier: Dossier, analyzer: Analyzer) -> None:
    mentions = corpus_mentions(sample_dossier, analyzer)
    assert len(mentions) > 20
    clusters = assert_same_grouping(mentions)
    assert any(len(c.mentions) > 1 for c in clusters)


@needs_seeds
@pytest.mark.seeds
def test_the_seeds_group_the_same(seeds_dossier: Dossier, analyzer: Analyzer) -> None:
    assert SEEDS_DIR.is_dir()
    mentions = corpus_mentions(seeds_dossier, analyzer)
    assert mentions
    assert_same_grouping(mentions)

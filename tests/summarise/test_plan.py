"""Planning a timeline from the store it is handed, as the Dossier does."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import dateline
from dateline.cluster.corroboration import is_speculative
from dateline.errors import DatelineError
from dateline.store import Store
from dateline.store.records import day_scope
from dateline.summarise.features import features_identity
from dateline.summarise.plan import plan_timeline, plan_timelines, timeline_key
from dateline.summarise.request import TimelineRequest
from dateline.summarise.timeline import DatedSentence, TimelineOptions, Tuning, build_timelines
from tests.conftest import SAMPLE_DIR


def test_the_plan_is_the_dossiers_timeline_and_is_kept(sample_dossier: dateline.Dossier) -> None:
    asked = TimelineRequest(dates=4, sentences=1, anchor="events")
    store = sample_dossier.store
    planned = plan_timeline(store, asked, is_speculative)
    assert planned and planned == list(sample_dossier.timeline(4, 1, anchor="events"))
    assert planned == list(sample_dossier.timeline_for(asked))
    assert store.cached(timeline_key(asked.validated())) is not None


def test_timelines_planned_together_are_each_as_if_planned_alone(
    sample_dossier: dateline.Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = sample_dossier.store
    asked = [
        TimelineRequest(dates=3, sentences=1),
        TimelineRequest(dates=6, sentences=2, query="defence"),
        TimelineRequest(dates=2, anchor="references"),
        TimelineRequest(dates=4, anchor="events"),
        TimelineRequest(dates=4, sentences=1, query="defence", anchor="events"),
        TimelineRequest(dates=2, until="2025-06-30"),
    ]

    def forget() -> None:
        with store.transaction():
            store.execute("DELETE FROM results")

    forget()
    alone = [plan_timeline(store, r, is_speculative) for r in asked]
    forget()
    reads: list[object] = []
    sentences, near = store.sentences, store.sentences_near
    monkeypatch.setattr(store, "sentences", lambda *a, **k: reads.append(a) or sentences(*a, **k))
    monkeypatch.setattr(store, "sentences_near", lambda *a, **k: reads.append(a) or near(*a, **k))
    together = plan_timelines(store, asked, is_speculative)
    assert together == alone
    assert all(together)
    # the first two read the same sentences, and so do the two anchored on events: four
    # reads for six timelines
    assert len(reads) == 4
    for r in asked:
        assert store.cached(timeline_key(r.validated())) is not None
    # kept answers are not read again
    assert plan_timelines(store, asked, is_speculative) == alone
    assert len(reads) == 4


def test_a_build_keeps_the_default_timelines_ready(sample_dossier: dateline.Dossier) -> None:
    from dateline.service import EVENT_TYPES, TIMELINE_PAGE_DATES

    store = sample_dossier.store
    with store.transaction():
        store.execute("DELETE FROM results")
    sample_dossier.warm()
    asked = [TimelineRequest(dates).validated(EVENT_TYPES) for dates in (10, TIMELINE_PAGE_DATES)]
    kept = [store.cached(timeline_key(r)) for r in asked]
    with store.transaction():
        store.execute("DELETE FROM results")
    # each kept answer is the one its request gets when planned alone
    for r, answer in zip(asked, kept, strict=True):
        fresh = plan_timeline(store, r, is_speculative)
        assert fresh
        assert answer == json.dumps([dataclasses.asdict(e) for e in fresh])


def test_the_speculation_test_handed_in_decides_what_enters_once_the_builds_may_not(
    sample_dossier: dateline.Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = sample_dossier.store
    asked = TimelineRequest(dates=None, sentences=1, anchor="references", budget=None)

    def fresh(speculative) -> list:  # type: ignore[no-untyped-def]
        with store.transaction():
            store.execute("DELETE FROM results")
        return plan_timeline(store, asked, speculative)

    usual = fresh(is_speculative)
    assert usual
    # the speculative articles the build found hold: no text is tested again
    assert store.speculative_among({d.id for d in sample_dossier.documents()})

    def untested(text: str) -> bool:
        raise AssertionError("tested a text the build had judged")

    assert fresh(untested) == usual
    # once they may not hold (a write since the build), the test handed in decides
    monkeypatch.setattr(store, "speculative_among", lambda documents: None)
    assert fresh(is_speculative) == usual
    assert fresh(lambda text: True) == []  # every article refused: no date is referred to
    monkeypatch.undo()
    fresh(is_speculative)  # leave the store keeping the right answer


@pytest.mark.parametrize(
    "asked",
    [
        TimelineRequest(dates=None, sentences=1, anchor="references", budget=None),
        TimelineRequest(dates=4, sentences=2),
        TimelineRequest(dates=4, sentences=2, query="talks visit"),
        TimelineRequest(dates=3, anchor="events"),
        TimelineRequest(dates=5, since="2025-01-01", until="2025-06-30", budget=500),
    ],
)
def test_the_builds_kept_sentences_give_the_timeline_the_texts_give(
    sample_dossier: dateline.Dossier, monkeypatch: pytest.MonkeyPatch, asked: TimelineRequest
) -> None:
    store = sample_dossier.store

    def fresh() -> list:  # type: ignore[type-arg]
        with store.transaction():
            store.execute("DELETE FROM results")
        return plan_timeline(store, asked, is_speculative)

    every = {d.id for d in sample_dossier.documents()}
    assert store.sentence_features(every, features_identity())  # the sample was built
    texts, read = store.texts, []
    monkeypatch.setattr(store, "texts", lambda ids: read.append(set(ids)) or texts(ids))
    kept = fresh()
    assert kept
    if asked.anchor == "references" and asked.query is None:
        # only the texts of the sentences shown are read
        assert set().union(*read) == {s.document_id for e in kept for s in e.summary}
    # a range of every article reads its articles' readings at once; read by document
    ranged = store.range_readings
    monkeypatch.setattr(store, "range_readings", lambda *args: None)
    assert fresh() == kept
    monkeypatch.setattr(store, "sentence_features", lambda documents, identity: None)
    assert fresh() == kept
    monkeypatch.undo()
    assert ranged(asked.since, asked.until, 1.0, features_identity())  # the sample was built
    fresh()  # leave the store keeping the right answer


def test_a_range_whose_readings_miss_an_article_is_read_from_its_sentences(
    sample_dossier: dateline.Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.summarise.plan import _range_reading

    store = sample_dossier.store
    asked = TimelineRequest(dates=4, sentences=2)

    def fresh() -> list:  # type: ignore[type-arg]
        with store.transaction():
            store.execute("DELETE FROM results")
        return plan_timeline(store, asked, is_speculative)

    usual = fresh()
    assert _range_reading(store, None, None, 1.0) is not None
    ranged = store.range_readings
    # an article naming a date, not a speculative one, whose reading went missing
    speculative = store.speculative_among({row[0] for row in store.sentences()}) or set()
    dropped = min(row[0] for row in store.sentences(dated=True) if row[0] not in speculative)
    fewer = [a for a in ranged(None, None, 1.0, features_identity()) or [] if a[0] != dropped]
    monkeypatch.setattr(store, "range_readings", lambda *args: fewer)
    assert _range_reading(store, None, None, 1.0) is None
    assert fresh() == usual
    monkeypatch.undo()
    fresh()  # leave the store keeping the right answer


def test_a_damaged_kept_reading_gives_way_to_the_texts_with_its_document_named(
    sample_dossier: dateline.Dossier,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = sample_dossier.store
    asked = TimelineRequest(dates=4, sentences=2, budget=None)

    def fresh() -> list:  # type: ignore[type-arg]
        with store.transaction():
            store.execute("DELETE FROM results")
        return plan_timeline(store, asked, is_speculative)

    usual = fresh()
    kept = store.sentence_features

    def damaged(documents, identity):  # type: ignore[no-untyped-def]
        found = kept(documents, identity)
        if found:
            first = min(found)
            found[first] = found[first][:7]
        return found

    ranged = store.range_readings

    def damaged_range(since, until, share, identity):  # type: ignore[no-untyped-def]
        found = ranged(since, until, share, identity)
        if found:
            first = min(found)
            found[found.index(first)] = (*first[:3], first[3][:7])
        return found

    # a range of every article reads them in one go, other requests by document
    monkeypatch.setattr(store, "sentence_features", damaged)
    monkeypatch.setattr(store, "range_readings", damaged_range)
    first = min(kept({d.id for d in sample_dossier.documents()}, features_identity()))
    with caplog.at_level("WARNING", logger="dateline.summarise.plan"):
        assert fresh() == usual
    assert f"kept sentence reading of {first}: damaged" in caplog.text
    monkeypatch.undo()
    fresh()  # leave the store keeping the right answer


def test_an_entity_the_store_does_not_hold_is_refused(sample_dossier: dateline.Dossier) -> None:
    asked = TimelineRequest(entity="Nobody Ofthat Name")
    with pytest.raises(DatelineError, match="no entity called 'Nobody Ofthat Name'"):
        plan_timeline(sample_dossier.store, asked, is_speculative)


def test_a_kept_timeline_is_not_reused_once_the_summariser_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dateline import stagecode
    from dateline.summarise import plan

    asked = TimelineRequest(dates=3).validated()
    before = timeline_key(asked)
    tuning = stagecode.ROOT / "summarise" / "tuning.py"
    read = stagecode.read_source
    edited = read(tuning) + b"\n# a changed default\n"
    monkeypatch.setattr(stagecode, "read_source", lambda p: edited if p == tuning else read(p))
    plan._code.cache_clear()
    try:
        assert timeline_key(asked) != before
    finally:
        monkeypatch.undo()
        plan._code.cache_clear()
    assert timeline_key(asked) == before


def test_an_event_only_one_story_tells_adds_less_to_its_day() -> None:
    from dateline.summarise.plan import _event_weights
    from dateline.summarise.tuning import Tuning

    days = {"2025-03-03": (2, 3), "2025-03-04": (0, 4)}
    default = _event_weights(days, Tuning())
    assert default["2025-03-03"] > default["2025-03-04"]
    assert set(default) == set(days)  # a day of lone reports stays an event day
    assert _event_weights(days, Tuning(single_story_event=1.0)) == {
        "2025-03-03": 3.0,
        "2025-03-04": 4.0,
    }


class _Counts:
    """Sentence counts of a store: ``total`` in all, ``probed`` in any sample asked for."""

    def __init__(self, total: int, probed: int) -> None:
        self.total, self.probed = total, probed
        self.asked: list[float] = []

    def count_sentences(self, since: str | None = None, until: str | None = None,
                        share: float = 1.0) -> int:  # fmt: skip
        self.asked.append(share)
        return self.total if share >= 1.0 else self.probed


def test_a_range_far_past_the_budget_is_counted_from_an_even_probe() -> None:
    from dateline.summarise.plan import _sentence_count

    # near the budget the count is exact
    near = _Counts(total=70_000, probed=1_000)
    assert _sentence_count(near, None, None, 50_000) == 70_000  # type: ignore[arg-type]
    assert near.asked[-1] == 1.0
    # far past it, what 1/64 of the articles hold, scaled up: the full count is not read
    far = _Counts(total=12_000_000, probed=190_000)
    assert _sentence_count(far, None, None, 50_000) == 190_000 * 64  # type: ignore[arg-type]
    assert far.asked == [1 / 64]
    # with no budget nothing is sampled, so the count is exact
    assert _sentence_count(far, None, None, None) == 12_000_000  # type: ignore[arg-type]


def _read_whole(store: Store) -> tuple[list[DatedSentence], dict[str, str]]:
    """Every sentence a timeline over the whole store reads, as it reads them."""
    rows = store.sentences()
    texts = store.texts({row[0] for row in rows})
    dated = [
        DatedSentence(doc, start, end, texts[doc][start:end], published,
                      tuple((d, p) for d, p in ds), idx)
        for doc, idx, start, end, published, ds in rows
        if not is_speculative(texts[doc])
    ]  # fmt: skip
    return dated, store.roots_of({row[0] for row in rows})


def test_the_day_counts_score_days_as_the_summariser_does(
    sample_dossier: dateline.Dossier,
) -> None:
    from dateline.summarise.plan import _counted_days

    store = sample_dossier.store
    tuning = dataclasses.replace(Tuning(), article_topical=0.0)
    scores, documents, _, _ = _counted_days(store, None, None, {}, tuning, 0.0)
    dated, roots = _read_whole(store)
    (every,) = build_timelines(dated, [TimelineOptions(dates=None)], groups=roots, tuning=tuning)
    # reprints, copies published days apart and the speculative article are in the sample
    assert len(every) >= 5
    for entry in every:
        assert scores[entry.date] == pytest.approx(entry.score), entry.date
        assert 1 <= documents[entry.date] <= entry.documents
    # a range: its articles' references, to days within it
    since, until = "2025-05-01", "2025-10-31"
    ranged = _counted_days(store, since, until, {}, tuning, 0.0).scores
    inside = [s for s in dated if s.published and since <= s.published <= until]
    (part,) = build_timelines(
        inside, [TimelineOptions(None, 2, since, until)], groups=roots, tuning=tuning
    )
    assert part and {e.date: ranged[e.date] for e in part} == pytest.approx(
        {e.date: e.score for e in part}
    )
    # an entity: the sentences naming it, as its timeline reads them
    person = sample_dossier.store.entity_named("Phan Van Giang")
    assert person is not None
    named = _counted_days(store, None, None, {}, tuning, 0.0, day_scope(person.id)).scores
    naming = store.sentences_naming(person.id)
    (own,) = build_timelines(
        [s for s in dated if (s.document_id, s.index) in naming],
        [TimelineOptions(dates=None)],
        groups=roots,
        tuning=tuning,
    )
    assert len(own) >= 2 and len(named) < len(scores)
    assert {e.date: named[e.date] for e in own} == pytest.approx({e.date: e.score for e in own})
    # an event type: the sentences reporting one of its events
    reporting = {(s.document_id, s.start) for e in store.events(event_type="CONSULT")
                 for s in e.sources}  # fmt: skip
    consult = day_scope(None, "CONSULT")
    typed = _counted_days(store, None, None, {}, tuning, 0.0, consult).scores
    (told,) = build_timelines(
        [s for s in dated if (s.document_id, s.start) in reporting],
        [TimelineOptions(dates=None)],
        groups=roots,
        tuning=tuning,
    )
    assert len(told) >= 2
    assert {e.date: typed[e.date] for e in told} == pytest.approx({e.date: e.score for e in told})


def test_past_the_budget_a_whole_range_ranks_from_the_day_counts(
    sample_dossier: dateline.Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.summarise.plan import _counted_days

    store = sample_dossier.store
    whole = plan_timeline(store, TimelineRequest(dates=4, sentences=1, budget=None), is_speculative)
    read: list[list[str]] = []
    near = store.sentences_near

    def sentences_near(days: list[str], *args: object) -> object:
        read.append(sorted(days))
        return near(days, *args)

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("read every sentence of the range")

    monkeypatch.setattr(store, "sentences", refuse)
    monkeypatch.setattr(store, "sentences_near", sentences_near)
    asked = TimelineRequest(dates=4, sentences=1, budget=15)
    counted = plan_timeline(store, asked, is_speculative)
    # exact counts, not an estimate from a sample; summaries of the chosen days only
    assert counted and all(e.sample == 1.0 for e in counted)
    assert len(read) == 1 and {e.date for e in counted} <= set(read[0])
    weights = {day: float(told) for day, (told, _) in store.event_days().items()}
    scores = _counted_days(store, None, None, weights, Tuning(), Tuning().mention).scores
    assert {e.date: e.score for e in counted} == {e.date: scores[e.date] for e in counted}
    # the read is sized from the counts: about as many as the indexes bound from above
    from dateline.summarise.plan import _LEAD_LAG, _reach

    counted_days = _counted_days(store, None, None, weights, Tuning(), Tuning().mention)
    days = sorted(counted_days.scores)
    assert 0 < _reach(counted_days, days, 3) <= store.count_sentences_near(days, _LEAD_LAG, 3)
    # the best-scored days are shown, as when every sentence is read
    assert [e.date for e in counted] == sorted(sorted(scores, key=lambda d: -scores[d])[:4])
    assert {e.date for e in counted} == {e.date for e in whole}


def test_day_counts_a_write_made_stale_give_way_to_a_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = dateline.open(tmp_path / "stale.db")
    d.ingest([SAMPLE_DIR / "01_phone-call-vna.txt", SAMPLE_DIR / "05_policy-dialogue-vna.txt"])
    store = d.store
    shares: list[float] = []
    sentences = store.sentences

    def sampled(since: str | None, until: str | None, share: float, dated: bool = False) -> object:
        if share < 1.0:  # the build warms the default timelines, which read everything
            shares.append(share)
        return sentences(since, until, share, dated)

    monkeypatch.setattr(store, "sentences", sampled)
    assert store.days_counted()
    asked = TimelineRequest(dates=3, sentences=1, budget=5)
    assert all(e.sample == 1.0 for e in plan_timeline(store, asked, is_speculative))
    assert shares == []
    # a document stored and not yet built: the counts no longer hold, a sample is read
    d.ingest([SAMPLE_DIR / "08_mou-signing-vna.txt"], build=False)
    assert not store.days_counted()
    plan_timeline(store, asked, is_speculative)
    assert len(shares) == 1
    # once built again, the counts hold
    d.build()
    plan_timeline(store, dataclasses.replace(asked, dates=2), is_speculative)
    assert len(shares) == 1
    d.close()


def test_an_entitys_own_sentences_are_what_the_day_index_finds_of_them(
    sample_dossier: dateline.Dossier,
) -> None:
    from dateline.summarise.plan import _LEAD_LAG, _summarised_rows

    store = sample_dossier.store
    person = store.entity_named("Phan Van Giang")
    assert person is not None
    naming = store.sentences_naming(person.id)
    days = sorted({e.date for e in store.events() if e.date})
    for since, until in ((None, None), ("2025-05-01", "2025-12-31")):
        near = store.sentences_near(days, _LEAD_LAG, since, until, Tuning().lead)
        own = _summarised_rows(store, days, since, until, naming)
        assert own and own == [row for row in near if (row[0], row[1]) in naming]
    # an entity no sentence names has nothing to read
    assert _summarised_rows(store, days, None, None, set()) == []


def test_a_first_read_that_leaves_dates_unfilled_reads_every_ranked_day(
    sample_dossier: dateline.Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.summarise import plan

    store = sample_dossier.store
    asked = TimelineRequest(dates=4, sentences=1, budget=15).validated()
    (usual,) = plan._plan(store, [asked], is_speculative)
    reads: list[list[str]] = []
    near = store.sentences_near

    def sentences_near(days: list[str], *args: object) -> object:
        reads.append(sorted(days))
        return near(days, *args)

    monkeypatch.setattr(store, "sentences_near", sentences_near)
    monkeypatch.setattr(plan, "_head", lambda options: 1)  # a first read of one day
    (again,) = plan._plan(store, [asked], is_speculative)
    assert len(reads) == 2 and len(reads[0]) == 1 < len(reads[1])
    assert [e.date for e in again] == [e.date for e in usual] and len(usual) == 4

"""Planning a timeline from the store it is handed, as the Dossier does."""

from __future__ import annotations

import dataclasses
import json

import pytest

import dateline
from dateline.cluster.corroboration import is_speculative
from dateline.errors import DatelineError
from dateline.summarise.plan import plan_timeline, plan_timelines, timeline_key
from dateline.summarise.request import TimelineRequest


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


def test_the_speculation_test_handed_in_decides_what_enters(
    sample_dossier: dateline.Dossier,
) -> None:
    store = sample_dossier.store
    asked = TimelineRequest(dates=None, sentences=1, anchor="references", budget=None)

    def fresh(speculative) -> list:  # type: ignore[no-untyped-def]
        with store.transaction():
            store.execute("DELETE FROM results")
        return plan_timeline(store, asked, speculative)

    assert fresh(is_speculative)
    assert fresh(lambda text: True) == []  # every article refused: no date is referred to
    fresh(is_speculative)  # leave the store keeping the right answer


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

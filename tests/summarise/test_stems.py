"""Stems kept by the build: the summariser looks words up instead of stemming them anew,
and the timeline is the same either way."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

import pytest

import dateline
from dateline.cluster.corroboration import is_speculative
from dateline.evaluate import rouge
from dateline.evaluate.rouge import remember_stems, stem, stemmer_identity
from dateline.summarise import TimelineOptions, build_timeline
from dateline.summarise.plan import plan_timeline
from dateline.summarise.request import TimelineRequest
from dateline.summarise.text import terms, unknown_words, vocabulary, words
from tests.summarise.test_timeline import story


@pytest.fixture
def fresh_stems(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An empty process cache of stems, as in a new process; the usual one afterwards."""
    monkeypatch.setattr(rouge, "STEMS", {})
    yield


def _refuse(word: str) -> str:
    raise AssertionError(f"stemmed {word!r} anew")


def test_the_vocabulary_holds_the_stem_of_every_word_terms_stems() -> None:
    text = "The ministers were meeting in Hanoi on 3 March; talks resumed, 1,250 troops left."
    made = vocabulary([text, "Ministers met."])
    assert made == {w: stem(w) for w in set(words(text)) | {"met", "ministers"}
                    if w in made}  # fmt: skip
    # stopwords and one-letter words are never stemmed, so never kept
    assert {"the", "were", "in", "on", "3"}.isdisjoint(made)
    assert set(terms(text)) == {made[w] for w in words(text) if w in made}


def test_known_stems_are_used_without_stemming(
    fresh_stems: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Negotiators resumed talks in the capital."
    expected = terms(text)  # stemmed here
    monkeypatch.setattr(rouge, "STEMS", {})
    assert unknown_words([words(text)]) == {"negotiators", "resumed", "talks", "capital"}
    remember_stems(vocabulary([text]))
    assert unknown_words([words(text)]) == set()
    monkeypatch.setattr(rouge, "_porter", _refuse)
    assert terms(text) == expected


def test_a_timeline_with_looked_up_stems_is_the_one_stemmed_anew(
    fresh_stems: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentences = [
        story(f"d{i}", "2025-03-0" + str(4 + i % 3), "2025-03-0" + str(3 + i % 2), topic)
        for i, topic in enumerate(("flood", "storm", "flood", "summit", "flood", "storm"))
    ]
    options = TimelineOptions(dates=2, sentences=1)
    stemmed = build_timeline(sentences, options)
    kept = vocabulary(s.text for s in sentences)
    asked: list[set[str]] = []

    def lookup(found: Collection[str]) -> Mapping[str, str]:
        asked.append(set(found))
        return {w: kept[w] for w in found if w in kept}

    monkeypatch.setattr(rouge, "STEMS", {})
    monkeypatch.setattr(rouge, "_porter", _refuse)
    assert build_timeline(sentences, options, stems=lookup) == stemmed
    # one look-up of the words not known yet; the second timeline knows them all
    assert asked == [set(kept)]
    assert build_timeline(sentences, options, stems=lookup) == stemmed
    assert len(asked) == 1


def test_the_build_keeps_the_stems_a_timeline_reads(
    sample_dossier: dateline.Dossier, fresh_stems: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = sample_dossier.store
    (first,) = sample_dossier.documents(limit=1)
    asked = set(unknown_words([words(first.text)]))
    assert store.stems(asked, stemmer_identity()) == {w: stem(w) for w in asked}
    # stems another stemmer made are not used
    assert store.stems(asked, "another stemmer") == {}
    request = TimelineRequest(dates=4, budget=None).validated()
    usual = plan_timeline(store, request, is_speculative)
    # a new process (nothing stemmed yet, nothing kept from before) stems nothing
    monkeypatch.setattr(rouge, "STEMS", {})
    monkeypatch.setattr(rouge, "_porter", _refuse)
    with store.transaction():
        store.execute("DELETE FROM results")
    assert plan_timeline(store, request, is_speculative) == usual

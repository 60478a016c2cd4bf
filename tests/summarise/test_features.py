"""What the build keeps of each sentence stands for its text: a timeline made from the kept
reading is the timeline made from the texts, entry for entry and score for score, and it
reads only the texts of the sentences it shows."""

from __future__ import annotations

import dataclasses
import random
import zlib
from collections.abc import Collection, Mapping

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.summarise import DatedSentence, TimelineOptions, build_timelines, sentences_for
from dateline.summarise.features import (
    ANAPHORIC,
    CHRONOLOGY,
    QUOTED,
    SENTENCE,
    WELL_FORMED,
    TermNumbers,
    decode_features,
    document_features,
    kept_features,
    news_span,
)
from dateline.summarise.kept import KeptReading
from dateline.summarise.text import split_sentences, words
from dateline.summarise.timeline import rank_days, summarise_ranked

# Lines of made-up wire copy, with the noise real pages carry: a dateline and credit glued
# before the lead, chronology entries, quotes, pronoun openings, a reader's comment, a
# teaser cut mid-sentence, link furniture, and dates written several ways.
_LINES = [
    "HANOI (Newswire) - Coast guard commanders met in the port on {day} to plan joint patrols.",
    "Negotiators signed a maintenance agreement for patrol ships on {day}.",
    "{day} - The visiting delegation toured a naval training school.",
    "The ministry announced US$40 million more for demining on {day}, officials said.",
    '"We will keep working together," the deputy minister told reporters on {day}.',
    "He added that a second round of talks would follow later in the year.",
    "They also discussed the search for soldiers missing since the war.",
    "and the remaining boxes of remains were sent for identification.",
    "Read more: related stories and photos from the visit",
    "At 10:15 {day}, reader99 wrote: this visit changes nothing at all.",
    "Talks between the two defence ministries resumed on {day} after a pause of two years.",
    "The navy said 994 boxes had been handed over, and 740 were identified.",
    "Photo credit: staff photographer. Officials toured the shipyard on {day}.",
    "By Jane Roe",
]
_DAYS = ["March 3", "March 4, 2025", "Tuesday", "April 12", "yesterday", "May 2"]
_PUBLISHED = ["2025-03-04", "2025-03-05", "2025-04-13", "2025-05-02", "2025-05-03"]


def _corpus(seed: int, documents: int) -> dict[str, tuple[str, str]]:
    """Documents by id: (publication day, text), made from the lines above at random."""
    rng = random.Random(seed)
    made = {}
    for i in range(documents):
        lines = [rng.choice(_LINES).format(day=rng.choice(_DAYS)) for _ in range(rng.randint(1, 7))]
        glue = "\n" if rng.random() < 0.5 else " "
        made[f"d{i:02d}"] = (rng.choice(_PUBLISHED), glue.join(lines))
    return made


def _sentences(corpus: Mapping[str, tuple[str, str]]) -> list[DatedSentence]:
    dated = []
    for doc, (published, text) in corpus.items():
        found = sentences_for(doc, text, published, split_sentences(text))
        dated += [dataclasses.replace(s, index=i) for i, s in enumerate(found)]
    return dated


class _Reader:
    """Texts by document, remembering which were asked for."""

    def __init__(self, corpus: Mapping[str, tuple[str, str]]) -> None:
        self.corpus = corpus
        self.asked: set[str] = set()

    def __call__(self, ids: Collection[str]) -> dict[str, str]:
        self.asked.update(ids)
        return {d: self.corpus[d][1] for d in ids}


def _kept(corpus: Mapping[str, tuple[str, str]], reader: _Reader) -> KeptReading:
    numbers = TermNumbers()
    blobs = {
        doc: document_features(text, split_sentences(text), numbers)
        for doc, (_, text) in corpus.items()
    }
    return KeptReading.of(blobs, reader)


_OPTIONS = [
    TimelineOptions(dates=3, sentences=2),
    TimelineOptions(dates=None, sentences=1),
    TimelineOptions(dates=2, sentences=2, since="2025-03-04", until="2025-04-30"),
    TimelineOptions(dates=4, sentences=2, query="patrol talks"),
]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 25))
def test_a_kept_reading_gives_the_timelines_the_texts_give(seed: int, documents: int) -> None:
    corpus = _corpus(seed, documents)
    dated = _sentences(corpus)
    groups = {doc: min(corpus, key=lambda d: corpus[d][1] != corpus[doc][1]) for doc in corpus}
    from_texts = build_timelines(dated, _OPTIONS, groups=groups)
    reader = _Reader(corpus)
    blank = [dataclasses.replace(s, text="") for s in dated]
    kept = _kept(corpus, reader)
    assert build_timelines(blank, _OPTIONS, groups=groups, kept=kept) == from_texts
    # without a query, the texts read are those of the sentences shown
    reader.asked.clear()
    (plain,) = build_timelines(blank, _OPTIONS[:1], groups=groups, kept=kept)
    assert reader.asked == {s.document_id for e in plain for s in e.summary}


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 25))
def test_a_kept_reading_summarises_days_ranked_elsewhere_as_the_texts_do(
    seed: int, documents: int
) -> None:
    corpus = _corpus(seed, documents)
    dated = _sentences(corpus)
    scores = {d: 1.0 + i for i, d in enumerate(_PUBLISHED)}
    counts = dict.fromkeys(scores, 2)
    options = TimelineOptions(dates=3, sentences=2)
    ranked = rank_days(scores, options)
    from_texts = summarise_ranked(dated, options, ranked, scores, counts)
    blank = [dataclasses.replace(s, text="") for s in dated]
    kept = _kept(corpus, _Reader(corpus))
    assert summarise_ranked(blank, options, ranked, scores, counts, kept=kept) == from_texts


@pytest.mark.parametrize(
    ("sentence", "flags"),
    [
        ("Talks resumed in the capital on Monday.", WELL_FORMED),
        ('"We agree," the minister said.', WELL_FORMED | QUOTED),
        ("He said the ships would arrive in May.", WELL_FORMED | ANAPHORIC),
        ("March 3 - Ministers met in the capital.", WELL_FORMED | CHRONOLOGY),
        ("and then the talks ended.", 0),  # the tail of a sentence cut in two
        ("Read more: stories from the visit.", 0),  # page furniture
        ("Ministers met in the capital", 0),  # no stop: a headline or a teaser
    ],
)
def test_each_flag_says_what_the_summariser_asks_of_a_sentence(sentence: str, flags: int) -> None:
    blob = document_features(sentence, [(0, len(sentence))], TermNumbers())
    records, _, _ = decode_features(blob)
    (record,) = np.frombuffer(records, dtype=SENTENCE)
    offset, chronology = news_span(sentence, 0)
    assert record["flags"] == flags
    assert record["offset"] == offset and bool(flags & CHRONOLOGY) == chronology
    assert record["words"] == len(words(sentence[offset:]))


def test_one_numbering_gives_each_term_one_number_across_documents() -> None:
    numbers = TermNumbers()
    first = "Ministers signed the agreement."
    second = "The agreement was signed by ministers and generals."
    kept = KeptReading.of(
        {
            "a": document_features(first, [(0, len(first))], numbers),
            "b": document_features(second, [(0, len(second))], numbers),
        },
        lambda ids: {},
    )
    places = kept.places([("a", 0), ("b", 0)])
    assert places is not None
    ids, counts, lengths = kept.terms_of(places)
    a, b = ids[: lengths[0]].tolist(), ids[lengths[0] :].tolist()
    assert len(a) == 3 and set(a) < set(b)  # minist, sign, agreement; and general
    assert counts.tolist() == [1] * 7
    assert kept.width == len(numbers) == 4


def test_a_sentence_without_a_kept_reading_is_not_found() -> None:
    text = "Ministers met. Talks followed."
    kept = KeptReading.of(
        {"a": document_features(text, split_sentences(text), TermNumbers())}, lambda ids: {}
    )
    assert kept.places([("a", 0), ("a", 1)]) is not None
    assert kept.places([("a", 2)]) is None  # the store's sentences changed since
    assert kept.places([("b", 0)]) is None


def test_a_document_whose_sentences_skip_an_index_keeps_no_reading() -> None:
    text = "Ministers met. Talks followed."
    rows = [("a", 0, 0, 14, []), ("a", 2, 15, 29, [])]
    assert kept_features(text, rows, TermNumbers()) is None
    assert kept_features(text, [rows[0], ("a", 1, 15, 29, [])], TermNumbers()) is not None


def test_a_sentence_keeps_each_term_once_with_its_count_in_the_order_of_first_use() -> None:
    text = "Talks on talks: the ministers talked, and ministers signed."
    numbers = TermNumbers()
    kept = KeptReading.of({"a": document_features(text, [(0, len(text))], numbers)}, dict)
    ids, counts, lengths = kept.terms_of(np.array([0]))
    named = {n: t for t, n in numbers.numbers.items()}
    assert [(named[n], k) for n, k in zip(ids.tolist(), counts.tolist(), strict=True)] == [
        ("talk", 3),
        ("minist", 2),
        ("sign", 1),
    ]
    assert lengths.tolist() == [3]


def test_a_damaged_reading_is_refused() -> None:
    text = "Ministers met. Talks followed."
    blob = document_features(text, split_sentences(text), TermNumbers())
    cut = zlib.compress(zlib.decompress(blob)[:-4])
    with pytest.raises(ValueError, match="damaged"):
        decode_features(cut)
    with pytest.raises(zlib.error):
        decode_features(blob[:5])


def _encoded(records: np.ndarray, terms: list[int], counts: list[int]) -> bytes:
    header = np.array([len(records)], dtype="<u4").tobytes()
    parts = (records.tobytes(), np.array(terms, "<i4").tobytes(), np.array(counts, "<i4").tobytes())
    return zlib.compress(header + b"".join(parts))


@pytest.mark.parametrize(
    ("records", "terms", "counts"),
    [
        ([(0, 3, 2, 2)], [0, 1], [1]),  # a term without its count
        ([(0, 3, 2, 3)], [0, 1], [1, 1]),  # more terms said than kept
        ([(0, 3, 2, 2)], [0, -4], [1, 1]),  # a negative term number
        ([(0, 3, 2, 2)], [0, 1], [1, 0]),  # a term used no time
        ([(-9, 3, 2, 1)], [0], [1]),  # a negative offset
    ],
)
def test_a_reading_that_does_not_fit_together_is_refused_with_its_document_named(
    records: list[tuple[int, int, int, int]], terms: list[int], counts: list[int]
) -> None:
    good = document_features("Ministers met.", [(0, 14)], TermNumbers())
    blob = _encoded(np.array(records, dtype=SENTENCE), terms, counts)
    with pytest.raises(ValueError, match="kept sentence reading of d7: damaged"):
        KeptReading.of({"d1": good, "d7": blob}, dict)
    with pytest.raises(ValueError, match="kept sentence reading of d7: damaged"):
        KeptReading.of({"d1": good, "d7": good[:9]}, dict)  # cut short
    assert KeptReading.of({"d1": good}, dict).places([("d1", 0)]) is not None

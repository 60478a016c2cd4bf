"""The columnar vectors equal the plain reading's, number for number and in order: what a
ranking compares (closeness, norms, each candidate's vector) must not move by a bit."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dateline.summarise import text as text_module
from dateline.summarise.matrix import closeness, id_matrix, term_matrix
from dateline.summarise.text import Vector, terms_of, words

# Stopwords, one-letter words, numbers and several forms of one stem among ordinary words.
_WORDS = [
    *("talks", "talk", "talking", "talked", "minister", "ministers", "visit", "visited"),
    *("the", "of", "and", "a", "i", "x", "s", "1,250", "2025", "hanoi", "washington"),
    *("defence", "fund", "funds", "agreement", "signed", "sign", "navy", "ship", "ships"),
]


def _sequential(values: Sequence[float]) -> float:
    """Left to right, as the summariser has always added (Python 3.11's ``sum``)."""
    total = 0.0
    for value in values:
        total += value
    return total


def _plain(found: Sequence[Sequence[str]], power: float) -> tuple[list[Vector], list[float]]:
    """Each sentence's terms counted, times their smoothed inverse document frequency over
    the sentences to the ``power``; and each vector's length."""
    tokens = [terms_of(w) for w in found]
    frequency = Counter(term for terms in tokens for term in set(terms))
    idf = {t: math.log((1 + len(tokens)) / (1 + n)) + 1.0 for t, n in frequency.items()}
    vectors = [{t: n * idf[t] ** power for t, n in Counter(terms).items()} for terms in tokens]
    return vectors, [math.sqrt(_sequential([v * v for v in x.values()])) for x in vectors]


def _plain_closeness(vectors: Sequence[Vector], norms: Sequence[float]) -> list[float]:
    center: Vector = {}
    for v, length in zip(vectors, norms, strict=True):
        if length:
            for term, value in v.items():
                center[term] = center.get(term, 0.0) + (1.0 / length) * value
    found = [
        _sequential([value * center.get(term, 0.0) for term, value in v.items()]) / (length or 1.0)
        for v, length in zip(vectors, norms, strict=True)
    ]
    mean = _sequential(found) / len(found) or 1.0
    return [c / mean for c in found]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_WORDS), max_size=40), min_size=1, max_size=30),
    st.sampled_from([1.0, 0.5, 0.7, 2.0]),
)
@example([[]], 1.0)
@example([["the", "of"], ["talks", "talk", "talks"], []], 0.5)
def test_the_matrix_is_the_plain_reading_to_the_bit(found: list[list[str]], power: float) -> None:
    vectors, norms = _plain(found, power)
    matrix = term_matrix(found, power)
    for i, vector in enumerate(vectors):
        assert list(matrix.vector(i).items()) == list(vector.items())
    assert matrix.norms.tolist() == norms
    assert closeness(matrix) == _plain_closeness(vectors, norms)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_WORDS), max_size=40), min_size=1, max_size=30),
    st.sampled_from([1.0, 0.5]),
    st.randoms(use_true_random=False),
)
def test_numbered_terms_give_the_words_matrix_to_the_bit(
    found: list[list[str]], power: float, rng: random.Random
) -> None:
    """However its terms are numbered (as a build numbers them over a whole store), a
    matrix of numbers is the matrix of the words, vector for vector."""
    tokens = [terms_of(w) for w in found]
    distinct = sorted({t for terms in tokens for t in terms})
    spare = rng.randint(0, 5)  # numbers no sentence read uses
    numbers = dict(
        zip(distinct, rng.sample(range(len(distinct) + spare), len(distinct)), strict=True)
    )
    # each sentence's distinct terms in the order it first uses them, with their counts
    counted = [Counter(numbers[t] for t in terms) for terms in tokens]
    ids = np.array([n for c in counted for n in c], dtype=np.int32)
    counts = np.array([k for c in counted for k in c.values()], dtype=np.int32)
    lengths = np.array([len(c) for c in counted], dtype=np.int64)
    numbered = id_matrix(ids, counts, lengths, len(distinct) + spare, power)
    matrix = term_matrix(found, power)
    for i in range(len(found)):
        worded = matrix.vector(i)
        assert list(numbered.vector(i).items()) == [(numbers[t], v) for t, v in worded.items()]
    assert numbered.norms.tolist() == matrix.norms.tolist()
    assert closeness(numbered) == closeness(matrix)


def test_a_reprinted_sentence_is_exactly_as_close_as_its_original() -> None:
    texts = [
        "Defence ministers signed an agreement in Hanoi on Monday.",
        "The navy sent two ships to the port.",
        "Defence ministers signed an agreement in Hanoi on Monday.",
        "Funds for the talks were announced.",
    ]
    close = closeness(term_matrix([words(t) for t in texts], 0.5))
    assert close[0] == close[2]
    assert close[0] != close[1]
    # relative to the mean sentence
    assert math.isclose(sum(close) / len(close), 1.0)


def test_sentences_without_terms_have_an_empty_vector_and_no_closeness() -> None:
    matrix = term_matrix([["the", "of"], [], ["talks", "in", "hanoi"]])
    assert matrix.vector(0) == matrix.vector(1) == {}
    assert matrix.norms.tolist()[:2] == [0.0, 0.0]
    assert closeness(matrix)[:2] == [0.0, 0.0]
    assert closeness(term_matrix([])) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80) | st.text("AbΣς.'-\n 1,9Kİ"))
@example("-LRB- Talks -RRB- ended ΟΔΟΣ. K İstanbul")
def test_words_are_each_word_lowered_alone(text: str) -> None:
    # a word starts with a letter or a digit, so a bracket token is never one whole
    brackets = {"-lrb-", "-rrb-", "-lsb-", "-rsb-", "-lcb-", "-rcb-"}
    alone = [w.lower() for w in text_module._WORD.findall(text)]
    assert words(text) == [w for w in alone if w not in brackets] == alone

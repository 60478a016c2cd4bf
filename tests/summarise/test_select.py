"""Judging a candidate's quality when the selection reaches it picks what judging every
candidate first picks, and judges only as far as the selection goes; a pool of a matrix's
rows chosen as arrays picks what its vectors chosen one by one pick."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.summarise.matrix import id_matrix
from dateline.summarise.select import Candidate, choose, choose_rows

_TERMS = ["talks", "hanoi", "navy", "fund", "visit", "treaty", "port", "ship"]

_pools = st.lists(
    st.tuples(
        st.dictionaries(st.sampled_from(_TERMS), st.sampled_from([0.0, 0.5, 1.0, 2.5]), max_size=5),
        st.sampled_from([0.0, 0.3, 1.0]),  # weight
        st.booleans(),  # eligible
        st.sampled_from([0.5, 1.0, 1.2]),  # prior
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(_pools, st.integers(0, 4), st.sampled_from([0.3, 0.6, 1.0]), st.booleans())
def test_judging_when_reached_picks_what_judging_first_picks(
    drawn: list[tuple[dict[str, float], float, bool, float]],
    count: int,
    redundancy: float,
    earlier: bool,
) -> None:
    judged = [Candidate(k, v, w, e, p) for k, (v, w, e, p) in enumerate(drawn)]
    taken = [{"talks": 1.0, "hanoi": 0.5}] if earlier else []
    asked: list[int] = []

    def judge(key: int) -> bool:
        asked.append(key)
        return drawn[key][2]

    unjudged = [Candidate(k, v, w, None, p) for k, (v, w, _, p) in enumerate(drawn)]
    expected = [c.key for c in choose(judged, count, redundancy, taken)]
    assert [c.key for c in choose(unjudged, count, redundancy, taken, judge)] == expected
    # each candidate judged once at most, and those chosen among them
    assert len(asked) == len(set(asked)) and set(expected) <= set(asked)


def test_only_the_candidates_reached_are_judged() -> None:
    pool = [
        Candidate(0, {"talks": 1.0, "hanoi": 1.0}, 1.0, None),
        Candidate(1, {"talks": 1.0, "navy": 1.0}, 1.0, None),
        Candidate(2, {"port": 1.0}, 1.0, None),
        Candidate(3, {"ship": 1.0}, 1.0, None),
    ]
    asked: list[int] = []

    def judge(key: int) -> bool:
        asked.append(key)
        return key != 0

    chosen = choose(pool, 1, 0.9, judge=judge)
    assert [c.key for c in chosen] == [1]
    assert asked == [0, 1]  # the two most central; the rest never judged
    # without a judge an unjudged candidate is never chosen
    assert choose(pool, 2, 0.9) == []


# few words: reprinted sentences, and so exact ties, are common
_sentences = st.lists(st.lists(st.sampled_from(_TERMS[:5]), max_size=6), min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    _sentences,
    st.data(),
    st.integers(0, 4),
    st.sampled_from([0.3, 0.6, 1.0]),
    st.booleans(),
)
def test_choosing_a_matrix_rows_picks_what_choosing_their_vectors_picks(
    sentences: list[list[str]], data: st.DataObject, count: int, redundancy: float, earlier: bool
) -> None:
    ids = {term: n for n, term in enumerate(_TERMS)}
    # reprinted sentences: their scores tie to the bit, and the order of the rows decides
    sentences = sentences + sentences[: data.draw(st.integers(0, len(sentences)))]
    # each sentence's distinct terms in the order it first uses them, with their counts
    used = [list(dict.fromkeys(s)) for s in sentences]
    counts = [s.count(t) for s, u in zip(sentences, used, strict=True) for t in u]
    matrix = id_matrix(
        np.array([ids[t] for u in used for t in u], dtype=np.int64),
        np.array(counts, dtype=np.int64),
        np.array([len(u) for u in used], dtype=np.int64),
        len(_TERMS),
        1.5,
    )
    keys = data.draw(st.lists(st.integers(0, len(sentences) - 1), unique=True))
    # weights and priors with ties, zeros and a sentence without terms among them
    weights = data.draw(st.lists(st.sampled_from([0.0, 0.3, 1.0, 1.0]), min_size=len(keys),
                                 max_size=len(keys)))  # fmt: skip
    priors = data.draw(st.lists(st.sampled_from([0.5, 1.0, 1.0]), min_size=len(keys),
                                max_size=len(keys)))  # fmt: skip
    eligible = data.draw(st.lists(st.booleans(), min_size=len(sentences), max_size=len(sentences)))
    taken = [matrix.vector(0)] if earlier else []
    pool = [
        Candidate(k, matrix.vector(k), w, None, p)
        for k, w, p in zip(keys, weights, priors, strict=True)
    ]
    expected = choose(pool, count, redundancy, taken, eligible.__getitem__)
    found = choose_rows(matrix, keys, weights, priors, count, redundancy, taken,
                        eligible.__getitem__)  # fmt: skip
    assert found == expected

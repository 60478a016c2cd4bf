"""Choose a date's summary: the most central candidates, without repeating one another.

Centrality is the cosine of a sentence's TF-IDF vector with the centroid of the date's whole
candidate pool (each sentence normalised, weighted by how directly it is about the date), so
a sentence scores high when it shares the words most reports of that day use. Greedy selection
in score order skips a sentence too similar to one already chosen (a cosine threshold, the
simple form of maximal marginal relevance). :func:`choose_rows` does the same for a pool of a
matrix's rows, as arrays, to the last bit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from dateline.summarise.columns import runs
from dateline.summarise.matrix import TermMatrix
from dateline.summarise.text import Vector, add_into, cosine, norm


@dataclass(frozen=True)
class Candidate:
    """A sentence that may summarise a date."""

    key: int  # index of the sentence in the input
    vector: Vector
    weight: float  # how directly the sentence is about the date (explicit > implicit)
    # passes the sentence-quality filter (others still shape the centroid); None: judged
    # when the selection reaches it (see choose)
    eligible: bool | None
    prior: float = 1.0  # a preference that does not shape the centroid (e.g. topicality)


def centroid(pool: Sequence[Candidate]) -> Vector:
    total: Vector = {}
    for candidate in pool:
        length = norm(candidate.vector)
        if length:
            add_into(total, candidate.vector, candidate.weight / length)
    return total


def _centrality(vector: Vector, center: Vector, center_norm: float) -> float:
    """``cosine(vector, center)`` to the last bit, with the centroid's norm computed once per
    pool instead of once per candidate (which made large pools quadratic)."""
    small, large = (center, vector) if len(vector) > len(center) else (vector, center)
    dot = sum(value * large.get(term, 0.0) for term, value in small.items())
    if dot == 0.0:
        return 0.0
    return dot / (norm(small) * center_norm if small is vector else center_norm * norm(large))


def choose(
    pool: Sequence[Candidate],
    count: int,
    redundancy: float,
    taken: Sequence[Vector] = (),
    judge: Callable[[int], bool] | None = None,
) -> list[Candidate]:
    """Up to ``count`` eligible candidates, most central first, none redundant. A
    candidate whose ``eligible`` is None is judged by ``judge`` (given its key) only when
    the selection reaches it: a large pool has thousands of candidates and a summary two.
    Skipping one there picks what leaving it out of the ranking would."""
    center = centroid(pool)
    center_norm = norm(center)
    scored = sorted(
        (
            (c.weight * c.prior * _centrality(c.vector, center, center_norm), c.key, c)
            for c in pool
            if c.eligible is not False and c.vector
        ),
        key=lambda item: (-item[0], item[1]),
    )
    return _greedy(((score, c) for score, _, c in scored), count, redundancy, taken, judge)


def choose_rows(
    matrix: TermMatrix,
    keys: Sequence[int],
    weights: Sequence[float],
    priors: Sequence[float],
    count: int,
    redundancy: float,
    taken: Sequence[Vector] = (),
    judge: Callable[[int], bool] | None = None,
    vector: Callable[[int], Vector] | None = None,
) -> list[Candidate]:
    """:func:`choose` of the pool whose candidate ``j`` is row ``keys[j]`` of ``matrix``
    with ``weights[j]`` and ``priors[j]``, each judged when reached, found as arrays: the
    centroid, its norm and every centrality add the same numbers in the same order as
    :func:`choose` does (np.bincount and np.cumsum add one by one, in entry order), so
    the same candidates come out, ties included. ``vector`` gives a row's vector (default
    ``matrix.vector``) for the candidates the selection reaches."""
    vector = vector or matrix.vector
    if not keys:
        return []
    rows = np.asarray(keys, dtype=np.int64)
    begins = matrix.starts[rows]
    lengths = matrix.starts[rows + 1] - begins
    # the pool's entries, candidate by candidate, each one's in its vector's order
    entries = runs(begins, lengths)
    member = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    column, values = matrix.column[entries], matrix.values[entries]
    norms = matrix.norms[rows]
    weight = np.asarray(weights, dtype=np.float64)
    # centroid: each candidate's vector times weight / its norm, added in pool order
    scale = np.divide(weight, norms, out=np.zeros_like(norms), where=norms != 0.0)
    center = np.bincount(column, weights=scale[member] * values, minlength=len(matrix.terms))
    # its norm: the squares in the order the terms first entered it, added one by one
    terms, first = np.unique(column, return_index=True)
    met = center[terms[np.argsort(first, kind="stable")]]
    center_norm = float(np.sqrt(np.cumsum(met * met)[-1])) if len(met) else 0.0
    # each candidate's dot with the centroid over its own terms, which the centroid holds
    dots = np.bincount(member, weights=values * center[column], minlength=len(rows))
    with np.errstate(divide="ignore", invalid="ignore"):
        centrality = np.where(dots == 0.0, 0.0, dots / (norms * center_norm))
    scores = weight * np.asarray(priors, dtype=np.float64) * centrality
    reached = np.flatnonzero(lengths > 0)  # a candidate without terms never scores
    order = reached[np.lexsort((rows[reached], -scores[reached]))]

    def scored() -> Iterator[tuple[float, Candidate]]:
        for j in order.tolist():
            key = keys[j]
            yield float(scores[j]), Candidate(key, vector(key), weights[j], None, priors[j])

    return _greedy(scored(), count, redundancy, taken, judge)


def _greedy(
    scored: Iterable[tuple[float, Candidate]],
    count: int,
    redundancy: float,
    taken: Sequence[Vector],
    judge: Callable[[int], bool] | None,
) -> list[Candidate]:
    """Up to ``count`` of the ``scored`` candidates (best first) in turn, each eligible
    and none redundant, while their score is positive."""
    chosen: list[Candidate] = []
    seen = list(taken)
    for score, candidate in scored:
        if len(chosen) >= count or score <= 0.0:
            break
        if candidate.eligible is None and (judge is None or not judge(candidate.key)):
            continue
        if any(cosine(candidate.vector, other) > redundancy for other in seen):
            continue
        chosen.append(candidate)
        seen.append(candidate.vector)
    return chosen

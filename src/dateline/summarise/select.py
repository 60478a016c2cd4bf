"""Choose a date's summary: the most central candidates, without repeating one another.

Centrality is the cosine of a sentence's TF-IDF vector with the centroid of the date's whole
candidate pool (each sentence normalised, weighted by how directly it is about the date), so
a sentence scores high when it shares the words most reports of that day use. Greedy selection
in score order skips a sentence too similar to one already chosen (a cosine threshold, the
simple form of maximal marginal relevance).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
    chosen: list[Candidate] = []
    seen = list(taken)
    for score, _, candidate in scored:
        if len(chosen) >= count or score <= 0.0:
            break
        if candidate.eligible is None and (judge is None or not judge(candidate.key)):
            continue
        if any(cosine(candidate.vector, other) > redundancy for other in seen):
            continue
        chosen.append(candidate)
        seen.append(candidate.vector)
    return chosen

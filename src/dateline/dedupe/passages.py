"""Verify a candidate copy by the passages two texts share.

A re-edited copy and its source differ at their edges (each outlet's headline,
byline, captions, teasers; a different window of a scraped page) and at scattered
edits, but between those they run word for word. So the test is not what share of
all shingles two texts have in common, which chrome dilutes, but how much of the
shorter text's article part lies in long runs that both texts share:

- a *passage* is a run of consecutive shingles of one text that all occur in the
  other, at least :data:`MIN_RUN` long (shorter runs are stock phrases: "said in a
  statement on");
- two texts are copies when their passages cover at least :data:`MIN_SHARED`
  shingles and a share :data:`MIN_SCORE` of the smaller article part.

Two independent reports quoting the same statement share one passage, the quote,
which is a small share of either article; a bare quote shorter than MIN_SHARED
never links.
"""

from __future__ import annotations

import numpy as np

from dateline.dedupe.shingles import Shingled

MIN_RUN = 6  # shingles: a passage of 10 words or more
MIN_SHARED = 30  # shingles in passages: about two sentences of text run word for word
MIN_SCORE = 0.55  # of the smaller article part


def covered(order: np.ndarray, other: np.ndarray) -> int:
    """Shingles of ``order`` (hashes in text order) in runs of at least MIN_RUN whose
    every shingle is in ``other`` (sorted unique hashes)."""
    if not order.size or not other.size:
        return 0
    where = np.minimum(np.searchsorted(other, order), other.size - 1)
    hit = np.concatenate(([False], other[where] == order, [False]))
    edges = np.flatnonzero(hit[1:] != hit[:-1])
    lengths = edges[1::2] - edges[::2]
    return int(lengths[lengths >= MIN_RUN].sum())


def shared(a: Shingled, b: Shingled) -> int:
    """Shingles the two texts share in passages, counted in the one that has fewer
    (a passage printed twice in one text is still one passage)."""
    return min(covered(a.order, b), covered(b.order, a))


def passage_score(a: Shingled, b: Shingled) -> float:
    """Share of the smaller article part that the two texts share in passages, or 0.0
    when the passages are shorter than MIN_SHARED in all."""
    common = shared(a, b)
    if common < MIN_SHARED:
        return 0.0
    # A text with no prose paragraph (all short lines) is measured whole.
    part = min(a.article or a.order.size, b.article or b.order.size)
    return min(1.0, common / max(part, 1))

"""The extraction-quality gate: real-news topics never fall below their recorded floors.

The topics are real pages from many outlets (``../shared/corpora/realnews-dev``) scored by
that corpus's own scorer; the floors live in ``bench/quality_floors.json`` and rise with
the scores. The gate reads the corpus at test time; none of its text is in the repository.
"""

from __future__ import annotations

import pytest

from bench.quality import (
    TopicScore,
    below_floor,
    load_floors,
    realnews_topics,
    score_realnews,
)
from dateline.analyse.nlp import Analyzer
from tests.conftest import BACKEND


def test_a_topic_below_its_floor_or_without_one_is_reported() -> None:
    low = TopicScore("alpha", {"all": (40, 100)})
    high = TopicScore("beta", {"all": (90, 100)})
    unknown = TopicScore("gamma", {"all": (99, 100)})
    problems = below_floor([low, high, unknown], {"alpha": 41, "beta": 90})
    assert problems == [
        "alpha: 40/100 is below its floor 41",
        "gamma: no floor recorded in quality_floors.json",
    ]


@pytest.mark.slow
@pytest.mark.skipif(not realnews_topics(), reason="../shared/corpora/realnews-dev is absent")
@pytest.mark.skipif(BACKEND != "sqlite", reason="extraction quality is backend-independent")
def test_every_realnews_topic_keeps_its_floor(analyzer: Analyzer) -> None:
    scores = score_realnews(analyzer)
    assert {s.topic for s in scores} == {t.name for t in realnews_topics()}
    problems = below_floor(scores, load_floors())
    assert not problems, "; ".join(problems)

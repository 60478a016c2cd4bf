"""Timeline metrics: date F1, and ROUGE-1/2 in the concat, agreement and align+ m:1 variants.

The ROUGE variants are those of Martschat and Markert (2017), "Improving ROUGE for Timeline
Summarization", with the conventions of their reference implementation ``tilse`` 0.2.1:

- concat: all summaries of a timeline pooled in date order and scored as one summary.
- agreement: summaries compared only on dates present in both timelines; every predicted date
  counts towards the precision denominator, every gold date towards the recall one.
- align+ m:1: each predicted date is aligned to the gold date of least cost (precision), and
  each gold date to the predicted date of least cost (recall), so several dates may share a
  partner. The cost is ``(1 - 1/(d + 1)) * (1 - F)``, with ``d`` the distance in days and ``F``
  a rough unstemmed ROUGE-1 F1 of the two summaries; ties go to the earliest date. Hits of an
  aligned pair are weighted by ``1/(d + 1)``.

Precision and recall sum hits and denominators over dates before dividing (micro average).
``gold`` may be one timeline or several reference timelines of the same story.
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dateline.evaluate.rouge import (
    RougeCounts,
    Scores,
    rouge_n_counts_from_tokens,
    rouge_tokens,
)
from dateline.evaluate.tokens import tokenised_summary

TimelineLike = Mapping[date, Sequence[str]]
Gold = TimelineLike | Sequence[TimelineLike]

ORDERS = (1, 2)
_ZERO = Scores(0.0, 0.0, 0.0)


@dataclass(frozen=True)
class RougeScores:
    """ROUGE-1 and ROUGE-2 scores of one metric variant."""

    rouge_1: Scores
    rouge_2: Scores


@dataclass(frozen=True)
class TimelineScores:
    """All scores of one predicted timeline against its gold."""

    dates: Scores
    concat: RougeScores
    agreement: RougeScores
    align_m1: RougeScores


@dataclass
class _Sums:
    """Running micro-average numerators and denominators."""

    precision_hits: float = 0.0
    precision_total: int = 0
    recall_hits: float = 0.0
    recall_total: int = 0

    def scores(self) -> Scores:
        return Scores.from_precision_recall(
            _ratio(self.precision_hits, self.precision_total),
            _ratio(self.recall_hits, self.recall_total),
        )


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _references(gold: Gold) -> list[TimelineLike]:
    if isinstance(gold, Mapping):
        return [gold]
    references = list(gold)
    if not references:
        raise ValueError("at least one gold timeline is needed")
    return references


def _summary(timeline: TimelineLike, day: date) -> list[str]:
    value = timeline.get(day, ())
    return [value] if isinstance(value, str) else list(value)


def _gold_dates(references: Sequence[TimelineLike]) -> set[date]:
    return set().union(*(set(reference) for reference in references))


class _Tokens:
    """ROUGE tokens per date, computed once per summary."""

    def __init__(self, predicted: TimelineLike, references: Sequence[TimelineLike]) -> None:
        self._predicted = predicted
        self._references = references
        self._pred: dict[date, list[str]] = {}
        self._gold: dict[date, list[list[str]]] = {}

    def counts(self, pred_day: date, gold_day: date, n: int) -> RougeCounts:
        if pred_day not in self._pred:
            self._pred[pred_day] = rouge_tokens(_summary(self._predicted, pred_day))
        if gold_day not in self._gold:
            self._gold[gold_day] = [
                rouge_tokens(_summary(ref, gold_day)) for ref in self._references
            ]
        return rouge_n_counts_from_tokens(self._pred[pred_day], self._gold[gold_day], n)


def date_f1(predicted: TimelineLike, gold: Gold) -> Scores:
    """Precision, recall and F1 of the predicted dates against the gold dates."""
    pred_dates = set(predicted)
    gold_dates = _gold_dates(_references(gold))
    both = len(pred_dates & gold_dates)
    precision = _ratio(both, len(pred_dates))
    return Scores.from_precision_recall(precision, _ratio(both, len(gold_dates)))


def concat_rouge(predicted: TimelineLike, gold: Gold) -> RougeScores:
    """ROUGE of the whole timelines, each pooled into one summary in date order."""
    references = _references(gold)

    def pooled(timeline: TimelineLike) -> list[str]:
        return rouge_tokens(s for day in sorted(timeline) for s in _summary(timeline, day))

    pred_tokens = pooled(predicted)
    gold_tokens = [pooled(reference) for reference in references]
    by_order = []
    for n in ORDERS:
        counts = rouge_n_counts_from_tokens(pred_tokens, gold_tokens, n)
        by_order.append(Scores.from_precision_recall(counts.precision, counts.recall))
    return RougeScores(*by_order)


def agreement_rouge(predicted: TimelineLike, gold: Gold) -> RougeScores:
    """ROUGE comparing summaries of the same date only."""
    references = _references(gold)
    gold_dates = _gold_dates(references)
    tokens = _Tokens(predicted, references)
    sums = {n: _Sums() for n in ORDERS}
    for day in sorted(set(predicted) | gold_dates):
        for n in ORDERS:
            counts = tokens.counts(day, day, n)
            if day in predicted:
                sums[n].precision_hits += counts.hits
                sums[n].precision_total += counts.predicted
            if day in gold_dates:
                sums[n].recall_hits += counts.hits
                sums[n].recall_total += counts.reference
    return RougeScores(*(sums[n].scores() for n in ORDERS))


def align_m1_rouge(predicted: TimelineLike, gold: Gold) -> RougeScores:
    """ROUGE over a many-to-one date alignment by date distance and content (align+ m:1)."""
    references = _references(gold)
    pred_dates = sorted(predicted)
    gold_dates = sorted(_gold_dates(references))
    if not pred_dates or not gold_dates:
        return RougeScores(_ZERO, _ZERO)
    costs = _alignment_costs(predicted, references, pred_dates, gold_dates)
    to_gold = [gold_dates[_argmin(row)] for row in costs]
    to_pred = [pred_dates[_argmin(column)] for column in zip(*costs, strict=True)]
    tokens = _Tokens(predicted, references)
    sums = {n: _Sums() for n in ORDERS}
    for n in ORDERS:
        for pred_day, gold_day in zip(pred_dates, to_gold, strict=True):
            counts = tokens.counts(pred_day, gold_day, n)
            sums[n].precision_hits += _closeness(pred_day, gold_day) * counts.hits
            sums[n].precision_total += counts.predicted
        for pred_day, gold_day in zip(to_pred, gold_dates, strict=True):
            counts = tokens.counts(pred_day, gold_day, n)
            sums[n].recall_hits += _closeness(pred_day, gold_day) * counts.hits
            sums[n].recall_total += counts.reference
    return RougeScores(*(sums[n].scores() for n in ORDERS))


def _closeness(first: date, second: date) -> float:
    """1 for the same day, 1/2 a day apart, 1/3 two days apart, and so on."""
    return 1 / (abs((first - second).days) + 1)


def _argmin(values: Sequence[float]) -> int:
    # min() keeps the first of equal values, so ties go to the earliest date.
    return min(range(len(values)), key=values.__getitem__)


def _alignment_costs(
    predicted: TimelineLike,
    references: Sequence[TimelineLike],
    pred_dates: Sequence[date],
    gold_dates: Sequence[date],
) -> list[list[float]]:
    """Cost of aligning each predicted date (rows) with each gold date (columns)."""
    pred_words = {day: _content_words(_summary(predicted, day)) for day in pred_dates}
    gold_words = {day: [_content_words(_summary(r, day)) for r in references] for day in gold_dates}
    return [
        [
            (1 - _closeness(pred_day, gold_day))
            * (1 - _rough_rouge1_f(pred_words[pred_day], gold_words[gold_day]))
            for gold_day in gold_dates
        ]
        for pred_day in pred_dates
    ]


def _content_words(sentences: Iterable[str]) -> Counter[str]:
    # Deliberately a substring test against string.punctuation, as in the reference
    # implementation: it drops single punctuation marks and runs such as "()" or "--" alike.
    return Counter(t for s in sentences for t in s.split() if t not in string.punctuation)


def _rough_rouge1_f(predicted: Counter[str], references: Sequence[Counter[str]]) -> float:
    """Unstemmed, case-sensitive ROUGE-1 F1 that scales an alignment cost."""
    hits = sum(min(count, ref[word]) for word, count in predicted.items() for ref in references)
    precision = _ratio(hits, len(references) * sum(predicted.values()))
    recall = _ratio(hits, sum(sum(ref.values()) for ref in references))
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def evaluate_timeline(predicted: TimelineLike, gold: Gold) -> TimelineScores:
    """Date F1 and the three ROUGE variants of one predicted timeline.

    Predicted sentences are scored PTB-tokenised, as the gold is (see :mod:`.tokens`).
    """
    predicted = {day: tokenised_summary(sentences) for day, sentences in predicted.items()}
    return TimelineScores(
        dates=date_f1(predicted, gold),
        concat=concat_rouge(predicted, gold),
        agreement=agreement_rouge(predicted, gold),
        align_m1=align_m1_rouge(predicted, gold),
    )


def mean_scores(scores: Iterable[Scores]) -> Scores:
    """Average over timelines as the field does: mean precision and mean recall, then F1."""
    items = list(scores)
    if not items:
        raise ValueError("cannot average an empty list of scores")
    precision = sum(s.precision for s in items) / len(items)
    recall = sum(s.recall for s in items) / len(items)
    return Scores.from_precision_recall(precision, recall)

"""Timeline metrics on tiny timelines whose scores are worked out by hand in the comments.

Token notes used throughout: "hits" stems to "hit", "closes" to "close", "bridge" to "bridg";
"the", "and", "of" are stopwords; "," and "." are dropped punctuation.
"""

from __future__ import annotations

from datetime import date

import pytest

from dateline.evaluate import (
    Scores,
    Timeline,
    agreement_rouge,
    align_m1_rouge,
    concat_rouge,
    date_f1,
    evaluate_timeline,
    mean_scores,
    ngram_counts,
    rouge_n,
    rouge_n_counts,
    rouge_tokens,
)

D1, D2, D3 = date(2020, 1, 1), date(2020, 1, 2), date(2020, 1, 3)

# Gold:      D1 "storm hits coast"   -> storm hit coast
#            D3 "flood closes bridge" -> flood close bridg
# Predicted: D1 "storm hits town"    -> storm hit town
#            D2 "flood closes road"  -> flood close road
GOLD = Timeline({D1: ["storm hits coast"], D3: ["flood closes bridge"]})
PRED = Timeline({D1: ["storm hits town"], D2: ["flood closes road"]})


def close(scores: Scores, precision: float, recall: float, f1: float) -> bool:
    expected = (precision, recall, f1)
    actual = (scores.precision, scores.recall, scores.f1)
    return actual == pytest.approx(expected, abs=1e-12)


# --- tokens and plain ROUGE -------------------------------------------------------------------


def test_tokens_are_lowercased_stemmed_and_stripped_of_stopwords_and_punctuation() -> None:
    # "The" and "of" are stopwords, "," and "." punctuation; "Storms" -> "storms" -> "storm".
    assert rouge_tokens(["The Storms of Texas , flooding ."]) == ["storm", "texa", "flood"]


def test_tokens_pool_sentences_so_bigrams_span_sentence_and_stopword_gaps() -> None:
    tokens = rouge_tokens(["storm of the year", "flood"])  # -> storm year flood
    assert tokens == ["storm", "year", "flood"]
    assert ngram_counts(tokens, 2) == {("storm", "year"): 1, ("year", "flood"): 1}


def test_other_punctuation_tokens_are_kept() -> None:
    # Only . , ; : `` '' - and " are dropped; brackets and "?" count as tokens.
    assert rouge_tokens(["-LRB- storm ? -RRB-"]) == ["-lrb-", "storm", "?", "-rrb-"]


def test_rouge_n_counts_clip_repeated_ngrams() -> None:
    # pred: storm storm storm (3 unigrams), ref: storm coast -> hits min(3, 1) = 1
    counts = rouge_n_counts(["storm storm storm"], [["storm coast"]], 1)
    assert (counts.hits, counts.predicted, counts.reference) == (1, 3, 2)
    assert close(rouge_n(["storm storm storm"], [["storm coast"]], 1), 1 / 3, 1 / 2, 0.4)


def test_several_references_sum_hits_and_multiply_the_precision_denominator() -> None:
    # pred storm hit coast vs refs [storm hit coast] and [storm]:
    # hits 3 + 1 = 4, precision denominator 2 refs * 3 = 6, recall denominator 3 + 1 = 4
    # P = 4/6, R = 4/4, F = 2 * (2/3) * 1 / (5/3) = 0.8
    scores = concat_rouge({D1: ["storm hits coast"]}, [{D1: ["storm hits coast"]}, {D1: ["storm"]}])
    assert close(scores.rouge_1, 2 / 3, 1.0, 0.8)


# --- date F1 ----------------------------------------------------------------------------------

DATE_TABLE = [
    # predicted dates, gold dates, P, R, F
    ({D1, D2}, {D1, D2}, 1.0, 1.0, 1.0),
    ({D1}, {D1, D2}, 1.0, 0.5, 2 / 3),  # F = 2 * 1 * .5 / 1.5
    ({D1, D2, D3, date(2020, 1, 4)}, {D1}, 0.25, 1.0, 0.4),  # F = 2 * .25 / 1.25
    ({D1, D2}, {D1, D3}, 0.5, 0.5, 0.5),
    ({D2}, {D1, D3}, 0.0, 0.0, 0.0),
    (set(), {D1}, 0.0, 0.0, 0.0),  # empty prediction scores 0 rather than dividing by zero
]


@pytest.mark.parametrize(("pred", "gold", "precision", "recall", "f1"), DATE_TABLE)
def test_date_f1_table(
    pred: set[date], gold: set[date], precision: float, recall: float, f1: float
) -> None:
    predicted = {day: ["x"] for day in pred}
    reference = {day: ["x"] for day in gold}
    assert close(date_f1(predicted, reference), precision, recall, f1)


# --- the three ROUGE variants on the two-date example ---------------------------------------


def test_concat_on_two_dates() -> None:
    # pooled pred: storm hit town flood close road (6); gold: storm hit coast flood close bridg (6)
    # R1 hits: storm hit flood close = 4 -> P = R = F = 4/6
    # bigrams pred: storm-hit hit-town town-flood flood-close close-road (5)
    #         gold: storm-hit hit-coast coast-flood flood-close close-bridg (5)
    # R2 hits: storm-hit, flood-close = 2 -> P = R = F = 2/5
    scores = concat_rouge(PRED, GOLD)
    assert close(scores.rouge_1, 4 / 6, 4 / 6, 4 / 6)
    assert close(scores.rouge_2, 0.4, 0.4, 0.4)


def test_agreement_on_two_dates() -> None:
    # D1 both: R1 hits 2 (storm, hit), pred 3, gold 3; R2 hits 1 (storm-hit), pred 2, gold 2
    # D2 predicted only: R1 pred 3, R2 pred 2, no hits
    # D3 gold only: R1 gold 3, R2 gold 2, no hits
    # R1: P = 2 / (3 + 3) = 1/3, R = 2 / (3 + 3) = 1/3
    # R2: P = 1 / (2 + 2) = 1/4, R = 1 / (2 + 2) = 1/4
    scores = agreement_rouge(PRED, GOLD)
    assert close(scores.rouge_1, 1 / 3, 1 / 3, 1 / 3)
    assert close(scores.rouge_2, 0.25, 0.25, 0.25)


def test_align_m1_on_two_dates() -> None:
    # Cost = (1 - 1/(days + 1)) * (1 - rough ROUGE-1 F of the unstemmed words):
    #            gold D1                     gold D3
    # pred D1    0 * (1 - 2/3) = 0           (2/3) * (1 - 0) = 2/3
    # pred D2    (1/2) * (1 - 0) = 1/2       (1/2) * (1 - 2/3) = 1/6
    # precision rows: D1 -> D1, D2 -> D3; recall columns: D1 <- D1, D3 <- D2
    # R1: pair D1/D1 weight 1, hits 2; pair D2/D3 weight 1/2, hits 2 (flood, close)
    #     P = (2 + 2/2) / (3 + 3) = 1/2, R = (2 + 2/2) / (3 + 3) = 1/2
    # R2: pair D1/D1 hits 1 (storm-hit); pair D2/D3 hits 1 (flood-close)
    #     P = (1 + 1/2) / (2 + 2) = 3/8, R = 3/8
    scores = align_m1_rouge(PRED, GOLD)
    assert close(scores.rouge_1, 0.5, 0.5, 0.5)
    assert close(scores.rouge_2, 0.375, 0.375, 0.375)


def test_align_m1_lets_several_predicted_dates_share_one_gold_date() -> None:
    # gold D1 "storm hits coast"; pred D1 and D2 both "storm hits coast"
    # precision: both predicted dates align with the only gold date
    #   R1 = (1 * 3 + 1/2 * 3) / (3 + 3) = 0.75
    # recall: costs for gold D1 are 0 (pred D1) and 1/2 * (1 - 1) = 0 (pred D2): a tie,
    #   the earliest predicted date wins -> R = 3/3 = 1
    # F = 2 * 0.75 * 1 / 1.75 = 6/7
    pred = {D1: ["storm hits coast"], D2: ["storm hits coast"]}
    scores = align_m1_rouge(pred, {D1: ["storm hits coast"]})
    assert close(scores.rouge_1, 0.75, 1.0, 6 / 7)


def test_align_m1_ties_go_to_the_earliest_date_even_when_a_later_one_is_exact() -> None:
    # gold D2 "storm hits coast"; pred D1 and D2 both "storm hits coast"
    # recall costs for gold D2: pred D1 (1/2) * (1 - 1) = 0, pred D2 0 * 0 = 0 -> tie -> pred D1,
    #   weighted 1/2: R1 = (1/2 * 3) / 3 = 0.5
    # precision: pred D1 -> D2 weight 1/2, pred D2 -> D2 weight 1: P1 = (1.5 + 3) / 6 = 0.75
    # F = 2 * 0.75 * 0.5 / 1.25 = 0.6
    pred = {D1: ["storm hits coast"], D2: ["storm hits coast"]}
    scores = align_m1_rouge(pred, {D2: ["storm hits coast"]})
    assert close(scores.rouge_1, 0.75, 0.5, 0.6)


# --- identical, disjoint and empty timelines --------------------------------------------------


def test_identical_timelines_score_one_everywhere() -> None:
    result = evaluate_timeline(GOLD, GOLD)
    for scores in (
        result.dates,
        result.concat.rouge_1,
        result.concat.rouge_2,
        result.agreement.rouge_1,
        result.agreement.rouge_2,
        result.align_m1.rouge_1,
        result.align_m1.rouge_2,
    ):
        assert close(scores, 1.0, 1.0, 1.0)


def test_disjoint_timelines_score_zero_everywhere() -> None:
    other = {D2: ["market rally lifts shares"], date(2020, 2, 1): ["court verdict expected"]}
    result = evaluate_timeline(other, GOLD)
    for scores in (
        result.dates,
        result.concat.rouge_1,
        result.concat.rouge_2,
        result.agreement.rouge_1,
        result.agreement.rouge_2,
        result.align_m1.rouge_1,
        result.align_m1.rouge_2,
    ):
        assert close(scores, 0.0, 0.0, 0.0)


def test_empty_prediction_scores_zero_instead_of_failing() -> None:
    result = evaluate_timeline({}, GOLD)
    assert close(result.concat.rouge_1, 0.0, 0.0, 0.0)
    assert close(result.align_m1.rouge_2, 0.0, 0.0, 0.0)


def test_no_gold_timeline_is_an_error() -> None:
    with pytest.raises(ValueError, match="gold"):
        date_f1(PRED, [])


# --- averaging --------------------------------------------------------------------------------


def test_mean_scores_average_precision_and_recall_before_f() -> None:
    # P mean (1 + 0) / 2 = 0.5, R mean (0 + 1) / 2 = 0.5 -> F 0.5, although both F scores are 0
    averaged = mean_scores([Scores(1.0, 0.0, 0.0), Scores(0.0, 1.0, 0.0)])
    assert close(averaged, 0.5, 0.5, 0.5)


def test_mean_scores_of_uneven_pairs() -> None:
    # P mean (0.5 + 0.25) / 2 = 0.375, R mean (1 + 0.5) / 2 = 0.75
    # F = 2 * 0.375 * 0.75 / 1.125 = 0.5
    averaged = mean_scores([Scores(0.5, 1.0, 2 / 3), Scores(0.25, 0.5, 1 / 3)])
    assert close(averaged, 0.375, 0.75, 0.5)


def test_mean_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError, match="empty"):
        mean_scores([])

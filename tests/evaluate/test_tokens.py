"""Predicted sentences are scored PTB-tokenised, like the gold."""

from __future__ import annotations

from datetime import date

from dateline.evaluate import evaluate_timeline, looks_tokenised, ptb_tokenise


def test_plain_sentence_is_tokenised_the_treebank_way() -> None:
    assert ptb_tokenise("Officials didn't pay $2 million (yet).") == (
        "Officials did n't pay $ 2 million -LRB- yet -RRB- ."
    )


def test_tokenised_sentence_is_left_as_it_is() -> None:
    sentence = "The county 's survey found 450 houses damaged ."
    assert looks_tokenised(sentence)
    assert ptb_tokenise(sentence) == sentence


def test_display_and_tokenised_forms_score_the_same() -> None:
    gold = {date(2021, 3, 2): ["The river burst its banks , the county 's officials said ."]}
    shown = {date(2021, 3, 2): ["The river burst its banks, the county's officials said."]}
    tokenised = {date(2021, 3, 2): gold[date(2021, 3, 2)]}
    assert evaluate_timeline(shown, gold) == evaluate_timeline(tokenised, gold)
    assert evaluate_timeline(shown, gold).align_m1.rouge_2.f1 == 1.0

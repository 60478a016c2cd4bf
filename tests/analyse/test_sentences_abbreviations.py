"""Sentences go on after a title or month abbreviation, and still end at a line break."""

from __future__ import annotations

import pytest

from dateline.analyse.nlp import Analyzer


def sentences(analyzer: Analyzer, text: str) -> list[str]:
    return [s.text for s in next(analyzer.analyse([("d", text)])).sentences]


@pytest.mark.parametrize(
    "text, first",
    [
        (
            "The talks were led by Deputy Minister Sen. Lieut. Gen. Tran Van Minh and the "
            "envoy Ruth Kole. They lasted two hours.",
            "The talks were led by Deputy Minister Sen. Lieut. Gen. Tran Van Minh and the "
            "envoy Ruth Kole.",
        ),
        (
            "The drill was opened by Lt. Col. Mara Dunn and Maj. Leo Park of the naval "
            "station. Crews then sailed north.",
            "The drill was opened by Lt. Col. Mara Dunn and Maj. Leo Park of the naval station.",
        ),
        (
            "The release was signed by the Hon. Olwen Ribbe and Senator the Hon. Dara Quist "
            "on Monday. Both then left for the port.",
            "The release was signed by the Hon. Olwen Ribbe and Senator the Hon. Dara Quist "
            "on Monday.",
        ),
        (
            "Staff must report back by Nov. 12 at the latest, the plant said. Lines restart "
            "in December.",
            "Staff must report back by Nov. 12 at the latest, the plant said.",
        ),
    ],
)
def test_an_abbreviation_before_a_name_or_day_ends_no_sentence(
    analyzer: Analyzer, text: str, first: str
) -> None:
    found = sentences(analyzer, text)
    assert found[0] == first
    assert len(found) == 2


def test_full_words_and_line_breaks_still_end_sentences(analyzer: Analyzer) -> None:
    assert sentences(analyzer, "She thanked the general. Then she flew home.") == [
        "She thanked the general.",
        "Then she flew home.",
    ]
    cut = sentences(analyzer, "The guests were greeted by Mr.\nThe ministers met at noon.")
    assert cut[0] == "The guests were greeted by Mr."


def test_a_cut_inside_a_line_after_a_word_is_undone(analyzer: Analyzer) -> None:
    # the small model cuts a folded two-word place name and an ordinal from what follows
    text = (
        "Coast guards meet\n\n"
        "Hà Nội hosted the 4th Việt Nam–Japan Coast Guard Forum on June 3, with Rear Admiral "
        "Lê Văn Hải chairing the session. The two delegations signed a plan."
    )
    found = sentences(analyzer, text)
    assert found[0] == "Coast guards meet"
    assert found[1].startswith("Hà Nội hosted the 4th Việt Nam–Japan Coast Guard Forum")
    assert found[1].endswith("chairing the session.")
    assert found[2] == "The two delegations signed a plan."

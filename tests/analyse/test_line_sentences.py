"""Sentences end at line breaks in one-sentence-a-line text, and only there."""

from __future__ import annotations

from dateline.analyse.nlp import Analyzer, lines_are_sentences

ONE_A_LINE = (
    "Flood closes rail line\n"
    "The river Alder burst its banks at Fenwick on Tuesday .\n"
    "Officials said 2,000 people had left their homes , and more would follow .\n"
)
WRAPPED = (
    "The river Alder burst its banks at Fenwick on Tuesday, and officials said that\n"
    "about 2,000 people had left their homes by the evening, while the county asked\n"
    "the army for boats. The rail line to the coast was closed.\n"
)


def sentence_texts(analyzer: Analyzer, text: str) -> list[str]:
    [analysis] = analyzer.analyse([("d", text)])
    return [s.text for s in analysis.sentences]


def test_each_line_is_its_own_sentence(analyzer: Analyzer) -> None:
    assert lines_are_sentences(ONE_A_LINE)
    assert sentence_texts(analyzer, ONE_A_LINE) == [
        "Flood closes rail line",
        "The river Alder burst its banks at Fenwick on Tuesday .",
        "Officials said 2,000 people had left their homes , and more would follow .",
    ]


def test_hard_wrapped_text_keeps_sentences_across_lines(analyzer: Analyzer) -> None:
    assert not lines_are_sentences(WRAPPED)
    texts = sentence_texts(analyzer, WRAPPED)
    assert texts[0].startswith("The river Alder") and texts[0].endswith("for boats.")
    assert texts[1] == "The rail line to the coast was closed."

"""Detokenising PTB text as replacement edits, and prefixes glued before a first sentence."""

from __future__ import annotations

import pytest

from dateline.clean import OffsetMap, apply_edits, clean
from dateline.clean.detok import detokenise_edits, looks_tokenised

TOKENISED = (
    "Officials do n't know -LRB- yet -RRB- how many homes were lost , the county said .\n"
    "`` It 's bad , '' said the mayor , who asked for $ 5 million .\n"
)


def test_detokenised_text_reads_as_ordinary_text() -> None:
    assert looks_tokenised(TOKENISED)
    assert apply_edits(TOKENISED, detokenise_edits(TOKENISED)) == (
        "Officials don't know (yet) how many homes were lost, the county said.\n"
        '"It\'s bad," said the mayor, who asked for $5 million.\n'
    )


def test_words_keep_their_raw_offsets() -> None:
    result = clean(TOKENISED)
    offsets = OffsetMap(result.edits)
    for word in ("Officials", "homes", "county", "mayor", "million"):
        start = result.text.index(word)
        a, b = offsets.span_to_raw(start, start + len(word))
        assert TOKENISED[a:b] == word
    start = result.text.index("(yet)")
    a, b = offsets.span_to_raw(start, start + len("(yet)"))
    assert TOKENISED[a:b] == "-LRB- yet -RRB-"


@pytest.mark.parametrize(
    "text",
    [
        "Officials don't know how many homes were lost, the county said. The mayor agreed.",
        "The price rose to $5 (about 4 euros) , a trader said.",  # one stray space is not PTB
        "A short line .",  # too little to tell
    ],
)
def test_ordinary_text_is_not_taken_for_tokenised(text: str) -> None:
    assert not looks_tokenised(text)
    assert clean(text).text == text


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("By the CNN Wire Staff Rebels took the town on Sunday, officials said.",
         "Rebels took the town on Sunday, officials said."),
        ("By Ann Lee BBC News, Cairo Crowds filled the square again on Friday.",
         "Crowds filled the square again on Friday."),
        ("CAIRO | Fri Feb 4, 2011 9:10 am EST CAIRO (Reuters) - Crowds filled the square.",
         "CAIRO (Reuters) - Crowds filled the square."),
        ("By Friday the water had gone from the streets of the town.",
         "By Friday the water had gone from the streets of the town."),
        ("By Jane Roe, CNN Student News anchor, met the mayor.",
         "By Jane Roe, CNN Student News anchor, met the mayor."),
    ],
)  # fmt: skip
def test_glued_prefixes_are_cut_and_sentences_kept(line: str, kept: str) -> None:
    assert clean(line + "\nThe county said more rain was due.\n").text.startswith(kept + "\n")

"""An amount written before a noun is that noun's ("a $2 billion deal"), also with its
conversion in brackets. Own-words articles."""

from __future__ import annotations

import pytest

from dateline.analyse.nlp import Analyzer
from tests.extract.test_figures_parse import figures, one


@pytest.mark.parametrize(
    ("text", "value", "unit", "subject"),
    [
        ("The minister praised the US$2 billion deal on Tuesday.", 2e9, "USD", "deal"),
        (
            "The coast guard will buy four cutters under its A$3 billion ($1.9 billion) program.",
            3e9,
            "AUD",
            "program",
        ),
        (
            "The coast guard will buy four cutters under its A$3 billion ($1.9 billion) program.",
            1.9e9,
            "USD",
            "program",
        ),
        (
            "Norrland Yards will deliver the country's new A$3 billion ($1.9 billion) cutter "
            "program, the minister said.",
            3e9,
            "AUD",
            "cutter program",
        ),
    ],
)
def test_an_amount_before_a_noun_is_that_nouns(
    analyzer: Analyzer, text: str, value: float, unit: str, subject: str
) -> None:
    assert one(figures(analyzer, text), value, unit).subject == subject

"""The summary check: news sentences pass, page furniture and fragments are named."""

from __future__ import annotations

import pytest

from dateline.summarise.checks import summary_flaw


@pytest.mark.parametrize(
    "sentence",
    [
        "The two defence ministers signed a memorandum on coast guard training in Manila.",
        "Dockworkers ended their walkout on Friday after the port authority raised its offer.",
        '"We will keep talking until there is a deal," the union\'s president told reporters.',
    ],
)
def test_a_news_sentence_has_no_flaw(sentence: str) -> None:
    assert summary_flaw(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("Photo: Ana Cruz/Agence Presse", "page furniture"),
        ("By Tom Reyes, Labour Correspondent", "page furniture"),
        ("Updated March 3, 2025 at 9:15 a.m. EST", "page furniture"),
        ("At 10:02 5th May 2011 , harbourwatcher wrote : nobody asked the crews.", "comment"),
        ("and the talks resumed two days later in the capital.", "starts mid-sentence"),
        ("Port strike widens", "too short"),
        ("Crews picket the gate at the container terminal as ships wait offshore", "no end"),
        ("PORTVILLE — The harbour board met the crane drivers' union on Tuesday.", "metadata"),
    ],
)
def test_furniture_and_fragments_are_named(sentence: str, why: str) -> None:
    flaw = summary_flaw(sentence)
    assert flaw is not None and why in flaw

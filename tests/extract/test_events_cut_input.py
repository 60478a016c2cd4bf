"""Hostile input for the ceremony, visit, return-to-work, vote, weekday and letter rules:
excerpts cut mid-word, punctuation only, mojibake, text with no names. Nothing crashes
and no cut-off token becomes a party, place or speaker (articles written for these
tests)."""

from __future__ import annotations

import pytest

from dateline.cluster.events import cluster_events
from dateline.extract.promises import match_promises
from tests.extract.articles import Chain

ARTICLES: dict[str, tuple[str | None, str]] = {
    "empty": (None, ""),
    "punctuation": ("2023-11-09", "!!! ... ??? ,,, ;; — … “ ” ( ) [ ]\n.\n"),
    "no names": (
        None,
        "it rained all week. they went back to work on monday. the opening ceremony ended. "
        "the ceremony. flew to",
    ),
    "mojibake": (
        "2023-11-09",
        "Deputy Minister Edda Lorne flew to KestrÃ©l on Tuesday to help settle the "
        "disputeâ€™s last points. The opening ceremony began; in her remarks Ã© praised "
        "the ceremony.",
    ),
    "cut ceremony": ("2023-11-09", "Vice Admiral Ines Carvalho led the opening cerem"),
    "cut visit": ("2023-11-09", "Deputy Minister Edda Lorne flew on Tuesday to Kestr"),
    "cut letter": (
        "2023-11-09",
        "Minister Edda Lorne met Tarn officials. A letter from the Tarn Deputy Min",
    ),
    "cut title": (
        None,
        "Dockers walked out on Monday. The rally was opened by Rosa Vell, President of "
        "Tarn Workers Union Loc",
    ),
    "cut vote": (None, "The drivers' union told members that Harlow staff voted 58% agai"),
}


@pytest.fixture(scope="module")
def chain() -> Chain:
    return Chain.of(ARTICLES)


def test_nothing_crashes_and_cut_words_name_no_one(chain: Chain) -> None:
    mentions = [m for doc in ARTICLES for m in chain.mentions(doc)]
    promises = [p for doc in ARTICLES for p in chain.promises(doc)]
    events = cluster_events(mentions, chain.resolution.entities)
    texts = {doc: text for doc, (_, text) in ARTICLES.items()}
    match_promises(promises, events, chain.resolution.entities, texts)
    cut = {"Kestr", "Min", "Loc", "cerem", "agai"}
    for m in mentions:
        named = {p.name.split()[-1] for p in m.participants} | {m.location or ""}
        assert not named & cut, m
    assert all((p.actor or "").split()[-1:] != ["Min"] for p in promises)


def test_a_text_with_no_names_still_finds_no_parties(chain: Chain) -> None:
    assert all(not m.participants for m in chain.mentions("no names"))
    assert chain.mentions("empty") == [] and chain.promises("punctuation") == []

"""The body that announces how its members voted takes part in the vote (invented
union, company and people, through the real English model)."""

from __future__ import annotations

import pytest

from tests.extract.articles import Chain, party_names

ARTICLES: dict[str, tuple[str | None, str]] = {
    "tally": (
        "2023-11-09",
        "The drivers' union told members by email that Harlow Corp. staff voted 58% "
        "against the revised pay package. Rosa Kettering, who leads the Kestrel Transport "
        "Workers Union, expects the bargaining team to meet again soon.\n",
    ),
    "named": (
        "2023-11-09",
        "Harlow Corp. said that the Kestrel Transport Workers Union voted to reject the "
        "newest wage proposal.\n",
    ),
}


@pytest.fixture(scope="module")
def chain() -> Chain:
    return Chain.of(ARTICLES)


def test_the_union_announcing_a_members_vote_takes_part(chain: Chain) -> None:
    (vote,) = [m for m in chain.mentions("tally") if m.type == "REJECT"]
    assert "Kestrel Transport Workers Union" in party_names(vote)
    assert "Harlow Corp." in party_names(vote)


def test_a_company_reporting_a_named_union_vote_does_not(chain: Chain) -> None:
    (vote,) = [m for m in chain.mentions("named") if m.type == "REJECT"]
    assert "Kestrel Transport Workers Union" in party_names(vote)
    assert "Harlow Corp." not in party_names(vote)

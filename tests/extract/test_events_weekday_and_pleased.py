"""A deal the speaker is pleased to have reached is dated by the saying; a weekday in an
undated article is kept, not resolved (invented company and union, through the real
English model)."""

from __future__ import annotations

import pytest

from tests.extract.articles import Chain

ARTICLES: dict[str, tuple[str | None, str]] = {
    "pleased": (
        "2023-11-09",
        "Harlow Corp. chief executive Dana Whitfield said in a note to staff Tuesday "
        "evening that she was pleased to have reached an agreement.\n",
    ),
    "undated": (
        None,
        "Drivers represented by the Kestrel Transport Workers Union voted to approve a new "
        "contract with Harlow Corp. on Monday.\n",
    ),
}


@pytest.fixture(scope="module")
def chain() -> Chain:
    return Chain.of(ARTICLES)


def test_a_deal_one_is_pleased_to_have_reached_is_dated_by_the_saying(chain: Chain) -> None:
    (deal,) = [m for m in chain.mentions("pleased") if m.type == "AGREE"]
    assert deal.date == "2023-11-07"
    assert "Dana Whitfield" in [p.name for p in deal.participants]


def test_a_weekday_in_an_undated_article_is_kept_but_not_a_date(chain: Chain) -> None:
    (deal,) = [m for m in chain.mentions("undated") if m.type == "AGREE"]
    assert (deal.date, deal.day, deal.weekday) == (None, None, 0)

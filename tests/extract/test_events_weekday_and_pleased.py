"""A deal the speaker is pleased to have reached is dated by the saying; a weekday in an
undated article is kept, not resolved (invented company and union, through the real
English model)."""

from __future__ import annotations

import pytest

from tests.extract.articles import Chain

ARTICLES: dict[str, tuple[str | None, str]] = {
    "pleased": (
        "2023-11-09",
        "Dana Whitfield, who runs Harlow Corp., told drivers on Tuesday that she was "
        "pleased to have reached an agreement with their union.\n",
    ),
    "undated": (
        None,
        "On Monday, Kestrel Transport Workers Union members voted to accept a four-year "
        "pay deal with Harlow Corp.\n",
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

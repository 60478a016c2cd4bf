"""A present perfect opening an article reports its news; one in the body, or a count,
sums up. Articles invented for these tests."""

from __future__ import annotations

from tests.extract.articles import Chain

LEDE = (
    "Norrland Ports and the Harbour Pilots Union have reached a tentative agreement to end "
    "a strike by 900 pilots.\n\n"
    "Members will vote on the deal next week.\n"
)
SUMMING_UP = (
    "Members of the Harbour Pilots Union voted on Monday to accept the contract.\n\n"
    "Pilots returned to the port on Tuesday.\n\n"
    "The union said crews would be paid for waiting time.\n\n"
    "Officials said traffic was back to normal.\n\n"
    "Norrland Ports and the Harbour Pilots Union have reached a deal on pay before.\n"
)


def test_a_deal_reported_in_the_perfect_in_the_lede_is_the_articles_news() -> None:
    chain = Chain.of({"lede": ("2025-03-11", LEDE)})
    deals = [m for m in chain.mentions("lede") if m.kind == "deal"]
    assert [m.date for m in deals] == ["2025-03-11"]
    assert {p.name for p in deals[0].participants} == {"Norrland Ports", "Harbour Pilots Union"}


def test_a_perfect_after_the_lede_sums_up() -> None:
    chain = Chain.of({"body": ("2025-03-11", SUMMING_UP)})
    last = SUMMING_UP.rindex("Norrland")
    assert [m.trigger for m in chain.mentions("body") if m.trigger_start >= last] == []


def test_a_count_in_the_perfect_sums_up_even_in_the_lede() -> None:
    chain = Chain.of(
        {"count": ("2025-03-11", "Norrland Ports has signed 40 contracts with pilot unions.\n")}
    )
    assert not chain.mentions("count")

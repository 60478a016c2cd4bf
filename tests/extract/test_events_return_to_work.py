"""Strikers going back to work are an event of their own, dated like the news; a clause
opened by "after" in the past tense happened, whatever its sentence says of the future
(invented company and union, through the real English model)."""

from __future__ import annotations

import pytest

from dateline.extract.events import EventMention
from tests.extract.articles import Chain

ARTICLES: dict[str, tuple[str | None, str]] = {
    "restart": (
        "2023-11-09",
        "Harlow Corp. will run a reduced bus timetable for a month after its drivers "
        "returned from their walkout.\n",
    ),
    "monday": (
        "2023-11-09",
        "Drivers at Harlow Corp. returned to work on Monday.\n",
    ),
    "back": (
        "2023-11-09",
        "Drivers at Harlow Corp. went back to their jobs on Monday.\n",
    ),
    "duty": (
        "2023-11-09",
        "Harlow Corp. drivers returned to duty on Monday.\n",
    ),
    "parcels": (
        "2023-11-09",
        "Harlow Corp. returned the unpaid invoices to the Kestrel Transport Workers Union "
        "on Monday.\n",
    ),
    "reopen": (
        "2023-11-09",
        "Harlow Corp. will reopen its depots after the Kestrel Transport Workers Union "
        "rejected the wage offer on Monday.\n",
    ),
    "later": (
        "2023-11-09",
        "Harlow Corp. said it would restart its depots once drivers return to work.\n",
    ),
}


@pytest.fixture(scope="module")
def chain() -> Chain:
    return Chain.of(ARTICLES)


def returns(chain: Chain, doc: str) -> list[EventMention]:
    return [m for m in chain.mentions(doc) if m.kind == "return"]


def test_a_return_in_an_after_clause_is_the_news_of_the_day(chain: Chain) -> None:
    (back,) = returns(chain, "restart")
    assert (back.type, back.date, back.from_published) == ("RESUME", "2023-11-09", True)
    assert [p.name for p in back.participants] == ["Harlow Corp."]


@pytest.mark.parametrize("doc", ["monday", "back", "duty"])
def test_a_dated_return_to_work(chain: Chain, doc: str) -> None:
    (back,) = returns(chain, doc)
    assert back.date == "2023-11-06"
    assert [p.name for p in back.participants] == ["Harlow Corp."]


def test_things_returned_and_returns_to_come_are_no_return_to_work(chain: Chain) -> None:
    assert not returns(chain, "parcels")
    assert not returns(chain, "later")


def test_a_past_act_after_which_something_will_happen_did_happen(chain: Chain) -> None:
    (rejection,) = [m for m in chain.mentions("reopen") if m.type == "REJECT"]
    assert (rejection.date, rejection.mode) == ("2023-11-06", "happened")

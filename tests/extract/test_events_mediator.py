"""A mediator travelling to a place to step into a dispute: the trip is an event, the
place is where, and the sides of the dispute reported before take part (invented
company, union and people, through the real English model)."""

from __future__ import annotations

import pytest

from dateline.extract.events import EventMention
from tests.extract.articles import Chain

ARTICLES: dict[str, tuple[str | None, str]] = {
    "mediator": (
        "2023-11-09",
        "Harlow Corp. and the Kestrel Transport Workers Union held wage talks last week "
        "without result.\n\n"
        "On Tuesday, Deputy Labour Minister Ines Carvalho travelled to Lisbon to help "
        "settle the pay dispute.\n",
    ),
    "holiday": (
        "2023-11-09",
        "Harlow Corp. and the Kestrel Transport Workers Union held wage talks last week "
        "without result.\n\n"
        "On Tuesday, Deputy Labour Minister Ines Carvalho travelled to Lisbon for a "
        "holiday.\n",
    ),
    "drones": (
        "2023-11-09",
        "Surveillance drones flew to Lisbon on Tuesday to help end the pay dispute.\n",
    ),
}


@pytest.fixture(scope="module")
def chain() -> Chain:
    return Chain.of(ARTICLES)


def trip(chain: Chain, doc: str) -> EventMention:
    (found,) = [m for m in chain.mentions(doc) if m.kind == "visit"]
    return found


def test_a_mediator_flying_in_meets_both_sides(chain: Chain) -> None:
    m = trip(chain, "mediator")
    assert m.date == "2023-11-07"
    names = [p.name for p in m.participants]
    assert "Ines Carvalho" in names
    assert "Harlow Corp." in names and "Kestrel Transport Workers Union" in names
    assert "Lisbon" not in names and m.location == "Lisbon"


def test_a_trip_for_something_else_keeps_to_the_traveller(chain: Chain) -> None:
    m = trip(chain, "holiday")
    assert [p.name for p in m.participants] == ["Ines Carvalho"]


def test_things_flying_somewhere_are_no_visit(chain: Chain) -> None:
    assert not [m for m in chain.mentions("drones") if m.kind == "visit"]

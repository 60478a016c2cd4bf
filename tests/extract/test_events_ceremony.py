"""The opening ceremony of a joint undertaking is an event; a person who speaks at or
leads the ceremony named again takes part (invented people and places, through the real
English model)."""

from __future__ import annotations

import pytest

from dateline.extract.events import EventMention
from tests.extract.articles import Chain

ARTICLES: dict[str, tuple[str | None, str]] = {
    "opening": (
        "2023-06-12",
        "Northern Tide, a naval drill of two fleets, began with an opening ceremony in "
        "Bergen on Monday.\n\n"
        "In a short speech, Rear Admiral Tomas Lindqvist praised the ceremony as proof "
        "that the fleets can sail together.\n",
    ),
    "led": (
        "2023-06-12",
        "In Bergen on Monday, Vice Admiral Ines Carvalho led the closing ceremony of the "
        "harbour drill.\n",
    ),
    "two": (
        "2023-06-17",
        "Grey Heron, a harbour drill of two fleets, began with an opening ceremony in Split "
        "on Monday.\n\n"
        "The drill ended with a closing ceremony in Split on Friday.\n\n"
        "In a short speech, Rear Admiral Tomas Lindqvist praised the ceremony as proof that "
        "the fleets can sail together.\n",
    ),
    "wedding": (
        "2023-06-12",
        "Rear Admiral Tomas Lindqvist attended a wedding ceremony in Bergen on Monday.\n",
    ),
}


@pytest.fixture(scope="module")
def chain() -> Chain:
    return Chain.of(ARTICLES)


def ceremonies(chain: Chain, doc: str) -> list[EventMention]:
    return [m for m in chain.mentions(doc) if m.kind == "ceremony"]


def test_an_opening_ceremony_with_a_speaker_named_after_it(chain: Chain) -> None:
    (m,) = ceremonies(chain, "opening")
    assert (m.type, m.date) == ("COOPERATE", "2023-06-12")
    assert "Tomas Lindqvist" in [p.name for p in m.participants]


def test_leading_the_opening_ceremonies_is_taking_part(chain: Chain) -> None:
    (m,) = ceremonies(chain, "led")
    assert m.date == "2023-06-12"
    assert [p.name for p in m.participants] == ["Ines Carvalho"]


def test_any_other_ceremony_is_no_event(chain: Chain) -> None:
    assert not ceremonies(chain, "wedding")


def test_the_ceremony_named_again_is_the_last_one_reported(chain: Chain) -> None:
    opening, closing = sorted(ceremonies(chain, "two"), key=lambda m: m.trigger_start)
    assert (opening.date, closing.date) == ("2023-06-12", "2023-06-16")
    assert "Tomas Lindqvist" in [p.name for p in closing.participants]
    assert "Tomas Lindqvist" not in [p.name for p in opening.participants]

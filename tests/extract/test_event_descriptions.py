"""Parties given by a description rather than a name ("the union", "the head of the
ministry", "an offer made to X"), from invented articles through the real English model."""

from __future__ import annotations

import pytest

from dateline.extract.events import EventMention
from tests.extract.articles import Chain

ARTICLES: dict[str, tuple[str | None, str]] = {
    "union": (
        "2023-05-20",
        "Harlow Corp., the shipbuilder that employs 9,000 people in Tarrant, has bargained "
        "with the Ferrow Machinists Union since January.\n\n"
        "On Friday, the union rejected the shipbuilder's latest offer.\n",
    ),
    "members": (
        "2023-05-20",
        "The Ferrow Machinists Union has bargained with Harlow Corp. since January.\n\n"
        "On Thursday, union members voted to strike.\n",
    ),
    "branch": (
        "2023-05-20",
        "Jana Holt, president of Ferrow Machinists Union District 12, spoke to reporters "
        "outside the Harlow Corp. yard.\n\n"
        "On Friday, the union rejected the latest offer of Harlow Corp.\n",
    ),
    "siblings": (
        "2023-05-20",
        "Jana Holt of Ferrow Machinists Union District 12 and Omar Reyes of Ferrow "
        "Machinists Union District 40 spoke to reporters outside the Harlow Corp. yard.\n\n"
        "On Friday, the union rejected the latest offer of Harlow Corp.\n",
    ),
    "two": (
        "2023-05-20",
        "The Ferrow Machinists Union and the Tarrant Dockers Union both bargain with Harlow "
        "Corp. this spring.\n\n"
        "On Friday, the union rejected the latest offer of Harlow Corp.\n",
    ),
    "head": (
        "2023-04-12",
        "Defence Minister Ines Carvalho toured the naval base in Tarrant on Monday with "
        "officials of the Ministry of Defence and its spokesman Paulo Reis.\n\n"
        "On Tuesday, the head of the Ministry of Defence met with Tomas Lindqvist in Oslo.\n",
    ),
    "offer": (
        None,
        "Harlow Corp. withdrew on May 2, 2023 its final offer proposed to the Ferrow "
        "Machinists Union on April 20, 2023, which left the yard idle.\n",
    ),
    "made": (
        None,
        "Harlow Corp. withdrew on May 2, 2023 its final offer made to the Ferrow Machinists "
        "Union in April.\n",
    ),
    "slam": (
        "2023-05-23",
        "New York: Union negotiators slammed Harlow Corp.'s new offer to raise hourly wages "
        "by 12 percent on Monday, saying it fell short.\n\n"
        "The Ferrow Machinists Union represents 9,000 workers at the yard.\n",
    ),
    "spokesperson": (
        "2023-06-10",
        "Row over ferry fares\n\n"
        "BERLIN (AP) -- A government spokesperson on Friday denounced Harlow Corp. for "
        "raising ferry fares, warning that it harms travellers.\n\n"
        "Anna Weber, spokesperson for the Ministry of Transport, made the remarks at a "
        "briefing.\n",
    ),
    "two spokespeople": (
        "2023-06-10",
        "Row over ferry fares\n\n"
        "BERLIN (AP) -- A government spokesperson on Friday denounced Harlow Corp. for "
        "raising ferry fares, warning that it harms travellers.\n\n"
        "Anna Weber, spokesperson for the Ministry of Transport, and Jonas Keller, "
        "spokesperson for the Ministry of Finance, spoke at a briefing.\n",
    ),
    "reported lede": (
        "2023-10-24",
        "The Ferrow Machinists Union said in a statement that its members rejected the "
        "latest offer of Harlow Corp. by a wide margin.\n\n"
        "Talks may resume next month.\n",
    ),
    "guild": (
        "2023-05-20",
        "The Ferrow Dockers Guild (FDG) represents dockers in every port of the region.\n",
    ),
    "local": (
        "2023-05-20",
        "Members of FDG District 12 have bargained with Harlow Corp. since January."
        "\n\nOn Friday, the guild rejected the latest offer of Harlow Corp.\n",
    ),
    "dateline": (
        None,
        "TACOMA, Wash. — Harlow machinists represented by Ferrow Machinists Union District "
        "12 voted to approve a new contract with the company on Monday.\n",
    ),
    "announced deal": (
        "2023-05-19",
        "The Ferrow Machinists Union has bargained with Harlow Corp. since January.\n\n"
        "On Sunday, the union's bargaining committee announced it reached a tentative "
        "agreement with Harlow Corp.\n",
    ),
    "undated announcement": (
        None,
        "On Saturday, October 14, the Ferrow Machinists Union announced to its members that "
        "they have reached a tentative agreement with Harlow Corp.\n",
    ),
    "generic": (
        "2023-04-12",
        "Officials of the Ministry of Defence and the Harlow Aerospace Workers Union briefed "
        "reporters on Monday.\n\n"
        "On Tuesday, aerospace workers and our defence chiefs met with Tomas Lindqvist in "
        "Oslo.\n",
    ),
    "plural": (
        "2023-04-12",
        "The Tarrant Labour Party and Harlow Corp. traded blame on Monday.\n\n"
        "On Tuesday, the parties met with Tomas Lindqvist in Oslo.\n",
    ),
}


@pytest.fixture(scope="module")
def chain() -> Chain:
    return Chain.of(ARTICLES)


def parties(m: EventMention) -> set[str]:
    return {p.name for p in m.participants}


def first(chain: Chain, doc: str, kind: str) -> EventMention:
    return next(m for m in chain.mentions(doc) if m.kind == kind)


def test_the_union_and_the_shipbuilder_are_the_bodies_the_article_named(chain: Chain) -> None:
    rejection = first(chain, "union", "rejection")
    assert rejection.date == "2023-05-19"
    assert parties(rejection) == {"Ferrow Machinists Union", "Harlow Corp."}


def test_union_members_act_for_their_union(chain: Chain) -> None:
    strike = first(chain, "members", "strike")
    assert "Ferrow Machinists Union" in parties(strike)


def test_the_branch_the_article_names_is_the_union_meant(chain: Chain) -> None:
    rejection = first(chain, "branch", "rejection")
    assert "Ferrow Machinists Union District 12" in parties(rejection)


def test_two_branches_leave_the_union_their_parent_or_nothing(chain: Chain) -> None:
    rejection = first(chain, "siblings", "rejection")
    assert not {"Ferrow Machinists Union District 12", "Ferrow Machinists Union District 40"} & (
        parties(rejection)
    )


def test_two_unions_that_fit_alike_stay_unresolved(chain: Chain) -> None:
    rejection = first(chain, "two", "rejection")
    assert parties(rejection) == {"Harlow Corp."}


def test_the_head_of_a_body_is_the_person_holding_that_office(chain: Chain) -> None:
    meeting = next(m for m in chain.mentions("head") if m.date == "2023-04-11")
    assert parties(meeting) == {"Ines Carvalho", "Tomas Lindqvist"}


def test_an_offer_made_to_a_party_names_both_sides(chain: Chain) -> None:
    for doc in ("offer", "made"):
        withdrawal = first(chain, doc, "withdrawal")
        assert withdrawal.date == "2023-05-02"
        assert parties(withdrawal) == {"Harlow Corp.", "Ferrow Machinists Union"}
    offer = first(chain, "offer", "offer")
    assert offer.date == "2023-04-20"
    assert parties(offer) == {"Harlow Corp.", "Ferrow Machinists Union"}


def test_negotiators_of_a_union_criticise_on_the_day_the_parser_hung_on_the_offer(
    chain: Chain,
) -> None:
    criticism = first(chain, "slam", "criticism")
    assert (criticism.type, criticism.date) == ("DISAPPROVE", "2023-05-22")
    # the union its negotiators speak for, the company; not the dateline's place
    assert parties(criticism) == {"Ferrow Machinists Union", "Harlow Corp."}


def test_a_title_word_in_the_lede_stands_for_the_one_person_named_with_it_next(
    chain: Chain,
) -> None:
    criticism = first(chain, "spokesperson", "criticism")
    assert criticism.date == "2023-06-09"
    assert parties(criticism) == {"Anna Weber", "Harlow Corp."}
    # two people named with that title: the description stays unresolved
    found = [m for m in chain.mentions("two spokespeople") if m.kind == "criticism"]
    assert not [m for m in found if {"Anna Weber", "Jonas Keller"} & parties(m)]


def test_news_the_lede_reports_as_said_takes_the_publication_date(chain: Chain) -> None:
    rejection = first(chain, "reported lede", "rejection")
    assert (rejection.date, rejection.from_published) == ("2023-10-24", True)
    assert "Harlow Corp." in parties(rejection)


def test_a_branch_is_described_by_the_words_of_the_parent_the_corpus_names(
    chain: Chain,
) -> None:
    rejection = first(chain, "local", "rejection")
    assert parties(rejection) == {"FDG District 12", "Harlow Corp."}


def test_the_dateline_is_where_and_the_subject_the_parser_hung_on_it_acts(
    chain: Chain,
) -> None:
    deal = first(chain, "dateline", "deal")
    assert "Ferrow Machinists Union District 12" in parties(deal)
    assert not {"Tacoma", "Wash."} & parties(deal)


def test_a_deal_a_body_announced_it_reached_is_dated_and_made_by_that_body(
    chain: Chain,
) -> None:
    deal = first(chain, "announced deal", "deal")
    assert deal.date == "2023-05-14"
    assert parties(deal) == {"Ferrow Machinists Union", "Harlow Corp."}


def test_an_undated_article_keeps_the_day_of_an_announced_deal(chain: Chain) -> None:
    deal = first(chain, "undated announcement", "deal")
    assert (deal.date, deal.day) == (None, "10-14")
    assert parties(deal) == {"Ferrow Machinists Union", "Harlow Corp."}


def test_a_noun_that_only_qualifies_or_is_ours_names_no_body(chain: Chain) -> None:
    meeting = first(chain, "generic", "meeting")
    assert meeting.date == "2023-04-11"
    assert not {"Ministry of Defence", "Harlow Aerospace Workers Union"} & parties(meeting)
    # "the parties" are the sides, not the one body named "... Party"
    meeting = first(chain, "plural", "meeting")
    assert "Tarrant Labour Party" not in parties(meeting)

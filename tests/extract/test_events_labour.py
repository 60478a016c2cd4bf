"""Events of a labour dispute and of diplomacy outside meetings, from invented articles
(invented companies, unions and people), through the real English model; and pages
mangled the way scrapes are."""

from __future__ import annotations

import pytest

from tests.extract.articles import Chain, party_names

ARTICLES: dict[str, tuple[str | None, str]] = {
    "dispute": (
        "2023-05-20",
        "Members of the Tarrant Dockers Union rejected the contract offer of Harlow Corp. "
        "on Thursday.\n\n"
        "On Wednesday, 91% of the members of the Tarrant Dockers Union voted to strike.\n\n"
        "The company also said it would study the union's demands.\n",
    ),
    "withdrawal": (
        "2023-05-20",
        "Harlow Corp. withdrew its contract offer on Friday, saying talks had stalled.\n",
    ),
    "cuts": (
        "2023-06-02",
        "Harlow Corp. announced a hiring freeze on Wednesday as the dispute dragged on.\n",
    ),
    "signing": (
        "2023-03-09",
        "At a ceremony in Lisbon, Minister of Trade Ines Carvalho and Trade Commissioner "
        "Piet Draaisma signed a memorandum on port logistics.\n",
    ),
    "lede": (
        "2023-04-12",
        "Foreign Minister Ines Carvalho met with her counterpart Tomas Lindqvist in Oslo.\n\n"
        "The ministers discussed shipping routes.\n",
    ),
    "walkout": (
        "2023-06-06",
        "About 400 drivers from the Kestrel Transport Workers Union walked off the job on "
        "Monday after talks failed.\n",
    ),
    "infinitive": (
        "2023-07-14",
        "On Tuesday, the Kestrel Transport Workers Union voted overwhelmingly to turn down "
        "the wage offer of Harlow Corp.\n",
    ),
    "announced": (
        "2023-08-04",
        "Harlow Corp. will cut 800 jobs and close a depot, chief executive Dana Whitfield "
        "said on August 3.\n",
    ),
    "guess": (
        "2023-08-04",
        "Harlow Corp. will cut 800 jobs, a rival's manager said.\n",
    ),
    "nobody": (
        "2023-05-20",
        "A deal was reached on Friday after long talks.\n",
    ),
    "yearless": (
        None,
        "Harlow Corp. withdrew its contract offer on March 14, the union said.\n",
    ),
    "mangled": (
        None,
        "Harlow Shipping workersÃ¢â‚¬â„¢ union votedto strike on Monday after talks "
        "withthe company broke down.\n\n"
        "Union leader Marta Okonkwo met with Harlow Shipping executives and Piet Draai",
    ),
}


@pytest.fixture(scope="module")
def chain() -> Chain:
    return Chain.of(ARTICLES)


def test_a_rejection_a_strike_vote_and_a_withdrawn_offer(chain: Chain) -> None:
    found = {(m.type, m.kind, m.date) for m in chain.mentions("dispute")}
    assert ("REJECT", "rejection", "2023-05-18") in found
    assert ("PROTEST", "strike", "2023-05-17") in found
    assert not [m for m in chain.mentions("dispute") if m.type == "DEMAND"]  # a noun only
    rejection = next(m for m in chain.mentions("dispute") if m.kind == "rejection")
    assert "Tarrant Dockers Union" in party_names(rejection)  # a union is a participant
    (withdrawal,) = chain.mentions("withdrawal")
    assert (withdrawal.type, withdrawal.date) == ("REJECT", "2023-05-19")
    assert "Harlow Corp." in party_names(withdrawal)  # so is a company


def test_job_cuts_announced_are_an_event(chain: Chain) -> None:
    (cuts,) = chain.mentions("cuts")
    assert (cuts.type, cuts.date) == ("CUTS", "2023-05-31")


def test_both_signatories_of_a_subject_the_parser_left_loose(chain: Chain) -> None:
    signing = next(m for m in chain.mentions("signing") if m.type == "AGREE")
    assert "Carvalho" in party_names(signing) and "Draaisma" in party_names(signing)


def test_the_lede_news_takes_the_publication_date_marked_as_such(chain: Chain) -> None:
    meeting = next(m for m in chain.mentions("lede") if m.kind == "meeting")
    assert (meeting.date, meeting.from_published) == ("2023-04-12", True)
    assert "Carvalho" in party_names(meeting) and "Lindqvist" in party_names(meeting)


def test_the_body_a_described_subject_comes_from_takes_part(chain: Chain) -> None:
    (walkout,) = [m for m in chain.mentions("walkout") if m.type == "PROTEST"]
    assert (walkout.kind, walkout.date) == ("strike", "2023-06-05")
    assert "Kestrel Transport Workers Union" in party_names(walkout)


def test_the_date_of_a_vote_dates_the_act_voted_for(chain: Chain) -> None:
    # the parser may hang the infinitive on the adverb: the vote's date still reaches it
    rejection = next(m for m in chain.mentions("infinitive") if m.kind == "rejection")
    assert rejection.date == "2023-07-11"
    assert "Kestrel Transport Workers Union" in party_names(rejection)


def test_cuts_stated_in_a_dated_report_are_announced_that_day(chain: Chain) -> None:
    (cuts,) = [m for m in chain.mentions("announced") if m.kind == "cuts"]
    assert (cuts.date, cuts.mode) == ("2023-08-03", "happened")
    assert "Harlow Corp." in party_names(cuts) and "Dana Whitfield" in party_names(cuts)
    # without the date of its saying, "will cut" stays a forecast
    assert [m for m in chain.mentions("guess") if m.kind == "cuts"] == []


def test_a_deal_nobody_is_said_to_reach_is_no_event(chain: Chain) -> None:
    assert [m for m in chain.mentions("nobody") if m.type == "AGREE"] == []


def test_a_month_and_day_without_a_year_is_kept_but_not_a_date(chain: Chain) -> None:
    (withdrawal,) = [m for m in chain.mentions("yearless") if m.kind == "withdrawal"]
    assert (withdrawal.date, withdrawal.day) == (None, "03-14")


def test_mangled_text_neither_crashes_nor_names_a_cut_off_token(chain: Chain) -> None:
    found = chain.mentions("mangled")
    meeting = next(m for m in found if m.kind == "meeting")
    # a company takes part
    assert "Okonkwo" in party_names(meeting) and "Harlow" in party_names(meeting)
    for m in found:
        assert all(not p.name.endswith("Draai") for p in m.participants)
        assert m.date is None  # "on Monday" in an undated article is not guessed


def test_a_closing_bracket_alone_ends_no_sentence() -> None:
    from dateline.extract.events import _ends_sentence

    assert not _ends_sentence("talks between A and the Office of Trade (OT)")
    assert _ends_sentence('the minister said."') and _ends_sentence("in Lisbon.)")

"""Promises found in the shapes real reports give them (a season as the deadline, an
obligation in an undated page, "hopeful to do so by ..."), their speaker read from the
quotation they stand in, and the later event that keeps them; articles written for
these tests."""

from __future__ import annotations

from dataclasses import replace

from dateline.analyse.nlp import Analyzer
from dateline.extract.promises import _people_lexicon, _whole_words, match_promises
from dateline.model import Entity, Event, Participant, Promise, Role, Source
from tests.extract.articles import only, read_promises

read = read_promises


def test_a_season_ahead_is_a_deadline(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "Minister Laila Haddad spoke in Tunis on Monday.\n\n"
        "The Navy Command will send two patrol boats to the Sea Shield drills this summer.\n",
        "2025-04-02",
    )
    plan = only(found, "patrol boats")
    assert plan.due == "2025-08-31"


def test_a_season_already_over_is_no_deadline(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "The Navy Command will send two patrol boats to the Sea Shield drills this spring.\n",
        "2025-09-20",
    )
    assert not [p for p in found if "patrol boats" in p.text]


def test_an_obligation_with_a_day_in_an_undated_page(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "The Harbour Workers Union said the dock strike was over after a vote.\n\n"
        "According to the Harbour Workers Union, dockers may go back on Monday. "
        "They must report for duty by the start of their shift on Oct. 9.\n",
        None,
    )
    demand = only(found, "report for duty")
    assert demand.kind == "request"
    assert demand.actor is not None and "Harbour Workers Union" in demand.actor


def test_a_quote_is_spoken_by_whoever_opened_it(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "Maria Okafor, president of the Harbour Workers Union, issued the following "
        "statement after the count: “Our members turned the offer down. Coastline Shipping "
        "keeps saying it wants peace on the docks. Our members are tired, but we will "
        "continue to bargain with the owners until the pay gap is closed.”\n",
        "2025-02-11",
    )
    pledge = only(found, "continue to bargain")
    assert pledge.actor == "Maria Okafor"


def test_a_quote_is_spoken_by_whoever_closes_it(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "“Coastline Shipping keeps saying it wants peace. We will continue to bargain with "
        "the owners until the pay gap is closed,” Maria Okafor told reporters on Tuesday.\n",
        "2025-02-11",
    )
    pledge = only(found, "continue to bargain")
    assert pledge.actor == "Maria Okafor"


def test_hopeful_to_do_so_by_names_the_act(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "Maria Okafor, president of the Harbour Workers Union, spoke after the vote.\n\n"
        "“We lost ground for years, and we are hopeful to do so by reopening talks quickly,” "
        "Maria Okafor said.\n",
        "2025-02-11",
    )
    hope = only(found, "reopening talks")
    assert hope.actor == "Maria Okafor"


def handover(date: str) -> Event:
    union = (Participant("u", "Harbour Workers Union"),)
    return Event(f"ev-{date}", "HANDOVER", "exchange", date, "day", participants=union)


def test_going_back_to_work_is_not_kept_by_a_handover() -> None:
    back = Promise(
        "p1",
        "request",
        "Harbour Workers Union",
        "must report back and return to work by Oct. 9",
        "2025-10-01",
        "2025-10-09",
        sources=(Source("doc", 0, 60),),
    )
    (promise,) = match_promises([back], [handover("2025-10-05")])
    assert promise.status == "open"
    give_back = replace(back, id="p2", text="will return the seized cranes by Oct. 9")
    (kept,) = match_promises([give_back], [handover("2025-10-05")])
    assert kept.fulfilled_by == "ev-2025-10-05"


def test_agreed_that_someone_will_act_is_a_plan(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "Minister Laila Haddad and Admiral Tomas Berg met in Oslo on Monday.\n\n"
        "They agreed that Norway will send a survey ship to the Gulf of Gabes. "
        "They also agreed that relations will remain close.\n",
        "2025-04-02",
    )
    plan = only(found, "send a survey ship")
    assert plan.kind == "plan"
    assert not [p for p in found if "remain close" in p.text]


def test_a_transcript_label_names_who_speaks(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "Minister Laila Haddad hosted Admiral Tomas Berg in Tunis on Monday.\n\n"
        "MODERATOR: The admiral will speak first.\n\n"
        "ADMIRAL TOMAS BERG: Thank you all for coming this afternoon.\n\n"
        "Next, we will open a joint training centre in Bizerte by the end of the year.\n",
        "2025-04-02",
    )
    plan = only(found, "joint training centre")
    assert plan.actor == "Tomas Berg"


def test_hope_that_another_side_will_continue_is_the_hopers(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "Minister Laila Haddad met Admiral Tomas Berg in Tunis on Monday.\n\n"
        "Laila Haddad expressed hope that Norway would continue to train Tunisian divers "
        "in mine clearance.\n",
        "2025-04-02",
    )
    hope = only(found, "train Tunisian divers")
    assert hope.actor == "Laila Haddad"
    assert hope.kind == "proposal"


def test_a_commitment_in_a_gerund_is_made_by_the_coordinated_subject(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "Talks at the Wichita plant ended on Friday.\n\n"
        "Aerolux's head of engines, Nadia Petrov, praised the new offer as the largest raise in "
        "its history and stressed job security by committing to build "
        "the next engine in the Wichita area.\n",
        "2025-04-02",
    )
    pledge = only(found, "build the next engine")
    assert pledge.actor == "Nadia Petrov"


def test_a_leader_speaking_for_a_body_is_kept_by_the_bodys_deal() -> None:
    leader = Entity(
        "p",
        "Dana Reyes",
        "PERSON",
        roles=(Role("President of the Harbour Workers Union", None, None, None),),
    )
    union = Entity("u", "Harbour Workers Union", "ORG")
    pledge = Promise(
        "p1",
        "pledge",
        "Dana Reyes",
        "will continue to negotiate in good faith until the pay gap is closed",
        "2025-10-01",
        sources=(Source("doc", 0, 60),),
    )
    parties = (Participant("u", "Harbour Workers Union"), Participant("c", "Coastline Shipping"))
    deal = Event("ev-deal", "AGREE", "deal", "2025-10-20", "day", participants=parties)
    (kept,) = match_promises([pledge], [deal], [leader, union])
    assert kept.fulfilled_by == "ev-deal"
    other = replace(deal, id="ev-other", participants=(Participant("c", "Coastline Shipping"),))
    (still,) = match_promises([pledge], [other], [leader, union])
    assert still.status == "open"


def test_people_named_in_a_promise_are_every_spelling_it_holds() -> None:
    # the lexicon's lookup by first letters finds exactly the spellings a plain substring
    # test finds, overlapping and repeated ones included
    people = _people_lexicon(
        [],
        [
            Entity("a", "Ana Lucia Ferreira", "PERSON", aliases=("Ana Ferreira",)),
            Entity("b", "Lucia Ferreira", "PERSON"),
            Entity("c", "Jo Li", "PERSON"),
            Entity("d", "Tomas Brandt", "PERSON"),
        ],
    )
    for text in (
        "ana lucia ferreira met jo li",
        "jo lima and ana ferreira spoke",
        "lucia ferreira, then lucia ferreira again",
        "no one named here",
        "jo l",
    ):
        plain = {canonical for spelling, canonical in people.items() if spelling in text}
        assert people.named_in(text) == plain, text
    found = people.named_in("ana lucia ferreira met jo li")
    assert found == {"ana lucia ferreira", "lucia ferreira", "jo li"}


def test_an_office_names_an_organisation_only_as_whole_words() -> None:
    assert _whole_words("dock union", "president | dock union")
    assert _whole_words("dock union", "dock union, local 9")
    assert not _whole_words("dock union", "dock unionists")
    assert not _whole_words("dock union", "the_dock union")
    assert not _whole_words("dock union", "dock unioné")  # an accented letter is a letter
    assert _whole_words("dock union", "dock unionist | dock union")  # a later occurrence
    assert not _whole_words("dock union", "")

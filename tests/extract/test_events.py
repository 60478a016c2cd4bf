"""Event mentions read from short invented articles, through the real English model."""

from __future__ import annotations

import pytest

from dateline.extract.events import EventMention
from tests.extract.articles import Chain

# Invented articles about invented people: each exercises a few rules.
ARTICLES: dict[str, tuple[str | None, str]] = {
    "call": (
        "2024-03-15",
        "HANOI (VNA) – Defence Minister Tran Quoc Huy and Japanese Defence Minister Kenji "
        "Watanabe held phone talks on March 14, discussing maritime cooperation.\n\n"
        "Minister Tran Quoc Huy invited Kenji Watanabe to pay an official visit to Vietnam "
        "this year.\n\n"
        "Tran Quoc Huy said he hoped the two ministries would maintain regular contacts and "
        "that the fifth Vietnam - Japan Defence Dialogue would be held in Hanoi soon.\n",
    ),
    "dialogue": (
        "2024-05-07",
        "The fifth Vietnam - Japan Defence Dialogue took place in Hanoi on May 6, co-chaired "
        "by Deputy Defence Minister Sen. Lt. Gen. Pham Duc Long and Japanese Vice Minister "
        "Haruto Sato.\n\n"
        "Concluding the dialogue, the two sides signed the minutes of the meeting.\n\n"
        "Since the previous dialogue, the two sides have held three rounds of consultations.\n",
    ),
    "visit": (
        "2024-10-22",
        "HANOI — Japanese Defence Minister Kenji Watanabe held talks with Defence Minister "
        "Tran Quoc Huy on Monday, during an official visit to Vietnam from October 21 to 23.\n\n"
        "On the same day, Watanabe was received separately by President Le Van Phuc and Prime "
        "Minister Do Minh Khang.\n\n"
        "The talks ended with the two ministers exchanging commemorative gifts.\n\n"
        "Both sides noted that cooperation has followed the 2018 memorandum of understanding "
        "on defence cooperation and a joint statement signed in May 2021.\n\n"
        "So far, Vietnam has handed over 120 sets of records to Japan.\n",
    ),
    "undated": (
        None,
        "Kenji Watanabe arrived in Hanoi on Sunday for talks with Tran Quoc Huy.\n\n"
        "The two sides recalled the memorandum signed in June 2019.\n",
    ),
    "opinion": (
        "2024-03-20",
        "Will Kenji Watanabe come to Hanoi this year? Analysts argue that a visit could "
        "happen in the autumn. If Watanabe travels to Hanoi, he would sign a memorandum. No "
        "agreement was signed on Friday. The two sides are expected to meet in Tokyo next "
        "month. The ministers agreed to hold the sixth dialogue soon. Tran Quoc Huy did not "
        "meet Kenji Watanabe on Monday. The two countries have held annual dialogues since "
        "2015. Cooperation remains a priority for both countries.\n",
    ),
}


@pytest.fixture(scope="module")
def chain() -> Chain:
    return Chain.of(ARTICLES)


def people(m: EventMention) -> set[str]:
    return {p.name for p in m.participants if p.entity_id in m.people}


def test_a_phone_call_is_typed_dated_and_sourced(chain: Chain) -> None:
    (call,) = chain.mentions("call")
    assert (call.type, call.kind) == ("CONSULT", "call")
    assert (call.date, call.precision, call.background) == ("2024-03-14", "day", False)
    assert people(call) == {chain.name("Tran Quoc Huy"), chain.name("Kenji Watanabe")}
    text = chain.analyses["call"].text
    assert text[call.source.start : call.source.end].startswith("HANOI (VNA) – Defence")
    assert text[call.trigger_start : call.trigger_end] == call.trigger == "talks"
    assert call.location is None  # a phone call has no venue, whatever the dateline says


def test_invitations_and_hopes_report_nothing_yet(chain: Chain) -> None:
    assert [m.kind for m in chain.mentions("call")] == ["call"]


def test_questions_conditions_hedges_and_negations_are_no_events(chain: Chain) -> None:
    assert chain.mentions("opinion") == []


def test_a_sentence_cut_at_a_rank_is_read_whole(chain: Chain) -> None:
    dialogue = next(m for m in chain.mentions("dialogue") if m.kind == "dialogue")
    assert (dialogue.date, dialogue.location) == ("2024-05-06", chain.name("Hanoi"))
    assert people(dialogue) == {chain.name("Pham Duc Long"), chain.name("Haruto Sato")}
    assert dialogue.key == "5|meeting" and dialogue.name is not None
    text = chain.analyses["dialogue"].text
    assert text[dialogue.source.start : dialogue.source.end].endswith("Haruto Sato.")


def test_an_act_at_the_meeting_takes_its_date_and_parties(chain: Chain) -> None:
    minutes = next(m for m in chain.mentions("dialogue") if m.type == "AGREE")
    assert (minutes.date, minutes.thing) == ("2024-05-06", "minutes")
    assert people(minutes) == {chain.name("Pham Duc Long"), chain.name("Haruto Sato")}
    gifts = next(m for m in chain.mentions("visit") if m.type == "HANDOVER")
    assert gifts.date == "2024-10-21"
    assert people(gifts) == {chain.name("Kenji Watanabe"), chain.name("Tran Quoc Huy")}


def test_the_previous_meeting_is_not_this_one(chain: Chain) -> None:
    dated = [m for m in chain.mentions("dialogue") if m.type == "CONSULT" and m.date]
    assert len(dated) == 1


def test_talks_visit_and_receptions_on_the_same_day(chain: Chain) -> None:
    found = chain.mentions("visit")
    talks = next(m for m in found if m.kind == "talks")
    assert (talks.date, talks.location) == ("2024-10-21", chain.name("Hanoi"))  # dateline
    visit = next(m for m in found if m.kind == "visit")
    assert (visit.date, visit.end, visit.precision) == ("2024-10-21", "2024-10-23", "day")
    receptions = [m for m in found if m.kind == "reception"]
    assert {m.date for m in receptions} == {"2024-10-21"}  # "on the same day"
    hosts = [{chain.name("Le Van Phuc")}, {chain.name("Do Minh Khang")}]
    assert [people(m) - {chain.name("Kenji Watanabe")} for m in receptions] == hosts


def test_dated_references_to_older_documents_are_background(chain: Chain) -> None:
    signed = {(m.date, m.precision, m.thing) for m in chain.mentions("visit") if m.background}
    assert signed == {("2018-01-01", "year", "memorandum"), ("2021-05-01", "month", "statement")}


def test_results_summed_up_over_time_are_no_event(chain: Chain) -> None:
    assert not [m for m in chain.mentions("visit") if "records" in (m.phrase or "")]


def test_an_undated_article_dates_only_what_carries_a_year(chain: Chain) -> None:
    found = chain.mentions("undated")
    talks = next(m for m in found if m.kind == "talks")
    assert talks.date is None and people(talks) == {
        chain.name("Kenji Watanabe"),
        chain.name("Tran Quoc Huy"),
    }
    memo = next(m for m in found if m.type == "AGREE")
    assert (memo.date, memo.precision) == ("2019-06-01", "month")


def test_every_record_points_into_its_sentence(chain: Chain) -> None:
    for doc, analysis in chain.analyses.items():
        starts = {s.start for s in analysis.sentences}
        ends = {s.end for s in analysis.sentences}
        for m in chain.mentions(doc):
            assert m.source.document_id == doc
            assert m.source.start in starts or analysis.text[m.source.start - 1] == "\n"
            assert m.source.end in ends
            assert m.source.start <= m.trigger_start < m.trigger_end <= m.source.end


def test_the_same_input_gives_the_same_output(chain: Chain) -> None:
    for doc in ARTICLES:
        assert chain.mentions(doc) == chain.mentions(doc)

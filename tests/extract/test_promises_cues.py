"""Promises in more shapes (a noun that pledges, deadlines in words, passive plans,
efforts under way, obligations), speakers found from attribution, and kept promises
matched by their parties; articles written for these tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dateline.analyse.convert import Analysis
from dateline.analyse.nlp import Analyzer
from dateline.extract.promises import find_promises, match_promises
from dateline.model import Event, Participant, Promise, Source
from dateline.resolve.entities import Resolution
from tests.extract.articles import only, read_promises

DATE = "2024-08-01"


@dataclass(frozen=True)
class Read:
    analysis: Analysis
    resolution: Resolution

    def promises(self) -> list[Promise]:
        doc = self.analysis.document_id
        ms = [m for m in self.resolution.mentions if m.document_id == doc]
        return find_promises(self.analysis, ms, DATE, entities=self.resolution.entities)


def read(analyzer: Analyzer, text: str, date: str | None = DATE) -> list[Promise]:
    return read_promises(analyzer, text, date)


def test_a_noun_that_pledges_and_a_deadline_in_words(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "Vietnam and Japan announced new steps, including a pledge to sign a data-sharing "
        "accord by the end of the year.\n",
    )
    pledge = only(found, "pledge to sign a data-sharing accord")
    assert pledge.kind == "pledge"
    assert pledge.due == "2024-12-31"
    assert pledge.actor is not None and "Japan" in pledge.actor


def test_a_quoted_we_is_the_speaker_named_after_the_quote(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "The walkout entered its third week.\n\n"
        "“We will continue to negotiate in good faith with the company until workers "
        "get a fair deal,” said union president Maria Lopez.\n",
    )
    pledge = only(found, "continue to negotiate in good faith")
    assert pledge.kind == "pledge"
    assert pledge.actor == "Maria Lopez"


def test_an_effort_under_way_is_a_pledge_of_the_next_sentences_speaker(
    analyzer: Analyzer,
) -> None:
    found = read(
        analyzer,
        "“We are working with parliament to approve $300 million in coastal aid.\n\n"
        "This shows our strong support,” Minister Kenji Watanabe said on Tuesday.\n",
    )
    pledge = only(found, "working with parliament to approve $300 million")
    assert pledge.actor == "Kenji Watanabe"


def test_a_passive_plan_and_a_plan_that_runs_for_years(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "The Transport Ministry said a joint hotline will be set up within the next two "
        "months.\n\n"
        "The allies have adopted a Coastal Readiness Plan, which will speed up port repairs "
        "in the next three years, Minister Kenji Watanabe added.\n",
    )
    hotline = only(found, "will be set up within the next two months")
    assert hotline.kind == "plan" and hotline.due is not None and hotline.due > DATE
    assert hotline.actor == "Transport Ministry"
    repairs = only(found, "will speed up port repairs in the next three years")
    assert repairs.due is not None and repairs.due.startswith("2027")


def test_an_obligation_with_a_deadline_is_a_demand(analyzer: Analyzer) -> None:
    found = read(
        analyzer, "Under the deal, all strikers must report back to the plant by August 9.\n"
    )
    demand = only(found, "must report back to the plant by August 9")
    assert demand.kind == "request"


def test_forecasts_and_vague_aims_stay_out(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "Analysts expect prices will rise in the coming months. Fuel costs will keep "
        "climbing next year. The two sides will strengthen ties in the next five years.\n",
    )
    assert found == []


def test_a_joint_pledge_is_kept_by_a_later_event_of_its_parties() -> None:
    pledge = Promise(
        id="p1",
        kind="pledge",
        actor="Vietnam and Japan",
        text="pledge to sign a data-sharing accord by the end of the year",
        made_on="2024-08-01",
        due="2024-12-31",
        sources=(Source("doc", 0, 90),),
    )
    signed = Event(
        "ev1", "AGREE", "Accord signed", "2024-11-05", "day",
        participants=(Participant("jp", "Japan"),),
    )  # fmt: skip
    elsewhere = Event(
        "ev2", "AGREE", "Accord signed", "2024-10-01", "day",
        participants=(Participant("fr", "France"),),
    )  # fmt: skip
    (kept,) = match_promises([pledge], [elsewhere, signed])
    assert (kept.status, kept.fulfilled_by) == ("fulfilled", "ev1")
    talks = Event("ev3", "CONSULT", "Talks", "2024-11-05", "day", participants=signed.participants)
    (talks_only,) = match_promises([pledge], [talks])
    assert talks_only.status == "open"


def test_an_undated_report_takes_the_date_of_the_meeting_it_reports() -> None:
    pledge = Promise(
        id="p1",
        kind="pledge",
        actor="Vietnam",
        text="pledge to conclude a maritime accord",
        made_on=None,
        due=None,
        sources=(Source("doc", 300, 380),),
    )
    meeting = Event(
        "ev0", "CONSULT", "Talks", "2024-08-01", "day", sources=(Source("doc", 0, 120),)
    )
    signed = Event(
        "ev1", "AGREE", "Accord signed", "2024-09-20", "day",
        participants=(Participant("vn", "Vietnam"),),
    )  # fmt: skip
    too_late = Event(
        "ev2", "AGREE", "Accord signed", "2025-09-20", "day",
        participants=(Participant("vn", "Vietnam"),),
    )  # fmt: skip
    (kept,) = match_promises([pledge], [meeting, too_late, signed])
    assert kept.made_on == "2024-08-01"
    assert kept.fulfilled_by == "ev1"
    (late,) = match_promises([pledge], [meeting, too_late])
    assert late.status == "open"  # a year on, with no deadline, is not keeping it


@pytest.mark.parametrize(
    "text",
    [
        "Ã¢â‚¬Å“We will continue to negotiÃ¢te in good faith,Ã¢â‚¬Â\x9d the union said.\n",
        "The ministry said a hotline will be set up within the next two mon",  # cut mid-word
        "Officials pledged to Subscribe now for full access sign the accord by",  # injected
        "“We are working with",  # cut mid-clause
        "will will must must by the end of the the year , , said said according to\n",
    ],
)
def test_hostile_input_neither_crashes_nor_invents(analyzer: Analyzer, text: str) -> None:
    for p in read(analyzer, text):
        assert p.text.strip()
        assert p.text in text
        assert p.actor is None or p.actor.strip()


def test_he_after_a_named_speaker_and_two_named_parties(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "Minister Kenji Watanabe said the talks were useful.\n\n"
        "He pledged to open a liaison office in Hanoi.\n\n"
        "Kenji Watanabe and Tran Quoc Huy agreed to hold joint drills next year.\n",
    )
    assert only(found, "pledged to open a liaison office").actor == "Kenji Watanabe"
    joint = only(found, "agreed to hold joint drills")
    assert joint.actor is not None
    assert "Kenji Watanabe" in joint.actor and "Tran Quoc Huy" in joint.actor


def test_an_owner_offers_and_a_gerund_takes_the_subject_above(analyzer: Analyzer) -> None:
    found = read(
        analyzer,
        "Union leaders rejected Acme's offer to raise wages by 9 percent next year.\n\n"
        "The chief executive, Maria Lopez, praised the deal, emphasizing its value by "
        "committing to build the next plant in Ohio.\n",
    )
    assert only(found, "offer to raise wages").actor == "Acme"
    assert only(found, "committing to build the next plant").actor == "Maria Lopez"

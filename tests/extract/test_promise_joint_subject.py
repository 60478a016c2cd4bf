"""Who promises when a named person and an unnamed partner agree together; articles
written for these tests."""

from __future__ import annotations

from dateline.analyse.nlp import Analyzer
from tests.extract.articles import only, read_promises

TEXT = (
    "Fisheries Minister Emiko Kuroda and her Chilean counterpart agreed on Sunday to "
    "finish the salmon quota treaty before the end of the year.\n\n"
    "The two sides agreed to meet again in Santiago.\n"
)


def test_a_named_minister_and_her_counterpart_make_the_promise_not_someone(
    analyzer: Analyzer,
) -> None:
    found = read_promises(analyzer, TEXT, "2025-03-03")
    assert only(found, "salmon quota treaty").actor == "Emiko Kuroda"


def test_both_sides_unnamed_stay_no_ones(analyzer: Analyzer) -> None:
    found = read_promises(analyzer, TEXT, "2025-03-03")
    assert only(found, "meet again").actor is None


def test_a_dateline_read_as_the_subject_leaves_the_promise_to_the_parties_after_it(
    analyzer: Analyzer,
) -> None:
    # "PLACE — X and Y have reached ...": the parser makes the place the subject and X its
    # apposition; the promise is X's and Y's, never the dateline's or no one's.
    found = read_promises(
        analyzer,
        "OSLO — Norrland Ports and the union representing its harbour pilots have reached a "
        "tentative agreement to end a strike that began on Saturday.\n\n"
        "The Harbour Pilots Union said members would vote on the deal.\n",
        "2025-03-11",
    )
    assert only(found, "end a strike").actor == "Norrland Ports and Harbour Pilots Union"


def test_i_beside_a_named_partner_is_the_transcripts_speaker(analyzer: Analyzer) -> None:
    found = read_promises(
        analyzer,
        "Fisheries Minister Emiko Kuroda hosted Chilean Fisheries Minister Ana Rojas in Tokyo "
        "on Monday.\n\n"
        "MINISTER ROJAS: Thank you. Third, Minister Kuroda and I agreed to finish the salmon "
        "quota treaty before the end of the year.\n",
        "2025-03-04",
    )
    assert only(found, "salmon quota treaty").actor == "Emiko Kuroda and Ana Rojas"


def test_a_year_naming_an_earlier_pact_is_no_deadline(analyzer: Analyzer) -> None:
    # an undated page: no tense tells that 2022 lies behind the meeting of September 2025
    found = read_promises(
        analyzer,
        "Emiko Kuroda met Ana Rojas in Tokyo on September 5, 2025.\n\n"
        "The two ministers agreed to expand their 2022 Salmon Quota Agreement to cover more "
        "boats.\n",
        None,
    )
    assert only(found, "expand their 2022").due is None


def test_a_forecast_with_will_be_is_no_plan(analyzer: Analyzer) -> None:
    found = read_promises(
        analyzer,
        "Fisheries Minister Emiko Kuroda said next year will be another milestone for the "
        "two countries.\n\n"
        "Kuroda said a new quota office will be set up in Santiago next year.\n\n"
        "Kuroda said she will be in Santiago next month.\n",
        "2025-03-04",
    )
    assert not [p for p in found if "milestone" in p.text]
    assert only(found, "set up in Santiago").kind == "plan"
    assert only(found, "in Santiago next month").kind == "plan"

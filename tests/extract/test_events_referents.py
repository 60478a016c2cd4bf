"""Descriptions resolved while the document's referents are still being built, from an
invented article through the real English model."""

from __future__ import annotations

from dateline.analyse.nlp import Analyzer
from dateline.extract.events import find_event_mentions
from dateline.resolve.entities import resolve_entities


def test_it_said_by_a_body_the_page_never_names_does_not_crash() -> None:
    # "the union's unit announced it ...": "it" is the speaker's, whose owner "the
    # union" the page names nowhere (an excerpt cut before the union's name)
    text = (
        "On Sunday, the union's bargaining unit announced it reached a tentative deal "
        "with Harlow Corp.\n"
    )
    (analysis,) = Analyzer().analyse([("cut", text)])
    resolution = resolve_entities([analysis], {"cut": "2023-05-20"})
    found = find_event_mentions(
        analysis, resolution.mentions, "2023-05-20", entities=resolution.entities
    )
    deal = next(m for m in found if m.kind == "deal")
    assert deal.date == "2023-05-14"
    assert "Harlow Corp." in [p.name for p in deal.participants]


def test_a_demand_or_a_deadline_met_is_no_meeting() -> None:
    text = (
        "On Monday, Harlow Corp. refused to meet the strikers' demand for a pension.\n\n"
        "The new package meets their demands, the company said on Tuesday.\n\n"
        "On Wednesday, Labour Minister Carla Jensen met her counterpart in Lisbon.\n"
    )
    (analysis,) = Analyzer().analyse([("met", text)])
    resolution = resolve_entities([analysis], {"met": "2023-05-20"})
    found = find_event_mentions(
        analysis, resolution.mentions, "2023-05-20", entities=resolution.entities
    )
    meetings = [m for m in found if m.kind == "meeting"]
    assert [m.date for m in meetings] == ["2023-05-17"]  # only the ministers' meeting

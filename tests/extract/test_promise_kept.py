"""Promises found in the shapes real reports give them (a season as the deadline, an
obligation in an undated page, "hopeful to do so by ..."), their speaker read from the
quotation they stand in, and the later event that keeps them; articles written for
these tests."""

from __future__ import annotations

from dateline.analyse.nlp import Analyzer
from dateline.extract.promises import find_promises
from dateline.model import Promise
from dateline.resolve.entities import resolve_entities


def read(analyzer: Analyzer, text: str, date: str | None) -> list[Promise]:
    analysis = next(iter(analyzer.analyse([("doc", text)])))
    resolution = resolve_entities([analysis], {"doc": date})
    ms = [m for m in resolution.mentions if m.document_id == "doc"]
    return find_promises(analysis, ms, date, entities=resolution.entities)


def only(found: list[Promise], words: str) -> Promise:
    matches = [p for p in found if words in p.text]
    assert len(matches) == 1, [(p.kind, p.actor, p.text) for p in found]
    return matches[0]


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

"""A body named in one report and its one acting branch named in others are one party."""

from __future__ import annotations

from dateline.cluster.events import as_acting_branch, cluster_events
from dateline.extract.events import EventMention
from dateline.model import Entity
from tests.conftest import event_report

ENTITIES = [
    Entity("guild", "Federated Guild of Bakers", "ORG", aliases=("FGB",)),
    Entity("local", "FGB Local 38", "ORG", aliases=("Local 38",)),
    Entity("other", "FGB Local 91", "ORG"),
    Entity("mill", "Northmill Flour", "ORG"),
]


def report(doc: str, *parties: str, date: str = "2025-03-02", kind: str = "deal") -> EventMention:
    return event_report(doc, kind, "AGREE", parties, trigger="reached", day=date)


def test_a_report_naming_the_parent_body_names_its_acting_branch() -> None:
    mentions = [
        report("a", "local", "mill", date="2025-02-01", kind="strike"),
        report("b", "local", "mill", date="2025-02-20", kind="offer"),
        report("c", "guild", "mill"),
    ]
    events = cluster_events(mentions, ENTITIES)
    (deal,) = [e for e in events if e.date == "2025-03-02"]
    assert [p.name for p in deal.participants] == ["FGB Local 38", "Northmill Flour"]


def test_two_branches_acting_alike_leave_the_parent_as_named() -> None:
    mentions = [
        report("a", "local", "mill", date="2025-02-01"),
        report("b", "other", "mill", date="2025-02-20"),
        report("d", "local", "mill", date="2025-02-21"),
        report("e", "other", "mill", date="2025-02-22"),
        report("c", "guild", "mill"),
    ]
    out = as_acting_branch(mentions, ENTITIES)
    assert [p.entity_id for p in out[-1].participants] == ["guild", "mill"]


def test_a_report_naming_a_branch_keeps_it_and_the_parent() -> None:
    mentions = [
        report("a", "local", "mill", date="2025-02-01"),
        report("b", "local", "mill", date="2025-02-02"),
        report("c", "guild", "other", "mill"),
    ]
    out = as_acting_branch(mentions, ENTITIES)
    assert [p.entity_id for p in out[2].participants] == ["guild", "other", "mill"]


def test_without_an_acting_branch_nothing_changes() -> None:
    mentions = [report("c", "guild", "mill")]
    assert as_acting_branch(mentions, ENTITIES) == mentions
    once = [report("a", "local", "mill", date="2025-02-01"), report("c", "guild", "mill")]
    assert as_acting_branch(once, ENTITIES) == once


def test_a_numbered_model_of_a_company_is_no_branch() -> None:
    entities = [Entity("maker", "Aerolux", "ORG"), Entity("jet", "Aerolux 380", "ORG"), *ENTITIES]
    mentions = [
        report("a", "jet", "mill", date="2025-02-01"),
        report("b", "jet", "mill", date="2025-02-02"),
        report("c", "maker", "mill"),
    ]
    out = as_acting_branch(mentions, entities)
    assert [p.entity_id for p in out[2].participants] == ["maker", "mill"]

"""A report that gives no day joins a person's day-dated event only when the
organisations it names agree with the event's: the same official's other talks that
month are another event."""

from __future__ import annotations

from dateline.cluster.events import cluster_events
from dateline.extract.events import EventMention
from dateline.model import Entity
from tests.conftest import event_report

ENTITIES = [
    Entity("vera", "Vera Holm", "PERSON"),
    Entity("mill", "Tarn Mills", "ORG"),
    Entity("guild", "Tarn Weavers Guild", "ORG"),
    Entity("port", "Harbour Pilots Association", "ORG"),
]


def report(doc: str, kind: str, orgs: tuple[str, ...], **when: object) -> EventMention:
    return event_report(doc, kind, "CONSULT", ("vera", *orgs), people=("vera",), **when)


VISIT = {"date": "2023-03-20", "end": "2023-03-20", "precision": "day"}
MONTH = {"date": "2023-03-01", "end": "2023-03-31", "precision": "month"}


def documents(events: list) -> list[set[str]]:  # type: ignore[type-arg]
    return sorted(({s.document_id for s in e.sources} for e in events), key=sorted)


def test_month_report_with_another_organisation_stays_apart() -> None:
    visit = report("a", "visit", ("mill", "guild"), **VISIT)
    other = report("b", "talks", ("port",), **MONTH)
    assert documents(cluster_events([visit, other], ENTITIES)) == [{"a"}, {"b"}]


def test_month_report_with_the_same_organisations_joins() -> None:
    visit = report("a", "visit", ("mill", "guild"), **VISIT)
    same = report("b", "talks", ("guild",), **MONTH)
    assert documents(cluster_events([visit, same], ENTITIES)) == [{"a", "b"}]


def test_undated_report_with_another_organisation_does_not_join() -> None:
    visit = report("a", "visit", ("mill", "guild"), **VISIT, published="2023-03-21")
    other = report("b", "talks", ("port",))
    found = documents(cluster_events([visit, other], ENTITIES))
    assert {"a", "b"} not in found
    bare = report("c", "talks", ())
    assert {"a", "c"} in documents(cluster_events([visit, bare], ENTITIES))

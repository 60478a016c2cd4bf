"""Reports of one ceremony naming different officials are one event; two meetings of
different people on one day stay two."""

from __future__ import annotations

from dateline.cluster.events import cluster_events
from dateline.extract.events import EventMention
from dateline.model import Entity
from tests.conftest import event_report

ENTITIES = [Entity("ana", "Ana Reis", "PERSON"), Entity("bo", "Bo Lund", "PERSON")]


def report(doc: str, person: str, kind: str, type: str, **more: object) -> EventMention:
    return event_report(doc, kind, type, (person,), day="2023-06-12", people=(person,), **more)


def test_two_outlets_naming_different_officials_at_one_ceremony() -> None:
    a = report("a", "ana", "ceremony", "COOPERATE")
    b = report("b", "bo", "ceremony", "COOPERATE", from_published=True)
    (event,) = cluster_events([a, b], ENTITIES)
    assert {p.name for p in event.participants} == {"Ana Reis", "Bo Lund"}
    dated = report("c", "bo", "ceremony", "COOPERATE")
    (event,) = cluster_events([a, dated], ENTITIES)
    assert {s.document_id for s in event.sources} == {"a", "c"}


def test_meetings_of_different_people_stay_apart() -> None:
    a = report("a", "ana", "meeting", "CONSULT")
    b = report("b", "bo", "meeting", "CONSULT")
    assert len(cluster_events([a, b], ENTITIES)) == 2

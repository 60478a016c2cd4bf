"""A timeline shows a few events under each day, the most cited, and links to the rest."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from dateline.model import Event
from dateline.service import Dossier
from dateline.web import views


def _shown_on(events: list[Event], day: str) -> list[Event]:
    """What a timeline may show under ``day``: the events dated to it, not background."""
    return [e for e in events if e.date == day and e.precision == "day" and not e.background]


def _busiest(client: TestClient, sample_dossier: Dossier) -> tuple[str, list[Event]]:
    """A day of the sample's timeline with two events or more, and its events."""
    every = sample_dossier.events()
    entries = client.get("/api/timeline", params={"dates": 0}).json()["entries"]
    busy = [(e["date"], found) for e in entries if len(found := _shown_on(every, e["date"])) > 1]
    assert busy, "the sample's timeline has no day with two events"
    return max(busy, key=lambda pair: len(pair[1]))


def test_a_timeline_shows_every_event_of_a_day_up_to_the_limit(
    client: TestClient, sample_dossier: Dossier
) -> None:
    every = sample_dossier.events()
    entries = client.get("/api/timeline", params={"dates": 0}).json()["entries"]
    assert entries
    for entry in entries:
        day = _shown_on(every, entry["date"])
        assert entry["events_total"] == len(day)
        assert len(entry["events"]) == min(len(day), views.TIMELINE_EVENTS)
        if len(day) <= views.TIMELINE_EVENTS:
            assert {e["id"] for e in entry["events"]} == {e.id for e in day}
            assert "more_events" not in entry


def test_past_the_limit_the_most_cited_are_shown_and_the_rest_linked(
    client: TestClient, sample_dossier: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    day, events = _busiest(client, sample_dossier)
    monkeypatch.setattr(views, "TIMELINE_EVENTS", 1)
    data = client.get("/api/timeline", params={"dates": 0}).json()
    (entry,) = [e for e in data["entries"] if e["date"] == day]
    best = min(events, key=lambda e: (-len(e.sources), e.id))
    assert [e["id"] for e in entry["events"]] == [best.id]
    assert entry["events_total"] == len(events)
    # the cited documents are those of the summary and of the events shown
    cited = {s["document"] for s in entry["summary"]} | {s.document_id for s in best.sources}
    assert set(entry["documents"]) == cited
    # the page says how many more there are and links to the day's events
    page = client.get("/timeline", params={"dates": 0}).text
    found = re.search(rf'<a href="([^"]*since={day}[^"]*)">(\d+) more events this day</a>', page)
    assert found and int(found.group(2)) == len(events) - 1
    assert unescape(found.group(1)) == entry["more_events"]
    listed = client.get(unescape(found.group(1)))
    assert listed.status_code == 200
    shown = re.findall(r'href="/events/([^"?#]+)"', listed.text)
    assert {e.id for e in events} <= {unescape(s) for s in shown}

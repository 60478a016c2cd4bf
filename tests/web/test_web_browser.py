"""Headless Chromium through every page of the sample dossier, served by a real uvicorn."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.web.conftest import needs_chromium, screenshot

pytestmark = needs_chromium


def api(live: str, path: str, **params: Any) -> Any:
    response = httpx.get(f"{live}{path}", params=params, timeout=30)
    response.raise_for_status()
    return response.json()


def open_timeline(page: Any, live: str, query: str = "") -> int:
    """Load the timeline page and wait for vis-timeline to draw its items."""
    page.goto(f"{live}/timeline{query}")
    page.wait_for_selector("#timeline[data-ready]", timeout=20_000)
    return int(page.get_attribute("#timeline", "data-ready"))


def test_timeline_to_event_to_document_to_entity(page: Any, live: str, tmp_path: Path) -> None:
    drawn = open_timeline(page, live)
    # the page's script reads the API URL the page names: the same request, made here
    source = page.get_attribute("#timeline", "data-api")
    assert source.startswith("/api/timeline?")
    entries = httpx.get(f"{live}{source}", timeout=30).json()["entries"]
    events = {e["id"] for entry in entries for e in entry["events"]}
    assert page.locator("#timeline .vis-item.vis-box.event").count() == len(events) <= drawn
    screenshot(page, tmp_path, "timeline")

    # zooming in with the wheel narrows the visible window: fewer item boxes stay in view
    box = page.locator("#timeline .vis-center").bounding_box()
    before = page.locator("#timeline .vis-time-axis .vis-text").all_inner_texts()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(6):
        page.mouse.wheel(0, -400)
    page.wait_for_timeout(400)
    assert page.locator("#timeline .vis-time-axis .vis-text").all_inner_texts() != before

    open_timeline(page, live)
    item = page.locator("#timeline .vis-item.vis-box.event").first
    label = item.inner_text()
    item.click()
    page.wait_for_url(re.compile(r"/events/[^/]+$"), timeout=10_000)
    event_id = page.url.rsplit("/", 1)[1]
    event = api(live, f"/api/events/{event_id}")
    assert event["type"] in label and event["title"][:20] in label.replace("\n", " ")
    assert page.locator("h1").inner_text() == event["title"]
    marks = page.locator("section.source mark.sentence")
    assert marks.count() == len(event["sources"])
    assert marks.first.inner_text() == event["sources"][0]["sentence"]
    assert page.locator("#event-date").inner_text().startswith(event["date"])
    screenshot(page, tmp_path, "event")

    page.locator("section.source h3 a.source-link").first.click()
    page.wait_for_url(re.compile(r"/documents/"), timeout=10_000)
    source = event["sources"][0]
    assert page.locator("#mark").inner_text() == source["sentence"]
    document = api(live, f"/api/documents/{source['document']}")
    assert page.locator("#text").inner_text().strip() == document["text"].strip()
    screenshot(page, tmp_path, "document")

    page.go_back()
    link = page.locator("a.entity-link").first
    name = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/entities/"), timeout=10_000)
    assert page.locator("h1").inner_text() == name
    profile = api(live, f"/api/entities/{page.url.rsplit('/', 1)[1]}")
    assert profile["name"] == name
    if profile["met"]:
        nodes = page.locator("svg.network circle")
        assert nodes.count() == min(len(profile["met"]), 12) + 1
    assert page.locator("ul.events li").count() == len(profile["events"])
    screenshot(page, tmp_path, "entity")
    assert page.problems == []


def test_a_day_with_more_events_than_shown_links_to_them(
    page: Any, live: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.web import views

    # the server runs in this process: one event a day makes the sample's busy days overflow
    monkeypatch.setattr(views, "TIMELINE_EVENTS", 1)
    open_timeline(page, live, "?type=CONSULT&dates=0")
    entries = api(live, "/api/timeline", type="CONSULT", dates=0)["entries"]
    over = [e for e in entries if e["events_total"] > len(e["events"])]
    boxes = page.locator("#timeline .vis-item.vis-box.more")
    assert over and boxes.count() == len(over)
    label = boxes.first.inner_text()
    boxes.first.click()
    page.wait_for_url(re.compile(r"/events\?"), timeout=10_000)
    day = re.search(r"since=(\d{4}-\d{2}-\d{2})", page.url).group(1)
    (entry,) = [e for e in over if e["date"] == day]
    assert f"{entry['events_total'] - 1} more events" in label
    assert "type=CONSULT" in page.url and f"until={day}" in page.url
    # the day's events, and those only dated to its month or recalled as background
    listed = api(live, "/api/events", type="CONSULT", since=day, until=day)
    assert page.locator("tr.event-row").count() == listed["total"] >= entry["events_total"]


def test_timeline_filters_by_type_entity_and_dates(page: Any, live: str) -> None:
    open_timeline(page, live)
    page.select_option("select[name=type]", "AGREE")
    page.click("form.filters button")
    page.wait_for_selector("#timeline[data-ready]", timeout=20_000)
    assert "type=AGREE" in page.url
    classes = page.locator("#timeline .vis-item.vis-box.event").evaluate_all(
        "items => items.map(i => i.className)"
    )
    assert classes and all("type-AGREE" in c for c in classes)

    open_timeline(page, live)
    page.fill("input[name=entity]", "Hegseth")
    page.fill("input[name=since]", "2025-01-01")
    page.click("form.filters button")
    page.wait_for_selector("#timeline[data-ready]", timeout=20_000)
    dates = page.locator("li.entry h3").all_inner_texts()
    assert dates and all(d >= "2025-01-01" for d in dates)
    assert "naming Pete Hegseth" in page.locator("form.filters").inner_text()


def test_search_with_filters(page: Any, live: str, tmp_path: Path) -> None:
    page.goto(live)
    page.fill("form.quick input[name=q]", "dioxin")
    page.press("form.quick input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=dioxin"))
    hits = page.locator("li.hit")
    expected = api(live, "/api/search", q="dioxin")["hits"]
    assert hits.count() == len(expected) > 0
    marked = page.locator("li.hit .snippet mark").all_inner_texts()
    assert marked and all(m.lower().startswith("dioxin") for m in marked)
    screenshot(page, tmp_path, "search")

    page.fill("#search-form input[name=q]", "Hegseth")
    page.fill("#search-form input[name=since]", "2025-11-01")
    page.click("#search-form button")
    page.wait_for_url(re.compile(r"since=2025-11-01"))
    shown = page.locator("li.hit .note").all_inner_texts()
    assert shown and all(s.split(" · ")[0] >= "2025-11-01" for s in shown)

    page.goto(f"{live}/search?q=%22unbalanced")
    assert "cannot search" in page.locator("#error-message").inner_text()

    page.locator("li.hit a.doc-link").count()  # the error page has no hits
    assert page.problems == []


@pytest.mark.parametrize(
    ("name", "path", "check"),
    [
        ("overview", "/", "#latest-events li a.event-link"),
        ("figures", "/figures", "svg.chart circle"),
        ("promises", "/promises", "#promises-fulfilled article.promise p.evidence"),
        ("entities", "/entities", "table.list a.entity-link"),
        ("documents", "/documents", "table.list a.doc-link"),
        ("not-found", "/events/no-such-event", "#error-message"),
    ],
)
def test_every_page_renders(
    page: Any, live: str, tmp_path: Path, name: str, path: str, check: str
) -> None:
    response = page.goto(f"{live}{path}")
    assert response.status == (404 if name == "not-found" else 200)
    assert page.locator(check).count() > 0
    screenshot(page, tmp_path, name)
    assert page.problems == []


def test_document_strikes_out_junk_on_request(page: Any, live: str, tmp_path: Path) -> None:
    documents = api(live, "/api/documents")["documents"]
    full = [api(live, f"/api/documents/{d['id']}") for d in documents]
    doc = max(full, key=lambda d: len(d["removed"]))
    page.goto(f"{live}/documents/{doc['id']}")
    assert page.locator("#text del").count() == 0
    page.click("#junk-toggle")
    page.wait_for_url(re.compile(r"junk=1"))
    struck = page.locator("#text del").all_inner_texts()
    assert [s.strip() for s in struck] == [r["text"].strip() for r in doc["removed"]]
    screenshot(page, tmp_path, "document-junk")

    copied = next(d for d in full if len(d["copies"]) > 1)
    page.goto(f"{live}/documents/{copied['id']}")
    outlets = page.locator("#copies li .note").all_inner_texts()
    assert len(outlets) == len(copied["copies"])
    assert [o.split(" · ")[0] for o in outlets] == [c["source"] for c in copied["copies"]]
    screenshot(page, tmp_path, "document-copies")

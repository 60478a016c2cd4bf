"""Pages a new user missed or was misled by: the events list, filters on entities, the
promises board, outlets instead of ids, the timeline on a phone, the vendored library."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import httpx

from dateline.model import MATCH_END, MATCH_START, snippet_spans
from dateline.web.pages import env
from dateline.web.views import snippet_parts
from tests.conftest import SAMPLE_DIR
from tests.web.conftest import PNG_MAGIC, needs_chromium, screenshot


def api(live: str, path: str, **params: Any) -> Any:
    response = httpx.get(f"{live}{path}", params=params, timeout=30)
    response.raise_for_status()
    return response.json()


def test_snippet_marks_are_not_brackets_in_the_text() -> None:
    marked = f"the [draft] plan for {MATCH_START}dioxin{MATCH_END} clean-up"
    text, spans = snippet_spans(marked)
    assert text == "the [draft] plan for dioxin clean-up"
    assert [text[a:b] for a, b in spans] == ["dioxin"]
    assert [p for p, hit in snippet_parts(text, spans) if hit] == ["dioxin"]


@needs_chromium
def test_events_page_lists_filters_and_pages(page: Any, live: str, tmp_path: Path) -> None:
    every = api(live, "/api/events", limit=500)
    response = page.goto(f"{live}/events")
    assert response.status == 200
    rows = page.locator("#events tr.event-row")
    assert rows.count() == min(every["total"], 50) > 0
    screenshot(page, tmp_path, "events")

    kind = every["events"][0]["type"]
    page.select_option("#event-filters select[name=type]", kind)
    page.click("#event-filters button")
    page.wait_for_url(re.compile(rf"type={kind}"))
    types = page.locator("#events tr.event-row .type").all_inner_texts()
    assert types and set(types) == {kind}
    assert len(types) == sum(1 for e in every["events"] if e["type"] == kind)

    page.goto(f"{live}/events?backing=single")
    single = [e for e in every["events"] if e["corroboration"]["single_source"]]
    assert page.locator("#events tr.event-row").count() == len(single)

    page.goto(f"{live}/events?offset=10")
    assert page.locator("#events tr.event-row").count() == max(0, min(50, every["total"] - 10))
    assert page.locator("nav.pager a[rel=prev]").count() > 0
    page.locator("#events a.event-link").first.click()
    page.wait_for_url(re.compile(r"/events/[^/?]+$"))
    assert page.problems == []


@needs_chromium
def test_entities_page_filters_by_kind_and_name_and_shows_roles(page: Any, live: str) -> None:
    every = api(live, "/api/entities", limit=500)["entities"]
    page.goto(f"{live}/entities")
    kinds = page.locator("#entity-filters select[name=kind] option").all_inner_texts()
    assert {e["kind"] for e in every} <= set(kinds)
    with_role = next(e for e in every if e["roles"])
    page.fill("#entity-filters input[name=name]", with_role["name"])
    page.select_option("#entity-filters select[name=kind]", with_role["kind"])
    page.click("#entity-filters button")
    page.wait_for_url(re.compile(r"name="))
    names = page.locator("#entities a.entity-link").all_inner_texts()
    assert with_role["name"] in names
    row = page.locator("#entities tr", has=page.locator(f"text={with_role['name']}")).first
    assert with_role["roles"][0]["title"] in row.locator("td.roles").inner_text()
    page.goto(f"{live}/entities?kind=GPE")
    assert set(page.locator("#entities tr td:nth-child(2)").all_inner_texts()) <= {"GPE"}


def test_promises_board_has_no_empty_column() -> None:
    promise = {"kind": "invitation", "actor": "A minister", "target": None, "made_on": None,
               "due": None, "text": "to visit next year", "sources": [],
               "fulfilled_event": None}  # fmt: skip
    html = env.get_template("promises.html").render(
        title="Promises", board={"open": [promise], "fulfilled": []}
    )
    assert 'id="promises-open"' in html and 'id="promises-fulfilled"' not in html
    assert "None." not in html and "No promise has been kept yet." in html
    assert 'class="board single"' in html


@needs_chromium
def test_document_and_figures_name_outlets_not_ids(page: Any, live: str) -> None:
    documents = api(live, "/api/documents")["documents"]
    plain = next(d for d in documents if not d["url"])
    page.goto(f"{live}/documents/{plain['id']}")
    outlet = page.locator("#outlet").inner_text()
    assert plain["id"] not in outlet and "unknown" in outlet
    # the file's name, never the folder it lies in on the server
    assert Path(plain["path"]).name in page.content()
    assert str(SAMPLE_DIR) not in page.content()

    figures = api(live, "/api/figures")["figures"]
    ids = {s["document"] for f in figures for s in f["sources"]}
    page.goto(f"{live}/figures")
    links = page.locator("ul.sources a.source-link").all_inner_texts()
    assert links and not any(link.strip() in ids for link in links)
    titles = {d["title"] for d in documents if d["title"]}
    assert any(t in link for link in links for t in titles)
    assert page.problems == []


@needs_chromium
def test_timeline_on_a_phone_opens_on_its_items(browser: Any, live: str, tmp_path: Path) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
        has_touch=True,
    )  # fmt: skip
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    try:
        page.goto(f"{live}/timeline")
        page.wait_for_selector("#timeline[data-ready]", timeout=20_000)
        days = [e["date"] for e in api(live, "/api/timeline")["entries"]]
        start = date.fromisoformat(page.get_attribute("#timeline", "data-window-start"))
        end = date.fromisoformat(page.get_attribute("#timeline", "data-window-end"))
        first, last = date.fromisoformat(min(days)), date.fromisoformat(max(days))
        assert start <= first and last <= end
        # fitted: at most a fifth of the items' span on either side, not a decade
        margin = max((last - first).days // 5, 7)
        assert (first - start).days <= margin and (end - last).days <= margin
        years = page.locator("#timeline .vis-time-axis .vis-text.vis-major").all_inner_texts()
        assert not any(y.strip() in ("2020", "2030") for y in years)

        path = tmp_path / "timeline-phone.png"
        page.screenshot(path=str(path), full_page=True)
        data = path.read_bytes()
        width = int.from_bytes(data[16:20], "big")
        assert data.startswith(PNG_MAGIC) and len(data) > 2000 and width == 390 * 2
        # the drawn items are on the screen, not off to one side
        boxes = [b for b in (page.locator("#timeline .vis-item.vis-box.event").nth(i)
                 .bounding_box() for i in range(3)) if b]  # fmt: skip
        assert boxes and all(b["x"] + b["width"] > 0 and b["x"] < 390 for b in boxes)
    finally:
        context.close()
    assert not [m for m in messages if "deprecated" in m.lower()], messages


@needs_chromium
def test_timeline_library_logs_no_deprecation(page: Any, live: str) -> None:
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.goto(f"{live}/timeline")
    page.wait_for_selector("#timeline[data-ready]", timeout=20_000)
    assert int(page.get_attribute("#timeline", "data-ready")) > 0
    assert page.locator("#timeline .vis-item").count() > 0
    assert not [m for m in messages if "deprecated" in m.lower()], messages
    assert page.problems == []


def test_vendor_readme_checksums_match_the_files() -> None:
    import hashlib

    vendor = Path(__file__).resolve().parents[2] / "src/dateline/web/static/vendor"
    listed = re.findall(r"^([0-9a-f]{64})  (\S+)$", (vendor / "README.md").read_text(), re.M)
    assert {name for _, name in listed} == {p.name for p in vendor.glob("*.min.*")}
    for digest, name in listed:
        assert hashlib.sha256((vendor / name).read_bytes()).hexdigest() == digest, name

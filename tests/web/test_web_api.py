"""The JSON API over the sample corpus: every endpoint, its filters, and bad parameters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.service import Dossier
from dateline.web import CSP, create_app
from tests.conftest import SAMPLE_DIR


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    for path in ["/api/overview", "/api/stats", "/api/timeline", "/api/events",
                 "/api/events/{event_id}", "/api/entities", "/api/entities/{name}",
                 "/api/figures", "/api/promises", "/api/documents",
                 "/api/documents/{document_id}", "/api/search", "/api/ingest"]:  # fmt: skip
        assert path in paths, path
    # pages are not part of the API
    assert not any(not p.startswith("/api/") for p in paths)


def test_overview_counts_the_store(client: TestClient, sample_dossier: Dossier) -> None:
    data = client.get("/api/overview").json()
    assert data["stats"] == sample_dossier.stats()
    assert data["counts"]["events"] == len(sample_dossier.events())
    assert data["counts"]["entities"] == len(sample_dossier.entities())
    dates = [e["date"] for e in data["latest_events"]]
    assert dates and dates == sorted(dates, reverse=True)
    assert all(p["status"] == "open" for p in data["open_promises"])
    assert all(f["previous"] is not None for f in data["changed_figures"])


def test_events_are_the_export_json(client: TestClient, sample_dossier: Dossier) -> None:
    exported = {e["id"]: e for e in sample_dossier.export(["events"])["events"]}
    data = client.get("/api/events", params={"limit": 500}).json()
    assert data["total"] == len(exported)
    assert {e["id"]: e for e in data["events"]} == exported


def test_events_filters(client: TestClient) -> None:
    agree = client.get("/api/events", params={"type": "agree"}).json()["events"]
    assert agree and {e["type"] for e in agree} == {"AGREE"}
    hegseth = client.get("/api/events", params={"entity": "Hegseth"}).json()["events"]
    assert hegseth and all(
        any("Hegseth" in p["entity"] for p in e["participants"]) for e in hegseth
    )
    window = client.get("/api/events", params={"since": "2025-01-01", "until": "2025-06-30"})
    days = [e["date"] for e in window.json()["events"]]
    assert days and all("2025-01-01" <= d <= "2025-06-30" for d in days)
    page = client.get("/api/events", params={"limit": 2, "offset": 1}).json()
    every = client.get("/api/events").json()["events"]
    assert [e["id"] for e in page["events"]] == [e["id"] for e in every[1:3]]


def test_event_shows_each_sentence_in_its_article(
    client: TestClient, sample_dossier: Dossier
) -> None:
    event = sample_dossier.events()[0]
    data = client.get(f"/api/events/{event.id}").json()
    assert data["id"] == event.id and len(data["sources"]) == len(event.sources)
    for source in data["sources"]:
        text = sample_dossier.document(source["document"]).text
        assert source["before"] + source["sentence"] + source["after"] == text
        assert text[source["start"] : source["end"]] == source["sentence"]


def test_timeline_matches_the_dossier(client: TestClient, sample_dossier: Dossier) -> None:
    data = client.get("/api/timeline", params={"dates": 5}).json()
    expected = [e.date for e in sample_dossier.timeline(5, 2)]
    assert [e["date"] for e in data["entries"]] == expected


def test_timeline_filters(client: TestClient) -> None:
    data = client.get("/api/timeline", params={"dates": 0, "type": "CONSULT"}).json()
    assert data["entries"] and data["filters"]["type"] == "CONSULT"
    assert {e["type"] for entry in data["entries"] for e in entry["events"]} == {"CONSULT"}
    ranged = client.get("/api/timeline", params={"since": "2025-03-01", "until": "2025-09-30"})
    assert all("2025-03-01" <= e["date"] <= "2025-09-30" for e in ranged.json()["entries"])
    named = client.get("/api/timeline", params={"entity": "Hegseth", "dates": 0}).json()
    assert named["filters"]["entity"] == "Pete Hegseth"
    for entry in named["entries"]:
        for event in entry["events"]:
            full = client.get(f"/api/events/{event['id']}").json()
            assert any(p["entity"] == "Pete Hegseth" for p in full["participants"])


def test_entities_and_one_entity(client: TestClient, sample_dossier: Dossier) -> None:
    listed = client.get("/api/entities").json()
    assert listed["total"] == len(sample_dossier.entities())
    mentions = [e["mentions"] for e in listed["entities"]]
    assert mentions == sorted(mentions, reverse=True)
    people = client.get("/api/entities", params={"kind": "person"}).json()["entities"]
    assert people and {e["kind"] for e in people} == {"PERSON"}
    profile = client.get("/api/entities/Hegseth").json()
    assert profile["name"] == "Pete Hegseth"
    assert client.get(f"/api/entities/{profile['id']}").json()["name"] == "Pete Hegseth"
    met = [m["events"] for m in profile["met"]]
    assert met and met == sorted(met, reverse=True)
    ids = {e["id"] for e in profile["events"]}
    assert ids == {e.id for e in sample_dossier.entity("Hegseth").events}


def test_figures_are_the_export_json(client: TestClient, sample_dossier: Dossier) -> None:
    exported = sample_dossier.export(["figures"])["figures"]
    assert client.get("/api/figures").json()["figures"] == exported
    some = exported[0]["subject"].split()[0]
    chosen = client.get("/api/figures", params={"subject": some}).json()["figures"]
    assert chosen and all(some.lower() in f["subject"].lower() for f in chosen)


def test_promises_with_their_evidence(client: TestClient) -> None:
    every = client.get("/api/promises").json()["promises"]
    fulfilled = client.get("/api/promises", params={"status": "fulfilled"}).json()["promises"]
    open_ = client.get("/api/promises", params={"status": "open"}).json()["promises"]
    assert len(every) == len(fulfilled) + len(open_)
    assert fulfilled, "the sample has a kept promise"
    for p in fulfilled:
        assert p["fulfilled_event"]["id"] == p["fulfilled_by"]
        assert all(s["sentence"] for s in p["fulfilled_event"]["sources"])


def test_documents_and_one_document(client: TestClient, sample_dossier: Dossier) -> None:
    listed = client.get("/api/documents", params={"limit": 500}).json()
    assert listed["total"] == len(sample_dossier.documents()) == len(listed["documents"])
    exported = {d["id"]: d for d in sample_dossier.export(["documents"])["documents"]}
    junk = 0
    for row in listed["documents"]:
        doc = client.get(f"/api/documents/{row['id']}").json()
        want = {**exported[row["id"]], "path": Path(exported[row["id"]]["path"]).name}
        assert {k: doc[k] for k in want} == want  # no server path beyond the file name
        # the kept parts, joined, are the clean text; the removed parts are the junk
        kept = "".join(s["text"] for s in doc["segments"] if s["kind"] == "kept")
        assert kept == doc["text"]
        removed = [s["text"] for s in doc["segments"] if s["kind"] == "removed"]
        assert removed == [r["text"] for r in doc["removed"]]
        junk += len(removed)
        root = doc["duplicate_of"] or doc["id"]
        assert doc["id"] in {c["id"] for c in doc["copies"]}
        assert doc["copies"][0]["id"] == root
    assert junk > 0, "the sample corpus has junk to strike out"
    with_copies = [d for d in listed["documents"] if d["duplicate_of"]]
    assert with_copies, "the sample corpus has duplicates"


def test_search_with_snippets_and_filters(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "dioxin"}).json()["hits"]
    assert hits and all(
        next(h["snippet"][a:b].lower() for a, b in h["matches"]) == "dioxin" for h in hits
    )
    assert len(client.get("/api/search", params={"q": "dioxin", "limit": 1}).json()["hits"]) == 1
    since = client.get("/api/search", params={"q": "Hegseth", "since": "2025-11-01"}).json()
    assert all(h["published"] >= "2025-11-01" for h in since["hits"])
    every = client.get("/api/search", params={"q": "Hegseth"}).json()["hits"]
    assert len(since["hits"]) < len(every)
    outlet = next(h["outlet"] for h in every if "." in h["outlet"])
    only = client.get("/api/search", params={"q": "Hegseth", "outlet": outlet}).json()["hits"]
    assert only and {h["outlet"] for h in only} == {outlet}


def test_security_headers_on_pages_and_api(client: TestClient) -> None:
    for url in ["/", "/api/stats", "/api/events/nope", "/timeline"]:
        response = client.get(url)
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP


BAD = [
    ("/api/timeline?since=2025-13-01", 400),
    ("/api/timeline?since=yesterday", 400),
    ("/api/timeline?since=2025-06-01&until=2025-01-01", 400),
    ("/api/timeline?anchor=stars", 400),
    ("/api/timeline?dates=-1", 400),
    ("/api/timeline?dates=many", 400),
    ("/api/timeline?sentences=0", 400),
    ("/api/timeline?type=PARTY", 400),
    ("/api/timeline?entity=Nobody+Atall", 400),
    ("/api/events?limit=-5", 400),
    ("/api/events?limit=0", 400),
    ("/api/events?limit=100000", 400),
    ("/api/events?offset=-1", 400),
    ("/api/events?until=31/12/2025", 400),
    ("/api/events?type=%3Cb%3E", 400),
    ("/api/entities?limit=x", 400),
    ("/api/promises?status=broken", 400),
    ("/api/documents?limit=-1", 400),
    ("/api/search", 400),
    ("/api/search?q=", 400),
    ("/api/search?q=%22Bien+Hoa", 400),
    ("/api/search?q=AND", 400),
    ("/api/search?q=dioxin&limit=-3", 400),
    ("/api/search?q=dioxin&since=2025-02-30", 400),
    ("/api/search?q=" + "a" * 600, 400),
    ("/api/events/ev-does-not-exist", 404),
    ("/api/entities/Nobody%20Atall", 404),
    ("/api/documents/d000000000000", 404),
    ("/api/nothing-here", 404),
]


@pytest.mark.parametrize(("url", "status"), BAD)
def test_bad_parameters_get_a_message(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail


def test_ingest_is_refused_without_a_token(client: TestClient, sample_dossier: Dossier) -> None:
    before = sample_dossier.stats()["documents"]
    response = client.post("/api/ingest", json={"paths": [str(SAMPLE_DIR)]})
    assert response.status_code == 403 and "read-only" in response.json()["detail"]
    assert sample_dossier.stats()["documents"] == before


def test_ingest_with_the_token(dossier: Dossier, tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    app = create_app(dossier, token="s3cret-token", ingest_root=tmp_path / "inbox")
    article = {
        "title": "Ministers meet in Hanoi",
        "date": "2025-10-02",
        "text": "Hanoi, October 2, 2025 - Defence Minister Phan Van Giang held talks with "
        "US Secretary of Defense Pete Hegseth in Hanoi on Thursday. The two ministers "
        "agreed to expand cooperation on clearing unexploded ordnance.",
    }
    with TestClient(app) as c:
        assert c.post("/api/ingest", json={"articles": [article]}).status_code == 401
        wrong = c.post("/api/ingest", json={"articles": [article]},
                       headers={"Authorization": "Bearer nope"})  # fmt: skip
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
        auth = {"Authorization": "Bearer s3cret-token"}
        assert c.post("/api/ingest", json={}, headers=auth).status_code == 400
        missing = c.post("/api/ingest", json={"paths": ["none"]}, headers=auth)
        assert missing.status_code == 400 and "no such file" in missing.json()["detail"]
        # nothing outside the ingest root, however it is spelt
        (tmp_path / "secret.txt").write_text(" date 2025-01-01 A private note on the talks.\n")
        (tmp_path / "inbox" / "link.txt").symlink_to(tmp_path / "secret.txt")
        for outside in (
            str(tmp_path / "secret.txt"),
            "../secret.txt",
            "link.txt",
            "/etc",
            "a\x00b",
        ):
            refused = c.post("/api/ingest", json={"paths": [outside]}, headers=auth)
            assert refused.status_code == 400, outside
        assert c.get("/api/stats").json()["documents"] == 0
        assert c.post("/api/ingest", json={"articles": [{"text": ""}]},
                      headers=auth).status_code == 400  # fmt: skip
        done = c.post("/api/ingest", json={"articles": [article]}, headers=auth)
        assert done.status_code == 200, done.text
        assert len(done.json()["added"]) == 1 and done.json()["build"]["documents"] == 1
        docs = c.get("/api/documents").json()["documents"]
        assert [d["title"] for d in docs] == ["Ministers meet in Hanoi"]
        assert c.get("/api/search", params={"q": "ordnance"}).json()["hits"]
        # the lists kept for speed follow the write
        assert c.get("/api/overview").json()["stats"]["documents"] == 1
        # a folder inside the ingest root
        (tmp_path / "inbox" / "more").mkdir()
        again_text = article["text"].replace("Thursday", "Thursday morning")
        (tmp_path / "inbox" / "more" / "a.json").write_text(
            json.dumps({**article, "title": "Again", "text": again_text})
        )
        again = c.post("/api/ingest", json={"paths": ["more"]}, headers=auth)
        assert again.status_code == 200 and len(again.json()["added"]) == 1


def test_server_paths_need_an_ingest_root(dossier: Dossier) -> None:
    with TestClient(create_app(dossier, token="t0ken")) as c:
        refused = c.post("/api/ingest", json={"paths": [str(SAMPLE_DIR)]},
                         headers={"Authorization": "Bearer t0ken"})  # fmt: skip
        assert refused.status_code == 400 and "--ingest-root" in refused.json()["detail"]
        assert c.get("/api/stats").json()["documents"] == 0


def test_an_owned_store_opens_and_closes(tmp_path: Path) -> None:
    location = tmp_path / "empty.db"
    with TestClient(create_app(location)) as c:
        assert c.get("/api/stats").json()["documents"] == 0
        assert c.get("/api/timeline").json()["entries"] == []
        page = c.get("/")
        assert page.status_code == 200 and re.search(r"<b>0</b>\s*documents", page.text)


def test_documents_page_in_ingest_order(client: TestClient, sample_dossier: Dossier) -> None:
    every = [d.id for d in sample_dossier.documents()]
    pages = [client.get("/api/documents", params={"limit": 7, "offset": start}).json()
             for start in range(0, len(every) + 7, 7)]  # fmt: skip
    assert all(p["total"] == len(every) for p in pages)
    assert [d["id"] for p in pages for d in p["documents"]] == every
    assert pages[-1]["documents"] == []


def test_the_timeline_page_says_when_it_read_a_sample(client: TestClient) -> None:
    from dateline.web.pages import env

    data = client.get("/api/timeline", params={"dates": 3}).json()
    assert data["entries"] and all(e["sample"] == 1.0 for e in data["entries"])
    page = env.get_template("timeline.html")
    whole = page.render(title="Timeline", data=data, asked={}, api="/api/timeline")
    assert "sample-note" not in whole
    data["entries"][0]["sample"] = 0.25
    sampled = page.render(title="Timeline", data=data, asked={}, api="/api/timeline")
    assert "even sample of 25.0% of the articles" in sampled


def test_event_page_lists_each_story_and_its_copies(
    client: TestClient, sample_dossier: Dossier
) -> None:
    backing = sample_dossier.corroboration(sample_dossier.events())
    # an event some of whose reports are copies of one another, if the sample has one
    copied = [eid for eid, c in backing.items() if any(len(d) > 1 for _, d in c.reports)]
    event_id = copied[0] if copied else next(iter(backing))
    page = client.get(f"/events/{event_id}").text
    assert 'id="event-reports"' in page
    for story, documents in backing[event_id].reports:
        assert f'href="/documents/{story}"' in page
        assert all(f'href="/documents/{d}"' in page for d in documents)

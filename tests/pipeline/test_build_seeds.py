"""The dossier built from the five seed articles holds the events, people, figures and
promises they report, and nothing from the teaser junk (read at run time)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dateline.analyse.timex import find_time_expressions
from dateline.service import Dossier
from tests.conftest import SEEDS_DIR, needs_seeds

pytestmark = needs_seeds


@pytest.fixture(scope="module")
def export(seeds_dossier: Dossier) -> dict[str, Any]:
    return seeds_dossier.export()


@pytest.fixture(scope="module")
def prefix(export: dict[str, Any]) -> dict[str, str]:
    """Document id -> the seed file's three-digit prefix."""
    return {d["id"]: Path(d["path"]).name[:3] for d in export["documents"]}


def events_on(export: dict[str, Any], day: str, kind: str) -> list[dict[str, Any]]:
    return [e for e in export["events"] if e["date"] == day and e["type"] == kind]


def people(event: dict[str, Any]) -> set[str]:
    return {p["entity"] for p in event["participants"]}


def test_february_call_is_one_event_reported_by_both_copies(export, prefix) -> None:
    [call] = events_on(export, "2025-02-07", "CONSULT")
    assert call["precision"] == "day"
    assert {"Phan Văn Giang", "Pete Hegseth"} <= people(call)
    reported = {prefix[s["document"]] for s in call["sources"]}
    assert {"000", "001"} <= reported
    assert "004" in reported  # "the February 2025 call" joins it


def test_may_dialogue_with_its_co_chairs(export) -> None:
    dialogue = [e for e in events_on(export, "2025-05-08", "CONSULT") if "Dialogue" in e["title"]]
    assert len(dialogue) == 1
    assert {"Hoàng Xuân Chiến", "John Noh"} <= people(dialogue[0])
    assert dialogue[0]["location"] == "Hà Nội"


def test_memorandum_talks_and_reception(export) -> None:
    [mou] = events_on(export, "2025-10-31", "AGREE")
    assert {"Hoàng Xuân Chiến", "Marc Evans Knapper"} <= people(mou)
    talks = [e for e in events_on(export, "2025-11-02", "CONSULT") if "Phan Văn Giang" in people(e)]
    assert len(talks) == 1 and talks[0]["location"] == "Hà Nội"
    receptions = [e for e in export["events"] if "Luong Cuong" in people(e)]
    assert len(receptions) == 1 and "Pete Hegseth" in people(receptions[0])


def test_background_events_have_coarse_dates(export) -> None:
    coarse = {(e["date"], e["precision"]) for e in export["events"] if e["background"]}
    assert ("2011-01-01", "year") in coarse
    assert ("2021-07-01", "month") in coarse


def test_each_person_once_with_roles(export) -> None:
    by_name = {e["name"]: e for e in export["entities"] if e["kind"] == "PERSON"}
    assert {"Phan Văn Giang", "Pete Hegseth", "Hoàng Xuân Chiến", "John Noh"} <= set(by_name)
    assert {"Phan Van Giang", "Giang"} <= set(by_name["Phan Văn Giang"]["aliases"])
    titles = [
        (r["title"], r["first_seen"], r["last_seen"]) for r in by_name["Pete Hegseth"]["roles"]
    ]
    assert ("Secretary of Defence", "2025-02-08", "2025-05-09") in titles
    assert ("Secretary of War", "2025-11-02", "2025-11-02") in titles


def test_aid_and_remains_figures(export) -> None:
    values = {(f["value"], f["unit"]): f for f in export["figures"]}
    assert values[(430_000_000, "USD")]["previous"] == 300_000_000
    assert (130_000_000, "USD") in values
    assert (994, "boxes of remains") in values and (740, "boxes of remains") in values


def test_february_promises_are_matched_to_the_events_that_kept_them(export) -> None:
    events = {e["id"]: e for e in export["events"]}
    kept = {p["kind"]: events[p["fulfilled_by"]] for p in export["promises"] if p["fulfilled_by"]}
    assert kept["invitation"]["date"] == "2025-11-02"
    assert "Dialogue" in kept["proposal"]["title"]
    assert kept["proposal"]["date"] == "2025-05-08"


def test_nothing_comes_from_the_teaser_junk(export) -> None:
    [path] = SEEDS_DIR.glob("001_*.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    teasers = [line for line in lines[lines.index("See more") + 1 :] if line.strip()]
    sentences = [
        s["sentence"]
        for key in ("events", "figures", "promises")
        for record in export[key]
        for s in record["sources"]
    ]
    for sentence in sentences:
        assert not any(sentence in line or line in sentence for line in teasers)
    # the dates the teasers talk about never become event dates
    published = next(d["published"] for d in export["documents"] if d["path"].endswith(path.name))
    teaser_dates = {
        t.value
        for line in teasers
        for t in find_time_expressions(line, date.fromisoformat(published))
        if t.precision == "day"
    }
    assert teaser_dates, "the teasers should carry dates of their own"
    event_dates = {e["date"] for e in export["events"]}
    assert not teaser_dates & event_dates

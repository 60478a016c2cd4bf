"""The shared seed articles: dates from their headers, none from their texts."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from dateline.dating import choose_publication_date, date_from_duplicate, find_date_candidates
from dateline.model import DateCandidate, RawDocument

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
TODAY = date(2026, 1, 1)
pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent"),
]


def seed_documents() -> dict[str, tuple[RawDocument, str]]:
    """Seeds by number: a raw document carrying the header's date, and the body text.

    The header and the teaser list are stripped here as the reader and the cleaner
    would strip them.
    """
    docs = {}
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        header = re.match(r"\A date (\d{4}-\d{2}-\d{2}) ", raw)
        text = raw[header.end() :] if header else raw
        text = re.split(r"^See more$", text, flags=re.MULTILINE)[0]
        found = (DateCandidate(header[1], "header", header[0]),) if header else ()
        docs[path.name[:3]] = (RawDocument(str(path), 0, "text", raw, date_candidates=found), text)
    return docs


def test_no_seed_text_gives_a_date_of_its_own() -> None:
    # Datelines without a year, "1982", "the 2011 memorandum", "on October 31"...
    for number, (raw, text) in seed_documents().items():
        bare = RawDocument(raw.path, 0, "text", text)
        assert find_date_candidates(bare, text) == (), number


def test_003_has_no_date_and_says_why() -> None:
    raw, text = seed_documents()["003"]
    chosen = choose_publication_date(find_date_candidates(raw, text), today=TODAY)
    assert chosen.value is None and chosen.how is None
    assert "no date header" in chosen.why


def test_headers_date_000_002_004_and_001_takes_000s_date() -> None:
    chosen = {
        number: choose_publication_date(find_date_candidates(raw, text), today=TODAY)
        for number, (raw, text) in seed_documents().items()
    }
    assert {k: (v.value, v.how) for k, v in chosen.items() if v.value} == {
        "000": ("2025-02-08", "header"),
        "002": ("2025-11-02", "header"),
        "004": ("2025-05-09", "header"),
    }
    copy = date_from_duplicate(chosen["001"], chosen["000"], "seed-000")
    assert (copy.value, copy.how) == ("2025-02-08", "duplicate")
    assert "seed-000" in copy.why

"""Ingest of the five real seed articles (read from ../shared/seeds at run time)."""

from __future__ import annotations

import re

from dateline.service import Dossier
from tests.conftest import SEEDS_DIR, TODAY, needs_seeds

pytestmark = needs_seeds


def by_prefix(dossier: Dossier) -> dict[str, object]:
    return {doc.path.rsplit("/", 1)[-1][:3]: doc for doc in dossier.documents()}


def raw_lines_after_heading(prefix: str, heading: str) -> list[str]:
    [path] = SEEDS_DIR.glob(f"{prefix}_*.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines[lines.index(heading) + 1 :] if line.strip()]


def test_all_five_are_stored_and_only_000_001_are_duplicates(seeds_dossier: Dossier) -> None:
    docs = by_prefix(seeds_dossier)
    assert sorted(docs) == ["000", "001", "002", "003", "004"]
    links = {p: d.duplicate_of for p, d in docs.items() if d.duplicate_of}
    assert links == {"001": docs["000"].id}


def test_teasers_of_001_are_removed_but_its_article_kept(seeds_dossier: Dossier) -> None:
    doc = by_prefix(seeds_dossier)["001"]
    teasers = raw_lines_after_heading("001", "See more")
    assert len(teasers) > 5
    for line in teasers:
        assert line not in doc.text
    assert "See more" not in doc.text
    assert "Hegseth, for his part" in doc.text
    reasons = {e.reason for e in doc.edits}
    assert any("teaser" in r for r in reasons)


def test_layout_token_of_003_is_removed(seeds_dossier: Dossier) -> None:
    doc = by_prefix(seeds_dossier)["003"]
    lone_tokens = [
        line for line in doc.raw.splitlines() if re.fullmatch(r"[a-z]{10,}", line.strip())
    ]
    assert lone_tokens, "the seed should hold a layout token line"
    for token in lone_tokens:
        assert token not in doc.text.split()
    assert "President Luong Cuong welcomed" in doc.text


def test_publication_dates_and_how_they_were_found(seeds_dossier: Dossier) -> None:
    docs = by_prefix(seeds_dossier)
    for prefix in ("000", "002", "004"):
        [path] = SEEDS_DIR.glob(f"{prefix}_*.txt")
        header = path.read_text(encoding="utf-8").split()[1]
        assert (docs[prefix].published, docs[prefix].published_how) == (header, "header")
    assert docs["001"].published == docs["000"].published
    assert docs["001"].published_how == "duplicate"
    assert docs["000"].id in docs["001"].published_why
    # 003 carries no date of its own: none is better than a wrong one, with a reason
    assert docs["003"].published is None
    assert docs["003"].published_why


def test_reingest_changes_nothing(seeds_dossier: Dossier) -> None:
    before = seeds_dossier.store.dump()
    report = seeds_dossier.ingest([SEEDS_DIR], build=False)
    assert report.added == () and len(report.unchanged) == 5
    assert seeds_dossier.store.dump() == before


def test_search_finds_dioxin_once_per_story(seeds_dossier: Dossier) -> None:
    hits = seeds_dossier.search("dioxin")
    roots = [h.document_id for h in hits]
    docs = by_prefix(seeds_dossier)
    assert docs["001"].id not in roots  # folded into its canonical copy
    assert {docs["000"].id, docs["002"].id, docs["004"].id} <= set(roots)


def test_ingest_order_does_not_change_the_duplicate_partition(tmp_path) -> None:
    files = sorted(SEEDS_DIR.glob("*.txt"), reverse=True)
    with Dossier.open(tmp_path / "rev.db", today=TODAY) as dossier:
        dossier.ingest(files, build=False)
        docs = by_prefix(dossier)
        groups = {p: (d.duplicate_of or d.id) for p, d in docs.items()}
    assert groups["000"] == groups["001"]
    assert len(set(groups.values())) == 4
    # reversed order: 001 came first, so it is the canonical copy and 000 its duplicate
    assert docs["001"].published == docs["000"].published

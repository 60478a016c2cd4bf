"""The shared seed articles: 000 and 001 are one story, nothing else is a copy."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from dateline.dedupe import DuplicateIndex, fingerprint, group_texts, partition

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent"),
]


def seed_texts() -> dict[str, str]:
    """Seed texts by number, without the date header and the teaser list (the cleaner's job)."""
    texts = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = re.sub(r"\A date \d{4}-\d{2}-\d{2} ", "", path.read_text(encoding="utf-8"))
        texts[path.name[:3]] = re.split(r"^See more$", text, flags=re.MULTILINE)[0]
    return texts


@pytest.mark.parametrize("exact", [False, True])
def test_only_000_and_001_match(exact: bool) -> None:
    texts = seed_texts()
    assert {"000", "001", "003"} <= set(texts)
    matched = set()
    for a, b in itertools.permutations(texts, 2):
        root, other = fingerprint(texts[a]), fingerprint(texts[b])
        index = DuplicateIndex()
        index.add(a, root.content_hash, root.signature, root.size)
        shingles_of = {a: root.shingle_set()}.get if exact else None
        match = index.find(
            other.content_hash, other.signature, other.size, other.shingle_set(), shingles_of
        )
        if match is not None:
            assert (match.document_id, match.how) == (a, "near")
            matched.add(frozenset((a, b)))
    assert matched == {frozenset(("000", "001"))}


def test_seed_groups_do_not_depend_on_order() -> None:
    texts = seed_texts()
    expected = {frozenset(("000", "001"))} | {frozenset((k,)) for k in texts if k > "001"}
    for order in itertools.permutations(sorted(texts)):
        assert partition(group_texts((k, texts[k]) for k in order)) == expected

"""The sample corpus against its gold annotation (tests/gold/sample_core.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.model import Document
from dateline.service import Dossier
from tests.conftest import GOLD_DIR

GOLD = json.loads((GOLD_DIR / "sample_core.json").read_text(encoding="utf-8"))


def key(doc: Document) -> str:
    name = Path(doc.path).name
    return f"{name}#{doc.record}" if doc.format == "json" else name


@pytest.fixture(scope="module")
def docs(sample_dossier: Dossier) -> dict[str, Document]:
    return {key(d): d for d in sample_dossier.documents()}


def test_every_gold_entry_is_stored(docs: dict[str, Document]) -> None:
    assert sorted(docs) == sorted(GOLD)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_publication_date(name: str, docs: dict[str, Document]) -> None:
    gold, doc = GOLD[name], docs[name]
    assert (doc.published, doc.published_how) == (gold["published"], gold["published_how"]), (
        doc.published_why
    )


@pytest.mark.parametrize("name", sorted(GOLD))
def test_duplicate_link(name: str, docs: dict[str, Document]) -> None:
    gold, doc = GOLD[name], docs[name]
    expected = docs[gold["duplicate_of"]].id if gold["duplicate_of"] else None
    assert doc.duplicate_of == expected
    assert doc.duplicate_how == gold["duplicate_kind"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_cleaning_removes_junk_and_keeps_sentences(name: str, docs: dict[str, Document]) -> None:
    gold, doc = GOLD[name], docs[name]
    for snippet in gold["must_remove"]:
        assert snippet not in doc.text, snippet
    for snippet in gold["must_keep"]:
        assert snippet in doc.text, snippet


@pytest.mark.parametrize("name", sorted(GOLD))
def test_title(name: str, docs: dict[str, Document]) -> None:
    expected = GOLD[name].get("title")
    if expected is not None:
        assert docs[name].title == expected

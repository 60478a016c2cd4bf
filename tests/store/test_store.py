"""SQLite store: migrations, one transaction per document, FTS5 search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.errors import QueryError, StoreError
from dateline.model import Document, Edit
from dateline.store import SQLiteStore
from dateline.store.migrations import latest_version


def make_doc(did: str, text: str, **kw: object) -> Document:
    fields: dict = {"path": f"{did}.txt", "record": 0, "format": "text", "raw": text}
    fields.update(kw)
    return Document(id=did, text=text, content_hash=did, **fields)


def write(store: SQLiteStore, doc: Document) -> None:
    store.write_document(doc, f"/abs/{doc.id}", b"sig", 3)


def test_new_store_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    assert store.schema_version() == latest_version()
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in store.conn.execute("SELECT name FROM migrations ORDER BY version")]
    assert names[0] == "documents"
    store.close()
    # reopening applies nothing twice
    again = SQLiteStore(tmp_path / "s.db")
    assert again.conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(names)


def test_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    store.conn.execute("INSERT INTO migrations VALUES (999, 'future', 'x')")
    store.close()
    with pytest.raises(StoreError, match="newer Dateline"):
        SQLiteStore(tmp_path / "s.db")


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"bad\.db"):
        SQLiteStore(bad)


def test_document_round_trip(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    doc = make_doc(
        "d1",
        "Clean text.",
        raw="JUNK Clean text.",
        edits=(Edit(0, 5, "layout token"),),
        published="2025-02-08",
        published_how="header",
        published_why="from the header",
    )
    write(store, doc)
    assert store.get_document("d1") == doc
    assert store.has_document("d1") and not store.has_document("d2")
    assert store.document_at("/abs/d1", 0) == "d1"


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    write(store, make_doc("d1", "First article about talks."))
    # same resolved path and record: the UNIQUE constraint fails after earlier inserts
    clash = make_doc("d2", "Second article.", edits=(Edit(0, 1, "x"),))
    with pytest.raises(sqlite3.IntegrityError):
        store.write_document(clash, "/abs/d1", b"sig", 3)
    assert store.count_documents() == 1
    assert store.conn.execute("SELECT count(*) FROM edits").fetchone()[0] == 0
    assert store.search("Second") == []
    assert store.integrity_check() == "ok"


def test_replacing_a_document_removes_the_old_one_everywhere(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    write(store, make_doc("old", "Version one mentions dioxin."))
    store.write_document(
        make_doc("new", "Version two mentions aid."), "/abs/old", b"s", 3, replaces="old"
    )
    assert not store.has_document("old")
    assert store.search("dioxin") == []
    assert [h.document_id for h in store.search("aid")] == ["new"]


def test_search_ranks_and_folds_duplicates_and_diacritics(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    write(
        store,
        make_doc(
            "a",
            "Dioxin clean-up at Biên Hòa airbase. Dioxin again, dioxin.",
            published="2025-05-09",
        ),
    )
    write(store, make_doc("b", "A single mention of dioxin in a long text about training."))
    write(
        store,
        make_doc(
            "c", "Dioxin clean-up at Biên Hòa airbase. Dioxin again, dioxin.", duplicate_of="a"
        ),
    )
    hits = store.search("dioxin")
    assert [h.document_id for h in hits] == ["a", "b"]  # c folds into a
    assert hits[0].published == "2025-05-09"
    assert "[Dioxin]" in hits[0].snippet
    assert [h.document_id for h in store.search('"Bien Hoa"')] == ["a"]


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "dioxin OR", "a:b:c", "(("])
def test_malformed_query_is_a_clear_error(tmp_path: Path, query: str) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    write(store, make_doc("a", "Dioxin."))
    with pytest.raises(QueryError, match="cannot search for"):
        store.search(query)

"""The store on both backends: migrations, one transaction per document, full-text search.

Every test taking ``location`` runs on SQLite and on PostgreSQL (the latter when
DATELINE_TEST_POSTGRES names a server). Tests named ``test_sqlite_*`` are about the SQLite
file itself (WAL mode, a damaged file) and run on SQLite only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from dateline.errors import QueryError, StoreError
from dateline.model import MATCH_END, MATCH_START, Document, Edit
from dateline.store import SQLiteStore, Store, open_store
from dateline.store.migrations import latest_version
from tests.conftest import BACKENDS, needs_postgres, store_location

INTEGRITY_ERRORS = (sqlite3.IntegrityError, psycopg.IntegrityError)


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with store_location(tmp_path, request.param) as where:
        yield where


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    opened = open_store(location)
    yield opened
    opened.close()


def make_doc(did: str, text: str, **kw: object) -> Document:
    fields: dict = {"path": f"{did}.txt", "record": 0, "format": "text", "raw": text}
    fields.update(kw)
    return Document(id=did, text=text, content_hash=did, **fields)


def write(store: Store, doc: Document) -> None:
    store.write_document(doc, f"/abs/{doc.id}", b"sig", 3)


def test_open_store_picks_the_backend_from_the_location(location: str) -> None:
    store = open_store(location)
    expected = "postgresql" if location.startswith("postgresql://") else "sqlite"
    assert store.dialect == expected
    store.close()


def test_new_store_is_migrated_and_reopening_applies_nothing_twice(location: str) -> None:
    store = open_store(location)
    assert store.schema_version() == latest_version()
    names = [r[0] for r in store.execute("SELECT name FROM migrations ORDER BY version")]
    assert names[0] == "documents" and len(names) == latest_version()
    store.close()
    again = open_store(location)
    assert again.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(names)
    again.close()


def test_sqlite_store_is_in_wal_mode(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_from_a_newer_version_is_refused(location: str) -> None:
    store = open_store(location)
    store.execute("INSERT INTO migrations VALUES (999, 'future', 'x')")
    store.close()
    with pytest.raises(StoreError, match="newer Dateline"):
        open_store(location)


def test_sqlite_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"bad\.db"):
        SQLiteStore(bad)


def test_an_unreachable_server_is_a_store_error_without_the_password() -> None:
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    with pytest.raises(StoreError, match="cannot connect") as caught:
        open_store("postgresql://someone:secret@127.0.0.1:1/nothing?connect_timeout=2")
    assert "secret" not in str(caught.value)


def test_document_round_trip(store: Store) -> None:
    doc = make_doc(
        "d1",
        "Clean text.",
        raw="JUNK Clean text.",
        edits=(Edit(0, 5, "layout token"),),
        published="2025-02-08",
        published_how="header",
        published_why="from the header",
        duplicate_score=0.8125,
    )
    write(store, doc)
    assert store.get_document("d1") == doc
    assert store.has_document("d1") and not store.has_document("d2")
    assert store.document_at("/abs/d1", 0) == "d1"
    assert list(store.signatures()) == [("d1", "d1", b"sig", 3)]
    assert store.stats()["dated"] == 1


def test_a_failed_write_leaves_nothing_behind(store: Store) -> None:
    write(store, make_doc("d1", "First article about talks."))
    # same resolved path and record: the UNIQUE constraint fails after earlier inserts
    clash = make_doc("d2", "Second article.", edits=(Edit(0, 1, "x"),))
    with pytest.raises(INTEGRITY_ERRORS):
        store.write_document(clash, "/abs/d1", b"sig", 3)
    assert store.count_documents() == 1
    assert store.execute("SELECT count(*) FROM edits").fetchone()[0] == 0
    assert store.search("Second") == []
    assert store.integrity_check() == "ok"


def test_replacing_a_document_removes_the_old_one_everywhere(store: Store) -> None:
    write(store, make_doc("old", "Version one mentions dioxin."))
    store.write_document(
        make_doc("new", "Version two mentions aid."), "/abs/old", b"s", 3, replaces="old"
    )
    assert not store.has_document("old")
    assert store.search("dioxin") == []
    assert [h.document_id for h in store.search("aid")] == ["new"]


def test_duplicate_group_and_date_updates(store: Store) -> None:
    write(store, make_doc("root", "The talks were held in Hanoi."))
    copy = make_doc("copy", "The talks were held in Hanoi.", duplicate_of="root",
                    published="2025-03-01", published_how="header")  # fmt: skip
    store.write_document(
        copy, "/abs/copy", b"s", 3, date_updates=[("root", "2025-03-01", "duplicate", "copy")]
    )
    group = store.group_of("root")
    assert [(r["id"], r["published"], r["published_how"]) for r in group] == [
        ("root", "2025-03-01", "duplicate"),
        ("copy", "2025-03-01", "header"),
    ]
    assert store.roots() == {"root": "root", "copy": "root"}


def test_search_ranks_and_folds_duplicates_and_diacritics(store: Store) -> None:
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
    assert f"{MATCH_START}Dioxin{MATCH_END}" in hits[0].snippet
    assert [h.document_id for h in store.search('"Bien Hoa"')] == ["a"]
    assert store.search("dioxin", limit=1)[0].document_id == "a"


def test_search_operators_prefixes_and_columns(store: Store) -> None:
    write(store, make_doc("a", "Remediation of dioxin at the airbase.", title="Airbase work"))
    write(store, make_doc("b", "Training exchange between the navies.", title="Navy news"))
    write(store, make_doc("c", "Dioxin remediation funds and training.", title="Funds"))

    def found(query: str) -> set[str]:
        return {h.document_id for h in store.search(query)}

    assert found("dioxin AND training") == {"c"}
    assert found("dioxin training") == {"c"}  # AND is implied
    assert found("dioxin OR navies") == {"a", "b", "c"}
    assert found("dioxin NOT training") == {"a"}
    assert found("(navies OR funds) AND training") == {"b", "c"}
    assert found("remed*") == {"a", "c"}
    assert found("title:airbase") == {"a"}
    assert found('"dioxin remediation"') == {"c"}


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "dioxin OR", "a:b:c", "((", "US$130"])
def test_malformed_query_is_a_clear_error(store: Store, query: str) -> None:
    write(store, make_doc("a", "Dioxin."))
    with pytest.raises(QueryError, match="cannot search for"):
        store.search(query)


def test_analysis_cache_and_meta(store: Store) -> None:
    write(store, make_doc("a", "Text."))
    store.put_analysis("a", "model", "1.0", b"\x00\x01blob")
    store.put_analysis("a", "model", "2.0", b"newer")  # replaces, does not duplicate
    assert store.analyses("model", "2.0") == {"a": b"newer"}
    assert store.analyses("model", "1.0") == {}
    assert store.meta("analysis_model") == "model 2.0"
    assert store.meta("nothing") is None


def test_a_write_makes_cached_results_stale(store: Store) -> None:
    write(store, make_doc("a", "Text."))
    made_at = store.generation()
    store.cache("k", "value", made_at)
    assert store.cached("k") == "value"
    write(store, make_doc("b", "More text."))
    assert store.cached("k") is None
    # a result made before that write is not kept: it would describe the old store
    store.cache("k", "stale", made_at)
    assert store.cached("k") is None


@needs_postgres
def test_postgresql_runs_a_costly_looking_read_without_compiling_it(tmp_path: Path) -> None:
    """The server compiles a query whose cost estimate passes ``jit_above_cost`` before
    running it (150 ms for a count over every event that runs in 20 ms); Dateline's
    connections leave that off."""
    with store_location(tmp_path, "postgres") as where:
        opened = open_store(where)
        try:
            sql = "SELECT count(*) FROM generate_series(1, 3000) a, generate_series(1, 3000) b"
            cost = float(opened.execute("SHOW jit_above_cost").fetchone()[0])
            (plan,) = opened.execute(f"EXPLAIN (FORMAT JSON) {sql}").fetchone()
            assert plan[0]["Plan"]["Total Cost"] > cost >= 0  # it would be compiled
            assert "JIT" not in plan[0]
        finally:
            opened.close()

"""The kept per-document extractor output on both backends: rows replace each other per
(document, kind), come back as written, and go when their document goes."""

from __future__ import annotations

import pytest

from dateline.model import Document
from dateline.store import Store


def _write(store: Store, did: str, text: str, replaces: str | None = None) -> None:
    doc = Document(
        id=did, path=f"{did}.txt", record=0, format="text", raw=text, text=text, content_hash=did
    )
    path = f"/abs/{replaces or did}.txt"  # a new version of a file keeps its path
    store.write_document(doc, path, b"sig", len(text), replaces=replaces)


def test_kept_rows_come_back_by_kind_and_replace_each_other(store: Store) -> None:
    _write(store, "d1", "The port opened in May.")
    _write(store, "d2", "Talks resumed in June.")
    blob = bytes(range(256))  # any bytes, zeros included, survive the round trip
    store.put_extractions(
        [("d1", "figures", "v1", blob), ("d1", "events", "v1", b"e1"), ("d2", "figures", "v1", b"")]
    )
    assert store.extractions(["figures"]) == {
        ("d1", "figures"): ("v1", blob),
        ("d2", "figures"): ("v1", b""),
    }
    store.put_extractions([("d1", "figures", "v2", b"new")])
    kept = store.extractions(["figures", "events", "promises"])
    assert kept == {
        ("d1", "figures"): ("v2", b"new"),
        ("d1", "events"): ("v1", b"e1"),
        ("d2", "figures"): ("v1", b""),
    }
    store.put_extractions([])  # nothing to keep is no error
    assert store.extractions([]) == {}


def test_kept_rows_go_with_their_document(store: Store) -> None:
    _write(store, "old", "The first version of the article.")
    _write(store, "other", "Another article.")
    store.put_extractions([("old", "figures", "v", b"x"), ("other", "figures", "v", b"y")])
    # the file changed: its new version replaces the old document
    _write(store, "new", "The second version of the article.", replaces="old")
    assert store.extractions(["figures"]) == {("other", "figures"): ("v", b"y")}


def test_rows_are_written_inside_the_callers_transaction(store: Store) -> None:
    _write(store, "d1", "Text.")
    with pytest.raises(RuntimeError), store.transaction():
        store.put_extractions([("d1", "figures", "v", b"x")])
        raise RuntimeError("the build failed after extracting")
    assert store.extractions(["figures"]) == {}

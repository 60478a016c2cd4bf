"""The store is composed of focused parts: each method lives in exactly one of them, so a
caller can be typed with the one part it uses."""

from __future__ import annotations

import inspect

from dateline.model import Document
from dateline.pipeline.extractions import ExtractionCache
from dateline.store import (
    CachesPart,
    Connection,
    DaysPart,
    DocumentsPart,
    DossierPart,
    MetaPart,
    SQLiteStore,
    Store,
)

PARTS = (DocumentsPart, CachesPart, DossierPart, DaysPart, MetaPart)


def _own(cls: type) -> set[str]:
    """The methods a class defines itself (not inherited)."""
    return {name for name, value in vars(cls).items() if inspect.isfunction(value)}


def test_store_is_only_its_parts() -> None:
    assert Store.__bases__ == PARTS
    assert _own(Store) == set()
    assert all(issubclass(part, Connection) for part in PARTS)


def test_each_method_lives_in_one_part() -> None:
    owners: dict[str, list[str]] = {}
    for cls in (Connection, *PARTS):
        for name in _own(cls):
            owners.setdefault(name, []).append(cls.__name__)
    shared = {name: found for name, found in owners.items() if len(found) > 1}
    assert shared == {}
    public = {name for name, value in inspect.getmembers(Store) if inspect.isfunction(value)}
    assert public <= set(owners)


def test_parts_stay_apart() -> None:
    # No part reaches into another's methods through its own class.
    assert not hasattr(CachesPart, "search")
    assert not hasattr(DocumentsPart, "put_extractions")
    assert not hasattr(DossierPart, "write_document")
    assert not hasattr(DaysPart, "replace_derived")
    assert not hasattr(MetaPart, "sentences")


def test_a_caller_typed_with_one_part_works_on_a_store() -> None:
    store = SQLiteStore(":memory:")
    try:
        assert all(isinstance(store, part) for part in PARTS)
        doc = Document(id="d1", path="a.txt", record=0, format="text", raw="Hi.", text="Hi.")
        store.write_document(doc, "/a.txt", b"sig", 3)
        part: CachesPart = store
        cache = ExtractionCache(part, "model", [doc])
        assert cache.store is store
        part.put_extractions([("d1", "figures", "v", b"[]")])
        assert part.extractions(["figures"]) == {("d1", "figures"): ("v", b"[]")}
        assert store.meta("analysis_model") is None
        part.put_analysis("d1", "model", "1", b"data")
        # the analysis cache records which model made it, through the metadata
        assert store.meta("analysis_model") == "model 1"
    finally:
        store.close()

"""A date borrowed from the nearest page places a page but does not resolve its own days."""

from __future__ import annotations

from dateline.model import Document
from dateline.pipeline.build import extraction_dates


def document(doc_id: str, published: str | None, how: str | None) -> Document:
    text = "Crews voted yesterday."
    return Document(doc_id, f"{doc_id}.txt", 0, "text", text, text, published=published,
                    published_how=how)  # fmt: skip


def test_a_neighbours_date_is_not_resolved_against() -> None:
    found = extraction_dates(
        [
            document("own", "2024-10-08", "header"),
            document("borrowed", "2024-10-08", "neighbour"),
            document("rewrite", "2024-10-08", "story"),
            document("undated", None, None),
        ]
    )
    assert found == {
        "own": "2024-10-08",
        "borrowed": None,
        "rewrite": "2024-10-08",
        "undated": None,
    }

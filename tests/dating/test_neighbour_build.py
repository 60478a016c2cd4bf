"""A date borrowed from the nearest page places a page but does not resolve its own days."""

from __future__ import annotations

from pathlib import Path

from dateline.model import Document
from dateline.pipeline.extractions import extraction_dates


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


def test_a_borrowed_date_is_asked_again_when_its_neighbour_changes(tmp_path: Path) -> None:
    import re
    import shutil

    from dateline.service import Dossier
    from tests.conftest import SAMPLE_DIR, TODAY

    folder = tmp_path / "pages"
    shutil.copytree(SAMPLE_DIR, folder)
    with Dossier.open(tmp_path / "d.db", TODAY) as d:
        d.ingest([folder])
        borrowed = [doc for doc in d.documents() if doc.published_how == "neighbour"]
        assert borrowed  # the sample has weekday-only briefs dated this way
        page = borrowed[0]
        near = re.search(r"is (\w+), dated", page.published_why)
        assert near is not None
        source = d.document(near[1])
        assert source is not None
        # the neighbour is edited: the same report, its date gone
        body = "".join(f"<p>{part}</p>" for part in d.texts([source.id])[source.id].split("\n\n"))
        Path(source.path).write_text(
            f"<html><body><article>{body}</article></body></html>", encoding="utf-8"
        )
        d.ingest([folder])  # its nearest page is undated now: the story's date is unknown
        again = d.document(page.id)
        assert again is not None
        assert (again.published, again.published_how, again.published_why) == (None, None, "")

"""An edited article replaces its earlier version cleanly, on both backends.

The edited version is a near copy of the one it replaces: it must not be stored as a copy
of the row it deletes, and the copies of the old version must follow the new one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.service import Dossier
from tests.conftest import BACKENDS, TODAY, store_location

STORY = (
    "The harbour authority opened a second container terminal on Monday after three years "
    "of building, doubling the number of ships that can unload at the same time.\n\n"
    "The operator said the new cranes run on electricity from the grid and that the old "
    "diesel machines will be retired by the end of next year.\n\n"
    "Shipping firms welcomed the change but warned that the roads leading to the port are "
    "already crowded and need widening before traffic grows further.\n"
)
OTHER = (
    "Farmers in the northern valley began the apple harvest a week early this season "
    "because of a warm spring, the regional growers' association said on Friday.\n"
)


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with store_location(tmp_path, request.param) as where:
        yield where


def _roots(dossier: Dossier) -> dict[str, str | None]:
    return {Path(d.path).name: d.duplicate_of for d in dossier.documents()}


def test_edited_article_replaces_its_near_copy_and_new_files_are_stored(
    tmp_path: Path, location: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_story.txt").write_text(" date 2025-03-04 " + STORY, encoding="utf-8")
    (folder / "b_reprint.txt").write_text("Port expands\n\n" + STORY, encoding="utf-8")
    with Dossier.open(location, today=TODAY) as dossier:
        dossier.ingest([folder], build=False)
        before = {Path(d.path).name: d.id for d in dossier.documents()}
        assert _roots(dossier)["b_reprint.txt"] == before["a_story.txt"]

        # the article gets a correction, and two new files arrive
        with (folder / "a_story.txt").open("a", encoding="utf-8") as handle:
            handle.write("\nCorrection: the terminal opened on Monday, not on Sunday.\n")
        (folder / "c_other.txt").write_text(OTHER, encoding="utf-8")
        (folder / "d_more.txt").write_text("Apples early\n\n" + OTHER, encoding="utf-8")
        report = dossier.ingest([folder], build=False)
        assert len(report.updated) == 1 and len(report.added) == 2 and not report.problems

        docs = {Path(d.path).name: d for d in dossier.documents()}
        assert set(docs) == {"a_story.txt", "b_reprint.txt", "c_other.txt", "d_more.txt"}
        new = docs["a_story.txt"]
        assert new.id != before["a_story.txt"] and new.duplicate_of is None
        assert "Correction" in new.text
        # the old version's copy follows the new version
        assert docs["b_reprint.txt"].duplicate_of == new.id
        assert docs["d_more.txt"].duplicate_of == docs["c_other.txt"].id
        assert dossier.store.integrity_check() == "ok"

        # a re-run changes nothing
        again = dossier.ingest([folder], build=False)
        assert len(again.unchanged) == 4 and not again.added and not again.updated


def test_edited_article_that_is_no_longer_a_copy_frees_its_copies(
    tmp_path: Path, location: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_story.txt").write_text(STORY, encoding="utf-8")
    (folder / "b_reprint.txt").write_text("Port expands\n\n" + STORY, encoding="utf-8")
    with Dossier.open(location, today=TODAY) as dossier:
        dossier.ingest([folder], build=False)
        (folder / "a_story.txt").write_text(OTHER, encoding="utf-8")
        report = dossier.ingest([folder], build=False)
        assert len(report.updated) == 1 and not report.problems
        roots = _roots(dossier)
        assert roots == {"a_story.txt": None, "b_reprint.txt": None}
        # the freed copy is a root again: a later reprint of the story is its copy
        (folder / "c_again.txt").write_text("Terminal opens\n\n" + STORY, encoding="utf-8")
        dossier.ingest([folder], build=False)
        docs = {Path(d.path).name: d for d in dossier.documents()}
        assert docs["c_again.txt"].duplicate_of == docs["b_reprint.txt"].id


def test_link_to_a_sibling_file_is_the_same_article(tmp_path: Path, location: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_story.txt").write_text(STORY, encoding="utf-8")
    os.symlink("a_story.txt", folder / "b_link.txt")
    (folder / "c_other.txt").write_text(OTHER, encoding="utf-8")
    with Dossier.open(location, today=TODAY) as dossier:
        first = dossier.ingest([folder], build=False)
        assert not first.problems and len(first.added) == 2
        stored = {d.id for d in dossier.documents()}
        # stable: a second run neither fails nor swaps the file for its link
        again = dossier.ingest([folder], build=False)
        assert not again.problems and not again.added and not again.updated
        assert {d.id for d in dossier.documents()} == stored


def test_sqlite_a_foreign_database_is_refused_untouched(tmp_path: Path) -> None:
    import sqlite3

    from dateline.errors import StoreError
    from dateline.store import open_store

    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ana', '555')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        open_store(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no -wal, no -shm
    # not a database at all: refused as well, and left as it was
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"shopping list: bread, milk\n" * 40)
    with pytest.raises(StoreError):
        open_store(junk)
    assert junk.read_bytes() == b"shopping list: bread, milk\n" * 40

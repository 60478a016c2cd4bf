"""Ingest: idempotent, resumable, bad files named, one transaction per document."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.dedupe import FINGERPRINT_VIEW, serialise, signature
from dateline.service import Dossier
from tests.conftest import SAMPLE_DIR, TODAY

STORY = (
    "The two defence ministers met in the capital on Tuesday to discuss training, "
    "peacekeeping and the clean-up of wartime contamination at an old airbase.\n\n"
    "They agreed to hold their annual policy dialogue later this year and to exchange "
    "more student officers between the two national defence academies.\n\n"
    "Officials said the talks also covered search operations for soldiers missing since "
    "the war and new funding for people with disabilities in affected provinces.\n"
)


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    (folder / "01_story.txt").write_text(" date 2025-03-04 " + STORY, encoding="utf-8")
    # reader comments glued on by a scraper: no heading, so the cleaner keeps them and
    # only the containment check can see that the article inside is the same story
    junk = (
        "\nComments are open below and our team reads every one of them each day.\n\n"
        "Rice exports grew in May after a good harvest across the delta provinces.\n"
    )
    (folder / "02_copy.txt").write_text("Ministers meet\n\n" + STORY + junk, encoding="utf-8")
    (folder / "03_other.txt").write_text(
        " date 2025-06-01 A new bridge opened over the river on Saturday, cutting "
        "travel time between the two districts by half, local officials said.\n",
        encoding="utf-8",
    )


def test_copy_with_junk_is_a_dated_duplicate(tmp_path: Path, dossier: Dossier) -> None:
    write_corpus(tmp_path / "in")
    report = dossier.ingest([tmp_path / "in"], build=False)
    assert len(report.added) == 3 and report.ok
    docs = {Path(d.path).name: d for d in dossier.documents()}
    copy = docs["02_copy.txt"]
    assert copy.duplicate_of == docs["01_story.txt"].id
    assert copy.duplicate_how == "near"
    assert (copy.published, copy.published_how) == ("2025-03-04", "duplicate")
    assert copy.title == "Ministers meet"
    assert docs["03_other.txt"].duplicate_of is None


def test_undated_canonical_takes_the_date_of_a_later_copy(tmp_path: Path, dossier: Dossier) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").write_text(" date 2025-03-05 " + STORY, encoding="utf-8")
    dossier.ingest([folder], build=False)
    docs = {Path(d.path).name: d for d in dossier.documents()}
    assert docs["b.txt"].duplicate_of == docs["a.txt"].id
    assert docs["b.txt"].duplicate_how == "exact"
    assert (docs["a.txt"].published, docs["a.txt"].published_how) == ("2025-03-05", "duplicate")


def test_bad_files_are_named_and_good_ones_stored(tmp_path: Path, dossier: Dossier) -> None:
    folder = tmp_path / "in"
    write_corpus(folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "unreadable.txt").symlink_to(folder / "vanished.txt")
    report = dossier.ingest([folder], build=False)
    assert len(report.added) == 3
    named = sorted(Path(p.path).name for p in report.problems)
    assert named == ["binary.txt", "empty.txt", "unreadable.txt"]
    assert dossier.store.count_documents() == 3


def test_interrupted_ingest_resumes_to_the_same_store(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in")
    files = sorted((tmp_path / "in").iterdir())
    with Dossier.open(tmp_path / "full.db", today=TODAY) as full:
        full.ingest(files, build=False)
        expected = full.store.dump()
    with Dossier.open(tmp_path / "part.db", today=TODAY) as part:
        part.ingest(files[:1], build=False)  # stopped after the first document
    with Dossier.open(tmp_path / "part.db", today=TODAY) as resumed:
        report = resumed.ingest(files, build=False)
        assert len(report.unchanged) == 1 and len(report.added) == 2
        assert resumed.store.dump() == expected


def test_changed_file_replaces_its_old_version(tmp_path: Path, dossier: Dossier) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2025-01-01 First version about dioxin.\n", encoding="utf-8")
    dossier.ingest([path], build=False)
    path.write_text(" date 2025-01-02 Second version about training.\n", encoding="utf-8")
    report = dossier.ingest([path], build=False)
    assert len(report.updated) == 1
    [doc] = dossier.documents()
    assert doc.published == "2025-01-02"
    assert dossier.search("dioxin") == []


@pytest.mark.parametrize("dirname", [SAMPLE_DIR])
def test_sample_corpus_ingests_cleanly(dirname: Path, sample_dossier: Dossier) -> None:
    files = [p for p in dirname.rglob("*") if p.is_file() and p.name != "README.md"]
    assert 15 <= len(files) <= 25
    assert sample_dossier.store.count_documents() >= len(files)


def test_date_from_path_only_when_asked_and_only_as_a_last_resort(
    tmp_path: Path, dossier: Dossier
) -> None:
    day = tmp_path / "in" / "2011-01-25"
    day.mkdir(parents=True)
    (day / "1.htm.txt").write_text("Protesters gathered in the square .\n", encoding="utf-8")
    (day / "2.htm.txt").write_text(" date 2011-01-24 A header wins.\n", encoding="utf-8")
    with Dossier.open(tmp_path / "plain.db", today=TODAY) as plain:
        plain.ingest([tmp_path / "in"], build=False)
        assert {d.published for d in plain.documents()} == {None, "2011-01-24"}
    dossier.ingest([tmp_path / "in"], build=False, date_from_path=True)
    dated = {Path(d.path).name: (d.published, d.published_how) for d in dossier.documents()}
    assert dated == {"1.htm.txt": ("2011-01-25", "path"), "2.htm.txt": ("2011-01-24", "header")}


def test_a_store_fingerprinted_with_an_earlier_view_is_fingerprinted_again(
    tmp_path: Path, dossier: Dossier
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "01_story.txt").write_text(" date 2025-03-04 " + STORY, encoding="utf-8")
    dossier.ingest([first], build=False)
    [stored] = dossier.documents()
    # what an earlier release's view could have left: another hash and signature
    store = dossier.store
    with store.transaction():
        store.set_fingerprint(stored.id, "0" * 40, serialise(signature([1, 2, 3])), 3)
        store.set_meta("fingerprint_view", "an-earlier-view")
    (second / "02_copy.txt").write_text("Ministers meet\n\n" + STORY, encoding="utf-8")
    with Dossier.open(store.reopen_location(), today=TODAY) as later:
        later.ingest([second], build=False)
        docs = {Path(d.path).name: d for d in later.documents()}
        assert docs["02_copy.txt"].duplicate_of == docs["01_story.txt"].id
        assert later.store.meta("fingerprint_view") == FINGERPRINT_VIEW

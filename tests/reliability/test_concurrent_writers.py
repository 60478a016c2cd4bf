"""Two analysts ingesting into one shared dossier at the same time, as separate processes:
nothing is lost, copies across the two batches are still linked as one story, and the
dossier built last covers every document, on both backends."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from dateline.store import open_store
from tests.conftest import BACKENDS, store_location
from tests.reliability.helpers import article, dateline_command, subprocess_env

ARTICLES = 150  # per batch: enough that the two processes overlap for a while


def _batches(folder: Path, count: int) -> tuple[Path, Path]:
    """Batch A, and batch B: a reprint (under another name) of every other A article, and
    as many new ones."""
    rng = random.Random(11)
    a_texts = [article(i, rng) for i in range(count)]
    b_texts = a_texts[::2] + [article(count + i, rng) for i in range(count - len(a_texts[::2]))]
    for name, texts in (("a", a_texts), ("b", b_texts)):
        (folder / name).mkdir()
        for i, text in enumerate(texts):
            (folder / name / f"{name}-{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder / "a", folder / "b"


def _ingest(folder: Path, location: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*dateline_command("ingest", str(folder), "--db", location), "--no-progress", *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )


def _finish(*procs: subprocess.Popen[str]) -> None:
    for proc in procs:
        _, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err


def _stories(location: str) -> set[frozenset[str]]:
    """The documents grouped by story (duplicate-group root)."""
    store = open_store(location)
    try:
        groups: dict[str, set[str]] = {}
        for doc_id, root in store.roots().items():
            groups.setdefault(root, set()).add(doc_id)
        return {frozenset(g) for g in groups.values()}
    finally:
        store.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_concurrent_ingests_link_copies_across_batches(tmp_path: Path, backend: str) -> None:
    a, b = _batches(tmp_path, ARTICLES)
    with store_location(_mkdir(tmp_path / "one-after-the-other"), backend) as sequential:
        _finish(_ingest(a, sequential, "--no-analyse"))
        _finish(_ingest(b, sequential, "--no-analyse"))
        expected = _stories(sequential)
    with store_location(_mkdir(tmp_path / "at-once"), backend) as shared:
        _finish(_ingest(a, shared, "--no-analyse"), _ingest(b, shared, "--no-analyse"))
        found = _stories(shared)
    assert sum(len(g) for g in found) == 2 * ARTICLES  # nothing lost, nothing twice
    linked = [g for g in expected if len(g) > 1]
    assert len(linked) >= ARTICLES // 2  # the reprints are there to be linked
    assert found == expected


@pytest.mark.parametrize("backend", BACKENDS)
def test_concurrent_builds_leave_a_dossier_of_every_document(tmp_path: Path, backend: str) -> None:
    a, b = _batches(tmp_path, 40)
    with store_location(_mkdir(tmp_path / "shared"), backend) as shared:
        _finish(_ingest(a, shared), _ingest(b, shared))
        store = open_store(shared)
        try:
            documents = {d.id for d in store.documents()}
            sentences = store.execute("SELECT DISTINCT document_id FROM sentences").fetchall()
        finally:
            store.close()
    # whichever build wrote last had read every document, not only its own batch's
    assert {r[0] for r in sentences} == documents and len(documents) == 80


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path

"""A killed ingest leaves a sound store, and re-running it finishes the same job.

The ingest runs as a real process and is SIGKILLed (no cleanup, no rollback in Python) at
seeded random moments while it writes; two ingests into one store at once must queue.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import (
    count_documents,
    dateline_command,
    document_rows,
    run_ingest,
    store_problems,
    subprocess_env,
    write_corpus,
)

ARTICLES = 2000
KILL_POINTS = 6
SEED = 20261124

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "corpus"
    write_corpus(folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path) -> dict[str, tuple[object, ...]]:
    """The store an uninterrupted ingest leaves."""
    db = corpus.parent / "reference.db"
    result = run_ingest(corpus, db)
    assert result.returncode == 0, result.stderr
    assert store_problems(db) == []
    rows = document_rows(db)
    assert len(rows) == ARTICLES
    return rows


def _start(corpus: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        dateline_command("ingest", str(corpus), "--db", str(db), "--no-analyse", "--no-progress"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )


def _kill_while_writing(proc: subprocess.Popen[str], db: Path, rng: random.Random) -> bool:
    """SIGKILL ``proc`` a random moment after it has started writing; False if it finished
    before that moment came."""
    before = count_documents(db)
    deadline = time.monotonic() + 300
    while proc.poll() is None and count_documents(db) <= before:
        if time.monotonic() > deadline:
            break
        time.sleep(0.02)
    time.sleep(rng.uniform(0.0, 0.25))
    if proc.poll() is not None:
        return False
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    return True


def test_killed_ingest_resumes_to_the_uninterrupted_result(
    corpus: Path, reference: dict[str, tuple[object, ...]]
) -> None:
    db = corpus.parent / "killed.db"
    rng = random.Random(SEED)
    survived = 0
    kept: dict[str, tuple[object, ...]] = {}
    attempts = 0
    while survived < KILL_POINTS and attempts < KILL_POINTS * 3:
        attempts += 1
        proc = _start(corpus, db)
        if not _kill_while_writing(proc, db, rng):
            break  # the ingest finished first: nothing left to interrupt
        assert store_problems(db) == [], f"after kill point {survived + 1}"
        rows = document_rows(db)
        # Nothing written before a kill is lost or changed by the next run and its kill.
        lost = [i for i in kept if i not in rows]
        assert lost == [], f"documents lost: {lost[:5]}"
        assert all(rows[i] == kept[i] for i in kept)
        # Every stored document is one the uninterrupted run stores, with the same text.
        assert set(rows) <= set(reference)
        assert all(rows[i][5] == reference[i][5] for i in rows)
        kept = rows
        survived += 1
    assert survived >= 5, f"only {survived} kill points happened mid-ingest"
    assert 0 < len(kept) < ARTICLES

    finish = run_ingest(corpus, db)
    assert finish.returncode == 0, finish.stderr
    assert store_problems(db) == []
    final = document_rows(db)
    lost = len(set(reference) - set(final))
    assert final == reference
    print(f"kill points survived: {survived}; documents lost: {lost}")  # shown with -s


def test_two_ingests_at_once_both_succeed(
    corpus: Path, reference: dict[str, tuple[object, ...]]
) -> None:
    db = corpus.parent / "concurrent.db"
    first, second = _start(corpus, db), _start(corpus, db)
    outcomes = [(p.wait(timeout=900), p.stderr.read() if p.stderr else "") for p in (first, second)]
    for code, err in outcomes:
        assert code == 0, err
    assert store_problems(db) == []
    rows = document_rows(db)
    # Every article is stored once, with the text and date an ingest on its own gives it.
    assert set(rows) == set(reference)
    same = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)  # all but the duplicate links
    assert {i: r[: len(same)] for i, r in rows.items()} == {
        i: r[: len(same)] for i, r in reference.items()
    }
    # And a third run afterwards finds nothing left to do.
    again = run_ingest(corpus, db)
    assert again.returncode == 0, again.stderr
    assert f"0 added, 0 updated, {ARTICLES} already stored" in again.stderr

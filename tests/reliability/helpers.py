"""Shared helpers of the reliability tests: a generated corpus, store checks, subprocesses."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

# Small articles in our own words: varied enough that most are distinct stories, with a
# reprint every so often so deduplication (and its order) is part of what must resume.
_PLACES = ("Hanoi", "Da Nang", "Hue", "Can Tho", "Hai Phong", "Bien Hoa", "Vinh", "Quy Nhon")
_OFFICIALS = ("the deputy minister", "the provincial chair", "a harbour official",
              "the mayor", "an agency spokesperson", "the planning director")  # fmt: skip
_TOPICS = ("a new ferry terminal", "flood defences along the river", "a rail freight link",
           "school repairs after the storm", "a solar farm tender", "clean water for villages",
           "a fisheries training centre", "road lighting on the coast")  # fmt: skip
_VERBS = ("announced", "approved", "reviewed", "postponed", "inspected", "welcomed")

REPRINT_EVERY = 17


_WORDS = (  # noqa: SIM905 (a paragraph of words reads better than a list of strings)
    "river bridge council budget harbour village school teacher farmer market storm rain "
    "season road tunnel clinic doctor nurse engineer contract tender bidder province "
    "district ward committee report audit survey permit licence station airport runway "
    "cargo container fishery boat coast dyke canal pump field rice coffee pepper export "
    "import quota price loan grant bank credit meeting vote delay schedule contractor "
    "inspector workshop factory worker wage shift union housing rent tenant land title "
    "court ruling appeal hearing witness museum library park garden tree forest fire "
    "drought reservoir dam turbine grid cable tower signal network ferry pier lighthouse"
).split()


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article(index: int, rng: random.Random) -> str:
    """One short dated article; random wording keeps stories distinct, as real ones are."""
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
    place, official = rng.choice(_PLACES), rng.choice(_OFFICIALS)
    topic, verb = rng.choice(_TOPICS), rng.choice(_VERBS)
    sentences = [
        f"Officials in {place} {verb} plans for {topic} on {day:%B} {day.day}.",
        f"Speaking to reporters, {official} said the work would cost {10 + index * 3} "
        f"billion dong. {_sentence(rng, 12)}",
        f"{_sentence(rng, 10)} {_sentence(rng, 14)}",
    ]
    title = f"{place} {verb} {topic}"
    return f" date {day.isoformat()} {title}\n\n" + "\n\n".join(sentences) + "\n"


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` articles as text files in ``folder`` (a reprint every REPRINT_EVERY)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths: list[Path] = []
    last = ""
    for i in range(count):
        text = last if i % REPRINT_EVERY == REPRINT_EVERY - 1 else article(i, rng)
        last = text
        path = folder / f"{i // 500:02d}" / f"article-{i:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def dateline_command(*args: str) -> list[str]:
    """The CLI as a separate process (a real SIGKILL must not take the test runner down)."""
    return [sys.executable, "-m", "dateline", *args]


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DATELINE_DB", None)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run_ingest(folder: Path, db: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            *dateline_command("ingest", str(folder), "--db", str(db)),
            "--no-analyse",
            "--no-progress",
            *extra,
        ],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=900,
    )


def count_documents(db: Path) -> int:
    """Documents committed so far, read through a separate connection (WAL: never blocks)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet, or the schema is being written
        return 0


def store_problems(db: Path) -> list[str]:
    """Everything wrong with a store that an interrupted write could leave behind.

    Integrity of the file, of the full-text index against its content, of foreign keys, and
    of every document: each has its signature, its date candidates and its edits (every
    generated article has a date header, so at least one of each).
    """
    problems: list[str] = []
    conn = sqlite3.connect(str(db), timeout=60)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        try:
            conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"fts integrity-check: {exc}")
        for row in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: {tuple(row)}")
        half_written = conn.execute(
            """
            SELECT d.id FROM documents d
            WHERE NOT EXISTS (SELECT 1 FROM signatures s WHERE s.document_id = d.id)
               OR NOT EXISTS (SELECT 1 FROM edits e WHERE e.document_id = d.id)
               OR NOT EXISTS (SELECT 1 FROM date_candidates c WHERE c.document_id = d.id)
            """
        ).fetchall()
        problems += [f"half-written document {r[0]}" for r in half_written]
        fts_rows = conn.execute("SELECT count(*) FROM documents_fts_docsize").fetchone()[0]
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        if fts_rows != documents:
            problems.append(f"{documents} documents but {fts_rows} full-text rows")
    finally:
        conn.close()
    return problems


def document_rows(db: Path) -> dict[str, tuple[object, ...]]:
    """Each stored document's content columns by id (not the ingest time)."""
    conn = sqlite3.connect(str(db), timeout=60)
    try:
        rows = conn.execute(
            "SELECT id, path, record, format, title, raw, text, content_hash, published, "
            "published_how, published_why, duplicate_of, duplicate_how, duplicate_score "
            "FROM documents"
        ).fetchall()
    finally:
        conn.close()
    return {r[0]: tuple(r[1:]) for r in rows}

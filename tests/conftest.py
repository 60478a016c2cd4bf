"""Shared fixtures: the bundled sample corpus, the shared seeds, and fresh dossiers."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from uuid import uuid4

import pytest

from dateline.analyse.nlp import Analyzer
from dateline.extract.events import EventMention
from dateline.model import Participant, Source
from dateline.service import Dossier
from dateline.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "src" / "dateline" / "data" / "sample"
GOLD_DIR = REPO / "tests" / "gold"
SEEDS_DIR = REPO.parent / "shared" / "seeds"
# The seeds and the sample corpus are about 2025; a fixed "today" keeps date checks stable.
TODAY = date(2026, 11, 24)

needs_seeds = pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="../shared/seeds is absent")

# Store backends: a PostgreSQL server's URL (started by .ci/postgres-start) enables the
# PostgreSQL cases of tests/store; DATELINE_TEST_BACKEND=postgres also puts the shared
# dossier fixtures on it, so the whole suite runs a second time on PostgreSQL.
POSTGRES_URL = os.environ.get("DATELINE_TEST_POSTGRES", "")
BACKEND = os.environ.get("DATELINE_TEST_BACKEND", "sqlite")
needs_postgres = pytest.mark.skipif(
    not POSTGRES_URL,
    reason="DATELINE_TEST_POSTGRES is unset: no PostgreSQL server (.ci/postgres-start starts one)",
)
BACKENDS = ["sqlite", pytest.param("postgres", marks=needs_postgres)]


@contextmanager
def fresh_postgres() -> Iterator[str]:
    """A URL whose store lives in a new, empty schema, dropped afterwards."""
    import psycopg

    schema = f"test_{uuid4().hex[:16]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{joiner}options=-csearch_path%3D{schema},public"
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@contextmanager
def store_location(folder: Path, backend: str = BACKEND) -> Iterator[str]:
    """Where a fresh store lives: a file in ``folder``, or a fresh PostgreSQL schema."""
    if backend == "sqlite":
        yield str(folder / "test.db")
        return
    if backend != "postgres" or not POSTGRES_URL:
        raise RuntimeError(
            f"DATELINE_TEST_BACKEND={backend!r} needs DATELINE_TEST_POSTGRES (a server URL)"
        )
    with fresh_postgres() as url:
        yield url


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """One language model for the whole run: loading it is the slow part."""
    return Analyzer()


@pytest.fixture
def dossier(tmp_path: Path, analyzer: Analyzer) -> Iterator[Dossier]:
    with store_location(tmp_path) as location:
        d = Dossier.open(location, today=TODAY, analyzer=analyzer)
        yield d
        d.close()


@pytest.fixture(scope="session")
def seeds_dossier(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> Dossier:
    # only tests marked needs_seeds (or parametrised on the folder existing) ask for it
    with store_location(tmp_path_factory.mktemp("seeds")) as location:
        d = Dossier.open(location, today=TODAY, analyzer=analyzer)
        d.ingest([SEEDS_DIR])
        yield d
        d.close()


@pytest.fixture(scope="session")
def sample_dossier(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> Dossier:
    with store_location(tmp_path_factory.mktemp("sample")) as location:
        d = Dossier.open(location, today=TODAY, analyzer=analyzer)
        d.ingest([SAMPLE_DIR])
        yield d
        d.close()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store on each backend (PostgreSQL when a server is given)."""
    with store_location(tmp_path, request.param) as where:
        opened = open_store(where)
        yield opened
        opened.close()


def event_report(
    doc: str,
    kind: str,
    type: str,
    parties: Iterable[str] = (),
    *,
    trigger: str | None = None,
    day: str | None = None,
    **more: object,
) -> EventMention:
    """One report of an event as the extractor gives it, for the clustering tests: its
    ``parties`` by entity id (named by their ids), dated to ``day`` (published that day)
    when given; ``more`` sets any other field."""
    word = trigger or kind
    dated: dict[str, object] = (
        {"date": day, "end": day, "precision": "day", "published": day} if day else {}
    )
    return EventMention(
        document_id=doc,
        type=type,
        kind=kind,
        trigger=word,
        trigger_start=0,
        trigger_end=len(word),
        source=Source(doc, 0, 40),
        participants=tuple(Participant(p, p) for p in parties),
        **{**dated, **more},  # type: ignore[arg-type]
    )

"""Shared fixtures: the bundled sample corpus, the shared seeds, and fresh dossiers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.analyse.nlp import Analyzer
from dateline.service import Dossier

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "src" / "dateline" / "data" / "sample"
GOLD_DIR = REPO / "tests" / "gold"
SEEDS_DIR = REPO.parent / "shared" / "seeds"
# The seeds and the sample corpus are about 2025; a fixed "today" keeps date checks stable.
TODAY = date(2026, 11, 24)

needs_seeds = pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="../shared/seeds is absent")


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """One language model for the whole run: loading it is the slow part."""
    return Analyzer()


@pytest.fixture
def dossier(tmp_path: Path, analyzer: Analyzer) -> Dossier:
    d = Dossier.open(tmp_path / "test.db", today=TODAY, analyzer=analyzer)
    yield d
    d.close()


@pytest.fixture(scope="session")
def seeds_dossier(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> Dossier:
    # only tests marked needs_seeds (or parametrised on the folder existing) ask for it
    d = Dossier.open(tmp_path_factory.mktemp("seeds") / "seeds.db", today=TODAY, analyzer=analyzer)
    d.ingest([SEEDS_DIR])
    yield d
    d.close()


@pytest.fixture(scope="session")
def sample_dossier(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> Dossier:
    d = Dossier.open(
        tmp_path_factory.mktemp("sample") / "sample.db", today=TODAY, analyzer=analyzer
    )
    d.ingest([SAMPLE_DIR])
    yield d
    d.close()

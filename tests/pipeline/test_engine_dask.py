"""The Dask engine (a real LocalCluster of two worker processes) gives the same dossier as the
single-process engine, and reports unreadable files the same way."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.analyse.nlp import Analyzer
from dateline.cli.app import app
from dateline.pipeline.distributed import DaskEngine, loaded_models
from dateline.service import Dossier
from tests.conftest import SAMPLE_DIR, TODAY, store_location


@pytest.fixture(scope="module")
def engine() -> Iterator[DaskEngine]:
    with DaskEngine(workers=2) as dask_engine:
        yield dask_engine


def documents_table(d: Dossier) -> list[tuple[object, ...]]:
    return [
        (doc.id, doc.path, doc.text, doc.edits, doc.published, doc.published_how, doc.duplicate_of)
        for doc in d.documents()
    ]


def test_dask_engine_builds_the_same_dossier(
    tmp_path: Path, analyzer: Analyzer, engine: DaskEngine, sample_dossier: Dossier
) -> None:
    with store_location(tmp_path) as location, Dossier.open(location, TODAY, analyzer) as d:
        report = d.ingest([SAMPLE_DIR], engine=engine)
        assert report.build is not None and report.build.analysed > 0
        assert not report.problems
        assert documents_table(d) == documents_table(sample_dossier)
        assert d.export() == sample_dossier.export()
        assert list(d.timeline()) == list(sample_dossier.timeline())
        # analyses were stored under the model the workers ran, so a rebuild reads none again
        assert d.build().analysed == 0


def test_workers_load_the_model_once(engine: DaskEngine) -> None:
    engine.warm()
    first = engine.client.run(loaded_models)
    list(engine.analyse([("d1", "The minister met the ambassador in Hanoi on Monday.")] * 40))
    engine.warm()
    again = engine.client.run(loaded_models)
    assert len(first) == 2
    assert all(list(models) == [engine.model] for models in first.values())
    assert first == again


def _profiling() -> bool:
    import dask

    return bool(dask.config.get("distributed.worker.profile.enabled"))


def test_a_private_cluster_spares_its_workers_the_sampling_profiler(engine: DaskEngine) -> None:
    # it would read the analysing thread's stack every 10 ms, on the cores analyses share
    assert set(engine.client.run(_profiling).values()) == {False}
    assert _profiling()  # the setting is the cluster's, not this process's


def test_dask_engine_reports_unreadable_files_by_name(
    tmp_path: Path, analyzer: Analyzer, engine: DaskEngine, sample_dossier: Dossier
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE_DIR, corpus)
    (corpus / "scan.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (corpus / "moved.txt").symlink_to(tmp_path / "nowhere.txt")  # gone when a worker reads it
    found = {}
    for name, runner in (("local", "local"), ("dask", engine)):
        folder = tmp_path / name
        folder.mkdir()
        with store_location(folder) as location, Dossier.open(location, TODAY, analyzer) as d:
            report = d.ingest([corpus], build=False, engine=runner)
            found[name] = (report.added, [(p.path, p.problem) for p in report.problems])
    assert found["dask"] == found["local"]
    skipped = dict(found["dask"][1])
    assert set(skipped) == {str(corpus / "scan.txt"), str(corpus / "moved.txt")}
    assert "cannot read file" in skipped[str(corpus / "moved.txt")]
    assert found["dask"][0] == tuple(doc.id for doc in sample_dossier.documents())


# Dates only a build gives (it reads the analysis), which an ingest without one lacks.
BUILD_DATED = frozenset({"reported", "story", "collection-year", "neighbour"})


def ingested_table(d: Dossier) -> list[tuple[object, ...]]:
    return [
        (*row[:4], None, None, row[6]) if row[5] in BUILD_DATED else row
        for row in documents_table(d)
    ]


def test_cli_ingest_runs_on_a_dask_cluster(tmp_path: Path, sample_dossier: Dossier) -> None:
    db = tmp_path / "cli.db"
    args = ["ingest", str(SAMPLE_DIR), "--db", str(db), "--no-progress", "--no-analyse"]
    result = CliRunner().invoke(app, [*args, "--engine", "dask", "--workers", "1"])
    assert result.exit_code == 0, result.output
    with Dossier.open(db, TODAY) as d:
        assert ingested_table(d) == ingested_table(sample_dossier)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--engine", "spark"], "engine must be one of local, dask"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    ],
)
def test_cli_rejects_unknown_engines(tmp_path: Path, options: list[str], message: str) -> None:
    args = ["ingest", str(SAMPLE_DIR), "--db", str(tmp_path / "x.db"), "--no-progress"]
    result = CliRunner().invoke(app, [*args, *options])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert not (tmp_path / "x.db").exists()

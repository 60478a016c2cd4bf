"""The Python API a notebook user calls: dateline.open(), typed records, to_pandas()."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dateline
from tests.conftest import SAMPLE_DIR


def test_open_ingest_and_typed_records(tmp_path: Path) -> None:
    d = dateline.open(tmp_path / "api.db")
    report = d.ingest([SAMPLE_DIR])
    assert report.build is not None and report.build.documents == len(d.documents())
    figures = d.figures()
    assert figures and all(isinstance(f, dateline.Figure) for f in figures)
    frame = figures.to_pandas()
    assert list(frame["value"]) == [f.value for f in figures]
    people = [e for e in d.entities() if e.kind == "PERSON"]
    assert all(isinstance(e, dateline.Entity) for e in people)
    assert isinstance(d, dateline.Dossier)
    d.close()


def test_a_kept_timeline_is_served_only_to_its_own_release(
    sample_dossier: dateline.Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dateline.service as service

    fresh = sample_dossier.timeline(dates=3, sentences=1)
    assert fresh
    # A result kept by an older release: same arguments, different summaries.
    monkeypatch.setattr(service, "__version__", "0.0.0-older")
    sample_dossier.timeline(dates=3, sentences=1)
    store = sample_dossier.store
    old_key = json.dumps(["timeline", "0.0.0-older", 3, 1, None, None, None, None, None, "auto"])
    assert store.cached(old_key) is not None
    store.cache(old_key, "[]", store.generation())
    assert list(sample_dossier.timeline(dates=3, sentences=1)) == []  # that release's answer
    monkeypatch.undo()
    assert list(sample_dossier.timeline(dates=3, sentences=1)) == list(fresh)

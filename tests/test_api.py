"""The Python API a notebook user calls: dateline.open(), typed records, to_pandas()."""

from __future__ import annotations

from pathlib import Path

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

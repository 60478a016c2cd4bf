"""Only regular files are read, never past the size limit, and never outside the root."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dateline.model import RawDocument, ReadProblem
from dateline.read import read_file, read_paths

ARTICLE = "The council approved a new budget for the city's libraries on Wednesday.\n"


def _split(items: list) -> tuple[list[RawDocument], list[ReadProblem]]:
    return (
        [i for i in items if isinstance(i, RawDocument)],
        [i for i in items if isinstance(i, ReadProblem)],
    )


def test_a_fifo_in_a_folder_is_refused_without_waiting(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")  # nobody ever writes to it: opening it to read would hang
    (tmp_path / "c.txt").write_text(ARTICLE.replace("libraries", "parks"), encoding="utf-8")
    docs, problems = _split(list(read_paths([tmp_path])))
    assert [Path(d.path).name for d in docs] == ["a.txt", "c.txt"]
    assert [(Path(p.path).name, p.problem) for p in problems] == [
        ("b.txt", "not a regular file (a pipe, device or socket)")
    ]


def test_a_fifo_named_directly_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    [problem] = list(read_paths([tmp_path / "pipe.txt"]))
    assert isinstance(problem, ReadProblem) and "not a regular file" in problem.problem


@pytest.mark.skipif(not Path("/dev/urandom").exists(), reason="no /dev/urandom")
def test_a_link_to_an_endless_device_is_refused(tmp_path: Path) -> None:
    os.symlink("/dev/urandom", tmp_path / "random.txt")
    [problem] = list(read_file(str(tmp_path / "random.txt"), tmp_path / "random.txt"))
    assert isinstance(problem, ReadProblem) and "not a regular file" in problem.problem


def test_a_file_is_never_read_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limit holds on what is read, not only on the size the file reported."""
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 100, encoding="utf-8")
    monkeypatch.setenv("DATELINE_MAX_FILE_MB", str(1000 / 2**20))
    sizes: list[int] = []
    real_fstat = os.fstat

    def lying_fstat(fd: int) -> os.stat_result:  # a file that grew after it was measured
        found = real_fstat(fd)
        fields = list(found)
        fields[6] = 10  # st_size
        sizes.append(found.st_size)
        return os.stat_result(fields)

    monkeypatch.setattr(os, "fstat", lying_fstat)
    [problem] = list(read_file(str(path), path))
    assert sizes and isinstance(problem, ReadProblem) and "too large" in problem.problem


def test_a_link_in_a_folder_may_not_lead_outside_the_root(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "drop").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("Private notes that were never meant to be ingested at all.\n")
    (root / "drop" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(secret, root / "drop" / "report.txt")
    os.symlink(root / "drop" / "a.txt", root / "drop" / "same.txt")  # inside: fine
    docs, problems = _split(list(read_paths([root / "drop"], root=root)))
    assert sorted(Path(d.path).name for d in docs) == ["a.txt", "same.txt"]
    assert [(Path(p.path).name, p.problem) for p in problems] == [
        ("report.txt", "leads outside the ingest root")
    ]
    # without a root (the command line) the link is followed as before
    assert len(_split(list(read_paths([root / "drop"])))[0]) == 3

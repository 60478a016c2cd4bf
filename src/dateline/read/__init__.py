"""Readers: a file or folder becomes raw documents, and problems named per file."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.model import RawDocument, ReadProblem
from dateline.read.decode import decode_text
from dateline.read.html import read_html
from dateline.read.records import read_json, read_jsonl
from dateline.read.text import read_text

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

__all__ = ["SUPPORTED", "find_files", "read_file", "read_paths"]


def find_files(paths: Iterable[str | Path]) -> Iterator[tuple[str, Path | None]]:
    """Each file under ``paths`` (folders recursively, sorted), as (path as given, path).

    A path that does not exist comes out as ``(path, None)`` so it can be reported.
    Hidden files and folders are skipped.
    """
    for given in paths:
        root = Path(given)
        if root.is_file():
            yield str(given), root
        elif root.is_dir():
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(folder, name), Path(folder) / name
        else:
            yield str(given), None


def read_file(shown: str, path: Path) -> Iterator[RawDocument | ReadProblem]:
    """Read one file into raw documents (several for JSON), or problems naming it."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield ReadProblem(shown, f"unsupported format {suffix or '(no extension)'!r}")
        return
    try:
        text = decode_text(path.read_bytes())
    except OSError as exc:
        yield ReadProblem(shown, f"cannot read file: {exc.strerror or exc}")
        return
    except ValueError as exc:
        yield ReadProblem(shown, str(exc))
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(shown, text)
    elif suffix in JSON_SUFFIXES:
        yield from read_json(shown, text)
    elif suffix in HTML_SUFFIXES:
        try:
            yield read_html(shown, text)
        except ValueError as exc:
            yield ReadProblem(shown, str(exc))
    else:
        yield read_text(shown, text)


def read_paths(paths: Iterable[str | Path]) -> Iterator[RawDocument | ReadProblem]:
    """Read every file under ``paths``; bad files become problems, the rest goes on."""
    for shown, path in find_files(paths):
        if path is None:
            yield ReadProblem(shown, "no such file or folder")
            continue
        yield from read_file(shown, path)

"""Readers: a file or folder becomes raw documents, and problems named per file."""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

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

# An article is kilobytes; a file past this is a dump or a mistake, and reading, cleaning
# and analysing it whole would take minutes and gigabytes. It is skipped with the reason.
# DATELINE_MAX_FILE_MB raises (or lowers) the limit, e.g. for one large JSON Lines corpus.
DEFAULT_MAX_FILE_MB = 20.0
MAX_FILE_MB_ENV = "DATELINE_MAX_FILE_MB"

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

__all__ = ["DEFAULT_MAX_FILE_MB", "SUPPORTED", "find_files", "max_file_bytes", "printable_path",
           "read_file", "read_paths"]  # fmt: skip


def max_file_bytes() -> int:
    """The largest file read, in bytes: $DATELINE_MAX_FILE_MB megabytes, else the default."""
    value = os.environ.get(MAX_FILE_MB_ENV, "").strip()
    try:
        megabytes = float(value) if value else DEFAULT_MAX_FILE_MB
    except ValueError:
        megabytes = DEFAULT_MAX_FILE_MB
    if not megabytes > 0:  # also catches NaN
        megabytes = DEFAULT_MAX_FILE_MB
    return round(megabytes * 2**20)


def find_files(paths: Iterable[str | Path]) -> Iterator[tuple[str, Path | None]]:
    """Each file under ``paths`` (folders recursively, sorted), as (path as given, path).

    A path that does not exist comes out as ``(path, None)`` so it can be reported.
    Hidden files and folders are skipped. Anything that is not a folder comes out as it is
    (a FIFO, a device) for :func:`read_file` to refuse by name.
    """
    for given in paths:
        root = Path(given)
        if root.is_dir():
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(folder, name), Path(folder) / name
        elif root.exists() or root.is_symlink():
            yield str(given), root
        else:
            yield str(given), None


def read_file(shown: str, path: Path) -> Iterator[RawDocument | ReadProblem]:
    """Read one file into raw documents (several for JSON), or problems naming it.

    Never raises: whatever is wrong with the file becomes a :class:`ReadProblem`, whose
    path has control characters and undecodable bytes escaped so the message stays one line.
    """
    for item in _read_file(shown, path):
        if isinstance(item, ReadProblem):
            item = dataclasses.replace(item, path=printable_path(item.path))
        yield item


def _read_file(shown: str, path: Path) -> Iterator[RawDocument | ReadProblem]:
    if not _is_utf8(shown):
        # A name with bytes that are not UTF-8 (possible on POSIX) cannot be stored or shown
        # as text; say so with the bad bytes escaped rather than fail the whole batch.
        yield ReadProblem(shown, "file name is not valid UTF-8; rename the file")
        return
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield ReadProblem(shown, f"unsupported format {suffix or '(no extension)'!r}")
        return
    limit = max_file_bytes()
    try:
        # Opened without waiting (a FIFO would block until a writer came) and checked on
        # the open file: only a regular file is read, and never past the limit (a link to
        # a device reports size 0 and never ends).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                yield ReadProblem(shown, "not a regular file (a pipe, device or socket)")
                return
            size = info.st_size
            if size > limit and suffix in JSONL_SUFFIXES:
                # A JSON Lines corpus may be gigabytes of small records: stream it and
                # hold each record, not the file, to the limit.
                yield from _stream_jsonl(shown, handle, limit)
                return
            data = handle.read(limit + 1) if size <= limit else b""
            if size > limit or len(data) > limit:  # (a file may grow after the check)
                yield ReadProblem(
                    shown,
                    f"file too large ({max(size, len(data)) / 2**20:.1f} MB, limit "
                    f"{limit / 2**20:.4g} MB; set {MAX_FILE_MB_ENV} to change it)",
                )
                return
        text = decode_text(data)
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


def _stream_jsonl(shown: str, handle: BinaryIO, limit: int) -> Iterator[RawDocument | ReadProblem]:
    index = -1
    while line := handle.readline(limit + 1):
        index += 1
        if len(line) > limit:
            # skip the rest of the record without holding it
            while not line.endswith(b"\n") and (line := handle.readline(limit + 1)):
                pass
            yield ReadProblem(
                shown, f"record too large (over {limit / 2**20:.4g} MB; set "
                f"{MAX_FILE_MB_ENV} to change it)", line=index + 1
            )  # fmt: skip
            continue
        if not line.strip():
            continue
        try:
            text = decode_text(line)
        except ValueError as exc:
            yield ReadProblem(shown, str(exc), line=index + 1)
            continue
        # the record keeps its line index in the file, as when the file is read whole
        for item in read_jsonl(shown, text):
            yield _at_line(item, index)


def _at_line(item: RawDocument | ReadProblem, index: int) -> RawDocument | ReadProblem:
    if isinstance(item, ReadProblem):
        return dataclasses.replace(item, line=index + 1)
    return dataclasses.replace(item, record=index)


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_path(name: str) -> str:
    """``name`` for a one-line message: undecodable bytes and control characters escaped."""
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def read_paths(
    paths: Iterable[str | Path], root: str | Path | None = None
) -> Iterator[RawDocument | ReadProblem]:
    """Read every file under ``paths``; bad files become problems, the rest goes on.

    With ``root``, every file (not only each path named) must resolve inside it: a link
    in a folder that leads elsewhere is refused, not followed.
    """
    inside = None if root is None else Path(root).resolve()
    for shown, path in find_files(paths):
        if path is None:
            yield ReadProblem(printable_path(shown), "no such file or folder")
            continue
        if inside is not None and not _inside(path, inside):
            yield ReadProblem(printable_path(shown), "leads outside the ingest root")
            continue
        yield from read_file(shown, path)


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links
        return False

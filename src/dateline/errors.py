"""Errors that name the thing at fault. The CLI prints them as one line."""

from __future__ import annotations


class DatelineError(Exception):
    """Base class: a problem the user can act on (bad input, bad query, bad store)."""


class ReadError(DatelineError):
    """A file or record could not be read as an article."""

    def __init__(self, path: str, problem: str, record: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.record = record
        where = path if record is None else f"{path} record {record}"
        super().__init__(f"{where}: {problem}")


class QueryError(DatelineError):
    """A search query the full-text engine cannot parse."""


class StoreError(DatelineError):
    """The store is missing, from a newer version, or unusable."""

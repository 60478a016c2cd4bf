"""Errors that name the thing at fault. The CLI prints them as one line."""

from __future__ import annotations


class DatelineError(Exception):
    """Base class: a problem the user can act on (bad input, bad query, bad store)."""


class QueryError(DatelineError):
    """A search query the full-text engine cannot parse."""


class StoreError(DatelineError):
    """The store is missing, from a newer version, or unusable."""

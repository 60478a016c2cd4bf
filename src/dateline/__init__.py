"""Dateline: a sourced dossier from a pile of news articles."""

from __future__ import annotations

__version__ = "0.1.0"

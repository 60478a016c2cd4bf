"""The JSON export: one object with `documents`, `events`, `entities`, `figures`, `promises`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dateline import __version__
from dateline.model import Document

SCHEMA_VERSION = 1


def document_dict(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.path,
        "record": doc.record,
        "format": doc.format,
        "title": doc.title,
        "url": doc.url,
        "published": doc.published,
        "published_how": doc.published_how,
        "published_why": doc.published_why,
        "duplicate_of": doc.duplicate_of,
        "duplicate_how": doc.duplicate_how,
        "text": doc.text,
        "removed": [
            {
                "start": e.start,
                "end": e.end,
                "reason": e.reason,
                "text": doc.raw[e.start : e.end],
                "replacement": e.replacement,
            }
            for e in doc.edits
        ],
    }


def export_dict(documents: Iterable[Document]) -> dict[str, Any]:
    return {
        "dateline_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "documents": [document_dict(d) for d in documents],
        "events": [],
        "entities": [],
        "figures": [],
        "promises": [],
    }

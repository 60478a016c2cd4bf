"""CSV export: one file per table, flat rows, for spreadsheets and pandas.

Nested lists (aliases, participants, sources) get tables of their own keyed by the
record id, so every file stays rectangular.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

TABLES: dict[str, tuple[str, ...]] = {
    "documents": ("id", "path", "record", "format", "title", "url", "published",
                  "published_how", "duplicate_of", "duplicate_how", "not_article"),
    "removals": ("document", "start", "end", "reason", "text"),
    "entities": ("id", "name", "kind", "mentions", "aliases"),
    "roles": ("entity_id", "entity", "title", "org", "first_seen", "last_seen"),
    "events": ("id", "date", "end_date", "precision", "type", "title", "location", "background"),
    "participants": ("event_id", "entity_id", "entity", "role"),
    "figures": ("id", "subject", "value", "unit", "previous", "as_of"),
    "promises": ("id", "kind", "actor", "target", "text", "made_on", "due", "status",
                 "fulfilled_by"),
    "sources": ("record_kind", "record_id", "document", "start", "end", "sentence"),
}  # fmt: skip


def csv_rows(export: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The JSON export flattened into one row list per table."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for doc in export["documents"]:
        rows["documents"].append(doc)
        rows["removals"] += [{"document": doc["id"], **r} for r in doc["removed"]]
    for entity in export["entities"]:
        rows["entities"].append({**entity, "aliases": "; ".join(entity["aliases"])})
        for role in entity["roles"]:
            rows["roles"].append({"entity_id": entity["id"], "entity": entity["name"], **role})
            rows["sources"] += _sources("role", entity["id"], role["sources"])
    for event in export["events"]:
        rows["events"].append(event)
        rows["participants"] += [{"event_id": event["id"], **p} for p in event["participants"]]
    for kind, key in (("event", "events"), ("figure", "figures"), ("promise", "promises")):
        for record in export[key]:
            if key != "events":
                rows[key].append(record)
            rows["sources"] += _sources(kind, record["id"], record["sources"])
    return rows


def _sources(kind: str, record_id: str, sources: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"record_kind": kind, "record_id": record_id, **s} for s in sources]


def write_csv(export: dict[str, Any], folder: Path) -> list[Path]:
    """Write ``<table>.csv`` files into ``folder``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in csv_rows(export).items():
        path = folder / f"{name}.csv"
        _write(path, TABLES[name], rows)
        written.append(path)
    return written


def _write(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)

"""The JSON export: one object with `documents`, `events`, `entities`, `figures`, `promises`.

The field names are a contract other tools rely on; `schema/dossier.schema.json`
describes them and the tests validate every export against it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from dateline import __version__
from dateline.model import Corroboration, Document, Entity, Event, Figure, Promise, Role, Source

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
        "not_article": doc.not_article,
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


def source_dicts(sources: Sequence[Source], texts: Mapping[str, str]) -> list[dict[str, Any]]:
    """Each source with the sentence it points at, sliced from the clean text."""
    return [
        {
            "document": s.document_id,
            "start": s.start,
            "end": s.end,
            "sentence": texts.get(s.document_id, "")[s.start : s.end],
        }
        for s in sources
    ]


def corroboration_dict(c: Corroboration | None) -> dict[str, Any] | None:
    """The counts, and each independent story with the documents (its copies) citing it."""
    if c is None:
        return None
    # field by field: dataclasses.asdict copies the reports deeply only to have them
    # replaced, and a timeline page shows thousands of these
    found: dict[str, Any] = {f.name: getattr(c, f.name) for f in dataclasses.fields(c)}
    found["reports"] = [
        {"story": story, "documents": list(documents), "copies": len(documents) - 1}
        for story, documents in c.reports
    ]
    return found


def flags(c: Corroboration | None) -> list[str]:
    """Why a record deserves less trust: backed by one story only, or only by pieces that
    call themselves speculation or opinion."""
    if c is None:
        return []
    return [*(["single-source"] if c.single_source else []),
            *(["speculative"] if c.speculative else [])]  # fmt: skip


def event_dict(
    event: Event, texts: Mapping[str, str], corroboration: Corroboration | None = None
) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": event.date,
        "end_date": event.end_date,
        "precision": event.precision,
        "type": event.type,
        "title": event.title,
        "location": event.location,
        "background": event.background,
        "participants": [
            {"entity": p.name, "entity_id": p.entity_id, "role": p.role} for p in event.participants
        ],
        "sources": source_dicts(event.sources, texts),
        "corroboration": corroboration_dict(corroboration),
        "flags": flags(corroboration),
    }


def role_dict(role: Role, texts: Mapping[str, str]) -> dict[str, Any]:
    return {
        "title": role.title,
        "org": role.org,
        "first_seen": role.first_seen,
        "last_seen": role.last_seen,
        "sources": source_dicts(role.sources, texts),
    }


def entity_dict(entity: Entity, texts: Mapping[str, str]) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "aliases": list(entity.aliases),
        "mentions": entity.mentions,
        "roles": [role_dict(r, texts) for r in entity.roles],
    }


def figure_dict(
    figure: Figure, texts: Mapping[str, str], corroboration: Corroboration | None = None
) -> dict[str, Any]:
    return {
        "id": figure.id,
        "subject": figure.subject,
        "value": figure.value,
        "unit": figure.unit,
        "previous": figure.previous,
        "as_of": figure.as_of,
        "sources": source_dicts(figure.sources, texts),
        "corroboration": corroboration_dict(corroboration),
        "flags": flags(corroboration),
    }


def promise_dict(promise: Promise, texts: Mapping[str, str]) -> dict[str, Any]:
    return {
        "id": promise.id,
        "kind": promise.kind,
        "actor": promise.actor,
        "target": promise.target,
        "text": promise.text,
        "made_on": promise.made_on,
        "due": promise.due,
        "status": promise.status,
        "fulfilled_by": promise.fulfilled_by,
        "sources": source_dicts(promise.sources, texts),
    }


def export_dict(
    documents: Sequence[Document],
    events: Sequence[Event] = (),
    entities: Sequence[Entity] = (),
    figures: Sequence[Figure] = (),
    promises: Sequence[Promise] = (),
    corroboration: Mapping[str, Corroboration] | None = None,
    texts: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The export object; ``texts`` (clean text by id) fill the sources' sentences when the
    documents themselves are not exported."""
    if texts is None:
        texts = {d.id: d.text for d in documents}
    backing = corroboration or {}
    return {
        "dateline_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "documents": [document_dict(d) for d in documents],
        "events": [event_dict(e, texts, backing.get(e.id)) for e in events],
        "entities": [entity_dict(e, texts) for e in entities],
        "figures": [figure_dict(f, texts, backing.get(f.id)) for f in figures],
        "promises": [promise_dict(p, texts) for p in promises],
    }


def timeline_dicts(
    entries: Sequence[Any],
    events: Sequence[Event],
    texts: Mapping[str, str],
    corroboration: Mapping[str, Corroboration] | None = None,
    totals: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """Timeline entries with their summary sentences, the day's events and all sources.
    ``totals`` tells per day how many events it has when ``events`` holds only some of
    them (``events_total``; else the count of those given)."""
    backing = corroboration or {}
    by_day: dict[str, list[Event]] = {}
    for event in events:
        if event.date and event.precision == "day" and not event.background:
            by_day.setdefault(event.date, []).append(event)
    out = []
    for entry in entries:
        day_events = by_day.get(entry.date, [])
        documents = {s.document_id for s in entry.summary}
        documents |= {s.document_id for e in day_events for s in e.sources}
        out.append(
            {
                "date": entry.date,
                "summary": source_dicts(entry.summary, texts),
                "events": [
                    {
                        "id": e.id,
                        "type": e.type,
                        "title": e.title,
                        "corroboration": corroboration_dict(backing.get(e.id)),
                    }
                    for e in day_events
                ],
                "events_total": max(len(day_events), (totals or {}).get(entry.date, 0)),
                "documents": sorted(documents),
                "score": round(entry.score, 4),
                # below 1: the share of the articles read (an even sample of a large corpus)
                "sample": round(getattr(entry, "sample", 1.0), 6),
            }
        )
    return out

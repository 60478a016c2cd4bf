"""Rows of the derived dossier (entities, events, figures, promises) in and out of SQL.

The corpus stages rebuild these together, so they are written in one transaction and
read back as the plain objects of :mod:`dateline.model`.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.model import Entity, Event, Figure, Mention, Participant, Promise, Role, Source

DERIVED_TABLES = (
    "sources", "participants", "events", "figures", "promises", "roles", "sentences",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Derived:
    """Everything the corpus stages produce, to be stored at once."""

    entities: Sequence[Entity]
    mentions: Sequence[Mention]
    events: Sequence[Event]
    figures: Sequence[Figure]
    promises: Sequence[Promise]
    # (document id, sentence index, start, end, [[date, precision], ...])
    sentences: Sequence[tuple[str, int, int, int, Sequence[tuple[str, str]]]] = ()


def replace_derived(conn: sqlite3.Connection, derived: Derived) -> None:
    """Swap the stored dossier for ``derived`` (the caller holds the transaction)."""
    for table in (*DERIVED_TABLES, "mentions", "entities"):
        conn.execute(f"DELETE FROM {table}")
    _write_entities(conn, derived.entities)
    conn.executemany(
        'INSERT INTO mentions (document_id, start, "end", sentence, kind, entity_id) '
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (m.document_id, m.start, m.end, m.sentence, m.kind, m.entity_id)
            for m in derived.mentions
        ],
    )
    _write_events(conn, derived.events)
    conn.executemany(
        "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?)",
        [(f.id, f.subject, f.value, f.unit, f.previous, f.as_of) for f in derived.figures],
    )
    _write_sources(conn, "figure", ((f.id, f.sources) for f in derived.figures))
    conn.executemany(
        "INSERT INTO promises VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (p.id, p.kind, p.actor, p.text, p.made_on, p.due, p.target, p.status, p.fulfilled_by)
            for p in derived.promises
        ],
    )
    _write_sources(conn, "promise", ((p.id, p.sources) for p in derived.promises))
    conn.executemany(
        "INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
        [(d, i, a, b, json.dumps(dates)) for d, i, a, b, dates in derived.sentences],
    )


def _write_entities(conn: sqlite3.Connection, entities: Sequence[Entity]) -> None:
    conn.executemany(
        "INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
        [(e.id, e.name, e.kind, json.dumps(list(e.aliases)), e.mentions) for e in entities],
    )
    conn.executemany(
        "INSERT INTO roles VALUES (?, ?, ?, ?, ?, ?)",
        [
            (e.id, i, r.title, r.org, r.first_seen, r.last_seen)
            for e in entities
            for i, r in enumerate(e.roles)
        ],
    )
    _write_sources(
        conn,
        "role",
        ((f"{e.id}#{i}", r.sources) for e in entities for i, r in enumerate(e.roles)),
    )


def _write_events(conn: sqlite3.Connection, events: Sequence[Event]) -> None:
    conn.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (e.id, e.type, e.title, e.date, e.precision, e.end_date, e.location, int(e.background))
            for e in events
        ],
    )
    conn.executemany(
        "INSERT INTO participants VALUES (?, ?, ?, ?, ?)",
        [
            (e.id, i, p.entity_id, p.name, p.role)
            for e in events
            for i, p in enumerate(e.participants)
        ],
    )
    _write_sources(conn, "event", ((e.id, e.sources) for e in events))


def _write_sources(
    conn: sqlite3.Connection, kind: str, records: Iterable[tuple[str, Sequence[Source]]]
) -> None:
    conn.executemany(
        'INSERT INTO sources (record_kind, record_id, seq, document_id, start, "end") '
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (kind, record_id, i, s.document_id, s.start, s.end)
            for record_id, sources in records
            for i, s in enumerate(sources)
        ],
    )


def read_sources(conn: sqlite3.Connection, kind: str) -> dict[str, tuple[Source, ...]]:
    found: dict[str, list[Source]] = defaultdict(list)
    rows = conn.execute(
        'SELECT record_id, document_id, start, "end" FROM sources '
        "WHERE record_kind = ? ORDER BY record_id, seq",
        (kind,),
    )
    for record_id, document_id, start, end in rows:
        found[record_id].append(Source(document_id, start, end))
    return {k: tuple(v) for k, v in found.items()}


def read_entities(conn: sqlite3.Connection) -> list[Entity]:
    role_sources = read_sources(conn, "role")
    roles: dict[str, list[Role]] = defaultdict(list)
    for entity_id, seq, title, org, first, last in conn.execute(
        "SELECT entity_id, seq, title, org, first_seen, last_seen FROM roles "
        "ORDER BY entity_id, seq"
    ):
        sources = role_sources.get(f"{entity_id}#{seq}", ())
        roles[entity_id].append(Role(title, org, first, last, sources))
    return [
        Entity(eid, name, kind, tuple(json.loads(aliases)), tuple(roles[eid]), mentions)
        for eid, name, kind, aliases, mentions in conn.execute(
            "SELECT id, name, kind, aliases, mentions FROM entities ORDER BY mentions DESC, name"
        )
    ]


def read_events(conn: sqlite3.Connection) -> list[Event]:
    sources = read_sources(conn, "event")
    people: dict[str, list[Participant]] = defaultdict(list)
    for event_id, entity_id, name, role in conn.execute(
        "SELECT event_id, entity_id, name, role FROM participants ORDER BY event_id, seq"
    ):
        people[event_id].append(Participant(entity_id, name, role))
    return [
        Event(
            id=row[0],
            type=row[1],
            title=row[2],
            date=row[3],
            precision=row[4],
            end_date=row[5],
            location=row[6],
            background=bool(row[7]),
            participants=tuple(people[row[0]]),
            sources=sources.get(row[0], ()),
        )
        for row in conn.execute(
            "SELECT id, type, title, date, precision, end_date, location, background "
            "FROM events ORDER BY date IS NULL, date, id"
        )
    ]


def read_figures(conn: sqlite3.Connection) -> list[Figure]:
    sources = read_sources(conn, "figure")
    return [
        Figure(fid, subject, value, unit, previous, as_of, sources.get(fid, ()))
        for fid, subject, value, unit, previous, as_of in conn.execute(
            "SELECT id, subject, value, unit, previous, as_of FROM figures "
            "ORDER BY subject, as_of IS NULL, as_of"
        )
    ]


def read_promises(conn: sqlite3.Connection) -> list[Promise]:
    sources = read_sources(conn, "promise")
    return [
        Promise(
            id=row[0],
            kind=row[1],
            actor=row[2],
            text=row[3],
            made_on=row[4],
            due=row[5],
            target=row[6],
            status=row[7],
            fulfilled_by=row[8],
            sources=sources.get(row[0], ()),
        )
        for row in conn.execute(
            "SELECT id, kind, actor, text, made_on, due, target, status, fulfilled_by "
            "FROM promises ORDER BY made_on IS NULL, made_on, id"
        )
    ]


def read_sentences(
    conn: sqlite3.Connection, since: str | None = None, until: str | None = None
) -> list[tuple[str, int, int, int, str | None, list[list[str]]]]:
    """(document id, index, start, end, published, dates) of sentences of dated documents.

    Undated articles never feed the timeline; ``since``/``until`` bound the publication
    date (a later article may still refer back into the range).
    """
    sql = (
        'SELECT s.document_id, s.idx, s.start, s."end", d.published, s.dates '
        "FROM sentences s JOIN documents d ON d.id = s.document_id "
        "WHERE d.published IS NOT NULL AND d.published >= ? AND d.published <= ? "
        "ORDER BY s.document_id, s.idx"
    )
    rows = conn.execute(sql, (since or "0000-00-00", until or "9999-99-99"))
    return [(a, b, c, d, e, json.loads(f)) for a, b, c, d, e, f in rows]

"""Rows of the derived dossier (entities, events, figures, promises) in and out of SQL.

The corpus stages rebuild these together, so they are written in one transaction and
read back as the plain objects of :mod:`dateline.model`. The SQL is written once, with
``?`` placeholders, against :class:`Database` (either backend's store).
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from dateline.lexicon.names import fold_name
from dateline.model import Entity, Event, Figure, Mention, Participant, Promise, Role, Source

DERIVED_TABLES = (
    "sources", "participants", "events", "figures", "promises", "roles", "sentence_dates",
    "sentences", "day_references", "publication_days", "stems", "speculative_documents",
    "sentence_features",
)  # fmt: skip


class Database(Protocol):
    """What these functions need of a store: statements, bulk loads, emptying tables."""

    def execute(self, sql: str, params: Sequence[object] = ()) -> Any: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None: ...

    def bulk_insert(self, table: str, columns: str, rows: Iterable[Sequence[object]]) -> None: ...

    def clear(self, tables: Sequence[str]) -> None: ...

    def documents_by(self, index: str, alias: str = "") -> str: ...


# The index of each document's id, publication day and story (migration 11).
HEADS = "documents_id_head"


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
    # (document id, sentence index) of the sentences that are chronology entries for the
    # first day they name ("March 19 - ...")
    listed: Collection[tuple[str, int]] = ()
    # documents the timeline never reads (self-declared speculation): left out of the day
    # counts as out of every read
    unranked: Collection[str] = ()
    # the stem of each word of the articles the summariser stems, made by ``stemmer``
    stems: Mapping[str, str] = field(default_factory=dict)
    stemmer: str = ""
    # (document id, what the summariser reads of its sentences: summarise.features), made
    # under ``features_by``; read only while that is the code's
    features: Iterable[tuple[str, bytes]] = ()
    features_by: str = ""


def replace_derived(db: Database, derived: Derived) -> None:
    """Swap the stored dossier for ``derived`` (the caller holds the transaction)."""
    db.clear((*DERIVED_TABLES, "mentions", "entity_names", "entities"))
    _write_entities(db, derived.entities)
    db.bulk_insert(
        "mentions",
        'document_id, start, "end", sentence, kind, entity_id',
        (
            (m.document_id, m.start, m.end, m.sentence, m.kind, m.entity_id)
            for m in derived.mentions
        ),
    )
    _write_events(db, derived.events)
    db.bulk_insert(
        "figures",
        "id, subject, value, unit, previous, as_of",
        ((f.id, f.subject, f.value, f.unit, f.previous, f.as_of) for f in derived.figures),
    )
    _write_sources(db, "figure", ((f.id, f.sources) for f in derived.figures))
    db.bulk_insert(
        "promises",
        "id, kind, actor, text, made_on, due, target, status, fulfilled_by",
        (
            (p.id, p.kind, p.actor, p.text, p.made_on, p.due, p.target, p.status, p.fulfilled_by)
            for p in derived.promises
        ),
    )
    _write_sources(db, "promise", ((p.id, p.sources) for p in derived.promises))
    db.bulk_insert(
        "sentences",
        'document_id, idx, start, "end", dates',
        ((d, i, a, b, json.dumps(dates)) for d, i, a, b, dates in derived.sentences),
    )
    db.bulk_insert("sentence_dates", "day, document_id, idx", _sentence_days(derived.sentences))
    write_day_counts(
        db, derived.sentences, derived.listed, derived.unranked, derived.mentions, derived.events
    )
    db.bulk_insert("stems", "word, stem", derived.stems.items())
    db.bulk_insert("speculative_documents", "document_id", ((d,) for d in sorted(derived.unranked)))
    db.bulk_insert("sentence_features", "document_id, data", derived.features)
    for key, value in (("stemmer", derived.stemmer), ("features", derived.features_by)):
        db.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def _sentence_days(
    sentences: Iterable[tuple[str, int, int, int, Sequence[tuple[str, str]]]],
) -> Iterable[tuple[str, str, int]]:
    """(date, document, sentence) once per date a sentence names, whatever its precision."""
    for document, index, _, _, dates in sentences:
        for value in dict.fromkeys(value for value, _ in dates):
            yield value, document, index


# -- the day counts a timeline ranks from ---------------------------------------------
# A reference's distance to its publication day, in the classes the ranking weighs apart
# (see summarise.dates.reference_weight): days from the day named to the article, -1 for
# any day ahead, 8 for any day older than a week.
LAG_CLASSES = range(-1, 9)


def lag_class(day: date, published: date) -> int:
    """The class of :data:`LAG_CLASSES` of a reference to ``day`` published on ``published``."""
    return max(LAG_CLASSES[0], min(LAG_CLASSES[-1], (published - day).days))


def day_scope(entity_id: str | None = None, event_type: str | None = None) -> str:
    """The day counts a timeline reads: of every sentence, of those naming an entity, or
    of those reporting an event of a type (not both)."""
    if entity_id is not None and event_type is not None:
        raise ValueError("day counts are kept for an entity or for an event type, not both")
    if entity_id is not None:
        return f"entity:{entity_id}"
    return "" if event_type is None else f"type:{event_type}"


def write_day_counts(
    db: Database,
    sentences: Iterable[tuple[str, int, int, int, Sequence[tuple[str, str]]]],
    listed: Collection[tuple[str, int]],
    unranked: Collection[str] = (),
    mentions: Iterable[Mention] = (),
    events: Iterable[Event] = (),
) -> None:
    """Count, from ``sentences`` and the stored documents' dates and stories, what the
    timeline's ranking reads per day, in every :func:`day_scope`: over every sentence, over
    those naming each entity (``mentions``) and over those reporting an event of each type
    (the sentences ``events`` cite). Each story (duplicate group) naming a day counts once
    for it, by its latest article naming it (the ranking weighs a later reference at least
    as much), and under that article's publication day; whether one of its articles lists
    the day in a chronology entry (``listed`` sentences) is counted too. Per publication
    day, its stories and sentences. Only dated articles count, not ``unranked`` ones, and
    only day-precision references."""
    about = {
        str(doc): (str(published), str(root))
        for doc, published, root in db.execute(
            "SELECT id, published, coalesce(duplicate_of, id) FROM documents "
            "WHERE published IS NOT NULL"
        )
    }
    # the scopes of a sentence beyond every sentence's, by (document, index) and by
    # (document, start), as mentions and events' sources point at it
    named: dict[tuple[str, int], set[str]] = defaultdict(set)
    for m in mentions:
        if m.entity_id is not None:
            named[(m.document_id, m.sentence)].add(day_scope(m.entity_id))
    reported: dict[tuple[str, int], set[str]] = defaultdict(set)
    for event in events:
        for source in event.sources:
            reported[(source.document_id, source.start)].add(day_scope(event_type=event.type))
    # (entity, story, day) -> (lag class, publication day) of its latest reference, and
    # whether one of its articles lists the day
    latest: dict[tuple[str, str, str], tuple[int, str]] = {}
    listing: set[tuple[str, str, str]] = set()
    published_stories: dict[tuple[str, str], set[str]] = defaultdict(set)
    sentence_counts: dict[tuple[str, str], int] = defaultdict(int)
    for document, index, start, _, dates in sentences:
        found = about.get(document)
        if found is None or document in unranked:
            continue
        published, root = found
        days = [value for value, precision in dates if precision == "day"]
        chronology = bool(days) and (document, index) in listed
        scopes = named.get((document, index), set()) | reported.get((document, start), set())
        for scope in ("", *scopes):
            published_stories[(scope, published)].add(root)
            sentence_counts[(scope, published)] += 1
            for day in days:
                seen = (_lag(day, published), published)
                key = (scope, root, day)
                latest[key] = max(latest.get(key, seen), seen)
            if chronology:
                listing.add((scope, root, days[0]))
    counts: dict[tuple[str, str, str, int], list[int]] = defaultdict(lambda: [0, 0])
    for (scope, root, day), (lag, published) in latest.items():
        row = counts[(scope, published, day, lag)]
        row[0] += 1
        row[1] += (scope, root, day) in listing
    db.bulk_insert(
        "day_references",
        "scope, published, day, lag, stories, listed",
        ((*key, stories, chronology) for key, (stories, chronology) in counts.items()),
    )
    db.bulk_insert(
        "publication_days",
        "scope, published, stories, sentences",
        ((*key, len(roots), sentence_counts[key]) for key, roots in published_stories.items()),
    )


def _lag(day: str, published: str) -> int:
    try:
        return lag_class(date.fromisoformat(day), date.fromisoformat(published[:10]))
    except ValueError:
        return LAG_CLASSES[-1]


def mark_days_counted(db: Database) -> None:
    """Record that the day counts, the speculative documents and the sentence features
    were made at the current generation."""
    for key in ("days_counted", "speculative_kept", "features_kept"):
        db.execute(
            f"INSERT INTO meta SELECT '{key}', value FROM meta WHERE key = 'generation' "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )


def speculative_kept(db: Database) -> bool:
    """Whether the speculative documents the build found hold: no write since, and built
    since the store was upgraded to keep them."""
    return _made_now(db, "speculative_kept")


def stems_made_by(db: Database, stemmer: str) -> bool:
    """Whether the kept stems were made by ``stemmer`` (another stemmer's may differ)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'stemmer'").fetchone()
    return row is not None and row[0] == stemmer


def features_kept(db: Database, identity: str) -> bool:
    """Whether the kept sentence features hold: no write since, made by ``identity``."""
    row = db.execute("SELECT value FROM meta WHERE key = 'features'").fetchone()
    return row is not None and row[0] == identity and _made_now(db, "features_kept")


def days_counted(db: Database) -> bool:
    """Whether the day counts hold for what is stored: no write came since they were made
    (a document stored, replaced or deleted, a date or a story changed)."""
    return _made_now(db, "days_counted")


def _made_now(db: Database, key: str) -> bool:
    """Whether the meta ``key`` holds the current generation: what it marks was made with
    no write since."""
    row = db.execute(
        "SELECT count(*) FROM meta c JOIN meta g ON g.key = 'generation' "
        "WHERE c.key = ? AND c.value = g.value",
        (key,),
    ).fetchone()
    return bool(row[0])


def read_day_references(
    db: Database, since: str | None, until: str | None, scope: str = ""
) -> list[tuple[str, int, int, int]]:
    """(day, lag class, stories, listing stories) summed over the publication days within
    ``[since, until]``, in ``scope`` (see :func:`day_scope`)."""
    return [
        (str(day), int(lag), int(stories), int(listed))
        for day, lag, stories, listed in db.execute(
            "SELECT day, lag, sum(stories), sum(listed) FROM day_references "
            "WHERE scope = ? AND published >= ? AND published <= ? GROUP BY day, lag",
            (scope, *_window(since, until)),
        )
    ]


def read_publication_days(
    db: Database, since: str | None, until: str | None, scope: str = ""
) -> list[tuple[str, int, int]]:
    """(publication day, stories, sentences) of the days within ``[since, until]``, in
    ``scope``."""
    return [
        (str(day), int(stories), int(sentences))
        for day, stories, sentences in db.execute(
            "SELECT published, stories, sentences FROM publication_days "
            "WHERE scope = ? AND published >= ? AND published <= ?",
            (scope, *_window(since, until)),
        )
    ]


def _write_entities(db: Database, entities: Sequence[Entity]) -> None:
    db.bulk_insert(
        "entities",
        "id, name, kind, aliases, mentions",
        ((e.id, e.name, e.kind, json.dumps(list(e.aliases)), e.mentions) for e in entities),
    )
    db.bulk_insert(
        "entity_names",
        "folded, entity_id",
        entity_name_rows((e.id, e.name, e.aliases) for e in entities),
    )
    db.bulk_insert(
        "roles",
        "entity_id, seq, title, org, first_seen, last_seen",
        (
            (e.id, i, r.title, r.org, r.first_seen, r.last_seen)
            for e in entities
            for i, r in enumerate(e.roles)
        ),
    )
    _write_sources(
        db,
        "role",
        ((f"{e.id}#{i}", r.sources) for e in entities for i, r in enumerate(e.roles)),
    )


def _write_events(db: Database, events: Sequence[Event]) -> None:
    db.bulk_insert(
        "events",
        "id, type, title, date, precision, end_date, location, background",
        (
            (e.id, e.type, e.title, e.date, e.precision, e.end_date, e.location, int(e.background))
            for e in events
        ),
    )
    db.bulk_insert(
        "participants",
        "event_id, seq, entity_id, name, role",
        (
            (e.id, i, p.entity_id, p.name, p.role)
            for e in events
            for i, p in enumerate(e.participants)
        ),
    )
    _write_sources(db, "event", ((e.id, e.sources) for e in events))
    db.execute(f"UPDATE events SET stories = {_stories(db)}")


# How many independent stories report the event: a reprint is its original's story.
def _stories(db: Database) -> str:
    return (
        "(SELECT count(DISTINCT coalesce(d.duplicate_of, d.id)) FROM sources s "
        f"JOIN {db.documents_by(HEADS, 'd')} ON d.id = s.document_id "
        "WHERE s.record_kind = 'event' AND s.record_id = events.id)"
    )


def forget_stories(db: Database, document_id: str) -> None:
    """Mark unknown the kept story counts of the events citing ``document_id`` or one of
    its copies (it is about to be replaced, and its copies to change story)."""
    db.execute(
        "UPDATE events SET stories = NULL WHERE id IN (SELECT s.record_id FROM sources s "
        "JOIN documents d ON d.id = s.document_id WHERE s.record_kind = 'event' "
        "AND (d.id = ? OR d.duplicate_of = ?))",
        (document_id, document_id),
    )


def _write_sources(
    db: Database, kind: str, records: Iterable[tuple[str, Sequence[Source]]]
) -> None:
    db.bulk_insert(
        "sources",
        'record_kind, record_id, seq, document_id, start, "end"',
        (
            (kind, record_id, i, s.document_id, s.start, s.end)
            for record_id, sources in records
            for i, s in enumerate(sources)
        ),
    )


def read_sources(
    db: Database, kind: str, where: str = "", params: Sequence[object] = ()
) -> dict[str, tuple[Source, ...]]:
    """Sources of every record of ``kind`` (that ``where``, a condition on record_id with
    ``params``, keeps)."""
    found: dict[str, list[Source]] = defaultdict(list)
    rows = db.execute(
        'SELECT record_id, document_id, start, "end" FROM sources '
        f"WHERE record_kind = ?{' AND ' + where if where else ''} ORDER BY record_id, seq",
        (kind, *params),
    )
    for record_id, document_id, start, end in rows:
        found[record_id].append(Source(document_id, start, end))
    return {k: tuple(v) for k, v in found.items()}


def _given(value: str | None) -> tuple[str, ...]:
    return () if value is None else (value,)


# Most mentioned first; the id settles ties of mentions and name.
_ENTITY_ORDER = "mentions DESC, name, id"


def read_entities(db: Database, entity_id: str | None = None, roles: bool = True) -> list[Entity]:
    """Every entity (or the one ``entity_id``), most mentioned first; without ``roles``,
    only names and aliases are read (enough to look one up)."""
    found_roles: dict[str, list[Role]] = defaultdict(list)
    only = "" if entity_id is None else " WHERE entity_id = ?"
    if roles:
        # role ids are "<entity id>#<n>" (a prefix test, not a range: PostgreSQL may
        # collate "#" by locale)
        prefix = f"{entity_id}#"
        role_sources = read_sources(
            db, "role", *(("substr(record_id, 1, ?) = ?", (len(prefix), prefix))
                          if entity_id is not None else ())
        )  # fmt: skip
        for eid, seq, title, org, first, last in db.execute(
            f"SELECT entity_id, seq, title, org, first_seen, last_seen FROM roles{only} "
            "ORDER BY entity_id, seq",
            _given(entity_id),
        ):
            sources = role_sources.get(f"{eid}#{seq}", ())
            found_roles[eid].append(Role(title, org, first, last, sources))
    return [
        Entity(eid, name, kind, tuple(json.loads(aliases)), tuple(found_roles[eid]), mentions)
        for eid, name, kind, aliases, mentions in db.execute(
            "SELECT id, name, kind, aliases, mentions FROM entities"
            f"{'' if entity_id is None else ' WHERE id = ?'} ORDER BY {_ENTITY_ORDER}",
            _given(entity_id),
        )
    ]


def entity_name_rows(
    entities: Iterable[tuple[str, str, Iterable[str]]],
) -> Iterator[tuple[str, str]]:
    """(folded spelling, entity id) once per distinct spelling of each (id, name, aliases)."""
    for eid, name, aliases in entities:
        for folded in dict.fromkeys(fold_name(n) for n in (name, *aliases)):
            yield folded, eid


def read_entity_named(db: Database, name: str) -> Entity | None:
    """The entity whose id is ``name``, or one of whose spellings folds as ``name`` does,
    the most mentioned if several (names and aliases only, as without roles)."""
    row = db.execute(
        "SELECT id, name, kind, aliases, mentions FROM entities WHERE id = ? "
        "OR id IN (SELECT entity_id FROM entity_names WHERE folded = ?) "
        f"ORDER BY {_ENTITY_ORDER} LIMIT 1",
        (name, fold_name(name)),
    ).fetchone()
    if row is None:
        return None
    return Entity(row[0], row[1], row[2], tuple(json.loads(row[3])), (), row[4])


def _event_filter(
    column: str, entity_id: str | None, event_type: str | None, days: Sequence[str] | None
) -> tuple[str, tuple[object, ...]]:
    """A condition on ``column`` (an event id) keeping the events ``entity_id`` took part
    in, of ``event_type``, on one of ``days`` (each only when given), and its parameters."""
    conditions: list[str] = []
    params: list[object] = []
    if entity_id is not None:
        conditions.append(f"{column} IN (SELECT event_id FROM participants WHERE entity_id = ?)")
        params.append(entity_id)
    if event_type is not None:
        conditions.append(f"{column} IN (SELECT id FROM events WHERE type = ?)")
        params.append(event_type)
    if days is not None:
        marks = ", ".join("?" * len(days)) or "NULL"
        conditions.append(f"{column} IN (SELECT id FROM events WHERE date IN ({marks}))")
        params += days
    return " AND ".join(conditions), tuple(params)


def read_events(
    db: Database,
    entity_id: str | None = None,
    event_type: str | None = None,
    days: Sequence[str] | None = None,
    per_day: int | None = None,
) -> list[Event]:
    """Every event (or those ``entity_id`` took part in, of ``event_type``, on one of
    ``days``), dated first, in date order. With ``days`` and ``per_day``, only events
    dated to one of those days (not background), at most ``per_day`` of each, chosen the
    most cited first (:func:`event_days` counts them all)."""
    if days is not None and per_day is not None:
        ids = _most_cited(db, entity_id, event_type, days, per_day)
        # read in bounded batches: every day of a long dossier may be asked
        found = [
            event
            for marks, batch in _batches(ids)
            for event in _read_events(db, functools.partial(_among, marks=marks, ids=batch))
        ]
        return sorted(found, key=lambda e: (e.date is None, e.date or "", e.id))
    return _read_events(db, lambda column: _event_filter(column, entity_id, event_type, days))


def _most_cited(
    db: Database, entity_id: str | None, event_type: str | None, days: Sequence[str], limit: int
) -> list[str]:
    """The ids of at most ``limit`` events a day of ``days`` (kept by the filters, dated to
    the day, not background): those citing the most sentences, then the first by id."""
    where, params = _event_filter("e.id", entity_id, event_type, days)
    rows = db.execute(
        "SELECT id FROM (SELECT e.id, row_number() OVER (PARTITION BY e.date ORDER BY "
        "(SELECT count(*) FROM sources s WHERE s.record_kind = 'event' AND s.record_id = e.id) "
        f"DESC, e.id) AS place FROM events e WHERE {where} AND {_ON_THE_DAY}) ranked "
        "WHERE place <= ?",
        (*params, limit),
    )
    return sorted(row[0] for row in rows)


def _among(column: str, marks: str, ids: Sequence[str]) -> tuple[str, tuple[object, ...]]:
    """A condition keeping the events of ``ids``, one batch of :func:`_batches`."""
    return f"{column} IN ({marks})", tuple(ids)


# An event a timeline shows under its day (and counts for it): dated to the day, not
# background.
_ON_THE_DAY = "date IS NOT NULL AND date <> '' AND precision = 'day' AND background = 0"


def _read_events(
    db: Database, condition: Callable[[str], tuple[str, tuple[object, ...]]]
) -> list[Event]:
    """The events ``condition`` keeps: given the column naming the event id in a query, it
    gives the condition on that column and its parameters."""
    sources = read_sources(db, "event", *condition("record_id"))
    people: dict[str, list[Participant]] = defaultdict(list)
    where, params = condition("event_id")
    for event_id, pid, name, role in db.execute(
        "SELECT event_id, entity_id, name, role FROM participants"
        f"{' WHERE ' + where if where else ''} ORDER BY event_id, seq",
        params,
    ):
        people[event_id].append(Participant(pid, name, role))
    where, params = condition("id")
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
        for row in db.execute(
            "SELECT id, type, title, date, precision, end_date, location, background "
            f"FROM events{' WHERE ' + where if where else ''} ORDER BY date IS NULL, date, id",
            params,
        )
    ]


def event_days(
    db: Database,
    entity_id: str | None = None,
    event_type: str | None = None,
    days: Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, tuple[int, int]]:
    """Per day (of ``days``, when given; within ``[since, until]``): how many dated (to the
    day), non-background events happened, of those ``entity_id`` took part in and of
    ``event_type`` when given, as (those two or more independent stories report, all of
    them). A reprint is its original's story."""
    where, params = _event_filter("events.id", entity_id, event_type, days)
    # the kept count, or where a replaced document left it unknown, the count itself
    rows = db.execute(
        f"SELECT date, sum(CASE WHEN coalesce(stories, {_stories(db)}) >= 2 THEN 1 ELSE 0 END), "
        f"count(*) FROM events WHERE {_ON_THE_DAY} AND date >= ? AND date <= ?"
        f"{' AND ' + where if where else ''} GROUP BY date",
        (*_window(since, until), *params),
    )
    return {day: (int(told), int(n)) for day, told, n in rows}


def has_event_days(
    db: Database, entity_id: str | None = None, event_type: str | None = None
) -> bool:
    """Whether any day has an event :func:`event_days` counts."""
    where, params = _event_filter("events.id", entity_id, event_type, None)
    row = db.execute(
        f"SELECT 1 FROM events WHERE {_ON_THE_DAY}{' AND ' + where if where else ''} LIMIT 1",
        params,
    ).fetchone()
    return row is not None


def read_figures(db: Database) -> list[Figure]:
    sources = read_sources(db, "figure")
    return [
        Figure(fid, subject, value, unit, previous, as_of, sources.get(fid, ()))
        for fid, subject, value, unit, previous, as_of in db.execute(
            "SELECT id, subject, value, unit, previous, as_of FROM figures "
            "ORDER BY subject, as_of IS NULL, as_of"
        )
    ]


def read_promises(db: Database) -> list[Promise]:
    sources = read_sources(db, "promise")
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
        for row in db.execute(
            "SELECT id, kind, actor, text, made_on, due, target, status, fulfilled_by "
            "FROM promises ORDER BY made_on IS NULL, made_on, id"
        )
    ]


def read_sentences(
    db: Database,
    since: str | None = None,
    until: str | None = None,
    below: str | None = None,
    dated: bool = False,
) -> list[tuple[str, int, int, int, str | None, list[list[str]]]]:
    """(document id, index, start, end, published, dates) of sentences of dated documents
    (with ``dated``, of those naming a date only).

    Undated articles never feed the timeline; ``since``/``until`` bound the publication
    date (a later article may still refer back into the range). With ``below`` (see
    :func:`sample_bound`) only documents whose id sorts before it are read.
    """
    sql = (
        f"SELECT {_SENTENCE} FROM sentences s JOIN documents d ON d.id = s.document_id "
        f"WHERE {_WINDOW}{_BELOW if below else ''}{_NAMING if dated else ''} "
        "ORDER BY s.document_id, s.idx"
    )
    return _sentence_rows(db.execute(sql, (*_window(since, until), *_below(below))))


def read_range_readings(
    db: Database, since: str | None, until: str | None, below: str | None
) -> list[tuple[str, str, str, bytes | None, bool]]:
    """Per dated document published within ``[since, until]`` (``below`` as for
    :func:`read_sentences`): its id, publication day, story (its duplicate group's root)
    and kept sentence reading, and whether it lacks one while it has sentences."""
    # CASE: SQLite would look for the sentences of every document, not only of those
    # without a reading
    sql = (
        "SELECT d.id, d.published, coalesce(d.duplicate_of, d.id), f.data, "
        "CASE WHEN f.data IS NULL THEN EXISTS "
        "(SELECT 1 FROM sentences s WHERE s.document_id = d.id) ELSE 1 = 0 END "
        "FROM documents d LEFT JOIN sentence_features f ON f.document_id = d.id "
        f"WHERE {_WINDOW}{_BELOW if below else ''}"
    )
    return [
        (str(d), str(p), str(root), None if data is None else bytes(data), bool(missing))
        for d, p, root, data, missing in db.execute(sql, (*_window(since, until), *_below(below)))
    ]


def read_sentences_at(
    db: Database, places: Sequence[tuple[str, int]], since: str | None, until: str | None
) -> list[tuple[str, int, int, int, str | None, list[list[str]]]]:
    """Like :func:`read_sentences`, but only the sentences at ``places`` (document id,
    index), each found through the primary key."""
    first, last = _window(since, until)
    found: list[Sequence[Any]] = []
    for i in range(0, len(places), _BATCH // 2):
        batch = places[i : i + _BATCH // 2]
        values = ", ".join("(?, ?)" for _ in batch)
        # CROSS JOIN keeps SQLite looking each place up rather than scanning for them; the
        # window is applied here, since PostgreSQL's generic plan for a range of unknown
        # width would scan the publication-date index instead
        rows = db.execute(
            f"WITH wanted (document_id, idx) AS (VALUES {values}) SELECT {_SENTENCE} "
            f"FROM wanted w CROSS JOIN sentences s CROSS JOIN {db.documents_by(HEADS, 'd')} "
            "WHERE s.document_id = w.document_id AND s.idx = w.idx "
            "AND d.id = s.document_id AND d.published IS NOT NULL",
            tuple(v for place in batch for v in place),
        )
        found += [row for row in rows if first <= row[4] <= last]
    return _sentence_rows(sorted(found, key=lambda r: (r[0], r[1])))


def count_sentences(
    db: Database, since: str | None = None, until: str | None = None, below: str | None = None
) -> int:
    """How many sentences :func:`read_sentences` would read."""
    sql = (
        "SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id "
        f"WHERE {_WINDOW}{_BELOW if below else ''}"
    )
    return int(db.execute(sql, (*_window(since, until), *_below(below))).fetchone()[0])


def sample_bound(share: float) -> str | None:
    """An id bound below which about ``share`` of the documents fall (None: all of them).

    Document ids are "d" and hex digits of a SHA-256 (see pipeline/prepare.py), so the ids
    below "d" + the share written in hex are an even sample of the corpus, one that the
    primary keys read as a range and that stays the same from one query to the next.
    """
    if share >= 1.0:
        return None
    return "d" + format(max(1, int(share * _SPAN)), f"0{_DIGITS}x")


_DIGITS = 6
_SPAN = 16**_DIGITS


def _below(bound: str | None) -> tuple[str, ...]:
    return () if bound is None else (bound,)


_SENTENCE = 's.document_id, s.idx, s.start, s."end", d.published, s.dates'
_WINDOW = "d.published IS NOT NULL AND d.published >= ? AND d.published <= ?"
_BELOW = " AND d.id < ?"
_NAMING = " AND s.dates <> '[]'"
# Bound parameters per IN (...) list, well under SQLite's limit.
_BATCH = 400


def _window(since: str | None, until: str | None) -> tuple[str, str]:
    return since or "0000-00-00", until or "9999-99-99"


def _sentence_rows(rows: Iterable[Sequence[Any]]) -> list[tuple[str, int, int, int, str | None,
                                                                  list[list[str]]]]:  # fmt: skip
    # most sentences name no date, and many name the same ones: each list is parsed once
    parsed: dict[str, list[list[str]]] = {"[]": []}
    known = parsed.get

    def dates(text: str) -> list[list[str]]:
        found = known(text)
        if found is None:
            found = parsed[text] = json.loads(text)
        return found

    return [(a, b, c, d, e, dates(f)) for a, b, c, d, e, f in rows]


def _batches(values: Sequence[str]) -> Iterable[tuple[str, Sequence[str]]]:
    """(``?, ?, ...``, values) per bounded batch of ``values``."""
    for i in range(0, len(values), _BATCH):
        batch = values[i : i + _BATCH]
        yield ", ".join("?" * len(batch)), batch


def read_sentences_near(
    db: Database,
    days: Sequence[str],
    lag: int,
    since: str | None,
    until: str | None,
    lead: int | None = None,
    below: str | None = None,
) -> list[tuple[str, int, int, int, str | None, list[list[str]]]]:
    """Like :func:`read_sentences`, but only sentences naming one of ``days`` and undated
    sentences (the first ``lead`` of each article, when given) of articles published up to
    ``lag`` days after one of them, through the day index and the publication-date index
    instead of a scan."""
    found: dict[tuple[str, int], Sequence[Any]] = {}
    for marks, batch in _batches(days):
        rows = db.execute(
            f"SELECT {_SENTENCE} FROM sentence_dates sd "
            "JOIN sentences s ON s.document_id = sd.document_id AND s.idx = sd.idx "
            f"JOIN {db.documents_by(HEADS, 'd')} ON d.id = s.document_id WHERE sd.day IN ({marks}) "
            f"AND {_WINDOW}" + (" AND sd.document_id < ?" if below else ""),
            (*batch, *_window(since, until), *_below(below)),
        )
        found.update(((r[0], r[1]), r) for r in rows)
    leads = () if lead is None else (lead,)
    for marks, batch in _batches(shifted_days(days, lag)):
        rows = db.execute(
            f"SELECT {_SENTENCE} FROM documents d JOIN sentences s ON s.document_id = d.id "
            f"WHERE d.published IN ({marks}) AND {_WINDOW} AND s.dates = '[]'"
            + (" AND s.idx < ?" if leads else "")
            + (_BELOW if below else ""),
            (*batch, *_window(since, until), *leads, *_below(below)),
        )
        found.update(((r[0], r[1]), r) for r in rows)
    return _sentence_rows(found[key] for key in sorted(found))


def count_sentences_near(db: Database, days: Sequence[str], lag: int, lead: int) -> int:
    """An upper bound, from the indexes alone, on how many sentences
    :func:`read_sentences_near` reads with ``lead``: every reference to one of ``days`` and
    ``lead`` sentences of every article published in reach of one."""
    total = count_references(db, days)
    for marks, batch in _batches(shifted_days(days, lag)):
        total += (
            lead
            * db.execute(
                f"SELECT count(*) FROM documents WHERE published IN ({marks})", batch
            ).fetchone()[0]
        )
    return int(total)


def shifted_days(days: Iterable[str], lag: int) -> list[str]:
    """Publication days up to ``lag`` days after one of ``days``."""
    return sorted(
        {(first + timedelta(days=k)).isoformat() for first in _days(days) for k in range(lag + 1)}
    )


def _days(values: Iterable[str]) -> Iterable[date]:
    """The values that are calendar days (a month or year cannot be a publication day)."""
    for value in values:
        try:
            yield date.fromisoformat(value)
        except ValueError:
            continue


def day_stories(
    db: Database,
    days: Sequence[str],
    since: str | None,
    until: str | None,
    below: str | None = None,
) -> dict[str, int]:
    """Per day: distinct stories (duplicate-group roots) with a sentence naming it, among
    articles published within the window (and with an id before ``below``, when given)."""
    counts = dict.fromkeys(days, 0)
    # With a window, start from its articles (the publication-date index) and read each
    # one's dates (the document index) rather than probe every day for every article:
    # CROSS JOIN fixes that order in SQLite and "|| ''" keeps it off the day index; both
    # are plain SQL to PostgreSQL's planner.
    heads = db.documents_by(HEADS, "d")
    tables, day = (
        (f"sentence_dates sd JOIN {heads} ON d.id = sd.document_id WHERE", "sd.day")
        if since is None and until is None
        else ("documents d CROSS JOIN sentence_dates sd WHERE sd.document_id = d.id AND",
              "(sd.day || '')")
    )  # fmt: skip
    for marks, batch in _batches(days):
        rows = db.execute(
            f"SELECT sd.day, count(DISTINCT coalesce(d.duplicate_of, d.id)) FROM {tables} "
            f"{day} IN ({marks}) AND {_WINDOW}{' AND sd.document_id < ?' if below else ''} "
            "GROUP BY sd.day",
            (*batch, *_window(since, until), *_below(below)),
        )
        counts.update((day, int(n)) for day, n in rows)
    return counts


def count_references(db: Database, days: Sequence[str]) -> int:
    """How many sentences name one of ``days``, from the day index alone."""
    total = 0
    for marks, batch in _batches(days):
        total += db.execute(
            f"SELECT count(*) FROM sentence_dates WHERE day IN ({marks})", batch
        ).fetchone()[0]
    return int(total)


# -- results kept until the next write ------------------------------------------------
def generation(db: Database) -> int:
    row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return 0 if row is None else int(row[0])


def invalidate(db: Database) -> None:
    """Move the write generation on (inside the writer's transaction): cached results made
    earlier no longer count, and a reader that started before cannot store a stale one."""
    db.execute(
        "INSERT INTO meta VALUES ('generation', '1') ON CONFLICT (key) "
        "DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)"
    )
    db.execute("DELETE FROM results")


def cached(db: Database, key: str) -> str | None:
    row = db.execute(
        "SELECT r.value FROM results r WHERE r.key = ? AND r.generation = "
        "(SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM meta WHERE key = 'generation')",
        (key,),
    ).fetchone()
    return None if row is None else str(row[0])


def cache(db: Database, key: str, value: str, made_at: int) -> None:
    """Store a result made at generation ``made_at``, unless a write came since."""
    db.execute(
        "INSERT INTO results (key, generation, value) SELECT ?, ?, ? WHERE ? = "
        "(SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM meta WHERE key = 'generation') "
        "ON CONFLICT (key) DO UPDATE SET generation = excluded.generation, value = excluded.value",
        (key, made_at, value, made_at),
    )

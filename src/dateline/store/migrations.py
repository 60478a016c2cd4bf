"""The schema as an ordered list of named migrations, each applied in its own transaction.

A store records the migrations it has applied; opening an older store applies the
rest, and a store written by a newer Dateline is refused rather than damaged.

Scripts are written once, in SQLite's types; the PostgreSQL backend translates the types
(see :meth:`dateline.store.postgres.connection.PostgresConnection.ddl`). What differs
beyond types (the full-text index) is a per-dialect ``extra`` script.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from dateline.store.records import entity_name_rows


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    script: str
    # dialect name ("sqlite", "postgresql") -> what that engine needs on top of ``script``
    extra: Mapping[str, str] = field(default_factory=dict)
    # fills what the migration adds from what is already stored (the store is the argument)
    backfill: Callable[[Any], None] | None = None


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: ``executescript`` would commit the open transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement[:60]!r}")


_DOCUMENTS = """
        CREATE TABLE documents (
            n INTEGER PRIMARY KEY,            -- stable rowid for FTS, and ingest order
            id TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,               -- as given to ingest
            resolved_path TEXT NOT NULL,
            record INTEGER NOT NULL DEFAULT 0,
            format TEXT NOT NULL,
            title TEXT,
            url TEXT,
            raw TEXT NOT NULL,                -- as read, untouched
            markup TEXT,                      -- original HTML, when the source was a page
            text TEXT NOT NULL,               -- clean text
            content_hash TEXT NOT NULL,
            published TEXT,
            published_how TEXT,
            published_why TEXT NOT NULL DEFAULT '',
            duplicate_of TEXT REFERENCES documents(id),
            duplicate_how TEXT,
            duplicate_score REAL,
            ingested_at TEXT NOT NULL,
            UNIQUE (resolved_path, record)
        );
        CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
        CREATE INDEX documents_content_hash ON documents(content_hash);
        CREATE INDEX documents_published ON documents(published);

        CREATE TABLE edits (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            reason TEXT NOT NULL,
            replacement TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (document_id, seq)
        );

        CREATE TABLE date_candidates (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            value TEXT NOT NULL,
            how TEXT NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (document_id, seq)
        );

        CREATE TABLE signatures (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            signature BLOB NOT NULL,
            size INTEGER NOT NULL
        );
"""

_DOCUMENTS_FTS = {
    "sqlite": """
        -- External-content FTS over the clean text; rows are written with the document.
        -- remove_diacritics 2 lets "Bien Hoa" find "Biên Hòa".
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='n',
            tokenize='unicode61 remove_diacritics 2'
        );
""",
    "postgresql": """
        -- unaccent before the simple dictionary lets "Bien Hoa" find "Biên Hòa", as
        -- remove_diacritics does for SQLite; headlines use the same configuration.
        -- The extension is database-wide but lives in one schema, which need not be on
        -- this store's search_path (several stores share a database): name it in full.
        DO $$
        DECLARE
            home text;
        BEGIN
            SELECT n.nspname INTO home FROM pg_extension e
                JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent';
            IF home IS NULL THEN
                CREATE EXTENSION unaccent SCHEMA public;
                home := 'public';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'dateline'
                           AND cfgnamespace = current_schema()::regnamespace) THEN
                CREATE TEXT SEARCH CONFIGURATION dateline (COPY = simple);
                EXECUTE format('ALTER TEXT SEARCH CONFIGURATION dateline '
                               'ALTER MAPPING FOR hword, hword_part, word WITH %I.unaccent, simple',
                               home);
            END IF;
        END
        $$;
        -- Title weighs A, text B (FTS5's two columns); kept in step by the server.
        ALTER TABLE documents ADD COLUMN fts tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('dateline', coalesce(title, '')), 'A')
            || setweight(to_tsvector('dateline', text), 'B')
        ) STORED;
        CREATE INDEX documents_fts ON documents USING GIN (fts);
""",
}


_DOSSIER = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        -- The model's analysis of each document, cached so it runs once per text.
        CREATE TABLE analyses (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            version TEXT NOT NULL,
            data BLOB NOT NULL
        );

        -- What the corpus stages derive; rebuilt together in one transaction.
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            aliases TEXT NOT NULL,            -- JSON list
            mentions INTEGER NOT NULL
        );
        CREATE TABLE roles (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            title TEXT NOT NULL,
            org TEXT,
            first_seen TEXT,
            last_seen TEXT,
            PRIMARY KEY (entity_id, seq)
        );
        CREATE TABLE mentions (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            sentence INTEGER NOT NULL,
            kind TEXT NOT NULL,
            entity_id TEXT,
            PRIMARY KEY (document_id, start)
        );
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            title TEXT NOT NULL,
            date TEXT,
            precision TEXT,
            end_date TEXT,
            location TEXT,
            background INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX events_date ON events(date);
        CREATE TABLE participants (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            entity_id TEXT NOT NULL,
            name TEXT NOT NULL,
            role TEXT,
            PRIMARY KEY (event_id, seq)
        );
        CREATE INDEX participants_entity ON participants(entity_id);
        CREATE TABLE figures (
            id TEXT PRIMARY KEY,
            subject TEXT NOT NULL,
            value REAL NOT NULL,
            unit TEXT NOT NULL,
            previous REAL,
            as_of TEXT
        );
        CREATE TABLE promises (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            actor TEXT,
            text TEXT NOT NULL,
            made_on TEXT,
            due TEXT,
            target TEXT,
            status TEXT NOT NULL,
            fulfilled_by TEXT
        );
        -- Provenance of every derived record: (kind, id) -> spans of clean text.
        CREATE TABLE sources (
            record_kind TEXT NOT NULL,        -- event | figure | promise | role
            record_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (record_kind, record_id, seq)
        );
        CREATE INDEX sources_document ON sources(document_id);
"""


_SENTENCES = """
        -- Every sentence with the dates it refers to (JSON [[YYYY-MM-DD, precision], ...]):
        -- what the timeline ranks and summarises. Rebuilt with the derived dossier.
        CREATE TABLE sentences (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            dates TEXT NOT NULL,
            PRIMARY KEY (document_id, idx)
        );
"""


_TIMELINE_INDEX = """
        -- Each date a sentence names (any precision, as written in sentences.dates), so the
        -- timeline reads the sentences about a few days through an index, not all of them.
        CREATE TABLE sentence_dates (
            day TEXT NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            PRIMARY KEY (day, document_id, idx)
        );
        CREATE INDEX sentence_dates_document ON sentence_dates(document_id, idx);
        -- Query results (the timeline) kept until the next write moves the generation on.
        CREATE TABLE results (
            key TEXT PRIMARY KEY,
            generation INTEGER NOT NULL,
            value TEXT NOT NULL
        );
"""


def _index_stored_sentences(store: Any) -> None:
    """Fill the day index from sentences stored before it existed."""
    rows = store.execute("SELECT document_id, idx, dates FROM sentences").fetchall()
    store.bulk_insert(
        "sentence_dates",
        "day, document_id, idx",
        (
            (day, document, idx)
            for document, idx, dates in rows
            for day in dict.fromkeys(value for value, _ in json.loads(dates))
        ),
    )


_EXTRACTIONS = """
        -- What the per-document extractors found in each document (figures, dated sentences,
        -- event mentions, promises), kept so a rebuild runs them only over documents whose
        -- inputs changed. ``version`` names every input the output depends on (code, model,
        -- publication date, text; for events and promises the document's resolved names):
        -- a row whose version is not the one a build expects is never used.
        CREATE TABLE extractions (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            version TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (document_id, kind)
        );
"""


_PUBLISHED_IDS = """
        -- A timeline samples the articles published on a day by their ids: with the id in
        -- the publication-date index it never opens a document's row to do so.
        CREATE INDEX documents_published_id ON documents(published, id);
        DROP INDEX documents_published;
"""


_NOT_ARTICLE = """
        -- Why a stored page is not an article (an error or refusal page, a list of links), or
        -- NULL. Such a page stays searchable but no derived record cites it. Rows stored
        -- before this column are flagged by the next ingest (see pipeline/ingest.py).
        ALTER TABLE documents ADD COLUMN not_article TEXT;
"""


_EVENT_STORIES = """
        -- How many independent stories (duplicate groups) report each event, kept by the
        -- build so a timeline does not count them over every event's sources; NULL where a
        -- document it cites was replaced since (then it is counted when read).
        ALTER TABLE events ADD COLUMN stories INTEGER;
        UPDATE events SET stories = (
            SELECT count(DISTINCT coalesce(d.duplicate_of, d.id)) FROM sources s
            JOIN documents d ON d.id = s.document_id
            WHERE s.record_kind = 'event' AND s.record_id = events.id
        );
        -- A document's story is read for thousands of documents at once (the timeline's
        -- independent sources, an event's stories): with the root in the id index it never
        -- opens a document's row, which holds its whole text.
        CREATE INDEX documents_id_root ON documents(id, duplicate_of);
"""


_ENTITY_NAMES = """
        -- Every entity's name and aliases as compared (ASCII, lower case, no dots: see
        -- lexicon.names.fold_name), so a profile or a filter finds its entity with one
        -- indexed read instead of reading and folding every name. Rebuilt with the dossier.
        CREATE TABLE entity_names (
            folded TEXT NOT NULL,
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            PRIMARY KEY (folded, entity_id)
        );
"""


def _index_stored_names(store: Any) -> None:
    """Fill the name index from entities stored before it existed."""
    rows = store.execute("SELECT id, name, aliases FROM entities").fetchall()
    store.bulk_insert(
        "entity_names",
        "folded, entity_id",
        entity_name_rows((eid, name, json.loads(aliases)) for eid, name, aliases in rows),
    )


_DAY_COUNTS = """
        -- What the timeline's ranking reads per day, counted by the build so that a timeline
        -- over any range reads a few hundred rows instead of every sentence: per publication
        -- day and day named, the distinct stories (duplicate groups) whose articles of that
        -- day name it, how many of them list it in a chronology entry, and the reference's
        -- distance class (see records.lag_class); per publication day, its stories and
        -- sentences. ``scope`` is what a timeline reads: '' every sentence, 'entity:' and an
        -- entity's id the sentences naming it, 'type:' and an event type the sentences
        -- reporting an event of that type (see records.day_scope). Rebuilt with the dossier;
        -- until a store upgraded to them is built again (dateline build), timelines past
        -- their budget read a sample instead.
        CREATE TABLE day_references (
            scope TEXT NOT NULL,
            published TEXT NOT NULL,
            day TEXT NOT NULL,
            lag INTEGER NOT NULL,
            stories INTEGER NOT NULL,
            listed INTEGER NOT NULL,
            PRIMARY KEY (scope, published, day)
        );
        CREATE TABLE publication_days (
            scope TEXT NOT NULL,
            published TEXT NOT NULL,
            stories INTEGER NOT NULL,
            sentences INTEGER NOT NULL,
            PRIMARY KEY (scope, published)
        );
"""


_DOCUMENT_HEADS = """
        -- What a read needs of a document found by its id (its publication day, its story)
        -- without opening the row, which holds the page as read, its markup and its text: a
        -- timeline reads it for thousands of documents. SQLite's planner prefers the unique
        -- id index (which opens the row), so reads name this one (see Connection.documents_by).
        CREATE INDEX documents_id_head ON documents(id, published, duplicate_of);
        DROP INDEX documents_id_root;
"""


_STEMS = """
        -- The stem of every word of the stored articles the summariser stems, kept by the
        -- build (under the stemmer's identity, meta key 'stemmer') so a timeline looks the
        -- words it reads up instead of stemming them anew. Rebuilt with the dossier; a word
        -- not found is stemmed as before.
        CREATE TABLE stems (
            word TEXT PRIMARY KEY,
            stem TEXT NOT NULL
        );
"""


_SPECULATIVE = """
        -- The articles the build found calling themselves speculation or opinion (see
        -- cluster/corroboration.py), so corroboration reads each cited document's story and
        -- outlet, not its whole text. Rebuilt with the dossier and used only while nothing
        -- was written since (meta key 'speculative_kept': the generation it was made at);
        -- otherwise, and on a store upgraded and not yet built again, texts are read.
        CREATE TABLE speculative_documents (
            document_id TEXT PRIMARY KEY
        );
"""


# What corroboration needs of a cited document (its story and outlet), found by id without
# opening the row: a timeline page corroborates thousands of events' sources. SQLite's only:
# a PostgreSQL index entry may not pass a third of a page, and a URL may be longer (its rows
# keep long values apart, so reading one by id does not read the text).
_DOCUMENT_OUTLETS = """
        CREATE INDEX documents_id_outlet ON documents(id, duplicate_of, url);
"""


_SENTENCE_FEATURES = """
        -- What the summariser reads of each sentence that depends on the sentence alone
        -- (where its news starts, its word count, its terms as numbers, whether it may
        -- stand in a summary: see summarise/features.py), one compressed row per document,
        -- so a timeline over a range reads these instead of every text. Rebuilt with the
        -- dossier and used only while nothing was written since (meta key 'features_kept':
        -- the generation it was made at) and under the same code (meta key 'features');
        -- otherwise, and on a store upgraded and not yet built again, texts are read.
        CREATE TABLE sentence_features (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            data BLOB NOT NULL
        );
"""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents", _DOCUMENTS, _DOCUMENTS_FTS),
    Migration(2, "dossier", _DOSSIER),
    Migration(3, "sentences", _SENTENCES),
    Migration(4, "timeline index", _TIMELINE_INDEX, backfill=_index_stored_sentences),
    Migration(5, "extraction cache", _EXTRACTIONS),
    Migration(6, "publication-date index with ids", _PUBLISHED_IDS),
    Migration(7, "not-an-article flag", _NOT_ARTICLE),
    Migration(8, "independent stories of each event", _EVENT_STORIES),
    Migration(9, "entity name index", _ENTITY_NAMES, backfill=_index_stored_names),
    Migration(10, "day counts", _DAY_COUNTS),
    Migration(11, "document heads by id", _DOCUMENT_HEADS),
    Migration(12, "kept stems", _STEMS),
    Migration(13, "speculative documents", _SPECULATIVE),
    Migration(14, "document outlets by id", "", {"sqlite": _DOCUMENT_OUTLETS}),
    Migration(15, "kept sentence features", _SENTENCE_FEATURES),
)


def latest_version() -> int:
    return MIGRATIONS[-1].version

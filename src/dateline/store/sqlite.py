"""SQLite store: WAL, one transaction per document, FTS5 search."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from dateline.errors import QueryError, StoreError
from dateline.model import DateCandidate, Document, Edit, Entity, Event, Figure, Promise, SearchHit
from dateline.store import records
from dateline.store.migrations import MIGRATIONS, latest_version

_DOCUMENT_COLUMNS = (
    "id, path, record, format, title, url, raw, markup, text, content_hash, published, "
    "published_how, published_why, duplicate_of, duplicate_how, duplicate_score"
)


def connect(path: str) -> sqlite3.Connection:
    """Open a connection with the PRAGMAs every Dateline connection needs."""
    conn = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    # WAL: readers (the web app, a second CLI) never block the one writer.
    conn.execute("PRAGMA journal_mode=WAL")
    # NORMAL is durable across application crashes in WAL mode, and much faster than FULL.
    conn.execute("PRAGMA synchronous=NORMAL")
    # Off by default in SQLite; edits and signatures must go with their document.
    conn.execute("PRAGMA foreign_keys=ON")
    # A second writer waits for the lock instead of failing at once.
    conn.execute("PRAGMA busy_timeout=60000")
    return conn


class SQLiteStore:
    """The dossier's store in one SQLite file (or ``:memory:``)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = connect(self.path)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable Dateline store ({exc})") from None

    # -- schema -------------------------------------------------------------------
    def _migrate(self) -> None:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        applied = {r[0] for r in self.conn.execute("SELECT version FROM migrations")}
        if applied and max(applied) > latest_version():
            raise StoreError(
                f"{self.path}: written by a newer Dateline (schema {max(applied)}, "
                f"this version knows {latest_version()}); upgrade Dateline"
            )
        for migration in MIGRATIONS:
            if migration.version in applied:
                continue
            with self.transaction():
                migration.apply(self.conn)
                self.conn.execute(
                    "INSERT INTO migrations VALUES (?, ?, ?)",
                    (migration.version, migration.name, _now()),
                )

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT max(version) FROM migrations").fetchone()
        return int(row[0] or 0)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE takes the write lock up front, so two writers queue, not fail."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    # -- documents ----------------------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,))
        return row.fetchone() is not None

    def document_at(self, resolved_path: str, record: int) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM documents WHERE resolved_path = ? AND record = ?",
            (resolved_path, record),
        ).fetchone()
        return None if row is None else str(row[0])

    def write_document(
        self,
        doc: Document,
        resolved_path: str,
        signature: bytes,
        size: int,
        date_updates: Iterable[tuple[str, str, str, str]] = (),
        replaces: str | None = None,
    ) -> None:
        """Write one document, its edits, signature and search row in one transaction.

        ``date_updates`` are (id, published, how, why) for other members of its
        duplicate group that take their date from it. ``replaces`` names an older
        version of the same file to delete first.
        """
        with self.transaction() as conn:
            if replaces is not None:
                self._delete(conn, replaces)
            cur = conn.execute(
                f"INSERT INTO documents ({_DOCUMENT_COLUMNS}, resolved_path, ingested_at) "
                f"VALUES ({', '.join('?' * 18)})",
                (*_document_row(doc), resolved_path, _now()),
            )
            rowid = cur.lastrowid
            conn.execute(
                "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)",
                (rowid, doc.title or "", doc.text),
            )
            conn.executemany(
                'INSERT INTO edits (document_id, seq, start, "end", reason, replacement) '
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (doc.id, i, e.start, e.end, e.reason, e.replacement)
                    for i, e in enumerate(doc.edits)
                ],
            )
            conn.executemany(
                "INSERT INTO date_candidates VALUES (?, ?, ?, ?, ?)",
                [
                    (doc.id, i, c.value, c.how, c.evidence)
                    for i, c in enumerate(doc.date_candidates)
                ],
            )
            conn.execute("INSERT INTO signatures VALUES (?, ?, ?)", (doc.id, signature, size))
            conn.executemany(
                "UPDATE documents SET published = ?, published_how = ?, published_why = ? "
                "WHERE id = ?",
                [(value, how, why, did) for did, value, how, why in date_updates],
            )

    def _delete(self, conn: sqlite3.Connection, document_id: str) -> None:
        row = conn.execute(
            "SELECT n, title, text FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            return
        conn.execute(
            "INSERT INTO documents_fts (documents_fts, rowid, title, text) "
            "VALUES ('delete', ?, ?, ?)",
            (row["n"], row["title"] or "", row["text"]),
        )
        # Its duplicates now point at nothing; they become roots of their own.
        conn.execute(
            "UPDATE documents SET duplicate_of = NULL, duplicate_how = NULL, "
            "duplicate_score = NULL WHERE duplicate_of = ?",
            (document_id,),
        )
        conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def get_document(self, document_id: str) -> Document | None:
        row = self.conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return None if row is None else self._document(row)

    def documents(self) -> Iterator[Document]:
        """Every document in ingest order."""
        rows = self.conn.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY n")
        for row in rows.fetchall():
            yield self._document(row)

    def group_of(self, root_id: str) -> list[sqlite3.Row]:
        """The root document and its duplicates: id, published, published_how."""
        return self.conn.execute(
            "SELECT id, published, published_how FROM documents "
            "WHERE id = ? OR duplicate_of = ? ORDER BY n",
            (root_id, root_id),
        ).fetchall()

    def signatures(self) -> Iterator[tuple[str, str, bytes, int]]:
        """(id, content hash, signature, size) of every root document, in ingest order."""
        rows = self.conn.execute(
            "SELECT d.id, d.content_hash, s.signature, s.size FROM documents d "
            "JOIN signatures s ON s.document_id = d.id "
            "WHERE d.duplicate_of IS NULL ORDER BY d.n"
        )
        for row in rows:
            yield row[0], row[1], row[2], row[3]

    def _document(self, row: sqlite3.Row) -> Document:
        did = row["id"]
        edits = tuple(
            Edit(r[0], r[1], r[2], r[3])
            for r in self.conn.execute(
                'SELECT start, "end", reason, replacement FROM edits '
                "WHERE document_id = ? ORDER BY seq",
                (did,),
            )
        )
        candidates = tuple(
            DateCandidate(r[0], r[1], r[2])
            for r in self.conn.execute(
                "SELECT value, how, evidence FROM date_candidates "
                "WHERE document_id = ? ORDER BY seq",
                (did,),
            )
        )
        return Document(
            id=did,
            path=row["path"],
            record=row["record"],
            format=row["format"],
            raw=row["raw"],
            text=row["text"],
            edits=edits,
            title=row["title"],
            url=row["url"],
            markup=row["markup"],
            content_hash=row["content_hash"],
            published=row["published"],
            published_how=row["published_how"],
            published_why=row["published_why"],
            duplicate_of=row["duplicate_of"],
            duplicate_how=row["duplicate_how"],
            duplicate_score=row["duplicate_score"],
            date_candidates=candidates,
        )

    def count_documents(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def stats(self) -> dict[str, object]:
        row = self.conn.execute(
            "SELECT count(*), sum(duplicate_of IS NOT NULL), sum(published IS NOT NULL), "
            "min(published), max(published) FROM documents"
        ).fetchone()
        return {
            "documents": row[0],
            "duplicates": row[1] or 0,
            "dated": row[2] or 0,
            "first_published": row[3],
            "last_published": row[4],
        }

    # -- search -------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Ranked full-text hits (BM25), one per story: duplicates fold into their root."""
        sql = """
            SELECT d.id, d.title, d.path, d.published,
                   snippet(documents_fts, 1, '[', ']', ' … ', 16) AS snippet,
                   bm25(documents_fts) AS rank,
                   coalesce(d.duplicate_of, d.id) AS root
            FROM documents_fts JOIN documents d ON d.n = documents_fts.rowid
            WHERE documents_fts MATCH ?
            ORDER BY rank, d.n
        """
        try:
            rows = self.conn.execute(sql, (query,)).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(
                f"cannot search for {query!r}: {exc}. Quote phrases and special "
                'characters, e.g. "Bien Hoa" or "US$130"'
            ) from None
        hits: list[SearchHit] = []
        seen: set[str] = set()
        for row in rows:
            if row["root"] in seen:
                continue
            seen.add(row["root"])
            hits.append(
                SearchHit(
                    document_id=row["id"],
                    title=row["title"],
                    path=row["path"],
                    published=row["published"],
                    snippet=" ".join(row["snippet"].split()),
                    rank=float(row["rank"]),
                )
            )
            if len(hits) >= limit:
                break
        return hits

    # -- analysis cache and derived dossier ---------------------------------------
    def analyses(self, model: str, version: str) -> dict[str, bytes]:
        """Cached analyses made by this model version, by document id."""
        rows = self.conn.execute(
            "SELECT document_id, data FROM analyses WHERE model = ? AND version = ?",
            (model, version),
        )
        return {r[0]: r[1] for r in rows}

    def put_analysis(self, document_id: str, model: str, version: str, data: bytes) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?)",
                (document_id, model, version, data),
            )
            conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('analysis_model', ?)",
                (f"{model} {version}",),
            )

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def replace_derived(self, derived: records.Derived) -> None:
        with self.transaction() as conn:
            records.replace_derived(conn, derived)

    def entities(self) -> list[Entity]:
        return records.read_entities(self.conn)

    def events(self) -> list[Event]:
        return records.read_events(self.conn)

    def figures(self) -> list[Figure]:
        return records.read_figures(self.conn)

    def promises(self) -> list[Promise]:
        return records.read_promises(self.conn)

    def sentences(
        self, since: str | None = None, until: str | None = None
    ) -> list[tuple[str, int, int, int, str | None, list[list[str]]]]:
        return records.read_sentences(self.conn, since, until)

    def texts(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """Clean texts by document id (all, or the ``ids`` asked for)."""
        if ids is None:
            rows = self.conn.execute("SELECT id, text FROM documents")
            return {r[0]: r[1] for r in rows}
        wanted = sorted(set(ids))
        found: dict[str, str] = {}
        # Batches stay under SQLite's limit on bound parameters.
        for i in range(0, len(wanted), 500):
            batch = wanted[i : i + 500]
            marks = ", ".join("?" * len(batch))
            rows = self.conn.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", batch)
            found.update({r[0]: r[1] for r in rows})
        return found

    def provenance_rows(self) -> Iterator[tuple[str, str | None, str | None, str]]:
        """(id, duplicate_of, url, clean text) of every document, without the raw text."""
        rows = self.conn.execute("SELECT id, duplicate_of, url, text FROM documents ORDER BY n")
        for row in rows:
            yield row[0], row[1], row[2], row[3]

    def sentences_naming(self, entity_id: str) -> set[tuple[str, int]]:
        """(document id, sentence index) of every sentence that mentions the entity."""
        rows = self.conn.execute(
            "SELECT DISTINCT document_id, sentence FROM mentions WHERE entity_id = ?", (entity_id,)
        )
        return {(r[0], r[1]) for r in rows}

    def roots(self) -> dict[str, str]:
        """Each document's duplicate-group root (itself when it is the canonical copy)."""
        rows = self.conn.execute("SELECT id, coalesce(duplicate_of, id) FROM documents")
        return {r[0]: r[1] for r in rows}

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    def dump(self) -> str:
        """Every document row as JSON lines, for comparing two stores."""
        rows = self.conn.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY id")
        return "\n".join(json.dumps(tuple(r)) for r in rows)


def _document_row(doc: Document) -> tuple[object, ...]:
    return (
        doc.id,
        doc.path,
        doc.record,
        doc.format,
        doc.title,
        doc.url,
        doc.raw,
        doc.markup,
        doc.text,
        doc.content_hash,
        doc.published,
        doc.published_how,
        doc.published_why,
        doc.duplicate_of,
        doc.duplicate_how,
        doc.duplicate_score,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

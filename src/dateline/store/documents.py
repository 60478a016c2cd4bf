"""Documents as stored: their rows, edits, date candidates, fingerprints, copies, and
full-text search over them (each backend supplies the index)."""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from dateline.model import DateCandidate, Document, Edit, SearchHit
from dateline.store import records
from dateline.store.ftsquery import check_bounds
from dateline.store.meta import Connection, now

DOCUMENT_COLUMNS = (
    "id, path, record, format, title, url, raw, markup, text, content_hash, published, "
    "published_how, published_why, duplicate_of, duplicate_how, duplicate_score, not_article"
)
_COLUMN_COUNT = len(DOCUMENT_COLUMNS.split(","))

# A search match: (n, rank), the document's row number and its rank (lower is better)
Match = tuple[int, float]
# What a hit shows of its document: (id, title, path, published, root)
Shown = tuple[str, str | None, str, str | None, str]
# Documents described per read while a page of hits fills up (duplicates fold into their
# root, so a page may need more matches than hits)
_DESCRIBE_BATCH = 64


class DocumentsPart(Connection):
    """Documents, their copies and fingerprints, and search."""

    #: search ranks every match of a query with at most this many, and the most recent
    #: this many of a more common one (see ``search``)
    search_window: int = 2000

    @abstractmethod
    def _index_document(self, n: int, doc: Document) -> None:
        """Add the document (row ``n``) to the full-text index."""

    @abstractmethod
    def _unindex_document(self, n: int, title: str | None, text: str) -> None: ...

    @abstractmethod
    def _matches(self, query: str, window: int) -> tuple[list[Match], bool]:
        """(n, rank) of the query's ``window`` matches added last (the highest ``n``),
        best first (rank, then n), and whether it has more matches.

        Found in the index's own order, so no other match is scored, and ranked from the
        index alone: a match's document row is read only if it reaches the page. Lower
        ranks are better (SQLite's BM25 convention), and a row's rank is the one a ranking
        of every match gives it. Raises QueryError.
        """

    @abstractmethod
    def _snippets(self, query: str, rows: Sequence[int]) -> dict[int, str]:
        """A highlighted excerpt of each matching document (by row ``n``)."""

    def has_document(self, document_id: str) -> bool:
        row = self.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,))
        return row.fetchone() is not None

    def document_at(self, resolved_path: str, record: int) -> str | None:
        row = self.execute(
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
        copies_follow: bool = False,
    ) -> None:
        """Write one document, its edits, signature and search row in one transaction.

        ``date_updates`` are (id, published, how, why) for other members of its
        duplicate group that take their date from it. ``replaces`` names an older
        version of the same file to delete first (what was derived from it goes with it);
        its copies then become copies of this document's original (``copies_follow``: the
        new version is still the same story) or roots of their own.
        """
        with self.transaction():
            copies: list[tuple[str, str | None, float | None]] = []
            if replaces is not None:
                copies = self._delete(replaces)
            row = self.execute(
                f"INSERT INTO documents ({DOCUMENT_COLUMNS}, resolved_path, ingested_at) "
                f"VALUES ({', '.join('?' * (_COLUMN_COUNT + 2))}) RETURNING n",
                (*_document_row(doc), resolved_path, now()),
            ).fetchone()
            self._index_document(int(row[0]), doc)
            if doc.edits:  # (skipping empty batches saves a server round trip each)
                self.executemany(
                    'INSERT INTO edits (document_id, seq, start, "end", reason, replacement) '
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (doc.id, i, e.start, e.end, e.reason, e.replacement)
                        for i, e in enumerate(doc.edits)
                    ],
                )
            if doc.date_candidates:
                self.executemany(
                    "INSERT INTO date_candidates VALUES (?, ?, ?, ?, ?)",
                    [
                        (doc.id, i, c.value, c.how, c.evidence)
                        for i, c in enumerate(doc.date_candidates)
                    ],
                )
            self.execute("INSERT INTO signatures VALUES (?, ?, ?)", (doc.id, signature, size))
            if copies and copies_follow:
                root = doc.duplicate_of or doc.id
                self.executemany(
                    "UPDATE documents SET duplicate_of = ?, duplicate_how = ?, "
                    "duplicate_score = ? WHERE id = ?",
                    [(root, how, score, cid) for cid, how, score in copies],
                )
            if updates := list(date_updates):
                self.executemany(
                    "UPDATE documents SET published = ?, published_how = ?, published_why = ? "
                    "WHERE id = ?",
                    [(value, how, why, did) for did, value, how, why in updates],
                )
            self._invalidate()

    def _delete(self, document_id: str) -> list[tuple[str, str | None, float | None]]:
        """Delete a document; returns its copies (id, how, score), now roots."""
        row = self.execute(
            "SELECT n, title, text FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            return []
        self._unindex_document(int(row[0]), row[1], row[2])
        records.forget_stories(self, document_id)
        copies = [
            (str(r[0]), r[1], r[2])
            for r in self.execute(
                "SELECT id, duplicate_how, duplicate_score FROM documents "
                "WHERE duplicate_of = ? ORDER BY n",
                (document_id,),
            ).fetchall()
        ]
        # Its duplicates now point at nothing; they become roots of their own.
        self.execute(
            "UPDATE documents SET duplicate_of = NULL, duplicate_how = NULL, "
            "duplicate_score = NULL WHERE duplicate_of = ?",
            (document_id,),
        )
        self.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        return copies

    def same_source(self, document_id: str, raw: str, markup: str | None) -> bool:
        """Whether the stored document was read from exactly this text (and markup)."""
        row = self.execute(
            "SELECT raw, markup FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return row is not None and (row[0], row[1]) == (raw, markup)

    def get_document(self, document_id: str) -> Document | None:
        row = self.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return None if row is None else self._document(row)

    def documents(self, limit: int | None = None, offset: int = 0) -> Iterator[Document]:
        """Every document in ingest order (or ``limit`` of them after the first ``offset``)."""
        sql = f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY n"
        params: tuple[int, ...] = ()
        if limit is not None:
            sql, params = sql + " LIMIT ? OFFSET ?", (limit, offset)
        for row in self.execute(sql, params).fetchall():
            yield self._document(row)

    def group_of(self, root_id: str) -> list[dict[str, Any]]:
        """The root document and its duplicates: id, published, published_how."""
        rows = self.execute(
            "SELECT id, published, published_how FROM documents "
            "WHERE id = ? OR duplicate_of = ? ORDER BY n",
            (root_id, root_id),
        )
        return [{"id": r[0], "published": r[1], "published_how": r[2]} for r in rows]

    def set_fingerprint(
        self, document_id: str, content_hash: str, signature: bytes, size: int
    ) -> None:
        """Replace a stored document's content hash and signature (a new text view)."""
        self.execute(
            "UPDATE documents SET content_hash = ? WHERE id = ?", (content_hash, document_id)
        )
        self.execute(
            "UPDATE signatures SET signature = ?, size = ? WHERE document_id = ?",
            (signature, size, document_id),
        )

    def document_ids(self) -> list[str]:
        """Every stored document's id, in ingest order."""
        return [str(r[0]) for r in self.execute("SELECT id FROM documents ORDER BY n")]

    def set_not_article(self, flags: Iterable[tuple[str, str | None]]) -> None:
        """Set (id, why the page is not an article, or None) of stored documents."""
        with self.transaction():
            self.executemany(
                "UPDATE documents SET not_article = ? WHERE id = ?",
                [(why, doc_id) for doc_id, why in flags],
            )
            self._invalidate()

    def date_undated(
        self, documents: Iterable[Document], again: str | None = None, as_of: int = 0
    ) -> list[str]:
        """Store the publication date (and date candidates) of documents stored undated,
        dated later from their analysis; one another writer dated meanwhile keeps its date.
        A date stored with ``published_how`` ``again`` is replaced when it differs, unless
        documents were stored after the ``as_of``-th (the dates come from an older
        collection than the stored one). Returns the ids dated (or dated differently) here."""
        dated: list[str] = []
        with self.transaction():
            if self.last_document() != as_of:
                again = None
            for doc in documents:
                cursor = self.execute(
                    "UPDATE documents SET published = ?, published_how = ?, published_why = ? "
                    "WHERE id = ? AND (published IS NULL OR (published_how = ? AND NOT "
                    "(published = ? AND published_how = ? AND published_why = ?)))",
                    (doc.published, doc.published_how, doc.published_why, doc.id, again,
                     doc.published, doc.published_how, doc.published_why),
                )  # fmt: skip
                if cursor.rowcount != 1:
                    continue
                dated.append(doc.id)
                if not doc.date_candidates:
                    continue  # a copy's date: no candidate of its own
                self.executemany(
                    "INSERT INTO date_candidates VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (document_id, seq) DO NOTHING",
                    [
                        (doc.id, i, c.value, c.how, c.evidence)
                        for i, c in enumerate(doc.date_candidates)
                    ],
                )
            if dated:
                self._invalidate()
        return dated

    def undate(self, ids: Iterable[str], how: str, as_of: int) -> None:
        """Forget the publication date of ``ids`` where it was found ``how`` (a cue the
        collection gave and no longer gives), unless documents were stored after the
        ``as_of``-th."""
        wanted = sorted(set(ids))
        if not wanted:
            return
        with self.transaction():
            if self.last_document() != as_of:
                return
            changed = 0
            for document_id in wanted:  # one statement each, as dating does: no bound on ids
                changed += self.execute(
                    "UPDATE documents SET published = NULL, published_how = NULL, "
                    "published_why = '' WHERE id = ? AND published_how = ?",
                    (document_id, how),
                ).rowcount
            if changed:
                self._invalidate()

    def signatures(self, after: int = 0) -> Iterator[tuple[str, str, bytes, int]]:
        """(id, content hash, signature, size) of every root document (stored after
        number ``after``, see :meth:`last_document`), in ingest order."""
        rows = self.execute(
            "SELECT d.id, d.content_hash, s.signature, s.size FROM documents d "
            "JOIN signatures s ON s.document_id = d.id "
            "WHERE d.duplicate_of IS NULL AND d.n > ? ORDER BY d.n",
            (after,),
        ).fetchall()
        for row in rows:
            yield row[0], row[1], bytes(row[2]), row[3]

    def _document(self, row: Sequence[Any]) -> Document:
        did = row[0]
        edits = tuple(
            Edit(r[0], r[1], r[2], r[3])
            for r in self.execute(
                'SELECT start, "end", reason, replacement FROM edits '
                "WHERE document_id = ? ORDER BY seq",
                (did,),
            )
        )
        candidates = tuple(
            DateCandidate(r[0], r[1], r[2])
            for r in self.execute(
                "SELECT value, how, evidence FROM date_candidates "
                "WHERE document_id = ? ORDER BY seq",
                (did,),
            )
        )
        (_, path, record, fmt, title, url, raw, markup, text, content_hash, published,
         published_how, published_why, duplicate_of, duplicate_how, score, flag) = row  # fmt: skip
        return Document(
            id=did,
            path=path,
            record=record,
            format=fmt,
            raw=raw,
            text=text,
            edits=edits,
            title=title,
            url=url,
            markup=markup,
            content_hash=content_hash,
            published=published,
            published_how=published_how,
            published_why=published_why,
            duplicate_of=duplicate_of,
            duplicate_how=duplicate_how,
            duplicate_score=score,
            date_candidates=candidates,
            not_article=flag,
        )

    def last_document(self) -> int:
        """The ingest number of the latest stored document (0: none); later ones are higher."""
        return int(self.execute("SELECT coalesce(max(n), 0) FROM documents").fetchone()[0])

    def count_documents(self) -> int:
        return int(self.execute("SELECT count(*) FROM documents").fetchone()[0])

    def stats(self) -> dict[str, object]:
        row = self.execute(
            "SELECT count(*), count(duplicate_of), count(published), "
            "min(published), max(published) FROM documents"
        ).fetchone()
        return {
            "documents": int(row[0]),
            "duplicates": int(row[1] or 0),
            "dated": int(row[2] or 0),
            "first_published": row[3],
            "last_published": row[4],
        }

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Ranked full-text hits, one per story: duplicates fold into their root.

        A query matching at most ``search_window`` documents is ranked in full: the hits
        are exactly those of ranking every match. A more common query is ranked within its
        ``search_window`` matches written to the store last (the highest row numbers: the
        documents ingested, or replaced by a new version, most recently), found in the
        index's own order without scoring the rest, on both backends. Each hit's rank is
        the value a full ranking gives it: what a user gets is the best of the recent
        matches, deterministically. Should the window hold fewer than ``limit`` stories
        (duplicates fold into their root), it grows fourfold until the page fills or
        every match is in it. Snippets are made only for the hits returned.
        """
        check_bounds(query)
        window = max(self.search_window, 1)
        while True:
            matches, more = self._matches(query, window)
            chosen = self._first_stories(matches, limit)
            if not more or len(chosen) >= limit:
                break
            window *= 4
        snippets = self._snippets(query, [n for n, _, _ in chosen]) if chosen else {}
        return [
            SearchHit(
                document_id=did,
                title=title,
                path=path,
                published=published,
                snippet=" ".join(snippets.get(n, "").split()),
                rank=float(rank),
            )
            for n, rank, (did, title, path, published, _) in chosen
        ]

    def _first_stories(
        self, matches: Sequence[Match], limit: int
    ) -> list[tuple[int, float, Shown]]:
        """The best ``limit`` of ``matches``, one per story (duplicates fold into their
        root), each with what its hit shows: documents are read a batch at a time, in
        rank order, only until the page is full."""
        chosen: list[tuple[int, float, Shown]] = []
        seen: set[str] = set()
        for start in range(0, len(matches), _DESCRIBE_BATCH):
            batch = matches[start : start + _DESCRIBE_BATCH]
            shown = self._shown([n for n, _ in batch])
            for n, rank in batch:
                if len(chosen) >= limit:
                    return chosen
                if n not in shown:  # removed by a writer since it matched
                    continue
                root = shown[n][4]
                if root not in seen:
                    seen.add(root)
                    chosen.append((n, rank, shown[n]))
            if len(chosen) >= limit:
                break
        return chosen

    def _shown(self, rows: Sequence[int]) -> dict[int, Shown]:
        """What the hits of documents ``rows`` (by row ``n``) show."""
        marks = ", ".join("?" * len(rows))
        found = self.execute(
            "SELECT n, id, title, path, published, coalesce(duplicate_of, id) FROM documents "
            f"WHERE n IN ({marks})",
            list(rows),
        )
        return {int(r[0]): (r[1], r[2], r[3], r[4], r[5]) for r in found}

    def texts(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """Clean texts by document id (all, or the ``ids`` asked for)."""
        if ids is None:
            return {r[0]: r[1] for r in self.execute("SELECT id, text FROM documents")}
        return dict(self._by_ids("SELECT id, text FROM documents WHERE id IN ({})", ids))

    def titled_texts(self, ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
        """(title, clean text) by document id, for the ``ids`` asked for."""
        sql = "SELECT id, title, text FROM documents WHERE id IN ({})"
        return {r[0]: (r[1], r[2]) for r in self._by_ids(sql, ids)}

    def roots_of(self, ids: Iterable[str]) -> dict[str, str]:
        """The duplicate-group root of each of ``ids``."""
        heads = self.documents_by(records.HEADS)
        sql = f"SELECT id, coalesce(duplicate_of, id) FROM {heads} WHERE id IN ({{}})"
        return dict(self._by_ids(sql, ids))

    def outlet_rows(self, ids: Iterable[str]) -> Iterator[tuple[str, str | None, str | None]]:
        """(id, duplicate_of, url) of the documents ``ids``: their story and outlet."""
        outlets = self.documents_by("documents_id_outlet")
        sql = f"SELECT id, duplicate_of, url FROM {outlets} WHERE id IN ({{}})"
        yield from self._by_ids(sql, ids)

    def provenance_rows(
        self, ids: Iterable[str] | None = None
    ) -> Iterator[tuple[str, str | None, str | None, str]]:
        """(id, duplicate_of, url, clean text) of every document (or of ``ids``), without
        the raw text."""
        if ids is not None:
            sql = "SELECT id, duplicate_of, url, text FROM documents WHERE id IN ({})"
            yield from self._by_ids(sql, ids)
            return
        rows = self.execute("SELECT id, duplicate_of, url, text FROM documents ORDER BY n")
        for row in rows.fetchall():
            yield row[0], row[1], row[2], row[3]

    def roots(self) -> dict[str, str]:
        """Each document's duplicate-group root (itself when it is the canonical copy)."""
        rows = self.execute("SELECT id, coalesce(duplicate_of, id) FROM documents")
        return {r[0]: r[1] for r in rows}

    def dump(self) -> str:
        """Every document row as JSON lines, for comparing two stores."""
        rows = self.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY id")
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
        doc.not_article,
    )

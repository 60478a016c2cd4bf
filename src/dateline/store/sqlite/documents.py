"""SQLite's documents dialect: full-text search with FTS5 over an external-content table
(``documents_fts``, made by migration 1), ranked with bm25."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from dateline.model import MATCH_END, MATCH_START, Document
from dateline.store.documents import DocumentsPart, Match
from dateline.store.ftsquery import query_error
from dateline.store.sqlite.connection import SQLiteConnection


class SQLiteDocuments(SQLiteConnection, DocumentsPart):
    """Documents and search in SQLite: the FTS5 index is written beside each row."""

    def _index_document(self, n: int, doc: Document) -> None:
        self.execute(
            "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)",
            (n, doc.title or "", doc.text),
        )

    def _unindex_document(self, n: int, title: str | None, text: str) -> None:
        self.execute(
            "INSERT INTO documents_fts (documents_fts, rowid, title, text) "
            "VALUES ('delete', ?, ?, ?)",
            (n, title or "", text),
        )

    def _matches(self, query: str, window: int) -> tuple[list[Match], bool]:
        # FTS5 walks its doclists in rowid order, so the last matches come without bm25;
        # the rowid bound is FTS5's own too (the doclists are read from it on). bm25 still
        # weighs terms by the whole index: a row ranks as it would among every match.
        try:
            recent = self.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? "
                "ORDER BY rowid DESC LIMIT ?",
                (query, window + 1),
            ).fetchall()
            if not recent:
                return [], False
            floor = recent[min(window, len(recent)) - 1][0]
            found = self.execute(
                "SELECT rowid, bm25(documents_fts) AS rank FROM documents_fts "
                "WHERE documents_fts MATCH ? AND rowid >= ? ORDER BY rank, rowid",
                (query, floor),
            )
            return [(int(n), float(rank)) for n, rank in found], len(recent) > window
        except sqlite3.OperationalError as exc:
            raise query_error(query, exc) from None

    def _snippets(self, query: str, rows: Sequence[int]) -> dict[int, str]:
        marks = ", ".join("?" * len(rows))
        found = self.execute(
            f"SELECT rowid, snippet(documents_fts, 1, '{MATCH_START}', '{MATCH_END}', ' … ', 16) "
            "FROM documents_fts "
            f"WHERE documents_fts MATCH ? AND rowid IN ({marks})",
            (query, *rows),
        )
        return {int(r[0]): r[1] for r in found}

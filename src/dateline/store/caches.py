"""Per-document caches: the language model's analyses and the extractors' output."""

from __future__ import annotations

from collections.abc import Iterable

from dateline.store.meta import Connection, put_meta


class CachesPart(Connection):
    """The analysis and extraction caches, kept between builds."""

    def analyses(self, model: str, version: str) -> dict[str, bytes]:
        """Cached analyses made by this model version, by document id."""
        rows = self.execute(
            "SELECT document_id, data FROM analyses WHERE model = ? AND version = ?",
            (model, version),
        )
        return {r[0]: bytes(r[1]) for r in rows}

    def put_analysis(self, document_id: str, model: str, version: str, data: bytes) -> None:
        with self.transaction():
            self.execute(
                "INSERT INTO analyses VALUES (?, ?, ?, ?) ON CONFLICT (document_id) DO UPDATE "
                "SET model = excluded.model, version = excluded.version, data = excluded.data",
                (document_id, model, version, data),
            )
            put_meta(self, "analysis_model", f"{model} {version}")

    def extractions(self, kinds: Iterable[str]) -> dict[tuple[str, str], tuple[str, bytes]]:
        """Kept per-document extractor output of ``kinds``: (document id, kind) -> (version,
        data). The caller decides whether a row's version is still the one it needs."""
        sql = "SELECT document_id, kind, version, data FROM extractions WHERE kind IN ({})"
        return {(r[0], r[1]): (r[2], bytes(r[3])) for r in self._by_ids(sql, kinds)}

    def put_extractions(self, rows: Iterable[tuple[str, str, str, bytes]]) -> None:
        """Keep (document id, kind, version, data) rows, each replacing the document's row of
        that kind; the rows go when their document does."""
        with self.transaction():
            self.executemany(
                "INSERT INTO extractions VALUES (?, ?, ?, ?) ON CONFLICT (document_id, kind) "
                "DO UPDATE SET version = excluded.version, data = excluded.data",
                rows,
            )

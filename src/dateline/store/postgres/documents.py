"""PostgreSQL's documents dialect: full-text search with a generated tsvector column
(``documents.fts``, kept in step by the server) and a GIN index.

Text search uses a ``dateline`` configuration (``unaccent`` then ``simple``), so "Bien
Hoa" finds "Biên Hòa" as FTS5's ``remove_diacritics`` does; queries are parsed once
(:mod:`dateline.store.ftsquery`) and each term made a tsquery by the server.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import psycopg

from dateline.model import MATCH_END, MATCH_START, Document
from dateline.store.documents import DocumentsPart, Match
from dateline.store.ftsquery import Node, Term, parse
from dateline.store.postgres.connection import PostgresConnection

_CONFIG = "'dateline'"
_WEIGHTS = {"title": "A", "text": "B"}  # setweight() in the migration
# ts_headline's counterpart of FTS5's snippet(..., MATCH_START, MATCH_END, ' … ', 16).
_HEADLINE = (
    f"StartSel={MATCH_START}, StopSel={MATCH_END}, "
    "MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, "
    'FragmentDelimiter=" … "'
)


class PostgresDocuments(PostgresConnection, DocumentsPart):
    """Documents and search in PostgreSQL: the index goes with the row itself."""

    def __init__(self) -> None:
        self._made: dict[str, dict[Term, str]] = {}  # each query's terms as tsqueries
        super().__init__()

    def _index_document(self, n: int, doc: Document) -> None:
        """Nothing to do: ``documents.fts`` is generated from the row."""

    def _unindex_document(self, n: int, title: str | None, text: str) -> None:
        """Nothing to do: the index entry goes with the row."""

    def _terms(self, query: str) -> tuple[Node, dict[Term, str]]:
        """The query's tree and each term's tsquery, made once by the server: passed as
        constants, a filter does not parse them again for every row it reads, and the
        planner estimates them from the column's statistics."""
        tree = parse(query)
        made = self._made.get(query)
        if made is None:
            terms = list(dict.fromkeys(_leaves(tree)))
            calls = [_term_query(t) for t in terms]
            row = self.execute(
                f"SELECT {', '.join(f'({sql})::text' for sql, _ in calls)}",
                [p for _, params in calls for p in params],
            ).fetchall()[0]  # one row, always
            made = dict(zip(terms, row, strict=True))
            if len(self._made) >= 256:
                self._made.clear()
            self._made[query] = made
        return tree, made

    def _matches(self, query: str, window: int) -> tuple[list[Match], bool]:
        # Two ways, each forced: the planner prices reading a row's vector (a decompression
        # per row) far below its cost, so it would walk the table in key order for a query
        # that is merely frequent, or to the end for one it wrongly thinks frequent.
        # Reading the newest rows in key order costs about window / (the query's share of
        # the rows); reading every match from the GIN index, about the matches. The first
        # is tried when the planner's estimate says it is the cheaper, for at most twice
        # the rows it should need; the index answers the rest. ts_rank reads only the
        # row's own vector: a row ranks as it would among every match.
        tree, made = self._terms(query)
        predicate = _predicate(tree, made)
        if predicate is None:
            return [], False
        where, params = predicate
        ranked, ranked_params = _tsquery(tree, made)
        count = window + 1

        def newest(bound: str, bound_params: Sequence[object]) -> list[Any]:
            return self.execute(
                f"SELECT d.n, -ts_rank(d.fts, {ranked}, 1) FROM (SELECT d.n, d.fts "
                f"FROM documents d WHERE {bound}{where} ORDER BY d.n DESC LIMIT ?) d",
                (*ranked_params, *bound_params, *params, count),
            ).fetchall()

        try:  # session settings, reset below: SET LOCAL would need a transaction's trips
            top = self.execute(
                "SELECT max(n), set_config('enable_seqscan', 'off', false), "
                "set_config('enable_bitmapscan', 'off', false) FROM documents"
            ).fetchall()[0][0]
            if top is None:
                return [], False
            plan = self.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM documents d WHERE {where}",
                                params).fetchall()[0][0]  # fmt: skip
            expected = max(float(plan[0]["Plan"]["Plan Rows"]), 1.0)
            found = None
            if expected * expected > count * top:
                floor = top - int(2 * count * top / expected)
                found = newest("d.n > ? AND ", (floor,))
                if len(found) < count and floor >= 0:
                    found = None
            if found is None:
                self.execute(
                    "SELECT set_config('enable_bitmapscan', 'on', false), "
                    "set_config('enable_indexscan', 'off', false)"
                )
                found = newest("", ())
        finally:
            if self.conn.info.transaction_status != psycopg.pq.TransactionStatus.INERROR:
                self.conn.execute("RESET enable_seqscan; RESET enable_bitmapscan; "
                                  "RESET enable_indexscan")  # fmt: skip
        matches = [(int(r[0]), float(r[1])) for r in found[:window]]
        matches.sort(key=lambda m: (m[1], m[0]))  # as ORDER BY rank, n
        return matches, len(found) > window

    def _snippets(self, query: str, rows: Sequence[int]) -> dict[int, str]:
        ranked, params = _tsquery(*self._terms(query))
        marks = ", ".join("?" * len(rows))
        found = self.execute(
            f"SELECT n, ts_headline({_CONFIG}, text, {ranked}, ?) FROM documents "
            f"WHERE n IN ({marks})",
            (*params, _HEADLINE, *rows),
        )
        return {int(r[0]): r[1] for r in found}


def _term_query(term: Term) -> tuple[str, list[object]]:
    """One word or phrase as a tsquery expression."""
    if not term.prefix:
        return f"phraseto_tsquery({_CONFIG}, ?)", [term.words]
    words = term.words.split() or [""]
    quoted = ["'" + w.replace("\\", "\\\\").replace("'", "''") + "'" for w in words]
    return f"to_tsquery({_CONFIG}, ?)", [" <-> ".join(quoted) + ":*"]


def _leaves(node: Node) -> Iterator[Term]:
    if isinstance(node, Term):
        yield node
    else:
        yield from _leaves(node.left)
        yield from _leaves(node.right)


def _tsquery(node: Node, made: Mapping[Term, str]) -> tuple[str, list[object]]:
    """What the query looks for, as one tsquery (for ranking and headlines): excluded
    terms are left out, since a document matches only without them."""
    if isinstance(node, Term):
        return "?::tsquery", [made[node]]
    left, lp = _tsquery(node.left, made)
    if node.name == "NOT":
        return left, lp
    right, rp = _tsquery(node.right, made)
    return f"({left} {'&&' if node.name == 'AND' else '||'} {right})", lp + rp


# A lexeme of a tsquery's text form ('it''s', 'ne':*), to restrict it to a column's weight
_OPERAND = re.compile(r"('(?:[^']|'')*')(:\*)?")


def _combined(node: Node, made: Mapping[Term, str]) -> str | None:
    """The whole query as one tsquery (None: it matches nothing): one match per row
    instead of one per term, each of which would read the row's vector again. A column
    filter keeps the term's lexemes to that column's weight (title A, text B)."""
    if isinstance(node, Term):
        query = made[node]
        if not query:
            return None  # no lexeme (punctuation only): a match never
        if node.column is not None:
            weight = _WEIGHTS[node.column]
            query = _OPERAND.sub(lambda m: f"{m[1]}:{'*' if m[2] else ''}{weight}", query)
        return query
    left = _combined(node.left, made)
    right = _combined(node.right, made)
    if node.name == "OR":
        return right if left is None else left if right is None else f"({left}) | ({right})"
    if node.name == "AND":
        return None if left is None or right is None else f"({left}) & ({right})"
    return left if left is None or right is None else f"({left}) & !({right})"


def _predicate(node: Node, made: Mapping[Term, str]) -> tuple[str, list[object]] | None:
    """The query as a WHERE clause, one GIN-indexed match; None when nothing matches."""
    query = _combined(node, made)
    return None if query is None else ("d.fts @@ ?::tsquery", [query])

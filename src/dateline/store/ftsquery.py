"""The search syntax users type (SQLite FTS5's), parsed for engines that speak another.

Supported: bare words, "quoted phrases", a trailing ``*`` for a prefix, ``AND`` (also
implied between terms), ``OR``, binary ``NOT`` and parentheses, with FTS5's precedence
(NOT binds tightest, then AND, then OR), and ``title:`` / ``text:`` column filters.
Anything FTS5 would reject is rejected here too, with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.errors import QueryError

# FTS5 barewords: letters, digits, underscore and any non-ASCII character.
_BAREWORD = re.compile(r"[\w\u0080-\U0010ffff]+")
_OPERATORS = ("AND", "OR", "NOT")
COLUMNS = ("title", "text")


@dataclass(frozen=True)
class Term:
    """A word or phrase (words in order), optionally a prefix, optionally in one column."""

    words: str
    prefix: bool = False
    column: str | None = None


@dataclass(frozen=True)
class Op:
    name: str  # AND, OR, NOT (left NOT right: left without right)
    left: Node
    right: Node


Node = Term | Op


def query_error(query: str, reason: object) -> QueryError:
    return QueryError(
        f"cannot search for {query!r}: {reason}. Quote phrases and special "
        'characters, e.g. "Bien Hoa" or "US$130"'
    )


def _tokens(query: str) -> list[tuple[str, str]]:
    """(kind, text): kinds are word, phrase, op, (, ), *, :."""
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(query):
        char = query[i]
        if char.isspace():
            i += 1
        elif char == '"':
            end = i + 1
            text = ""
            while True:  # "" inside a phrase is a literal quote, as in FTS5
                close = query.find('"', end)
                if close < 0:
                    raise query_error(query, "unterminated string")
                text += query[end:close]
                if query.startswith('""', close):
                    text += '"'
                    end = close + 2
                    continue
                i = close + 1
                break
            tokens.append(("phrase", text))
        elif char in "()*:":
            tokens.append((char, char))
            i += 1
        elif match := _BAREWORD.match(query, i):
            word = match.group()
            tokens.append(("op" if word in _OPERATORS else "word", word))
            i = match.end()
        else:
            raise query_error(query, f"syntax error near {char!r}")
    return tokens


# Bounds on a query's shape: the tree is walked recursively, and a query past them is a
# mistake or an attack, not a search (FTS5 has limits of its own of the same kind).
MAX_NESTING = 32
MAX_TERMS = 200


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.i = 0
        self.depth = 0
        if sum(kind in ("word", "phrase") for kind, _ in self.tokens) > MAX_TERMS:
            raise query_error(query, f"more than {MAX_TERMS} search terms")

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def fail(self) -> QueryError:
        token = self.peek()
        where = "at the end" if token is None else f"near {token[1]!r}"
        return query_error(self.query, f"syntax error {where}")

    def parse(self) -> Node:
        if not self.tokens:
            raise query_error(self.query, "empty query")
        node = self.or_()
        if self.peek() is not None:
            raise self.fail()
        return node

    def or_(self) -> Node:
        node = self.and_()
        while self.peek() == ("op", "OR"):
            self.i += 1
            node = Op("OR", node, self.and_())
        return node

    def and_(self) -> Node:
        node = self.not_()
        while (token := self.peek()) is not None and (
            token == ("op", "AND") or token[0] in ("word", "phrase", "(")
        ):
            if token[0] == "op":
                self.i += 1
            node = Op("AND", node, self.not_())
        return node

    def not_(self) -> Node:
        node = self.primary()
        while self.peek() == ("op", "NOT"):
            self.i += 1
            node = Op("NOT", node, self.primary())
        return node

    def primary(self) -> Node:
        token = self.peek()
        if token is None:
            raise self.fail()
        if token[0] == "(":
            self.i += 1
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise query_error(self.query, f"parentheses nested more than {MAX_NESTING} deep")
            node = self.or_()
            self.depth -= 1
            if self.peek() != (")", ")"):
                raise self.fail()
            self.i += 1
            return node
        column = None
        following = self.tokens[self.i + 1] if self.i + 1 < len(self.tokens) else None
        if token[0] == "word" and following is not None and following[0] == ":":
            if token[1] not in COLUMNS:
                raise query_error(self.query, f"no such column: {token[1]}")
            column = token[1]
            self.i += 2
            token = self.peek()
            if token is None:
                raise self.fail()
        if token[0] not in ("word", "phrase"):
            raise self.fail()
        self.i += 1
        prefix = self.peek() == ("*", "*")
        if prefix:
            self.i += 1
        return Term(token[1], prefix, column)


def check_bounds(query: str) -> None:
    """QueryError when the query has more terms or deeper parentheses than any search
    needs (both engines: FTS5 would take them, but the answer is no use and costs much)."""
    try:
        tokens = _tokens(query)
    except QueryError:
        return  # a syntax error: the engine says so itself
    if sum(kind in ("word", "phrase") for kind, _ in tokens) > MAX_TERMS:
        raise query_error(query, f"more than {MAX_TERMS} search terms")
    depth = 0
    for kind, _ in tokens:
        depth += (kind == "(") - (kind == ")")
        if depth > MAX_NESTING:
            raise query_error(query, f"parentheses nested more than {MAX_NESTING} deep")


def parse(query: str) -> Node:
    """The query as a tree; QueryError when FTS5 would not accept it."""
    return _Parser(query).parse()

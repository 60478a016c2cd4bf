"""Detokenise Penn-Treebank-tokenised text for display, as edits that keep offsets mapped.

Some corpora ship articles already tokenised the PTB way: ``-LRB- CNN -RRB-``, ``do n't``,
``$ 2``, ````quoted''``. Readers (and the language model, trained on ordinary text) want
ordinary text. The token joining is Moses's detokeniser (sacremoses), a well-kept rule set;
this module only maps the PTB bracket and quote tokens to characters (and PTB's "do n't" to the
"don 't" Moses expects) first and turns the result
into :class:`~dateline.model.Edit` replacements: a gap between two tokens that Moses closes is
removed, a token written differently (``-LRB-`` -> ``(``) is replaced. Every other character
stays where it was, so the cleaner's offset map still points each clean span at its raw text.

Only a text that looks tokenised is touched (:func:`looks_tokenised`): ordinary articles are
left exactly as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.model import Edit

if TYPE_CHECKING:
    from sacremoses import MosesDetokenizer

DETOKENISED = "detokenised"

# PTB escapes of brackets and quotes, and what a reader expects instead.
PTB_TOKENS = {
    "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
    "``": '"', "''": '"', "`": "'",
}  # fmt: skip

# Punctuation a tokeniser detaches: a comma or stop standing alone between spaces, or a split
# clitic ("do n't", "BP 's").
_SPACED = re.compile(r"(?<=\S) (?:[,.;:?!](?=\s|$)|n't\b|'(?:s|re|ve|ll|d|m)\b)")
_ATTACHED = re.compile(r"\S[,.;:?!](?=\s|$)|\w(?:n't|'(?:s|re|ve|ll|d|m))\b")
_BRACKETS = re.compile(r"-[LR][RSC]B-|``|''")
# Share of detachable punctuation that must stand detached, and how much must be seen.
THRESHOLD = 0.7
MIN_MARKS = 3


def looks_tokenised(text: str) -> bool:
    """Whether ``text`` reads as PTB-tokenised: most of its punctuation stands apart."""
    spaced = len(_SPACED.findall(text)) + len(_BRACKETS.findall(text))
    attached = len(_ATTACHED.findall(text))
    marks = spaced + attached
    return marks >= MIN_MARKS and spaced / marks >= THRESHOLD


@lru_cache(maxsize=1)
def _detokeniser() -> MosesDetokenizer:
    # imported when first needed: sacremoses takes about 0.3 s to import (joblib, its
    # tokeniser's patterns), and most collections hold no tokenised text
    from sacremoses import MosesDetokenizer

    return MosesDetokenizer(lang="en")


_TOKEN = re.compile(r"[^ \t\n\r]+")
_LINE = re.compile(r"[^\n]+")


def detokenise_edits(text: str) -> list[Edit]:
    """Edits turning tokenised ``text`` into ordinary text, line by line (offsets in ``text``)."""
    edits: list[Edit] = []
    for line in _LINE.finditer(text):
        edits += _line_edits(text, line.start(), line.end())
    return edits


def _moses_tokens(tokens: list[str]) -> list[str]:
    """PTB's split negation ("do n't") in the form Moses joins ("don 't")."""
    for i in range(1, len(tokens)):
        if tokens[i].lower() == "n't":
            n = "N" if tokens[i][0] == "N" else "n"
            tokens[i - 1] += n
            tokens[i] = tokens[i][1:]
    return tokens


def _line_edits(text: str, start: int, end: int) -> list[Edit]:
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    if len(spans) < 2 and not any(text[a:b] in PTB_TOKENS for a, b in spans):
        return []
    tokens = _moses_tokens([PTB_TOKENS.get(text[a:b], text[a:b]) for a, b in spans])
    joined = _detokeniser().detokenize(tokens, unescape=False)
    edits: list[Edit] = []
    pos = 0
    for i, ((a, b), token) in enumerate(zip(spans, tokens, strict=True)):
        if i:
            gap = " " if joined.startswith(" ", pos) else ""
            pos += len(gap)
            if text[spans[i - 1][1] : a] != gap:
                edits.append(Edit(spans[i - 1][1], a, DETOKENISED, gap))
        if not joined.startswith(token, pos):
            return []  # Moses changed a token itself: leave the line as it was
        if token != text[a:b]:
            edits.append(Edit(a, b, DETOKENISED, token))
        pos += len(token)
    return edits if pos == len(joined) else []

"""Words, sentence vectors and sentence quality for extractive summaries.

Texts may be plain prose or Penn-Treebank tokenised (``-LRB-``, `` `` ``, ``do n't``): words are
found by a regular expression, so both give the same terms. Terms are lower-cased, stopwords
dropped and Porter-stemmed, the same normalisation timeline ROUGE applies, so "centrality" is
measured on the words a reader (and the metric) would count.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence

from dateline.evaluate import rouge
from dateline.evaluate.rouge import stem
from dateline.evaluate.stopwords import SMART_STOPWORDS
from dateline.lexicon.calendar import MONTH_ABBREVIATIONS

# A term is its stem, or a number standing for it (the terms the build kept, see
# summarise.features): a vector only compares its terms with other vectors' of one reading.
Term = str | int
Vector = dict[Term, float]

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'&.-]*[A-Za-z0-9]|[A-Za-z]|\d[\d,.]*")

# A sentence opening with a pronoun or connective leans on the one before it.
ANAPHORIC_START = re.compile(
    r"(?:He|She|It|They|This|That|These|Those|But|And|Also|His|Her|Its|Their|We|I)\b"
)
# Lines that are page furniture rather than sentences: those opening so, and those holding
# a credit or an address anywhere (apart, so that a search skips to where one may start).
_FURNITURE_START = re.compile(
    r"(?i)^(?:by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*$|copyright|all rights reserved|"
    r"click here|related:|read more|see also|follow us|e-?mail|share this|advertisement)"
)
_FURNITURE_WITHIN = re.compile(
    r"(?i)reporting by|editing by|writing by|additional reporting|https?://|www\.|@\w"
)
# A sentence ends with . or ! and maybe closing quotes and brackets, spaced or not.
_CLOSERS = ("''", '"', "'", "’", "”", "-RRB-", ")")


# A sentence ends at . ! or ? (closing quotes and brackets included) before whitespace and a
# capital, digit or opening quote, unless the stop ends a known abbreviation or an initial.
_BOUNDARY = re.compile(r"[.!?][\"'’”)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Lieut|Col|Maj|Capt|Sgt|Adm|Sen|Rep|Gov|Pres|St|Jr|Sr|No"
    rf"|{'|'.join(MONTH_ABBREVIATIONS)}|Inc|Corp|Ltd|Co|vs|etc)|\b[A-Z]|\.[A-Z])\.$"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of plain text: lines first, then sentence stops within each line.

    A light splitter for callers without a language model; spans exclude surrounding spaces.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for stop in _BOUNDARY.finditer(text, line.start(), line.end()):
            if _ABBREVIATION.search(text, max(line.start(), stop.start() - 12), stop.start() + 1):
                continue
            spans.append((start, stop.end()))
            start = stop.end()
        spans.append((start, line.end()))
    return [(a + _lead(text, a, b), b - _trail(text, a, b)) for a, b in spans if text[a:b].strip()]


def _lead(text: str, start: int, end: int) -> int:
    return len(text[start:end]) - len(text[start:end].lstrip())


def _trail(text: str, start: int, end: int) -> int:
    return len(text[start:end]) - len(text[start:end].rstrip())


def words(text: str) -> list[str]:
    """Lower-cased word tokens (a PTB bracket token gives its letters: "-LRB-", "lrb")."""
    found = _WORD.findall(text)
    # Words are ASCII and hold no line break, so one lowering of them all, split at the
    # breaks, is each lowered alone, at a fraction of the calls.
    return "\n".join(found).lower().split("\n") if found else []


def terms(text: str) -> list[str]:
    """Stemmed content words: stopwords and numbers' punctuation-only tokens dropped."""
    return terms_of(words(text))


def terms_of(found: Sequence[str]) -> list[str]:
    """:func:`terms` of text whose :func:`words` are ``found``."""
    known = rouge.STEMS  # looked up here first: a call per word costs more than the lookup
    return [known.get(w) or stem(w) for w in found if w not in SMART_STOPWORDS and len(w) > 1]


def term_of_words(found: Iterable[str]) -> dict[str, str]:
    """The term :func:`terms_of` makes of each of ``found`` it keeps (a word it drops has
    none): read once per distinct word when a text's words are many."""
    known = rouge.STEMS
    return {w: known.get(w) or stem(w) for w in found if w not in SMART_STOPWORDS and len(w) > 1}


# Longer words are not kept (they are stemmed when met): a key may not pass a third of a
# PostgreSQL page, and a page can hold a run of letters of any length.
_KEPT_WORD = 64


def vocabulary(texts: Iterable[str]) -> dict[str, str]:
    """The stem of every word of ``texts`` that :func:`terms` stems, for a store to keep
    (those of up to ``_KEPT_WORD`` characters), under ``rouge.stemmer_identity``."""
    found: set[str] = set()
    for text in texts:
        found.update(words(text))
    return {w: stem(w) for w in sorted(found)
            if w not in SMART_STOPWORDS and 1 < len(w) <= _KEPT_WORD}  # fmt: skip


def unknown_words(found: Iterable[Iterable[str]]) -> set[str]:
    """The words among ``found`` (each text's :func:`words`) that :func:`terms_of` would
    have to stem: neither stemmed in this process nor known from a store."""
    known = rouge.STEMS
    return {
        w
        for text in found
        for w in text
        if w not in known and w not in SMART_STOPWORDS and len(w) > 1
    }


def is_sentence(text: str, min_words: int, max_words: int, count: int | None = None) -> bool:
    """Whether ``text`` reads as a complete news sentence (not a byline, header or teaser);
    ``count`` is its number of :func:`words`, when known."""
    if not well_formed(text):
        return False
    if count is None:
        count = len(words(text))
    return min_words <= count <= max_words


def well_formed(text: str) -> bool:
    """Whether ``text`` is shaped like a news sentence, its length aside: not furniture
    (a credit, an address, a teaser) and ending with a stop or an exclamation mark."""
    stripped = text.strip()
    if not stripped or _FURNITURE_START.match(stripped) or _FURNITURE_WITHIN.search(stripped):
        return False
    return _ends_sentence(stripped)


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with a stop or an exclamation mark, closers after it aside."""
    end = text.rstrip()
    while True:
        for closer in _CLOSERS:
            if end.endswith(closer):
                end = end[: -len(closer)].rstrip()
                break
        else:
            return end.endswith((".", "!"))


def norm(vector: Mapping[Term, float]) -> float:
    return math.sqrt(sum(v * v for v in vector.values()))


def cosine(a: Mapping[Term, float], b: Mapping[Term, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(value * b.get(term, 0.0) for term, value in a.items())
    if dot == 0.0:
        return 0.0
    return dot / (norm(a) * norm(b))


def add_into(total: dict[Term, float], vector: Mapping[Term, float], weight: float = 1.0) -> None:
    for term, value in vector.items():
        total[term] = total.get(term, 0.0) + weight * value

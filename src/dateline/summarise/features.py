"""What the summariser reads of a sentence that depends on the sentence alone, kept by the build.

A timeline over a range read whole weighs tens of thousands of sentences: where each one's
news starts, its words, their terms, and whether it may stand in a summary. None of it
depends on the other sentences read, so the build works it out once per document
(:func:`document_features`) and the store keeps it, one compressed row per document. A
timeline then reads these columns instead of the texts and reads text only for the
sentences it shows (:class:`~dateline.summarise.kept.KeptReading`).

Terms are kept as numbers, one per distinct term over everything one build wrote
(:class:`TermNumbers`): a reading compares vectors of one store only, and how terms are
numbered changes none of the arithmetic (see :func:`~dateline.summarise.matrix.id_matrix`).
"""

from __future__ import annotations

import functools
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from dateline.evaluate.rouge import stemmer_identity
from dateline.stagecode import code_digest
from dateline.summarise.hygiene import chronology_start, glued_lead, is_comment, metadata_end
from dateline.summarise.text import ANAPHORIC_START, terms_of, well_formed, words

__all__ = [
    "TermNumbers",
    "decode_features",
    "document_features",
    "features_identity",
    "kept_features",
    "news_span",
    "sentence_flags",
]

# Per sentence: where its news starts (from the sentence's start), how many words the news
# holds, what it is (the flags below) and how many distinct terms it has among the
# document's terms (each a number and a count).
SENTENCE = np.dtype([("offset", "<i4"), ("words", "<i4"), ("flags", "<i4"), ("terms", "<i4")])
CHRONOLOGY = 1  # a chronology entry ("March 3 - ...")
WELL_FORMED = 2  # shaped like a news sentence, its length aside (see readable)
QUOTED = 4  # opens with a quotation mark
ANAPHORIC = 8  # opens with a pronoun or connective
_HEADER = np.dtype("<u4")
TERM = np.dtype("<i4")  # a term's number, or its count in a sentence


def news_span(text: str, position: int) -> tuple[int, bool]:
    """Offset where a sentence's news starts, and whether it is a chronology entry;
    ``position`` is the sentence's place in its document (a lead may carry a headline)."""
    offset = metadata_end(text)
    dated = chronology_start(text[offset:])
    if dated:
        return offset + dated, True
    if position == 0:
        offset += glued_lead(text[offset:])
    return offset, False


def readable(news: str) -> bool:
    """Whether a sentence whose news is ``news`` may stand in a summary, its length aside: a
    text opening in lower case is a sentence cut in two by the splitter, or the tail of a
    list of teasers, and a reader's comment is no news."""
    return well_formed(news) and not is_comment(news) and not news.lstrip()[:1].islower()


def sentence_flags(news: str, chronology: bool) -> int:
    """The :data:`SENTENCE` flags of a sentence whose news is ``news``."""
    opening = news.lstrip()
    return (
        (CHRONOLOGY if chronology else 0)
        | (WELL_FORMED if readable(news) else 0)
        | (QUOTED if opening.startswith(("``", '"', "“")) else 0)
        | (ANAPHORIC if ANAPHORIC_START.match(opening) else 0)
    )


class TermNumbers:
    """A number for each distinct term, the next free one for a term not seen before."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.numbers)

    def of(self, terms: Sequence[str]) -> list[int]:
        number, numbers = self.numbers.setdefault, self.numbers
        return [number(t, len(numbers)) for t in terms]


def document_features(text: str, spans: Sequence[tuple[int, int]], numbers: TermNumbers) -> bytes:
    """The kept reading of a document's sentences at ``spans`` (start, end in ``text``, the
    sentence at index ``i`` of the document being ``spans[i]``), its terms numbered by
    ``numbers``: what :func:`decode_features` reads back. Each sentence keeps its distinct
    terms in the order it first uses them, each with its count, as its vector holds them."""
    records = np.zeros(len(spans), dtype=SENTENCE)
    used: list[int] = []
    counts: list[int] = []
    for i, (start, end) in enumerate(spans):
        sentence = text[start:end]
        offset, chronology = news_span(sentence, i)
        news = sentence[offset:]
        found = words(news)
        counted = Counter(numbers.of(terms_of(found)))  # in the order of first use
        records[i] = (offset, len(found), sentence_flags(news, chronology), len(counted))
        used += counted.keys()
        counts += counted.values()
    header = np.array([len(spans)], dtype=_HEADER).tobytes()
    body = b"".join(
        (
            records.tobytes(),
            np.array(used, dtype=TERM).tobytes(),
            np.array(counts, dtype=TERM).tobytes(),
        )
    )
    return zlib.compress(header + body, 1)


def kept_features(text: str, rows: Iterable[Sequence[Any]], numbers: TermNumbers) -> bytes | None:
    """:func:`document_features` of a document's sentence ``rows`` (document, index, start,
    end, ...), or None unless their indexes are 0, 1, 2 and so on (a reading is found by
    index)."""
    spans = {row[1]: (row[2], row[3]) for row in rows}
    if sorted(spans) != list(range(len(spans))):
        return None
    return document_features(text, [spans[i] for i in range(len(spans))], numbers)


def decode_features(blob: bytes) -> tuple[bytes, bytes, bytes]:
    """A document's :data:`SENTENCE` records, its sentences' term numbers and their counts
    (as bytes, to be joined with other documents' before one array is made of each)."""
    data = zlib.decompress(blob)
    count = int.from_bytes(data[:4], "little")
    split = 4 + count * SENTENCE.itemsize
    if len(data) < split or (len(data) - split) % (2 * TERM.itemsize):
        raise ValueError("damaged kept sentence reading")
    half = split + (len(data) - split) // 2
    return data[4:split], data[split:half], data[half:]


@functools.cache
def features_identity() -> str:
    """What makes a kept reading: this code and what it calls, and the stemmer (the
    packages around them only gather names). A reading made under another is not used."""
    digest = code_digest(__name__, packages=False)[:16]
    return f"{digest} {stemmer_identity()}"

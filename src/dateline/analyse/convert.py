"""Turn a spaCy ``Doc`` into plain objects: sentences, mentions and tokens.

This module and :mod:`dateline.analyse.nlp` are the only ones that touch spaCy types;
everything downstream (resolution, events, figures, promises) reads these plain objects.
The ``Doc`` is of the folded text, which has the same offsets as the original, so every
text field here is sliced from the original (with its diacritics).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, NamedTuple, cast

from dateline.analyse.rules import KINDS, TITLE_ABBREVIATIONS, Span, fix_spans
from dateline.lexicon.names import fold
from dateline.model import Mention, Sentence

if TYPE_CHECKING:  # downstream modules import the dataclasses without loading spaCy
    from spacy.tokens import Doc


class Token(NamedTuple):
    """One token; ``head`` and offsets are document-wide, ``ent_iob`` is B, I or O.

    A named tuple, not a dataclass: a document has thousands and a tuple is made in a
    fraction of the time.
    """

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sentence: int
    ent_iob: str = "O"


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything later stages need from the model about one document."""

    document_id: str
    text: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    tokens: tuple[Token, ...]


def convert(
    doc: Doc,
    document_id: str,
    text: str,
    offset: int = 0,
    first_sentence: int = 0,
    first_token: int = 0,
) -> Analysis:
    """Convert ``doc``, the analysis of ``text[offset:offset + len(doc.text)]`` (folded).

    ``first_sentence`` and ``first_token`` number a chunk of a longer document.
    """
    columns = _Columns.of(doc, text, offset)
    sentences, sentence_of = _sentences(columns, document_id, text, first_sentence)
    strings = doc.vocab.strings
    hashes = doc.to_array(["LEMMA", "POS", "TAG", "DEP"]).T.tolist()
    name = {h: strings[h] for column in hashes for h in set(column)}
    tokens = [
        Token(
            i,
            j,
            text[i:j],
            name[lemma],
            name[pos],
            name[tag],
            name[dep],
            first_token + k + head,
            sentence_of[k],
        )
        for k, (i, j, head, lemma, pos, tag, dep) in enumerate(
            zip(columns.start, columns.end, columns.head, *hashes, strict=True)
        )
    ]
    model_spans = [Span(e.start, e.end, e.label_) for e in doc.ents if e.label_ in KINDS]
    spans = fix_spans(tokens, model_spans, text, columns.words)
    mentions = tuple(_mention(document_id, text, tokens, span) for span in spans)
    return Analysis(document_id, text, sentences, mentions, tuple(_with_iob(tokens, spans)))


@dataclass(frozen=True, slots=True)
class _Columns:
    """A chunk's tokens read as columns (offsets in the whole text): one ``Doc.to_array``
    instead of a spaCy ``Token`` object per token per attribute, which would cost more
    than the rest of the conversion."""

    start: list[int]
    end: list[int]
    head: list[int]  # relative to the token
    sent_start: list[int]  # 1 opens a sentence, as in ``Doc.sents``
    space: list[bool]
    punct: list[bool]  # punctuation, a quote or a bracket
    opener: list[bool]  # title case, upper case or like a number
    words: list[str]  # folded, as the model read them

    # read by name (no spaCy import here); all small signed numbers or flags
    ATTRS = ("IDX", "LENGTH", "HEAD", "SENT_START", "IS_SPACE", "IS_PUNCT", "IS_QUOTE",
             "IS_BRACKET", "IS_TITLE", "IS_UPPER", "LIKE_NUM")  # fmt: skip

    @classmethod
    def of(cls, doc: Doc, text: str, offset: int) -> _Columns:
        table = doc.to_array(list(cls.ATTRS)).astype("int64")
        start = (table[:, 0] + offset).tolist()
        end = (table[:, 0] + table[:, 1] + offset).tolist()
        head, sent_start = table[:, 2:4].T.tolist()
        space: list[bool] = table[:, 4].astype(bool).tolist()
        punct = cast("list[bool]", table[:, 5:8].any(axis=1).tolist())
        opener = cast("list[bool]", table[:, 8:11].any(axis=1).tolist())
        return cls(
            start,
            end,
            head,
            sent_start,
            space,
            punct,
            opener,
            [fold(text[i:j]) for i, j in zip(start, end, strict=True)],
        )


def _sentences(
    columns: _Columns, document_id: str, text: str, first: int
) -> tuple[tuple[Sentence, ...], list[int]]:
    """Sentences trimmed of whitespace, and each token's sentence index.

    A whitespace-only "sentence" is not a sentence: its tokens join the one before.
    """
    sentences: list[Sentence] = []
    sentence_of: list[int] = []
    for start, end in _joined(columns, text):
        words = [i for i in range(start, end) if not columns.space[i]]
        index = first + len(sentences) - (0 if words else 1)
        sentence_of.extend([max(index, first)] * (end - start))
        if words:
            begin, finish = columns.start[words[0]], columns.end[words[-1]]
            sentences.append(Sentence(document_id, index, begin, finish, text[begin:finish]))
    return tuple(sentences), sentence_of


def children(tokens: Sequence[Token]) -> list[list[int]]:
    """Each token's dependents, by token index (a head outside the tokens is ignored)."""
    found: list[list[int]] = [[] for _ in tokens]
    size = len(tokens)
    for i, head in enumerate([t.head for t in tokens]):
        if head != i and 0 <= head < size:
            found[head].append(i)
    return found


def _mention(document_id: str, text: str, tokens: Sequence[Token], span: Span) -> Mention:
    start, end = tokens[span.start].start, tokens[span.end - 1].end
    sentence = tokens[span.start].sentence
    return Mention(document_id, sentence, start, end, text[start:end], span.label)


def _with_iob(tokens: list[Token], spans: Sequence[Span]) -> list[Token]:
    """Tokens whose ``ent_iob`` follows the fixed spans, not the model's."""
    for span in spans:
        for i in range(span.start, span.end):
            tokens[i] = tokens[i]._replace(ent_iob="B" if i == span.start else "I")
    return tokens


def merge(parts: Sequence[Analysis]) -> Analysis:
    """One analysis from the analyses of consecutive chunks of one document."""
    first = parts[0]
    return Analysis(
        first.document_id,
        first.text,
        tuple(s for p in parts for s in p.sentences),
        tuple(m for p in parts for m in p.mentions),
        tuple(t for p in parts for t in p.tokens),
    )


def _joined(columns: _Columns, text: str) -> list[tuple[int, int]]:
    """The parser's sentences as token ranges, with two kinds of cut undone: after a title
    or month abbreviation ("… co-chaired by Sen. Lieut." + "Gen. Name …"; the parser does
    not always keep the starts the ``dateline_abbreviations`` component forbids), and
    inside a line after a word rather than punctuation ("Ha" + "Noi hosted the 13th" +
    "Viet Nam–US dialogue …": the small model cuts proper names and ordinals so)."""
    size = len(columns.start)
    starts = [i for i in range(1, size) if columns.sent_start[i] == 1]  # as ``Doc.sents``
    joined: list[tuple[int, int]] = []
    for start, end in zip([0, *starts], [*starts, size], strict=True):
        if start == end:
            continue  # no tokens at all
        if joined and _continues(columns, text, joined[-1], start, end):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _continues(columns: _Columns, text: str, before: tuple[int, int], start: int, end: int) -> bool:
    """Whether the sentence ``[start, end)`` continues the one ``before`` (see _joined)."""
    space = columns.space
    words = list(islice((i for i in range(before[1] - 1, before[0] - 1, -1) if not space[i]), 2))
    following = next((i for i in range(start, end) if not space[i]), None)
    if not words or following is None:
        return False
    if "\n" in text[columns.end[words[0]] : columns.start[following]]:
        return False  # a line break ends a sentence whatever comes before it
    return _after_abbreviation(columns, words, following) or not columns.punct[words[0]]


def _after_abbreviation(columns: _Columns, words: Sequence[int], following: int) -> bool:
    """A title or month abbreviation ends the words before, a name or number follows.

    ``words`` are the last two words before (the last first).
    """
    if len(words) < 2:
        return False
    last, previous = words
    if columns.words[last] == ".":
        if columns.end[previous] < columns.start[previous + 1]:
            return False  # "Gen ." is a word and a full stop
        word = columns.words[previous]
    elif columns.words[last].endswith("."):
        word = columns.words[last][:-1]
    else:
        return False
    return word.lower() in TITLE_ABBREVIATIONS and columns.opener[following]

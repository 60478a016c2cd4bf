"""Turn a spaCy ``Doc`` into plain objects: sentences, mentions and tokens.

This module and :mod:`dateline.analyse.nlp` are the only ones that touch spaCy types;
everything downstream (resolution, events, figures, promises) reads these dataclasses.
The ``Doc`` is of the folded text, which has the same offsets as the original, so every
text field here is sliced from the original (with its diacritics).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dateline.analyse.rules import KINDS, TITLE_ABBREVIATIONS, Span, fix_spans
from dateline.model import Mention, Sentence

if TYPE_CHECKING:  # downstream modules import the dataclasses without loading spaCy
    from spacy.tokens import Doc
    from spacy.tokens import Token as SpacyToken


@dataclass(frozen=True, slots=True)
class Token:
    """One token; ``head`` and offsets are document-wide, ``ent_iob`` is B, I or O."""

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
    sentences, sentence_of = _sentences(doc, document_id, text, offset, first_sentence)
    tokens = [
        Token(
            start=offset + t.idx,
            end=offset + t.idx + len(t),
            text=text[offset + t.idx : offset + t.idx + len(t)],
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=first_token + t.head.i,
            sentence=sentence_of[t.i],
        )
        for t in doc
    ]
    model_spans = [Span(e.start, e.end, e.label_) for e in doc.ents if e.label_ in KINDS]
    spans = fix_spans(tokens, model_spans, text)
    mentions = tuple(_mention(document_id, text, tokens, span) for span in spans)
    return Analysis(document_id, text, sentences, mentions, tuple(_with_iob(tokens, spans)))


def _sentences(
    doc: Doc, document_id: str, text: str, offset: int, first: int
) -> tuple[tuple[Sentence, ...], list[int]]:
    """Sentences trimmed of whitespace, and each token's sentence index.

    A whitespace-only "sentence" is not a sentence: its tokens join the one before.
    """
    sentences: list[Sentence] = []
    sentence_of = [first] * len(doc)
    for sent in _joined(doc):
        words = [t for t in sent if not t.is_space]
        index = first + len(sentences) - (0 if words else 1)
        for t in sent:
            sentence_of[t.i] = max(index, first)
        if words:
            start = offset + words[0].idx
            end = offset + words[-1].idx + len(words[-1])
            sentences.append(Sentence(document_id, index, start, end, text[start:end]))
    return tuple(sentences), sentence_of


def children(tokens: Sequence[Token]) -> list[list[int]]:
    """Each token's dependents, by token index (a head outside the tokens is ignored)."""
    found: list[list[int]] = [[] for _ in tokens]
    for i, t in enumerate(tokens):
        if t.head != i and 0 <= t.head < len(tokens):
            found[t.head].append(i)
    return found


def _mention(document_id: str, text: str, tokens: Sequence[Token], span: Span) -> Mention:
    start, end = tokens[span.start].start, tokens[span.end - 1].end
    sentence = tokens[span.start].sentence
    return Mention(document_id, sentence, start, end, text[start:end], span.label)


def _with_iob(tokens: list[Token], spans: Sequence[Span]) -> list[Token]:
    """Tokens whose ``ent_iob`` follows the fixed spans, not the model's."""
    for span in spans:
        for i in range(span.start, span.end):
            tokens[i] = replace(tokens[i], ent_iob="B" if i == span.start else "I")
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


def _joined(doc: Doc) -> list[list[SpacyToken]]:
    """The parser's sentences, with two kinds of cut undone: after a title or month
    abbreviation ("… co-chaired by Sen. Lieut." + "Gen. Name …"; the parser does not always
    keep the starts the ``dateline_abbreviations`` component forbids), and inside a line
    after a word rather than punctuation ("Ha" + "Noi hosted the 13th" + "Viet Nam–US
    dialogue …": the small model cuts proper names and ordinals so)."""
    joined: list[list[SpacyToken]] = []
    text = doc.text  # built from every token on each access: read it once
    for sent in doc.sents:
        tokens = list(sent)
        if joined and (
            _after_abbreviation(text, joined[-1], tokens) or _mid_line(text, joined[-1], tokens)
        ):
            joined[-1].extend(tokens)
        else:
            joined.append(tokens)
    return joined


def _after_abbreviation(
    text: str, before: Sequence[SpacyToken], sent: Sequence[SpacyToken]
) -> bool:
    words = [t for t in before if not t.is_space]
    following = next((t for t in sent if not t.is_space), None)
    if len(words) < 2 or following is None:
        return False
    last = words[-1]
    if "\n" in text[last.idx + len(last) : following.idx]:
        return False  # a line break ends a sentence whatever comes before it
    if last.text == ".":
        if words[-2].whitespace_:
            return False
        word = words[-2].text
    elif last.text.endswith("."):
        word = last.text[:-1]
    else:
        return False
    return word.lower() in TITLE_ABBREVIATIONS and (
        following.is_title or following.is_upper or following.like_num
    )


def _mid_line(text: str, before: Sequence[SpacyToken], sent: Sequence[SpacyToken]) -> bool:
    """A cut inside a line whose left side ends in a word, not punctuation."""
    words = [t for t in before if not t.is_space]
    following = next((t for t in sent if not t.is_space), None)
    if not words or following is None:
        return False
    last = words[-1]
    if last.is_punct or last.is_quote or last.is_bracket:
        return False
    return "\n" not in text[last.idx + len(last) : following.idx]

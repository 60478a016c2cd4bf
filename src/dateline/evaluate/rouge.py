"""ROUGE-1 and ROUGE-2 counts in the convention the timeline-summarisation field reports.

The conventions are those of the ROUGE-1.5.5 reimplementation in ``tilse`` 0.2.1 (its
``rouge_computation="reimpl"``), which published timeline scores are computed with:
whitespace tokens (input is already Penn-Treebank tokenised), lower-cased, the ROUGE-1.5.5
SMART stopwords and a few punctuation tokens dropped, then Porter-stemmed in NLTK's extended
mode. A summary's tokens are pooled across its sentences, so bigrams span sentence boundaries
and the gaps left by dropped tokens. With several references, hits are summed over the
references and the precision denominator is the prediction's n-gram count times their number.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from typing import TYPE_CHECKING

from dateline.evaluate.nltkload import load_nltk
from dateline.evaluate.stopwords import SMART_STOPWORDS

if TYPE_CHECKING:
    from nltk.stem.porter import PorterStemmer

# Matched against the lower-cased token as a whole; other punctuation tokens (e.g. "-LRB-",
# "?", "$") stay, as in the reference convention.
PUNCTUATION: frozenset[str] = frozenset({".", ",", ";", ":", "``", "''", "-", '"'})
IGNORED: frozenset[str] = SMART_STOPWORDS | PUNCTUATION


@lru_cache(maxsize=1)
def _stemmer() -> PorterStemmer:
    # Importing NLTK loads most of it for half a second: only on first use, so commands that
    # stem nothing start without it. NLTK_EXTENSIONS is the default mode; named so a change
    # of default cannot change scores.
    load_nltk()
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer(mode=PorterStemmer.NLTK_EXTENSIONS)


# Stems by token: those stemmed in this process and those a store kept (remember_stems).
# The stemmer takes about 30 microseconds a token; emptied past STEMS_KEPT tokens, so a
# long-lived process stays bounded.
STEMS: dict[str, str] = {}
STEMS_KEPT = 1 << 18


def stem(token: str) -> str:
    """Porter stem of a lower-cased token (NLTK extended mode); the token itself on failure."""
    found = STEMS.get(token)
    if found is None:
        found = _porter(token)
        if len(STEMS) >= STEMS_KEPT:
            STEMS.clear()
        STEMS[token] = found
    return found


def _porter(token: str) -> str:
    try:
        stemmed: str = _stemmer().stem(token)  # nltk is untyped
        return stemmed
    except IndexError:  # older stemmer versions fail on some short tokens
        return token


def remember_stems(stems: Mapping[str, str]) -> None:
    """Take ``stems`` (token -> stem, made by this :func:`stemmer_identity`) as stemmed."""
    if len(STEMS) + len(stems) > STEMS_KEPT:
        STEMS.clear()
    STEMS.update(stems)


def stemmer_identity() -> str:
    """What makes a stem: stems kept under another identity (another NLTK release) may
    differ from :func:`stem`'s, and are not to be used."""
    return f"nltk {version('nltk')} porter (NLTK extensions)"


def tokenize(sentence: str) -> list[str]:
    """Whitespace tokens of an already tokenised sentence."""
    return sentence.split()


def rouge_tokens(sentences: Iterable[str]) -> list[str]:
    """The tokens ROUGE compares: lower-cased, stopwords and punctuation dropped, stemmed."""
    tokens: list[str] = []
    for sentence in sentences:
        for token in tokenize(sentence):
            lowered = token.lower()
            if lowered not in IGNORED:
                tokens.append(stem(lowered))
    return tokens


def ngram_counts(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams of consecutive tokens."""
    if n < 1:
        raise ValueError(f"n-gram order must be positive, not {n}")
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class RougeCounts:
    """Clipped n-gram hits and the two denominators, kept apart so they can be summed."""

    hits: float
    predicted: int
    reference: int

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.reference if self.reference else 0.0


@dataclass(frozen=True)
class Scores:
    """Precision, recall and their harmonic mean (F1)."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def from_precision_recall(cls, precision: float, recall: float) -> Scores:
        return cls(precision, recall, f1_score(precision, recall))


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall; 0 when both are 0."""
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def rouge_n_counts_from_tokens(
    predicted: Sequence[str], references: Sequence[Sequence[str]], n: int
) -> RougeCounts:
    """ROUGE-N counts for prepared tokens (see `rouge_tokens`) against one or more references."""
    pred = ngram_counts(predicted, n)
    refs = [ngram_counts(tokens, n) for tokens in references]
    hits = sum(min(count, ref[gram]) for gram, count in pred.items() for ref in refs)
    return RougeCounts(
        hits=hits,
        predicted=len(refs) * sum(pred.values()),
        reference=sum(sum(ref.values()) for ref in refs),
    )


def rouge_n_counts(
    predicted: Sequence[str], references: Sequence[Sequence[str]], n: int
) -> RougeCounts:
    """ROUGE-N counts of a summary (its sentences) against reference summaries."""
    return rouge_n_counts_from_tokens(
        rouge_tokens(predicted), [rouge_tokens(ref) for ref in references], n
    )


def rouge_n(predicted: Sequence[str], references: Sequence[Sequence[str]], n: int) -> Scores:
    """ROUGE-N precision, recall and F1 of a summary against reference summaries."""
    counts = rouge_n_counts(predicted, references, n)
    return Scores.from_precision_recall(counts.precision, counts.recall)

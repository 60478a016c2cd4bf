"""Penn-Treebank tokens for predicted sentences, the form timeline ROUGE counts.

The field scores whitespace tokens of PTB-tokenised text (the gold timelines are written that
way). A system that shows readable, detokenised sentences ("don't", "$2", "(CNN)") is scored on
the same sentences re-tokenised (NLTK's Treebank tokenizer, brackets as ``-LRB-``), so display
and score do not fight. Sentences already tokenised are left exactly as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.evaluate.nltkload import load_nltk

if TYPE_CHECKING:
    from nltk.tokenize import TreebankWordTokenizer

# Marks only tokenised text has: a stop or comma standing alone, split clitics, PTB brackets.
_TOKENISED = re.compile(r" [.,;:?!](?: |$)| n't\b| '(?:s|re|ve|ll|d|m)\b|-[LR][RSC]B-|``|''")


def looks_tokenised(sentence: str) -> bool:
    """Whether ``sentence`` already reads as PTB-tokenised text."""
    return bool(_TOKENISED.search(sentence))


@lru_cache(maxsize=1)
def _tokenizer() -> TreebankWordTokenizer:
    load_nltk()  # NLTK loads slowly: only on first use
    from nltk.tokenize import TreebankWordTokenizer

    return TreebankWordTokenizer()


def ptb_tokenise(sentence: str) -> str:
    """``sentence`` as space-separated PTB tokens (unchanged if it already is)."""
    if looks_tokenised(sentence):
        return sentence
    return " ".join(_tokenizer().tokenize(sentence, convert_parentheses=True))


def tokenised_summary(sentences: Iterable[str]) -> list[str]:
    return [ptb_tokenise(s) for s in sentences]


def prepare_predicted(
    predicted: Mapping[date, Iterable[str]] | Mapping[str, Iterable[str]],
) -> dict[str, list[str]]:
    """A predicted timeline keyed by ISO date, every sentence PTB-tokenised (for scoring)."""
    items: Iterable[tuple[date | str, Iterable[str]]] = predicted.items()
    return {
        (day.isoformat() if isinstance(day, date) else day): tokenised_summary(sentences)
        for day, sentences in sorted(items, key=lambda item: str(item[0]))
    }

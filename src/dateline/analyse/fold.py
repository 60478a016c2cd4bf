"""Diacritic folding that keeps every offset; it lives in :mod:`dateline.lexicon.names`.

spaCy's English model was trained on text without Vietnamese diacritics: it misses
"Phan Văn Giang" but finds "Phan Van Giang". Folding character by character lets the
model read the folded text while every offset it returns still points into the original.
"""

from dateline.lexicon.names import fold, fold_char

__all__ = ["fold", "fold_char"]

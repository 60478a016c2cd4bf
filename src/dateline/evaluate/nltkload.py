"""NLTK, loaded without SciPy's statistics.

Importing any part of NLTK runs its package ``__init__``, which loads its collocation
measures and its transition parser and, through them, ``scipy.stats`` and ``scipy.sparse``
when SciPy is installed (it is: datasketch needs it). That alone takes most of a second of
every command that stems or tokenises. Dateline uses NLTK's Porter stemmer and Treebank
tokenizer only, so NLTK is imported while those two are marked absent in ``sys.modules``,
which NLTK expects and handles (those measures then raise ``NotImplementedError``; the parser
is unusable without scikit-learn anyway). The marks are lifted at once: anything else may
still import them.
"""

from __future__ import annotations

import importlib
import sys
import threading

_LOCK = threading.Lock()
_SKIPPED = ("scipy.stats", "scipy.sparse")


def load_nltk() -> None:
    """Import NLTK (once per process) without SciPy's statistics and sparse matrices."""
    if "nltk" in sys.modules:
        return
    with _LOCK:
        if "nltk" in sys.modules:
            return
        marked = [name for name in _SKIPPED if name not in sys.modules]
        for name in marked:
            sys.modules[name] = None  # type: ignore[assignment]
        try:
            importlib.import_module("nltk")
        finally:
            for name in marked:
                if sys.modules.get(name, 0) is None:
                    del sys.modules[name]

"""NLTK, loaded without SciPy's statistics.

Importing any part of NLTK runs its package ``__init__``, which loads its collocation
measures and, through them, ``scipy.stats`` when SciPy is installed (it is: datasketch needs
it). That alone takes over half a second of every command that stems or tokenises. Dateline
uses NLTK's Porter stemmer and Treebank tokenizer only, so NLTK is imported while
``scipy.stats`` is marked absent in ``sys.modules``, which NLTK expects and handles (those
measures then raise ``NotImplementedError``). The mark is lifted at once: anything else may
still import ``scipy.stats``.
"""

from __future__ import annotations

import importlib
import sys
import threading

_LOCK = threading.Lock()
_SKIPPED = "scipy.stats"


def load_nltk() -> None:
    """Import NLTK (once per process) without ``scipy.stats``."""
    if "nltk" in sys.modules:
        return
    with _LOCK:
        if "nltk" in sys.modules:
            return
        marked = _SKIPPED not in sys.modules
        if marked:
            sys.modules[_SKIPPED] = None  # type: ignore[assignment]
        try:
            importlib.import_module("nltk")
        finally:
            if marked and sys.modules.get(_SKIPPED, 0) is None:
                del sys.modules[_SKIPPED]

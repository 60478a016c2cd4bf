"""NLTK, loaded without SciPy's statistics and sparse matrices.

Importing any part of NLTK runs its package ``__init__``, which loads its collocation
measures and its transition parser and, through them, ``scipy.stats`` and ``scipy.sparse``
when SciPy is installed (it is: datasketch needs it). That alone takes most of a second of
every command that stems or tokenises. Dateline uses NLTK's Porter stemmer and Treebank
tokenizer only, so while NLTK loads, those two modules are refused to the loading thread
alone (a finder placed first on ``sys.meta_path``), which NLTK expects and handles: other
threads, and later imports, get them as usual. What NLTK decided at import stays for the
process: its Fisher exact test for collocations is unavailable, and its transition parser
(which needs scikit-learn as well) cannot train. Dateline uses neither.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import threading
from collections.abc import Sequence
from types import ModuleType

_LOCK = threading.Lock()
_SKIPPED = ("scipy.stats", "scipy.sparse")


class _Refuse(importlib.abc.MetaPathFinder):
    """Refuses the skipped modules (and their submodules) to one thread."""

    def __init__(self, thread: int) -> None:
        self.thread = thread

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if threading.get_ident() == self.thread and any(
            fullname == name or fullname.startswith(name + ".") for name in _SKIPPED
        ):
            raise ModuleNotFoundError(f"{fullname} is not loaded with NLTK", name=fullname)
        return None  # anything else: the next finder's


def load_nltk() -> None:
    """Import NLTK (once per process) without SciPy's statistics and sparse matrices."""
    if "nltk" in sys.modules:
        return
    with _LOCK:
        if "nltk" in sys.modules:
            return
        refuse = _Refuse(threading.get_ident())
        sys.meta_path.insert(0, refuse)
        try:
            importlib.import_module("nltk")
        finally:
            sys.meta_path.remove(refuse)

"""Dateline: a sourced dossier from a pile of news articles.

>>> import dateline
>>> d = dateline.open("dateline.db")      # doctest: +SKIP
>>> d.ingest(["articles/"])               # doctest: +SKIP
>>> d.figures().to_pandas()               # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dateline.model import (
    Document,
    Entity,
    Event,
    Figure,
    Participant,
    Promise,
    Role,
    Source,
)

if TYPE_CHECKING:
    from dateline.service import Dossier

__version__ = "0.1.0"

SAMPLE_CORPUS = Path(__file__).resolve().parent / "data" / "sample"

__all__ = [
    "SAMPLE_CORPUS",
    "Document",
    "Dossier",
    "Entity",
    "Event",
    "Figure",
    "Participant",
    "Promise",
    "Role",
    "Source",
    "__version__",
    "open",
]


def open(location: str | Path = "dateline.db") -> Dossier:
    """Open (or create) the dossier stored at ``location``."""
    from dateline.service import Dossier

    return Dossier.open(location)


def __getattr__(name: str) -> object:
    # The service pulls in the NLP stack; import it only when asked for.
    if name == "Dossier":
        from dateline.service import Dossier

        return Dossier
    raise AttributeError(name)

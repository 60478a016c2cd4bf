"""The Dask engine: the per-document stages (read + prepare, and analysis) on a Dask cluster.

The client lists the files, sends them to the workers in small batches and takes the results
back in submission order, so everything after (deduplication and date settlement, storing,
entity resolution, extraction, clustering, the timeline) runs in the client in the same order
as the single-process engine, and the dossier comes out identical. At most a few batches are
in flight at once, so a corpus of millions of articles never sits in memory whole.

Workers read the files themselves: with ``scheduler`` (a running cluster) every worker must
see the paths the client names (a shared file system). The spaCy model is loaded once per
worker process and kept in a module-level cache there; tasks only carry texts and names.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from dateline.analyse.codec import encode
from dateline.analyse.nlp import DEFAULT_MODEL, Analyzer
from dateline.errors import DatelineError
from dateline.model import ReadProblem
from dateline.pipeline.prepare import Prepared, prepare
from dateline.read import find_files, read_file

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")
T = TypeVar("T")
R = TypeVar("R")

# Worker-side cache: one Analyzer (one loaded model) per model name and worker process.
_ANALYZERS: dict[str, Analyzer] = {}


def worker_analyzer(model: str) -> Analyzer:
    """This process's analyzer for ``model``, loading the model on first use only."""
    if model not in _ANALYZERS:
        _ANALYZERS[model] = Analyzer(model)
    return _ANALYZERS[model]


def loaded_models() -> dict[str, int]:
    """Models loaded in this process, each with its object's id: a probe that shows a worker
    keeps one model across tasks."""
    return {name: id(a.nlp) for name, a in _ANALYZERS.items() if a._nlp is not None}


def model_identity(model: str) -> tuple[str, str]:
    """(model name, model version) as the cache keys them; runs on a worker."""
    analyzer = worker_analyzer(model)
    return analyzer.model_name, analyzer.model_version


def prepare_files(
    files: Sequence[tuple[str, str | None]], today: date, date_from_path: bool
) -> list[Prepared | ReadProblem]:
    """Read and prepare a batch of files (as find_files lists them); runs on a worker.

    A file that cannot be read comes back as a problem naming it, as in the local engine.
    """
    out: list[Prepared | ReadProblem] = []
    for shown, path in files:
        if path is None:
            out.append(ReadProblem(shown, "no such file or folder"))
            continue
        for item in read_file(shown, Path(path)):
            if isinstance(item, ReadProblem):
                out.append(item)
            else:
                out.append(prepare(item, today, date_from_path))
    return out


def analyse_texts(items: Sequence[tuple[str, str]], model: str) -> list[tuple[str, bytes]]:
    """Analyse (document id, text) pairs with this worker's model; encoded, in order."""
    analyzer = worker_analyzer(model)
    return [(a.document_id, encode(a)) for a in analyzer.analyse(items)]


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class DaskEngine:
    """A Dask client: a private ``LocalCluster`` of ``workers`` processes (one thread each),
    or the running cluster at ``scheduler``. Use as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int = 2,
        model: str = DEFAULT_MODEL,
        files_per_task: int = 8,
        texts_per_task: int = 16,
    ) -> None:
        import dask  # only the Dask engine needs it
        from distributed import Client, LocalCluster

        if workers < 1:
            raise DatelineError("workers must be at least 1")
        self.model = model
        self.files_per_task = files_per_task
        self.texts_per_task = texts_per_task
        self._cluster: Any = None
        try:
            if scheduler is None:
                # Each worker's sampling profiler (for a dashboard page nobody opens on a
                # private cluster) reads the analysis thread's stack every 10 ms: about a
                # twentieth of a worker's CPU, taken from the cores the analyses share.
                with dask.config.set({"distributed.worker.profile.enabled": False}):
                    self._cluster = LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=":0",  # any free port: clusters run side by side
                        silence_logs=logging.WARNING,
                    )
                self.client = Client(self._cluster)
            else:
                self.client = Client(scheduler, timeout="30s")
        except OSError as exc:
            if self._cluster is not None:
                self._cluster.close()
            raise DatelineError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        self._identity: tuple[str, str] | None = None

    @property
    def workers(self) -> int:
        return len(self.client.scheduler_info(n_workers=-1)["workers"])

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def warm(self) -> None:
        """Load the model on every worker now (else each loads it on its first task)."""
        self.client.run(model_identity, self.model)

    def identity(self) -> tuple[str, str]:
        """The workers' (model name, model version): the key of the analysis cache."""
        if self._identity is None:
            self._identity = self.client.submit(model_identity, self.model, pure=False).result()
        return self._identity

    def ordered(
        self, fn: Callable[..., list[R]], batches: Iterable[Any], *args: object
    ) -> Iterator[R]:
        """Each result of ``fn(batch, *args)`` over the batches, in order, a few in flight."""
        window: deque[Any] = deque()
        in_flight = 2 * max(1, self.workers) + 1
        for batch in batches:
            window.append(self.client.submit(fn, batch, *args, pure=False))
            if len(window) >= in_flight:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()

    def prepare(
        self, paths: Iterable[str], today: date, date_from_path: bool = False
    ) -> Iterator[Prepared | ReadProblem]:
        """Every prepared document (or read problem) under ``paths``, in the local order."""
        files = ((shown, None if p is None else str(p)) for shown, p in find_files(paths))
        batches = _batches(files, self.files_per_task)
        yield from self.ordered(prepare_files, batches, today, date_from_path)

    def analyse(self, items: Iterable[tuple[str, str]]) -> Iterator[tuple[str, bytes]]:
        """(document id, encoded analysis) for each (document id, text), in order."""
        yield from self.ordered(analyse_texts, _batches(items, self.texts_per_task), self.model)


Engine = str | DaskEngine | None


@contextmanager
def use_engine(
    engine: Engine = "local", scheduler: str | None = None, workers: int | None = None
) -> Iterator[DaskEngine | None]:
    """The engine to run on: None for the single-process one, else a Dask engine (made here
    and closed after, unless one was given)."""
    if engine is None or isinstance(engine, DaskEngine):
        yield engine
        return
    if engine not in ENGINES:
        raise DatelineError(f"engine must be one of {', '.join(ENGINES)}")
    if engine == "local":
        if scheduler is not None:
            raise DatelineError("--scheduler needs --engine dask")
        yield None
        return
    with DaskEngine(scheduler, workers or 2) as dask_engine:
        yield dask_engine

"""The garbage collector's passes, paused where a stage makes many objects it cannot free.

A full pass walks every live object. Where a stage makes hundreds of thousands that form no
cycle (reference counting frees them) or that live on (what a build keeps), the passes
their making sets off only walk them again and again as they grow. Inside
:func:`collector_paused` no pass runs, in any thread.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collector_paused"]


class _Pause:
    """The collector runs again when the last paused stage ends, unless something else had
    turned it off; while paused stages keep overlapping (a busy web app), it makes one
    pass every ``_OVERLAPPING`` of them, so cycles made meanwhile elsewhere are still freed."""

    _OVERLAPPING = 16

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._inside = 0  # stages paused, in any thread
        self._done = 0  # stages ended since the collector last ran
        self._resume = False

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._inside == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._inside += 1
        try:
            yield
        finally:
            with self._lock:
                self._inside -= 1
                self._done += 1
                due = self._resume and (self._inside == 0 or self._done >= self._OVERLAPPING)
                if due:
                    self._done = 0
                    if self._inside == 0:
                        gc.enable()
            if due and not gc.isenabled():
                gc.collect()  # outside the lock: the others' stages go on meanwhile


collector_paused = _Pause()

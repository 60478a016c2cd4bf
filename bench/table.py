"""The tables benches print: aligned text for people, JSON for other tools (``--json``).

Column names carry their unit, so a row read as JSON needs no legend: times in ms with
``p50``/``p95`` in the name (``"p95 ms"``), throughputs with ``docs/s``. With ``--json`` the
bench's progress and notes go to stderr and stdout holds one JSON object,
``{"rows": [...], ...}``, with whatever context the bench adds (machine load, sizes).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from typing import Any


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help='print {"rows": [...]} as JSON; notes go to stderr'
    )


@contextlib.contextmanager
def notes_to_stderr(enabled: bool) -> Iterator[None]:
    """Inside, ``print`` goes to stderr when ``enabled``: stdout stays one JSON object."""
    if not enabled:
        yield
        return
    with contextlib.redirect_stdout(sys.stderr):
        yield


class Table:
    """Rows of named columns; ``columns`` are names or ``(name, format spec)`` pairs."""

    def __init__(self, *columns: str | tuple[str, str]) -> None:
        self.names = [c if isinstance(c, str) else c[0] for c in columns]
        self.specs = {c[0]: c[1] for c in columns if not isinstance(c, str)}
        self.rows: list[dict[str, Any]] = []

    def add(self, *values: Any) -> dict[str, Any]:
        if len(values) != len(self.names):
            raise ValueError(f"{len(values)} values for {len(self.names)} columns")
        row = dict(zip(self.names, values, strict=True))
        self.rows.append(row)
        return row

    def cell(self, name: str, value: Any) -> str:
        if value is None:
            return "-"
        spec = self.specs.get(name)
        return format(value, spec) if spec else str(value)

    def text(self) -> str:
        cells = [[self.cell(n, row[n]) for n in self.names] for row in self.rows]
        widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(self.names)]
        # words read from the left, numbers line up on the right
        left = [all(isinstance(row[n], str) for row in self.rows) for n in self.names]

        def line(values: list[str]) -> str:
            return " ".join(
                v.ljust(w) if lft else v.rjust(w)
                for v, w, lft in zip(values, widths, left, strict=True)
            ).rstrip()

        return "\n".join([line(self.names), *(line(r) for r in cells)])

    def json(self, **context: Any) -> str:
        return json.dumps({**context, "rows": self.rows}, default=str)

    def emit(self, as_json: bool, **context: Any) -> None:
        """Print the table: JSON with ``context`` beside the rows, or aligned text."""
        print(self.json(**context) if as_json else self.text(), flush=True)

"""All terminal output of the CLI: Rich tables, colour only on a terminal."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from dateline.model import BuildReport, Document, Entity, Figure, IngestReport, Role, SearchHit


def console(stderr: bool = False) -> Console:
    # Rich turns colour off by itself when the stream is not a terminal; piped output
    # gets a wide page so ids and paths are not folded for the next tool in the pipe.
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else 200
    return Console(stderr=stderr, highlight=False, width=width)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _label(doc: Document, width: int = 60) -> str:
    label = doc.title or " ".join(doc.text.split()[:12])
    return label if len(label) <= width else label[: width - 1] + "…"


def documents_table(docs: Sequence[Document]) -> Table:
    table = Table(title=f"{len(docs)} documents", title_justify="left")
    for name in ("id", "published", "how", "duplicate of", "removed", "title / opening", "path"):
        table.add_column(name, overflow="fold")
    for doc in docs:
        table.add_row(
            doc.id,
            doc.published or "—",
            doc.published_how or "unknown",
            doc.duplicate_of or "",
            str(sum(1 for e in doc.edits if e.is_removal)),
            _label(doc),
            doc.path,
        )
    return table


def search_table(query: str, hits: Sequence[SearchHit]) -> Table:
    table = Table(title=f"{len(hits)} results for {query!r}", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("document")
    table.add_column("published")
    table.add_column("snippet", overflow="fold")
    for n, hit in enumerate(hits, start=1):
        table.add_row(str(n), hit.document_id, hit.published or "—", hit.snippet)
    return table


def ingest_summary(report: IngestReport) -> str:
    parts = [
        f"{len(report.added)} added",
        f"{len(report.updated)} updated",
        f"{len(report.unchanged)} already stored",
        f"{len(report.problems)} skipped",
    ]
    return "Ingest: " + ", ".join(parts)


def stats_line(stats: dict[str, object]) -> str:
    span = ""
    if stats.get("first_published"):
        span = f", published {stats['first_published']} … {stats['last_published']}"
    model = f"; analysed with {stats['analysis_model']}" if stats.get("analysis_model") else ""
    return (
        f"Dossier: {stats['documents']} documents, {stats['duplicates']} duplicates, "
        f"{stats['dated']} dated{span}{model}"
    )


def build_summary(report: BuildReport) -> str:
    return (
        f"Analysis: {report.documents} documents ({report.analysed} read by the model), "
        f"{report.entities} entities, {report.events} events, {report.figures} figures, "
        f"{report.promises} promises"
    )


def role_line(role: Role) -> str:
    org = f" ({role.org})" if role.org else ""
    return f"{role.title}{org} {role.first_seen or '?'} … {role.last_seen or '?'}"


def entities_table(entities: Sequence[Entity]) -> Table:
    table = Table(title=f"{len(entities)} entities", title_justify="left")
    for name in ("name", "kind", "mentions", "aliases", "roles"):
        table.add_column(name, overflow="fold")
    for e in entities:
        roles = "\n".join(role_line(r) for r in e.roles)
        aliases = ", ".join(a for a in e.aliases if a != e.name)
        table.add_row(e.name, e.kind, str(e.mentions), aliases, roles)
    return table


def format_value(value: float, unit: str) -> str:
    number = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    return f"{number} {unit}"


def figures_table(figures: Sequence[Figure]) -> Table:
    table = Table(title=f"{len(figures)} figures", title_justify="left")
    for name in ("subject", "value", "previous", "as of", "sources"):
        table.add_column(name, overflow="fold")
    for f in figures:
        previous = format_value(f.previous, f.unit) if f.previous is not None else ""
        documents = len({s.document_id for s in f.sources})
        table.add_row(
            f.subject, format_value(f.value, f.unit), previous, f.as_of or "—", str(documents)
        )
    return table

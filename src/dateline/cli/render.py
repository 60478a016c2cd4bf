"""All terminal output of the CLI: Rich tables, colour only on a terminal."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dateline.model import (
    BuildReport,
    Document,
    Entity,
    EntityProfile,
    IngestReport,
    Role,
    SearchHit,
)


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
        f"Analysis: {report.documents} documents ({report.analysed} read by the model, "
        f"{report.extracted + report.relinked} re-extracted), "
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


def figures_table(figures: Sequence[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(figures)} figures", title_justify="left")
    for name in ("subject", "value", "previous", "as of", "documents", "flags"):
        table.add_column(name, overflow="fold")
    for f in figures:
        previous = format_value(f["previous"], f["unit"]) if f["previous"] is not None else ""
        table.add_row(
            f["subject"],
            format_value(f["value"], f["unit"]),
            previous,
            f["as_of"] or "—",
            str(len({s["document"] for s in f["sources"]})),
            flags(f.get("corroboration")),
        )
    return table


def flags(corroboration: dict[str, Any] | None) -> str:
    """Warnings a reader should see next to a claim."""
    if not corroboration:
        return ""
    marks = []
    if corroboration["single_source"]:
        marks.append("single source")
    if corroboration["speculative"]:
        marks.append("speculative")
    return ", ".join(marks)


def events_table(events: Sequence[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(events)} events", title_justify="left")
    for name in ("id", "date", "type", "title", "participants", "documents", "flags"):
        table.add_column(name, overflow="fold")
    for e in events:
        when = e["date"] or "undated"
        if e["precision"] in ("month", "year"):
            when = e["date"][: 7 if e["precision"] == "month" else 4]
        backing = e.get("corroboration") or {}
        table.add_row(
            e["id"],
            when,
            e["type"],
            e["title"],
            ", ".join(p["entity"] for p in e["participants"]),
            str(backing.get("documents", len(e["sources"]))),
            flags(backing),
        )
    return table


def print_event(out: Console, e: dict[str, Any]) -> None:
    out.print(f"[bold]{escape(e['title'])}[/bold]  ({e['type']}, {e['id']})")
    span = f" to {e['end_date']}" if e.get("end_date") and e["end_date"] != e["date"] else ""
    out.print(f"date: {e['date'] or 'undated'}{span} ({e['precision'] or 'unknown'} precision)")
    if e["location"]:
        out.print(f"place: {escape(e['location'])}")
    for p in e["participants"]:
        out.print(f"  - {escape(p['entity'])}" + (f", {escape(p['role'])}" if p["role"] else ""))
    backing = e.get("corroboration") or {}
    if backing:
        out.print(
            f"reported by {backing['documents']} documents, {backing['outlets']} outlets, "
            f"{backing['stories']} stories {flags(backing)}".rstrip()
        )
    for s in e["sources"]:
        out.print(f"[dim]{s['document']} {s['start']}-{s['end']}[/dim] {escape(s['sentence'])}")


def print_profile(out: Console, profile: EntityProfile) -> None:
    e = profile.entity
    out.print(f"[bold]{escape(e.name)}[/bold]  ({e.kind}, {e.mentions} mentions, {e.id})")
    if len(e.aliases) > 1:
        out.print("also written: " + escape(", ".join(a for a in e.aliases if a != e.name)))
    for role in e.roles:
        out.print(f"  role: {escape(role_line(role))}")
    table = Table(title=f"{len(profile.events)} events", title_justify="left")
    for name in ("date", "type", "title"):
        table.add_column(name, overflow="fold")
    for event in profile.events:
        table.add_row(event.date or "undated", event.type, event.title)
    out.print(table)
    if profile.met:
        out.print("met: " + escape(", ".join(f"{m.name} ({m.events})" for m in profile.met)))


def print_promises(
    out: Console, promises: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]]
) -> None:
    by_id = {e["id"]: e for e in events}
    for status, heading in (("fulfilled", "Kept"), ("open", "Open")):
        chosen = [p for p in promises if p["status"] == status]
        out.print(f"[bold]{heading} ({len(chosen)})[/bold]")
        for p in chosen:
            when = f", {p['made_on']}" if p["made_on"] else ""
            due = f", due {p['due']}" if p["due"] else ""
            actor = escape(p["actor"] or "someone")
            out.print(f"  - {actor} ({p['kind']}{when}{due}): {escape(p['text'])}")
            kept = by_id.get(p["fulfilled_by"] or "")
            if kept:
                out.print(
                    f"    kept by: {escape(kept['title'])} ({kept['date'] or 'undated'}, "
                    f"{kept['id']})"
                )
                for s in kept["sources"][:2]:
                    out.print(f"      [dim]{escape(s['sentence'])}[/dim]")


def print_timeline(out: Console, entries: Sequence[dict[str, Any]]) -> None:
    if not entries:
        out.print("No dated events yet.")
    if sampled := [e["sample"] for e in entries if e.get("sample", 1.0) < 1.0]:
        out.print(f"[dim]Summarised from an even sample of {min(sampled):.1%} of the articles "
                  "(more candidate sentences than --budget).[/dim]")  # fmt: skip
    for entry in entries:
        count = len(entry["documents"])
        out.print(f"[bold]{entry['date']}[/bold]  [dim]{count} document{'s' * (count != 1)}[/dim]")
        for event in entry["events"]:
            out.print(f"  [cyan]{event['type']}[/cyan] {escape(event['title'])}  [dim]{event['id']}"
                      f"[/dim] {flags(event['corroboration'])}")  # fmt: skip
        for sentence in entry["summary"]:
            out.print(f"  - {escape(sentence['sentence'])} [dim]({sentence['document']})[/dim]")


def scores_table(data: dict[str, Any]) -> Table:
    setup = data["setup"]
    table = Table(
        title=f"{data['predicted_dates']} dates against {data['gold']} "
        f"({setup['dates']} dates, {setup['sentences']} sentences, "
        f"{setup['since']} … {setup['until']})",
        title_justify="left",
    )
    for name in ("metric", "precision", "recall", "F1"):
        table.add_column(name, justify="right" if name != "metric" else "left")
    rows = [("date", data["dates"])]
    for variant in ("concat", "agreement", "align_m1"):
        for order in ("rouge_1", "rouge_2"):
            rows.append((f"{variant} {order.replace('_', '-').upper()}", data[variant][order]))
    for name, s in rows:
        table.add_row(name, f"{s['precision']:.4f}", f"{s['recall']:.4f}", f"{s['f1']:.4f}")
    return table

"""All terminal output of the CLI: Rich tables, colour only on a terminal."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from dateline.model import (
    BuildReport,
    Document,
    Entity,
    EntityProfile,
    IngestReport,
    Role,
    SearchHit,
    snippet_spans,
)

# C0 and C1 control characters (a newline and a tab aside) and the bidirectional overrides:
# article text and file names could move the cursor, recolour or retitle the terminal, or
# show text in another order than it is stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(value: object) -> str:
    """Text from an article or a file name, safe to put on a terminal."""
    return _CONTROL.sub("", str(value)).replace("\t", " ")


def lit(value: object) -> str:
    """``plain`` text that Rich prints as it is, never as markup (``[bold]``, ``[link=…]``)."""
    return escape(plain(value))


def cell(value: object) -> Text:
    """A table cell of data: a Text is never parsed as markup."""
    return Text(plain(value))


def console(stderr: bool = False) -> Console:
    # Rich turns colour off by itself when the stream is not a terminal; piped output
    # gets a wide page (or $COLUMNS) so ids and paths are not folded for the next tool.
    stream = sys.stderr if stderr else sys.stdout
    columns = os.environ.get("COLUMNS", "")
    width = None if stream.isatty() else int(columns) if columns.isdigit() else 200
    # no :emoji: codes either: article text is printed, never interpreted
    return Console(stderr=stderr, highlight=False, emoji=False, width=width)


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def print_json(data: Any) -> None:
    # json escapes C0 controls itself; C1 (a terminal reads 0x9b as ESC [) and the bidi
    # overrides are written as \u escapes too: the same JSON, harmless on a terminal.
    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.write(text + "\n")


class LineProgress:
    """Progress for a log, not a terminal: a plain line per stage at most every ``every``
    seconds, and when the stage is done, with counts and the time left."""

    def __init__(
        self, out: Console, every: float = 10.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.out, self.every, self.clock = out, every, clock
        self.tasks: list[dict[str, Any]] = []

    def add_task(self, description: str, total: int | None = None) -> int:
        now = self.clock()
        self.tasks.append({"name": description, "total": total, "done": 0, "start": now,
                           "said": None})  # fmt: skip
        return len(self.tasks) - 1

    def advance(self, task: int, advance: int = 1) -> None:
        self.update(task, completed=self.tasks[task]["done"] + advance)

    def update(self, task: int, completed: int | None = None, total: int | None = None) -> None:
        t = self.tasks[task]
        if total is not None:
            t["total"] = total
        if completed is not None:
            t["done"] = completed
        now = self.clock()
        finished = t["total"] is not None and t["done"] >= t["total"]
        if finished or t["said"] is None or now - t["said"] >= self.every:
            if finished and t.get("finished"):
                return
            t["said"], t["finished"] = now, finished
            self.out.print(progress_line(t["name"], t["done"], t["total"], now - t["start"]),
                           soft_wrap=True)  # fmt: skip


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def progress_line(name: str, done: int, total: int | None, elapsed: float) -> str:
    """``ingest: 120/400 (30%), 0:01:02 elapsed, about 0:02:25 left``"""
    if not total:
        return f"{lit(name)}: {done} done, {_clock(elapsed)} elapsed"
    left = "done" if done >= total else (
        f"about {_clock(elapsed / done * (total - done))} left" if done else "time left unknown"
    )  # fmt: skip
    return (f"{lit(name)}: {done}/{total} ({done / total:.0%}), {_clock(elapsed)} elapsed, "
            f"{left}")  # fmt: skip


@contextmanager
def progress(out: Console, enabled: bool = True) -> Iterator[Any]:
    """A progress display: a bar with counts and the time left on a terminal, plain
    periodic lines elsewhere (the log of a batch job), nothing when not ``enabled``."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    if enabled and not out.is_terminal:
        yield LineProgress(out)
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=out,
        disable=not enabled,
        transient=True,
    ) as bar:
        yield bar


def shorten(text: str, width: int) -> str:
    """``text`` cut at a word to fit ``width`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def _label(doc: Document, width: int = 60) -> str:
    label = doc.title or " ".join(doc.text.split()[:12])
    if doc.not_article:  # stored and searchable, never cited: say so where it is listed
        label = f"({doc.not_article}) {label}"
    return shorten(label, width)


def source_name(doc: Document) -> str:
    """Where a document came from, short: the URL's host, else the file's name."""
    from urllib.parse import urlsplit

    if doc.url:
        host = urlsplit(doc.url if "//" in doc.url else f"//{doc.url}").hostname or ""
        if host.removeprefix("www."):
            return host.removeprefix("www.")
    return os.path.basename(doc.path.rstrip("/\\")) or doc.path


def documents_table(docs: Sequence[Document], width: int | None = None) -> Table:
    """One line a document, fitted to ``width`` columns: ids shortened to a prefix that is
    unique among them (as git does), the outlet or file name (never a whole path), the
    title cut at a word; below 100 columns the date's provenance is left out. ``--json``
    has every field whole."""
    short = _short_ids([d.id for d in docs])
    narrow = width is not None and width < 100
    columns = ["id", "published"] + ([] if narrow else ["how"]) + ["copy of"]
    sizes = {"id": max(len(v) for v in short.values()) if short else 2, "published": 10,
             "how": 9, "copy of": 7}  # fmt: skip
    # a column takes its width plus three (padding and the separator); one more at the end
    room = None if width is None else max(20, width - sum(sizes[c] + 3 for c in columns) - 7)
    source_width = None if room is None else max(8, min(24, room // 3))
    title_width = None if room is None or source_width is None else room - source_width
    table = Table(title=f"{len(docs)} documents", title_justify="left", box=box.SIMPLE_HEAD)
    for name in columns:
        table.add_column(name, no_wrap=True, min_width=min(sizes[name], len(name)))
    table.add_column("source", no_wrap=True, overflow="ellipsis", max_width=source_width)
    table.add_column("title / opening", no_wrap=True, overflow="ellipsis", max_width=title_width)
    for doc in docs:
        row = [short[doc.id], doc.published or "—"]
        if not narrow:
            row.append(doc.published_how or "unknown")
        row.append(short.get(doc.duplicate_of or "", doc.duplicate_of or ""))
        table.add_row(*row, cell(source_name(doc)), cell(_label(doc, title_width or 60)))
    return table


def _short_ids(ids: Sequence[str], least: int = 7) -> dict[str, str]:
    """Each id cut to the shortest prefix of ``least`` characters or more that is still
    unique among ``ids``."""
    size, unique = least, len(set(ids))
    while len({i[:size] for i in ids}) < unique:
        size += 1
    return {i: i[:size] for i in ids}


def search_table(query: str, hits: Sequence[SearchHit]) -> Table:
    table = Table(title=f"{len(hits)} results for {lit(repr(query))}", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("document")
    table.add_column("published")
    table.add_column("snippet", overflow="fold")
    for n, hit in enumerate(hits, start=1):
        table.add_row(str(n), hit.document_id, hit.published or "—", highlighted(hit.snippet))
    return table


def highlighted(snippet: str) -> Text:
    """A search snippet with its matches in bold (reverse video when there is no colour)."""
    text, spans = snippet_spans(snippet)
    out = Text()
    pos = 0
    for start, end in spans:
        out.append(plain(text[pos:start]))
        out.append(plain(text[start:end]), style="bold reverse")
        pos = end
    out.append(plain(text[pos:]))
    return out


def search_dicts(hits: Sequence[SearchHit]) -> list[dict[str, Any]]:
    """Hits for ``--json``: the snippet as plain text, the matches as offsets into it."""
    out = []
    for hit in hits:
        text, spans = snippet_spans(hit.snippet)
        out.append({
            "document_id": hit.document_id, "title": hit.title, "path": hit.path,
            "published": hit.published, "snippet": text,
            "matches": [list(span) for span in spans], "rank": hit.rank,
        })  # fmt: skip
    return out


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
        table.add_row(cell(e.name), e.kind, str(e.mentions), cell(aliases), cell(roles))
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
            cell(f["subject"]),
            cell(format_value(f["value"], f["unit"])),
            cell(previous),
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
            cell(e["title"]),
            cell(", ".join(p["entity"] for p in e["participants"])),
            str(backing.get("documents", len(e["sources"]))),
            flags(backing),
        )
    return table


def print_event(out: Console, e: dict[str, Any]) -> None:
    out.print(f"[bold]{lit(e['title'])}[/bold]  ({e['type']}, {e['id']})")
    span = f" to {e['end_date']}" if e.get("end_date") and e["end_date"] != e["date"] else ""
    out.print(f"date: {e['date'] or 'undated'}{span} ({e['precision'] or 'unknown'} precision)")
    if e["location"]:
        out.print(f"place: {lit(e['location'])}")
    for p in e["participants"]:
        out.print(f"  - {lit(p['entity'])}" + (f", {lit(p['role'])}" if p["role"] else ""))
    backing = e.get("corroboration") or {}
    if backing:
        out.print(
            f"reported by {backing['documents']} documents, {backing['outlets']} outlets, "
            f"{backing['stories']} stories {flags(backing)}".rstrip()
        )
        for report in backing.get("reports", []):
            first, *copies = report["documents"]
            also = f" (copies: {', '.join(copies)})" if copies else ""
            out.print(f"  story {report['story']}: {first}{also}")
    for s in e["sources"]:
        out.print(f"[dim]{s['document']} {s['start']}-{s['end']}[/dim] {lit(s['sentence'])}")


def print_profile(out: Console, profile: EntityProfile) -> None:
    e = profile.entity
    out.print(f"[bold]{lit(e.name)}[/bold]  ({e.kind}, {e.mentions} mentions, {e.id})")
    if len(e.aliases) > 1:
        out.print("also written: " + lit(", ".join(a for a in e.aliases if a != e.name)))
    for role in e.roles:
        out.print(f"  role: {lit(role_line(role))}")
    table = Table(title=f"{len(profile.events)} events", title_justify="left")
    for name in ("date", "type", "title"):
        table.add_column(name, overflow="fold")
    for event in profile.events:
        table.add_row(event.date or "undated", event.type, cell(event.title))
    out.print(table)
    if profile.met:
        out.print("met: " + lit(", ".join(f"{m.name} ({m.events})" for m in profile.met)))


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
            actor = lit(p["actor"] or "someone")
            out.print(f"  - {actor} ({p['kind']}{when}{due}): {lit(p['text'])}")
            kept = by_id.get(p["fulfilled_by"] or "")
            if kept:
                out.print(
                    f"    kept by: {lit(kept['title'])} ({kept['date'] or 'undated'}, {kept['id']})"
                )
                for s in kept["sources"][:2]:
                    out.print(f"      [dim]{lit(s['sentence'])}[/dim]")


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
            out.print(f"  [cyan]{event['type']}[/cyan] {lit(event['title'])}  [dim]{event['id']}"
                      f"[/dim] {flags(event['corroboration'])}")  # fmt: skip
        for sentence in entry["summary"]:
            out.print(f"  - {lit(sentence['sentence'])} [dim]({sentence['document']})[/dim]")


def scores_table(data: dict[str, Any]) -> Table:
    setup = data["setup"]
    table = Table(
        title=f"{data['predicted_dates']} dates against {lit(data['gold'])} "
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

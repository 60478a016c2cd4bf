"""Typer root: each command parses options, calls the Dossier, and renders the result."""

from __future__ import annotations

import dataclasses
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from dateline import __version__
from dateline.cli import render
from dateline.errors import DatelineError
from dateline.export.csv import write_csv
from dateline.export.json import entity_dict, event_dict
from dateline.model import BuildReport, EntityProfile
from dateline.read import find_files
from dateline.service import Dossier

EXPORT_FORMATS = ("json", "csv")
SAMPLE_CORPUS = Path(__file__).resolve().parent.parent / "data" / "sample"

app = typer.Typer(
    name="dateline",
    help="Turn a pile of news articles into a sourced dossier.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="DATELINE_DB",
        help="Store path (else $DATELINE_DB, else ./dateline.db).",
        show_default=True,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def fail(message: str, code: int = 1) -> typer.Exit:
    render.console(stderr=True).print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    return typer.Exit(code)


def open_dossier(db: str) -> Dossier:
    try:
        return Dossier.open(db)
    except DatelineError as exc:
        raise fail(str(exc)) from None


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"dateline {__version__}")
        raise typer.Exit()


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders (searched recursively).")
    ] = None,
    db: DbOption = "dateline.db",
    sample: Annotated[
        bool, typer.Option("--sample", help="Ingest the bundled sample corpus.")
    ] = False,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
    analyse: Annotated[
        bool, typer.Option(help="Analyse and rebuild the dossier after storing.")
    ] = True,
) -> None:
    """Read, clean, deduplicate, date and store articles, then rebuild the dossier.

    Safe to re-run: stored articles are skipped, and an interrupted run resumes.
    """
    targets = [str(p) for p in (paths or [])]
    if sample:
        targets.append(str(SAMPLE_CORPUS))
    if not targets:
        raise fail("give files or folders to ingest, or --sample", code=2)
    out = render.console(stderr=True)
    with open_dossier(db) as dossier:
        total = sum(1 for _ in find_files(targets))
        with Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=out,
            disable=not progress,
            transient=True,
        ) as bar:
            task = bar.add_task("ingest", total=total)
            seen: set[str] = set()

            def advance(path: str) -> None:
                if path not in seen:  # a JSON file of many records is one step
                    seen.add(path)
                    bar.advance(task)

            report = dossier.ingest(targets, progress=advance, build=False)
        for problem in report.problems:
            out.print(f"[yellow]skipped[/yellow] {escape(str(problem))}", soft_wrap=True)
        out.print(render.ingest_summary(report))
        if analyse:
            out.print(render.build_summary(run_build(dossier, progress)))
        out.print(render.stats_line(dossier.stats()))
    if report.problems:
        raise typer.Exit(1)


def texts(dossier: Dossier) -> dict[str, str]:
    return {d.id: d.text for d in dossier.documents()}


def profile_dict(profile: EntityProfile, dossier: Dossier) -> dict[str, Any]:
    clean = texts(dossier)
    backing = dossier.corroboration()
    return {
        **entity_dict(profile.entity, clean),
        "events": [event_dict(e, clean, backing.get(e.id)) for e in profile.events],
        "met": [dataclasses.asdict(m) for m in profile.met],
    }


def run_build(dossier: Dossier, progress: bool) -> BuildReport:
    out = render.console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=out,
        disable=not progress,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def advance(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        return dossier.build(progress=advance)


@app.command()
def build(
    db: DbOption = "dateline.db",
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
) -> None:
    """Analyse stored articles and rebuild entities, events, figures and promises."""
    with open_dossier(db) as dossier:
        render.console(stderr=True).print(render.build_summary(run_build(dossier, progress)))


@app.command()
def entities(db: DbOption = "dateline.db", as_json: JsonOption = False) -> None:
    """People, organisations and places, each spelling merged, with roles over time."""
    with open_dossier(db) as dossier:
        if as_json:
            render.print_json(dossier.export()["entities"])
        else:
            render.console().print(render.entities_table(dossier.entities()))


@app.command()
def figures(db: DbOption = "dateline.db", as_json: JsonOption = False) -> None:
    """Reported money and counts: subject, value, the value it changed from, date, sources."""
    with open_dossier(db) as dossier:
        exported = dossier.export()["figures"]
    if as_json:
        render.print_json(exported)
    else:
        render.console().print(render.figures_table(exported))


app.command("facts", help="Alias of `figures`.")(figures)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="A name in any spelling, an alias or an id.")],
    db: DbOption = "dateline.db",
    as_json: JsonOption = False,
) -> None:
    """One entity: aliases, roles over time, its events, and who it met how often."""
    with open_dossier(db) as dossier:
        profile = dossier.entity(name)
        if profile is None:
            raise fail(f"no entity called {name!r}; see `dateline entities`")
        if as_json:
            render.print_json(profile_dict(profile, dossier))
        else:
            render.print_profile(render.console(), profile)


@app.command()
def event(
    event_id: Annotated[str, typer.Argument(help="An event id (see `dateline events`).")],
    db: DbOption = "dateline.db",
    as_json: JsonOption = False,
) -> None:
    """One event: type, date, participants, place, corroboration and every source sentence."""
    with open_dossier(db) as dossier:
        found = dossier.event(event_id)
        if found is None:
            raise fail(f"no event {event_id!r}; see `dateline events`")
        data = event_dict(found, texts(dossier), dossier.corroboration().get(found.id))
    if as_json:
        render.print_json(data)
    else:
        render.print_event(render.console(), data)


@app.command()
def events(db: DbOption = "dateline.db", as_json: JsonOption = False) -> None:
    """Every event in date order, with type, participants and corroboration."""
    with open_dossier(db) as dossier:
        data = dossier.export()["events"]
    if as_json:
        render.print_json(data)
    else:
        render.console().print(render.events_table(data))


@app.command()
def promises(db: DbOption = "dateline.db", as_json: JsonOption = False) -> None:
    """Promises made (invitations, plans, pledges, requests): kept, with the evidence, or open."""
    with open_dossier(db) as dossier:
        exported = dossier.export()
    if as_json:
        render.print_json(exported["promises"])
    else:
        render.print_promises(render.console(), exported["promises"], exported["events"])


@app.command()
def documents(db: DbOption = "dateline.db", as_json: JsonOption = False) -> None:
    """List stored documents with their date, how it was found, and duplicate links."""
    with open_dossier(db) as dossier:
        docs = dossier.documents()
        if as_json:
            render.print_json(dossier.export()["documents"])
        else:
            render.console().print(render.documents_table(docs))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='FTS5 query, e.g. dioxin or "Bien Hoa".')],
    db: DbOption = "dateline.db",
    limit: Annotated[int, typer.Option(min=1, help="Most results to show.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over clean text, ranked, one result per story."""
    with open_dossier(db) as dossier:
        try:
            hits = dossier.search(query, limit=limit)
        except DatelineError as exc:
            raise fail(str(exc)) from None
        if as_json:
            render.print_json([asdict(h) for h in hits])
        else:
            render.console().print(render.search_table(query, hits))


@app.command()
def export(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="File to write ('-' for stdout); a folder for csv."),
    ],
    db: DbOption = "dateline.db",
    fmt: Annotated[str, typer.Option("--format", help="json or csv.")] = "json",
) -> None:
    """Write the dossier in a format other tools read (JSON, or one CSV file per table)."""
    if fmt not in EXPORT_FORMATS:
        raise fail(f"unknown format {fmt!r}; choose {' or '.join(EXPORT_FORMATS)}", code=2)
    with open_dossier(db) as dossier:
        data = dossier.export()
    out = render.console(stderr=True)
    if fmt == "csv":
        if str(output) == "-" or output.is_file():
            raise fail("--format csv writes one file per table: give a folder with -o", code=2)
        for path in write_csv(data, output):
            out.print(f"wrote {path}")
        return
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if str(output) == "-":
        sys.stdout.write(text)
        return
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)  # never leave a half-written export behind
    out.print(f"wrote {output}")


@app.command()
def info(db: DbOption = "dateline.db", as_json: JsonOption = False) -> None:
    """Summarise the store: documents, duplicates, dated, span, schema and model versions."""
    with open_dossier(db) as dossier:
        stats = {
            **dossier.stats(),
            "schema_version": dossier.store.schema_version(),
            "analysis_model": dossier.store.meta("analysis_model"),
            "db": db,
        }
    if as_json:
        render.print_json(stats)
    else:
        render.console().print(render.stats_line(stats))


def main() -> None:
    app()

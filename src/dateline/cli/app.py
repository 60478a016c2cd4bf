"""Typer root: each command parses options, calls the Dossier, and renders the result.

Only typer, rich and the store are imported here: the language model, the evaluation
metrics and the pipeline are imported by the commands that use them, so `dateline --help`
and the listing commands start fast (bench/cli_startup.py).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dateline import SAMPLE_CORPUS, __version__
from dateline.cli import render
from dateline.errors import DatelineError

if TYPE_CHECKING:
    from rich.console import Console

    from dateline.model import BuildReport, EntityProfile, IngestReport, Source
    from dateline.pipeline.distributed import DaskEngine
    from dateline.service import Dossier
    from dateline.store import Store
    from dateline.summarise.request import TimelineRequest

EXPORT_FORMATS = ("json", "csv", "timelinejs")
# dateline.service.SENTENCE_BUDGET, repeated so that --help need not import the service
# (a test keeps the two equal).
SENTENCE_BUDGET = 50_000
STORE_SCHEMES = ("postgresql://", "postgres://")
# The optional extras, by the top-level module whose absence means the extra is missing.
EXTRAS = {"psycopg": "postgres", "psycopg_binary": "postgres", "distributed": "dask",
          "dask": "dask", "pandas": "pandas"}  # fmt: skip

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
        help="Store path or postgresql:// URL (else $DATELINE_DB, else ./dateline.db).",
        show_default=True,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def fail(message: str, code: int = 1) -> typer.Exit:
    render.console(stderr=True).print(f"[red]error:[/red] {render.lit(message)}", soft_wrap=True)
    return typer.Exit(code)


def missing_extra(exc: ModuleNotFoundError, what: str) -> typer.Exit:
    """A clear error for an optional dependency that is not installed."""
    module = (exc.name or "").split(".")[0]
    extra = EXTRAS.get(module)
    if extra is None:
        raise exc
    return fail(f"{what} needs the optional {extra} extra ({module} is not installed): "
                f"pip install 'dateline[{extra}]'")  # fmt: skip


def checked_location(db: str, must_exist: bool) -> None:
    """Refuse a store location before anything is created: an unknown URL scheme, or (for
    the commands that only read) a file that does not exist, e.g. a mistyped --db."""
    if "://" in db and not db.startswith(STORE_SCHEMES):
        scheme = db.split("://", 1)[0]
        raise fail(f"unsupported store {scheme}://…: --db takes a SQLite file path or a "
                   "postgresql:// URL", code=2)  # fmt: skip
    if must_exist and not db.startswith(STORE_SCHEMES) and not Path(db).exists():
        raise fail(f"no dossier at {db}; run `dateline ingest` first (or give --db)")


def open_dossier(db: str, must_exist: bool = True) -> Dossier:
    checked_location(db, must_exist)
    from dateline.service import Dossier

    try:
        return Dossier.open(db)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    except ModuleNotFoundError as exc:
        raise missing_extra(exc, "a PostgreSQL store") from None


@contextmanager
def open_store(db: str) -> Iterator[Store]:
    """The store alone, for the commands that list what it holds: opening it does not
    load the pipeline or the language model."""
    checked_location(db, must_exist=True)
    from dateline.store import open_store as open_location

    try:
        store = open_location(db)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    except ModuleNotFoundError as exc:
        raise missing_extra(exc, "a PostgreSQL store") from None
    try:
        yield store
    finally:
        store.close()


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"dateline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", is_eager=True, callback=_show_version, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    pass


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
    date_from_path: Annotated[
        bool,
        typer.Option(
            "--date-from-path",
            help="Date an article by a YYYY-MM-DD folder or file name if nothing better.",
        ),
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            help="Where per-document work runs: local (this process) or dask (a Dask cluster)."
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (with --engine dask); else a local cluster."),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Worker processes of the local Dask cluster.")
    ] = 2,
) -> None:
    """Read, clean, deduplicate, date and store articles, then rebuild the dossier.

    Safe to re-run: stored articles are skipped, and an interrupted run resumes.
    """
    from dateline.pipeline.distributed import use_engine
    from dateline.read import find_files

    targets = [str(p) for p in (paths or [])]
    if sample:
        targets.append(str(SAMPLE_CORPUS))
    if not targets:
        raise fail("give files or folders to ingest, or --sample", code=2)
    checked_location(db, must_exist=False)
    files = list(find_files(targets))
    if not files and not any(not Path(t).exists() for t in targets):
        raise fail(f"no articles found in {', '.join(targets)} (read: .txt, .text, .html, "
                   ".htm, .xhtml, .json, .jsonl, .ndjson)")  # fmt: skip
    out = render.console(stderr=True)
    with ExitStack() as stack:
        try:
            runner = stack.enter_context(use_engine(engine, scheduler, workers))
        except DatelineError as exc:
            raise fail(str(exc), code=2) from None
        except ModuleNotFoundError as exc:
            raise missing_extra(exc, "--engine dask") from None
        try:
            report = _ingest(
                db, targets, len(files), out, progress, analyse, date_from_path, runner
            )
        except DatelineError as exc:  # a full or damaged store: what was stored stays
            raise fail(str(exc)) from None
    if report.problems:
        raise typer.Exit(1)


def _ingest(
    db: str,
    targets: list[str],
    total: int,
    out: Console,
    progress: bool,
    analyse: bool,
    date_from_path: bool,
    runner: DaskEngine | None,
) -> IngestReport:
    with open_dossier(db, must_exist=False) as dossier:
        with render.progress(out, enabled=progress) as bar:
            task = bar.add_task("ingest", total=total)
            seen: set[str] = set()

            def advance(path: str) -> None:
                if path not in seen:  # a JSON file of many records is one step
                    seen.add(path)
                    bar.advance(task)

            report = dossier.ingest(
                targets,
                progress=advance,
                build=False,
                date_from_path=date_from_path,
                engine=runner,
            )
        for problem in report.problems:
            out.print(f"[yellow]skipped[/yellow] {render.lit(str(problem))}", soft_wrap=True)
        out.print(render.ingest_summary(report))
        if analyse:
            out.print(render.build_summary(run_build(dossier, progress, runner)))
        out.print(render.stats_line(dossier.stats()))
    return report


def cited_texts(dossier: Dossier, sources: Iterable[Source]) -> dict[str, str]:
    """Clean texts of the documents ``sources`` point into, and of no others."""
    return dossier.texts({s.document_id for s in sources})


def profile_dict(profile: EntityProfile, dossier: Dossier) -> dict[str, Any]:
    from dateline.export.json import entity_dict, event_dict

    cited = [s for r in (profile.entity.roles + profile.events) for s in r.sources]
    clean = cited_texts(dossier, cited)
    backing = dossier.corroboration(profile.events)
    return {
        **entity_dict(profile.entity, clean),
        "events": [event_dict(e, clean, backing.get(e.id)) for e in profile.events],
        "met": [dataclasses.asdict(m) for m in profile.met],
    }


def run_build(dossier: Dossier, progress: bool, engine: DaskEngine | None = None) -> BuildReport:
    out = render.console(stderr=True)
    with render.progress(out, enabled=progress) as bar:
        tasks: dict[str, Any] = {}

        def advance(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        return dossier.build(progress=advance, engine=engine)


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
            render.print_json(dossier.export(["entities"])["entities"])
        else:
            render.console().print(render.entities_table(dossier.entities()))


@app.command()
def figures(db: DbOption = "dateline.db", as_json: JsonOption = False) -> None:
    """Reported money and counts: subject, value, the value it changed from, date, sources."""
    with open_dossier(db) as dossier:
        exported = dossier.export(["figures"])["figures"]
    if as_json:
        render.print_json(exported)
    else:
        render.console().print(render.figures_table(exported))


app.command("facts", help="Alias of `figures`.")(figures)


DatesOption = Annotated[
    int | None, typer.Option("--dates", min=0, help="How many dates (0 for all).")
]
SentencesOption = Annotated[int, typer.Option("--sentences", min=1, help="Sentences per date.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="First date, YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Last date, YYYY-MM-DD.")]
QueryOption = Annotated[
    str | None, typer.Option("--query", help="Topic keywords: summaries sharing one rank first.")
]
AnchorOption = Annotated[
    str,
    typer.Option(
        "--anchor", help="Dates from extracted events, from the days articles refer to, or auto."
    ),
]


# What the timeline options are called here, for the messages of TimelineRequest's check.
TIMELINE_OPTIONS = {"dates": "--dates", "sentences": "--sentences", "since": "--since",
                    "until": "--until", "query": "--query", "entity": "--entity",
                    "event_type": "--type", "anchor": "--anchor", "budget": "--budget"}  # fmt: skip


def timeline_request(**options: Any) -> TimelineRequest:
    """The timeline the options ask for, checked before the store is opened (a bad value
    is a usage error)."""
    from dateline.service import EVENT_TYPES, TimelineRequest

    try:
        return TimelineRequest(**options).validated(EVENT_TYPES, TIMELINE_OPTIONS)
    except DatelineError as exc:
        raise fail(str(exc), code=2) from None


@app.command()
def timeline(
    db: DbOption = "dateline.db",
    dates: DatesOption = 10,
    sentences: SentencesOption = 2,
    since: SinceOption = None,
    until: UntilOption = None,
    query: QueryOption = None,
    entity: Annotated[str | None, typer.Option(help="Only sentences naming this entity.")] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="Only events of this type (e.g. CONSULT).")
    ] = None,
    anchor: AnchorOption = "auto",
    budget: Annotated[
        int,
        typer.Option(
            min=0,
            help="Past this many candidate sentences, rank from the build's day counts and "
            "summarise from the chosen days' sentences (an even sample of the articles where "
            "no counts hold); 0: read them all.",
        ),
    ] = SENTENCE_BUDGET,
    as_json: JsonOption = False,
) -> None:
    """The dates that matter, each with a short summary, its events and sources."""
    from dateline.export.json import timeline_dicts

    # 0 asks for every date, or for no sampling
    asked = timeline_request(
        dates=dates or None, sentences=sentences, since=since, until=until, query=query,
        entity=entity, event_type=event_type, anchor=anchor, budget=budget or None,
    )  # fmt: skip
    with open_dossier(db) as dossier:
        try:
            entries = dossier.timeline_for(asked)
        except DatelineError as exc:
            raise fail(str(exc)) from None
        days = {e.date for e in entries}
        events = [e for e in dossier.events() if e.date in days]
        backing = dossier.corroboration(events)
        cited = [s for e in entries for s in e.summary] + [s for e in events for s in e.sources]
        data = timeline_dicts(entries, events, cited_texts(dossier, cited), backing)
    if as_json:
        render.print_json(data)
    else:
        render.print_timeline(render.console(), data)


@app.command()
def evaluate(
    gold: Annotated[
        Path, typer.Option("--gold", help="Gold timeline: JSON Lines of {date, summary}.")
    ],
    db: DbOption = "dateline.db",
    dates: Annotated[
        int | None, typer.Option("--dates", help="Default: as many as the gold.")
    ] = None,
    sentences: Annotated[
        int | None, typer.Option("--sentences", help="Default: the gold's mean per date.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Default: the gold's first date.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Default: the gold's last date.")
    ] = None,
    query: QueryOption = None,
    anchor: AnchorOption = "auto",
    as_json: JsonOption = False,
) -> None:
    """Score the built timeline against a gold one: date F1 and ROUGE-1/2 (concat, agreement,
    align+ m:1), with the standard setup taken from the gold unless options say otherwise."""
    # dates and sentences not given are the gold's: only what was given is checked here
    given = {k: v for k, v in {"dates": dates, "sentences": sentences}.items() if v is not None}
    asked = timeline_request(since=since, until=until, query=query, anchor=anchor, **given)
    with open_dossier(db) as dossier:
        try:
            data, problems = dossier.evaluate(
                gold, dates, sentences, asked.since, asked.until, asked.query, asked.anchor
            )
        except DatelineError as exc:
            raise fail(str(exc)) from None
    for problem in problems:
        render.console(stderr=True).print(f"[yellow]gold:[/yellow] {render.lit(problem)}")
    if as_json:
        render.print_json(data)
    else:
        render.console().print(render.scores_table(data))


@app.command()
def report(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write ('-' for stdout).")],
    db: DbOption = "dateline.db",
    fmt: Annotated[str, typer.Option("--format", help="markdown or html.")] = "markdown",
    title: Annotated[str, typer.Option(help="The report's title.")] = "Dossier",
    dates: DatesOption = 15,
    sentences: SentencesOption = 2,
) -> None:
    """Write the dossier as a document: overview, timeline, people and roles, figures,
    promises kept and open, and the sources every statement is footnoted to."""
    if fmt not in ("markdown", "html"):
        raise fail(f"unknown format {fmt!r}; choose markdown or html", code=2)
    asked = timeline_request(dates=dates or None, sentences=sentences)  # 0: every date
    with open_dossier(db) as dossier:
        text = dossier.report(title, fmt, asked.dates, asked.sentences)
    write_text(output, text)


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
    from dateline.export.json import event_dict

    with open_dossier(db) as dossier:
        found = dossier.event(event_id)
        if found is None:
            raise fail(f"no event {event_id!r}; see `dateline events`")
        texts = cited_texts(dossier, found.sources)
        data = event_dict(found, texts, dossier.corroboration([found]).get(found.id))
    if as_json:
        render.print_json(data)
    else:
        render.print_event(render.console(), data)


@app.command()
def events(db: DbOption = "dateline.db", as_json: JsonOption = False) -> None:
    """Every event in date order, with type, participants and corroboration."""
    with open_dossier(db) as dossier:
        data = dossier.export(["events"])["events"]
    if as_json:
        render.print_json(data)
    else:
        render.console().print(render.events_table(data))


@app.command()
def promises(db: DbOption = "dateline.db", as_json: JsonOption = False) -> None:
    """Promises made (invitations, plans, pledges, requests): kept, with the evidence, or open."""
    with open_dossier(db) as dossier:
        exported = dossier.export(["promises", "events"])
    if as_json:
        render.print_json(exported["promises"])
    else:
        render.print_promises(render.console(), exported["promises"], exported["events"])


@app.command()
def documents(db: DbOption = "dateline.db", as_json: JsonOption = False) -> None:
    """List stored documents: date and how it was found, copies, source and title
    (the id, the source and the title shortened to fit; --json has them whole)."""
    with open_store(db) as store:
        docs = list(store.documents())
    if as_json:
        from dateline.export.json import document_dict

        render.print_json([document_dict(d) for d in docs])
    else:
        out = render.console()
        out.print(render.documents_table(docs, out.width))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='FTS5 query, e.g. dioxin or "Bien Hoa".')],
    db: DbOption = "dateline.db",
    limit: Annotated[int, typer.Option(min=1, help="Most results to show.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over clean text, ranked, one result per story."""
    with open_store(db) as store:
        try:
            hits = store.search(query, limit=limit)
        except DatelineError as exc:
            raise fail(str(exc)) from None
    if as_json:
        render.print_json(render.search_dicts(hits))
    else:
        render.console().print(render.search_table(query, hits))


@app.command()
def export(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="File to write ('-' for stdout); a folder for csv."),
    ],
    db: DbOption = "dateline.db",
    fmt: Annotated[str, typer.Option("--format", help="json, csv or timelinejs.")] = "json",
) -> None:
    """Write the dossier for other tools: JSON, one CSV file per table, or TimelineJS."""
    if fmt not in EXPORT_FORMATS:
        raise fail(f"unknown format {fmt!r}; choose {' or '.join(EXPORT_FORMATS)}", code=2)
    if fmt == "csv" and (str(output) == "-" or output.is_file()):
        raise fail("--format csv writes one file per table: give a folder with -o", code=2)
    with open_dossier(db) as dossier:
        if fmt == "csv":
            for path in dossier.write_csv(output):
                render.console(stderr=True).print(f"wrote {render.lit(path)}")
            return
        data = dossier.timelinejs() if fmt == "timelinejs" else dossier.export()
    write_text(output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_text(output: Path, text: str) -> None:
    """Write to a file through a temporary one (never half-written), or to stdout for '-'."""
    if str(output) == "-":
        sys.stdout.write(text)
        return
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)
    render.console(stderr=True).print(f"wrote {render.lit(output)}")


@app.command()
def info(db: DbOption = "dateline.db", as_json: JsonOption = False) -> None:
    """Summarise the store: documents, duplicates, dated, span, schema and model versions."""
    with open_store(db) as store:
        stats = {
            **store.stats(),
            "schema_version": store.schema_version(),
            "analysis_model": store.meta("analysis_model"),
            "db": db,
        }
    if as_json:
        render.print_json(stats)
    else:
        render.console().print(render.stats_line(stats))


@app.command()
def serve(
    db: DbOption = "dateline.db",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="DATELINE_TOKEN",
            help="Bearer token that enables POST /api/ingest; without one the server only reads.",
            show_default=False,
        ),
    ] = None,
    ingest_root: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            file_okay=False,
            help="Folder whose files POST /api/ingest "
            "may read (paths relative to it); without it, uploaded articles only.",
            show_default=False,
        ),
    ] = None,
    token_file: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="File whose first line is the token "
            "(keeps it out of the process list, as $DATELINE_TOKEN does).",
            show_default=False,
        ),
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            help="Host name the server answers to besides localhost and the "
            "--host address (repeatable; '*' for any).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the dossier in a browser: HTML pages, and a JSON API under /api/."""
    import uvicorn

    from dateline.web import DEFAULT_ALLOWED_HOSTS, create_app

    if token_file is not None:
        token = _token_from(token_file)
    hosts = [*DEFAULT_ALLOWED_HOSTS, *(allowed_host or [])]
    if host not in ("0.0.0.0", "::", ""):  # a named address: requests name it too
        hosts.append(host)
    # a new store is made only for a server that may ingest into it (--token)
    with open_dossier(db, must_exist=token is None) as dossier:
        web = create_app(dossier, token=token, ingest_root=ingest_root, allowed_hosts=hosts)
        uvicorn.run(web, host=host, port=port, log_level="info")


@app.command()
def backup(
    file: Annotated[Path, typer.Argument(help="Backup file to write (replaced if it exists).")],
    db: DbOption = "dateline.db",
) -> None:
    """Copy the store to FILE: SQLite's online backup (safe while it is in use), or pg_dump."""
    from dateline.service import Dossier

    checked_location(db, must_exist=False)  # a missing store: the backup says so itself
    try:
        saved = Dossier.backup(db, file)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    held = "" if saved.documents is None else f", {saved.documents} documents"
    render.console(stderr=True).print(
        f"backed up {render.lit(db)} to {render.lit(file)} (schema {saved.schema_version}{held})"
    )


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="Backup file written by `dateline backup`.")],
    db: DbOption = "dateline.db",
    force: Annotated[
        bool, typer.Option("--force", help="Replace a store that already holds documents.")
    ] = False,
) -> None:
    """Restore the store from FILE, after checking it is a Dateline backup."""
    from dateline.service import Dossier

    checked_location(db, must_exist=False)
    try:
        restored = Dossier.restore(file, db, force=force)
    except DatelineError as exc:
        raise fail(str(exc)) from None
    held = "" if restored.documents is None else f", {restored.documents} documents"
    render.console(stderr=True).print(
        f"restored {render.lit(db)} from {render.lit(file)} "
        f"(schema {restored.schema_version}{held})"
    )


def main() -> None:
    app()


def _token_from(path: Path) -> str:
    """The first line of a token file; only a small UTF-8 text file is read, and only so
    far (a device, a huge or a binary file is refused by name)."""
    if not path.is_file():
        raise fail(f"{path}: not a regular file", code=2)
    with path.open("rb") as f:
        head = f.read(4096)
    try:
        first = head.decode("utf-8").splitlines()[0].strip() if head.strip() else ""
    except UnicodeDecodeError:
        raise fail(f"{path}: not a UTF-8 text file", code=2) from None
    if not first:
        raise fail(f"{path}: no token on its first line", code=2)
    return first

"""The dossier as a document a reader can follow: Markdown or HTML, every statement
footnoted to the articles it comes from."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from dateline.model import Corroboration, Document, Entity, Event, Figure, Promise, Source


@dataclass
class Footnotes:
    """Numbers documents in the order they are first cited."""

    documents: Mapping[str, Document]
    order: list[str] = field(default_factory=list)

    def cite(self, sources: Iterable[Source]) -> list[int]:
        numbers = []
        for source in sources:
            if source.document_id not in self.order:
                self.order.append(source.document_id)
            number = self.order.index(source.document_id) + 1
            if number not in numbers:
                numbers.append(number)
        return sorted(numbers)

    def listed(self) -> list[tuple[int, Document]]:
        return [(i, self.documents[d]) for i, d in enumerate(self.order, 1) if d in self.documents]


@dataclass(frozen=True)
class ReportInput:
    """Everything the report shows; built by the service from the store."""

    title: str
    documents: Sequence[Document]
    timeline: Sequence[Any]  # TimelineEntry: date, summary (sources), texts, documents
    events: Sequence[Event]
    entities: Sequence[Entity]
    figures: Sequence[Figure]
    promises: Sequence[Promise]
    # how many independent reports back each event (by id); none known: none shown
    corroboration: Mapping[str, Corroboration] = field(default_factory=dict)


# Characters CommonMark gives a meaning to: escaped with a backslash, so article text
# can neither format the report nor link anywhere. < > & become entities, so no raw HTML
# from an article reaches a renderer (a CommonMark renderer passes raw HTML through).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]!|~])")
# what starts a block (heading, quote, list item, rule) when a value opens a line
_BLOCK_START = re.compile(r"^(#|>|[-+=]|\d+(?=[.)]))")
_HTML_SPECIAL = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def markdown_text(value: object) -> str:
    """Text for a Markdown document, shown literally on one line."""
    text = " ".join(str(value).split())
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = "".join(_HTML_SPECIAL.get(c, c) for c in text)
    return _BLOCK_START.sub(
        lambda m: m.group() + "\\" if m.group()[0].isdigit() else "\\" + m.group(), text
    )


def _markdown_finalize(value: object) -> object:
    # every {{ }} in the Markdown template is escaped unless the code built it (Markup)
    if value is None or isinstance(value, (Markup, int, float)):
        return value
    return markdown_text(value)


def display_title(doc: Document, width: int = 100) -> str:
    """A document's title as a reader should see it: the headline line of a title that
    carries page furniture (a bulleted menu, a section label, each on its own line or
    between separators), else the opening words of the text; cut at a word."""
    title = doc.title or ""
    parts = [" ".join(p.split()) for p in re.split(r"[\n\r•·|»]+| - | – ", title)]
    parts = [p for p in parts if len(p.split()) >= 3] or ([" ".join(title.split())]
                                                         if title.strip() else [])  # fmt: skip
    best = max(parts, key=len) if parts else ""
    if not best:
        best = " ".join(doc.text.split()[:25])
    return _cut(best, width)


def _cut(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def outlet(doc: Document) -> str | None:
    """The publisher (the URL's host without www.), when the document has a URL."""
    if doc.url:
        host = urlsplit(doc.url if "//" in doc.url else f"//{doc.url}").hostname or ""
        return host.removeprefix("www.") or None
    return None


def file_name(doc: Document) -> str:
    """The file a document was read from, by name: never a local absolute path."""
    return os.path.basename(doc.path.rstrip("/\\")) or doc.path


def http_url(doc: Document) -> str | None:
    """The document's URL when it is http(s) (an article's own URL could be anything),
    with the characters a link cannot hold percent-encoded."""
    if doc.url and urlsplit(doc.url).scheme in ("http", "https"):
        return quote(doc.url, safe=":/?#[]@!$&'()*+,;=%~")
    return None


def figure_label(figure: Figure) -> tuple[str, str]:
    """(what the number counts, what it is about): the subject only where it says more
    than the unit ("994 boxes of remains", not "994 boxes of remains: boxes of remains")."""
    unit, subject = figure.unit.strip(), figure.subject.strip()
    low_unit, low_subject = unit.lower(), subject.lower()
    if not subject or low_subject in low_unit:
        return unit, ""
    if low_subject.startswith(low_unit):
        return subject, ""
    return unit, subject


def event_when(event: Event) -> str:
    if not event.date:
        return "undated"
    return event.date[:7] if event.precision == "month" else (
        event.date[:4] if event.precision == "year" else event.date
    )  # fmt: skip


def _environment(autoescape: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("dateline.export", "templates"),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=None if autoescape else _markdown_finalize,
    )
    env.filters["number"] = lambda v: f"{v:,.0f}" if float(v) == int(v) else f"{v:,.2f}"
    env.globals.update(display_title=display_title, outlet=outlet, file_name=file_name,
                       http_url=http_url, figure_label=figure_label, when=event_when,
                       Markup=Markup)  # fmt: skip
    return env


def render_report(data: ReportInput, fmt: str = "markdown") -> str:
    """Render the report; ``fmt`` is ``markdown`` or ``html`` (article text escaped)."""
    notes = Footnotes({d.id: d for d in data.documents})
    events = {e.id: e for e in data.events}
    dated = sorted((e for e in data.events if e.date and not e.background),
                   key=lambda e: (e.date or "", e.id))  # fmt: skip
    context = {
        "title": data.title,
        "overview": _overview(data),
        "timeline": data.timeline,
        "event_list": {
            "dated": dated,
            "undated": [e for e in data.events if not e.date and not e.background],
            "background": sorted(
                (e for e in data.events if e.background), key=lambda e: (e.date or "9999", e.id)
            ),
        },
        "backing": data.corroboration,
        "people": [e for e in data.entities if e.kind == "PERSON" and e.roles],
        "figures": data.figures,
        "promises": data.promises,
        "events": events,
        "cite": notes.cite,
        # the Markdown footnote references, built here so they are not escaped as text
        "refs": lambda sources: Markup("".join(f"[^{n}]" for n in notes.cite(sources))),
        "notes": notes,
    }
    name = "report.html.j2" if fmt == "html" else "report.md.j2"
    return _environment(fmt == "html").get_template(name).render(**context)


def _overview(data: ReportInput) -> dict[str, Any]:
    dated = sorted(d.published for d in data.documents if d.published)
    return {
        "documents": len(data.documents),
        "stories": sum(1 for d in data.documents if d.duplicate_of is None),
        "first": dated[0] if dated else None,
        "last": dated[-1] if dated else None,
        "events": len(data.events),
        "people": sum(1 for e in data.entities if e.kind == "PERSON"),
        "figures": len(data.figures),
        "open_promises": sum(1 for p in data.promises if p.status == "open"),
        "kept_promises": sum(1 for p in data.promises if p.status == "fulfilled"),
    }

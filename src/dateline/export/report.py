"""The dossier as a document a reader can follow: Markdown or HTML, every statement
footnoted to the articles it comes from."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader

from dateline.model import Document, Entity, Event, Figure, Promise, Source


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


def _environment(autoescape: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("dateline.export", "templates"),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["number"] = lambda v: f"{v:,.0f}" if float(v) == int(v) else f"{v:,.2f}"
    return env


def render_report(data: ReportInput, fmt: str = "markdown") -> str:
    """Render the report; ``fmt`` is ``markdown`` or ``html`` (article text escaped)."""
    notes = Footnotes({d.id: d for d in data.documents})
    events = {e.id: e for e in data.events}
    context = {
        "title": data.title,
        "overview": _overview(data),
        "timeline": data.timeline,
        "people": [e for e in data.entities if e.kind == "PERSON" and e.roles],
        "figures": data.figures,
        "promises": data.promises,
        "events": events,
        "cite": notes.cite,
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

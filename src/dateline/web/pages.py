"""HTML pages: each renders what the matching ``/api/`` endpoint returns, nothing more.

Templates autoescape everything; article text is never marked safe. The pictures (an
entity's network, a figure's values over time) are SVG drawn here from the same data.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader

from dateline.service import EVENT_TYPES, TIMELINE_PAGE_DATES, TimelineRequest
from dateline.web.views import MAX_NAME, MAX_QUERY, Views, safe_href, snippet_parts

router = APIRouter(include_in_schema=False)

env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,  # every template, whatever its name
    trim_blocks=True,
    lstrip_blocks=True,
)
env.filters["q"] = lambda value: quote(str(value), safe="")
env.globals.update(safe_href=safe_href, snippet_parts=snippet_parts,
                   event_types=sorted(EVENT_TYPES))  # fmt: skip

Day = Annotated[str | None, Query(max_length=10)]
Name = Annotated[str | None, Query(max_length=MAX_NAME)]


def views(request: Request) -> Views:
    return request.app.state.views  # type: ignore[no-any-return]


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(env.get_template(name).render(**context), status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render("error.html", status, title=f"Error {status}", message=message)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    data = views(request).overview()
    views(request).described(s for key in ("open_promises", "changed_figures")
                             for item in data[key] for s in item["sources"])  # fmt: skip
    return render("overview.html", title="Overview", data=data)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    since: Day = None,
    until: Day = None,
    entity: Name = None,
    type: Annotated[str | None, Query(max_length=40)] = None,
    dates: Annotated[int, Query(ge=0, le=500)] = TIMELINE_PAGE_DATES,
) -> HTMLResponse:
    wanted = TimelineRequest(dates or None, 2, since, until, None, entity, type)
    data = views(request).timeline(wanted)  # 0 dates: every date
    asked = {k: v for k, v in
             {"since": since, "until": until, "entity": entity, "type": type,
              "dates": dates}.items() if v not in (None, "")}  # fmt: skip
    return render(
        "timeline.html", title="Timeline", data=data, asked=asked,
        api=f"/api/timeline?{urlencode(asked)}",
    )  # fmt: skip


EVENTS_PAGE = 50
ENTITIES_PAGE = 100
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def paging(total: int, offset: int, size: int, asked: dict[str, Any]) -> dict[str, Any]:
    """Links to the previous and next page, keeping the filters asked for."""

    def link(at: int) -> str:
        return "?" + urlencode({**{k: v for k, v in asked.items() if v}, "offset": at})

    return {
        "first": offset + 1 if total else 0, "last": min(offset + size, total), "total": total,
        "previous": link(max(0, offset - size)) if offset > 0 else None,
        "next": link(offset + size) if offset + size < total else None,
    }  # fmt: skip


@router.get("/events", response_class=HTMLResponse)
def event_list(
    request: Request,
    type: Annotated[str | None, Query(max_length=40)] = None,
    entity: Name = None,
    since: Day = None,
    until: Day = None,
    backing: Annotated[str | None, Query(max_length=20)] = None,
    offset: Offset = 0,
) -> HTMLResponse:
    data = views(request).event_list(type, entity, since, until, EVENTS_PAGE, offset, backing)
    asked = {"type": type or "", "entity": entity or "", "since": since or "",
             "until": until or "", "backing": backing or ""}  # fmt: skip
    return render("events.html", title="Events", data=data, asked=asked,
                  pages=paging(data["total"], offset, EVENTS_PAGE, asked))  # fmt: skip


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str) -> HTMLResponse:
    data = views(request).event(event_id)
    return render("event.html", title=data["title"], event=data)


@router.get("/entities", response_class=HTMLResponse)
def entities(
    request: Request,
    kind: Annotated[str | None, Query(max_length=20)] = None,
    name: Name = None,
    offset: Offset = 0,
) -> HTMLResponse:
    data = views(request).entity_list(kind, ENTITIES_PAGE, offset, name)
    asked = {"kind": kind or "", "name": name or ""}
    kinds = sorted({e.kind for e in views(request).entities()})
    return render("entities.html", title="Entities", data=data, asked=asked, kinds=kinds,
                  pages=paging(data["total"], offset, ENTITIES_PAGE, asked))  # fmt: skip


@router.get("/entities/{name:path}", response_class=HTMLResponse)
def entity(request: Request, name: str) -> HTMLResponse:
    data = views(request).entity(name)
    return render("entity.html", title=data["name"], entity=data, network=network(data))


@router.get("/figures", response_class=HTMLResponse)
def figures(request: Request, subject: Name = None) -> HTMLResponse:
    data = views(request).figures(subject)
    views(request).described(s for f in data["figures"] for s in f["sources"])
    return render("figures.html", title="Figures", series=figure_series(data["figures"]),
                  subject=subject or "")  # fmt: skip


@router.get("/promises", response_class=HTMLResponse)
def promises(request: Request) -> HTMLResponse:
    data = views(request).promises()
    views(request).described(
        [*(s for p in data["promises"] for s in p["sources"]),
         *(s for p in data["promises"] if p["fulfilled_event"]
           for s in p["fulfilled_event"]["sources"])]
    )  # fmt: skip
    board = {
        "open": [p for p in data["promises"] if p["status"] != "fulfilled"],
        "fulfilled": [p for p in data["promises"] if p["status"] == "fulfilled"],
    }
    return render("promises.html", title="Promises", board=board)


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
    since: Day = None,
    until: Day = None,
    outlet: Name = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> HTMLResponse:
    asked = {"q": q or "", "since": since or "", "until": until or "", "outlet": outlet or ""}
    data = views(request).search(q, limit, since, until, outlet) if q and q.strip() else None
    return render("search.html", title="Search", data=data, asked=asked)


@router.get("/documents", response_class=HTMLResponse)
def documents(
    request: Request,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> HTMLResponse:
    data = views(request).document_list(100, offset)
    return render("documents.html", title="Documents", data=data, offset=offset)


@router.get("/documents/{document_id:path}", response_class=HTMLResponse)
def document(
    request: Request,
    document_id: str,
    junk: bool = False,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    data = views(request).document(document_id)
    text = data["text"]
    # a source sentence asked for (from an event page) is marked in the clean text
    mark = (start, end) if start is not None and end is not None and start < end <= len(text) \
        else None  # fmt: skip
    parts = ([(text[: mark[0]], False), (text[mark[0] : mark[1]], True), (text[mark[1] :], False)]
             if mark else [(text, False)])  # fmt: skip
    return render("document.html", title=data["title"] or data["id"], doc=data, junk=junk,
                  parts=parts)  # fmt: skip


# -- pictures -------------------------------------------------------------------------


def network(
    entity: dict[str, Any], width: int = 640, height: int = 420, most: int = 12
) -> dict[str, Any]:
    """A star of the entity and the people and organisations it met most; a line's
    width grows with the events shared."""
    cx, cy = width / 2, height / 2
    met = entity["met"][:most]
    top = max((m["events"] for m in met), default=1)
    nodes = []
    for i, m in enumerate(met):
        angle = 2 * math.pi * i / max(len(met), 1) - math.pi / 2
        nodes.append({
            "id": m["entity_id"], "name": m["name"], "events": m["events"],
            "x": round(cx + width * 0.34 * math.cos(angle), 1),
            "y": round(cy + height * 0.36 * math.sin(angle), 1),
            "width": round(1 + 5 * m["events"] / top, 1),
        })  # fmt: skip
    return {"width": width, "height": height, "cx": cx, "cy": cy, "nodes": nodes,
            "name": entity["name"]}  # fmt: skip


def figure_series(
    figures: list[dict[str, Any]], width: int = 560, height: int = 180
) -> list[dict[str, Any]]:
    """Figures grouped by subject and unit, each group's dated values as a line chart."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for f in figures:
        groups.setdefault((f["subject"], f["unit"]), []).append(f)
    out = []
    for (subject, unit), items in sorted(groups.items()):
        items.sort(key=lambda f: (f["as_of"] or "9999", f["value"]))
        dated = [f for f in items if f["as_of"]]
        points = []
        if dated:
            days = [date.fromisoformat(f["as_of"][:10]).toordinal() for f in dated]
            low, high = min(days), max(days)
            # the value an article says the first one replaced has no date: drawn first
            before = dated[0]["previous"]
            top = max([f["value"] for f in dated] + [before or 0]) or 1.0
            left = 70 if before is not None else 50
            if before is not None:
                points.append(
                    {
                        "x": 50,
                        "y": round(height - 30 - (height - 50) * before / top, 1),
                        "value": before,
                        "label": "before",
                        "previous": True,
                    }
                )
            for f, day in zip(dated, days, strict=True):
                share = (day - low) / (high - low) if high > low else 0.5
                x = left + (width - 30 - left) * share
                y = height - 30 - (height - 50) * (f["value"] / top)
                points.append(
                    {
                        "x": round(x, 1),
                        "y": round(y, 1),
                        "value": f["value"],
                        "label": f["as_of"],
                        "previous": False,
                    }
                )
        out.append({
            "subject": subject, "unit": unit, "items": items, "points": points,
            "line": " ".join(f"{p['x']},{p['y']}" for p in points),
            "top": max((p["value"] for p in points), default=0), "width": width,
            "height": height,
        })  # fmt: skip
    return out

"""The JSON API under ``/api/``: each endpoint returns what one view in ``views`` makes.

Reads are open; ``POST /api/ingest`` needs ``Authorization: Bearer <token>`` and is
refused (403) when the server was started without a token.
"""

from __future__ import annotations

import dataclasses
import hmac
import json
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from dateline.web.views import MAX_LIMIT, MAX_NAME, MAX_QUERY, BadRequest, Views

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most records to return.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Records to skip.")]
Day = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")]
Name = Annotated[str | None, Query(max_length=MAX_NAME)]

# An ingest request may carry at most this many articles of at most this many characters.
MAX_ARTICLES = 200
MAX_ARTICLE_CHARS = 200_000


def views(request: Request) -> Views:
    return request.app.state.views  # type: ignore[no-any-return]


@router.get("/overview", summary="Corpus size, date span, latest events, open promises")
def overview(request: Request) -> dict[str, Any]:
    return views(request).overview()


@router.get("/stats", summary="Documents, duplicates, dated documents and the date span")
def stats(request: Request) -> dict[str, Any]:
    with views(request).lock:
        return dict(views(request).dossier.stats())


@router.get("/timeline", summary="The dates that matter, with summaries and their events")
def timeline(
    request: Request,
    dates: Annotated[int, Query(ge=0, le=MAX_LIMIT, description="Dates (0: all).")] = 10,
    sentences: Annotated[int, Query(ge=1, le=10)] = 2,
    since: Day = None,
    until: Day = None,
    q: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
    entity: Name = None,
    type: Annotated[str | None, Query(max_length=40)] = None,
    anchor: Annotated[str, Query(max_length=20)] = "auto",
) -> dict[str, Any]:
    return views(request).timeline(dates, sentences, since, until, q, entity, type, anchor)


@router.get("/events", summary="Events, filtered by type, entity and date range")
def events(
    request: Request,
    type: Annotated[str | None, Query(max_length=40)] = None,
    entity: Name = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    return views(request).event_list(type, entity, since, until, limit, offset)


@router.get("/events/{event_id}", summary="One event with its sources in their articles")
def event(request: Request, event_id: str) -> dict[str, Any]:
    return views(request).event(event_id)


@router.get("/entities", summary="People, organisations and places, most mentioned first")
def entities(
    request: Request,
    kind: Annotated[str | None, Query(max_length=20)] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    return views(request).entity_list(kind, limit, offset)


@router.get("/entities/{name:path}", summary="One entity: aliases, roles, events, who it met")
def entity(request: Request, name: str) -> dict[str, Any]:
    return views(request).entity(name)


@router.get("/figures", summary="Reported figures with their sources")
def figures(request: Request, subject: Name = None) -> dict[str, Any]:
    return views(request).figures(subject)


@router.get("/promises", summary="Promises, open and fulfilled, with their evidence")
def promises(
    request: Request, status: Annotated[str | None, Query(max_length=20)] = None
) -> dict[str, Any]:
    return views(request).promises(status)


@router.get("/documents", summary="Stored documents in ingest order")
def documents(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return views(request).document_list(limit, offset)


@router.get("/documents/{document_id:path}", summary="One document: clean text, junk, copies")
def document(request: Request, document_id: str) -> dict[str, Any]:
    return views(request).document(document_id)


@router.get("/search", summary="Full-text search with snippets, one hit per story")
def search(
    request: Request,
    q: Annotated[str, Query(max_length=MAX_QUERY, description="FTS5 query")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    since: Day = None,
    until: Day = None,
    outlet: Name = None,
) -> dict[str, Any]:
    return views(request).search(q, limit, since, until, outlet)


class Article(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS)
    title: str | None = Field(default=None, max_length=1000)
    date: str | None = Field(default=None, max_length=10)
    url: str | None = Field(default=None, max_length=2000)


class IngestRequest(BaseModel):
    """Articles uploaded in the request, or files and folders inside the server's ingest
    root (relative to it), or both."""

    articles: list[Article] = Field(default_factory=list, max_length=MAX_ARTICLES)
    paths: list[str] = Field(default_factory=list, max_length=MAX_ARTICLES)


def check_token(request: Request, authorization: str | None) -> None:
    wanted: str | None = request.app.state.token
    if not wanted:
        raise HTTPException(403, "this server is read-only: start it with a token to ingest")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), wanted.encode()):
        raise HTTPException(
            401, "ingest needs Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )  # fmt: skip


def server_path(root: Path | None, given: str) -> str:
    """``given`` resolved inside ``root`` (links and ``..`` followed first); anything else,
    or any path when the server has no ingest root, is a 400: a token holder may add
    articles, not make the server read its other files."""
    if root is None:
        raise BadRequest("this server takes uploaded articles only: start it with "
                         "--ingest-root DIR to ingest files from DIR")  # fmt: skip
    if "\x00" in given:
        raise BadRequest("a path may not hold a NUL character")
    path = (root / given).resolve()
    if not path.is_relative_to(root):
        raise BadRequest(f"not inside the ingest root: {given[:200]!r}")
    if not path.exists():
        raise BadRequest(f"no such file or folder: {given[:200]!r}")
    return str(path)


@router.post("/ingest", summary="Ingest articles (needs the server's token)")
def ingest(
    request: Request,
    body: IngestRequest,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    check_token(request, authorization)
    if not body.articles and not body.paths:
        raise BadRequest("nothing to ingest: give articles or paths")
    paths = [server_path(request.app.state.ingest_root, p) for p in body.paths]
    state = views(request)
    with tempfile.TemporaryDirectory(prefix="dateline-upload-") as tmp, state.lock:
        if body.articles:
            upload = Path(tmp) / "upload.jsonl"
            lines = [json.dumps(a.model_dump(exclude_none=True)) for a in body.articles]
            upload.write_text("\n".join(lines) + "\n", encoding="utf-8")
            paths.append(str(upload))
        report = state.dossier.ingest(paths)
    return {
        "added": list(report.added),
        "unchanged": list(report.unchanged),
        "updated": list(report.updated),
        "problems": [str(p) for p in report.problems],
        "build": None if report.build is None else dataclasses.asdict(report.build),
    }

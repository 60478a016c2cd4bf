"""The JSON API under ``/api/``: each endpoint returns what one view in ``views`` makes.

Reads are open; ``POST /api/ingest`` needs ``Authorization: Bearer <token>`` and is
refused (403) when the server was started without a token. The token is checked before
the body is read, and a body past the server's limit is refused (413) unread.
"""

from __future__ import annotations

import dataclasses
import hmac
import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from dateline.errors import DatelineError
from dateline.model import IngestReport
from dateline.service import Dossier, TimelineRequest
from dateline.store import open_store
from dateline.web.views import MAX_LIMIT, MAX_NAME, MAX_QUERY, BadRequest, Views

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most records to return.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Records to skip.")]
Day = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")]
Name = Annotated[str | None, Query(max_length=MAX_NAME)]

# An ingest request may carry at most this many articles of at most this many characters.
MAX_ARTICLES = 200
MAX_ARTICLE_CHARS = 200_000
# The largest request body read, in bytes (create_app's ``max_body`` changes it): the most
# articles of the most characters, with room for JSON escapes.
MAX_BODY = 64 * 2**20


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
    asked = TimelineRequest(dates or None, sentences, since, until, q, entity, type, anchor)
    return views(request).timeline(asked)  # 0 dates: every date


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
    found = views(request).document_list(limit, offset)
    for doc in found["documents"]:
        doc["path"] = shown_path(request.app.state.ingest_root, doc["path"])
    return found


@router.get("/documents/{document_id:path}", summary="One document: clean text, junk, copies")
def document(request: Request, document_id: str) -> dict[str, Any]:
    found = views(request).document(document_id)
    if isinstance(found.get("path"), str):
        found["path"] = shown_path(request.app.state.ingest_root, found["path"])
    return found


def shown_path(root: Path | None, path: str) -> str:
    """A stored path as the API shows it: relative to the ingest root when inside it, else
    the file name alone (the server's layout is nobody else's business)."""
    if root is not None and os.path.isabs(path):
        try:
            return Path(path).relative_to(root).as_posix()
        except ValueError:
            pass
    return os.path.basename(path) or path


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
    """Refuse (403, 401) a request without the server's token, before its body is read."""
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
    try:
        given.encode("utf-8")
    except UnicodeEncodeError:
        raise BadRequest("a path must be text (it holds an unpaired surrogate)") from None
    path = (root / given).resolve()
    if not path.is_relative_to(root):
        raise BadRequest(f"not inside the ingest root: {given[:200]!r}")
    if not path.exists():
        raise BadRequest(f"no such file or folder: {given[:200]!r}")
    return str(path)


def _inlined(schema: Any, defs: dict[str, Any]) -> Any:
    """``schema`` with its ``$defs`` references replaced by what they name."""
    if isinstance(schema, dict):
        ref = schema.get("$ref", "")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inlined(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inlined(v, defs) for k, v in schema.items() if k != "$defs"}
    if isinstance(schema, list):
        return [_inlined(v, defs) for v in schema]
    return schema


# The body is read by hand (after the token check), so its schema is given here.
_BODY_SCHEMA = IngestRequest.model_json_schema()
_BODY_SCHEMA = _inlined(_BODY_SCHEMA, _BODY_SCHEMA.get("$defs", {}))


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the request body is over {limit} bytes")
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            raise HTTPException(413, f"the request body is over {limit} bytes")
    return bytes(data)


@router.post(
    "/ingest",
    summary="Ingest articles (needs the server's token)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _BODY_SCHEMA}},
        }
    },
)
async def ingest(request: Request) -> dict[str, Any]:
    # the token first: a stranger's body is never read, let alone parsed
    check_token(request, request.headers.get("authorization"))
    data = await read_body(request, request.app.state.max_body)
    try:
        body = IngestRequest.model_validate_json(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:20]:
            where = ".".join(str(p) for p in err.get("loc", ()))
            problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        raise BadRequest("; ".join(problems) or "invalid request") from None
    except RecursionError:
        raise BadRequest("the request's JSON is nested too deeply") from None
    if not body.articles and not body.paths:
        raise BadRequest("nothing to ingest: give articles or paths")
    root: Path | None = request.app.state.ingest_root
    paths = [server_path(root, p) for p in body.paths]
    report = await run_in_threadpool(_ingest, request, body.articles, paths, root)
    return {
        "added": list(report.added),
        "unchanged": list(report.unchanged),
        "updated": list(report.updated),
        "problems": [str(p) for p in report.problems],
        "build": None if report.build is None else dataclasses.asdict(report.build),
    }


def _ingest(
    request: Request, articles: list[Article], paths: list[str], root: Path | None
) -> IngestReport:
    writer, lock = _writer(request)
    with tempfile.TemporaryDirectory(prefix="dateline-upload-") as tmp, lock:
        # files on the server only inside the root, every one resolved (links in folders too)
        found = writer.ingest(paths, build=False, root=root) if paths else None
        if articles:
            upload = Path(tmp) / "upload.jsonl"
            lines = [json.dumps(a.model_dump(exclude_none=True)) for a in articles]
            upload.write_text("\n".join(lines) + "\n", encoding="utf-8")
            uploaded = writer.ingest([upload], build=False)
            found = uploaded if found is None else _merged(found, uploaded)
        assert found is not None
        return dataclasses.replace(found, build=writer.build())


def _merged(a: IngestReport, b: IngestReport) -> IngestReport:
    return IngestReport(
        a.added + b.added, a.unchanged + b.unchanged, a.updated + b.updated,
        a.problems + b.problems,
    )  # fmt: skip


def _writer(request: Request) -> tuple[Dossier, Any]:
    """The dossier API ingests write through, and the lock that keeps them one at a time.

    A store that can be opened again gets its own connection, so the pages and the API's
    reads (on the app's connection, under the views' lock) never wait for an ingest and its
    build; an in-memory store has one connection only, shared under the views' lock."""
    state = request.app.state
    with state.writer_guard:
        if state.writer is None:
            reader: Dossier = views(request).dossier
            try:
                store = open_store(reader.store.reopen_location())
            except (DatelineError, ValueError):
                state.writer = (reader, views(request).lock)
            else:
                own = Dossier(store, today=reader.today, analyzer=reader.analyzer)
                state.writer = (own, threading.Lock())
                state.owned_writer = own
        return state.writer  # type: ignore[no-any-return]

"""The dossier in a browser: HTML pages and a JSON API (``/api/``) over one store.

    from dateline.web import create_app
    app = create_app("dateline.db")            # read-only
    app = create_app(dossier, token="secret")  # POST /api/ingest accepts that bearer token

Everything an article says is untrusted: templates autoescape, scripts come only from
``/static`` (a strict Content-Security-Policy), and the page scripts write text, not HTML.
Reads need no token, so only requests naming an allowed host are answered: a page on
another site that rebinds its name to this machine cannot read the dossier.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline import __version__
from dateline.errors import DatelineError
from dateline.service import Dossier
from dateline.web import api, pages
from dateline.web.views import NotFound, Views

STATIC = Path(__file__).parent / "static"
# Longer query strings are refused before any handler runs.
MAX_QUERY_STRING = 4096
MAX_PATH = 2048

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

# Host names answered by default: the loopback names a local browser uses. "testserver" is
# the name the ASGI test client sends, which no page can make a browser send to this host.
DEFAULT_ALLOWED_HOSTS = ("127.0.0.1", "localhost", "::1", "testserver")

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_ALLOWED_HOSTS", "create_app"]


def host_name(header: str) -> str:
    """The name in a Host header, without its port, lower-cased ("[::1]:80" -> "::1")."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def create_app(
    dossier_or_location: Dossier | str | Path,
    token: str | None = None,
    ingest_root: str | Path | None = None,
    allowed_hosts: Iterable[str] = DEFAULT_ALLOWED_HOSTS,
    max_body: int = api.MAX_BODY,
) -> FastAPI:
    """The web app over a dossier (or the store at a path or URL, opened and closed here).

    ``token`` enables ``POST /api/ingest`` for requests bearing it; without one the app
    only reads. Uploaded articles are always accepted with the token; files and folders on
    the server only inside ``ingest_root``, and none when it is not given. Requests whose
    Host header names none of ``allowed_hosts`` ("*": any) get 400; request bodies over
    ``max_body`` bytes get 413.
    """
    owned = not isinstance(dossier_or_location, Dossier)
    dossier = (
        dossier_or_location
        if isinstance(dossier_or_location, Dossier)
        else Dossier.open(dossier_or_location)
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.views.close()
        if app.state.owned_writer is not None:
            app.state.owned_writer.close()
        if owned:
            dossier.close()

    app = FastAPI(
        title="Dateline",
        version=__version__,
        description="A sourced dossier built from news articles.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.views = Views(dossier)
    app.state.token = token or None
    app.state.ingest_root = Path(ingest_root).resolve() if ingest_root is not None else None
    app.state.max_body = max_body
    # the dossier API ingests write through, made on the first (see api._writer)
    app.state.writer = app.state.owned_writer = None
    app.state.writer_guard = threading.Lock()
    hosts = {host_name(h) for h in allowed_hosts}
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_errors(app)

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        query = request.scope.get("query_string", b"")
        declared = request.headers.get("content-length", "")
        head = request.method == "HEAD"
        if "*" not in hosts and host_name(request.headers.get("host", "")) not in hosts:
            response: Response = _error(request, 400, "this server does not answer to that "
                                        "host name (see --allowed-host)")  # fmt: skip
        elif len(query) > MAX_QUERY_STRING or len(request.scope.get("path", "")) > MAX_PATH:
            response = _error(request, 400, "the request's URL is too long")
        elif declared.isdigit() and int(declared) > max_body:
            response = _error(request, 413, f"the request body is over {max_body} bytes")
        else:
            if head:  # answered as GET, without the body
                request.scope["method"] = "GET"
            try:
                response = await call_next(request)
            except Exception:
                # answered here, not by the server's fallback, so it keeps the headers below
                log.exception("error answering %s %s", request.method, request.url.path)
                response = _error(request, 500, "internal error")
        if head:
            response = Response(status_code=response.status_code, headers=response.headers)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return pages.error_page(request, status, message)


def _add_errors(app: FastAPI) -> None:
    """Bad parameters are 400 with a message, unknown ids 404; pages get an HTML page."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body"))
            problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return _error(request, 400, "; ".join(problems) or "invalid request")

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(DatelineError)
    async def refused(request: Request, exc: DatelineError) -> Response:
        # BadRequest, QueryError (FTS syntax) and the dossier's own refusals
        return _error(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

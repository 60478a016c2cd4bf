"""The dossier in a browser: HTML pages and a JSON API (``/api/``) over one store.

    from dateline.web import create_app
    app = create_app("dateline.db")            # read-only
    app = create_app(dossier, token="secret")  # POST /api/ingest accepts that bearer token

Everything an article says is untrusted: templates autoescape, scripts come only from
``/static`` (a strict Content-Security-Policy), and the page scripts write text, not HTML.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
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

__all__ = ["create_app"]


def create_app(
    dossier_or_location: Dossier | str | Path,
    token: str | None = None,
    ingest_root: str | Path | None = None,
) -> FastAPI:
    """The web app over a dossier (or the store at a path or URL, opened and closed here).

    ``token`` enables ``POST /api/ingest`` for requests bearing it; without one the app
    only reads. Uploaded articles are always accepted with the token; files and folders on
    the server only inside ``ingest_root``, and none when it is not given.
    """
    owned = not isinstance(dossier_or_location, Dossier)
    dossier = Dossier.open(dossier_or_location) if owned else dossier_or_location
    assert isinstance(dossier, Dossier)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
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
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_errors(app)

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        query = request.scope.get("query_string", b"")
        if len(query) > MAX_QUERY_STRING or len(request.scope.get("path", "")) > MAX_PATH:
            response: Response = _error(request, 400, "the request's URL is too long")
        else:
            response = await call_next(request)
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

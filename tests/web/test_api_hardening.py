"""The API under hostile use: the token before the body, a body limit, allowed host names,
no server paths, HEAD, headers on errors, links out of the ingest root, an edited file,
and reads that never wait for an ingest."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from dateline.service import Dossier
from dateline.web import create_app
from dateline.web.views import Views

TOKEN = "hardening-t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
STORY = (
    "The regional water board approved a plan on Tuesday to replace old pipes under the "
    "market district, where leaks have closed shops twice this year.\n\n"
    "Work starts in the spring and should last eighteen months, the board's chair said, "
    "with night shifts to keep the streets open during the day.\n"
)


def asgi_post(app: FastAPI, headers: dict[str, str], chunks: int, size: int) -> tuple[int, int]:
    """POST /api/ingest straight to the app with a body streamed in ``chunks`` pieces;
    returns the status and how many pieces the app asked for."""
    asked = 0
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal asked
        asked += 1
        more = asked < chunks
        return {"type": "http.request", "body": b"[" * size, "more_body": more}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": "/api/ingest", "raw_path": b"/api/ingest",
        "query_string": b"", "root_path": "", "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
        "headers": [(b"host", b"127.0.0.1:8000")]
        + [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }  # fmt: skip
    asyncio.run(app(scope, receive, send))
    return status, asked


def test_the_token_is_checked_before_the_body_is_read(dossier: Dossier) -> None:
    app = create_app(dossier, token=TOKEN)
    status, asked = asgi_post(app, {}, chunks=200, size=2**20)
    assert status == 401 and asked == 0
    status, asked = asgi_post(app, {"Authorization": "Bearer wrong"}, chunks=200, size=2**20)
    assert status == 401 and asked == 0
    read_only = create_app(dossier)
    assert asgi_post(read_only, {}, chunks=200, size=2**20) == (403, 0)


def test_a_body_past_the_limit_is_refused_unread(dossier: Dossier) -> None:
    app = create_app(dossier, token=TOKEN, max_body=10_000)
    # no length declared: refused as soon as the limit is passed, not at the end
    status, asked = asgi_post(app, AUTH, chunks=1000, size=4096)
    assert status == 413 and asked <= 3
    # a declared length past the limit: refused before anything is read
    status, asked = asgi_post(app, {**AUTH, "Content-Length": "5000000"}, chunks=1000, size=4096)
    assert status == 413 and asked == 0
    with TestClient(app) as c:
        big = c.post("/api/ingest", json={"articles": [{"text": "x" * 20_000}]}, headers=AUTH)
        assert big.status_code == 413 and "over 10000 bytes" in big.json()["detail"]


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,  # nested far past any parser's recursion
        b'{"paths": ["\\ud800"]}',  # a lone surrogate names no file
        b'{"articles": [{"text": 5}]}',
        b"not json",
    ],
)
def test_bad_bodies_are_400_not_500(tmp_path: Path, dossier: Dossier, body: bytes) -> None:
    app = create_app(dossier, token=TOKEN, ingest_root=tmp_path)
    with TestClient(app, raise_server_exceptions=False) as c:
        answer = c.post(
            "/api/ingest", content=body, headers={**AUTH, "Content-Type": "application/json"}
        )
        assert answer.status_code == 400 and isinstance(answer.json()["detail"], str)


def test_only_allowed_host_names_are_answered(dossier: Dossier) -> None:
    with TestClient(create_app(dossier)) as c:
        for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example"):
            refused = c.get("/api/stats", headers={"Host": host})
            assert refused.status_code == 400, host
            assert refused.headers["x-content-type-options"] == "nosniff"
        assert c.get("/", headers={"Host": "evil.example"}).status_code == 400
        for host in ("localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST"):
            assert c.get("/api/stats", headers={"Host": host}).status_code == 200, host
    app = create_app(dossier, allowed_hosts=["dossier.lan"])
    with TestClient(app) as c:
        assert c.get("/api/stats", headers={"Host": "dossier.lan:80"}).status_code == 200
        assert c.get("/api/stats", headers={"Host": "localhost"}).status_code == 400


def test_head_is_answered_like_get_without_a_body(client: TestClient) -> None:
    for url in ("/api/stats", "/", "/api/documents"):
        got = client.get(url)
        head = client.head(url)
        assert head.status_code == got.status_code == 200, url
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.headers["content-security-policy"] == got.headers["content-security-policy"]


def test_an_unexpected_error_keeps_the_security_headers(
    dossier: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Views) -> dict[str, Any]:
        raise RuntimeError("a bug")

    monkeypatch.setattr(Views, "overview", broken)
    with TestClient(create_app(dossier), raise_server_exceptions=False) as c:
        answer = c.get("/api/overview")
        assert answer.status_code == 500 and "a bug" not in answer.text
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'none'" in answer.headers["content-security-policy"]


@pytest.fixture
def inbox(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "inbox"
    (root / "drop").mkdir(parents=True)
    yield root


def test_folders_in_the_root_are_read_file_by_file(
    tmp_path: Path, inbox: Path, dossier: Dossier
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(STORY.replace("water board", "private committee"), encoding="utf-8")
    os.symlink(secret, inbox / "drop" / "report.txt")  # a link in a folder, out of the root
    (inbox / "drop" / "story.txt").write_text(STORY, encoding="utf-8")
    app = create_app(dossier, token=TOKEN, ingest_root=inbox)
    with TestClient(app) as c:
        done = c.post("/api/ingest", json={"paths": ["drop"]}, headers=AUTH)
        assert done.status_code == 200, done.text
        assert len(done.json()["added"]) == 1
        assert any("outside the ingest root" in p for p in done.json()["problems"])
        assert c.get("/api/search", params={"q": "committee"}).json()["hits"] == []
        # paths shown relative to the root: the server's layout stays private
        [doc] = c.get("/api/documents").json()["documents"]
        assert doc["path"] == "drop/story.txt"
        assert c.get(f"/api/documents/{doc['id']}").json()["path"] == "drop/story.txt"
        uploaded = c.post("/api/ingest", json={"articles": [{"text": "Fresh report. " * 9}]},
                          headers=AUTH)  # fmt: skip
        assert uploaded.status_code == 200
        paths = {d["path"] for d in c.get("/api/documents").json()["documents"]}
        assert paths == {"drop/story.txt", "upload.jsonl"}


def test_an_edited_file_ingested_again_through_the_api(inbox: Path, dossier: Dossier) -> None:
    (inbox / "drop" / "a.txt").write_text(STORY, encoding="utf-8")
    (inbox / "drop" / "b.txt").write_text("Pipes replaced\n\n" + STORY, encoding="utf-8")
    app = create_app(dossier, token=TOKEN, ingest_root=inbox)
    with TestClient(app) as c:
        assert c.post("/api/ingest", json={"paths": ["."]}, headers=AUTH).status_code == 200
        with (inbox / "drop" / "a.txt").open("a", encoding="utf-8") as handle:
            handle.write("\nCorrection: the work lasts eighteen months, not eight.\n")
        (inbox / "drop" / "c.txt").write_text("A new ferry line opens on Sunday. " * 5)
        again = c.post("/api/ingest", json={"paths": ["."]}, headers=AUTH)
        assert again.status_code == 200, again.text
        assert len(again.json()["updated"]) == 1 and len(again.json()["added"]) == 1
        assert c.get("/api/stats").json()["documents"] == 3


def test_reads_do_not_wait_for_an_ingest(
    tmp_path: Path, dossier: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    entered, release = threading.Event(), threading.Event()
    real_ingest = Dossier.ingest

    def slow_ingest(self: Dossier, *args: Any, **kwargs: Any) -> Any:
        entered.set()  # the ingest has begun and holds whatever it holds
        release.wait(60)
        return real_ingest(self, *args, **kwargs)

    monkeypatch.setattr(Dossier, "ingest", slow_ingest)
    app = create_app(dossier, token=TOKEN)
    answers: dict[str, Any] = {}

    def post() -> None:
        answers["post"] = TestClient(app).post(
            "/api/ingest", json={"articles": [{"text": STORY}]}, headers=AUTH
        )

    def read() -> None:
        answers["read"] = TestClient(app).get("/api/stats")

    writer = threading.Thread(target=post)
    writer.start()
    try:
        assert entered.wait(60)
        reader = threading.Thread(target=read)
        reader.start()
        reader.join(60)  # a reader that waits for the writer is still here when it is freed
        blocked = reader.is_alive()
    finally:
        release.set()
        writer.join(120)
    assert not blocked, "a read waited for the ingest"
    assert answers["read"].status_code == 200
    assert answers["post"].status_code == 200
    assert dossier.stats()["documents"] == 1


def test_serve_takes_the_token_from_a_file_and_more_host_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from dateline.cli.app import app as cli

    seen: dict[str, int] = {}

    def fake_run(web: FastAPI, **options: Any) -> None:
        with TestClient(web) as c:
            for host in ("dossier.lan", "evil.example", "localhost"):
                seen[host] = c.get("/api/stats", headers={"Host": host}).status_code
            auth = {"Authorization": "Bearer from-a-file", "Host": "localhost"}
            seen["token"] = c.post("/api/ingest", json={}, headers=auth).status_code

    monkeypatch.setattr(uvicorn, "run", fake_run)
    (tmp_path / "token").write_text("from-a-file\n", encoding="utf-8")
    Dossier.open(tmp_path / "s.db").close()
    result = CliRunner().invoke(
        cli,
        ["serve", "--db", str(tmp_path / "s.db"), "--token-file", str(tmp_path / "token"),
         "--allowed-host", "dossier.lan"],
        env={"DATELINE_DB": "", "DATELINE_TOKEN": ""},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    # the token was taken (400: nothing to ingest, not 401), and only the named hosts answer
    assert seen == {"dossier.lan": 200, "evil.example": 400, "localhost": 200, "token": 400}


@pytest.mark.parametrize(
    ("content", "said"),
    [(b"\xff\xfe\x00binary\x00", "not a UTF-8 text file"), (b"\n\n", "no token on its first line")],
)
def test_a_token_file_that_is_no_token_is_refused_by_name(
    tmp_path: Path, content: bytes, said: str
) -> None:
    from typer.testing import CliRunner

    from dateline.cli.app import app as cli

    (tmp_path / "token").write_bytes(content)
    Dossier.open(tmp_path / "s.db").close()
    result = CliRunner().invoke(
        cli,
        ["serve", "--db", str(tmp_path / "s.db"), "--token-file", str(tmp_path / "token")],
        env={"DATELINE_DB": "", "DATELINE_TOKEN": ""},
    )
    assert result.exit_code == 2
    assert said in result.output and "Traceback" not in result.output

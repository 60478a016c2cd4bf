"""`dateline serve`: its options, refusals, and a real server process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from dateline.cli.app import app
from dateline.service import Dossier

runner = CliRunner()


def test_serve_help_names_its_options() -> None:
    result = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "DATELINE_TOKEN", "127.0.0.1", "8000"):
        assert option in result.output, option


@pytest.mark.parametrize("port", ["0", "65536", "-1", "http"])
def test_serve_refuses_a_bad_port(port: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--port", port])
    assert result.exit_code == 2
    assert "--port" in result.output
    assert not (tmp_path / "x.db").exists(), "nothing is opened before the options are valid"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`python -m dateline serve` on an empty store, with its token from the environment."""
    db = tmp_path / "served.db"
    Dossier.open(db).close()
    port = free_port()
    env = {**os.environ, "DATELINE_TOKEN": "from-env"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{url}/api/stats", timeout=2)
            break
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                output = proc.communicate()[0]
                raise RuntimeError(f"dateline serve did not start: {output}") from None
            time.sleep(0.2)
    yield url, proc
    proc.terminate()
    proc.wait(timeout=20)


def test_serve_runs_a_server(served: tuple[str, subprocess.Popen[str]]) -> None:
    url, _ = served
    assert httpx.get(f"{url}/api/stats").json()["documents"] == 0
    assert "Dateline" in httpx.get(url).text
    # DATELINE_TOKEN enables ingest: a wrong token is 401, not the read-only 403
    wrong = httpx.post(f"{url}/api/ingest", json={"paths": ["/nonexistent"]},
                       headers={"Authorization": "Bearer other"})  # fmt: skip
    assert wrong.status_code == 401
    right = httpx.post(f"{url}/api/ingest", json={"paths": ["/nonexistent"]},
                       headers={"Authorization": "Bearer from-env"})  # fmt: skip
    assert right.status_code == 400 and "--ingest-root" in right.json()["detail"]


def test_serve_on_a_busy_port_fails_cleanly(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "dateline", "serve", "--db", str(tmp_path / "b.db"),
             "--port", str(port), "--token", "t" * 32],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert done.returncode != 0  # uvicorn: 3, a startup failure
    assert "Traceback" not in done.stderr
    assert "address already in use" in done.stderr.lower()

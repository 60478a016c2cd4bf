"""Reading a page never fetches anything: markup that starts like a URL is still markup."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.model import RawDocument
from dateline.read import read_file


class Listener:
    """A loopback HTTP listener that records every connection it gets."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.requests: list[bytes] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        page = (b"<html><head><meta name='date' content='2001-01-01'></head>"
                b"<body><p>fetched</p></body></html>")  # fmt: skip
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    self.requests.append(conn.recv(4096))
                    conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n"
                                 b"Content-Length: %d\r\n\r\n%s" % (len(page), page))  # fmt: skip
                except OSError:
                    pass

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    found = Listener()
    yield found
    found.close()


def test_markup_that_starts_with_a_url_is_never_fetched(tmp_path: Path, listener: Listener) -> None:
    # no ASCII space anywhere: a loader that guesses "URL" from the text would fetch it
    sentence = "The ferry service between the two islands resumed on Monday after a week of "
    words = "\n".join((sentence + "storms kept the boats in harbour.").split() * 8)
    markup = (
        f"http://127.0.0.1:{listener.port}/page\n<html><head><title>Ferry</title>"
        "<meta\tname='date'\tcontent='2025-02-03'></head><body><article>"
        f"<p>{words}</p><p>{words}</p></article></body></html>"
    )
    assert " " not in markup
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    [doc] = list(read_file(str(path), path))
    assert isinstance(doc, RawDocument)
    # the page's own metadata dates it, not whatever the URL would have served
    assert [c.value for c in doc.date_candidates] == ["2025-02-03"]
    assert listener.requests == []

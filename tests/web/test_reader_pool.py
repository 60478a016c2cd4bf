"""Concurrent readers: the web app lends each request a read connection of its own."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi.testclient import TestClient

from dateline.service import Dossier
from dateline.web import create_app
from dateline.web.views import ReaderPool, Views
from tests.conftest import SAMPLE_DIR, TODAY, store_location


def test_threads_reading_at_once_hold_different_connections(sample_dossier: Dossier) -> None:
    pool = ReaderPool(sample_dossier, size=3)
    inside = threading.Barrier(3, timeout=30)
    held: list[Dossier] = []

    def read() -> None:
        with pool as dossier:
            held.append(dossier)
            dossier.stats()
            inside.wait()  # all three hold a handle at the same time

    try:
        threads = [threading.Thread(target=read) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len({id(d) for d in held}) == 3
        assert sample_dossier in held  # the app's own handle is one of them
    finally:
        pool.close()


def test_a_thread_keeps_its_handle_through_nested_reads(sample_dossier: Dossier) -> None:
    pool = ReaderPool(sample_dossier, size=2)
    try:
        with pool as outer:
            with pool as inner:
                assert inner is outer and pool.current() is outer
            assert pool.current() is outer
        assert pool.current() is sample_dossier  # nothing lent: the primary
    finally:
        pool.close()


def test_a_full_pool_makes_the_next_reader_wait(sample_dossier: Dossier) -> None:
    pool = ReaderPool(sample_dossier, size=1)
    got: list[Dossier] = []
    with pool:
        waiting = threading.Thread(target=lambda: got.extend([pool.__enter__()]))
        waiting.start()
        waiting.join(timeout=0.5)
        assert waiting.is_alive() and not got  # blocked while the only handle is lent
    waiting.join(timeout=30)
    assert got == [sample_dossier]


def test_an_in_memory_store_has_one_reader(analyzer) -> None:  # type: ignore[no-untyped-def]
    with Dossier.open(":memory:", today=TODAY, analyzer=analyzer) as d:
        assert ReaderPool(d, size=8).size == 1


def test_concurrent_requests_answer_as_one_at_a_time_do(tmp_path: Path, analyzer) -> None:  # type: ignore[no-untyped-def]
    with store_location(tmp_path) as location:
        d = Dossier.open(location, today=TODAY, analyzer=analyzer)
        d.ingest([SAMPLE_DIR])
        urls = ["/api/timeline", "/api/events", "/api/entities", "/api/search?q=minister",
                "/api/figures", "/api/promises", "/api/overview", "/api/documents"]  # fmt: skip
        with TestClient(create_app(d)) as client:
            alone = {u: client.get(u).json() for u in urls}
            with ThreadPoolExecutor(8) as run:
                answers = list(run.map(lambda u: (u, client.get(u)), urls * 4))
            views: Views = client.app.state.views  # type: ignore[attr-defined]
            assert views.lock.size > 1
        d.close()
    assert all(r.status_code == 200 for _, r in answers)
    assert all(r.json() == alone[u] for u, r in answers)

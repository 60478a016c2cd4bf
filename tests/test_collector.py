"""Stages run with the garbage collector's passes off (a timeline being planned), and it
always comes back."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from dateline import collector
from dateline.collector import _Pause
from dateline.summarise import plan


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after(collector_on: None) -> None:
    pause = _Pause()
    with pause():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), pause():
        raise ValueError("a failed read")
    assert gc.isenabled()


def test_a_collector_turned_off_elsewhere_stays_off(collector_on: None) -> None:
    gc.disable()
    with _Pause()():
        pass
    assert not gc.isenabled()


def test_overlapping_timelines_turn_it_on_when_the_last_ends(collector_on: None) -> None:
    pause = _Pause()
    entered, leave = threading.Event(), threading.Event()

    def other() -> None:
        with pause():
            entered.set()
            leave.wait(10)

    thread = threading.Thread(target=other)
    thread.start()
    entered.wait(10)
    with pause():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's timeline is still being planned
    leave.set()
    thread.join(10)
    assert gc.isenabled()


def test_timelines_that_keep_overlapping_still_let_it_pass(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    passes: list[int] = []
    monkeypatch.setattr(collector.gc, "collect", lambda: passes.append(1) or 0)
    pause = _Pause()
    with pause():  # one timeline stays open while others come and go
        for _ in range(2 * _Pause._OVERLAPPING):
            with pause():
                pass
        assert len(passes) == 2
        assert not gc.isenabled()
    assert gc.isenabled()


def test_planning_a_timeline_pauses_the_collector(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(plan, "_plan", lambda *args: seen.append(gc.isenabled()) or [[]])

    class Store:
        def cached(self, key: str) -> None:
            return None

        def generation(self) -> int:
            return 0

        def cache(self, key: str, value: str, generation: int) -> None:
            pass

    request = plan.TimelineRequest(dates=3).validated()
    assert plan.plan_timeline(Store(), request, lambda text: False) == []  # type: ignore[arg-type]
    assert seen == [False]
    assert gc.isenabled()

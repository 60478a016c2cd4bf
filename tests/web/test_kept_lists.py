"""The web app's kept lists (every event, entity, the corroboration) and the collector."""

from __future__ import annotations

import gc
import weakref

import pytest

from dateline.export.json import corroboration_dict
from dateline.service import Dossier, TimelineRequest
from dateline.web.views import Views


class _Cyclic:
    """A value only the cycle collector can free (it refers to itself)."""

    def __init__(self) -> None:
        self.me = self


def test_kept_lists_stay_out_of_the_collectors_way_and_go_when_replaced(
    sample_dossier: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    views = Views(sample_dossier, readers=1)
    try:
        made = views.events()
        # frozen: a full collection no longer walks it on some later request
        assert made and not any(o is made for o in gc.get_objects())
        gone = weakref.ref(views._kept_value("probe", _Cyclic))
        kept = gone() is not None  # (no assert holding the value itself)
        assert kept
        # a write since (stood in for: the dossier is shared, and its day counts hold only
        # until a write) makes the kept values stale
        later = sample_dossier.store.generation() + 1
        monkeypatch.setattr(sample_dossier.store, "generation", lambda: later)
        views._kept_value("probe", _Cyclic)
        assert gone() is None  # the replaced value was unfrozen and freed
    finally:
        views.close()
        gc.unfreeze()


def test_a_request_works_out_the_corroboration_of_what_it_shows_only(
    sample_dossier: Dossier,
) -> None:
    every = sample_dossier.corroboration()
    views = Views(sample_dossier, readers=1)
    try:
        data = views.timeline(TimelineRequest(dates=2))
        shown = {e["id"] for entry in data["entries"] for e in entry["events"]}
        worked_out = set(views._kept["backing"][1])
        # the shown events' and no more: a first request no longer reads every record's
        assert shown and worked_out == shown and len(worked_out) < len(every)
        for entry in data["entries"]:
            for event in entry["events"]:
                assert event["corroboration"] == corroboration_dict(every[event["id"]])
        # a filter on backing still judges every event of the list, as the whole list would
        events = sample_dossier.events()
        for kind in ("single", "corroborated"):
            listed = views.event_list(backing=kind, limit=500)
            single = kind == "single"
            expected = {e.id for e in events if every[e.id].single_source is single}
            assert {e["id"] for e in listed["events"]} == expected
            assert listed["total"] == len(expected)
    finally:
        views.close()
        gc.unfreeze()

"""The web app's kept lists (every event, entity, the corroboration) and the collector."""

from __future__ import annotations

import gc
import weakref

from dateline.service import Dossier
from dateline.store import records
from dateline.web.views import Views


class _Cyclic:
    """A value only the cycle collector can free (it refers to itself)."""

    def __init__(self) -> None:
        self.me = self


def test_kept_lists_stay_out_of_the_collectors_way_and_go_when_replaced(
    sample_dossier: Dossier,
) -> None:
    views = Views(sample_dossier, readers=1)
    try:
        made = views.events()
        # frozen: a full collection no longer walks it on some later request
        assert made and not any(o is made for o in gc.get_objects())
        gone = weakref.ref(views._kept_value("probe", _Cyclic))
        kept = gone() is not None  # (no assert holding the value itself)
        assert kept
        with sample_dossier.store.transaction():
            records.invalidate(sample_dossier.store)  # a write: the kept values are stale
        views._kept_value("probe", _Cyclic)
        assert gone() is None  # the replaced value was unfrozen and freed
    finally:
        views.close()
        gc.unfreeze()

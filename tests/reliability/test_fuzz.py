"""A short fuzzing run of every target in the normal suite (bench/fuzz.py runs longer)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.reliability.fuzz_targets import TARGETS, Target

# Small enough for every run of the suite; the seed is hypothesis's own (derandomised in
# CI by its profile when one is set), so each run tries new inputs.
EXAMPLES = {"read html": 40, "read file": 60, "search query": 150}
DEFAULT_EXAMPLES = 200


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_target_holds_for_generated_inputs(target: Target) -> None:
    @settings(
        max_examples=EXAMPLES.get(target.name, DEFAULT_EXAMPLES),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(target.strategy)
    def run(value: Any) -> None:
        target.check(value)

    run()

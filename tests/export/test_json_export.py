"""The JSON export contract: the schema, and sources that point at their sentences."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dateline.errors import DatelineError
from dateline.service import Dossier
from tests.conftest import SEEDS_DIR

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "src/dateline/export/schema/dossier.schema.json"
    ).read_text(encoding="utf-8")
)


def all_sources(data: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for key in ("events", "figures", "promises"):
        for record in data[key]:
            found.extend(record["sources"])
    for entity in data["entities"]:
        for role in entity["roles"]:
            found.extend(role["sources"])
    return found


@pytest.fixture(params=["sample_dossier", *(["seeds_dossier"] if SEEDS_DIR.is_dir() else [])])
def exported(request: pytest.FixtureRequest) -> dict[str, Any]:
    dossier: Dossier = request.getfixturevalue(request.param)
    return dossier.export()


def test_export_matches_the_schema(exported: dict[str, Any]) -> None:
    jsonschema.validate(exported, SCHEMA)
    assert exported["documents"] and exported["entities"] and exported["figures"]


def test_every_source_slices_back_to_its_sentence(exported: dict[str, Any]) -> None:
    texts = {d["id"]: d["text"] for d in exported["documents"]}
    sources = all_sources(exported)
    assert sources
    for source in sources:
        assert source["sentence"] == texts[source["document"]][source["start"] : source["end"]]
        assert source["sentence"].strip()


def test_removals_carry_the_removed_text(exported: dict[str, Any]) -> None:
    removals = [r for d in exported["documents"] for r in d["removed"]]
    assert removals
    for removal in removals:
        assert removal["text"] and removal["reason"]


def test_schema_rejects_a_broken_export(exported: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(exported))
    broken["documents"][0]["published"] = "9 May 2025"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


def test_a_partial_export_matches_the_full_one(sample_dossier: Dossier) -> None:
    full = sample_dossier.export()
    part = sample_dossier.export(["figures", "events"])
    assert part["figures"] == full["figures"] and part["events"] == full["events"]
    assert part["documents"] == [] and part["entities"] == [] and part["promises"] == []
    jsonschema.validate(part, SCHEMA)
    with pytest.raises(DatelineError, match="unknown export parts: nonsense"):
        sample_dossier.export(["nonsense"])

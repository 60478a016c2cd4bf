"""Cached output is keyed by the code that made it: a digest of each stage's modules and of
every dateline module (rules, word lists) they import, so an edit to one extractor's rules
re-runs that extractor on the next build, and an unchanged rebuild runs none."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline import stagecode
from dateline.analyse import nlp
from dateline.analyse.nlp import Analyzer
from dateline.pipeline import extractions
from dateline.service import Dossier
from tests.conftest import SAMPLE_DIR, TODAY, store_location

FILES = sorted(p for p in SAMPLE_DIR.iterdir() if p.is_file())[:4]
EXTRACTORS = ("find_figures", "sentences_for", "find_event_mentions", "find_promises")


def _edit(monkeypatch: pytest.MonkeyPatch, module: str, change: Callable[[bytes], bytes]) -> None:
    """Make the digests read ``module``'s source as ``change`` leaves it, and recompute the
    extractors' code keys as an import of the edited code would."""
    path = stagecode.module_path(module)
    assert path is not None
    read = stagecode.read_source
    edited = change(read(path))
    assert edited != read(path)
    monkeypatch.setattr(stagecode, "read_source", lambda p: edited if p == path else read(p))
    monkeypatch.setattr(extractions, "STAGE_CODE", extractions.stage_digests())


def _append_comment(source: bytes) -> bytes:
    return source + b"\n# an edit\n"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each extractor runs (the cache calls them through its module)."""
    counted: Counter[str] = Counter()
    for name in EXTRACTORS:
        real = getattr(extractions, name)

        def spy(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            counted[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(extractions, name, spy)
    return counted


@pytest.fixture
def built(tmp_path: Path, analyzer: Analyzer) -> Iterator[Dossier]:
    with store_location(tmp_path) as location, Dossier.open(location, TODAY, analyzer) as d:
        report = d.ingest(FILES).build
        assert report is not None and report.extracted == report.documents > 0
        yield d


def _export(d: Dossier) -> str:
    return json.dumps(d.export(), sort_keys=True, default=str)


def test_an_unchanged_rebuild_runs_no_extractor(built: Dossier, calls: Counter[str]) -> None:
    report = built.build()
    assert (report.analysed, report.extracted, report.relinked) == (0, 0, 0)
    assert sum(calls.values()) == 0


def test_editing_the_trigger_list_re_runs_the_event_extractor_alone(
    built: Dossier, calls: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _export(built)
    events = extractions.STAGE_MODULES["events"]
    # the module whose source declares the event triggers, wherever it lives
    holder = next(
        name
        for name, path in stagecode.module_closure(events).items()
        if re.search(rb"^TRIGGERS\b", path.read_bytes(), re.M)
    )
    _edit(
        monkeypatch,
        holder,
        lambda s: re.sub(
            rb"^(TRIGGERS\b[^\n]*\n)",
            rb'\1    ("parley", "VERB", "talks"),\n',
            s,
            count=1,
            flags=re.M,
        ),
    )
    report = built.build()
    documents = report.documents
    assert calls["find_event_mentions"] == documents
    assert calls["find_figures"] == calls["sentences_for"] == 0
    assert (report.analysed, report.extracted, report.relinked) == (0, 0, documents)
    # promises read the event extractor's code (their module imports it), so they re-run too
    promises = stagecode.module_closure(extractions.STAGE_MODULES["promises"])
    assert calls["find_promises"] == (documents if holder in promises else 0)
    assert _export(built) == before  # the running code did not change: same output
    calls.clear()
    assert built.build().relinked == 0 and sum(calls.values()) == 0


def test_editing_the_promise_extractor_re_runs_it_alone(
    built: Dossier, calls: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(monkeypatch, extractions.STAGE_MODULES["promises"], _append_comment)
    report = built.build()
    assert calls == Counter(find_promises=report.documents)


def test_editing_a_module_figures_import_re_runs_the_figure_extractor_alone(
    built: Dossier, calls: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = extractions.STAGE_MODULES["figures"]
    imported = set(stagecode.module_closure(figures))
    others = set().union(
        *(
            stagecode.module_closure(m)
            for k, m in extractions.STAGE_MODULES.items()
            if k != "figures"
        )
    )
    only_figures = sorted(imported - others - {figures})
    assert only_figures  # e.g. the units table
    _edit(monkeypatch, only_figures[0], _append_comment)
    report = built.build()
    assert calls == Counter(find_figures=report.documents)
    assert (report.extracted, report.relinked) == (report.documents, 0)


def test_closure_follows_module_level_imports_only() -> None:
    events = stagecode.module_closure("dateline.extract.events")
    assert {"dateline", "dateline.extract", "dateline.extract.ontology", "dateline.model"} <= set(
        events
    )
    assert "dateline.extract.figures" not in events
    # TYPE_CHECKING imports and imports inside functions do not run on import
    assert "dateline.analyse.convert" not in stagecode.module_closure("dateline.analyse.rules")
    assert "dateline.service" not in stagecode.module_closure("dateline")


def test_the_kept_sentence_features_name_the_code_that_makes_them_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without packages, a closure holds the modules whose code an entry calls: an edit to
    the summariser's words changes the kept features' identity, one to the timeline's
    planning (which a package imports) does not."""
    from dateline.summarise import features

    found = stagecode.module_closure("dateline.summarise.features", packages=False)
    assert {"dateline.summarise.text", "dateline.summarise.hygiene"} <= set(found)
    assert "dateline.evaluate.rouge" in found  # the stemmer
    assert not {"dateline", "dateline.summarise", "dateline.summarise.plan"} & set(found)
    before = features.features_identity()
    for module, changes in (("dateline.summarise.plan", False), ("dateline.summarise.text", True)):
        _edit(monkeypatch, module, _append_comment)
        features.features_identity.cache_clear()
        assert (features.features_identity() != before) is changes
        monkeypatch.undo()
    features.features_identity.cache_clear()
    assert features.features_identity() == before


def test_digest_reads_data_files_and_relative_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "dateline"
    (root / "words").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "words" / "__init__.py").write_text("")
    (root / "words" / "verbs.py").write_text("VERBS = ('meet',)\n")
    (root / "words" / "nouns.txt").write_text("summit\n")
    (root / "stage.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from .words import verbs\n"
        "if TYPE_CHECKING:\n    from dateline import heavy\n"
        "def later():\n    from dateline import lazy\n"
    )
    monkeypatch.setattr(stagecode, "ROOT", root)
    assert set(stagecode.module_closure("dateline.stage")) == {
        "dateline",
        "dateline.stage",
        "dateline.words",
        "dateline.words.verbs",
    }
    first = stagecode.code_digest("dateline.stage")
    (root / "words" / "nouns.txt").write_text("summit\ntalks\n")
    second = stagecode.code_digest("dateline.stage")
    (root / "words" / "verbs.py").write_text("VERBS = ('meet', 'visit')\n")
    third = stagecode.code_digest("dateline.stage")
    assert len({first, second, third}) == 3
    (root / "other.py").write_text("X = 1\n")  # not imported by the stage
    assert stagecode.code_digest("dateline.stage") == third


def test_the_analysis_key_follows_the_analysis_code(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = ("dateline.analyse.nlp", "dateline.analyse.codec")
    assert analyzer.model_version.endswith("+" + nlp.REVISION)
    assert stagecode.code_digest(*entries)[:16] == nlp.REVISION
    read = stagecode.read_source
    folding = stagecode.module_path("dateline.lexicon.names")
    events = stagecode.module_path("dateline.extract.events")
    for path, changes in ((folding, True), (events, False)):
        monkeypatch.setattr(
            stagecode,
            "read_source",
            lambda p, edited=path: read(p) + (b"#" if p == edited else b""),
        )
        assert (stagecode.code_digest(*entries)[:16] != nlp.REVISION) is changes


def test_the_table_of_same_output_revisions_is_outside_the_digest_it_names() -> None:
    from dateline.analyse import revisions

    entries = ("dateline.analyse.nlp", "dateline.analyse.codec")
    # inside, an entry for the current code would change the digest it names
    assert "dateline.analyse.revisions" not in stagecode.module_closure(*entries)
    for code, earlier in revisions.SAME_OUTPUT.items():
        assert earlier and all(re.fullmatch("[0-9a-f]{16}", d) for d in (code, *earlier))
        assert not set(earlier) & revisions.SAME_OUTPUT.keys()  # listed whole, not a chain


def test_analyses_of_code_with_the_same_output_are_read_not_made_again(
    built: Dossier, analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.analyse import revisions

    model, version = analyzer.model_name, analyzer.model_version
    earlier = version.rpartition("+")[0] + "+fedcba9876543210"
    with built.store.transaction():  # as if earlier code had made them
        built.store.execute("UPDATE analyses SET version = ?", (earlier,))
    before = _export(built)
    monkeypatch.setattr(revisions, "SAME_OUTPUT", {nlp.REVISION: ("fedcba9876543210",)})
    assert nlp.readable_versions(version) == (version, earlier)
    report = built.build()
    assert report.analysed == 0 and _export(built) == before
    # kept under the earlier version: earlier code, run on this store again, reads them
    assert set(built.store.analyses(model, earlier)) == {d.id for d in built.documents()}
    monkeypatch.setattr(revisions, "SAME_OUTPUT", {})  # code whose output differs
    assert nlp.readable_versions(version) == (version,)
    assert built.build().analysed == len({d.text for d in built.documents()}) > 0


def test_the_linked_key_follows_spellings_roles_and_a_branchs_parents() -> None:
    from dateline.model import Entity, Mention, Role
    from dateline.pipeline.extractions import _linked_key, _organisations

    person = Entity("p1", "Ana Reyes", "PERSON", ("Reyes",))
    branch = Entity("o1", "Dock Workers Local 12", "ORG")
    parent = Entity("o2", "Dock Workers Guild", "ORG")
    said = [Mention("d", 0, 0, 9, "Ana Reyes", "PERSON", "p1")]
    named = [*said, Mention("d", 1, 20, 41, "Dock Workers Local 12", "ORG", "o1")]
    names = {"p1": "Ana Reyes", "o1": "Dock Workers Local 12"}

    def key(mentions: list[Mention], people: list[Entity], orgs: list[Entity]) -> str:
        every = [*people, *orgs]
        return _linked_key(mentions, names, {e.id: e for e in every}, _organisations(every))

    base = key(said, [person], [branch])
    promoted = Entity("p1", "Ana Reyes", "PERSON", ("Reyes",), (Role("chair", "o1", None, None),))
    assert key(said, [promoted], [branch]) != base  # a new role
    renamed = Entity("o1", "Dock Workers Local 12", "ORG", ("Local 12",))
    assert key(named, [person], [renamed]) != key(named, [person], [branch])  # a spelling
    # another organisation's names matter only to a document naming a numbered branch
    assert key(said, [person], [branch, parent]) == base
    assert key(named, [person], [branch, parent]) != key(named, [person], [branch])

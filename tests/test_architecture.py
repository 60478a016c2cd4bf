"""The import contract: packages form layers, and a package imports only layers below its own.

Every import in src/dateline (read with ast: module level, inside functions and under
TYPE_CHECKING alike) between two of its top-level packages or modules is checked against
:data:`LAYERS`. Packages in one layer are independent of each other. A new package must be
placed in a layer here (and in the README's diagram) before it can be imported.
"""

from __future__ import annotations

import ast
import functools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from dateline.stagecode import absolute_module

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "dateline"

# Bottom first. Each name is a subpackage or a top-level module of dateline.
LAYERS: tuple[frozenset[str], ...] = (
    # plain data, errors, word lists and the code digest: import nothing above them
    frozenset({"model", "errors", "results", "lexicon", "stagecode", "collector"}),
    # the stages that need no language model, the evaluation metrics, the storage layer and
    # the renderers of a dossier
    frozenset({"read", "clean", "dedupe", "evaluate", "store", "export"}),
    frozenset({"analyse"}),  # the spaCy boundary: the analysis every later stage reads
    frozenset({"resolve"}),  # entities and roles from the analysis
    frozenset({"dating", "extract", "summarise"}),  # dating reads the model's name only
    frozenset({"cluster"}),  # groups what extract found
    frozenset({"pipeline"}),  # runs the stages and stores their output
    frozenset({"service"}),  # the Dossier: the one way in
    frozenset({"web"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),  # python -m dateline
)

# The package root (dateline/__init__.py) holds the version and the sample corpus's path
# and re-exports the model: any layer may read those, so at module level the root may import
# only the bottom layer. Its public entry points (dateline.open, dateline.Dossier) import the
# service inside functions, on first use (and under TYPE_CHECKING for the annotations):
# those are the imports allowed above it.
ROOT_LAZY = frozenset({"service"})

# Pairs of packages that import each other today, each with its reason. An entry that no
# longer holds fails the test, so it is removed with the cycle.
# Pairs of packages allowed, for a stated reason, to import each other (none today); a
# pair that no longer does must be removed.
KNOWN_CYCLES: dict[frozenset[str], str] = {}


@dataclass(frozen=True)
class Import:
    source: str  # top-level unit importing (package or module of dateline; "" is the root)
    target: str  # top-level unit imported
    where: str  # file:line
    deferred: bool  # inside a function or under TYPE_CHECKING: not run on import


def _unit(module: str) -> str:
    """The top-level package or module of a dateline module name ("" for the root)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(parts), is_package


def _imports_in(path: Path) -> list[Import]:
    module, is_package = _module_name(path)
    tree = ast.parse(path.read_bytes())
    deferred = {
        id(inner)
        for outer in ast.walk(tree)
        if isinstance(outer, ast.FunctionDef | ast.AsyncFunctionDef)
        or (isinstance(outer, ast.If) and "TYPE_CHECKING" in ast.unparse(outer.test))
        for inner in ast.walk(outer)
        if inner is not outer
    }
    found = []
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = absolute_module(node, module, is_package)
            # "from dateline import x": x is a subpackage, or a name the root holds
            if base == PACKAGE:
                subpackages = [a.name for a in node.names if _exists(a.name)]
                targets = [f"{PACKAGE}.{name}" for name in subpackages]
                if len(subpackages) < len(node.names):
                    targets.append(PACKAGE)
            else:
                targets = [base]
        for target in targets:
            if target != PACKAGE and not target.startswith(PACKAGE + "."):
                continue
            source, imported = _unit(module), _unit(target)
            if source != imported:
                where = f"{path.relative_to(SRC)}:{getattr(node, 'lineno', 0)}"
                found.append(Import(source, imported, where, id(node) in deferred))
    return found


def _exists(name: str) -> bool:
    base = SRC / PACKAGE / name
    return (base / "__init__.py").is_file() or base.with_suffix(".py").is_file()


@functools.cache
def _all_imports() -> tuple[Import, ...]:
    return tuple(i for path in sorted((SRC / PACKAGE).rglob("*.py")) for i in _imports_in(path))


def _units() -> set[str]:
    root = SRC / PACKAGE
    packages = {p.name for p in root.iterdir() if (p / "__init__.py").is_file()}
    modules = {p.stem for p in root.glob("*.py") if p.name != "__init__.py"}
    return packages | modules


def _layer(unit: str) -> int:
    if unit == "":
        return 0
    return next(n for n, layer in enumerate(LAYERS) if unit in layer)


def test_every_package_has_one_layer() -> None:
    placed = [name for layer in LAYERS for name in layer]
    assert len(placed) == len(set(placed)), "a package is in two layers"
    missing = _units() - set(placed)
    assert not missing, f"place these in LAYERS (and in README's diagram): {sorted(missing)}"


def test_the_import_reader_sees_every_kind_of_import() -> None:
    imports = _all_imports()
    edges = {(i.source, i.target, i.deferred) for i in imports}
    assert ("extract", "analyse", False) in edges  # from dateline.analyse.convert import …
    assert ("dating", "analyse", True) in edges  # an import inside a function
    assert ("cli", "", False) in edges  # from dateline import __version__
    assert ("", "service", True) in edges  # the root's lazy façade


def test_no_package_imports_a_higher_or_sibling_layer() -> None:
    wrong = []
    for i in _all_imports():
        if i.source == "":
            if i.deferred and i.target in ROOT_LAZY:
                continue
            if _layer(i.target) != 0:
                wrong.append(f"{i.where}: the package root imports {i.target}")
            continue
        if i.target == "":
            continue  # the root's constants (see ROOT_LAZY)
        if frozenset({i.source, i.target}) in KNOWN_CYCLES:
            continue
        if _layer(i.target) >= _layer(i.source):
            wrong.append(
                f"{i.where}: {i.source} (layer {_layer(i.source)}) imports "
                f"{i.target} (layer {_layer(i.target)})"
            )
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(wrong))


def test_no_two_packages_import_each_other() -> None:
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for i in _all_imports():
        if i.source and i.target:
            edges[(i.source, i.target)].append(i.where)
    cycles = {frozenset(pair) for pair in edges if pair[::-1] in edges}
    unknown = [
        f"{a} <-> {b}: {edges[(a, b)][0]} and {edges[(b, a)][0]}"
        for a, b in sorted(tuple(sorted(c)) for c in cycles - KNOWN_CYCLES.keys())
    ]
    assert not unknown, "packages importing each other:\n" + "\n".join(unknown)
    stale = [" <-> ".join(sorted(pair)) for pair in KNOWN_CYCLES.keys() - cycles]
    assert not stale, f"no longer a cycle, remove it from KNOWN_CYCLES: {stale}"


def test_summarise_plans_from_the_store_it_is_handed() -> None:
    """The timeline is planned in summarise, below the Dossier: it reads the store it is
    given and never reaches up to the service, the pipeline, the clustering or the entry
    points."""
    import inspect

    from dateline.summarise.plan import plan_timeline

    imported = {i.target for i in _all_imports() if i.source == "summarise"}
    assert "store" in imported
    assert not imported & {"service", "pipeline", "cluster", "web", "cli"}
    assert next(iter(inspect.signature(plan_timeline).parameters)) == "store"

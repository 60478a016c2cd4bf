"""A digest of the code a stage runs, so cached output is keyed by the rules that made it.

A stage names its entry modules; :func:`code_digest` follows their imports within the
``dateline`` package (read from the source with :mod:`ast`, nothing is imported) and hashes
every module reached, the packages holding them and any data files beside them (word
lists). Editing a rule, a word list or a module a stage imports changes that stage's
digest, and only the digests of the stages that reach it: no version to bump by hand.

Imports inside functions are not followed (they defer heavy or optional modules, such as
the package's lazy :class:`~dateline.service.Dossier`), nor are ``TYPE_CHECKING`` ones.
"""

from __future__ import annotations

import ast
import functools
import hashlib
from pathlib import Path

PACKAGE = "dateline"
ROOT = Path(__file__).resolve().parent
# Files beside a module that may hold word lists or tables it reads.
_DATA_SUFFIXES = frozenset({".txt", ".json", ".csv", ".tsv", ".toml", ".yaml", ".yml"})


def read_source(path: Path) -> bytes:
    """The bytes a digest reads for ``path`` (one place, so a test can edit a rule)."""
    return path.read_bytes()


def module_path(name: str) -> Path | None:
    """The file of the ``dateline`` module ``name``, or None when it is no such module."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    base = ROOT.joinpath(*parts[1:])
    for path in (base / "__init__.py", base.with_suffix(".py")):
        if path.is_file():
            return path
    return None


def module_closure(*entries: str, packages: bool = True) -> dict[str, Path]:
    """Every ``dateline`` module that importing ``entries`` runs, by name: what they
    import at module level, transitively, and the packages that hold them. Without
    ``packages``, no package's own module nor what it imports: only the modules whose
    code the entries call (a package that gathers its modules' names runs no rule)."""
    found: dict[str, Path] = {}
    todo = list(entries)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        path = module_path(name)
        if path is None:
            raise ModuleNotFoundError(f"no module {name} in {ROOT}")
        is_package = path.name == "__init__.py"
        if is_package and not packages:
            continue
        found[name] = path
        parent = name.rpartition(".")[0]
        if parent and packages:
            todo.append(parent)
        todo += _imported(read_source(path), name, is_package)
    return found


def code_digest(*entries: str, packages: bool = True) -> str:
    """A hex digest of the source of every module in ``module_closure(*entries,
    packages=packages)`` and of the data files in their directories."""
    files = set(module_closure(*entries, packages=packages).values())
    for folder in {p.parent for p in files}:
        files |= {p for p in folder.iterdir() if p.is_file() and _is_data(p)}
    digest = hashlib.sha256()
    for path in sorted(files):
        data = read_source(path)
        digest.update(f"{path.relative_to(ROOT).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _is_data(path: Path) -> bool:
    return path.suffix in _DATA_SUFFIXES and not path.name.startswith(".")


@functools.lru_cache(maxsize=256)
def _imported(source: bytes, module: str, is_package: bool) -> tuple[str, ...]:
    """The ``dateline`` modules ``source`` imports when it runs: for ``from X import y``
    both X and, where it is a module, X.y. (Cached by source: stages share modules.)"""
    names: list[str] = []
    for node in _module_level(ast.parse(source).body):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names if _inside(a.name)]
        elif isinstance(node, ast.ImportFrom):
            base = absolute_module(node, module, is_package)
            if not _inside(base):
                continue
            names.append(base)
            names += [f"{base}.{a.name}" for a in node.names if module_path(f"{base}.{a.name}")]
    return tuple(names)


def _module_level(body: list[ast.stmt]) -> list[ast.stmt]:
    """The statements that run on import: not those in functions or under TYPE_CHECKING."""
    found: list[ast.stmt] = []
    for node in body:
        found.append(node)
        if isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                found += _module_level(node.body)
            found += _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody):
                found += _module_level(block)
            for handler in node.handlers:
                found += _module_level(handler.body)
        elif isinstance(node, ast.With | ast.ClassDef):
            found += _module_level(node.body)
    return found


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def absolute_module(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The module a ``from ... import`` in ``module`` names, relative levels resolved."""
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    parts = parts[: len(parts) - node.level + 1]
    return ".".join([*parts, node.module] if node.module else parts)


def _inside(name: str) -> bool:
    return name == PACKAGE or name.startswith(PACKAGE + ".")

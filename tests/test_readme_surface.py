"""The README and the public surface agree: every CLI command and every Python API call it
names exists, and every CLI command is named in it."""

from __future__ import annotations

import re

import dateline
from dateline.cli.app import app
from dateline.service import Dossier
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
# "dateline ingest" at the start of a line (the command listings) or of an inline code span
COMMAND = re.compile(r"(?:^|`)dateline ([a-z][a-z-]*)", re.MULTILINE)


def _commands() -> dict[str, str]:
    """Each CLI command's name and the function it runs."""
    return {(c.name or c.callback.__name__): c.callback.__name__ for c in app.registered_commands}


def _python() -> str:
    """The README's Python: its python code blocks and inline code spans."""
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)
    spans = re.findall(r"`([^`\n]+)`", README)
    return "\n".join([*blocks, *spans])


def test_every_command_the_readme_names_exists() -> None:
    named = set(COMMAND.findall(README))
    assert {"ingest", "timeline", "serve"} <= named  # the listing is read at all
    assert named <= set(_commands()), sorted(named - set(_commands()))


def test_every_command_is_named_in_the_readme() -> None:
    commands = _commands()
    named = set(COMMAND.findall(README))
    missing = []
    for name, function in commands.items():
        # a second name for another command's function is named as its alias
        alias = sum(f == function for f in commands.values()) > 1 and name != function
        if name not in named and not (alias and re.search(rf"alias: {name}\b", README)):
            missing.append(name)
    assert not missing, f"commands the README never names: {missing}"


def test_every_api_call_the_readme_names_exists() -> None:
    python = _python()
    # the README's examples call the dossier "d" (d = dateline.open(...))
    assert re.search(r"\bd = dateline\.open\(", python)
    methods = set(re.findall(r"\bd\.([A-Za-z_]\w*)\(", python))
    methods |= set(re.findall(r"\bDossier\.([A-Za-z_]\w*)", python))
    assert {"ingest", "timeline", "close"} <= methods
    missing = sorted(m for m in methods if not callable(getattr(Dossier, m, None)))
    assert not missing, f"Dossier has no method {missing}"
    # calls, classes and constants of the package (not file names such as "dateline.db")
    names = set(re.findall(r"\bdateline\.([A-Z]\w*|\w+(?=\())", python))
    assert {"open", "SAMPLE_CORPUS"} <= names
    missing = sorted(n for n in names if not hasattr(dateline, n))
    assert not missing, f"the dateline package has no {missing}"


def test_the_readme_lists_every_event_type() -> None:
    from dateline.extract.ontology import EVENT_TYPES

    listed = set(re.findall(r"^\| ([A-Z]+) \| ", README, flags=re.MULTILINE))
    assert set(EVENT_TYPES) <= listed, sorted(set(EVENT_TYPES) - listed)

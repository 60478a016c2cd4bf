"""The README's Python example runs as written."""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.conftest import REPO


def test_readme_python_example_runs(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [block] = re.findall(r"## Python API\n\n```python\n(.*?)```", readme, flags=re.DOTALL)
    cwd = os.getcwd()
    os.chdir(tmp_path)  # the example writes dateline.db where it runs
    try:
        scope: dict[str, object] = {}
        exec(compile(block, "README.md", "exec"), scope)
    finally:
        os.chdir(cwd)
    assert (tmp_path / "dateline.db").exists()
    assert scope["kept"], "the sample corpus has promises that were kept"
    assert len(scope["figures"]) > 0  # a DataFrame of the figures


def test_readme_commands_exist() -> None:
    from dateline.cli.app import app

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    used = set(re.findall(r"^dateline ([a-z]+)", readme, flags=re.MULTILINE))
    assert used and used <= names, used - names

"""Reading a dossier must not pay for the ingest pipeline or NLTK at start-up."""

from __future__ import annotations

import subprocess
import sys


def test_the_service_starts_without_the_language_model_or_nltk() -> None:
    probe = (
        "import sys, dateline.service, dateline.cli.app; "
        "print(sorted(m for m in ('spacy', 'nltk', 'datasketch', 'scipy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

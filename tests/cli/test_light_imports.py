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


def test_stemming_loads_nltk_without_scipy_and_stems_as_nltk_does() -> None:
    probe = (
        "import sys\n"
        "from dateline.evaluate.rouge import stem\n"
        "from dateline.evaluate.tokens import ptb_tokenise\n"
        "words = ['running', 'generously', 'agreed', 'relational', 'ceasefires']\n"
        "ours = [stem(w) for w in words]\n"
        "tokens = ptb_tokenise('They didn\\'t sign (yet).')\n"
        "print('scipy.stats' in sys.modules, 'scipy.sparse' in sys.modules)\n"
        "import scipy.sparse, scipy.stats\n"  # still importable afterwards
        "from nltk.stem.porter import PorterStemmer\n"
        "plain = PorterStemmer(mode=PorterStemmer.NLTK_EXTENSIONS)\n"
        "print(ours == [plain.stem(w) for w in words], ours[0], tokens)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [
        "False False",
        "True run They did n't sign -LRB- yet -RRB- .",
    ]

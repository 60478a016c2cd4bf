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


def test_ingesting_ordinary_text_loads_neither_scipy_nor_sacremoses() -> None:
    # the MinHash permutations are drawn without datasketch (which loads SciPy), and
    # Moses's detokeniser is loaded only for a tokenised text
    probe = (
        "import sys\n"
        "from dateline.pipeline.prepare import prepare\n"
        "from dateline.dedupe import signature\n"
        "from dateline.clean import clean\n"
        "signature([1, 2, 3])\n"
        "clean('The minister arrived on Monday. Talks began at noon, aides said.')\n"
        "print(sorted(m for m in ('scipy', 'sacremoses', 'datasketch') if m in sys.modules))\n"
        "clean('He said : `` we do n\\'t agree , \\'\\' and left . Then , again .')\n"
        "print('sacremoses' in sys.modules)"
    )
    assert _run(probe) == ["[]", "True"]


WORDS = ["running", "generously", "agreed", "relational", "ceasefires", "hopefulness"]


def _run(probe: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


def test_stemming_loads_nltk_without_scipy_and_stems_as_nltk_does() -> None:
    # NLTK imported the usual way, in a process of its own
    plain = _run(
        "from nltk.stem.porter import PorterStemmer\n"
        "s = PorterStemmer(mode=PorterStemmer.NLTK_EXTENSIONS)\n"
        f"print(' '.join(s.stem(w) for w in {WORDS!r}))\n"
    )
    ours = _run(
        "import sys\n"
        "from dateline.evaluate.rouge import stem\n"
        "from dateline.evaluate.tokens import ptb_tokenise\n"
        f"print(' '.join(stem(w) for w in {WORDS!r}))\n"
        "print(ptb_tokenise('They didn\\'t sign (yet).'))\n"
        "print('scipy.stats' in sys.modules, 'scipy.sparse' in sys.modules)\n"
        "import scipy.sparse, scipy.stats\n"  # still importable afterwards
    )
    assert ours == [plain[0], "They did n't sign -LRB- yet -RRB- .", "False False"]

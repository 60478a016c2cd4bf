# Two entry points for a fresh machine with Python 3.11: `make demo` and `make test`.
# Each creates (or reuses) .venv and installs what it needs from pinned versions.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= dateline.db

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Dateline needs Python 3.11+"'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/dateline ingest --sample --db $(DB)
	$(BIN)/dateline documents --db $(DB)
	$(BIN)/dateline timeline --db $(DB)
	$(BIN)/dateline report --db $(DB) -o dossier.md --title "Vietnam–US defence relations (sample)"

# With DATELINE_TEST_POSTGRES set to a server URL (.ci/run starts one), the whole suite
# runs a second time with every dossier stored in PostgreSQL.
test: $(VENV)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src
	$(BIN)/pytest -q
	if [ -n "$$DATELINE_TEST_POSTGRES" ]; then DATELINE_TEST_BACKEND=postgres $(BIN)/pytest -q; fi

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

bench: $(VENV)/.installed
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm

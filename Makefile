# The two commands of the README:  `make figures` (the main job) and `make test`.
# Everything is installed here, into .venv (and .venv-mpl310 for the old-matplotlib checks).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENV_OLD := .venv-mpl310
CORPUS := seeds data/corpus/texts
CATALOG := data/corpus/catalog.csv

.PHONY: install figures tables test test-old-mpl lab brief evaluate clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

tables: install
	$(BIN)/analysis extract $(CORPUS) --catalog $(CATALOG) --out data

figures: tables
	$(BIN)/analysis figures $(CORPUS) --catalog $(CATALOG) --out figures

brief: install
	$(BIN)/analysis brief $(CORPUS) --catalog $(CATALOG) --out figures/brief

evaluate: install
	$(BIN)/analysis evaluate --gold data/corpus/gold.jsonl --catalog $(CATALOG) data/corpus/texts

test: install test-old-mpl
	$(BIN)/python -m pytest -q

# Arabic labels must also read correctly on matplotlib < 3.11, which does not shape text itself.
$(VENV_OLD)/.installed: pyproject.toml
	test -x $(VENV_OLD)/bin/python || $(PYTHON) -m venv $(VENV_OLD)
	$(VENV_OLD)/bin/python -m pip install --quiet --upgrade pip
	$(VENV_OLD)/bin/python -m pip install --quiet -e ".[test]" "matplotlib>=3.8,<3.11"
	touch $@

test-old-mpl: $(VENV_OLD)/.installed
	$(VENV_OLD)/bin/python -m pytest -q tests/test_typography.py tests/test_charts.py

lab: install
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf build .pytest_cache

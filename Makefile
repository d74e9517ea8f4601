# The two set-up commands: `make site` builds site/ from seeds/, `make test` runs the tests.
# Both create .venv and install the project into it on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

site: $(VENV)/.installed
	$(BIN)/timeline build

test: $(VENV)/.installed
	$(BIN)/ruff check generator tests bench
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	$(BIN)/python bench/dates_bench.py

clean:
	rm -rf $(VENV) site

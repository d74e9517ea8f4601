# The two set-up commands: `make site` builds site/ from seeds/, `make test` runs the tests.
# Both create .venv and install the project into it on first use. `make site` installs only
# what a build needs; `make test` adds the test tools (pytest, ruff, Playwright, ...) and
# what the browser tests need (Debian's Chromium and Java when missing, node_modules/).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test lint bench clean serve browser-tools

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

site: $(VENV)/.installed
	$(BIN)/timeline build

test: $(VENV)/.installed-test browser-tools
	$(BIN)/ruff check generator tests bench
	$(BIN)/python -m pytest -q

serve: $(VENV)/.installed
	$(BIN)/timeline serve

# What tests/browser/ needs beyond the venv: Debian's Chromium and Java (apt-get, as root;
# only when missing) and node_modules/ (axe-core, vnu-jar) from package-lock.json.
browser-tools:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# dates_bench: the date engine alone; site_bench: whole builds, ours against Pelican (which it
# installs on first use into bench/.venv-pelican); a few minutes.
bench: $(VENV)/.installed-test
	$(BIN)/python bench/dates_bench.py
	$(BIN)/python bench/site_bench.py --sizes 100,1000

clean:
	rm -rf $(VENV) site

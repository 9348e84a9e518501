# Everything needed on a fresh machine: `make status` and `make test` create the
# virtual environment and install what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DATA   ?= data
LOCALE := src/actionplan/locale

.PHONY: help install dev status test lint typecheck unit browser fuzz i18n schema golden bench clean

help:
	@echo "make status   install and show the programme's status ($(DATA)/)"
	@echo "make test     install dev tools, run ruff, mypy and pytest"
	@echo "make fuzz     the property-based and fuzz tests with a long budget"
	@echo "make i18n     extract messages and recompile the gettext catalogs"
	@echo "make golden   regenerate the report golden files (then review the diff)"
	@echo "make bench    time the commands against the floor (writes benchmarks/RESULTS.md)"
	@echo "make clean    remove the virtual environment and caches"

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python >= 3.11 is required (set PYTHON=python3.x)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

status: install
	$(BIN)/actionplan status --data $(DATA)

lint: dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: dev
	$(BIN)/mypy

unit: dev browser
	$(BIN)/pytest -q

# The property-based and fuzz suites with a long example budget (make test runs a short one).
fuzz: dev
	HYPOTHESIS_PROFILE=long $(BIN)/pytest -q tests/test_evaluate.py tests/test_evaluate_properties.py tests/test_fuzz.py

# Headless Chromium for the HTML report's browser test (Debian's package). Installed when
# missing and the machine allows it (root + apt-get); otherwise the test skips itself,
# except under CI=true where a missing browser fails the test.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser test…"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1; } || \
	    echo "Could not install chromium; the browser test will say why it skipped."; \
	  else \
	    echo "chromium is missing and cannot be installed here (needs root and apt-get)."; \
	  fi; }

test: lint typecheck unit

i18n: dev
	$(BIN)/pybabel extract --no-location --sort-output --project actionplan -k N_ \
	  -F babel.cfg -o $(LOCALE)/actionplan.pot src templates
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete --width 100 \
	  -i $(LOCALE)/actionplan.pot -d $(LOCALE) -D actionplan
	$(BIN)/pybabel compile --statistics -d $(LOCALE) -D actionplan

# Regenerate the report golden files (review the diff before committing).
golden: dev
	UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_report.py

schema: install
	for kind in programme update decisions; do \
	  $(BIN)/actionplan schema $$kind > schema/$$kind.schema.json.tmp && \
	  mv schema/$$kind.schema.json.tmp schema/$$kind.schema.json; done

# Speed and memory of every command against the floor (interpreter start, imports, a raw
# C-loader parse), on the repository's data and generated data at 1, 10 and 100 × its
# size; writes benchmarks/RESULTS.md. Takes about 20 minutes; not part of `make test`.
# BENCH_ARGS="--runs 5 --scales 1,10" for a shorter run.
BENCH_ARGS ?=
bench: dev
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis $(DATA)/.actionplan-cache

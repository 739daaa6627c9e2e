# Two commands matter: `make run` and `make test`. Both set up .venv on first use.
SHELL := /bin/bash
.DEFAULT_GOAL := run

VENV := .venv
PY := $(VENV)/bin/python
# Re-installs whenever requirements.txt changes.
INSTALLED := $(VENV)/.installed
# A DuckDB as old as the one BI tools bundle, alone in its own venv: `make test` opens the
# published warehouse with it (tests/python/test_published_warehouse.py).
VENV_DUCKDB14 := .venv-duckdb14
DUCKDB14_VERSION := 1.4.4

export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DBT_PROFILES_DIR := $(CURDIR)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help run test ci-build lint setup setup-duckdb14 clean benchmark docs dashboard test-dashboard chromium metrics setup-spark test-spark

$(INSTALLED): requirements.txt
	@echo "[setup] creating $(VENV) and installing pinned packages ..."
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV_DUCKDB14)/.installed-$(DUCKDB14_VERSION):
	@echo "[setup] creating $(VENV_DUCKDB14) with duckdb==$(DUCKDB14_VERSION) ..."
	@test -x $(VENV_DUCKDB14)/bin/python || python3 -m venv $(VENV_DUCKDB14)
	@$(VENV_DUCKDB14)/bin/python -m pip install --quiet --disable-pip-version-check duckdb==$(DUCKDB14_VERSION)
	@touch $@

## List the targets and what each does.
help:
	@awk '/^## /{doc = substr($$0, 4); next} /^[a-z][a-z0-9-]*:/{if (doc) printf "  make %-16s %s\n", substr($$1, 1, length($$1) - 1), doc; doc = ""} !/^## /{if (!/^[a-z]/) doc = ""}' $(MAKEFILE_LIST)

## Create .venv with the pinned packages (the other targets do it when needed).
setup: $(INSTALLED)
setup-duckdb14: $(VENV_DUCKDB14)/.installed-$(DUCKDB14_VERSION)

# The Spark extras (dbt-spark, pyspark), in the same venv and only for test-spark: run and test
# never install them. Installed with requirements.txt so that no pin of it moves.
SPARK_INSTALLED := $(VENV)/.installed-spark
$(SPARK_INSTALLED): $(INSTALLED) requirements-spark.txt
	@echo "[setup] installing the Spark extras into $(VENV) ..."
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-spark.txt
	@touch $@
setup-spark: $(SPARK_INSTALLED)

# Builds the CI sample with --target spark (data and unit tests included) and compares every
# mart with the DuckDB CI build (`make test` builds it).
## The same models on Apache Spark (in-process), every mart compared with DuckDB.
test-spark: $(SPARK_INSTALLED)
	@command -v java >/dev/null || test -n "$$JAVA_HOME" || \
		{ echo "test-spark: Spark needs a Java 17+ runtime (java on PATH, or JAVA_HOME)"; exit 2; }
	@$(VENV)/bin/pytest tests/spark -p no:cacheprovider

## Build everything on the built-in sample (or EVENTS_PATH / SESSIONS_PATH).
run: $(INSTALLED)
	@$(PY) -m scripts.run_pipeline

# pytest's workers, each given whole test files (`--dist loadfile`, so a module's fixtures are
# built once) in the order tests/python/conftest.py collects them: the machines have 2 cores.
PYTEST_WORKERS ?= 2

## Every check: lint and a CI build of a small sample (unit and data tests), then pytest.
# Lint and the CI build run side by side (each outputs in one piece); pytest reads the build.
test: $(INSTALLED) setup-duckdb14
	@$(MAKE) --no-print-directory -j2 -O lint ci-build
	@$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder

# The small, fixed build the tests check (warehouse/ci.duckdb): it parses and builds every model.
ci-build: $(INSTALLED)
	@$(PY) -m scripts.run_pipeline --ci

# Column types and row counts come from the warehouse `make run` built; without one the
# catalog is empty.
## The dbt docs site, offline: one self-contained file, target/static_index.html.
docs: $(INSTALLED)
	@echo "[docs] dbt docs generate --static ..."
	@start=$$(date +%s); db="$${DUCKDB_PATH:-warehouse/analytics.duckdb}"; \
	if [ -f "$$db" ]; then catalog=; \
	else catalog=--empty-catalog; export DUCKDB_CANDIDATE_PATH=:memory:; \
	echo "  no warehouse yet: descriptions only (run 'make run' for types and row counts)"; fi; \
	mkdir -p "$$(dirname "$${DUCKDB_BUILD_PATH:-warehouse/build.duckdb}")"; \
	$(VENV)/bin/dbt docs generate --static --quiet $$catalog && \
	echo "[docs] done in $$(( $$(date +%s) - start ))s" && \
	echo "Docs:      $(CURDIR)/target/static_index.html (open it in any browser, no server needed)"

# scripts/dashboard/__init__.py says what it shows.
## The interactive dashboard over the published warehouse (after `make run`), on 127.0.0.1:$DASHBOARD_PORT (8501).
dashboard: $(INSTALLED)
	@$(PY) -m scripts.dashboard --port $${DASHBOARD_PORT:-8501}

# Headless Chromium loads both pages served over the CI build (after `make test`) at 1400 px,
# checks every KPI card (its value, nothing cut, the exact value on hover where a card shows
# compact units) and saves screenshots in outputs-dashboard/. `--dev`: the `make run` warehouse.
## The dashboard in a real browser (after make test): KPI cards checked, screenshots saved.
test-dashboard: $(INSTALLED) chromium
	@$(PY) -m scripts.dashboard.browser_check

# Debian's chromium (playwright's own browser download fails offline): installed when missing
# and running as root, as in CI; otherwise one line saying what to install.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	if [ "$$(id -u)" = 0 ]; then echo "[setup] apt-get install chromium ..." && \
	apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; \
	else echo "error: make test-dashboard needs Debian's chromium (as root: apt-get install chromium)" >&2; exit 1; fi; }

# Profile target `metrics`: the published file read-only and nothing else, so it never blocks
# or changes a run. The semantic manifest is the one the last dbt command wrote (target/),
# parsed first if there is none. Without Q: `mf list metrics`.
## MetricFlow on the published warehouse: make metrics Q='--metrics revenue --group-by metric_time__month'.
metrics: $(INSTALLED)
	@db="$${DUCKDB_PATH:-warehouse/analytics.duckdb}"; test -f "$$db" || \
	{ echo "error: no warehouse at $$db yet: run 'make run' first" >&2; exit 2; }
	@test -f target/semantic_manifest.json || $(VENV)/bin/dbt parse --quiet
	@DBT_TARGET=metrics $(VENV)/bin/mf $(if $(Q),query $(Q) --quiet,list metrics)

# sqlfluff's dbt templater parses into a target folder of its own: its parse must not replace
# the CI build's, which the tests' dbt runs reuse (tests/python/dbt_runs.py).
## Lint the SQL (sqlfluff) and the Python (ruff: lint and format).
lint: $(INSTALLED)
	@echo "[lint] ruff ..."
	@$(VENV)/bin/ruff check --quiet scripts tests
	@$(VENV)/bin/ruff format --check --quiet scripts tests
	@echo "[lint] sqlfluff ..."
	@DBT_TARGET_PATH=target/lint $(VENV)/bin/sqlfluff lint models analyses tests/singular --processes 2 --disable-progress-bar

## Remove everything the runs and tests made (warehouses, outputs, generated samples).
clean:
	rm -rf target target-spark logs warehouse outputs outputs-ci outputs-dashboard data/ci

## Speed, memory and disk against a hand-written reference, one run, written to PERFORMANCE.md (and logs/benchmark.json): ARGS='--events N --files K --layout L'.
benchmark: $(INSTALLED)
	@$(PY) -m scripts.benchmark $(ARGS)

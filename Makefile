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

.PHONY: run test lint setup setup-duckdb14 clean benchmark docs setup-spark test-spark

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

## The same models on Apache Spark (in-process): build the CI sample with --target spark (data and
## unit tests included) and compare every mart with the DuckDB CI build (`make test` builds it).
test-spark: $(SPARK_INSTALLED)
	@command -v java >/dev/null || test -n "$$JAVA_HOME" || \
		{ echo "test-spark: Spark needs a Java 17+ runtime (java on PATH, or JAVA_HOME)"; exit 2; }
	@$(VENV)/bin/pytest tests/spark -p no:cacheprovider

## Build everything on the built-in sample (or EVENTS_PATH / SESSIONS_PATH).
run: $(INSTALLED)
	@$(PY) -m scripts.run_pipeline

## Every check: lint, parse, a CI build on a small generated sample (with the unit tests), then
## pytest (summary last).
test: $(INSTALLED) setup-duckdb14 lint
	@$(VENV)/bin/dbt parse --target ci --quiet
	@$(PY) -m scripts.run_pipeline --ci
	@$(VENV)/bin/pytest

## The dbt docs site, offline: one self-contained file, target/static_index.html. Column types
## and row counts come from the warehouse `make run` built; without one the catalog is empty.
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

lint: $(INSTALLED)
	@echo "[lint] sqlfluff ..."
	@$(VENV)/bin/sqlfluff lint models analyses tests/singular --processes 2 --disable-progress-bar

clean:
	rm -rf target target-spark logs warehouse outputs outputs-ci data/ci

## Speed and memory: 10M generated events and the default run (writes logs/benchmark.json).
benchmark: $(INSTALLED)
	@$(PY) -m scripts.benchmark

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

.PHONY: run test lint setup setup-duckdb14 clean benchmark docs metrics

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

## MetricFlow on the published warehouse: make metrics Q='--metrics revenue --group-by metric_time__month'
## runs `mf query` (without Q: `mf list metrics`). Profile target `metrics`: the published file
## read-only and nothing else, so it never blocks or changes a run. The semantic manifest is the
## one the last dbt command wrote (target/), parsed first if there is none.
metrics: $(INSTALLED)
	@db="$${DUCKDB_PATH:-warehouse/analytics.duckdb}"; test -f "$$db" || \
	{ echo "error: no warehouse at $$db yet: run 'make run' first" >&2; exit 2; }
	@test -f target/semantic_manifest.json || $(VENV)/bin/dbt parse --quiet
	@DBT_TARGET=metrics $(VENV)/bin/mf $(if $(Q),query $(Q) --quiet,list metrics)

lint: $(INSTALLED)
	@echo "[lint] sqlfluff ..."
	@$(VENV)/bin/sqlfluff lint models analyses tests/singular --processes 2 --disable-progress-bar

clean:
	rm -rf target logs warehouse outputs outputs-ci data/ci

## Speed and memory: 10M generated events and the default run (writes logs/benchmark.json).
benchmark: $(INSTALLED)
	@$(PY) -m scripts.benchmark

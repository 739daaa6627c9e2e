# Two commands matter: `make run` and `make test`. Both set up .venv on first use.
SHELL := /bin/bash
.DEFAULT_GOAL := run

VENV := .venv
PY := $(VENV)/bin/python
# Re-installs whenever requirements.txt changes.
INSTALLED := $(VENV)/.installed

export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DBT_PROFILES_DIR := $(CURDIR)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint setup clean benchmark docs

$(INSTALLED): requirements.txt
	@echo "[setup] creating $(VENV) and installing pinned packages ..."
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

setup: $(INSTALLED)

## Build everything on the built-in sample (or EVENTS_PATH / SESSIONS_PATH).
run: $(INSTALLED)
	@$(PY) -m scripts.run_pipeline

## Every check: lint, parse, a CI build on a small generated sample, then pytest (summary last).
test: $(INSTALLED) lint
	@$(VENV)/bin/dbt parse --target ci --quiet
	@$(PY) -m scripts.run_pipeline --ci
	@$(VENV)/bin/pytest

## The dbt docs site, offline: one self-contained file, target/static_index.html. Column types
## and row counts come from the warehouse `make run` built; without one the catalog is empty.
docs: $(INSTALLED)
	@echo "[docs] dbt docs generate --static ..."
	@start=$$(date +%s); db="$${DUCKDB_PATH:-warehouse/analytics.duckdb}"; \
	if [ -f "$$db" ]; then catalog=; \
	else catalog=--empty-catalog; echo "  no warehouse yet: descriptions only (run 'make run' for types and row counts)"; fi; \
	mkdir -p "$$(dirname "$$db")"; \
	$(VENV)/bin/dbt docs generate --static --quiet $$catalog && \
	echo "[docs] done in $$(( $$(date +%s) - start ))s" && \
	echo "Docs:      $(CURDIR)/target/static_index.html (open it in any browser, no server needed)"

lint: $(INSTALLED)
	@echo "[lint] sqlfluff ..."
	@$(VENV)/bin/sqlfluff lint models analyses tests/singular --processes 2 --disable-progress-bar

clean:
	rm -rf target logs warehouse outputs data/ci

## Speed and memory: 10M generated events and the default run (writes outputs/benchmark.json).
benchmark: $(INSTALLED)
	@$(PY) -m scripts.benchmark

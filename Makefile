# Shubbak — the two commands are `make dev` and `make test`; everything else is a helper.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: dev test lint typecheck unit schema venv clean invoke

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@rm -f $(VENV)/.installed-*
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $@

venv: $(STAMP)

## make dev: moto server + provisioning from infra/ + seed + GraphQL dev server on http://127.0.0.1:8000/graphql
dev: $(STAMP)
	$(BIN)/python -m functions.local.dev

## make test: lint, types, schema check and every test suite (CI runs exactly this)
test: $(STAMP) lint typecheck
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest tests/unit

## make schema: regenerate schema.graphql from the code
schema: $(STAMP)
	$(BIN)/python -m functions.local.export_schema > schema.graphql

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

## make invoke QUERY='{ agencies { code } }': the query through the Lambda handler, against `make dev`
invoke: $(STAMP)
	$(BIN)/python -m functions.local.invoke '$(QUERY)' $(TOKEN)

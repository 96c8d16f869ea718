# Shubbak — the two commands are `make dev` and `make test`; everything else is a helper.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

NODE_STAMP := node_modules/.installed-$(shell cat package.json package-lock.json | cksum | cut -d' ' -f1)
STAGE    ?= prod
TEMPLATE := .serverless/cloudformation-template-update-stack.json
# Packaging never talks to AWS: dummy credentials, no profile or config file from this machine, and,
# where the kernel allows it, no network at all (a private network namespace).
OFFLINE  := env AWS_ACCESS_KEY_ID=packaging-only AWS_SECRET_ACCESS_KEY=packaging-only AWS_SESSION_TOKEN= \
            AWS_PROFILE= AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
            SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off \
            $(shell unshare --net true 2>/dev/null && echo unshare --net)
# W3005 (a DependsOn that a Ref already implies) is only raised on resources osls and its plugins
# generate; every other warning fails the build like an error.
CFN_LINT := $(BIN)/cfn-lint --regions me-south-1 --ignore-checks W3005

.PHONY: dev test lint typecheck unit schema venv clean invoke demo artifact package bench-cold-start bench-live redrive

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@rm -f $(VENV)/.installed-*
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $@

venv: $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	@rm -f node_modules/.installed-*
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## make dev: moto server + provisioning from infra/ + seed + GraphQL dev server on http://127.0.0.1:8000/graphql
dev: $(STAMP)
	$(BIN)/python -m functions.local.dev

## make test: lint, types, the packaged deployment, schema check and every test suite (CI runs exactly this)
test: $(STAMP) lint typecheck package
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
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache node_modules .serverless build dist

## make artifact: dist/shubbak-lambda.zip (functions/ + runtime dependencies for the Lambda target, precompiled)
artifact: $(STAMP)
	$(BIN)/python -m deploy.lambda_artifact

## make package: the deployment for STAGE (prod), built offline by osls, its template linted by cfn-lint
package: artifact $(NODE_STAMP)
	$(OFFLINE) node_modules/.bin/osls package --stage $(STAGE)
	$(CFN_LINT) -- $(TEMPLATE)

## make bench-cold-start: import and first-answer times of the GraphQL handler against the import floor
bench-cold-start: $(STAMP)
	$(BIN)/python -m bench.cold_start

## make demo: the whole story (record, account, two-agency request, SMS) through GraphQL, against `make dev`
demo: $(STAMP)
	$(BIN)/python -m functions.local.demo

## make bench-live: live delivery latency (mutation -> subscriber, 50 subscribers over two agencies), against `make dev`
bench-live: $(STAMP)
	$(BIN)/python -m bench.live_delivery

## make redrive QUEUE=notifications: the queue's dead-letter messages back onto it, against `make dev` (docs/deployment.md)
redrive: $(STAMP)
	$(BIN)/python -m functions.local.redrive $(QUEUE)

## make invoke QUERY='{ agencies { code } }': the query through the Lambda handler, against `make dev`
invoke: $(STAMP)
	$(BIN)/python -m functions.local.invoke '$(QUERY)' $(TOKEN)

.PHONY: bench-centre-performance
## make bench-centre-performance: DynamoDB calls and time of a 30-day centrePerformance at 1,000 and 10,000 requests
bench-centre-performance: $(STAMP)
	$(BIN)/python -m bench.centre_performance

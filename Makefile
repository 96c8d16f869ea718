# Shubbak — the two commands are `make dev` and `make test`; everything else is a helper.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

NODE_STAMP := node_modules/.installed-$(shell cat package.json package-lock.json | cksum | cut -d' ' -f1)
IDE_STAMP  := build/graphiql/.installed-$(shell cat package-lock.json | cksum | cut -d' ' -f1)
# The pages (web/, docs/web.md) have their own package.json and lock file: their own npm install.
WEB_STAMP  := web/node_modules/.installed-$(shell cat web/package.json web/package-lock.json | cksum | cut -d' ' -f1)
WEB_INPUTS := $(shell find web/src web/public -type f 2>/dev/null) web/index.html web/vite.config.ts web/tsconfig.json
WEB_BUILT  := web/dist/index.html
CHROMIUM   ?= /usr/bin/chromium
# The message catalogues (docs/sms.md): keys extracted from the code into functions/locale/<domain>.pot, texts
# in functions/locale/<language>/LC_MESSAGES/<domain>.po, compiled to the .mo files runtime reads. The .mo
# files are built (never committed): venv, dev, test, unit and artifact compile the stale ones.
LOCALE          := functions/locale
MESSAGE_DOMAINS := sms errors
COMPILED        := $(patsubst %.po,%.mo,$(wildcard $(LOCALE)/*/LC_MESSAGES/*.po))
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

.PHONY: dev test lint typecheck unit schema venv clean invoke demo artifact package bench-cold-start bench-cold-start-check bench-warm bench-live redrive
.PHONY: messages catalogues
.PHONY: web-install web-codegen web-build web-dev chromium bench-web deploy-web

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@rm -f $(VENV)/.installed-*
	@echo "Installing the Python dependencies into $(VENV) (the first time takes a few minutes)..."
	@# phonenumberslite replaced phonenumbers (the same package name on disk): a venv made before the swap
	@# drops both, and the install below puts back the lite one alone.
	@if $(BIN)/python -m pip show -q phonenumbers 2>/dev/null; then \
	  $(BIN)/python -m pip uninstall -y -q phonenumbers phonenumberslite; fi
	$(BIN)/python -m pip install --disable-pip-version-check --progress-bar on -c constraints.txt -e '.[dev]'
	@touch $@

venv: $(STAMP) $(COMPILED)

## make messages: the catalogues' keys from the code (functions/locale/*.pot), then every language's .po updated to them
messages: $(STAMP)
	@for domain in $(MESSAGE_DOMAINS); do \
	  $(BIN)/pybabel extract -F $(LOCALE)/$$domain.cfg -o $(LOCALE)/$$domain.pot --no-wrap --sort-output \
	    --add-location=file --project=Shubbak --version=1 --copyright-holder=Shubbak --msgid-bugs-address= \
	    --header-comment="# Keys of Shubbak's $$domain catalogue, made by make messages from the code; never edit by hand." \
	    --ignore-dirs="local locale __pycache__ .*" functions && \
	  $(BIN)/pybabel update -D $$domain -i $(LOCALE)/$$domain.pot -d $(LOCALE) --no-wrap \
	    --no-fuzzy-matching --ignore-pot-creation-date || exit 1; \
	done

## make catalogues: compile the stale .mo files (venv, dev, test, unit and artifact do it)
catalogues: $(COMPILED)

$(LOCALE)/%.mo: $(LOCALE)/%.po | $(STAMP)
	$(BIN)/pybabel compile --statistics -i $< -o $@

$(NODE_STAMP): package.json package-lock.json
	@rm -f node_modules/.installed-*
	@echo "Installing the npm packages (deployment tools, GraphiQL, the GraphQL-over-HTTP audit)..."
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# GraphiQL's scripts and styles, served by the dev server from our own origin (functions/api/graphql_ide.py)
$(IDE_STAMP): $(STAMP) $(NODE_STAMP)
	@rm -f build/graphiql/.installed-*
	$(BIN)/python -m functions.local.ide_assets
	@touch $@

## make dev: moto server + provisioning from infra/ + seed + the pages on http://127.0.0.1:8000/ and GraphQL on /graphql
dev: $(STAMP) $(COMPILED) $(IDE_STAMP) $(WEB_BUILT)
	$(BIN)/python -m functions.local.dev

## make test: lint, types, the packaged deployment, schema check and every test suite (CI runs exactly this)
test: $(STAMP) $(COMPILED) $(IDE_STAMP) lint typecheck package $(WEB_BUILT) chromium
	$(BIN)/pytest

$(WEB_STAMP): web/package.json web/package-lock.json
	@rm -f web/node_modules/.installed-*
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

web-install: $(WEB_STAMP)

## make web-codegen: typed operations (web/src/generated/) and the trusted documents' manifest from graphql/
web-codegen: $(WEB_STAMP)
	cd web && node codegen.mjs

## make web-build: type-check the pages and build them into web/dist (make dev and make test do it when stale)
$(WEB_BUILT): $(WEB_STAMP) $(WEB_INPUTS)
	cd web && node_modules/.bin/tsc --noEmit && node_modules/.bin/vite build --logLevel warn
	@touch $@

web-build: $(WEB_BUILT)

## make web-dev: Vite with hot reload on http://127.0.0.1:5173/, the API proxied to a running `make dev`
web-dev: $(WEB_STAMP)
	cd web && node_modules/.bin/vite

## make chromium: Debian's Chromium for the browser tests (Playwright's own download cannot work here)
chromium:
	@test -x $(CHROMIUM) || { command -v apt-get >/dev/null && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; } || \
	  { echo "Install Debian's chromium package (or set CHROMIUM=/path/to/chromium) for the browser tests"; exit 1; }

## make deploy-web STAGE=prod: upload web/dist to the stage's web bucket and invalidate CloudFront (after `osls deploy`)
deploy-web: $(STAMP) $(WEB_BUILT)
	$(BIN)/python -m deploy.web_upload --stage $(STAGE)

## make bench-web: Lighthouse (mobile) on the tracker page, against `make dev`, and its bytes over the wire
bench-web: $(STAMP) $(WEB_BUILT) chromium
	$(BIN)/python -m bench.web_budget

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) $(COMPILED)
	$(BIN)/pytest tests/unit

## make schema: regenerate schema.graphql and the schema's sections (functions/api/schema_sections.json) from the code
schema: $(STAMP)
	$(BIN)/python -m functions.local.export_schema

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache node_modules .serverless build dist web/node_modules web/dist

## make artifact: dist/shubbak-lambda.zip (functions/ + runtime dependencies for the Lambda target, precompiled)
artifact: $(STAMP) $(COMPILED)
	$(BIN)/python -m deploy.lambda_artifact

## make package: the deployment for STAGE (prod), built offline by osls, its template linted by cfn-lint
package: artifact $(NODE_STAMP) $(WEB_BUILT)
	$(OFFLINE) node_modules/.bin/osls package --stage $(STAGE)
	$(CFN_LINT) -- $(TEMPLATE)

## make bench-warm: a warm process's GraphQL overhead against raw graphql-core on the same schema and documents
bench-warm: $(STAMP)
	$(BIN)/python -m bench.warm_overhead

## make bench-cold-start: import and first-answer times of the GraphQL handler against the import floor
bench-cold-start: $(STAMP)
	$(BIN)/python -m bench.cold_start

## make bench-cold-start-check: the same, 10 runs; exits 1 when a first answer's ratio passes bench/cold_start_baseline.json
bench-cold-start-check: $(STAMP)
	$(BIN)/python -m bench.cold_start --runs 10 --check

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

.PHONY: bench-cost
## make bench-cost: what one shop licence's life (filing to delivery) costs at AWS's public prices, counted on a fresh local stack
bench-cost: $(STAMP)
	$(BIN)/python -m bench.lifecycle_cost --runs 3

.PHONY: bench-centre-performance
## make bench-centre-performance: DynamoDB calls and time of a 30-day centrePerformance at 1,000 and 10,000 requests
bench-centre-performance: $(STAMP)
	$(BIN)/python -m bench.centre_performance

.PHONY: bench-money
## make bench-money: DynamoDB calls and time of a centre's 30 day statements and balances at 1,000 and 10,000 filings
bench-money: $(STAMP)
	$(BIN)/python -m bench.money_statements

.PHONY: bench-load
## make bench-load: a region's day (Locust, 30 requests/s mixed, 10 minutes) against `make dev`; exit 1 on an error or anything lost
bench-load: $(STAMP)
	$(BIN)/python -m bench.region_day $(ARGS)

.PHONY: fuzz
## make fuzz: 10,000 generated GraphQL operations as every role on a fresh local stack; figures, 0 crashes expected
fuzz: $(STAMP)
	$(BIN)/python -m bench.fuzz

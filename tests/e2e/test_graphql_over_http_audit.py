"""GQL-19: the GraphQL-over-HTTP specification's own server audit (``serverAudits`` of the npm package
``graphql-http``, pinned in package.json) against the running ``make dev`` server.

No MUST may fail and no SHOULD may warn. The audit's remaining "notice" results are its MAY items
for queries over GET, which Shubbak refuses on purpose (GQL-09: no GET at all; docs/hardening.md).
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.e2e.conftest import ROOT, DevStack

pytestmark = pytest.mark.e2e

# Runs each audit of graphql-http against the URL given and prints the results as one JSON line.
AUDIT = """
import { serverAudits } from 'graphql-http';
const results = [];
for (const audit of serverAudits({ url: process.argv[1] })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason });
}
console.log(JSON.stringify(results));
"""
MAY_OVER_GET = {
    "MAY accept application/x-www-form-urlencoded formatted GET requests",
    "MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json",
    "MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json",
}


def test_the_server_passes_the_graphql_over_http_audit(dev_stack: DevStack) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed (it also builds the deployment); `make test` installs graphql-http with npm"
    run = subprocess.run(
        [node, "--input-type=module", "-e", AUDIT, dev_stack.graphql_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    results = json.loads(run.stdout)
    assert len(results) > 50
    failed = [r for r in results if r["status"] == "error"]
    warned = [r for r in results if r["status"] == "warn"]
    noticed = {r["name"] for r in results if r["status"] == "notice"}
    assert failed == []
    assert warned == []
    assert noticed <= MAY_OVER_GET

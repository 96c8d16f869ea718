"""``make dev`` end to end: the seeded catalogue through GraphiQL's endpoint and through the Lambda handler."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import httpx
import pytest

from tests.e2e.conftest import ROOT, DevStack

pytestmark = pytest.mark.e2e

DONE_WHEN = "{ services { code name { ar en } fee route { stages { agencies { code } } } } }"


def test_the_dev_server_answers_the_catalogue_query(dev_stack: DevStack, http: httpx.Client) -> None:
    reply = http.post(dev_stack.graphql_url, json={"query": DONE_WHEN})
    assert reply.status_code == 200
    services = reply.json()["data"]["services"]
    assert len(services) >= 10
    assert sum(1 for s in services if len(s["route"]["stages"]) > 1) >= 3


def test_graphiql_is_served_in_the_browser(dev_stack: DevStack, http: httpx.Client) -> None:
    reply = http.get(dev_stack.graphql_url, headers={"accept": "text/html"})
    assert reply.status_code == 200
    assert "graphiql" in reply.text.lower()


def test_the_lambda_handler_answers_against_the_running_stack(dev_stack: DevStack) -> None:
    """`make invoke`: an HTTP API v2 event through functions.handlers.graphql_http.handler."""
    result = subprocess.run(
        [sys.executable, "-m", "functions.local.invoke", DONE_WHEN],
        cwd=ROOT,
        env={**os.environ, "SHUBBAK_LOCAL_STATE": str(dev_stack.state_dir)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "HTTP 200" in result.stdout
    body = json.loads(result.stdout[result.stdout.index("{\n") :])
    assert len(body["data"]["services"]) >= 10


def test_the_state_machine_executes_on_the_local_moto(dev_stack: DevStack) -> None:
    import boto3

    environment = dev_stack.environment()
    client = boto3.client("stepfunctions", endpoint_url=environment["AWS_ENDPOINT_URL"], region_name="me-south-1")
    machines = client.list_state_machines()["stateMachines"]
    assert [m["name"] for m in machines] == ["shubbak-local-handoff"]

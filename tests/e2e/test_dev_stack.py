"""``make dev`` end to end: the seeded catalogue through GraphiQL's endpoint and through the Lambda handler."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import httpx
import pytest

from tests.e2e.conftest import ROOT, DevStack
from tests.support.people import open_and_activate, sign_in
from tests.support.transports import Reply

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


class HttpClient:
    """The GraphQLClient shape over real HTTP, for the shared helpers in tests.support.people."""

    def __init__(self, url: str, http: httpx.Client) -> None:
        self.url = url
        self.http = http

    def post(
        self,
        query: str,
        variables: dict[str, object] | None = None,
        *,
        token: str | None = None,
        path: str = "/graphql",
    ) -> Reply:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        url = self.url.removesuffix("/graphql") + path
        response = self.http.post(url, json={"query": query, "variables": variables or {}}, headers=headers)
        return Reply(response.status_code, dict(response.headers), response.text)

    def raw(
        self, method: str, body: str | None, headers: dict[str, str], query_string: str = "", path: str = "/graphql"
    ) -> Reply:
        response = self.http.request(method, self.url.removesuffix("/graphql") + path, content=body, headers=headers)
        return Reply(response.status_code, dict(response.headers), response.text)


def test_an_operator_opens_a_record_and_the_citizen_takes_it_over(dev_stack: DevStack, http: httpx.Client) -> None:
    client = HttpClient(dev_stack.graphql_url, http)
    citizen = open_and_activate(client, sign_in(client, "1000001014"))
    me = client.post("{ me { ... on CitizenRecord { id nationalId visibility } } }", token=citizen.token).data["me"]
    assert me == {"id": citizen.citizen_id, "nationalId": citizen.national_id, "visibility": "FULL"}
    deadline = time.monotonic() + 20
    while "SMS to +9665*****" not in (dev_stack.state_dir / "dev.log").read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    log = (dev_stack.state_dir / "dev.log").read_text()
    assert "شبّاك: فُتح سجلك في مركز العوالي" in log
    assert citizen.national_id not in log

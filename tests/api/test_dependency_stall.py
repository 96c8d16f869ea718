"""CHAOS-06 on moto's server, through both transports: moto stops answering in the middle of a filing
(its transaction sent, nothing answered); the centre gets the coded, retryable TEMPORARILY_UNAVAILABLE
by the request's deadline, not a masked error at the gateway's timeout; once moto answers again, a
retry with the same idempotency key converges on one request, one payment, one route.

The deadline is shortened to 8 s here (production: 20 s) so the test waits less; the stall (12 s) is
longer than the deadline, as the outside run's 35 s stall was longer than the function's timeout.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from functions import bootstrap
from functions.bootstrap import Container, Settings, build_container
from functions.local.moto_server import MotoServer
from functions.local.provision import ProvisionedStack
from tests.api.test_requests_api import SUBMIT, filed_permit
from tests.support.aws import aws_client
from tests.support.people import open_and_activate, sign_in
from tests.support.transports import AsgiClient, GraphQLClient, LambdaClient

OPERATOR = "1000001014"
STALL_SECONDS = 12


class StallOnce:
    """Stops moto's server just before the first transaction is sent, and lets it go on later."""

    def __init__(self, server: MotoServer) -> None:
        self.server = server
        self.stalled = threading.Event()
        self.resumed = threading.Event()

    def __call__(self, **_: Any) -> None:
        if self.stalled.is_set():
            return
        self.stalled.set()
        os.kill(self.server.pid, signal.SIGSTOP)
        threading.Timer(STALL_SECONDS, self.resume).start()

    def resume(self) -> None:
        if not self.resumed.is_set():
            os.kill(self.server.pid, signal.SIGCONT)
            self.resumed.set()


@pytest.fixture(params=["asgi", "lambda"])
def served(
    request: pytest.FixtureRequest, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[GraphQLClient, Container]]:
    environment = {**stack.environment, "REQUEST_DEADLINE_SECONDS": "8"}
    if request.param == "asgi":
        container = build_container(Settings.from_environ(environment))
        yield AsgiClient(container), container
        return
    for key, value in environment.items():
        monkeypatch.setitem(os.environ, key, value)
    bootstrap.container.cache_clear()
    from functions.handlers.graphql_http import handler

    yield LambdaClient(handler), bootstrap.container()
    bootstrap.container.cache_clear()


def requests_filed_under(stack: ProvisionedStack, key_request_id: str) -> int:
    table = stack.environment["MAIN_TABLE"]
    items = aws_client(stack, "dynamodb").query(
        TableName=table,
        KeyConditionExpression="pk = :pk",
        ExpressionAttributeValues={":pk": {"S": f"REQUEST#{key_request_id}"}},
    )["Items"]
    return len([i for i in items if i["sk"]["S"] in {"REQUEST", "PAYMENT"}])


def test_a_stalled_filing_answers_temporarily_unavailable_in_time_and_a_retry_converges(
    served: tuple[GraphQLClient, Container], stack: ProvisionedStack, moto_server: MotoServer
) -> None:
    client, container = served
    operator = sign_in(client, OPERATOR)
    citizen = open_and_activate(client, operator)
    filing = filed_permit(client, operator, citizen)
    stall = StallOnce(moto_server)
    container.adapters.main_table.connection().client.meta.events.register(
        "before-send.dynamodb.TransactWriteItems", stall, unique_id="chaos-stall"
    )
    try:
        first = client.post(SUBMIT, {"i": filing}, token=operator)
        answered_during_the_stall = not stall.resumed.is_set()
    finally:
        container.adapters.main_table.connection().client.meta.events.unregister(
            "before-send.dynamodb.TransactWriteItems", unique_id="chaos-stall"
        )
        stall.resumed.wait(STALL_SECONDS + 5)
        stall.resume()
    assert stall.stalled.is_set()
    assert first.status == 200
    assert first.error_codes == ["TEMPORARILY_UNAVAILABLE"], first.text
    assert answered_during_the_stall  # by the deadline, not after moto came back

    retries = []
    for _ in range(40):  # the first attempt's in-progress record frees itself 2 s after its deadline
        answer = client.post(SUBMIT, {"i": filing}, token=operator).data["submitServiceRequest"]
        retries.append(answer.get("code", answer["__typename"]))
        if answer["__typename"] == "SubmittedRequest":
            break
        time.sleep(0.5)
    assert retries[-1] == "SubmittedRequest", retries
    assert set(retries[:-1]) <= {"IDEMPOTENCY_IN_PROGRESS"}
    request_id = answer["request"]["id"]
    assert requests_filed_under(stack, request_id) == 2  # one request item, one payment
    again = client.post(SUBMIT, {"i": filing}, token=operator).data["submitServiceRequest"]
    assert again["request"]["id"] == request_id

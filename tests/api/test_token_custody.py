"""Token custody (RELIABILITY SFN-05) and secrets at rest (SEC-01): a Step Functions task token lives
in its hand-off item, sealed, and nowhere else — not in any GraphQL answer, not in the logs, not in an
execution's input or output, not in clear in any table; no PIN or password is in any table at all.

A building permit goes the whole way through the real state machine on moto's server (the municipality
acknowledges and completes, the civil defence acknowledges and completes, the centre confirms delivery)
while every answer and everything the process prints or logs (our loggers at DEBUG, the libraries' at
INFO, as deployed: botocore's DEBUG lines echo whole request bodies and are never on in a deployment) is kept; every task token the hand-off
items held on the way is then looked for in all of it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from functions import bootstrap
from functions.domain.request import Handoff
from functions.local.provision import ProvisionedStack
from tests.api.test_requests_api import REQUEST, SUBMIT, filed_permit, pump_until
from tests.support.aws import aws_client
from tests.support.people import open_and_activate, sign_in
from tests.support.transports import GraphQLClient, Reply

OPERATOR, MUNICIPALITY, CIVIL_DEFENCE = "1000001014", "1000001030", "1000001048"
WINDOW = "{ agencyWindow { items { requestId status trackingNumber overdue } } }"
ACKNOWLEDGE = "mutation ($id: ID!) { acknowledgeReceipt(requestId: $id) { __typename ... on Problem { code } } }"
COMPLETE = 'mutation ($id: ID!) { completeStep(requestId: $id, note: "ok") { __typename ... on Problem { code } } }'
CONFIRM = "mutation ($id: ID!) { confirmDelivery(requestId: $id) { __typename ... on Problem { code } } }"
TRACK = "query ($n: String!, $p: String!) { trackRequest(trackingNumber: $n, pin: $p) { __typename } }"


@dataclass
class Recording:
    """A client whose every answer is kept, and the task tokens seen in the hand-off items."""

    client: GraphQLClient
    answers: list[str] = field(default_factory=list)
    tokens: set[str] = field(default_factory=set)

    def post(self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None) -> Reply:
        reply = self.client.post(query, variables, token=token)
        self.answers.append(json.dumps(reply.json(), ensure_ascii=False))
        return reply

    def note_tokens(self, request_id: str) -> dict[str, Handoff]:
        file = bootstrap.container().adapters.requests.get_file(request_id)
        assert file is not None
        for handoff in file.handoffs:
            self.tokens |= {
                t for t in (handoff.receipt_token, handoff.completion_token, handoff.resubmission_token) if t
            }
        return {handoff.agency_code: handoff for handoff in file.handoffs}

    def until(self, stack: ProvisionedStack, request_id: str, condition: Callable[[], bool]) -> None:
        def noted() -> bool:
            self.note_tokens(request_id)
            return condition()

        pump_until(stack, noted)


def completion_awaited(recording: Recording, request_id: str, agency: str) -> Callable[[], bool]:
    """The state machine waits for the agency's decision: its completion token is in the hand-off item."""
    return lambda: (
        agency in (handoffs := recording.note_tokens(request_id)) and handoffs[agency].completion_token is not None
    )


def in_window(recording: Recording, officer: str, request_id: str) -> Callable[[], bool]:
    return lambda: any(
        i["requestId"] == request_id for i in recording.post(WINDOW, token=officer).data["agencyWindow"]["items"]
    )


def status_of(recording: Recording, token: str, request_id: str) -> Callable[[], str]:
    return lambda: str(recording.post(REQUEST, {"id": request_id}, token=token).data["request"]["status"])


@pytest.mark.usefixtures("lambda_environment")
def test_no_task_token_leaves_its_handoff_item(
    client: GraphQLClient,
    stack: ProvisionedStack,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.INFO)  # what a deployment logs of the libraries (botocore's DEBUG lines echo
    caplog.set_level(logging.DEBUG, logger="shubbak")  # request bodies); all of our own, DEBUG included
    recording = Recording(client)
    operator = sign_in(client, OPERATOR)
    citizen = open_and_activate(client, operator)
    submitted = recording.post(SUBMIT, {"i": filed_permit(client, operator, citizen)}, token=operator).data[
        "submitServiceRequest"
    ]
    request_id, number, pin = submitted["request"]["id"], submitted["request"]["trackingNumber"], submitted["pin"]
    citizen_status = status_of(recording, citizen.token, request_id)

    for agency, national_id in (("MUNICIPALITY", MUNICIPALITY), ("CIVIL-DEFENCE", CIVIL_DEFENCE)):
        officer = sign_in(client, national_id)
        recording.until(stack, request_id, in_window(recording, officer, request_id))
        recording.post(REQUEST, {"id": request_id}, token=officer)
        assert (
            recording.post(ACKNOWLEDGE, {"id": request_id}, token=officer).data["acknowledgeReceipt"]["__typename"]
            == "ServiceRequest"
        )
        recording.until(stack, request_id, completion_awaited(recording, request_id, agency))
        completed = recording.post(COMPLETE, {"id": request_id}, token=officer).data["completeStep"]
        assert completed["__typename"] == "ServiceRequest", completed
        recording.post(REQUEST, {"id": request_id}, token=operator)
        recording.post(TRACK, {"n": number, "p": pin})

    recording.until(stack, request_id, lambda: citizen_status() == "COMPLETED_AT_CENTRE")
    assert recording.post(CONFIRM, {"id": request_id}, token=operator).data["confirmDelivery"]["__typename"] == (
        "ServiceRequest"
    )
    recording.until(stack, request_id, lambda: citizen_status() == "DELIVERED")
    recording.post("{ myNotifications { items { event text } } }", token=citizen.token)

    sfn = aws_client(stack, "stepfunctions")
    machine = stack.environment["HANDOFF_STATE_MACHINE_ARN"]
    executions = [
        sfn.describe_execution(executionArn=e["executionArn"])
        for e in sfn.list_executions(stateMachineArn=machine)["executions"]
    ]
    mine = [e for e in executions if request_id in e.get("input", "")]
    assert mine, "the request's execution was not found"
    printed = capfd.readouterr()
    places = {
        "GraphQL answers": "\n".join(recording.answers),
        "log records": "\n".join(record.getMessage() + repr(record.__dict__) for record in caplog.records),
        "printed output": printed.out + printed.err,
        "executions' input and output": json.dumps([[e.get("input"), e.get("output")] for e in mine]),
    }
    assert len(recording.tokens) >= 4  # a receipt and a completion token for each of the two agencies
    assert len(recording.answers) > 10
    raw = {bootstrap.container().adapters.task_tokens.open(sealed) for sealed in recording.tokens}
    assert not raw & recording.tokens  # what the items hold is sealed, not the token itself
    everything = recording.tokens | raw
    leaks = {place: [t[:12] for t in everything if t in text] for place, text in places.items()}
    assert leaks == {place: [] for place in places}

    secrets = {"PIN": pin, "temporary password": citizen.temporary_password, "password": citizen.password}
    secrets |= {f"task token {t[:8]}": t for t in raw}
    assert secrets_at_rest(stack, secrets, sealed=recording.tokens) == []


TOKEN_ATTRIBUTES = {"receipt_token", "completion_token", "resubmission_token"}


def secrets_at_rest(stack: ProvisionedStack, secrets: dict[str, str], sealed: set[str]) -> list[str]:
    """Every item of every table of the stack, scanned (test bookkeeping, never a request path), for
    each secret in clear anywhere — a PIN only as a whole number, not inside a time or a hash — and for
    each sealed token outside the hand-off attributes that keep it."""
    ddb = aws_client(stack, "dynamodb")
    found = []
    tables = [name for name in ddb.list_tables()["TableNames"] if name.startswith(f"{stack.stack_name}-")]
    assert len(tables) >= 4
    for table in tables:
        for item in (i for page in ddb.get_paginator("scan").paginate(TableName=table) for i in page["Items"]):
            text = json.dumps(item, ensure_ascii=False)
            found += [f"{name} in {table}" for name, secret in secrets.items() if _appears(secret, text)]
            outside = json.dumps({k: v for k, v in item.items() if k not in TOKEN_ATTRIBUTES})
            found += [f"sealed token in {table} outside its attribute" for t in sealed if t in outside]
    return found


def _appears(secret: str, text: str) -> bool:
    if secret.isdigit():
        return re.search(rf"(?<![0-9A-Za-z.\-]){secret}(?![0-9A-Za-z])", text) is not None
    return secret in text

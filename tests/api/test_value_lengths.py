"""SEC-02: every ID and text argument of every operation, at 3,000 characters, is refused with a coded
error before any I/O (real DynamoDB refuses keys over 2,048 bytes; moto does not on reads).

The walk is generated from the schema, so a new argument is covered the day it is added. DynamoDB
calls are counted through PynamoDB's own ``pre_dynamodb_send`` signal (every table the resolvers
read or write goes through PynamoDB).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from pynamodb.signals import pre_dynamodb_send
from strawberry.types import ExecutionResult

from functions.api.schema import GraphQLPolicy, build_schema
from tests.support.people import sign_in
from tests.support.schema_values import operation_fields, text_places
from tests.support.transports import GraphQLClient

SCHEMA = build_schema(GraphQLPolicy.for_stage("prod"))
LONG = "ق" * 3_000  # Arabic: two bytes each in UTF-8, 6,000 bytes as a key
MONITOR = "1000001055"


@pytest.fixture
def dynamodb_calls() -> Iterator[list[str]]:
    calls: list[str] = []

    def count(sender: object, operation_name: str, table_name: str, req_uuid: str) -> None:
        calls.append(f"{operation_name} {table_name}")

    pre_dynamodb_send.connect(count)
    yield calls
    pre_dynamodb_send.disconnect(count)


def http_cases() -> list[tuple[str, str, dict[str, object], str]]:
    cases = []
    for operation in operation_fields(SCHEMA._schema):
        if operation.operation == "subscription":
            continue
        for place in text_places(operation.field):
            label = ".".join((operation.name, place.argument, *place.path))
            cases.append((label, operation.document(), place.with_value(operation.variables(), LONG), place.argument))
    return cases


def test_the_walk_covers_every_operation_with_text_arguments() -> None:
    walked = {label.split(".")[0] for label, *_ in http_cases()}
    assert {"centre", "request", "signIn", "completeNewPassword", "submitServiceRequest", "defineService"} <= walked
    assert len(http_cases()) > 80


@pytest.mark.parametrize("role", ["anonymous", "monitor"])
def test_every_text_argument_at_3000_characters_is_refused_before_any_io(
    client: GraphQLClient, dynamodb_calls: list[str], role: str
) -> None:
    token = sign_in(client, MONITOR) if role == "monitor" else None
    dynamodb_calls.clear()
    wrong = []
    for label, document, variables, _argument in http_cases():
        reply = client.post(document, variables, token=token)
        body = reply.json()
        codes = [error.get("extensions", {}).get("code") for error in body.get("errors", [])]
        if body.get("data") is not None or not codes or set(codes) != {"VALUE_TOO_LONG"}:
            wrong.append((label, reply.status, codes))
    assert not wrong
    assert dynamodb_calls == []


def test_a_literal_of_3000_characters_is_refused_before_any_io(
    client: GraphQLClient, dynamodb_calls: list[str]
) -> None:
    reply = client.post(f'{{ centre(id: "{LONG}") {{ __typename }} }}')
    (error,) = reply.json()["errors"]
    assert error["extensions"]["code"] == "VALUE_TOO_LONG"
    assert error["extensions"]["field"] == "id"
    assert error["extensions"]["messageAr"]
    assert dynamodb_calls == []


def test_values_at_their_limit_pass_the_edge() -> None:
    reply = asyncio.run(SCHEMA.execute('{ service(code: "' + "A" * 128 + '") { __typename } }', context_value=None))
    assert not [e for e in reply.errors or [] if e.formatted.get("extensions", {}).get("code") == "VALUE_TOO_LONG"]


def test_subscription_arguments_are_refused_too() -> None:
    async def first_result() -> ExecutionResult:
        stream = await SCHEMA.subscribe(f'subscription {{ requestUpdates(requestId: "{LONG}") {{ __typename }} }}')
        if isinstance(stream, ExecutionResult):
            return stream
        async for result in stream:
            await stream.aclose()
            return result
        raise AssertionError("no result")

    errors = asyncio.run(first_result()).errors
    assert errors
    assert errors[0].formatted["extensions"]["code"] == "VALUE_TOO_LONG"

"""Bad input over HTTP: a clear, coded error, the right status, nothing written, the server keeps serving."""

from __future__ import annotations

import json

import pytest

from functions.local.provision import ProvisionedStack
from tests.support.aws import item_count
from tests.support.transports import GraphQLClient

JSON = {"content-type": "application/json"}


def still_serving(client: GraphQLClient) -> bool:
    reply = client.post("{ agencies { code } }")
    return reply.status == 200 and len(reply.data["agencies"]) >= 7


def test_malformed_graphql_is_a_parse_error(client: GraphQLClient) -> None:
    reply = client.post("{ services { code ")
    assert reply.status == 400
    assert reply.error_codes == ["GRAPHQL_PARSE_FAILED"]
    assert still_serving(client)


def test_a_wrong_variable_type_is_refused(client: GraphQLClient) -> None:
    reply = client.post("query ($first: Int!) { services(first: $first) { code } }", {"first": "many"})
    assert reply.status in {200, 400}
    assert reply.data is None
    assert reply.json()["errors"]
    assert still_serving(client)


def test_an_unknown_field_is_a_validation_error(client: GraphQLClient) -> None:
    reply = client.post("{ services { price } }")
    assert reply.status == 400
    assert reply.error_codes == ["GRAPHQL_VALIDATION_FAILED"]


def test_an_oversized_body_is_refused_with_413(client: GraphQLClient, stack: ProvisionedStack) -> None:
    before = item_count(stack)
    body = json.dumps({"query": "{ agencies { code } }", "variables": {"pad": "x" * 70_000}})
    reply = client.raw("POST", body, JSON)
    assert reply.status == 413
    assert reply.error_codes == ["PAYLOAD_TOO_LARGE"]
    assert item_count(stack) == before
    assert still_serving(client)


def test_over_deep_and_alias_flooded_documents_are_refused(client: GraphQLClient) -> None:
    deep = "{ services { route { stages { agencies { agency { name { route { stages { code } } } } } } } } }"
    assert client.post(deep).status == 400
    flood = "{ " + " ".join(f"a{i}: agencies {{ code }}" for i in range(40)) + " }"
    reply = client.post(flood)
    assert reply.status == 400
    assert "aliases" in reply.json()["errors"][0]["message"]
    assert still_serving(client)


def test_get_requests_run_nothing(client: GraphQLClient) -> None:
    for query in ("{agencies{code}}", "mutation{__typename}"):
        reply = client.raw("GET", None, {"accept": "application/json"}, query_string=f"query={query}")
        assert reply.status in {400, 405}
        assert "agencies" not in reply.text


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
)
def test_non_json_bodies_are_refused(client: GraphQLClient, content_type: str) -> None:
    reply = client.raw("POST", json.dumps({"query": "{ agencies { code } }"}), {"content-type": content_type})
    assert reply.status in {400, 415}
    assert "CIVIL-AFFAIRS" not in reply.text


def test_batched_requests_are_refused(client: GraphQLClient) -> None:
    body = json.dumps([{"query": "{ agencies { code } }"}, {"query": "{ agencies { code } }"}])
    reply = client.raw("POST", body, JSON)
    assert reply.status == 400
    assert "CIVIL-AFFAIRS" not in reply.text


def test_a_body_that_is_not_json_is_refused(client: GraphQLClient) -> None:
    reply = client.raw("POST", "{not json", JSON)
    assert reply.status == 400
    assert still_serving(client)

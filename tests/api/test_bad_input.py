"""Bad input over HTTP: a clear, coded error, the right status, nothing written, the server keeps serving.

GQL-19: every refusal, whatever stopped it, is a GraphQL response in JSON with a code and an Arabic
and English message; never plain text.
"""

from __future__ import annotations

import json
import re

import pytest

from functions.local.provision import ProvisionedStack
from tests.support.aws import item_count
from tests.support.transports import GraphQLClient, Reply

JSON = {"content-type": "application/json"}
ARABIC = re.compile(r"[\u0600-\u06FF]")


def graphql_error(reply: Reply, code: str) -> dict[str, object]:
    """The reply is a GraphQL error response in JSON, coded ``code``, in Arabic and English."""
    assert reply.headers["content-type"].startswith(("application/json", "application/graphql-response+json"))
    body = reply.json()
    assert set(body) == {"errors"}, body  # no data entry: nothing was executed
    (error,) = body["errors"][:1]
    extensions = error["extensions"]
    assert extensions["code"] == code, body
    assert ARABIC.search(extensions["messageAr"])
    assert extensions["messageEn"].isascii()
    assert error["message"]
    return dict(error)


def still_serving(client: GraphQLClient) -> bool:
    reply = client.post("{ agencies { code } }")
    return reply.status == 200 and len(reply.data["agencies"]) >= 7


def test_malformed_graphql_is_a_parse_error(client: GraphQLClient) -> None:
    reply = client.post("{ services { code ")
    assert reply.status == 400
    graphql_error(reply, "GRAPHQL_PARSE_FAILED")
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
    graphql_error(reply, "GRAPHQL_VALIDATION_FAILED")


def test_an_oversized_body_is_refused_with_413(client: GraphQLClient, stack: ProvisionedStack) -> None:
    before = item_count(stack)
    body = json.dumps({"query": "{ agencies { code } }", "variables": {"pad": "x" * 70_000}})
    reply = client.raw("POST", body, JSON)
    assert reply.status == 413
    graphql_error(reply, "PAYLOAD_TOO_LARGE")
    assert item_count(stack) == before
    assert still_serving(client)


def test_over_deep_and_alias_flooded_documents_are_refused(client: GraphQLClient) -> None:
    deep = "{ services { route { stages { agencies { agency { name { route { stages { code } } } } } } } } }"
    assert client.post(deep).status == 400
    graphql_error(client.post(deep), "GRAPHQL_VALIDATION_FAILED")
    flood = "{ " + " ".join(f"a{i}: agencies {{ code }}" for i in range(40)) + " }"
    reply = client.post(flood)
    assert reply.status == 400
    assert "aliases" in str(graphql_error(reply, "GRAPHQL_VALIDATION_FAILED")["message"])
    tokens = client.post("{ " + "__typename " * 500 + "}")
    assert "token" in str(graphql_error(tokens, "GRAPHQL_PARSE_FAILED")["message"]).lower()
    assert still_serving(client)


def test_get_requests_run_nothing(client: GraphQLClient) -> None:
    for query in ("{agencies{code}}", "mutation{__typename}"):
        reply = client.raw("GET", None, {"accept": "application/json"}, query_string=f"query={query}")
        assert reply.status in {400, 405}
        assert "CIVIL-AFFAIRS" not in reply.text
        graphql_error(reply, "BAD_REQUEST")


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
)
def test_non_json_bodies_are_refused(client: GraphQLClient, content_type: str) -> None:
    reply = client.raw("POST", json.dumps({"query": "{ agencies { code } }"}), {"content-type": content_type})
    assert reply.status in {400, 415}
    assert "CIVIL-AFFAIRS" not in reply.text
    graphql_error(reply, "BAD_REQUEST")


def test_batched_requests_are_refused(client: GraphQLClient) -> None:
    body = json.dumps([{"query": "{ agencies { code } }"}, {"query": "{ agencies { code } }"}])
    reply = client.raw("POST", body, JSON)
    assert reply.status == 400
    assert "CIVIL-AFFAIRS" not in reply.text
    graphql_error(reply, "BAD_REQUEST")


def test_a_body_that_is_not_json_is_refused(client: GraphQLClient) -> None:
    reply = client.raw("POST", "{not json", JSON)
    assert reply.status == 400
    graphql_error(reply, "BAD_REQUEST")
    assert still_serving(client)


@pytest.mark.parametrize(("method", "path", "status"), [("PUT", "/graphql", 405), ("POST", "/nowhere", 404)])
def test_a_method_or_path_not_served_is_a_graphql_error(
    client: GraphQLClient, method: str, path: str, status: int
) -> None:
    reply = client.raw(method, json.dumps({"query": "{ agencies { code } }"}), JSON, path=path)
    assert reply.status == status
    graphql_error(reply, "BAD_REQUEST")


def test_an_empty_body_or_no_query_is_a_graphql_error(client: GraphQLClient) -> None:
    for body in ("", "{}", '{"query": null}'):
        reply = client.raw("POST", body, JSON)
        assert reply.status == 400, body
        graphql_error(reply, "BAD_REQUEST")


def test_request_errors_answer_200_under_application_json_and_400_under_graphql_response_json(
    client: GraphQLClient,
) -> None:
    """As the GraphQL-over-HTTP specification asks: the status follows the media type the client accepts."""
    body = json.dumps({"query": "{ services { price } }"})
    plain = client.raw("POST", body, {**JSON, "accept": "application/json"})
    assert plain.status == 200
    assert plain.headers["content-type"].startswith("application/json")
    graphql_error(plain, "GRAPHQL_VALIDATION_FAILED")
    spec = client.raw("POST", body, {**JSON, "accept": "application/graphql-response+json"})
    assert spec.status == 400
    assert spec.headers["content-type"].startswith("application/graphql-response+json")
    graphql_error(spec, "GRAPHQL_VALIDATION_FAILED")
    served = client.raw("POST", json.dumps({"query": "{ agencies { code } }"}), {**JSON, "accept": "*/*"})
    assert served.status == 200
    assert served.headers["content-type"].startswith("application/json")


def test_an_accept_header_allowing_no_json_is_refused(client: GraphQLClient) -> None:
    reply = client.raw("POST", json.dumps({"query": "{ agencies { code } }"}), {**JSON, "accept": "text/xml"})
    assert reply.status == 406
    graphql_error(reply, "BAD_REQUEST")

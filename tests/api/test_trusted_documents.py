"""Trusted documents (RELIABILITY GQL-18), through the ASGI app and the Lambda handler: in prod only the
documents of graphql/ run, by id or by their exact text, and anything else is refused before parsing;
local (and dev) run any document, and every stage runs a manifest document by its id."""

from __future__ import annotations

import json
from typing import Any

import pytest

from functions.api.trusted_documents import MANIFEST, document_id_of
from functions.domain.errors import ErrorCode, messages_of
from tests.support.transports import GraphQLClient, Reply

TEXTS: dict[str, str] = json.loads(MANIFEST.read_text(encoding="utf-8"))
SERVICE_CATALOGUE = next(i for i, text in TEXTS.items() if text.startswith("query ServiceCatalogue("))
NOT_LISTED = "query Agencies { agencies { code } }"
NOT_EVEN_GRAPHQL = "query { agencies { code"  # a parser would call this a syntax error


def send(client: GraphQLClient, body: dict[str, Any], path: str = "/graphql/public") -> Reply:
    return client.raw("POST", json.dumps(body), {"content-type": "application/json"}, path=path)


def refused_with(reply: Reply, code: ErrorCode) -> bool:
    [error] = reply.json()["errors"]
    arabic, english = messages_of(code)
    extensions = error["extensions"]
    return (
        reply.status == 400
        and "data" not in reply.json()
        and (extensions["code"], extensions["messageAr"], extensions["messageEn"]) == (code.value, arabic, english)
    )


@pytest.mark.parametrize("path", ["/graphql", "/graphql/public"])
def test_in_prod_a_manifest_document_runs_by_its_id(production_client: GraphQLClient, path: str) -> None:
    reply = send(production_client, {"documentId": SERVICE_CATALOGUE, "variables": {"first": 3}}, path)
    assert reply.status == 200, reply.text
    assert len(reply.data["services"]) == 3


def test_in_prod_a_manifest_document_runs_by_its_exact_text(production_client: GraphQLClient) -> None:
    reply = send(production_client, {"query": TEXTS[SERVICE_CATALOGUE], "variables": {"first": 2}})
    assert reply.status == 200, reply.text
    assert len(reply.data["services"]) == 2


@pytest.mark.parametrize("path", ["/graphql", "/graphql/public"])
def test_in_prod_a_document_outside_the_manifest_is_refused_with_a_coded_bilingual_error(
    production_client: GraphQLClient, path: str
) -> None:
    assert refused_with(send(production_client, {"query": NOT_LISTED}, path), ErrorCode.DOCUMENT_NOT_TRUSTED)


def test_in_prod_the_text_must_be_the_manifests_to_the_byte(production_client: GraphQLClient) -> None:
    reformatted = TEXTS[SERVICE_CATALOGUE] + "\n"
    assert document_id_of(reformatted) not in TEXTS
    assert refused_with(send(production_client, {"query": reformatted}), ErrorCode.DOCUMENT_NOT_TRUSTED)


def test_in_prod_an_untrusted_document_is_refused_before_it_is_parsed(production_client: GraphQLClient) -> None:
    """A syntax error would be GRAPHQL_PARSE_FAILED had any parser seen it; introspection too is refused
    here, before the schema's own introspection guard."""
    assert refused_with(send(production_client, {"query": NOT_EVEN_GRAPHQL}), ErrorCode.DOCUMENT_NOT_TRUSTED)
    introspection = send(production_client, {"query": "{ __schema { types { name } } }"})
    assert refused_with(introspection, ErrorCode.DOCUMENT_NOT_TRUSTED)


def test_an_unknown_id_is_refused_in_every_stage(client: GraphQLClient, production_client: GraphQLClient) -> None:
    unknown = {"documentId": document_id_of(NOT_LISTED)}
    assert refused_with(send(client, unknown), ErrorCode.DOCUMENT_ID_UNKNOWN)
    assert refused_with(send(production_client, unknown), ErrorCode.DOCUMENT_ID_UNKNOWN)
    assert refused_with(send(production_client, {"documentId": 7}), ErrorCode.DOCUMENT_ID_UNKNOWN)


def test_an_id_runs_the_manifests_text_whatever_text_comes_with_it(production_client: GraphQLClient) -> None:
    reply = send(production_client, {"documentId": SERVICE_CATALOGUE, "query": NOT_LISTED, "variables": {"first": 1}})
    assert reply.status == 200, reply.text
    assert list(reply.data) == ["services"]


def test_locally_any_document_runs_and_manifest_ids_too(client: GraphQLClient) -> None:
    assert send(client, {"query": NOT_LISTED}).data["agencies"]
    assert len(send(client, {"documentId": SERVICE_CATALOGUE, "variables": {"first": 1}}).data["services"]) == 1
    assert send(client, {"query": NOT_EVEN_GRAPHQL}).error_codes == ["GRAPHQL_PARSE_FAILED"]


def test_malformed_bodies_are_left_to_the_graphql_layer_in_prod(production_client: GraphQLClient) -> None:
    """Nothing to run in them: refused as before (no batching, JSON only), never executed."""
    batch = production_client.raw("POST", json.dumps([{"query": NOT_LISTED}]), {"content-type": "application/json"})
    assert batch.status == 400
    assert "agencies" not in batch.text
    not_json = production_client.raw("POST", "{", {"content-type": "application/json"})
    assert not_json.status == 400

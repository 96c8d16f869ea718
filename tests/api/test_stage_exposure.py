"""What each stage shows: GraphiQL and introspection only in local/dev."""

from __future__ import annotations

import re

from tests.support.transports import GraphQLClient

HTML = {"accept": "text/html"}


def test_graphiql_is_served_locally(client: GraphQLClient) -> None:
    reply = client.raw("GET", None, HTML)
    assert reply.status == 200
    assert "graphiql" in reply.text.lower()


def test_no_ide_in_production(production_client: GraphQLClient) -> None:
    reply = production_client.raw("GET", None, HTML)
    assert reply.status != 200
    assert "graphiql" not in reply.text.lower()


def test_no_introspection_in_production(production_client: GraphQLClient) -> None:
    """Refused as a document outside the manifest (tests/api/test_trusted_documents.py), before the
    schema's own guard (tests/unit/test_graphql_protections.py) would refuse it."""
    reply = production_client.post("{ __schema { types { name } } }")
    assert reply.data is None
    assert reply.error_codes == ["DOCUMENT_NOT_TRUSTED"]
    assert "__schema" not in reply.text


def test_graphiql_loads_everything_from_our_own_origin(client: GraphQLClient) -> None:
    """Offline (or behind a proxy that blocks CDNs) GraphiQL must still load: nothing from elsewhere."""
    page = client.raw("GET", None, HTML).text
    assert not re.search(r"(?:src|href)=\"https?://", page)
    assets = re.findall(r"(?:src|href)=\"(/graphql/ide/[^\"]+)\"", page)
    assert len(assets) == 7
    for path in assets:
        served = client.raw("GET", None, {"accept": "*/*"}, path=path)
        assert served.status == 200, path
        assert len(served.text) > 500


def test_no_ide_assets_in_production(production_client: GraphQLClient) -> None:
    reply = production_client.raw(
        "GET", None, {"accept": "*/*"}, path="/graphql/ide/react@18.2.0/umd/react.production.min.js"
    )
    assert reply.status == 404
    assert reply.error_codes == ["BAD_REQUEST"]

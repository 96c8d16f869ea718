"""API tests: every case runs through the ASGI app and through the Lambda handler, against moto's
server (so tokens are verified against the JWKS it publishes, as against Cognito on AWS)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from functions.bootstrap import Settings, build_container, container
from functions.local.moto_server import MotoServer
from functions.local.provision import ProvisionedStack, provision
from functions.local.seeding import seed_catalogue, seed_people
from tests.support.ports import free_port
from tests.support.transports import AsgiClient, GraphQLClient, LambdaClient


@pytest.fixture(scope="module")
def stack(moto_server: MotoServer) -> ProvisionedStack:
    moto_server.reset()
    # The WebSocket API's management endpoint: a free port, served by the tests that need it.
    provisioned = provision(endpoint_url=moto_server.endpoint_url, websocket_url=f"http://127.0.0.1:{free_port()}")
    seeded = build_container(Settings.from_environ(provisioned.environment))
    seed_catalogue(seeded.use_cases.catalogue)
    seed_people(seeded)
    return provisioned


def client_for(transport: str, environment: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> GraphQLClient:
    if transport == "asgi":
        return AsgiClient(build_container(Settings.from_environ(environment)))
    for key, value in environment.items():
        monkeypatch.setitem(os.environ, key, value)
    container.cache_clear()
    from functions.handlers.graphql_http import handler

    return LambdaClient(handler)


@pytest.fixture(params=["asgi", "lambda"])
def client(
    request: pytest.FixtureRequest, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> Iterator[GraphQLClient]:
    yield client_for(request.param, stack.environment, monkeypatch)
    container.cache_clear()


@pytest.fixture(params=["asgi", "lambda"])
def production_client(
    request: pytest.FixtureRequest, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> Iterator[GraphQLClient]:
    yield client_for(request.param, {**stack.environment, "SHUBBAK_STAGE": "prod"}, monkeypatch)
    container.cache_clear()


@pytest.fixture
def lambda_environment(stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The stack's environment in this process, as the other Lambda handlers (queue consumers) read it."""
    for key, value in stack.environment.items():
        monkeypatch.setitem(os.environ, key, value)
    container.cache_clear()
    yield
    container.cache_clear()

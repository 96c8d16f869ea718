"""API tests: every case runs through the ASGI app and through the Lambda handler, on moto."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from moto import mock_aws

from functions.bootstrap import Container, Settings, build_container, container
from functions.local.provision import ProvisionedStack, provision
from functions.local.seeding import seed_catalogue
from tests.support.transports import AsgiClient, GraphQLClient, LambdaClient

MOTO_CONFIG = {"stepfunctions": {"execute_state_machine": True}}


@pytest.fixture(scope="module")
def stack() -> Iterator[ProvisionedStack]:
    with mock_aws(config=MOTO_CONFIG):  # type: ignore[arg-type]
        provisioned = provision()
        seed_catalogue(build_container(Settings.from_environ(provisioned.environment)).catalogue)
        yield provisioned


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
def local_container(stack: ProvisionedStack) -> Container:
    return build_container(Settings.from_environ(stack.environment))

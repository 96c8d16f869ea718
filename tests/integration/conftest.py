"""Integration tests run on in-process moto, with resources provisioned from infra/ exactly as the
local stack does. One fresh AWS per test module keeps them independent and fast enough."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from moto import mock_aws

from functions.bootstrap import Container, Settings, build_container
from functions.local.provision import ProvisionedStack, provision
from functions.local.seeding import seed_catalogue

MOTO_CONFIG = {"stepfunctions": {"execute_state_machine": True}}


@pytest.fixture(scope="module")
def aws() -> Iterator[None]:
    with mock_aws(config=MOTO_CONFIG):  # type: ignore[arg-type]
        yield


@pytest.fixture(scope="module")
def stack(aws: None) -> ProvisionedStack:
    return provision()


@pytest.fixture(scope="module")
def container(stack: ProvisionedStack) -> Container:
    built = build_container(Settings.from_environ(stack.environment))
    seed_catalogue(built.use_cases.catalogue)
    return built

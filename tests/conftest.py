"""Shared test set-up. Fake AWS credentials are set before any client exists, so no test can ever
reach a real account; moto (in-process or its server) answers every AWS call."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from functions.local.moto_server import MotoServer
from tests.support.ports import free_port

os.environ.update(
    {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "me-south-1",
        "POWERTOOLS_SERVICE_NAME": "shubbak",
        "POWERTOOLS_METRICS_NAMESPACE": "Shubbak",
        "POWERTOOLS_TRACE_DISABLED": "true",
    }
)
os.environ.pop("AWS_PROFILE", None)


@pytest.fixture(scope="session")
def moto_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoServer]:
    """One moto server for the session (Step Functions executing); modules reset it before use."""
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with MotoServer(free_port(), log_path=log) as server:
        yield server

"""CHAOS-06: every AWS client the code builds has the same bounded timeouts and retries, and sends no
attempt that could end after the request's deadline (the worst case against the functions' timeouts
is computed in tests/deployment/test_time_budget.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from botocore.config import Config

from functions.adapters.call_budget import (
    ATTEMPT_SECONDS,
    CLIENT_CONFIG,
    CONNECT_TIMEOUT_SECONDS,
    MAX_ATTEMPTS,
    READ_TIMEOUT_SECONDS,
    worst_case_seconds,
)
from functions.bootstrap import Settings, build_container
from functions.services.deadline import DeadlineExceeded, deadline_after, ensure_time_for, seconds_left

ROOT = Path(__file__).resolve().parents[2]
# Nothing listens here: a call that were sent would fail to connect, not raise DeadlineExceeded.
NOWHERE = "http://127.0.0.1:9"
ENVIRONMENT = dict.fromkeys(
    (
        "MAIN_TABLE",
        "AUDIT_TABLE",
        "USER_POOL_ID",
        "USER_POOL_CLIENT_ID",
        "IDEMPOTENCY_TABLE",
        "CONNECTIONS_TABLE",
        "DOCUMENTS_BUCKET",
        "TASK_TOKEN_KEY_ID",
    ),
    "x",
) | {
    "SHUBBAK_STAGE": "prod",
    "AWS_REGION": "me-south-1",
    "NOTIFICATIONS_TOPIC_ARN": "arn:aws:sns:me-south-1:123456789012:n",
    "EVENTS_TOPIC_ARN": "arn:aws:sns:me-south-1:123456789012:e",
    "HANDOFF_STATE_MACHINE_ARN": "arn:aws:states:me-south-1:123456789012:stateMachine:h",
    "WEBSOCKET_MANAGEMENT_URL": NOWHERE,
    "AWS_ENDPOINT_URL": NOWHERE,
}


@pytest.fixture
def container():  # type: ignore[no-untyped-def]
    return build_container(Settings.from_environ(ENVIRONMENT))


def client_settings(config: Config) -> tuple[float, float, int]:
    settings = config  # botocore's Config declares its options dynamically
    retries = settings.retries or {}  # type: ignore[attr-defined]
    return settings.connect_timeout, settings.read_timeout, retries.get("total_max_attempts")  # type: ignore[attr-defined]


@pytest.mark.parametrize("service", ["dynamodb", "sns", "stepfunctions", "cognito-idp", "s3"])
def test_every_client_of_the_composition_root_has_the_bounded_timeouts_and_retries(container, service: str) -> None:  # type: ignore[no-untyped-def]
    client = container.adapters.client(service)
    assert client_settings(client.meta.config) == (CONNECT_TIMEOUT_SECONDS, READ_TIMEOUT_SECONDS, MAX_ATTEMPTS)


def test_the_websocket_management_client_keeps_them_too(container) -> None:  # type: ignore[no-untyped-def]
    config = container.adapters.connection_gateway._api.meta.config
    assert client_settings(config) == (CONNECT_TIMEOUT_SECONDS, READ_TIMEOUT_SECONDS, MAX_ATTEMPTS)
    assert config.max_pool_connections == 16


def test_pynamodbs_connection_has_them_too(container) -> None:  # type: ignore[no-untyped-def]
    config = container.adapters.main_table.connection().client.meta.config
    assert client_settings(config) == (CONNECT_TIMEOUT_SECONDS, READ_TIMEOUT_SECONDS, MAX_ATTEMPTS)


def test_no_attempt_starts_that_could_end_after_the_deadline(container) -> None:  # type: ignore[no-untyped-def]
    """Refused before anything is sent: nothing listens at the endpoint, so a sent call would fail to
    connect instead."""
    calls = [
        lambda: container.adapters.client("sns").publish(TopicArn=ENVIRONMENT["EVENTS_TOPIC_ARN"], Message="m"),
        lambda: container.adapters.staff.get_staff("someone"),  # PynamoDB's shared connection
    ]
    for call in calls:
        with deadline_after(ATTEMPT_SECONDS - 0.5), pytest.raises(DeadlineExceeded):
            call()


def test_without_a_deadline_nothing_is_refused_and_the_deadline_follows_the_context() -> None:
    assert seconds_left() is None
    ensure_time_for(3600)
    with deadline_after(10):
        left = seconds_left()
        assert left is not None
        assert 0 < left <= 10
    assert seconds_left() is None


def test_the_worst_case_of_one_call_counts_every_attempt_and_backoff() -> None:
    assert worst_case_seconds(CLIENT_CONFIG) == MAX_ATTEMPTS * ATTEMPT_SECONDS + 1 + 2
    assert worst_case_seconds(Config(connect_timeout=60, read_timeout=60)) == 5 * 120 + 1 + 2 + 4 + 8


def test_only_the_composition_root_and_the_table_binding_make_aws_clients() -> None:
    """So no client escapes the budget: botocore clients through ``AwsAdapters.client``, PynamoDB's
    connection through ``TableBinding``; local tooling is exempt."""
    makers = re.compile(r"create_client\(|boto3\.client\(|boto3\.resource\(|\b(?:Bounded)?Connection\(")
    found = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "functions").rglob("*.py")
        if "local" not in path.parts and makers.search(path.read_text(encoding="utf-8"))
    }
    assert found == {"functions/composition/aws.py", "functions/adapters/dynamodb/table.py"}

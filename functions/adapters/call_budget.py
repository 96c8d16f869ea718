"""How long one AWS call may take, for every client the code builds (RELIABILITY CHAOS-06).

botocore's defaults (60 s to connect, 60 s to read, retried) outlast the HTTP function's 28 s, so a
stalled dependency would end in the gateway's own error. Every botocore client (built by
``composition/aws.py``) and PynamoDB's connection (``adapters/dynamodb/table.py``) use these
limits instead, and every attempt first checks the request's deadline (``services/deadline.py``).
``tests/unit/test_call_budget.py`` computes the worst case from these settings and serverless.yml's
timeouts.
"""

from __future__ import annotations

from typing import Any, TypeVar

from botocore.config import Config

from functions.services.deadline import ensure_time_for

__all__ = [
    "ATTEMPT_SECONDS",
    "CLIENT_CONFIG",
    "CONNECT_TIMEOUT_SECONDS",
    "MAX_ATTEMPTS",
    "MAX_BACKOFF_SECONDS",
    "READ_TIMEOUT_SECONDS",
    "bounded",
    "worst_case_seconds",
]

CONNECT_TIMEOUT_SECONDS = 1.0
READ_TIMEOUT_SECONDS = 4.0
"""DynamoDB, SNS, Step Functions and Cognito answer in milliseconds; 4 s is a stall, not a slow answer."""
MAX_ATTEMPTS = 3
ATTEMPT_SECONDS = CONNECT_TIMEOUT_SECONDS + READ_TIMEOUT_SECONDS
MAX_BACKOFF_SECONDS = 20.0
"""botocore's standard retry mode: the n-th retry waits a random time up to ``min(2**(n-1), 20)`` s."""

CLIENT_CONFIG = Config(
    connect_timeout=CONNECT_TIMEOUT_SECONDS,
    read_timeout=READ_TIMEOUT_SECONDS,
    retries={"mode": "standard", "total_max_attempts": MAX_ATTEMPTS},
)

C = TypeVar("C")


def bounded(client: C) -> C:
    """The client, sending no attempt that could end after the request's deadline."""
    events: Any = client.meta.events  # type: ignore[attr-defined]
    events.register_first("before-send.*.*", _before_attempt, unique_id="shubbak-deadline")
    return client


def _before_attempt(**_: Any) -> None:
    ensure_time_for(ATTEMPT_SECONDS)


def worst_case_seconds(config: Config) -> float:
    """The longest one call through a client with ``config`` can take: every attempt stalled to its
    timeouts, and the longest backoff before each retry (a throttled answer's ``retry-after`` adds at
    most 5 s to a retry, which a fast answer leaves within the attempt's own timeouts)."""
    settings: Any = config
    retries: dict[str, Any] = settings.retries or {}
    attempts = int(retries.get("total_max_attempts") or retries.get("max_attempts", 4) + 1)
    backoff = sum(min(2.0 ** (retry - 1), MAX_BACKOFF_SECONDS) for retry in range(1, attempts))
    return attempts * (float(settings.connect_timeout) + float(settings.read_timeout)) + backoff

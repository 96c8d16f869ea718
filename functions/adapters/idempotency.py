"""Powertools idempotency on its own DynamoDB table, scoped by the caller's key (centre + key).

A repeat with the same key returns the stored first result; the same key with a different payload is
``IDEMPOTENCY_KEY_REUSED``; a repeat while the first is still running is ``IDEMPOTENCY_IN_PROGRESS``
(retryable). If the work raises, Powertools deletes its record so a retry can run again. When the
idempotency table itself cannot be reached (a stall, throttling), Powertools' persistence error goes
on with its cause, and the API answers it ``TEMPORARILY_UNAVAILABLE`` (``api/root_fields.py``); the
record it could not delete frees itself after the work budget.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)
from aws_lambda_powertools.utilities.idempotency.exceptions import (
    IdempotencyAlreadyInProgressError,
    IdempotencyValidationError,
)

from functions.domain.errors import Conflict, ErrorCode

__all__ = ["PowertoolsIdempotency"]

EXPIRES_AFTER_SECONDS = 3600
WORK_BUDGET_SECONDS = 25.0
"""An in-progress record frees itself after this (by default the GraphQL function's 28 s timeout, less
a margin; the composition root gives the request's deadline and a little more), so a retry after a
timed-out attempt is not blocked for the record's whole hour."""


class _Budget:
    """What Powertools reads of a Lambda context: the time left for the work that just started."""

    def __init__(self, seconds: float) -> None:
        self._deadline = time.monotonic() + seconds

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


class PowertoolsIdempotency:
    def __init__(
        self,
        table_name: str,
        client: Any,
        expires_after_seconds: int = EXPIRES_AFTER_SECONDS,
        work_budget_seconds: float = WORK_BUDGET_SECONDS,
    ) -> None:
        self._persistence = DynamoDBPersistenceLayer(table_name=table_name, boto3_client=client)
        self._expires_after_seconds = expires_after_seconds
        self._work_budget_seconds = work_budget_seconds

    def run(self, key: str, payload: dict[str, object], work: Callable[[], dict[str, str]]) -> dict[str, str]:
        config = IdempotencyConfig(
            event_key_jmespath="key",
            payload_validation_jmespath="payload",
            raise_on_no_idempotency_key=True,
            expires_after_seconds=self._expires_after_seconds,
        )
        config.register_lambda_context(_Budget(self._work_budget_seconds))  # type: ignore[arg-type]

        @idempotent_function(data_keyword_argument="submission", persistence_store=self._persistence, config=config)  # type: ignore[untyped-decorator]
        def submit_once(submission: dict[str, object]) -> dict[str, str]:
            return work()

        try:
            result: dict[str, str] = submit_once(submission={"key": key, "payload": payload})
        except IdempotencyValidationError as error:
            raise Conflict(ErrorCode.IDEMPOTENCY_KEY_REUSED, field="idempotencyKey") from error
        except IdempotencyAlreadyInProgressError as error:
            raise Conflict(ErrorCode.IDEMPOTENCY_IN_PROGRESS, field="idempotencyKey") from error
        return result

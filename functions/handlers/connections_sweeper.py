"""Scheduled: close WebSocket connections that never sent ``connection_init`` in time, or outlived their
life, and forget them with their subscriptions (DynamoDB's TTL is the backstop, not the deadline)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.bootstrap import container
from functions.handlers.observability import logger


@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, int]:
    return {"closed": container().use_cases.live_sessions.sweep()}

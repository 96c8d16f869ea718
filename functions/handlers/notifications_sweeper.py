"""Scheduled: announce again every SMS left pending (its announcement was lost after the commit)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.bootstrap import container
from functions.handlers.observability import logger

PENDING_FOR = timedelta(minutes=2)


@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, int]:
    return {"announced": container().notifications.announce_pending(PENDING_FOR)}

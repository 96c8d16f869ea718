"""Scheduled: inspection findings still open after their follow-up date raise an escalation."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.bootstrap import container
from functions.handlers.observability import logger


@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, int]:
    return {"followUpsOverdue": container().use_cases.inspections.raise_overdue_follow_ups()}

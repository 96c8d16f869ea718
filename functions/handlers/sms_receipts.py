"""SNS's SMS delivery-status logs (a CloudWatch Logs subscription filter) -> each receipt applied once."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.adapters.sns_delivery_logs import receipts_from_logs
from functions.bootstrap import container
from functions.handlers.observability import logger, tracer


@logger.inject_lambda_context
@tracer.capture_lambda_handler
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, int]:
    delivery = container().use_cases.sms_delivery
    outcomes = [delivery.record_receipt(receipt).value for receipt in receipts_from_logs(event)]
    return {outcome: outcomes.count(outcome) for outcome in set(outcomes)}

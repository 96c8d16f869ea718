"""The aggregator's delivery-report webhook (HTTP API, no user token: each report is signed, see
``services/delivery_reports.py``) -> one receipt applied; a refusal is a coded JSON answer."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.bootstrap import container
from functions.domain.errors import DomainError
from functions.handlers.observability import logger
from functions.handlers.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, answer, refused, signed_request

__all__ = ["SIGNATURE_HEADER", "TIMESTAMP_HEADER", "handler"]


@logger.inject_lambda_context(correlation_id_path="requestContext.requestId")
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    try:
        outcome = container().use_cases.delivery_reports.receive(*signed_request(event))
    except DomainError as refusal:
        logger.warning("delivery report refused", extra={"code": refusal.code.value})
        return refused(refusal)
    return answer(200, {"outcome": outcome.value})
